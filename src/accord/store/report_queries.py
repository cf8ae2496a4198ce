"""Reading what the reports and exports need: one session whole, a commission's record.

Every item comes with its citations (the document it was found in and the
quoted span), so a brief or an export can show where each fact came from.
Items a person rejected are left out of the reports; exports keep them and
say so in ``review_state``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from accord.errors import NotFoundError
from accord.extract.gazetteer import load_gazetteer
from accord.store.database import Database
from accord.store.models import (
    Agreement,
    AgreementParty,
    Commission,
    CommissionAlias,
    Commitment,
    CommitmentActor,
    Document,
    Evidence,
    MeetingSession,
    NextMeeting,
    Organisation,
    Person,
    Post,
    SessionSource,
)
from accord.store.queries import commission_ids
from accord.store.report_rows import (
    AgreementItem,
    Citation,
    CoChairRow,
    CommissionRecord,
    CommitmentItem,
    NextMeetingRow,
    OrganisationRow,
    SessionFacts,
    SessionRecord,
    SourceRow,
    citation_of,
)
from accord.store.tracking_queries import owners_of, sectors_of

# "Kazakhstan-Uzbekistan #20", "Pakistan-Russia 10", "pak-rus 10th session".
_WITH_ORDINAL = re.compile(
    r"^(?P<commission>.*?\S)\s*(?:#|\s)\s*(?P<ordinal>\d+)(?:st|nd|rd|th)?(?:\s+session)?$",
    re.IGNORECASE,
)


@functools.cache
def country_names() -> dict[str, str]:
    """Country names by ISO 3166 alpha-3 code, from the gazetteer the record was resolved with."""
    return {code: country.name for code, country in load_gazetteer().by_iso3.items()}


def find_commission(database: Database, query: str) -> int:
    """The one commission ``query`` names (id, name, alias or countries)."""
    with database.reading() as session:
        return _one_commission(session, query)


def _one_commission(session: Session, query: str) -> int:
    found = commission_ids(session, query)
    if len(found) > 1:
        names = session.execute(
            select(Commission.id, Commission.name).where(Commission.id.in_(found))
        ).all()
        listed = "; ".join(f"{i}: {name or '(unnamed)'}" for i, name in names)
        raise NotFoundError(f"{query!r} names {len(found)} commissions ({listed}); give its id")
    return found[0]


def find_session(database: Database, query: str) -> int:
    """The session ``query`` names: its id, '<commission> #<number>', or a commission (its latest)."""
    with database.reading() as session:
        text = query.strip()
        if text.isdigit():
            if session.get(MeetingSession, int(text)) is None:
                raise NotFoundError(f"no session has id {text}; see 'accord sessions'")
            return int(text)
        numbered = _WITH_ORDINAL.match(text)
        if numbered is not None:
            commission = _one_commission(session, numbered["commission"].rstrip(" #"))
            found = session.scalars(
                select(MeetingSession.id)
                .where(MeetingSession.commission_id == commission)
                .where(MeetingSession.ordinal == int(numbered["ordinal"]))
            ).first()
            if found is None:
                raise NotFoundError(
                    f"commission {commission} has no session {numbered['ordinal']}; "
                    "see 'accord sessions'"
                )
            return found
        commission = _one_commission(session, text)
        latest = session.scalars(
            _in_order(select(MeetingSession.id).where(MeetingSession.commission_id == commission))
        ).all()
        if not latest:
            raise NotFoundError(f"commission {commission} has no sessions")
        return int(latest[-1])


def _in_order(query: Any) -> Any:
    """Sessions oldest first: by number, then by date (sessions without either last)."""
    return query.order_by(
        MeetingSession.ordinal.is_(None),
        MeetingSession.ordinal,
        MeetingSession.start_date.is_(None),
        MeetingSession.start_date,
        MeetingSession.id,
    )


def session_record(database: Database, session_id: int) -> SessionRecord:
    """One session with its co-chairs, agreements, commitments, next session and sources."""
    with database.reading() as session:
        row = session.get(MeetingSession, session_id)
        if row is None:
            raise NotFoundError(f"no session has id {session_id}; see 'accord sessions'")
        facts = _session_facts(session, [row])[0]
        next_meetings = _next_meetings(session, [session_id])
        return SessionRecord(
            facts=facts,
            co_chairs=_co_chairs(session, session_id),
            agreements=_agreements(session, session_id),
            commitments=_commitments(session, [session_id]),
            next_meeting=next_meetings[0] if next_meetings else None,
            sources=_sources(session, session_id),
        )


def commission_record(database: Database, commission_id: int) -> CommissionRecord:
    """A commission's sessions (oldest first), their commitments and announced sessions."""
    with database.reading() as session:
        row = session.get(Commission, commission_id)
        if row is None:
            raise NotFoundError(f"no commission has id {commission_id}; see 'accord commissions'")
        sessions = session.scalars(
            _in_order(select(MeetingSession).where(MeetingSession.commission_id == commission_id))
        ).all()
        ids = [s.id for s in sessions]
        aliases = session.scalars(
            select(CommissionAlias.name)
            .where(CommissionAlias.commission_id == commission_id)
            .order_by(CommissionAlias.id)
        ).all()
        return CommissionRecord(
            id=row.id,
            name=row.name,
            parties=[p for p in row.parties.split(",") if p],
            aliases=list(aliases),
            sessions=_session_facts(session, sessions),
            commitments=_commitments(session, ids),
            next_meetings=_next_meetings(session, ids),
        )


