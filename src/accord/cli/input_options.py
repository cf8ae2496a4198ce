"""Bounds on what the commands take: ids the database can hold, text without NUL, within limits.

The same bounds as the web's (``accord.core.input_limits``): a bad value is
a usage error naming the option, before anything is opened or written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TypeVar

import typer

from accord.core.input_limits import (
    LINE_LENGTH,
    MAX_ID,
    NAME_LENGTH,
    NOTE_LENGTH,
    REVIEW_TEXT_LENGTH,
    as_of_problem,
    due_problem,
    text_problem,
)

Value = TypeVar("Value", str, list[str], str | None, list[str] | None)

# ``typer.Argument(..., **ID_RANGE)``: an id from 1 to the largest the database holds.
ID_RANGE: dict[str, int] = {"min": 1, "max": MAX_ID}


def _text_within(limit: int) -> Callable[[Value], Value]:
    def check(value: Value) -> Value:
        values = value if isinstance(value, list) else [value]
        for text in values:
            problem = None if text is None else text_problem(text, limit)
            if problem is not None:
                raise typer.BadParameter(problem)
        return value

    return check


name_text = _text_within(NAME_LENGTH)
line_text = _text_within(LINE_LENGTH)
review_text = _text_within(REVIEW_TEXT_LENGTH)
note_text = _text_within(NOTE_LENGTH)


def due_text(value: str | None) -> str | None:
    """A due date on the calendar (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``)."""
    problem = None if value is None else text_problem(value, NAME_LENGTH) or due_problem(value)
    if problem is not None:
        raise typer.BadParameter(problem)
    return value


def past_date(value: str | None) -> str | None:
    """A date no later than today (one that is not a date is left to the command to name)."""
    try:
        day = None if value is None else dt.date.fromisoformat(value)
    except ValueError:
        return value
    problem = None if day is None else as_of_problem(day, dt.date.today())
    if problem is not None:
        raise typer.BadParameter(problem)
    return value
