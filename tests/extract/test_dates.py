import datetime as dt

import pytest

from accord.extract.dates import find_dates, find_due

PUBLISHED = dt.date(2025, 11, 28)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("The Nov 25-27 IGC was co-chaired", dt.date(2025, 11, 25), dt.date(2025, 11, 27)),
        ("held from 14 to 16 October", dt.date(2025, 10, 14), dt.date(2025, 10, 16)),
        ("met on 3-4 March 2026 in Tashkent", dt.date(2026, 3, 3), dt.date(2026, 3, 4)),
        ("from Nov 30 - Dec 2", dt.date(2025, 11, 30), dt.date(2025, 12, 2)),
        ("from December 30 to January 2", dt.date(2025, 12, 30), dt.date(2026, 1, 2)),
        ("on March 12, 2026", dt.date(2026, 3, 12), dt.date(2026, 3, 12)),
        ("on 2026-01-15", dt.date(2026, 1, 15), dt.date(2026, 1, 15)),
    ],
)
def test_find_dates_reads_ranges_and_days(text: str, start: dt.date, end: dt.date) -> None:
    found = find_dates(text, PUBLISHED)
    assert [(d.start, d.end) for d in found] == [(start, end)]


def test_find_dates_without_year_or_publication_date_is_unknown() -> None:
    assert find_dates("The Nov 25-27 IGC", None) == []


def test_find_dates_ignores_the_verb_may() -> None:
    assert find_dates("the sides may 5 times revisit", PUBLISHED) == []


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("to launch the train by the end of 2026", "2026"),
        ("to sign it before June 2027", "2027-06"),
        ("in the first quarter of 2026", "2026-03"),
        ("by March 31, 2026", "2026-03-31"),
        ("by 31 March 2026", "2026-03-31"),
        ("to complete the study next year", "2026"),
        ("within six months", "2026-05"),
        ("by the end of this year", "2025"),
        ("to deepen cooperation", None),
    ],
)
def test_find_due_reads_deadlines(text: str, due: str | None) -> None:
    assert find_due(text, PUBLISHED) == due
