"""A laid-out report as a Word document: real headings, tables and pictures, editable.

python-docx writes with Word's own styles (Title, Heading 1 and 2, Table
Grid, Caption, List Number), so a secretariat can restyle, edit and reuse the
document. Small print (citations, evidence) is grey and small, under the text
it supports.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from docx import Document as new_document
from docx.document import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table as DocxTable
from docx.table import _Cell, _Row
from docx.text.paragraph import Paragraph as DocxParagraph

from accord.report.blocks import (
    Block,
    ColumnSize,
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
    inline,
)

MUTED = RGBColor(0x5F, 0x6B, 0x7A)
CONTENT_WIDTH_CM = 17.0
SMALL_PT = 8.0
COMPACT_PT = 7.5
# Widths of the sized columns; "wide" columns share what is left of the page.
COLUMN_WIDTHS_CM: dict[ColumnSize, float] = {
    "number": 1.0,
    "figure": 1.36,
    "short": 2.2,
    "medium": 4.5,
}
FACT_LABEL_CM = 4.0


def render_docx(report: ReportDocument) -> bytes:
    document = _new_document(report.title)
    for block in report.blocks:
        _block(document, block)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _new_document(title: str) -> Document:
    """An A4 document with the report's fonts and margins, its title and a running footer."""
    document = new_document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.0)
    section.top_margin = section.bottom_margin = Cm(2.0)
    normal = document.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(10)
    document.core_properties.title = title
    document.core_properties.author = "Accord"
    document.add_heading(title, level=0)
    footer = section.footer.paragraphs[0]
    footer.text = title
    footer.runs[0].font.size = Pt(8)
    footer.runs[0].font.color.rgb = MUTED
    return document


def _block(document: Document, block: Block) -> None:
    if isinstance(block, Heading):
        document.add_heading(block.text, level=block.level)
    elif isinstance(block, Paragraph):
        muted = block.tone in ("subtitle", "note", "empty")
        _runs(document.add_paragraph(), block.content, muted=muted, italic=muted)
    elif isinstance(block, Notes):
        for line in block.lines:
            _small_print(document.add_paragraph(), line)
    elif isinstance(block, Facts):
        _label_table(document, list(block.rows))
    elif isinstance(block, Figures):
        _label_table(document, [(label, inline(value)) for value, label in block.items])
    elif isinstance(block, Figure):
        document.add_picture(io.BytesIO(block.chart.png), width=Cm(15.5))
        document.add_paragraph(block.chart.description, style="Caption")
    elif isinstance(block, Table):
        _table(document, block)
    elif isinstance(block, NumberedList):
        for item in block.items:
            _runs(document.add_paragraph(style="List Number"), item)
    else:
        raise TypeError(f"no DOCX for {type(block).__name__}")


def _runs(
    paragraph: DocxParagraph,
    content: Inline,
    *,
    muted: bool = False,
    italic: bool = False,
    bold: bool = False,
    size: float | None = None,
) -> None:
    """Add ``content`` to ``paragraph``: strong text bold, quotations italic in quotation marks."""
    for span in content:
        run = paragraph.add_run(f"“{span.text}”" if span.style == "quote" else span.text)
        run.bold = bold or span.style == "strong" or None
        run.italic = italic or span.style == "quote" or None
        if muted:
            run.font.color.rgb = MUTED
        if size is not None:
            run.font.size = Pt(size)


def _small_print(paragraph: DocxParagraph, line: Inline) -> None:
    paragraph.paragraph_format.space_before = Pt(2)
    _runs(paragraph, line, muted=True, size=SMALL_PT)


def _label_table(document: Document, rows: Sequence[tuple[str, Inline]]) -> None:
    """A two-column table of bold labels and their values."""
    table = _new_table(document, len(rows), 2)
    for (label, value), table_row in zip(rows, table.rows, strict=True):
        _runs(table_row.cells[0].paragraphs[0], inline(label), bold=True)
        _runs(table_row.cells[1].paragraphs[0], value)
    _widths(table, [FACT_LABEL_CM, CONTENT_WIDTH_CM - FACT_LABEL_CM])


def _table(document: Document, block: Table) -> None:
    """A table with a repeating, shaded header row; each cell's notes in small print under it."""
    size = COMPACT_PT if block.compact else None
    table = _new_table(document, len(block.rows) + 1, len(block.columns))
    header = table.rows[0]
    _repeat_header(header)
    for docx_cell, column in zip(header.cells, block.columns, strict=True):
        _runs(docx_cell.paragraphs[0], inline(column.header), bold=True, size=size)
        _shade(docx_cell, "F3F6F9")
    for table_row, docx_row in zip(block.rows, table.rows[1:], strict=True):
        for cell, docx_cell in zip(table_row.cells, docx_row.cells, strict=True):
            _runs(docx_cell.paragraphs[0], cell.content, bold=table_row.total, size=size)
            for n, line in enumerate(cell.notes):
                first = n == 0 and not cell.content
                _small_print(docx_cell.paragraphs[0] if first else docx_cell.add_paragraph(), line)
    _widths(table, _column_widths([c.size for c in block.columns]))


def _column_widths(sizes: Sequence[ColumnSize]) -> list[float]:
    fixed = sum(COLUMN_WIDTHS_CM.get(s, 0.0) for s in sizes)
    wide = sum(s == "wide" for s in sizes)
    share = max((CONTENT_WIDTH_CM - fixed) / wide, 2.0) if wide else 0.0
    return [COLUMN_WIDTHS_CM.get(s, share) for s in sizes]


def _new_table(document: Document, rows: int, columns: int) -> DocxTable:
    table: DocxTable = document.add_table(rows=rows, cols=columns)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    return table


def _widths(table: DocxTable, widths: Sequence[float]) -> None:
    for table_row in table.rows:
        for docx_cell, width in zip(table_row.cells, widths, strict=True):
            docx_cell.width = Cm(width)


def _repeat_header(header: _Row) -> None:
    properties = header._tr.get_or_add_trPr()
    marker = OxmlElement("w:tblHeader")
    marker.set(qn("w:val"), "true")
    properties.append(marker)


def _shade(docx_cell: _Cell, fill: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    docx_cell._tc.get_or_add_tcPr().append(shading)
