"""The bounds every input is held to where it enters (web forms, the API, the CLI).

PostgreSQL's integer columns end at 2**31 - 1; SQLite's go further, but one
bound for both keeps an id or offset valid on either backend. Text may not
hold NUL (PostgreSQL cannot store it) and stays within the lengths below,
which the README states.
"""

from __future__ import annotations

import datetime as dt
import re

MAX_ID = 2**31 - 1
# Row offsets of a listing and character offsets of a document span.
MAX_OFFSET = 2**31 - 1

NAME_LENGTH = 100  # user names, token names
LINE_LENGTH = 1_000  # filters, organisation names, an agreement's subject or kind, URLs
REVIEW_TEXT_LENGTH = 5_000  # a commitment's or agreement's corrected text
NOTE_LENGTH = 10_000  # notes on items, status notes, follow-up decisions
MAX_NAMES = 50  # actors or owners given in one correction

# Due dates: a year, a month or a day on the calendar, in these years.
FIRST_DUE_YEAR = 1900
LAST_DUE_YEAR = 2999
_DUE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def record_id(text: str) -> int | None:
    """``text`` as a record id when it is one (ASCII digits, 1 to ``MAX_ID``), else None."""
    value = text.strip()
    if not value.isascii() or not value.isdigit():
        return None
    number = int(value)
    return number if 1 <= number <= MAX_ID else None


def looks_like_id(text: str) -> bool:
    """Whether ``text`` is written as a number (in range or not), so it names no key or name."""
    value = text.strip()
    return value.isascii() and value.isdigit()


def text_problem(value: str, limit: int) -> str | None:
    """What is wrong with ``value`` as stored text (a NUL, or more than ``limit`` characters)."""
    if "\x00" in value:
        return "must not contain NUL characters"
    if len(value) > limit:
        return f"at most {limit:,} characters (got {len(value):,})"
    return None


def due_problem(text: str) -> str | None:
    """What is wrong with ``text`` as a due date (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``)."""
    match = _DUE.match(text.strip())
    if match is None:
        return f"expected YYYY, YYYY-MM or YYYY-MM-DD, got {text!r}"
    year = int(match[1])
    if not FIRST_DUE_YEAR <= year <= LAST_DUE_YEAR:
        return f"the year of {text!r} is not between {FIRST_DUE_YEAR} and {LAST_DUE_YEAR}"
    try:
        dt.date(year, int(match[2] or 1), int(match[3] or 1))
    except ValueError:
        return f"{text!r} is not a date on the calendar"
    return None


def as_of_problem(as_of: dt.date, today: dt.date) -> str | None:
    """What is wrong with ``as_of`` as the date a status holds from (a day after ``today``)."""
    if as_of > today:
        return f"{as_of.isoformat()} is after today ({today.isoformat()}): a status holds from a past day"
    return None
