"""Dates as written in commission reports: ranges, single days, years and due dates.

General parsers read "Nov 25-27" as 25 November 2027, so ranges and due-date
phrases are matched here with patterns; a date without a year takes it from
the publication date, and without one stays unknown.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_M = r"(?P<{name}>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_D = r"(?P<{name}>[0-3]?\d)(?:st|nd|rd|th)?"
_Y = r"(?P<{name}>(?:19|20)\d\d)"
_TO = r"\s*(?:-|–|—|to|until|till|through|and)\s*"


def _m(name: str) -> str:
    return _M.replace("{name}", name)


def _d(name: str) -> str:
    return _D.replace("{name}", name)


def _y(name: str) -> str:
    return _Y.replace("{name}", name)


_RANGE_PATTERNS = [
    # Nov 25-27, 2025 / November 25 to 27
    rf"\b{_m('m1')}\s+{_d('d1')}{_TO}{_d('d2')}(?:,?\s+{_y('y')})?\b",
    # Nov 30 - Dec 2, 2025
    rf"\b{_m('m1')}\s+{_d('d1')}{_TO}{_m('m2')}\s+{_d('d2')}(?:,?\s+{_y('y')})?\b",
    # 25-27 November 2025 / from 14 to 16 October / between 3 and 5 March
    rf"\b{_d('d1')}{_TO}{_d('d2')}\s+(?:of\s+)?{_m('m1')}(?:,?\s+{_y('y')})?\b",
    # 30 November - 2 December 2025
    rf"\b{_d('d1')}\s+{_m('m1')}{_TO}{_d('d2')}\s+{_m('m2')}(?:,?\s+{_y('y')})?\b",
]
_SINGLE_PATTERNS = [
    rf"\b{_m('m1')}\s+{_d('d1')}(?:,?\s+{_y('y')})?\b",
    rf"\b{_d('d1')}\s+(?:of\s+)?{_m('m1')}(?:,?\s+{_y('y')})?\b",
    r"\b(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d)\b",
]
RANGES = [re.compile(p, re.IGNORECASE) for p in _RANGE_PATTERNS]
SINGLES = [re.compile(p, re.IGNORECASE) for p in _SINGLE_PATTERNS]


@dataclass(frozen=True)
class DateMention:
    """A date or date range found in text, with its character span."""

    start: dt.date
    end: dt.date
    span: tuple[int, int]


def _day(year: int | None, month: int, day: int) -> dt.date | None:
    if year is None:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _is_verb_may(token: str) -> bool:
    """Lower-case "may" is the verb, not the month."""
    return token == "may"


def _month(token: str | None) -> int | None:
    return MONTHS.get(token.lower().rstrip(".")) if token else None


def find_dates(text: str, published: dt.date | None) -> list[DateMention]:
    """Every date and date range in ``text``; ranges win over the single days inside them."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    for pattern in RANGES:
        for m in pattern.finditer(text):
            if not free(*m.span()):
                continue
            groups = m.groupdict()
            m1 = _month(groups.get("m1"))
            m2 = _month(groups.get("m2")) or m1
            if m1 is None or m2 is None:
                continue
            d1, d2 = int(groups["d1"]), int(groups["d2"])
            year = int(groups["y"]) if groups.get("y") else (published.year if published else None)
            first = _day(year, m1, d1)
            # A range that crosses the new year: "Dec 30 - Jan 2".
            last = _day(year + 1 if year and m2 < m1 else year, m2, d2)
            if first and last and first <= last and (last - first).days <= 31:
                found.append(DateMention(first, last, m.span()))
                taken.append(m.span())
    for pattern in SINGLES:
        for m in pattern.finditer(text):
            if not free(*m.span()):
                continue
            groups = m.groupdict()
            if groups.get("iso"):
                try:
                    day = dt.date.fromisoformat(groups["iso"])
                except ValueError:
                    continue
            else:
                month = _month(groups.get("m1"))
                if month is None or _is_verb_may(groups["m1"]):
                    continue
                year = (
                    int(groups["y"]) if groups.get("y") else (published.year if published else None)
                )
                maybe = _day(year, month, int(groups["d1"]))
                if maybe is None:
                    continue
                day = maybe
            found.append(DateMention(day, day, m.span()))
            taken.append(m.span())
    found.sort(key=lambda mention: mention.span)
    return found


