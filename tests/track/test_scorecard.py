"""Scorecards: counts by status, overdue, recurring and compliance, worked out by hand."""

from __future__ import annotations

import datetime as dt

from accord.core.follow_through import TrackedCommitment
from accord.store.database import Database
from accord.track.scorecard import ScoreRow, score_groups, scorecard
from accord.track.status import set_status

from .records import save_first

NEW_YEAR = dt.date(2026, 1, 1)


def item(
    id: int,
    session: str,
    sectors: tuple[str, ...],
    status: str,
    due: str | None = None,
    sides: tuple[str, ...] = (),
    made: int = 1,
) -> TrackedCommitment:
    return TrackedCommitment(
        id=id,
        commission="KAZ-UZB",
        session_id=1 if session == "A" else 2,
        session=session,
        sectors=sectors,
        agencies=tuple(f"agency of {side}" for side in sides),
        sides=sides,
        status=status,
        due=due,
        sessions_made=made,
    )


ITEMS = [
    item(1, "A", ("transport",), "completed", "2025", sides=("KAZ", "UZB")),
    item(2, "A", ("environment", "emergency"), "in_progress", "2025-06"),
    item(3, "A", ("culture",), "stalled"),
    item(4, "A", ("culture",), "no_evidence", "2025-12-31"),
    item(5, "B", ("environment",), "not_started", made=2),
    item(6, "B", ("culture",), "dropped", "2025"),
]


def figures(rows: list[ScoreRow]) -> dict[str, tuple[int, int, int, int, int, float | None]]:
    return {
        r.group: (
            r.commitments,
            r.scored,
            r.no_evidence,
            r.overdue,
            r.recurring,
            r.compliance_percent,
        )
        for r in rows
    }


def test_score_groups_by_session_computes_compliance_by_hand() -> None:
    rows = score_groups(ITEMS, "session", NEW_YEAR)
    # A: +1, 0, -1 (no_evidence apart) -> mean 0 -> 50%; B: -1, -1 -> 0%;
    # all: +1, 0, -1, -1, -1 -> mean -0.4 -> 30%. Overdue on 1 January 2026: items 2 and 4
    # (item 1 is completed, item 6 dropped). Recurring: item 5.
    assert figures(rows) == {
        "KAZ-UZB A": (4, 3, 1, 2, 0, 50.0),
        "KAZ-UZB B": (2, 2, 0, 0, 1, 0.0),
        "all": (6, 5, 1, 2, 1, 30.0),
    }
    assert rows[-1].compliance == -0.4
    assert rows[-1].by_status == {
        "no_evidence": 1,
        "not_started": 1,
        "in_progress": 1,
        "completed": 1,
        "stalled": 1,
        "dropped": 1,
    }


def test_score_groups_counts_a_commitment_in_each_of_its_sectors_and_sides() -> None:
    by_sector = figures(score_groups(ITEMS, "sector", NEW_YEAR))
    assert by_sector == {
        "culture": (3, 2, 1, 1, 0, 0.0),
        "emergency": (1, 1, 0, 1, 0, 50.0),
        "environment": (2, 2, 0, 1, 1, 25.0),
        "transport": (1, 1, 0, 0, 0, 100.0),
        "all": (6, 5, 1, 2, 1, 30.0),
    }
    by_side = figures(score_groups(ITEMS, "side", NEW_YEAR))
    assert by_side["KAZ"] == by_side["UZB"] == (1, 1, 0, 0, 0, 100.0)
    assert by_side["(unassigned)"] == (5, 4, 1, 2, 1, 12.5)


def test_score_groups_without_scored_items_has_no_percentage() -> None:
    [group, total] = score_groups([item(1, "A", ("trade",), "no_evidence")], "sector", NEW_YEAR)
    assert (group.compliance, group.compliance_percent, group.no_evidence) == (None, None, 1)
    assert total.group == "all"


def test_scorecard_reads_statuses_owners_and_due_dates_from_the_store(db: Database) -> None:
    train, gauges, centre, _visa = save_first(db)
    set_status(db, train, "completed", "amina", as_of=dt.date(2025, 11, 1))
    set_status(db, gauges, "in_progress", "amina", as_of=dt.date(2025, 11, 1))
    set_status(db, centre, "stalled", "amina", as_of=dt.date(2025, 11, 1))
    by_agency = figures(scorecard(db, "agency", "Kazakhstan-Uzbekistan", NEW_YEAR))
    assert by_agency == {
        "(unassigned)": (3, 2, 1, 1, 0, 25.0),
        "Kazakhstan Temir Zholy (KTZ)": (1, 1, 0, 0, 0, 100.0),
        "Uzbekistan Temir Yollari": (1, 1, 0, 0, 0, 100.0),
        "all": (4, 3, 1, 1, 0, 50.0),
    }
    # Before the gauges' due date (June 2025) nothing is overdue.
    [_session, total] = scorecard(db, "session", as_of=dt.date(2025, 6, 30))
    assert total.overdue == 0
