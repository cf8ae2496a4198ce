"""Builders of real input files (text, HTML, PDF, DOCX) for the ingest tests."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import docx
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from accord.ingest import Fetcher

from .local_site import loopback_settings

MakePdf = Callable[..., Path]
MakeDocx = Callable[..., Path]


@pytest.fixture
def make_pdf(tmp_path: Path) -> MakePdf:
    """Write a PDF whose pages hold the given lines, drawn as real text."""

    def make(
        name: str,
        pages: Sequence[Sequence[str]],
        *,
        title: str | None = None,
        password: str | None = None,
    ) -> Path:
        path = tmp_path / name
        pdf = canvas.Canvas(str(path), pagesize=A4, encrypt=password)
        if title is not None:
            pdf.setTitle(title)
        for lines in pages:
            y = 800
            for line in lines:
                pdf.drawString(72, y, line)
                y -= 16
            if not lines:
                pdf.rect(100, 100, 200, 200)
            pdf.showPage()
        pdf.save()
        return path

    return make


@pytest.fixture
def make_docx(tmp_path: Path) -> MakeDocx:
    """Write a DOCX with the given paragraphs, an optional table and a title property."""

    def make(
        name: str,
        paragraphs: Sequence[str],
        *,
        title: str | None = None,
        table: Sequence[Sequence[str]] = (),
    ) -> Path:
        document = docx.Document()
        if title is not None:
            document.core_properties.title = title
        for text in paragraphs:
            document.add_paragraph(text)
        if table:
            grid = document.add_table(rows=len(table), cols=len(table[0]))
            for row, values in zip(grid.rows, table, strict=True):
                for cell, value in zip(row.cells, values, strict=True):
                    cell.text = value
        path = tmp_path / name
        document.save(str(path))
        return path

    return make


@pytest.fixture
def fetcher() -> Iterator[Fetcher]:
    """A Fetcher allowed to reach 127.0.0.1 (only), without pauses between requests."""
    with Fetcher(loopback_settings()) as fetcher:
        yield fetcher
