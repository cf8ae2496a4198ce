"""Commissions: the listing row, finding one by name, and a commission's whole record.

A commission's record is what the status report reads: its sessions in
order, their commitments, and the sessions they announced.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select

from accord.errors import NotFoundError
from accord.store.commitments import CommitmentItem, commitment_items
from accord.store.database import Database
from accord.store.lookups import one_commission
from accord.store.models import Commission, CommissionAlias, MeetingSession
from accord.store.rows import QueryRow, parties_of
from accord.store.sessions import NextMeetingRow, SessionRow, in_order, next_meetings, session_rows


@dataclass(frozen=True)
class CommissionRow(QueryRow):
    id: int
    name: str | None
    parties: list[str]
    aliases: list[str]
    sessions: int
    latest_session: dt.date | None


@dataclass(frozen=True)
class CommissionRecord:
    """A commission, its sessions in order, their commitments and the sessions they announced."""

    id: int
    name: str | None
    parties: list[str]
    aliases: list[str]
    sessions: list[SessionRow]
    commitments: list[CommitmentItem]
    next_meetings: list[NextMeetingRow]


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
                parties=parties_of(row.parties),
                aliases=aliases.get(row.id, []),
                sessions=counts.get(row.id, 0),
                latest_session=latest.get(row.id),
            )
            for row in session.scalars(select(Commission).order_by(Commission.id))
        ]


def find_commission(database: Database, query: str) -> int:
    """The one commission ``query`` names (id, name, alias or countries)."""
    with database.reading() as session:
        return one_commission(session, query)


def commission_record(database: Database, commission_id: int) -> CommissionRecord:
    """A commission's sessions (oldest first), their commitments and announced sessions."""
    with database.reading() as session:
        row = session.get(Commission, commission_id)
        if row is None:
            raise NotFoundError(
                f"no commission has id {commission_id}", kind="commission", key=commission_id
            )
        sessions = session.scalars(
            in_order(select(MeetingSession).where(MeetingSession.commission_id == commission_id))
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
            parties=parties_of(row.parties),
            aliases=list(aliases),
            sessions=session_rows(session, sessions),
            commitments=commitment_items(session, ids),
            next_meetings=next_meetings(session, ids),
        )
