"""Commitments: the listing row with its filters, the page, the report item, and lookups.

A commitment's sectors are ordered (the first is its primary sector), its
actors are organisations, its owners are read through ``owners``; its
evidence is the sentence of each document that made it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session

from accord.errors import NotFoundError
from accord.store.audit import JsonDict, snapshot
from accord.store.citations import Citation, SpanRow, citations, spans
from accord.store.database import Database
from accord.store.lookups import commission_ids, organisation_ids
from accord.store.models import (
    Commission,
    Commitment,
    CommitmentActor,
    CommitmentLink,
    CommitmentOwner,
    CommitmentSector,
    Evidence,
    FollowupSuggestion,
    MeetingSession,
    StatusUpdate,
)
from accord.store.organisations import OrganisationRow, organisation_labels, organisation_rows
from accord.store.owners import OwnerRow, actors_of, owners_of
from accord.store.rows import DEFAULT_LIMIT, QueryRow, batches, count_by
from accord.store.sessions import SessionRow, in_order, session_row, with_session_columns

# A commitment's own fields as the audit log keeps them (with sectors, actors and owners).
COMMITMENT_FIELDS = ("text", "strength", "due", "review_state", "edited_fields")


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


@dataclass(frozen=True)
class CommitmentDetail:
    commitment: CommitmentRow
    topics: list[str]
    confidence: float | None
    cue: str | None
    edited_fields: list[str]
    actor_ids: list[int]
    session: SessionRow
    evidence: list[SpanRow]


@dataclass(frozen=True)
class CommitmentItem:
    """A commitment as the reports and exports cite it: organisations, owners, citations."""

    id: int
    commission_id: int | None
    commission: str | None
    session_id: int
    ordinal: int | None
    session_start: dt.date | None
    text: str
    strength: str
    sectors: list[str]
    topics: list[str]
    actors: list[OrganisationRow]
    owners: list[OwnerRow]
    due: str | None
    status: str
    review_state: str
    confidence: float | None
    cue: str | None
    citations: list[Citation]


def commitment_row(session: Session, commitment_id: int) -> Commitment:
    """The commitment with this id, or a NotFoundError a user can act on."""
    row = session.get(Commitment, commitment_id)
    if row is None:
        raise NotFoundError.record("commitment", commitment_id)
    return row


def commitment_snapshot(session: Session, row: Commitment) -> JsonDict:
    """A commitment as the audit log keeps it: its fields, sectors, actors and owners."""
    state = snapshot(row, COMMITMENT_FIELDS)
    state["sectors"] = sectors_of(session, [row.id]).get(row.id, [])
    state["actors"] = [o.name for o in actors_of(session, [row.id]).get(row.id, [])]
    state["owners"] = [
        {"name": o.name, "side": o.side, "origin": o.origin}
        for o in owners_of(session, [row.id])[row.id]
    ]
    return state


def replace_sectors(session: Session, commitment_id: int, sectors: Sequence[str]) -> None:
    """Make ``sectors`` (the primary one first) the commitment's sectors."""
    session.execute(delete(CommitmentSector).where(CommitmentSector.commitment_id == commitment_id))
    session.add_all(
        CommitmentSector(commitment_id=commitment_id, sector=s, position=i)
        for i, s in enumerate(dict.fromkeys(sectors))
    )


def replace_actors(session: Session, commitment_id: int, organisation_ids: Sequence[int]) -> None:
    """Make these organisations, in this order, the commitment's actors."""
    session.execute(delete(CommitmentActor).where(CommitmentActor.commitment_id == commitment_id))
    session.add_all(
        CommitmentActor(commitment_id=commitment_id, organisation_id=org, position=i)
        for i, org in enumerate(organisation_ids)
    )