_QUARTER_END = {
    "first": 3,
    "1st": 3,
    "q1": 3,
    "second": 6,
    "2nd": 6,
    "q2": 6,
    "third": 9,
    "3rd": 9,
    "q3": 9,
    "fourth": 12,
    "4th": 12,
    "q4": 12,
}
_DUE_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (
        re.compile(
            rf"\b(?:by|before|no later than|not later than|until|till|on)\s+(?:the\s+)?{_m('m')}\s+{_d('d')},?\s+{_y('y')}",
            re.I,
        ),
        "day",
    ),
    (
        re.compile(
            rf"\b(?:by|before|no later than|not later than|until|till|on)\s+(?:the\s+)?{_d('d')}\s+(?:of\s+)?{_m('m')},?\s+{_y('y')}",
            re.I,
        ),
        "day",
    ),
    (
        re.compile(
            rf"\b(?:by|before|in|during|within|no later than|until|till)\s+(?:the\s+)?(?:(?:end|middle|beginning|start) of\s+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)\s+(?:quarter|half)\s+of\s+{_y('y')}",
            re.I,
        ),
        "quarter",
    ),
    (
        re.compile(
            rf"\b(?:by|before|in|during|no later than|until|till)\s+(?P<q>Q[1-4])\s+{_y('y')}", re.I
        ),
        "quarter",
    ),
    (
        re.compile(
            rf"\b(?:by|before|in|during|within|no later than|not later than|until|till)\s+(?:the\s+)?(?:(?:end|middle|beginning|start) of\s+)?{_m('m')},?\s+{_y('y')}",
            re.I,
        ),
        "month",
    ),
    (
        re.compile(
            rf"\b(?:by|before|in|during|within|from|no later than|not later than|until|till)\s+(?:the\s+)?(?:(?:end|middle|beginning|start) of\s+)?{_m('m')}\b(?!\s+\d)",
            re.I,
        ),
        "month_no_year",
    ),
    (
        re.compile(
            rf"\b(?:by|before|in|during|within|no later than|not later than|until|till)\s+(?:the\s+)?(?:(?:end|middle|beginning|start) of\s+)?(?:the\s+)?(?:year\s+)?{_y('y')}\b",
            re.I,
        ),
        "year",
    ),
    (re.compile(r"\bnext year\b", re.I), "next_year"),
    (
        re.compile(
            r"\b(?:by|before|within)\s+(?:the\s+)?end of (?:this|the current) year\b|\bthis year\b",
            re.I,
        ),
        "this_year",
    ),
    (
        re.compile(
            r"\bwithin (?:the )?(?:next )?(?P<n>\w+) (?P<unit>months?|weeks?|years?)\b", re.I
        ),
        "within",
    ),
    (re.compile(rf"\b(?:target|goal|deadline|horizon) (?:for|of) {_y('y')}\b", re.I), "year"),
]
_NUMBERS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "nine": 9,
    "twelve": 12,
    "eighteen": 18,
    "a": 1,
}


def find_due(text: str, published: dt.date | None) -> str | None:
    """The due date a commitment sentence states, as a partial ISO date, or None.

    Of several deadlines the nearest wins (the first thing owed); a year before
    publication is history ("signed in 2019"), not a deadline.
    """
    found: list[str] = []
    taken: list[tuple[int, int]] = []
    for pattern, kind in _DUE_PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < e and m.end() > s for s, e in taken):
                continue
            due = _due_value(kind, m.groupdict(), m.group(0), published)
            if due is None:
                continue
            if published is not None and int(due[:4]) < published.year:
                continue
            taken.append(m.span())
            found.append(due)
    if not found:
        return None
    return min(found, key=_due_end)


def _due_end(due: str) -> str:
    """The last day a partial date covers, for comparing "2026" with "2026-09"."""
    if len(due) == 4:
        return f"{due}-12-31"
    if len(due) == 7:
        return f"{due}-31"
    return due


def _due_value(kind: str, g: dict[str, str], matched: str, published: dt.date | None) -> str | None:
    if kind == "day":
        month = _month(g["m"])
        day = _day(int(g["y"]), month, int(g["d"])) if month else None
        return day.isoformat() if day else None
    if kind == "quarter":
        q = g["q"].lower()
        end_month = _QUARTER_END.get(q, 12)
        if "half" in matched.lower():
            end_month = 6 if q in {"first", "1st"} else 12
        return f"{int(g['y']):04d}-{end_month:02d}"
    if kind == "month":
        month = _month(g["m"])
        if month and not _is_verb_may(g["m"]):
            return f"{int(g['y']):04d}-{month:02d}"
        return None
    if kind == "month_no_year":
        month = _month(g["m"])
        if published is None or not month or _is_verb_may(g["m"]):
            return None
        year = published.year + (1 if month < published.month else 0)
        return f"{year:04d}-{month:02d}"
    if kind == "year":
        return g["y"]
    if published is None:
        return None
    if kind == "next_year":
        return str(published.year + 1)
    if kind == "this_year":
        return str(published.year)
    if kind == "within":
        n = _NUMBERS.get(g["n"].lower()) or (int(g["n"]) if g["n"].isdigit() else None)
        if n is None:
            return None
        unit = g["unit"].lower().rstrip("s")
        delta = {
            "month": relativedelta(months=n),
            "week": relativedelta(weeks=n),
            "year": relativedelta(years=n),
        }[unit]
        due = published + delta
        return f"{due.year:04d}-{due.month:02d}"
    return None
