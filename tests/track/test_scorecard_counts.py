"""The figures the database counts equal those counted in Python from the tracked commitments.

``scorecard`` and the dashboard count in SQL; ``score_groups`` over
``tracked_commitments`` counts the same record one commitment at a time. On
a varied record, on both backends, for every grouping, commission filter and
date, they must agree to the last figure and in the same order.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from sqlalchemy import select

from accord.core.follow_through import TrackedCommitment, is_overdue
from accord.store.database import Database
from accord.store.models import Commitment
from accord.store.overview import SectorStatusCount, WatchItem
from accord.store.scorecard_queries import tracked_commitments
from accord.store.sessions import list_sessions
from accord.track.scorecard import GROUPINGS, TOTAL, Grouping, score, score_groups, scorecard
from accord.web.views.dashboard import LISTED, dashboard_view

from .varied_record import AS_OF_DATES, VariedRecord, save_varied_record


@pytest.fixture
def varied(db: Database) -> VariedRecord:
    return save_varied_record(db)


def test_varied_record_has_what_the_comparison_needs(varied: VariedRecord) -> None:
    tracked = tracked_commitments(varied.db)
    as_of = dt.date(2025, 7, 2)
    assert len(tracked) > 100
    assert sum(is_overdue(c.due, c.status, as_of) for c in tracked) > LISTED
    assert sum(c.recurring for c in tracked) > 2
    assert max(c.sessions_made for c in tracked) >= 3
    assert any(not c.agencies for c in tracked) and any(len(c.sides) > 1 for c in tracked)
    sessions = list_sessions(varied.db)
    labels = [(s.commission_id, s.ordinal, s.start) for s in sessions]
    assert len(labels) > len(set(labels)), "two sessions of one commission share a label"


@pytest.mark.parametrize("by", GROUPINGS)
def test_scorecard_counted_in_sql_equals_the_scorecard_of_tracked_commitments(
    varied: VariedRecord, by: Grouping
) -> None:
    for commission in [None, *varied.commissions]:
        tracked = tracked_commitments(varied.db, commission)
        for as_of in AS_OF_DATES:
            expected = score_groups(tracked, by, as_of)
            assert scorecard(varied.db, by, commission, as_of) == expected, (commission, as_of)


def _listed(db: Database, items: list[TrackedCommitment]) -> list[WatchItem]:
    """The first items as the dashboard lists them (the old dashboard's ``_watch``)."""
    shown = items[:LISTED]
    with db.reading() as session:
        query = select(Commitment.id, Commitment.text).where(
            Commitment.id.in_([c.id for c in shown])
        )
        texts = {commitment_id: text for commitment_id, text in session.execute(query)}
    return [
        WatchItem(
            c.id,
            texts[c.id],
            c.commission,
            c.session_id,
            c.session,
            c.status,
            c.due,
            c.sessions_made,
        )
        for c in shown
    ]


def test_dashboard_figures_equal_those_of_tracked_commitments(varied: VariedRecord) -> None:
    commission_of = {s.id: s.commission_id for s in list_sessions(varied.db)}
    for commission in [None, *varied.commissions]:
        tracked = tracked_commitments(varied.db, commission)
        for as_of in AS_OF_DATES:
            view = dashboard_view(varied.db, commission, as_of)
            assert view.score == score(TOTAL, tracked, as_of)
            by_sector = Counter((c.sectors[0], c.status) for c in tracked)
            assert view.by_sector_status == [
                SectorStatusCount(sector, status, n)
                for (sector, status), n in sorted(by_sector.items())
            ]
            for summary in view.commissions:
                row = summary.commission
                mine = [c for c in tracked if commission_of[c.session_id] == row.id]
                assert summary.score == score(row.name or f"commission {row.id}", mine, as_of)
            overdue = sorted(
                (c for c in tracked if is_overdue(c.due, c.status, as_of)),
                key=lambda c: (c.due or "", c.id),
            )
            recurring = sorted(
                (c for c in tracked if c.recurring), key=lambda c: (-c.sessions_made, c.id)
            )
            assert (view.overdue_total, view.recurring_total) == (len(overdue), len(recurring))
            assert view.overdue == _listed(varied.db, overdue), (commission, as_of)
            assert view.recurring == _listed(varied.db, recurring)
