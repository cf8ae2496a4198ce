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
    # Printed lines are reflowed into paragraphs; pages stay apart.
    assert document.text == (
        "TASHKENT, 12 March 2026 - Uzbekistan and Pakistan agreed to expand "
        "cooperation in energy, trade and transport through a new corridor.\n\n"
        "The commission will hold its next session in Islamabad in 2027, "
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


PARAGRAPHS = [
    "ASTANA, 4 June 2026 - The Kazakhstan-Mongolia Intergovernmental Commission on Trade and "
    "Economic Cooperation held its eleventh session in Astana under the chairmanship of the two "
    "deputy prime ministers.",
    "The parties agreed to establish a joint veterinary laboratory in Ulaanbaatar by the end of "
    "2027 and to simplify phytosanitary procedures for grain, livestock and processed foodstuffs.",
    "They also decided to launch a regular container train between Pavlodar and Zamyn-Uud, "
    "instructed the railway administrations to harmonise tariffs, and reaffirmed their commitment "
    "to modernisation of border crossings.",
    "The sides discussed opportunities for cooperation in renewable energy, geological "
    "exploration, pharmaceuticals, tourism and higher education, including scholarships.",
] * 6


def test_load_document_pdf_two_columns_are_reflowed_into_the_original_paragraphs(
    tmp_path: Path,
) -> None:
    from .pdf_layout import HEADER, render_two_columns

    path = render_two_columns("\n".join(PARAGRAPHS), tmp_path / "digest.pdf")
    text = load_document(path).text
    flat = " ".join(text.split())
    for paragraph in PARAGRAPHS[:4]:
        assert paragraph in flat  # words rejoined across hyphenated line ends, in column order
    assert HEADER not in text
    assert "\u00ad" not in text and "\u2010" not in text
    # each original paragraph ends a line of the loaded text, so sentences never run together
    lines = text.split("\n")
    assert sum(1 for line in lines if line.endswith("scholarships.")) == 6
    assert not any(line.strip().isdigit() for line in lines)  # page numbers dropped


def test_reflow_keeps_a_compound_the_document_writes_elsewhere_and_ends_paragraphs_at_short_lines() -> (
    None
):
    from accord.ingest.pdf_reflow import reflow_pages

    page = (
        "Joint statement on trade\n"
        "MINSK, 3 May 2026 - The ministers held an expert-\n"
        "level round and agreed to hold further expert-level talks and to open\n"
        "a consulate in the city of Grodno next year as well as to modern-\n"
        "ise the border posts along the shared frontier by the end of 2027.\n"
    )
    [text] = reflow_pages([page])
    assert text.split("\n") == [
        "Joint statement on trade",
        "MINSK, 3 May 2026 - The ministers held an expert-level round and agreed to hold further "
        "expert-level talks and to open a consulate in the city of Grodno next year as well as to "
        "modernise the border posts along the shared frontier by the end of 2027.",
    ]
