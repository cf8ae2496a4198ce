"""A report as a sequence of blocks: headings, paragraphs, facts, tables, figures and notes.

Each report is laid out once as a ``ReportDocument`` (``session_brief_layout``,
``status_report_layout``): every sentence and label is written there. The
renderers only translate blocks into a format: Markdown (``markdown_rendering``),
HTML and so PDF (``templates/report.html.j2``) and DOCX (``docx_rendering``).
Text inside blocks is plain, untrusted text; each renderer escapes it for its
format.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, Literal

if TYPE_CHECKING:
    from accord.report.charts import Chart

SpanStyle = Literal["plain", "strong", "quote", "badge", "link"]


@dataclass(frozen=True)
class Span:
    """A run of text: plain, strong, a quotation, a status or strength badge, or a web link.

    ``value`` is the badge's value (its colour) or the link's address.
    """

    text: str
    style: SpanStyle = "plain"
    value: str = ""


Inline = tuple[Span, ...]


def inline(*parts: str | Span | Inline) -> Inline:
    """Spans from plain strings, spans and other inline runs; empty strings are dropped."""
    spans: list[Span] = []
    for part in parts:
        if isinstance(part, str):
            if part:
                spans.append(Span(part))
        elif isinstance(part, Span):
            spans.append(part)
        else:
            spans.extend(part)
    return tuple(spans)


def strong(text: str) -> Span:
    return Span(text, "strong")


def quote(text: str) -> Span:
    return Span(" ".join(text.split()), "quote")


def badge(value: str, label: str | None = None) -> Span:
    return Span(label or value, "badge", value)


def link(address: str) -> Span:
    return Span(address, "link", address)


def plain_text(content: Inline) -> str:
    """The text of ``content`` as a reader sees it, quotation marks included."""
    return "".join(f"“{s.text}”" if s.style == "quote" else s.text for s in content)


@dataclass(frozen=True)
class Heading:
    kind: ClassVar[str] = "heading"
    text: str
    level: Literal[1, 2] = 1


@dataclass(frozen=True)
class Paragraph:
    """A paragraph; its tone says how it stands out: a subtitle, a lead, a note, or "nothing"."""

    kind: ClassVar[str] = "paragraph"
    content: Inline
    tone: Literal["text", "subtitle", "lead", "note", "empty"] = "text"


@dataclass(frozen=True)
class Notes:
    """Small print under what precedes it: citations, each on a line."""

    kind: ClassVar[str] = "notes"
    lines: tuple[Inline, ...]


@dataclass(frozen=True)
class Facts:
    """Labels and their values, one pair a row."""

    kind: ClassVar[str] = "facts"
    rows: tuple[tuple[str, Inline], ...]


@dataclass(frozen=True)
class Figures:
    """Key figures side by side: each a value and what it counts."""

    kind: ClassVar[str] = "figures"
    items: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Figure:
    kind: ClassVar[str] = "figure"
    chart: Chart


ColumnSize = Literal["number", "figure", "short", "medium", "wide"]


@dataclass(frozen=True)
class Column:
    """A table column; its size is a hint each format turns into a width."""

    header: str
    size: ColumnSize = "wide"

    @property
    def numeric(self) -> bool:
        return self.size in ("number", "figure")


@dataclass(frozen=True)
class Cell:
    """A table cell: its content, then small-print notes (citations, evidence) under it."""

    content: Inline
    notes: tuple[Inline, ...] = ()


@dataclass(frozen=True)
class Row:
    cells: tuple[Cell, ...]
    total: bool = False


@dataclass(frozen=True)
class Table:
    kind: ClassVar[str] = "table"
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    compact: bool = False


@dataclass(frozen=True)
class NumberedList:
    kind: ClassVar[str] = "numbered_list"
    items: tuple[Inline, ...]


Block = Heading | Paragraph | Notes | Facts | Figures | Figure | Table | NumberedList


@dataclass(frozen=True)
class ReportDocument:
    """A whole report: its title and its blocks, in reading order."""

    title: str
    blocks: tuple[Block, ...]


def cell(*parts: str | Span | Inline, notes: Sequence[Inline] = ()) -> Cell:
    return Cell(inline(*parts), tuple(notes))


def row(*cells: Cell | str, total: bool = False) -> Row:
    return Row(tuple(c if isinstance(c, Cell) else cell(c) for c in cells), total)
