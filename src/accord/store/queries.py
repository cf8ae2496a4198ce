"""Reading the record: commissions, sessions, agreements and commitments, with filters.

Each function returns typed rows that the CLI prints as a table or as JSON
(and the web will serve), so every view of the record is computed once.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, distinct, func, or_, select
from sqlalchemy.orm import Session

from accord.core.names import expand_abbreviations, normalise
from accord.errors import NotFoundError
from accord.store.database import Database
from accord.store.models import (
    Agreement,
    AgreementParty,
    Commission,
    CommissionAlias,
    Commitment,
    CommitmentActor,
    CommitmentSector,
    Evidence,
    MeetingSession,
    Organisation,
    OrganisationAlias,
    SessionSource,
)
from accord.store.resolve import name_vocabulary

DEFAULT_LIMIT = 100


class QueryRow:
    """A row of a listing, as plain JSON data."""

    def to_json(self) -> dict[str, object]:
        data = dataclasses.asdict(self)  # type: ignore[call-overload]
        return {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in data.items()}


@dataclass(frozen=True)
class CommissionRow(QueryRow):
    id: int
    name: str | None
    parties: list[str]
    aliases: list[str]
    sessions: int
    latest_session: dt.date | None


@dataclass(frozen=True)
class SessionRow(QueryRow):
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
class CommitmentRow(QueryRow):
    id: int
    session_id: int
    commission: str | None
    ordinal: int | None
    session_start: dt.date | None
    text: str
    strength: str
    sectors: list[str]
    status: str
    review_state: str
    due: str | None
    actors: list[str]
    sources: int


@dataclass(frozen=True)
class CommitmentFilter:
    """The filters of ``accord commitments``; None means any."""

    commission: str | None = None
    session: int | None = None
    sector: str | None = None
    strength: str | None = None
    status: str | None = None
    agency: str | None = None
    since: dt.date | None = None
    review_state: str | None = None
    limit: int | None = DEFAULT_LIMIT
    offset: int = 0


def _parties(key: str) -> list[str]:
    return [p for p in key.split(",") if p]


def commission_ids(session: Session, query: str) -> list[int]:
    """The commissions ``query`` names: an id, a name or alias, part of one, or its countries."""
    if query.strip().isdigit():
        found = session.scalars(select(Commission.id).where(Commission.id == int(query))).all()
    else:
        key = normalise(query)
        found = (
            session.scalars(
                select(CommissionAlias.commission_id).distinct().where(CommissionAlias.key == key)
            ).all()
            or session.scalars(
                select(CommissionAlias.commission_id)
                .distinct()
                .where(CommissionAlias.key.contains(key))
            ).all()
        )
        if not found:
            found = _commissions_of_countries(session, query)
    if not found:
        raise NotFoundError(f"no commission matches {query!r}; see 'accord commissions'")
    return sorted(found)


def _commissions_of_countries(session: Session, query: str) -> list[int]:
    vocabulary = name_vocabulary()
    expanded = expand_abbreviations(query, vocabulary.abbreviations)
    countries = vocabulary.countries.countries_in(expanded)
    if not countries:
        return []
    rows = session.execute(select(Commission.id, Commission.parties)).all()
    return [i for i, parties in rows if set(countries) <= set(_parties(parties))]


def organisation_ids(session: Session, query: str) -> list[int]:
    """The organisations ``query`` names: an acronym, a name or alias, or part of one."""
    key = normalise(query)
    exact = select(OrganisationAlias.organisation_id).distinct().where(OrganisationAlias.key == key)
    found = (
        session.scalars(exact).all()
        or session.scalars(
            select(OrganisationAlias.organisation_id)
            .distinct()
            .where(OrganisationAlias.key.contains(key))
        ).all()
    )
    if not found:
        raise NotFoundError(f"no organisation matches {query!r}")
    return sorted(found)


def list_commissions(database: Database) -> list[CommissionRow]:
    with database.reading() as session:
        counts = dict(
            session.execute(
                select(MeetingSession.commission_id, func.count()).group_by(
                    MeetingSession.commission_id
                )
            ).all()
        )
        latest = dict(
            session.execute(
                select(MeetingSession.commission_id, func.max(MeetingSession.start_date)).group_by(
                    MeetingSession.commission_id
                )
            ).all()
        )
        aliases: dict[int, list[str]] = {}
        for commission_id, name in session.execute(
            select(CommissionAlias.commission_id, CommissionAlias.name).order_by(CommissionAlias.id)
        ):
            aliases.setdefault(commission_id, []).append(name)
        return [
            CommissionRow(
                id=row.id,
                name=row.name,
                parties=_parties(row.parties),
                aliases=aliases.get(row.id, []),
                sessions=counts.get(row.id, 0),
                latest_session=latest.get(row.id),
            )
            for row in session.scalars(select(Commission).order_by(Commission.id))
        ]


def list_sessions(
    database: Database,
    commission: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[SessionRow]:
    """Sessions, newest first, of one commission (by id, name or alias) or of all."""
    with database.reading() as session:
        query = select(MeetingSession, Commission.name).outerjoin(
            Commission, Commission.id == MeetingSession.commission_id
        )
        if commission is not None:
            query = query.where(
                MeetingSession.commission_id.in_(commission_ids(session, commission))
            )
        rows = session.execute(
            query.order_by(MeetingSession.start_date.desc(), MeetingSession.id.desc())
            .limit(limit)
            .offset(offset)
        ).all()
        ids = [row.id for row, _ in rows]
        sources = _counts(session, SessionSource.session_id, ids, SessionSource.document_id)
        agreements = _counts(session, Agreement.session_id, ids, Agreement.id)
        commitments = _counts(session, Commitment.session_id, ids, Commitment.id)
        return [
            SessionRow(
                id=row.id,
                commission_id=row.commission_id,
                commission=name,
                kind=row.kind,
                ordinal=row.ordinal,
                start=row.start_date,
                end=row.end_date,
                venue_city=row.venue_city,
                venue_country=row.venue_country,
                parties=_parties(row.parties),
                sources=sources.get(row.id, 0),
                agreements=agreements.get(row.id, 0),
                commitments=commitments.get(row.id, 0),
            )
            for row, name in rows
        ]


def _counts(session: Session, owner: Any, ids: Sequence[int], counted: Any) -> dict[int, int]:
    if not ids:
        return {}
    query = select(owner, func.count(distinct(counted))).where(owner.in_(ids)).group_by(owner)
    return {key: int(value) for key, value in session.execute(query)}


def _organisation_names(
    session: Session, link: Any, owner: Any, ids: Sequence[int]
) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    query = (
        select(owner, Organisation.name, Organisation.acronym)
        .join(Organisation, Organisation.id == link.organisation_id)
        .where(owner.in_(ids))
        .order_by(owner, link.position)
    )
    for key, name, acronym in session.execute(query):
        found.setdefault(key, []).append(f"{name} ({acronym})" if acronym else name)
    return found


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
        query = _with_session(select(Agreement), Agreement.session_id)
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
        parties = _organisation_names(session, AgreementParty, AgreementParty.agreement_id, ids)
        sources = _counts(session, Evidence.agreement_id, ids, Evidence.document_id)
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


def _with_session(query: Select[Any], session_column: Any) -> Select[Any]:
    return (
        query.add_columns(Commission.name, MeetingSession.ordinal, MeetingSession.start_date)
        .join(MeetingSession, MeetingSession.id == session_column)
        .outerjoin(Commission, Commission.id == MeetingSession.commission_id)
    )


def list_commitments(
    database: Database, filters: CommitmentFilter = CommitmentFilter()
) -> list[CommitmentRow]:
    """Commitments, newest first, narrowed by the filters."""
    with database.reading() as session:
        query = _with_session(select(Commitment), Commitment.session_id)
        if filters.commission is not None:
            ids = commission_ids(session, filters.commission)
            query = query.where(MeetingSession.commission_id.in_(ids))
        if filters.session is not None:
            query = query.where(Commitment.session_id == filters.session)
        if filters.sector is not None:
            query = query.where(
                Commitment.id.in_(
                    select(CommitmentSector.commitment_id).where(
                        CommitmentSector.sector == filters.sector
                    )
                )
            )
        if filters.strength is not None:
            query = query.where(Commitment.strength == filters.strength)
        if filters.status is not None:
            query = query.where(Commitment.status == filters.status)
        if filters.review_state is not None:
            query = query.where(Commitment.review_state == filters.review_state)
        if filters.agency is not None:
            agencies = organisation_ids(session, filters.agency)
            query = query.where(
                Commitment.id.in_(
                    select(CommitmentActor.commitment_id).where(
                        CommitmentActor.organisation_id.in_(agencies)
                    )
                )
            )
        if filters.since is not None:
            query = query.where(
                or_(
                    MeetingSession.start_date >= filters.since,
                    MeetingSession.end_date >= filters.since,
                )
            )
        rows = session.execute(
            query.order_by(Commitment.id.desc()).limit(filters.limit).offset(filters.offset)
        ).all()
        return _commitment_rows(session, rows)


def _commitment_rows(session: Session, rows: Sequence[Any]) -> list[CommitmentRow]:
    ids = [row.id for row, *_ in rows]
    actors = _organisation_names(session, CommitmentActor, CommitmentActor.commitment_id, ids)
    sectors: dict[int, list[str]] = {}
    for commitment_id, sector in session.execute(
        select(CommitmentSector.commitment_id, CommitmentSector.sector)
        .where(CommitmentSector.commitment_id.in_(ids))
        .order_by(CommitmentSector.commitment_id, CommitmentSector.position)
    ):
        sectors.setdefault(commitment_id, []).append(sector)
    sources = _counts(session, Evidence.commitment_id, ids, Evidence.document_id)
    return [
        CommitmentRow(
            id=row.id,
            session_id=row.session_id,
            commission=name,
            ordinal=ordinal,
            session_start=start,
            text=row.text,
            strength=row.strength,
            sectors=sectors.get(row.id, []),
            status=row.status,
            review_state=row.review_state,
            due=row.due,
            actors=actors.get(row.id, []),
            sources=sources.get(row.id, 0),
        )
        for row, name, ordinal, start in rows
    ]
