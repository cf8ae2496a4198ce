"""Metadata read from a document's own text: date lines, datelines, publication lines."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from accord.ingest import MetadataOverrides, load_document, read_text_metadata

from .samples import ENGLISH


@pytest.mark.parametrize(
    ("opening", "city", "agency", "outlet"),
    [
        ("ISLAMABAD, Dec 1 (APP): ", "ISLAMABAD", "APP", "Associated Press of Pakistan"),
        ("MOSCOW, March 3 (Reuters) - ", "MOSCOW", "Reuters", "Reuters"),
        ("MOSCOW, November 28. /TASS/. ", "MOSCOW", "TASS", "TASS"),
        ("NEW DELHI, Jan 5 (PTI) — ", "NEW DELHI", "PTI", "Press Trust of India"),
        ("Islamabad, Dec 1 (APP): ", "Islamabad", "APP", "Associated Press of Pakistan"),
    ],
)
def test_read_text_metadata_dateline_agency_gives_outlet(
    opening: str, city: str, agency: str, outlet: str
) -> None:
    text = opening + ENGLISH
    found = read_text_metadata(text)
    assert found.dateline is not None
    assert found.dateline.city == city
    assert text[found.dateline.start : found.dateline.city_end] == city
    assert found.dateline.agency == agency
    assert found.outlet == outlet


def test_read_text_metadata_dateline_without_year_gives_no_date() -> None:
    found = read_text_metadata("ISLAMABAD, Dec 1 (APP): " + ENGLISH)
    assert found.published is None
    assert found.partial is not None
    assert (found.partial.year, found.partial.month, found.partial.day) == (None, 12, 1)


def test_read_text_metadata_dateline_with_year_gives_date() -> None:
    found = read_text_metadata("TASHKENT, 12 March 2026 — " + ENGLISH)
    assert found.published == dt.date(2026, 3, 12)
    assert found.dateline is not None
    assert found.dateline.city == "TASHKENT"
    assert found.dateline.agency is None
    assert found.outlet is None


def test_read_text_metadata_bare_dateline_gives_city_only() -> None:
    text = "ISLAMABAD: " + ENGLISH
    found = read_text_metadata(text)
    assert found.dateline is not None
    assert (found.dateline.city, found.dateline.date, found.dateline.agency) == (
        "ISLAMABAD",
        None,
        None,
    )
    assert text[found.dateline.end :].startswith(" Pakistan")
    assert (found.published, found.outlet) == (None, None)


def test_read_text_metadata_dateline_after_headline_is_found() -> None:
    found = read_text_metadata("Pakistan, Russia sign three MoUs\n\nMOSCOW, March 3 (Reuters) - x")
    assert found.dateline is not None
    assert found.dateline.city == "MOSCOW"


@pytest.mark.parametrize(
    "text",
    [
        "UPDATE: the meeting was postponed.",
        "Pakistan and Russia met: they agreed.",
        "The Nov 25-27 IGC was co-chaired by the ministers.",
        "Meanwhile: the talks went on.",
    ],
)
def test_read_text_metadata_sentence_openings_are_not_datelines(text: str) -> None:
    assert read_text_metadata(text).dateline is None


@pytest.mark.parametrize(
    ("line", "outlet", "published"),
    [
        ("Published in Dawn, November 28th, 2025", "Dawn", dt.date(2025, 11, 28)),
        (
            "Published in The Express Tribune, December 1st, 2025.",
            "The Express Tribune",
            dt.date(2025, 12, 1),
        ),
        (
            "First published in Business Recorder on 3 March 2026",
            "Business Recorder",
            dt.date(2026, 3, 3),
        ),
        ("Courtesy: The Nation", "The Nation", None),
    ],
)
def test_read_text_metadata_closing_publication_line(
    line: str, outlet: str, published: dt.date | None
) -> None:
    found = read_text_metadata(f"{ENGLISH}\n\nMore text.\n\n{line}\n")
    assert found.outlet == outlet
    assert found.published == published


def test_read_text_metadata_opening_publication_line() -> None:
    found = read_text_metadata(f"Published in Dawn, November 28th, 2025\n\n{ENGLISH}")
    assert (found.outlet, found.published) == ("Dawn", dt.date(2025, 11, 28))


def test_read_text_metadata_publication_phrase_mid_text_is_ignored() -> None:
    middle = "The study was published in the journal Nature in 2019."
    text = "\n\n".join(["One.", "Two.", "Three.", middle, "Four.", "Five.", "Six.", "Seven."])
    found = read_text_metadata(text)
    assert (found.outlet, found.published) == (None, None)


def test_read_text_metadata_prose_publication_sentence_is_ignored() -> None:
    found = read_text_metadata(f"{ENGLISH}\n\nIt was published in the journal Nature in 2019.")
    assert found.outlet is None


@pytest.mark.parametrize(
    "opening",
    [" date 2025-11-28 ", "Date: 28 November 2025\n\n", "DATED November 28, 2025\n"],
)
def test_read_text_metadata_date_line_at_start(opening: str) -> None:
    found = read_text_metadata(opening + "ISLAMABAD: " + ENGLISH)
    assert found.published == dt.date(2025, 11, 28)
    assert found.dateline is not None
    assert found.dateline.city == "ISLAMABAD"


def test_read_text_metadata_date_later_in_text_is_ignored() -> None:
    found = read_text_metadata(f"{ENGLISH}\n\nDate: 28 November 2025 was chosen for the talks.")
    assert found.published is None


def test_read_text_metadata_year_from_publication_line_completes_dateline() -> None:
    found = read_text_metadata(f"ISLAMABAD, Dec 1 (APP): {ENGLISH}\n\nPublished in Dawn, 2025")
    assert found.published == dt.date(2025, 12, 1)
    assert found.outlet == "Dawn"


def test_read_text_metadata_publication_line_outranks_agency() -> None:
    found = read_text_metadata(
        f"ISLAMABAD, Dec 1 (APP): {ENGLISH}\n\nPublished in Dawn, December 2nd, 2025"
    )
    assert found.outlet == "Dawn"
    assert found.published == dt.date(2025, 12, 2)


def test_read_text_metadata_unknown_agency_gives_no_outlet() -> None:
    found = read_text_metadata("KABUL, May 2 (Pajhwok): " + ENGLISH)
    assert found.dateline is not None
    assert found.dateline.agency == "Pajhwok"
    assert found.outlet is None


def test_load_document_seed_style_report_metadata_and_exact_text(tmp_path: Path) -> None:
    text = (
        f" date 2025-11-28 ISLAMABAD: {ENGLISH}\n\n"
        "The Nov 25-27 IGC was co-chaired by Energy Minister Awais Leghari.\n\n"
        "Published in Dawn, November 28th, 2025"
    )
    path = tmp_path / "dawn.txt"
    path.write_text(text, encoding="utf-8")
    document = load_document(path)
    assert document.text == text
    assert (document.outlet, document.published) == ("Dawn", dt.date(2025, 11, 28))


def test_load_document_front_matter_outranks_text(tmp_path: Path) -> None:
    path = tmp_path / "ranked.txt"
    path.write_text(
        "---\noutlet: The Nation\npublished: 2025-11-29\n---\n"
        f"TASHKENT, 12 March 2026 — {ENGLISH}\n\nPublished in Dawn, November 28th, 2025",
        encoding="utf-8",
    )
    document = load_document(path)
    assert (document.outlet, document.published) == ("The Nation", dt.date(2025, 11, 29))


def test_load_document_front_matter_year_completes_dateline(tmp_path: Path) -> None:
    path = tmp_path / "year.txt"
    path.write_text(
        f"---\npublished: 2025\n---\nISLAMABAD, Dec 1 (APP): {ENGLISH}", encoding="utf-8"
    )
    assert load_document(path).published == dt.date(2025, 12, 1)


def test_load_document_overrides_outrank_everything(tmp_path: Path) -> None:
    path = tmp_path / "overridden.txt"
    path.write_text(
        "---\ntitle: From front matter\noutlet: The Nation\nurl: https://a.example\n---\n"
        f"ISLAMABAD, Dec 1 (APP): {ENGLISH}\n\nPublished in Dawn, November 28th, 2025",
        encoding="utf-8",
    )
    overrides = MetadataOverrides(
        title="Given title",
        outlet="Given outlet",
        url="https://b.example",
        published=dt.date(2024, 1, 2),
    )
    document = load_document(path, overrides)
    assert (document.title, document.outlet, document.url, document.published) == (
        "Given title",
        "Given outlet",
        "https://b.example",
        dt.date(2024, 1, 2),
    )


def test_load_document_partial_overrides_keep_other_fields(tmp_path: Path) -> None:
    path = tmp_path / "partial.txt"
    path.write_text(f"{ENGLISH}\n\nPublished in Dawn, November 28th, 2025", encoding="utf-8")
    document = load_document(path, MetadataOverrides(title="Only the title"))
    assert (document.title, document.outlet, document.published) == (
        "Only the title",
        "Dawn",
        dt.date(2025, 11, 28),
    )
