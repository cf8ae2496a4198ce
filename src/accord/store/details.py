"""One item of the record in full: a session, a commitment, an agreement.

The listings in ``queries`` give one row per item; these functions add what
a page about a single item shows (co-chairs, sources, evidence spans), and
raise ``NotFoundError`` for an id that does not exist.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from accord.errors import NotFoundError
from accord.store.database import Database
from accord.store.models import (
    Agreement,
    Commission,
    Commitment,
    CommitmentActor,
    Document,
    Evidence,
    MeetingSession,
    NextMeeting,
    Person,
    Post,
    SessionSource,
)
from accord.store.queries import (
    AgreementRow,
    CommitmentFilter,
    CommitmentRow,
    QueryRow,
    _commitment_rows,
    _with_session,
    list_agreements,
    list_commitments,
)
from accord.store.tracking_models import CommitmentLink


@dataclass(frozen=True)
class CoChairRow(QueryRow):
    name: str
    title: str | None
    country: str | None


@dataclass(frozen=True)
class SourceRow(QueryRow):
    """A document reporting an item."""

    id: int
    key: str
    title: str | None
    outlet: str | None
    published: dt.date | None
    url: str | None
    source: str


@dataclass(frozen=True)
class NextMeetingRow(QueryRow):
    ordinal: int | None
    city: str | None
    country: str | None
    planned_for: str | None


@dataclass(frozen=True)
class SpanRow(QueryRow):
    """A verbatim span of a document backing an item."""

    document_id: int
    document_title: str | None
    document_source: str
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class SessionInfo(QueryRow):
    """A session's own facts, as every page that names it shows them."""

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


@dataclass(frozen=True)
class SessionDetail:
    session: SessionInfo
    co_chairs: list[CoChairRow]
    agreements: list[AgreementRow]
    commitments: list[CommitmentRow]
    sources: list[SourceRow]
    next_meeting: NextMeetingRow | None


@dataclass(frozen=True)
class CommitmentDetail:
    commitment: CommitmentRow
    topics: list[str]
    confidence: float | None
    cue: str | None
    edited_fields: list[str]
    actor_ids: list[int]
    session: SessionInfo
    evidence: list[SpanRow]


@dataclass(frozen=True)
class AgreementDetail:
    agreement: AgreementRow
    confidence: float | None
    cue: str | None
    edited_fields: list[str]
    session: SessionInfo
    evidence: list[SpanRow]


def session_info(session: Session, session_id: int) -> SessionInfo:
    row = session.execute(
        select(MeetingSession, Commission.name)
        .outerjoin(Commission, Commission.id == MeetingSession.commission_id)
        .where(MeetingSession.id == session_id)
    ).first()
    if row is None:
        raise NotFoundError(f"no session with id {session_id}")
    meeting, name = row
    return SessionInfo(
        id=meeting.id,
        commission_id=meeting.commission_id,
        commission=name,
        kind=meeting.kind,
        ordinal=meeting.ordinal,
        start=meeting.start_date,
        end=meeting.end_date,
        venue_city=meeting.venue_city,
        venue_country=meeting.venue_country,
        parties=[p for p in meeting.parties.split(",") if p],
    )


def session_detail(database: Database, session_id: int) -> SessionDetail:
    """A session with its co-chairs, agreements, commitments, sources and next meeting."""
    with database.reading() as session:
        info = session_info(session, session_id)
        chairs = session.execute(
            select(Person.name, Post.title, Post.country)
            .join(Person, Person.id == Post.person_id)
            .where(Post.session_id == session_id)
            .order_by(Post.id)
        ).all()
        sources = _sources(session, session_id)
        upcoming = session.scalar(select(NextMeeting).where(NextMeeting.session_id == session_id))
    return SessionDetail(
        session=info,
        co_chairs=[CoChairRow(name, title, country) for name, title, country in chairs],
        agreements=list_agreements(database, session_id=session_id, limit=None),
        commitments=list_commitments(database, CommitmentFilter(session=session_id, limit=None)),
        sources=sources,
        next_meeting=None
        if upcoming is None
        else NextMeetingRow(
            upcoming.ordinal, upcoming.city, upcoming.country, upcoming.planned_for
        ),
    )


