"""Building blocks for the Word reports: real headings, tables and pictures, editable.

python-docx writes with Word's own styles (Title, Heading 1 and 2, Table
Grid, Caption), so a secretariat can restyle, edit and reuse the document.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from docx import Document as new_document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph

from accord.report.charts import Chart
from accord.report.wording import one_line, source_label
from accord.store.citations import Citation

MUTED = RGBColor(0x5F, 0x6B, 0x7A)
CONTENT_WIDTH_CM = 17.0


class WordReport:
    """A Word document under construction, A4 with the report's fonts and margins."""

    def __init__(self, title: str, subtitle: str) -> None:
        self.document = new_document()
        section = self.document.sections[0]
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        section.left_margin = section.right_margin = Cm(2.0)
        section.top_margin = section.bottom_margin = Cm(2.0)
        normal = self.document.styles["Normal"]
        normal.font.name = "Calibri"
        normal.font.size = Pt(10)
        self.document.core_properties.title = title
        self.document.core_properties.author = "Accord"
        self.document.add_heading(title, level=0)
        self.muted(subtitle)
        footer = section.footer.paragraphs[0]
        footer.text = title
        footer.runs[0].font.size = Pt(8)
        footer.runs[0].font.color.rgb = MUTED

    def heading(self, text: str, level: int = 1) -> None:
        self.document.add_heading(text, level=level)

    def text(self, text: str, *, bold_prefix: str | None = None) -> None:
        paragraph = self.document.add_paragraph()
        if bold_prefix:
            paragraph.add_run(bold_prefix).bold = True
        paragraph.add_run(text)

    def muted(self, text: str) -> None:
        run = self.document.add_paragraph().add_run(text)
        run.italic = True
        run.font.color.rgb = MUTED

    def citations(self, citations: Sequence[Citation], *, quote: bool = True) -> None:
        """Each citation as a small grey line: the quote, then where it comes from."""
        for citation in citations:
            paragraph = self.document.add_paragraph()
            _cite(paragraph, citation, quote)

    def facts(self, rows: Sequence[tuple[str, str]]) -> None:
        """A two-column table of labels and values."""
        table = self._table(len(rows), 2)
        for (label, value), row in zip(rows, table.rows, strict=True):
            row.cells[0].text = label
            row.cells[0].paragraphs[0].runs[0].bold = True
            row.cells[1].text = value
        _widths(table, [4.0, CONTENT_WIDTH_CM - 4.0])

    def table(
        self,
        headers: Sequence[str],
        rows: Sequence[Sequence[str]],
        widths: Sequence[float],
        citations: Sequence[Sequence[Citation]] | None = None,
        *,
        quote: Sequence[bool] | bool = True,
        font_size: float | None = None,
    ) -> None:
        """A table with a repeating bold header row; ``citations[i]`` go under the last cell."""
        table = self._table(len(rows) + 1, len(headers))
        header = table.rows[0]
        _repeat_header(header)
        for cell, text in zip(header.cells, headers, strict=True):
            cell.text = text
            cell.paragraphs[0].runs[0].bold = True
            _shade(cell, "F3F6F9")
        for n, (values, row) in enumerate(zip(rows, table.rows[1:], strict=True)):
            for cell, value in zip(row.cells, values, strict=True):
                cell.text = value
            if citations is not None:
                cell = row.cells[-1]
                shown = quote[n] if isinstance(quote, Sequence) else quote
                for k, citation in enumerate(citations[n]):
                    empty = k == 0 and not values[-1]
                    _cite(cell.paragraphs[0] if empty else cell.add_paragraph(), citation, shown)
        _widths(table, widths)
        if font_size is not None:
            for row in table.rows:
                for cell in row.cells:
                    for paragraph in cell.paragraphs:
                        for run in paragraph.runs:
                            run.font.size = Pt(font_size)

    def chart(self, chart: Chart) -> None:
        self.document.add_picture(io.BytesIO(chart.png), width=Cm(15.5))
        self.document.add_paragraph(chart.description, style="Caption")

    def numbered(self, items: Sequence[str]) -> None:
        for item in items:
            self.document.add_paragraph(item, style="List Number")

    def to_bytes(self) -> bytes:
        out = io.BytesIO()
        self.document.save(out)
        return out.getvalue()

    def _table(self, rows: int, columns: int) -> Table:
        table: Table = self.document.add_table(rows=rows, cols=columns)
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        return table


def _cite(paragraph: Paragraph, citation: Citation, quote: bool) -> None:
    paragraph.paragraph_format.space_before = Pt(2)
    if quote:
        run = paragraph.add_run(f"“{one_line(citation.quote)}” — ")
        run.italic = True
        run.font.size = Pt(8)
        run.font.color.rgb = MUTED
    run = paragraph.add_run(source_label(citation))
    run.font.size = Pt(8)
    run.font.color.rgb = MUTED


def _widths(table: Table, widths: Sequence[float]) -> None:
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = Cm(width)


def _repeat_header(row: _Row) -> None:
    properties = row._tr.get_or_add_trPr()
    marker = OxmlElement("w:tblHeader")
    marker.set(qn("w:val"), "true")
    properties.append(marker)


def _shade(cell: _Cell, fill: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)
