"""Where the CLI writes (data to stdout, messages and errors to stderr) and how lists look.

A list prints one line per item whatever the terminal's width: every cell
stays on its line, the long text columns share the room the others leave and
end in "…" when cut, and columns marked optional are left out when even that
is too narrow. Detail views (``accord status``, ``accord history``) print text
whole.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.table import Column, Table
from rich.text import Text

console = Console(soft_wrap=True)
error_console = Console(stderr=True, soft_wrap=True)

# A cut text column keeps at least this many characters before optional columns go.
WIDE_MINIMUM = 24
# Lists cut a commitment's sectors beyond this many characters (the record keeps them all).
SECTORS_WIDTH = 24
# Between two columns: one space of divider and one of padding.
GAP = 2


@dataclass(frozen=True)
class ListColumn:
    """A column of a list: ``wide`` ones share the room left, ``optional`` ones may be left out."""

    header: str
    wide: bool = False
    optional: bool = False
    justify: Literal["left", "right"] = "left"
    # A column that is not wide is as wide as its longest cell, up to this.
    max_width: int | None = None


@dataclass
class ListTable:
    """The rows of a list, printed by ``print_list`` once their widths are known."""

    title: str
    columns: tuple[ListColumn, ...]
    rows: list[tuple[str, ...]] = field(default_factory=list)

    def add_row(self, *cells: str) -> None:
        self.rows.append(tuple(" ".join(cell.split()) for cell in cells))


def list_table(title: str, *columns: ListColumn | str) -> ListTable:
    """A list titled ``title``; a plain string is a column never cut nor left out (ids, dates)."""
    return ListTable(title, tuple(ListColumn(c) if isinstance(c, str) else c for c in columns))


def print_list(table: ListTable, width: int | None = None) -> None:
    """Print ``table`` one line per row, fitted to ``width`` (the terminal's), or say it is empty."""
    if not table.rows:
        console.print(f"no {table.title.lower()}", markup=False)
        return
    widths = fit_columns(table, width or console.width)
    kept = [i for i, column in enumerate(table.columns) if i in widths]
    rendered = Table(
        *(
            Column(
                table.columns[i].header,
                width=widths[i],
                justify=table.columns[i].justify,
                no_wrap=True,
                overflow="ellipsis",
            )
            for i in kept
        ),
        title=table.title,
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        padding=(0, 1, 0, 0),
    )
    for row in table.rows:
        rendered.add_row(*(Text(row[i]) for i in kept))
    console.print(rendered, markup=False, highlight=False, soft_wrap=False, crop=True)


def fit_columns(table: ListTable, width: int) -> dict[int, int]:
    """The width of each column kept (by position) so that every row fits in ``width``.

    Optional columns are left out from the right until the wide ones get ``WIDE_MINIMUM``.
    """
    natural = {
        i: min(
            max(cell_len(text) for text in [c.header, *(row[i] for row in table.rows)]),
            c.max_width or width,
        )
        for i, c in enumerate(table.columns)
    }

    def needed(kept: Sequence[int]) -> int:
        return GAP * (len(kept) - 1) + sum(
            min(natural[i], WIDE_MINIMUM) if table.columns[i].wide else natural[i] for i in kept
        )

    kept = list(natural)
    for optional in reversed([i for i, c in enumerate(table.columns) if c.optional]):
        if needed(kept) <= width:
            break
        kept.remove(optional)
    room = width - GAP * (len(kept) - 1)
    wide = [i for i in kept if table.columns[i].wide]
    if not wide or needed(kept) > width:
        return _share(kept, natural, room)  # the last resort: every column may be cut
    fixed = {i: natural[i] for i in kept if i not in wide}
    return {**fixed, **_share(wide, natural, room - sum(fixed.values()))}


def _share(columns: Sequence[int], natural: dict[int, int], room: int) -> dict[int, int]:
    """Split ``room`` between ``columns``: the narrow ones whole, the others equal shares."""
    widths: dict[int, int] = {}
    left = sorted(columns, key=lambda i: natural[i])
    while left:
        share = max(room // len(left), 1)
        current = left.pop(0)
        widths[current] = min(natural[current], share)
        room -= widths[current]
    return widths