def _sources(session: Session, session_id: int) -> list[SourceRow]:
    documents = session.scalars(
        select(Document)
        .join(SessionSource, SessionSource.document_id == Document.id)
        .where(SessionSource.session_id == session_id)
        .order_by(Document.published, Document.id)
    )
    return [source_row(d) for d in documents]


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


def _spans(
    session: Session, column: InstrumentedAttribute[int | None], item_id: int
) -> list[SpanRow]:
    rows = session.execute(
        select(Evidence, Document.title, Document.source)
        .join(Document, Document.id == Evidence.document_id)
        .where(column == item_id)
        .order_by(Evidence.document_id, Evidence.span_start)
    ).all()
    return [
        SpanRow(e.document_id, title, source, e.text, e.span_start, e.span_end)
        for e, title, source in rows
    ]


def commitment_detail(database: Database, commitment_id: int) -> CommitmentDetail:
    """A commitment with its topics, the session it belongs to and every span backing it."""
    with database.reading() as session:
        rows = session.execute(
            _with_session(select(Commitment), Commitment.session_id).where(
                Commitment.id == commitment_id
            )
        ).all()
        if not rows:
            raise NotFoundError(f"no commitment with id {commitment_id}")
        item = rows[0][0]
        actor_ids = session.scalars(
            select(CommitmentActor.organisation_id)
            .where(CommitmentActor.commitment_id == commitment_id)
            .order_by(CommitmentActor.position)
        ).all()
        return CommitmentDetail(
            commitment=_commitment_rows(session, rows)[0],
            topics=list(item.topics),
            confidence=item.confidence,
            cue=item.cue,
            edited_fields=list(item.edited_fields),
            actor_ids=list(actor_ids),
            session=session_info(session, item.session_id),
            evidence=_spans(session, Evidence.commitment_id, commitment_id),
        )


def agreement_detail(database: Database, agreement_id: int) -> AgreementDetail:
    with database.reading() as session:
        item = session.get(Agreement, agreement_id)
        if item is None:
            raise NotFoundError(f"no agreement with id {agreement_id}")
        session_id = item.session_id
        info = session_info(session, session_id)
        evidence = _spans(session, Evidence.agreement_id, agreement_id)
    rows = list_agreements(database, session_id=session_id, limit=None)
    row = next(r for r in rows if r.id == agreement_id)
    return AgreementDetail(
        agreement=row,
        confidence=item.confidence,
        cue=item.cue,
        edited_fields=list(item.edited_fields),
        session=info,
        evidence=evidence,
    )


@dataclass(frozen=True)
class LinkRow(QueryRow):
    """A confirmed restatement: this commitment made again (``restated_in``) or made before."""

    id: int
    direction: str
    other_commitment_id: int | None
    document_id: int
    document_title: str | None
    session_id: int | None
    start: int
    end: int
    text: str
    created_by: str
    created_at: dt.datetime


def commitment_links(database: Database, commitment_id: int) -> list[LinkRow]:
    """Where this commitment was restated later, and what earlier commitment it restates."""
    quoted = func.substr(
        Document.text,
        CommitmentLink.span_start + 1,
        CommitmentLink.span_end - CommitmentLink.span_start,
    )
    query = (
        select(CommitmentLink, Document.title, SessionSource.session_id, quoted)
        .join(Document, Document.id == CommitmentLink.document_id)
        .outerjoin(SessionSource, SessionSource.document_id == CommitmentLink.document_id)
        .where(
            or_(
                CommitmentLink.earlier_id == commitment_id, CommitmentLink.later_id == commitment_id
            )
        )
        .order_by(CommitmentLink.id)
    )
    with database.reading() as session:
        return [
            LinkRow(
                id=link.id,
                direction="restated_in" if link.earlier_id == commitment_id else "restates",
                other_commitment_id=link.later_id
                if link.earlier_id == commitment_id
                else link.earlier_id,
                document_id=link.document_id,
                document_title=title,
                session_id=session_id,
                start=link.span_start,
                end=link.span_end,
                text=text or "",
                created_by=link.created_by,
                created_at=link.created_at,
            )
            for link, title, session_id, text in session.execute(query)
        ]
