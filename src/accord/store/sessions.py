"""Sessions: one read model for listings, pages, reports and the CLI, and what a session holds.

``SessionRow`` is a session's own facts (commission, number, dates, venue,
parties), how many sources, agreements and commitments it has, and the spans
that reported the meeting. Its co-chairs, sources and announced next session
have read models of their own here.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from accord.core.follow_through import SessionOrder
from accord.core.input_limits import looks_like_id, record_id
from accord.errors import NotFoundError
from accord.store.citations import Citation, citations
from accord.store.database import Database
from accord.store.lookups import commission_ids, one_commission
from accord.store.models import (
    Agreement,
    Commission,
    Commitment,
    Document,
    Evidence,
    MeetingSession,
    NextMeeting,
    Person,
    Post,
    SessionSource,
)
from accord.store.rows import QueryRow, count_by, parties_of

# "Kazakhstan-Uzbekistan #20", "Pakistan-Russia 10", "pak-rus 10th session".
_WITH_ORDINAL = re.compile(
    r"^(?P<commission>.*?\S)\s*(?:#|\s)\s*(?P<ordinal>\d+)(?:st|nd|rd|th)?(?:\s+session)?$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class SessionRow(QueryRow):
    """A session: its own facts, counts of what it holds, and the spans reporting the meeting."""

    id: int
    commission_id: int | None
    commission: str | None
    kind: str
    ordinal: int | None
    start: dt.date | None
    end: dt.date | None
    venue_city: str | None
    venue_country: str | None
    parties: list[str]
    sources: int
    agreements: int
    commitments: int
    citations: list[Citation]


@dataclass(frozen=True)
class CoChairRow(QueryRow):
    """A co-chair of a session: name, post (as the sources give it), country, and citations."""

    name: str
    post: str | None
    country: str | None
    citations: list[Citation]


@dataclass(frozen=True)
class SourceRow(QueryRow):
    """A document reporting a session."""

    id: int
    key: str
    title: str | None
    outlet: str | None
    published: dt.date | None
    url: str | None
    source: str


@dataclass(frozen=True)
class NextMeetingRow(QueryRow):
    """A next session announced at session ``session_id`` of ``commission``."""

    id: int
    session_id: int
    commission_id: int | None
    commission: str | None
    ordinal: int | None
    city: str | None
    country: str | None
    planned_for: str | None
    citations: list[Citation]


def session_rows(session: Session, meetings: Sequence[MeetingSession]) -> list[SessionRow]:
    """The read model of each of these sessions, in the order given."""
    ids = [m.id for m in meetings]
    commissions = {m.commission_id for m in meetings if m.commission_id is not None}
    names: dict[int, str | None] = dict(
        session.execute(
            select(Commission.id, Commission.name).where(Commission.id.in_(commissions))
        ).all()
    )
    sources = count_by(session, SessionSource.session_id, ids, SessionSource.document_id)
    agreements = count_by(session, Agreement.session_id, ids, Agreement.id)
    commitments = count_by(session, Commitment.session_id, ids, Commitment.id)
    cited = citations(session, Evidence.session_id, ids)
    return [
        SessionRow(
            id=m.id,
            commission_id=m.commission_id,
            commission=names.get(m.commission_id) if m.commission_id is not None else None,
            kind=m.kind,
            ordinal=m.ordinal,
            start=m.start_date,
            end=m.end_date,
            venue_city=m.venue_city,
            venue_country=m.venue_country,
            parties=parties_of(m.parties),
            sources=sources.get(m.id, 0),
            agreements=agreements.get(m.id, 0),
            commitments=commitments.get(m.id, 0),
            citations=cited.get(m.id, []),
        )
        for m in meetings
    ]


def session_row(session: Session, session_id: int) -> SessionRow:
    """One session's read model, or a NotFoundError."""
    meeting = session.get(MeetingSession, session_id)
    if meeting is None:
        raise NotFoundError(f"no session has id {session_id}", kind="session", key=session_id)
    return session_rows(session, [meeting])[0]


def list_sessions(
    database: Database,
    commission: str | None = None,
    limit: int | None = None,
    offset: int = 0,
    *,
    within: Sequence[int] | None = None,
) -> list[SessionRow]:
    """Sessions, newest first, of one commission (by id, name or alias) or of all.

    ``within`` narrows them to the commissions with these ids.
    """
    with database.reading() as session:
        query = select(MeetingSession)
        if commission is not None:
            query = query.where(
                MeetingSession.commission_id.in_(commission_ids(session, commission))
            )
        if within is not None:
            query = query.where(MeetingSession.commission_id.in_(within))
        meetings = session.scalars(
            query.order_by(MeetingSession.start_date.desc(), MeetingSession.id.desc())
            .limit(limit)
            .offset(offset)
        ).all()
        return session_rows(session, meetings)


def co_chairs(session: Session, session_id: int) -> list[CoChairRow]:
    """The co-chairs of a session, in the order they were first reported."""
    rows = session.execute(
        select(Post, Person.name)
        .join(Person, Person.id == Post.person_id)
        .where(Post.session_id == session_id, Post.role == "co_chair")
        .order_by(Post.id)
    ).all()
    cited = citations(session, Evidence.post_id, [post.id for post, _ in rows])
    return [
        CoChairRow(
            name=name, post=post.title, country=post.country, citations=cited.get(post.id, [])
        )
        for post, name in rows
    ]


