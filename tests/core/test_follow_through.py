"""The follow-through rules: current status, due dates, overdue, compliance, session order."""

from __future__ import annotations

import datetime as dt

from accord.core.follow_through import (
    DatedStatus,
    SessionOrder,
    compliance,
    current_status,
    due_date,
    is_overdue,
    session_before,
)
from accord.store.models import COMMITMENT_STATUSES

D = dt.date


def test_current_status_takes_the_latest_date_then_the_latest_entry() -> None:
    assert current_status([]) == "no_evidence"
    updates = [
        DatedStatus(D(2026, 3, 1), 1, "in_progress"),
        DatedStatus(D(2026, 1, 1), 2, "not_started"),
        DatedStatus(D(2026, 3, 1), 3, "stalled"),
    ]
    assert current_status(updates) == "stalled"


def test_due_date_is_the_last_day_the_partial_date_allows() -> None:
    assert due_date("2026") == D(2026, 12, 31)
    assert due_date("2024-02") == D(2024, 2, 29)
    assert due_date("2026-03-15") == D(2026, 3, 15)
    assert due_date(None) is None
    assert due_date("2026-13") is None


def test_is_overdue_only_for_open_commitments_past_their_due_date() -> None:
    assert is_overdue("2025-06", "in_progress", D(2025, 7, 1))
    assert not is_overdue("2025-06", "in_progress", D(2025, 6, 30))
    assert is_overdue("2025", "no_evidence", D(2026, 1, 1))
    assert not is_overdue("2025", "completed", D(2026, 1, 1))
    assert not is_overdue("2025", "dropped", D(2026, 1, 1))
    assert not is_overdue(None, "stalled", D(2026, 1, 1))


def test_compliance_scores_plus_one_zero_minus_one_without_no_evidence() -> None:
    result = compliance(["completed", "in_progress", "not_started", "stalled", "no_evidence"])
    # (1 + 0 - 1 - 1) / 4 = -0.25 -> (-0.25 + 1) / 2 * 100 = 37.5
    assert (result.scored, result.unscored, result.mean, result.percent) == (4, 1, -0.25, 37.5)
    assert compliance(["completed", "completed"]).percent == 100.0
    assert compliance(["dropped"]).percent == 0.0
    assert compliance(["no_evidence"]).percent is None


def test_session_before_orders_by_number_then_date_within_one_commission() -> None:
    assert session_before(SessionOrder(1, 19, D(2025, 1, 1)), SessionOrder(1, 20, D(2024, 1, 1)))
    assert session_before(SessionOrder(1, None, D(2024, 1, 1)), SessionOrder(1, 20, D(2025, 1, 1)))
    assert not session_before(SessionOrder(1, 19, None), SessionOrder(2, 20, None))
    assert not session_before(SessionOrder(1, 19, None), SessionOrder(1, None, None))
    assert not session_before(SessionOrder(None, 1, None), SessionOrder(None, 2, None))


def test_the_store_uses_the_core_status_vocabulary() -> None:
    assert COMMITMENT_STATUSES == (
        "no_evidence",
        "not_started",
        "in_progress",
        "completed",
        "stalled",
        "dropped",
    )