def sectors_of(session: Session, ids: Sequence[int]) -> dict[int, list[str]]:
    """Each commitment's sectors, the primary one first."""
    found: dict[int, list[str]] = {}
    for batch in batches(ids):
        query = (
            select(CommitmentSector.commitment_id, CommitmentSector.sector)
            .where(CommitmentSector.commitment_id.in_(batch))
            .order_by(CommitmentSector.commitment_id, CommitmentSector.position)
        )
        for commitment_id, sector in session.execute(query):
            found.setdefault(commitment_id, []).append(sector)
    return found


def list_commitments(
    database: Database, filters: CommitmentFilter = CommitmentFilter()
) -> list[CommitmentRow]:
    """Commitments, newest first, narrowed by the filters."""
    with database.reading() as session:
        query = with_session_columns(select(Commitment), Commitment.session_id)
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
        return commitment_rows(session, rows)


def commitment_rows(session: Session, rows: Sequence[Any]) -> list[CommitmentRow]:
    """Listing rows of ``(commitment, commission name, ordinal, start)`` tuples."""
    ids = [row.id for row, *_ in rows]
    actors = organisation_labels(session, CommitmentActor, CommitmentActor.commitment_id, ids)
    sectors = sectors_of(session, ids)
    sources = count_by(session, Evidence.commitment_id, ids, Evidence.document_id)
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


def commitment_detail(database: Database, commitment_id: int) -> CommitmentDetail:
    """A commitment with its topics, the session it belongs to and every span backing it."""
    with database.reading() as session:
        rows = session.execute(
            with_session_columns(select(Commitment), Commitment.session_id).where(
                Commitment.id == commitment_id
            )
        ).all()
        if not rows:
            raise NotFoundError.record("commitment", commitment_id)
        item = rows[0][0]
        actor_ids = session.scalars(
            select(CommitmentActor.organisation_id)
            .where(CommitmentActor.commitment_id == commitment_id)
            .order_by(CommitmentActor.position)
        ).all()
        return CommitmentDetail(
            commitment=commitment_rows(session, rows)[0],
            topics=list(item.topics),
            confidence=item.confidence,
            cue=item.cue,
            edited_fields=list(item.edited_fields),
            actor_ids=list(actor_ids),
            session=session_row(session, item.session_id),
            evidence=spans(session, Evidence.commitment_id, commitment_id),
        )


def commitment_items(
    session: Session, session_ids: Sequence[int], *, with_rejected: bool = False
) -> list[CommitmentItem]:
    """The commitments of these sessions (in their order), as the reports cite them."""
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
    actors = organisation_rows(session, CommitmentActor, CommitmentActor.commitment_id, ids)
    owners = owners_of(session, ids)
    cited = citations(session, Evidence.commitment_id, ids)
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
            citations=cited.get(r.id, []),
        )
        for r, ordinal, start, commission_id, commission in rows
    ]


def all_commitments(
    database: Database, commission_id: int | None = None, *, with_rejected: bool = True
) -> list[CommitmentItem]:
    """Every commitment (of one commission, or all), oldest session first, for exports."""
    with database.reading() as session:
        query = select(MeetingSession.id)
        if commission_id is not None:
            query = query.where(MeetingSession.commission_id == commission_id)
        ids = list(session.scalars(in_order(query)))
        return commitment_items(session, ids, with_rejected=with_rejected)


def followed_up(session: Session, commitment_id: int) -> bool:
    """Whether a person's follow-through names the commitment, so re-extraction must keep it.

    Status updates, owners set, confirmed links and decided suggestions all
    count; open suggestions do not (they go with the commitment).
    """
    checks = (
        select(StatusUpdate.id).where(StatusUpdate.commitment_id == commitment_id),
        select(CommitmentOwner.commitment_id).where(
            CommitmentOwner.commitment_id == commitment_id, CommitmentOwner.origin == "set"
        ),
        select(CommitmentLink.id).where(
            or_(
                CommitmentLink.earlier_id == commitment_id, CommitmentLink.later_id == commitment_id
            )
        ),
        select(FollowupSuggestion.id).where(
            FollowupSuggestion.commitment_id == commitment_id, FollowupSuggestion.state != "open"
        ),
    )
    return any(session.scalar(check.limit(1)) is not None for check in checks)
