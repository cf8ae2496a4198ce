"""One layout per report: every format says the same sentences, laid out once as blocks."""

from __future__ import annotations

import datetime as dt
import html
import re

import pytest

from accord.report.blocks import (
    Facts,
    Heading,
    Notes,
    NumberedList,
    Paragraph,
    ReportDocument,
    Table,
    plain_text,
)
from accord.report.downloads import render_document
from accord.report.session_brief import build_session_brief
from accord.report.session_brief_layout import session_brief_document
from accord.report.status_report import build_status_report
from accord.report.status_report_layout import status_report_document

from .conftest import Record
from .readers import folded, read_docx

TODAY = dt.date(2026, 3, 2)


def sentences(document: ReportDocument) -> list[str]:
    """The words a reader must find in every format: headings, paragraphs, facts, cells, notes."""
    found = [document.title]
    for block in document.blocks:
        if isinstance(block, Heading):
            found.append(block.text)
        elif isinstance(block, Paragraph):
            found.append(plain_text(block.content))
        elif isinstance(block, Notes):
            found += [plain_text(line) for line in block.lines]
        elif isinstance(block, Facts):
            found += [f"{label} {plain_text(value)}" for label, value in block.rows]
        elif isinstance(block, Table):
            for row in block.rows:
                for cell in row.cells:
                    found += [plain_text(cell.content), *map(plain_text, cell.notes)]
        elif isinstance(block, NumberedList):
            found += [plain_text(item) for item in block.items]
    return [folded(text) for text in found if text.strip()]


def as_text(document: ReportDocument, fmt: str) -> str:
    """What a reader of the file sees, markup taken away and whitespace folded."""
    content = render_document(document, fmt, "report").content
    if fmt == "docx":
        return folded(read_docx(content).text)
    text = content.decode("utf-8")
    if fmt == "html":
        text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    else:
        text = re.sub(r"\\(.)", r"\1", text).replace("|", " ")
    return folded(text)


def _loose(text: str) -> str:
    """Words and punctuation only: table cells, quotation marks and list numbers set aside."""
    return " ".join(re.sub(r"[“”|#>*]", " ", text).split())


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
def test_layout_session_brief_says_every_sentence_in_every_format(record: Record, fmt: str) -> None:
    document = session_brief_document(
        build_session_brief(record.db, "Kazakhstan–Uzbekistan #20", TODAY)
    )
    shown = _loose(as_text(document, fmt))
    missing = [text for text in sentences(document) if _loose(text) not in shown]
    assert missing == []


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
def test_layout_status_report_says_every_sentence_in_every_format(record: Record, fmt: str) -> None:
    document = status_report_document(
        build_status_report(record.db, "Kazakhstan–Uzbekistan", dt.date(2026, 3, 1), TODAY)
    )
    shown = _loose(as_text(document, fmt))
    missing = [text for text in sentences(document) if _loose(text) not in shown]
    assert missing == []
