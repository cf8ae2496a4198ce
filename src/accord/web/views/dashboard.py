"""The dashboard: commissions and their sessions, delivery by sector and status, what waits.

Compliance, overdue and recurring come from the track layer's scorecard (the
same figures ``accord scorecard`` prints); the dashboard only picks and lists.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from accord.core.follow_through import TrackedCommitment, is_overdue
from accord.store.commissions import CommissionRow, list_commissions
from accord.store.database import Database
from accord.store.followups import list_suggestions
from accord.store.overview import (
    ReviewCounts,
    SectorStatusCount,
    commitment_texts,
    review_counts,
    sector_status_counts,
)
from accord.store.scorecard_queries import tracked_commitments
from accord.store.sessions import SessionRow, list_sessions
from accord.track.scorecard import TOTAL, ScoreRow, score

# How many overdue and recurring commitments the dashboard lists (the totals count all).
LISTED = 10
# Commissions shown with their timelines, most recently active first (the total counts all).
COMMISSIONS_SHOWN = 12


@dataclass(frozen=True)
class WatchItem:
    """An overdue or recurring commitment, as the dashboard lists it."""

    id: int
    text: str
    commission: str | None
    session_id: int
    session: str
    status: str
    due: str | None
    sessions_made: int


@dataclass(frozen=True)
class CommissionSummary:
    commission: CommissionRow
    sessions: list[SessionRow]
    score: ScoreRow


@dataclass(frozen=True)
class Dashboard:
    as_of: dt.date
    computed_at: dt.datetime
    commission: str | None
    commissions: list[CommissionSummary]
    commissions_total: int
    by_sector_status: list[SectorStatusCount]
    score: ScoreRow
    overdue: list[WatchItem]
    overdue_total: int
    recurring: list[WatchItem]
    recurring_total: int
    review_waiting: ReviewCounts
    followups_waiting: int


def _watch(
    database: Database, items: Sequence[TrackedCommitment], limit: int = LISTED
) -> list[WatchItem]:
    shown = list(items[:limit])
    texts = commitment_texts(database, [c.id for c in shown])
    return [
        WatchItem(
            c.id,
            texts.get(c.id, ""),
            c.commission,
            c.session_id,
            c.session,
            c.status,
            c.due,
            c.sessions_made,
        )
        for c in shown
    ]


def dashboard_view(
    database: Database, commission: str | None = None, as_of: dt.date | None = None
) -> Dashboard:
    today = as_of or dt.date.today()
    tracked = tracked_commitments(database, commission)
    sessions = list_sessions(database, commission)
    commission_of = {s.id: s.commission_id for s in sessions}
    by_commission: dict[int | None, list[TrackedCommitment]] = {}
    for item in tracked:
        by_commission.setdefault(commission_of.get(item.session_id), []).append(item)
    shown = set(commission_of.values())
    active = sorted(
        (row for row in list_commissions(database) if row.id in shown),
        key=lambda row: (row.latest_session or dt.date.min, row.id),
        reverse=True,
    )
    summaries = [
        CommissionSummary(
            commission=row,
            sessions=[s for s in sessions if s.commission_id == row.id],
            score=score(row.name or f"commission {row.id}", by_commission.get(row.id, []), today),
        )
        for row in active[:COMMISSIONS_SHOWN]
    ]
    overdue = [c for c in tracked if is_overdue(c.due, c.status, today)]
    recurring = sorted((c for c in tracked if c.recurring), key=lambda c: (-c.sessions_made, c.id))
    return Dashboard(
        as_of=today,
        computed_at=dt.datetime.now(dt.UTC),
        commission=commission,
        commissions=summaries,
        commissions_total=len(active),
        by_sector_status=sector_status_counts(database, commission),
        score=score(TOTAL, tracked, today),
        overdue=_watch(database, sorted(overdue, key=lambda c: (c.due or "", c.id))),
        overdue_total=len(overdue),
        recurring=_watch(database, recurring),
        recurring_total=len(recurring),
        review_waiting=review_counts(database),
        followups_waiting=len(list_suggestions(database, state="open")),
    )
