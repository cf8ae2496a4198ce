"""Which commitments are overdue, decided by the database (the twin of ``core``'s rule).

``core.follow_through.is_overdue`` decides for one commitment in Python;
``is_overdue`` here is the same rule as a SQL condition, so that lists and
counts of overdue commitments never load the commitments they count.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    ColumnElement,
    Integer,
    SQLColumnExpression,
    and_,
    case,
    cast,
    false,
    func,
    or_,
)

from accord.core.follow_through import CLOSED_STATUSES
from accord.store.models import Commitment


def _last_day_passed(due: SQLColumnExpression[str | None], as_of: str) -> ColumnElement[bool]:
    """Whether ``due`` (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) names a real day and its last
    day is before ``as_of``, given as ``YYYY-MM-DD``.

    A partial date's last day is before a date exactly when the partial date,
    as text, sorts before the date cut to the same length ("2025-06" <
    "2025-07"), so no date arithmetic is needed; only real months and days
    count (``due_date`` gives no date for "2025-02-30").
    """
    year, month, day = func.substr(due, 1, 4), func.substr(due, 6, 2), func.substr(due, 9, 2)
    number = cast(year, Integer)
    leap = and_(number % 4 == 0, or_(number % 100 != 0, number % 400 == 0))
    days_in_month = case(
        (month.in_(["04", "06", "09", "11"]), "30"),
        (month == "02", case((leap, "29"), else_="28")),
        else_="31",
    )
    real_year = year != "0000"
    real_month = and_(func.substr(due, 5, 1) == "-", month.between("01", "12"))
    real_day = and_(func.substr(due, 8, 1) == "-", day.between("01", days_in_month))
    return case(
        {
            4: and_(due < as_of[:4], real_year),
            7: and_(due < as_of[:7], real_year, real_month),
            10: and_(due < as_of, real_year, real_month, real_day),
        },
        value=func.length(due),
        else_=false(),
    )


def is_overdue(as_of: dt.date) -> ColumnElement[bool]:
    """SQL twin of ``core.follow_through.is_overdue`` for the commitments table."""
    due = Commitment.due
    day = as_of.isoformat()
    return and_(
        due.is_not(None),
        due < day,  # implied by the test below, cheaper, and one a planner can estimate
        Commitment.status.not_in(sorted(CLOSED_STATUSES)),
        # A CASE, which PostgreSQL takes for true half the time: spelled out, its
        # equalities would make the planner expect no overdue commitment at all
        # and read every one to find the first ten.
        _last_day_passed(due, day),
    )
