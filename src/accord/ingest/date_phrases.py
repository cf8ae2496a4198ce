"""Dates written in a few common English forms, recognised by pattern and parsed in isolation.

Only a substring the pattern already matched is handed to dateparser: run over a whole
article it finds dates in ordinals and numbers that are not dates.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import dateparser

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?\b"
_YEAR = r"(?:19|20)\d{2}\b"

# A date phrase, for embedding in larger patterns (it has no groups of its own).
DATE_PHRASE = (
    rf"(?i:\d{{4}}-\d{{2}}-\d{{2}}\b"
    rf"|{_DAY}\s+{_MONTH},?(?:\s+{_YEAR})?"
    rf"|{_MONTH}\s+{_YEAR}"
    rf"|{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?"
    rf"|{_YEAR})"
)

_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")
_YEAR_ONLY = re.compile(_YEAR)
_MONTH_YEAR = re.compile(rf"(?i:{_MONTH})\s+(?P<year>{_YEAR})")
_HAS_YEAR = re.compile(rf"\b(?P<year>{_YEAR})")
# A leap year, so that "Feb 29" without a year still parses.
_YEARLESS_BASE = dt.datetime(2000, 1, 1)


@dataclass(frozen=True)
class PartialDate:
    """A date as far as the text gave it: a year, a month and day, or all three."""

    year: int | None = None
    month: int | None = None
    day: int | None = None

    def full(self) -> dt.date | None:
        """The complete date, when year, month and day are all known and valid."""
        if self.year is None or self.month is None or self.day is None:
            return None
        try:
            return dt.date(self.year, self.month, self.day)
        except ValueError:
            return None


def parse_date_phrase(phrase: str) -> PartialDate | None:
    """Parse a phrase matched by ``DATE_PHRASE``; None when it is not a real date."""
    phrase = phrase.strip()
    if _ISO.fullmatch(phrase):
        try:
            day = dt.date.fromisoformat(phrase)
        except ValueError:
            return None
        return PartialDate(day.year, day.month, day.day)
    if _YEAR_ONLY.fullmatch(phrase):
        return PartialDate(year=int(phrase))
    month_year = _MONTH_YEAR.fullmatch(phrase)
    if month_year:
        return PartialDate(year=int(month_year["year"]))
    has_year = _HAS_YEAR.search(phrase) is not None
    parts = ["day", "month", "year"] if has_year else ["day", "month"]
    parsed = dateparser.parse(
        phrase,
        languages=["en"],
        settings={"REQUIRE_PARTS": parts, "RELATIVE_BASE": _YEARLESS_BASE},
    )
    if parsed is None:
        return None
    if has_year:
        return PartialDate(parsed.year, parsed.month, parsed.day)
    return PartialDate(month=parsed.month, day=parsed.day)
