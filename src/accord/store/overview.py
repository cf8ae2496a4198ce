"""Counts across the record for the dashboard: commitments by sector and status, drafts waiting.

Each commitment counts once, under its primary sector; rejected items are
left out. Every count is one grouped query, so the dashboard costs the same
with a hundred commitments or a hundred thousand.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select

from accord.store.database import Database
from accord.store.lookups import commission_ids
from accord.store.models import (
    Agreement,
    Commitment,
    CommitmentSector,
    MeetingSession,
)
from accord.store.rows import QueryRow


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


def sector_status_counts(
    database: Database, commission: str | None = None
) -> list[SectorStatusCount]:
    """Commitments (not rejected) by primary sector and status, of one commission or all."""
    query = (
        select(CommitmentSector.sector, Commitment.status, func.count())
        .join(Commitment, Commitment.id == CommitmentSector.commitment_id)
        .where(CommitmentSector.position == 0, Commitment.review_state != "rejected")
        .group_by(CommitmentSector.sector, Commitment.status)
    )
    with database.reading() as session:
        if commission is not None:
            query = query.join(MeetingSession, MeetingSession.id == Commitment.session_id).where(
                MeetingSession.commission_id.in_(commission_ids(session, commission))
            )
        return [
            SectorStatusCount(sector, status, int(count))
            for sector, status, count in session.execute(query)
        ]


def review_counts(database: Database) -> ReviewCounts:
    with database.reading() as session:
        agreements = session.scalar(
            select(func.count()).select_from(Agreement).where(Agreement.review_state == "draft")
        )
        commitments = session.scalar(
            select(func.count()).select_from(Commitment).where(Commitment.review_state == "draft")
        )
    return ReviewCounts(int(agreements or 0), int(commitments or 0))


def commitment_texts(database: Database, ids: Sequence[int]) -> dict[int, str]:
    """The text of each of these commitments (for lists that carry ids only)."""
    with database.reading() as session:
        query = select(Commitment.id, Commitment.text).where(Commitment.id.in_(ids))
        return {commitment_id: text for commitment_id, text in session.execute(query)}