def all_commitments(
    database: Database, commission_id: int | None = None, *, with_rejected: bool = True
) -> list[CommitmentItem]:
    """Every commitment (of one commission, or all), oldest session first, for exports."""
    with database.reading() as session:
        query = select(MeetingSession.id)
        if commission_id is not None:
            query = query.where(MeetingSession.commission_id == commission_id)
        ids = list(session.scalars(_in_order(query)))
        return _commitments(session, ids, with_rejected=with_rejected)


def all_next_meetings(database: Database, commission_id: int | None = None) -> list[NextMeetingRow]:
    """Every announced next session (of one commission, or all)."""
    with database.reading() as session:
        query = select(MeetingSession.id)
        if commission_id is not None:
            query = query.where(MeetingSession.commission_id == commission_id)
        return _next_meetings(session, list(session.scalars(_in_order(query))))


def _citations(session: Session, column: Any, ids: Sequence[int]) -> dict[int, list[Citation]]:
    if not ids:
        return {}
    query = (
        select(column, Evidence, Document)
        .join(Document, Document.id == Evidence.document_id)
        .where(column.in_(list(ids)))
        .order_by(column, Document.published.is_(None), Document.published, Evidence.id)
    )
    found: dict[int, list[Citation]] = {}
    for owner, evidence, document in session.execute(query):
        found.setdefault(owner, []).append(
            citation_of(document, evidence.text, evidence.span_start, evidence.span_end)
        )
    return found


def _session_facts(session: Session, rows: Sequence[MeetingSession]) -> list[SessionFacts]:
    names: dict[int, str | None] = {
        i: name for i, name in session.execute(select(Commission.id, Commission.name))
    }
    citations = _citations(session, Evidence.session_id, [r.id for r in rows])
    return [
        SessionFacts(
            id=r.id,
            commission_id=r.commission_id,
            commission=names.get(r.commission_id) if r.commission_id else None,
            kind=r.kind,
            ordinal=r.ordinal,
            start=r.start_date,
            end=r.end_date,
            venue_city=r.venue_city,
            venue_country=r.venue_country,
            parties=[p for p in r.parties.split(",") if p],
            citations=citations.get(r.id, []),
        )
        for r in rows
    ]


def _co_chairs(session: Session, session_id: int) -> list[CoChairRow]:
    rows = session.execute(
        select(Post, Person.name)
        .join(Person, Person.id == Post.person_id)
        .where(Post.session_id == session_id, Post.role == "co_chair")
        .order_by(Post.id)
    ).all()
    citations = _citations(session, Evidence.post_id, [post.id for post, _ in rows])
    return [
        CoChairRow(
            name=name, post=post.title, country=post.country, citations=citations.get(post.id, [])
        )
        for post, name in rows
    ]


