"""The bounds every input is held to where it enters (web forms, the API, the CLI).

PostgreSQL's integer columns end at 2**31 - 1; SQLite's go further, but one
bound for both keeps an id or offset valid on either backend. Text may not
hold NUL (PostgreSQL cannot store it) and stays within the lengths below,
which the README states.
"""

from __future__ import annotations

MAX_ID = 2**31 - 1
# Row offsets of a listing and character offsets of a document span.
MAX_OFFSET = 2**31 - 1

NAME_LENGTH = 100  # user names, token names
LINE_LENGTH = 1_000  # filters, organisation names, an agreement's subject or kind, URLs
REVIEW_TEXT_LENGTH = 5_000  # a commitment's or agreement's corrected text
NOTE_LENGTH = 10_000  # notes on items, status notes, follow-up decisions
MAX_NAMES = 50  # actors or owners given in one correction


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
