"""Reads the follow-through layer shares: a commitment's details, its owners, its order in time.

Owners a person set are stored; until one is set, a commitment's owners are
suggested from its actors (the organisations the text names), read fresh each
time so that a re-extraction that finds other actors is never contradicted by
a stale copy.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from accord.core.follow_through import SessionOrder
from accord.errors import NotFoundError
from accord.store.models import (
    Commission,
    Commitment,
    CommitmentActor,
    CommitmentSector,
    Document,
    MeetingSession,
    Organisation,
    SessionSource,
)
from accord.store.queries import QueryRow
from accord.store.tracking_models import (
    CommitmentLink,
    CommitmentOwner,
    FollowupSuggestion,
    StatusUpdate,
)


@dataclass(frozen=True)
class OwnerRow(QueryRow):
    """An agency owing a commitment, its side, and whether a person set it or it was suggested."""

    organisation_id: int
    name: str
    side: str | None
    origin: str


def organisation_label(name: str, acronym: str | None) -> str:
    return f"{name} ({acronym})" if acronym else name


def commitment_row(session: Session, commitment_id: int) -> Commitment:
    """The commitment with this id, or a NotFoundError a user can act on."""
    row = session.get(Commitment, commitment_id)
    if row is None:
        raise NotFoundError(f"no commitment {commitment_id}; see 'accord commitments'")
    return row


# Ids are sent in batches: PostgreSQL takes at most 65,535 parameters in one statement.
ID_BATCH = 10_000


def _batches(ids: Sequence[int]) -> list[Sequence[int]]:
    return [ids[i : i + ID_BATCH] for i in range(0, len(ids), ID_BATCH)]


def sectors_of(session: Session, ids: Sequence[int]) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    for batch in _batches(ids):
        query = (
            select(CommitmentSector.commitment_id, CommitmentSector.sector)
            .where(CommitmentSector.commitment_id.in_(batch))
            .order_by(CommitmentSector.commitment_id, CommitmentSector.position)
        )
        for commitment_id, sector in session.execute(query):
            found.setdefault(commitment_id, []).append(sector)
    return found


def actors_of(session: Session, ids: Sequence[int]) -> dict[int, list[OwnerRow]]:
    """Each commitment's actors, as suggested owners (side: the organisation's country)."""
    found: dict[int, list[OwnerRow]] = {}
    for batch in _batches(ids):
        query = (
            select(CommitmentActor.commitment_id, Organisation)
            .join(Organisation, Organisation.id == CommitmentActor.organisation_id)
            .where(CommitmentActor.commitment_id.in_(batch))
            .order_by(CommitmentActor.commitment_id, CommitmentActor.position)
        )
        for commitment_id, org in session.execute(query):
            label = organisation_label(org.name, org.acronym)
            found.setdefault(commitment_id, []).append(
                OwnerRow(org.id, label, org.country, "suggested")
            )
    return found


def owners_of(session: Session, ids: Sequence[int]) -> dict[int, list[OwnerRow]]:
    """Each commitment's owners: those a person set, else those suggested by its actors."""
    found: dict[int, list[OwnerRow]] = {}
    for batch in _batches(ids):
        query = (
            select(CommitmentOwner, Organisation.name, Organisation.acronym)
            .join(Organisation, Organisation.id == CommitmentOwner.organisation_id)
            .where(CommitmentOwner.commitment_id.in_(batch))
            .order_by(CommitmentOwner.commitment_id, CommitmentOwner.position)
        )
        for owner, name, acronym in session.execute(query):
            found.setdefault(owner.commitment_id, []).append(
                OwnerRow(
                    owner.organisation_id,
                    organisation_label(name, acronym),
                    owner.side,
                    owner.origin,
                )
            )
    suggested = actors_of(session, [i for i in ids if i not in found])
    return {i: found.get(i) or suggested.get(i, []) for i in ids}


def session_order(row: MeetingSession) -> SessionOrder:
    return SessionOrder(row.commission_id, row.ordinal, row.start_date or row.end_date)


def session_label(ordinal: int | None, start: dt.date | None) -> str:
    number = f"#{ordinal}" if ordinal else "#?"
    return f"{number} ({start})" if start else number


def document_of(session: Session, reference: str) -> Document:
    """A stored document by id or key (``doc-…``), or a NotFoundError."""
    query = select(Document)
    if reference.isdigit():
        query = query.where(Document.id == int(reference))
    else:
        query = query.where(Document.key == reference)
    row = session.scalar(query)
    if row is None:
        raise NotFoundError(f"no stored document {reference!r} (give its id or its doc-… key)")
    return row


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
