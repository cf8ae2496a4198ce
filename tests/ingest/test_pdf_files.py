"""PDF files: text of every page, the info title, and clear errors for unreadable ones."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from accord.errors import IngestError
from accord.ingest import load_document

from .conftest import MakePdf


def pdf_error(path: Path) -> str:
    with pytest.raises(IngestError) as caught:
        load_document(path)
    assert str(caught.value).startswith(f"{path}: ")
    return caught.value.problem


def test_load_document_pdf_text_of_all_pages(make_pdf: MakePdf) -> None:
    path = make_pdf(
        "protocol.pdf",
        [
            [
                "TASHKENT, 12 March 2026 - Uzbekistan and Pakistan agreed to expand   ",
                "cooperation in energy, trade and transport through a new corridor.",
            ],
            [
                "The commission will hold its next session in Islamabad in 2027,",
                "the two co-chairs said after signing the protocol of the meeting.",
            ],
        ],
        title="Protocol of the 5th session",
    )
    document = load_document(path)
    assert document.kind == "pdf"
    assert document.text == (
        "TASHKENT, 12 March 2026 - Uzbekistan and Pakistan agreed to expand\n"
        "cooperation in energy, trade and transport through a new corridor.\n\n"
        "The commission will hold its next session in Islamabad in 2027,\n"
        "the two co-chairs said after signing the protocol of the meeting."
    )
    assert document.title == "Protocol of the 5th session"
    assert document.published == dt.date(2026, 3, 12)


def test_load_document_pdf_placeholder_title_is_ignored(make_pdf: MakePdf) -> None:
    path = make_pdf("untitled.pdf", [["The two sides agreed to meet again next year."]])
    assert load_document(path).title is None


def test_load_document_pdf_owner_password_only_is_read(make_pdf: MakePdf) -> None:
    path = make_pdf("restricted.pdf", [["Restricted but readable text."]], password="")
    assert load_document(path).text == "Restricted but readable text."


def test_load_document_pdf_with_user_password_is_error(make_pdf: MakePdf) -> None:
    path = make_pdf("secret.pdf", [["Secret text."]], password="secret")
    assert pdf_error(path) == "encrypted PDF (a password is required to open it)"


def test_load_document_pdf_without_text_layer_is_error(make_pdf: MakePdf) -> None:
    path = make_pdf("scanned.pdf", [[], []])
    assert pdf_error(path) == "no extractable text (scanned PDF? OCR it first)"


def test_load_document_pdf_damaged_is_error(make_pdf: MakePdf, tmp_path: Path) -> None:
    good = make_pdf("good.pdf", [["Some text."]])
    damaged = tmp_path / "damaged.pdf"
    damaged.write_bytes(good.read_bytes()[:600])
    assert pdf_error(damaged).startswith("damaged PDF (")


def test_load_document_pdf_without_header_is_error(tmp_path: Path) -> None:
    path = tmp_path / "fake.pdf"
    path.write_text("This is a text file with a .pdf suffix.", encoding="utf-8")
    assert pdf_error(path) == "not a PDF file (no %PDF header)"
