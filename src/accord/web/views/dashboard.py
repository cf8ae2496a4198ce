"""The dashboard: commissions and their sessions, delivery by sector and status, what waits.

Compliance, overdue and recurring come from the track layer's scorecard
figures (the same ``accord scorecard`` prints), counted by the database on
every request, so the page always shows the record as it is; the dashboard
only picks and lists.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from accord.store.commissions import CommissionRow, list_commissions
from accord.store.database import Database
from accord.store.overview import (
    ReviewCounts,
    SectorStatusCount,
    WatchItem,
    commissions_named,
    open_suggestion_count,
    record_overview,
    review_counts,
)
from accord.store.sessions import SessionRow
from accord.track.scorecard import TOTAL, ScoreRow, score_counts

# How many overdue and recurring commitments the dashboard lists (the totals count all).
LISTED = 10
# Commissions shown with their timelines, most recently active first (the total counts all).
COMMISSIONS_SHOWN = 12


@dataclass(frozen=True)
class CommissionSummary:
    commission: CommissionRow
    sessions: list[SessionRow]
    score: ScoreRow


@dataclass(frozen=True)
class Dashboard:
    as_of: dt.date
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


def dashboard_view(
    database: Database, commission: str | None = None, as_of: dt.date | None = None
) -> Dashboard:
    today = as_of or dt.date.today()
    named = None if commission is None else set(commissions_named(database, commission))
    active = sorted(
        (
            row
            for row in list_commissions(database)
            if row.sessions and (named is None or row.id in named)
        ),
        key=lambda row: (row.latest_session or dt.date.min, row.id),
        reverse=True,
    )
    shown = active[:COMMISSIONS_SHOWN]
    record = record_overview(database, commission, [row.id for row in shown], today, LISTED)
    summaries = [
        CommissionSummary(
            commission=row,
            sessions=[s for s in record.sessions if s.commission_id == row.id],
            score=score_counts(
                row.name or f"commission {row.id}", record.by_commission.get(row.id, [])
            ),
        )
        for row in shown
    ]
    score = score_counts(TOTAL, record.total)
    return Dashboard(
        as_of=today,
        commission=commission,
        commissions=summaries,
        commissions_total=len(active),
        by_sector_status=record.by_sector_status,
        score=score,
        overdue=record.overdue,
        overdue_total=score.overdue,
        recurring=record.recurring,
        recurring_total=score.recurring,
        review_waiting=review_counts(database),
        followups_waiting=open_suggestion_count(database),
    )
