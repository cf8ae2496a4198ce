"""A laid-out report as Markdown: GitHub-style tables, quotations as block quotes.

Every piece of text is escaped (``escape_markdown``), so nothing a document
says can become a link, raw HTML or a table cell of its own.
"""

from __future__ import annotations

from accord.report.blocks import (
    Block,
    Cell,
    Facts,
    Figure,
    Figures,
    Heading,
    Inline,
    Notes,
    NumberedList,
    Paragraph,
    ReportDocument,
    Table,
)
from accord.report.rendering import escape_markdown


def render_markdown(document: ReportDocument) -> str:
    parts = [f"# {escape_markdown(document.title)}"]
    parts += [text for block in document.blocks if (text := _block(block))]
    return "\n\n".join(parts) + "\n"


def _inline(content: Inline) -> str:
    return "".join(
        f"“{escape_markdown(s.text)}”" if s.style == "quote" else escape_markdown(s.text)
        for s in content
    )


def _cell(cell: Cell) -> str:
    """The cell on one line: its content, then its notes in parentheses."""
    content, notes = _inline(cell.content), "; ".join(_inline(n) for n in cell.notes)
    if content and notes:
        return f"{content} ({notes})"
    return content or notes


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _block(block: Block) -> str:
    if isinstance(block, Heading):
        return f"{'#' * (block.level + 1)} {escape_markdown(block.text)}"
    if isinstance(block, Paragraph):
        return _inline(block.content)
    if isinstance(block, Notes):
        return "\n\n".join(f"> {_inline(line)}" for line in block.lines)
    if isinstance(block, Facts):
        lines = ["| | |", "| --- | --- |"]
        lines += [_row([escape_markdown(label), _inline(value)]) for label, value in block.rows]
        return "\n".join(lines)
    if isinstance(block, Figures):
        labels = [escape_markdown(label) for _, label in block.items]
        values = [escape_markdown(value) for value, _ in block.items]
        return "\n".join([_row(labels), _row(["---:"] * len(labels)), _row(values)])
    if isinstance(block, Figure):
        description = escape_markdown(block.chart.description)
        return f"![{description}]({block.chart.data_uri})\n\n*{description}*"
    if isinstance(block, Table):
        lines = [
            _row([escape_markdown(c.header) for c in block.columns]),
            _row(["---:" if c.numeric else "---" for c in block.columns]),
        ]
        lines += [_row([_cell(c) for c in row.cells]) for row in block.rows]
        return "\n".join(lines)
    if isinstance(block, NumberedList):
        return "\n".join(f"{n}. {_inline(item)}" for n, item in enumerate(block.items, start=1))
    raise TypeError(f"no Markdown for {type(block).__name__}")
