"""Counts and short lists across the record for the dashboard, read afresh on every request.

Commitments by primary sector and status (the chart and the totals), by
commission, recurring ones, drafts and suggestions waiting, and the first
overdue and recurring commitments; rejected items are left out. Every count
is one grouped query (``scorecard_counts``) and every list a limited one, so
the dashboard costs about the same at every size of the record and always
shows it as it is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from sqlalchemy import Integer, String, and_, cast, func, null, select, union_all
from sqlalchemy.orm import Session, aliased

from accord.core.follow_through import StatusCount
from accord.store.database import Database
from accord.store.lookups import commission_ids
from accord.store.models import (
    Agreement,
    Commission,
    Commitment,
    CommitmentSector,
    FollowupSuggestion,
    MeetingSession,
)
from accord.store.overdue import is_overdue
from accord.store.recurrence import plan_without_jit, sessions_made
from accord.store.rows import QueryRow
from accord.store.scorecard_counts import (
    COMMISSION_OF,
    Counted,
    Groups,
    counted_by_status,
    of_commissions,
    reading_ids,
    with_recurring,
)
from accord.store.sessions import SessionRow, list_sessions, session_label


@dataclass(frozen=True)
class SectorStatusCount(QueryRow):
    sector: str
    status: str
    commitments: int


@dataclass(frozen=True)
class ReviewCounts(QueryRow):
    """Items extracted and not yet reviewed."""

    agreements: int
    commitments: int


def review_counts(database: Database) -> ReviewCounts:
    with database.reading() as session:
        agreements = session.scalar(
            select(func.count()).select_from(Agreement).where(Agreement.review_state == "draft")
        )
        commitments = session.scalar(
            select(func.count()).select_from(Commitment).where(Commitment.review_state == "draft")
        )
    return ReviewCounts(int(agreements or 0), int(commitments or 0))


def commissions_named(database: Database, commission: str) -> list[int]:
    """The ids of the commissions ``commission`` names (see ``commission_ids``)."""
    with database.reading() as session:
        return commission_ids(session, commission)


def open_suggestion_count(database: Database) -> int:
    """How many follow-up suggestions wait for a person (those ``list_suggestions`` lists).

    Foreign keys hold on both backends, so every suggestion has its
    commitment, session and document: counting the rows is enough.
    """
    query = select(func.count()).where(FollowupSuggestion.state == "open")
    with database.reading() as session:
        return int(session.scalar(query) or 0)


@dataclass(frozen=True)
class WatchItem(QueryRow):
    """An overdue or recurring commitment, as the dashboard lists it."""

    id: int
    text: str
    commission: str | None
    session_id: int
    session: str
    status: str
    due: str | None
    sessions_made: int


def _watch_items(session: Session, first: Sequence[tuple[int, int]]) -> list[WatchItem]:
    """The commitments ``first`` names (id, sessions made), in its order, as the dashboard lists them."""
    made = dict(first)
    query = (
        select(
            Commitment.id,
            Commitment.text,
            Commission.name,
            MeetingSession.id,
            MeetingSession.ordinal,
            MeetingSession.start_date,
            Commitment.status,
            Commitment.due,
        )
        .join(MeetingSession, MeetingSession.id == Commitment.session_id)
        .outerjoin(Commission, Commission.id == MeetingSession.commission_id)
        .where(Commitment.id.in_(list(made)))
    )
    found = {
        id: WatchItem(
            id, text, name, session_id, session_label(ordinal, start), status, due, made[id]
        )
        for id, text, name, session_id, ordinal, start, status, due in session.execute(query)
    }
    return [found[id] for id, _made in first]


def _overdue_first(
    session: Session, ids: Sequence[int] | None, as_of: dt.date, limit: int
) -> list[tuple[int, int]]:
    """The first ``limit`` commitments overdue on ``as_of`` (earliest due first), sessions made."""
    first = (
        select(Commitment.id, Commitment.due)
        .where(Commitment.review_state != "rejected", is_overdue(as_of), of_commissions(ids))
        .order_by(Commitment.due, Commitment.id)
        .limit(limit)
        .cte("overdue_first")
    )
    made = sessions_made(among=select(first.c.id))
    query = (
        select(first.c.id, func.coalesce(made.c.sessions_made, 1))
        .outerjoin(made, made.c.commitment_id == first.c.id)
        .order_by(first.c.due, first.c.id)
    )
    return [(id, int(n)) for id, n in session.execute(query)]


@dataclass(frozen=True)
class Recurring:
    """Commitments made at several sessions: how many by commission and status, and the first."""

    by_commission: dict[tuple[int | None, str], int]
    first: list[tuple[int, int]]


def _recurring(session: Session, ids: Sequence[int] | None, limit: int) -> Recurring:
    """One walk of the restatement links gives both the counts and the first ``limit``.

    The two parts share the walk's result in one statement: counted rows
    carry no id, listed rows no count.
    """
    made = sessions_made()
    recurring = (
        select(Commitment.id, made.c.sessions_made, COMMISSION_OF.label("commission_id"))
        .add_columns(Commitment.status)
        .select_from(made)
        .join(Commitment, Commitment.id == made.c.commitment_id)
        .where(made.c.sessions_made > 1, Commitment.review_state != "rejected")
        .where(of_commissions(ids))
        .cte("recurring")
    )
    counts = select(
        recurring.c.commission_id,
        recurring.c.status,
        func.count(),
        cast(null(), Integer),
        cast(null(), Integer),
    ).group_by(recurring.c.commission_id, recurring.c.status)
    first = (
        select(recurring.c.id, recurring.c.sessions_made)
        .order_by(recurring.c.sessions_made.desc(), recurring.c.id)
        .limit(limit)
        .subquery()
    )
    listed = select(
        cast(null(), Integer),
        cast(null(), String),
        cast(null(), Integer),
        first.c.id,
        first.c.sessions_made,
    )
    found = Recurring({}, [])
    plan_without_jit(session)
    for commission_id, status, n, id, sessions in session.execute(union_all(counts, listed)):
        if id is None:
            found.by_commission[(commission_id, status)] = int(n)
        else:
            found.first.append((id, int(sessions)))
    found.first.sort(key=lambda item: (-item[1], item[0]))
    return found


@dataclass(frozen=True)
class Overview:
    """What the dashboard shows of the record: figures, the first overdue and recurring, sessions."""

    total: list[StatusCount]
    by_commission: dict[int, list[StatusCount]]
    by_sector_status: list[SectorStatusCount]
    overdue: list[WatchItem]
    recurring: list[WatchItem]
    sessions: list[SessionRow]


def _sector_counts(session: Session, ids: Sequence[int] | None, as_of: dt.date) -> Counted:
    """Commitments by primary sector (None: without sectors) and status."""
    primary = aliased(CommitmentSector)
    sectors = Groups(
        [primary.sector],
        [(primary, and_(primary.commitment_id == Commitment.id, primary.position == 0))],
    )
    return counted_by_status(session, sectors, ids, as_of)


# Queries a dashboard request runs next to its own. A task holds a connection
# only while it runs, and a request waits for its task only after giving its
# own connection back, so requests and tasks never wait on each other for one.
_ALONGSIDE = ThreadPoolExecutor(max_workers=4, thread_name_prefix="accord-overview")


def _read_sector_counts(database: Database, ids: Sequence[int] | None, as_of: dt.date) -> Counted:
    with database.reading() as session:
        return _sector_counts(session, ids, as_of)


def record_overview(
    database: Database,
    commission: str | None,
    commissions: Sequence[int],
    as_of: dt.date,
    listed: int,
) -> Overview:
    """The record (or one commission's part) counted and listed for the dashboard.

    A handful of queries whatever the size of the record: commitments by
    primary sector and status (the chart and, added up, the totals; those
    without sectors count in the totals only), the commitments of the
    ``commissions`` shown and their sessions, one walk of the restatement
    links (recurring counts and the first recurring), and the first
    ``listed`` overdue.
    """
    with database.reading() as session:
        ids = reading_ids(session, commission)
    # The count over every commitment, the costliest query, runs on a second
    # connection meanwhile (the drivers let go of the GIL while the database works).
    sector_counts = _ALONGSIDE.submit(_read_sector_counts, database, ids, as_of)
    with database.reading() as session:
        shown = (
            counted_by_status(session, Groups([COMMISSION_OF]), commissions, as_of)
            if commissions
            else {}
        )
        recurring = _recurring(session, ids, listed)
        overdue = _watch_items(session, _overdue_first(session, ids, as_of, listed))
        recurring_items = _watch_items(session, recurring.first)
    sessions = list_sessions(database, within=commissions)
    by_sector = sector_counts.result()
    recurring_by_status: dict[str, int] = {}
    for (_commission, status), n in recurring.by_commission.items():
        recurring_by_status[status] = recurring_by_status.get(status, 0) + n
    by_status: dict[str, list[StatusCount]] = {}
    for count in (c for counts in by_sector.values() for c in counts):
        by_status.setdefault(count.status, []).append(count)
    total = [
        StatusCount(
            status,
            sum(c.commitments for c in parts),
            sum(c.overdue for c in parts),
            recurring_by_status.get(status, 0),
        )
        for status, parts in by_status.items()
    ]
    by_commission = with_recurring(shown, dict(recurring.by_commission))
    return Overview(
        total=total,
        by_commission={key[0]: counts for key, counts in by_commission.items()},
        by_sector_status=sorted(
            (
                SectorStatusCount(sector, c.status, c.commitments)
                for (sector,), counts in by_sector.items()
                if sector is not None
                for c in counts
            ),
            key=lambda row: (row.sector, row.status),
        ),
        overdue=overdue,
        recurring=recurring_items,
        sessions=sessions,
    )
