"""Loading .txt and .md files: the text is the exact remainder after the front matter."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from accord.errors import IngestError
from accord.ingest import load_document

from .samples import ENGLISH


def write(path: Path, text: str) -> Path:
    path.write_bytes(text.encode("utf-8"))
    return path


def test_load_document_txt_without_front_matter_keeps_text_exactly(tmp_path: Path) -> None:
    text = f"\n  {ENGLISH}  \n\n\tSecond paragraph.\n\n"
    document = load_document(write(tmp_path / "plain.txt", text))
    assert document.text == text
    assert document.kind == "text"
    assert document.source == str(tmp_path / "plain.txt")
    assert (document.title, document.outlet, document.url, document.published) == (
        None,
        None,
        None,
        None,
    )


def test_load_document_txt_front_matter_text_is_exact_remainder(tmp_path: Path) -> None:
    body = f"\n\n{ENGLISH}\n\nThe sides agreed to meet again.\n"
    raw = (
        "---\n"
        'title: "Pakistan, Russia sign three MoUs"\n'
        "url: https://www.dawn.com/news/1958000\n"
        "published: 2025-11-28\n"
        "outlet: 'Dawn'\n"
        "author: Staff Reporter\n"
        "---\n" + body
    )
    document = load_document(write(tmp_path / "report.txt", raw))
    assert document.text == body
    assert raw.endswith(document.text)
    assert document.title == "Pakistan, Russia sign three MoUs"
    assert document.url == "https://www.dawn.com/news/1958000"
    assert document.published == dt.date(2025, 11, 28)
    assert document.outlet == "Dawn"


def test_load_document_txt_crlf_front_matter_offsets_index_normalised_text(
    tmp_path: Path,
) -> None:
    raw = f"---\r\ntitle: Joint statement\r\n---\r\n{ENGLISH}\r\nSecond line.\rThird line.\r\n"
    document = load_document(write(tmp_path / "crlf.txt", raw))
    expected = f"{ENGLISH}\nSecond line.\nThird line.\n"
    assert document.text == expected
    assert "\r" not in document.text
    start = document.text.index("Second line.")
    assert document.text[start : start + len("Second line.")] == "Second line."
    assert document.title == "Joint statement"


def test_load_document_txt_utf8_bom_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf---\ntitle: With BOM\n---\n" + ENGLISH.encode())
    document = load_document(path)
    assert document.text == ENGLISH
    assert document.title == "With BOM"


def test_load_document_txt_front_matter_aliases_and_quotes(tmp_path: Path) -> None:
    raw = (
        "---\n"
        'source: "Associated Press of Pakistan"\n'
        "date: '28 November 2025'\n"
        "# a comment line\n"
        "tags:\n"
        "  - trade\n"
        "---\n" + ENGLISH
    )
    document = load_document(write(tmp_path / "aliases.txt", raw))
    assert document.outlet == "Associated Press of Pakistan"
    assert document.published == dt.date(2025, 11, 28)
    assert document.text == ENGLISH


def test_load_document_txt_front_matter_own_key_beats_alias(tmp_path: Path) -> None:
    raw = "---\npublished: 2025-11-28\ndate: 2024-01-01\nsource: APP\noutlet: Dawn\n---\n" + ENGLISH
    document = load_document(write(tmp_path / "both.txt", raw))
    assert document.published == dt.date(2025, 11, 28)
    assert document.outlet == "Dawn"


def test_load_document_txt_unclosed_front_matter_is_text(tmp_path: Path) -> None:
    raw = f"---\ntitle: Not closed\n{ENGLISH}\n"
    document = load_document(write(tmp_path / "unclosed.txt", raw))
    assert document.text == raw
    assert document.title is None


def test_load_document_txt_rule_followed_by_prose_is_not_front_matter(tmp_path: Path) -> None:
    raw = f"---\nThis paragraph is not metadata at all.\n---\n{ENGLISH}\n"
    document = load_document(write(tmp_path / "rule.txt", raw))
    assert document.text == raw


def test_load_document_txt_front_matter_bad_date_is_a_note_not_an_error(tmp_path: Path) -> None:
    raw = "---\npublished: last Thursday\noutlet: Daily Ledger\n---\n" + ENGLISH
    document = load_document(write(tmp_path / "baddate.txt", raw))
    assert document.published is None
    assert document.outlet == "Daily Ledger"
    assert document.text == ENGLISH
    assert document.notes == (
        "front matter: published 'last Thursday' is not a date; left unknown",
    )


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("unknown", None),
        ("2025", None),
        ("2025-11", None),
        ("28 Nov 2025", dt.date(2025, 11, 28)),
        ("2025-11-28", dt.date(2025, 11, 28)),
    ],
)
def test_load_document_txt_front_matter_partial_or_unknown_dates_load(
    tmp_path: Path, value: str, expected: dt.date | None
) -> None:
    document = load_document(write(tmp_path / "d.txt", f"---\npublished: {value}\n---\n{ENGLISH}"))
    assert document.published == expected
    assert document.text == ENGLISH
    assert bool(document.notes) == (value == "unknown")


def test_load_document_txt_front_matter_only_is_error(tmp_path: Path) -> None:
    with pytest.raises(IngestError) as caught:
        load_document(write(tmp_path / "only.txt", "---\ntitle: Nothing\n---\n\n  \n"))
    assert "only.txt" in str(caught.value)
    assert "no text after the front matter" in str(caught.value)


def test_load_document_md_kind_and_markup_kept(tmp_path: Path) -> None:
    raw = f"---\ntitle: Notes\n---\n# Heading\n\n*{ENGLISH}*\n"
    document = load_document(write(tmp_path / "notes.md", raw))
    assert document.kind == "markdown"
    assert document.text == f"# Heading\n\n*{ENGLISH}*\n"
    assert document.title == "Notes"


def test_load_document_suffix_is_case_insensitive(tmp_path: Path) -> None:
    document = load_document(write(tmp_path / "LOUD.TXT", ENGLISH))
    assert document.kind == "text"
