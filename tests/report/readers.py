"""Opening produced files with real readers, to check what a user would see in them."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

import docx
from pypdf import PdfReader


@dataclass(frozen=True)
class WordContent:
    headings: dict[int, list[str]]
    text: str
    tables: list[list[list[str]]]
    pictures: int
    title: str


def read_docx(content: bytes) -> WordContent:
    document = docx.Document(io.BytesIO(content))
    headings: dict[int, list[str]] = {}
    for paragraph in document.paragraphs:
        match = re.fullmatch(r"Heading (\d)", paragraph.style.name if paragraph.style else "")
        if match:
            headings.setdefault(int(match[1]), []).append(paragraph.text)
    tables = [
        [[cell.text for cell in row.cells] for row in table.rows] for table in document.tables
    ]
    cells = [cell for table in tables for row in table for cell in row]
    text = "\n".join([p.text for p in document.paragraphs] + cells)
    return WordContent(
        headings, text, tables, len(document.inline_shapes), document.core_properties.title
    )


def read_pdf(content: bytes) -> tuple[int, str]:
    """The page count and the text, whitespace folded (lines break anywhere in a PDF)."""
    reader = PdfReader(io.BytesIO(content))
    text = " ".join(page.extract_text() or "" for page in reader.pages)
    return len(reader.pages), " ".join(text.split())


def folded(text: str) -> str:
    return " ".join(text.split())
