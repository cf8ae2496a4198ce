"""Who owes a commitment: the agencies a person set, else those its text names (suggested).

Suggested owners are read fresh from the commitment's actors each time, so
that a re-extraction that finds other actors is never contradicted by a
stale copy; owners a person set are stored.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from accord.store.models import CommitmentActor, CommitmentOwner, Organisation
from accord.store.organisations import organisation_label
from accord.store.rows import QueryRow, batches


@dataclass(frozen=True)
class OwnerRow(QueryRow):
    """An agency owing a commitment, its side, and whether a person set it or it was suggested."""

    organisation_id: int
    name: str
    side: str | None
    origin: str


def actors_of(session: Session, ids: Sequence[int]) -> dict[int, list[OwnerRow]]:
    """Each commitment's actors, as suggested owners (side: the organisation's country)."""
    found: dict[int, list[OwnerRow]] = {}
    for batch in batches(ids):
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
    for batch in batches(ids):
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


def replace_owners(
    session: Session, commitment_id: int, owners: Sequence[tuple[int, str | None]]
) -> None:
    """Make ``owners`` (organisation id, side) the owners a person set for the commitment."""
    session.execute(delete(CommitmentOwner).where(CommitmentOwner.commitment_id == commitment_id))
    session.add_all(
        CommitmentOwner(
            commitment_id=commitment_id, organisation_id=org, side=side, origin="set", position=i
        )
        for i, (org, side) in enumerate(owners)
    )