def _organisations(
    session: Session, link: Any, owner: Any, ids: Sequence[int]
) -> dict[int, list[OrganisationRow]]:
    found: dict[int, list[OrganisationRow]] = {}
    if not ids:
        return found
    query = (
        select(owner, Organisation.name, Organisation.acronym, Organisation.country)
        .join(Organisation, Organisation.id == link.organisation_id)
        .where(owner.in_(list(ids)))
        .order_by(owner, link.position)
    )
    for key, name, acronym, country in session.execute(query):
        found.setdefault(key, []).append(OrganisationRow(name, acronym, country))
    return found


def _agreements(session: Session, session_id: int) -> list[AgreementItem]:
    rows = session.scalars(
        select(Agreement)
        .where(Agreement.session_id == session_id, Agreement.review_state != "rejected")
        .order_by(Agreement.id)
    ).all()
    ids = [r.id for r in rows]
    parties = _organisations(session, AgreementParty, AgreementParty.agreement_id, ids)
    citations = _citations(session, Evidence.agreement_id, ids)
    return [
        AgreementItem(
            id=r.id,
            session_id=r.session_id,
            kind=r.kind,
            status=r.status,
            subject=r.subject,
            parties=parties.get(r.id, []),
            sectors=list(r.sectors),
            review_state=r.review_state,
            citations=citations.get(r.id, []),
        )
        for r in rows
    ]


def _commitments(
    session: Session, session_ids: Sequence[int], *, with_rejected: bool = False
) -> list[CommitmentItem]:
    if not session_ids:
        return []
    query = (
        select(
            Commitment,
            MeetingSession.ordinal,
            MeetingSession.start_date,
            MeetingSession.commission_id,
            Commission.name,
        )
        .join(MeetingSession, MeetingSession.id == Commitment.session_id)
        .outerjoin(Commission, Commission.id == MeetingSession.commission_id)
        .where(Commitment.session_id.in_(list(session_ids)))
    )
    if not with_rejected:
        query = query.where(Commitment.review_state != "rejected")
    order = {sid: n for n, sid in enumerate(session_ids)}
    rows = sorted(session.execute(query).all(), key=lambda r: (order[r[0].session_id], r[0].id))
    ids = [r.id for r, *_ in rows]
    actors = _organisations(session, CommitmentActor, CommitmentActor.commitment_id, ids)
    owners = owners_of(session, ids)
    citations = _citations(session, Evidence.commitment_id, ids)
    sectors = sectors_of(session, ids)
    return [
        CommitmentItem(
            id=r.id,
            commission_id=commission_id,
            commission=commission,
            session_id=r.session_id,
            ordinal=ordinal,
            session_start=start,
            text=r.text,
            strength=r.strength,
            sectors=sectors.get(r.id, []),
            topics=list(r.topics),
            actors=actors.get(r.id, []),
            owners=owners.get(r.id, []),
            due=r.due,
            status=r.status,
            review_state=r.review_state,
            confidence=r.confidence,
            cue=r.cue,
            citations=citations.get(r.id, []),
        )
        for r, ordinal, start, commission_id, commission in rows
    ]


def _next_meetings(session: Session, session_ids: Sequence[int]) -> list[NextMeetingRow]:
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
    citations = _citations(session, Evidence.next_meeting_id, [r.id for r, _, _ in rows])
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
            citations=citations.get(r.id, []),
        )
        for r, commission_id, commission in rows
    ]


def _sources(session: Session, session_id: int) -> list[SourceRow]:
    documents = session.scalars(
        select(Document)
        .join(SessionSource, SessionSource.document_id == Document.id)
        .where(SessionSource.session_id == session_id)
        .order_by(Document.published.is_(None), Document.published, Document.id)
    ).all()
    return [
        SourceRow(
            document_key=d.key,
            source=d.source,
            title=d.title,
            outlet=d.outlet,
            published=d.published,
            url=d.url,
        )
        for d in documents
    ]