def source_row(document: Document) -> SourceRow:
    return SourceRow(
        id=document.id,
        key=document.key,
        title=document.title,
        outlet=document.outlet,
        published=document.published,
        url=document.url,
        source=document.source,
    )


def session_sources(session: Session, session_id: int) -> list[SourceRow]:
    """The documents reporting a session: by publication date, undated ones last, then by id.

    The order is spelled out (NULLs last) because SQLite and PostgreSQL sort
    NULLs at opposite ends by default.
    """
    documents = session.scalars(
        select(Document)
        .join(SessionSource, SessionSource.document_id == Document.id)
        .where(SessionSource.session_id == session_id)
        .order_by(Document.published.is_(None), Document.published, Document.id)
    ).all()
    return [source_row(d) for d in documents]


def next_meetings(session: Session, session_ids: Sequence[int]) -> list[NextMeetingRow]:
    """The next sessions announced at these sessions, in the order of ``session_ids``."""
    if not session_ids:
        return []
    query = (
        select(NextMeeting, MeetingSession.commission_id, Commission.name)
        .join(MeetingSession, MeetingSession.id == NextMeeting.session_id)
        .outerjoin(Commission, Commission.id == MeetingSession.commission_id)
        .where(NextMeeting.session_id.in_(list(session_ids)))
    )
    order = {sid: n for n, sid in enumerate(session_ids)}
    rows = sorted(session.execute(query).all(), key=lambda r: order[r[0].session_id])
    cited = citations(session, Evidence.next_meeting_id, [r.id for r, _, _ in rows])
    return [
        NextMeetingRow(
            id=r.id,
            session_id=r.session_id,
            commission_id=commission_id,
            commission=commission,
            ordinal=r.ordinal,
            city=r.city,
            country=r.country,
            planned_for=r.planned_for,
            citations=cited.get(r.id, []),
        )
        for r, commission_id, commission in rows
    ]


def all_next_meetings(database: Database, commission_id: int | None = None) -> list[NextMeetingRow]:
    """Every announced next session (of one commission, or all)."""
    with database.reading() as session:
        query = select(MeetingSession.id)
        if commission_id is not None:
            query = query.where(MeetingSession.commission_id == commission_id)
        return next_meetings(session, list(session.scalars(in_order(query))))


def find_session(database: Database, query: str) -> int:
    """The session ``query`` names: its id, '<commission> #<number>', or a commission (its latest)."""
    with database.reading() as session:
        text = query.strip()
        if looks_like_id(text):
            number = record_id(text)
            if number is None or session.get(MeetingSession, number) is None:
                raise NotFoundError(f"no session has id {text}", kind="session", key=text)
            return number
        numbered = _WITH_ORDINAL.match(text)
        if numbered is not None:
            commission = one_commission(session, numbered["commission"].rstrip(" #"))
            found = session.scalars(
                select(MeetingSession.id)
                .where(MeetingSession.commission_id == commission)
                .where(MeetingSession.ordinal == int(numbered["ordinal"]))
            ).first()
            if found is None:
                raise NotFoundError(
                    f"commission {commission} has no session {numbered['ordinal']}",
                    kind="session",
                    key=text,
                )
            return found
        commission = one_commission(session, text)
        latest = session.scalars(
            in_order(select(MeetingSession.id).where(MeetingSession.commission_id == commission))
        ).all()
        if not latest:
            raise NotFoundError(
                f"commission {commission} has no sessions", kind="session", key=text
            )
        return int(latest[-1])


def in_order(query: Any) -> Any:
    """Sessions oldest first: by number, then by date (sessions without either last)."""
    return query.order_by(
        MeetingSession.ordinal.is_(None),
        MeetingSession.ordinal,
        MeetingSession.start_date.is_(None),
        MeetingSession.start_date,
        MeetingSession.id,
    )


def with_session_columns(query: Select[Any], session_column: Any) -> Select[Any]:
    """``query`` with the commission name, number and start date of each row's session."""
    return (
        query.add_columns(Commission.name, MeetingSession.ordinal, MeetingSession.start_date)
        .join(MeetingSession, MeetingSession.id == session_column)
        .outerjoin(Commission, Commission.id == MeetingSession.commission_id)
    )


def session_order(row: MeetingSession) -> SessionOrder:
    return SessionOrder(row.commission_id, row.ordinal, row.start_date or row.end_date)


def session_label(ordinal: int | None, start: dt.date | None) -> str:
    """ "#19 (2024-11-15)", "#19", or "#?" for a session without a number."""
    number = f"#{ordinal}" if ordinal else "#?"
    return f"{number} ({start})" if start else number


def document_session(session: Session, document_id: int) -> MeetingSession | None:
    """The session a document reports, if it reports one."""
    return session.scalar(
        select(MeetingSession)
        .join(SessionSource, SessionSource.session_id == MeetingSession.id)
        .where(SessionSource.document_id == document_id)
    )


def commission_name(session: Session, commission_id: int | None) -> str | None:
    if commission_id is None:
        return None
    return session.scalar(select(Commission.name).where(Commission.id == commission_id))
