"""Agreements signed or planned at a session: the listing row, the page, the report item.

An agreement's parties are organisations; its evidence is the span of each
document that reported it.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from accord.errors import NotFoundError
from accord.store.audit import JsonDict, snapshot
from accord.store.citations import Citation, SpanRow, citations, spans
from accord.store.database import Database
from accord.store.lookups import commission_ids
from accord.store.models import Agreement, AgreementParty, Evidence, MeetingSession
from accord.store.organisations import OrganisationRow, organisation_labels, organisation_rows
from accord.store.rows import DEFAULT_LIMIT, QueryRow, count_by
from accord.store.sessions import SessionRow, session_row, with_session_columns

# An agreement's fields as the audit log keeps them.
AGREEMENT_FIELDS = ("kind", "status", "subject", "sectors", "review_state", "edited_fields")


@dataclass(frozen=True)
class AgreementRow(QueryRow):
    id: int
    session_id: int
    commission: str | None
    ordinal: int | None
    kind: str
    status: str
    subject: str | None
    parties: list[str]
    sectors: list[str]
    review_state: str
    sources: int


@dataclass(frozen=True)
class AgreementDetail:
    agreement: AgreementRow
    confidence: float | None
    cue: str | None
    edited_fields: list[str]
    session: SessionRow
    evidence: list[SpanRow]


@dataclass(frozen=True)
class AgreementItem:
    """An agreement as the reports cite it: parties as organisations, every citation."""

    id: int
    session_id: int
    kind: str
    status: str
    subject: str | None
    parties: list[OrganisationRow]
    sectors: list[str]
    review_state: str
    citations: list[Citation]


def agreement_row(session: Session, agreement_id: int) -> Agreement:
    """The agreement with this id, or a NotFoundError."""
    row = session.get(Agreement, agreement_id)
    if row is None:
        raise NotFoundError.record("agreement", agreement_id)
    return row


def agreement_snapshot(row: Agreement) -> JsonDict:
    """An agreement as the audit log keeps it."""
    return snapshot(row, AGREEMENT_FIELDS)


def list_agreements(
    database: Database,
    commission: str | None = None,
    session_id: int | None = None,
    status: str | None = None,
    limit: int | None = DEFAULT_LIMIT,
    offset: int = 0,
) -> list[AgreementRow]:
    """Agreements, newest first, optionally of one commission or session, signed or planned."""
    with database.reading() as session:
        query = with_session_columns(select(Agreement), Agreement.session_id)
        if commission is not None:
            ids = commission_ids(session, commission)
            query = query.where(MeetingSession.commission_id.in_(ids))
        if session_id is not None:
            query = query.where(Agreement.session_id == session_id)
        if status is not None:
            query = query.where(Agreement.status == status)
        rows = session.execute(
            query.order_by(Agreement.id.desc()).limit(limit).offset(offset)
        ).all()
        ids = [row.id for row, *_ in rows]
        parties = organisation_labels(session, AgreementParty, AgreementParty.agreement_id, ids)
        sources = count_by(session, Evidence.agreement_id, ids, Evidence.document_id)
        return [
            AgreementRow(
                id=row.id,
                session_id=row.session_id,
                commission=name,
                ordinal=ordinal,
                kind=row.kind,
                status=row.status,
                subject=row.subject,
                parties=parties.get(row.id, []),
                sectors=list(row.sectors),
                review_state=row.review_state,
                sources=sources.get(row.id, 0),
            )
            for row, name, ordinal, _start in rows
        ]


def agreement_detail(database: Database, agreement_id: int) -> AgreementDetail:
    """An agreement with the session it belongs to and every span backing it."""
    with database.reading() as session:
        item = session.get(Agreement, agreement_id)
        if item is None:
            raise NotFoundError.record("agreement", agreement_id)
        session_id = item.session_id
        info = session_row(session, session_id)
        evidence = spans(session, Evidence.agreement_id, agreement_id)
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


def agreement_items(session: Session, session_id: int) -> list[AgreementItem]:
    """The agreements of a session a person has not rejected, with their citations."""
    rows = session.scalars(
        select(Agreement)
        .where(Agreement.session_id == session_id, Agreement.review_state != "rejected")
        .order_by(Agreement.id)
    ).all()
    ids = [r.id for r in rows]
    parties = organisation_rows(session, AgreementParty, AgreementParty.agreement_id, ids)
    cited = citations(session, Evidence.agreement_id, ids)
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
            citations=cited.get(r.id, []),
        )
        for r in rows
    ]
