"""Date phrases parsed in isolation."""

from __future__ import annotations

import re

import pytest

from accord.ingest.date_phrases import DATE_PHRASE, PartialDate, parse_date_phrase


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("2025-11-28", PartialDate(2025, 11, 28)),
        ("28 November 2025", PartialDate(2025, 11, 28)),
        ("November 28th, 2025", PartialDate(2025, 11, 28)),
        ("Nov. 28, 2025", PartialDate(2025, 11, 28)),
        ("Sept 3, 2025", PartialDate(2025, 9, 3)),
        ("Dec 1", PartialDate(None, 12, 1)),
        ("Feb 29", PartialDate(None, 2, 29)),
        ("2025", PartialDate(2025)),
        ("November 2025", PartialDate(2025)),
        ("2025-02-30", None),
    ],
)
def test_parse_date_phrase_forms(phrase: str, expected: PartialDate | None) -> None:
    assert re.fullmatch(DATE_PHRASE, phrase)
    assert parse_date_phrase(phrase) == expected


def test_partial_date_full_needs_all_parts_and_a_real_day() -> None:
    assert PartialDate(None, 12, 1).full() is None
    assert PartialDate(2025, 2, 29).full() is None
    assert str(PartialDate(2024, 2, 29).full()) == "2024-02-29"


def test_date_phrase_does_not_match_ordinals_or_ranges_as_years() -> None:
    assert re.fullmatch(DATE_PHRASE, "10th") is None
    assert re.fullmatch(DATE_PHRASE, "Nov 25-27") is None
