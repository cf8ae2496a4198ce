"""The commitments a scorecard counts, as plain records, with how often each was made.

Confirmed restatement links join commitments into one recurring promise; the
sessions it was made at are the sessions of its commitments and of the
documents that restated it. Rejected commitments are not counted.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import CompoundSelect, select, union

from accord.core.follow_through import TrackedCommitment
from accord.store.commitments import sectors_of
from accord.store.database import Database
from accord.store.lookups import commission_ids
from accord.store.models import (
    Commission,
    Commitment,
    CommitmentLink,
    MeetingSession,
    SessionSource,
)
from accord.store.owners import owners_of
from accord.store.sessions import session_label


class _Groups:
    """Union-find over commitment ids."""

    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, item: int) -> int:
        self.parent.setdefault(item, item)
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def join(self, a: int, b: int) -> None:
        self.parent[self.find(a)] = self.find(b)


def _sessions_made(
    links: Iterable[tuple[int, int | None, int | None]], session_of: dict[int, int]
) -> dict[int, int]:
    """For each linked commitment, the number of sessions its recurring promise was made at."""
    groups = _Groups()
    extra: list[tuple[int, int | None]] = []
    for earlier, later, document_session in links:
        groups.find(earlier)
        if later is not None:
            groups.join(earlier, later)
        extra.append((earlier, document_session))
    sessions: dict[int, set[int]] = {}
    for commitment in list(groups.parent):
        if commitment in session_of:
            sessions.setdefault(groups.find(commitment), set()).add(session_of[commitment])
    for earlier, document_session in extra:
        if document_session is not None:
            sessions.setdefault(groups.find(earlier), set()).add(document_session)
    return {c: len(sessions.get(groups.find(c), set())) for c in groups.parent}


def tracked_commitments(
    database: Database, commission: str | None = None
) -> list[TrackedCommitment]:
    """Every commitment not rejected (of one commission, or of all), in session order."""
    query = (
        select(Commitment, MeetingSession, Commission.name)
        .join(MeetingSession, MeetingSession.id == Commitment.session_id)
        .outerjoin(Commission, Commission.id == MeetingSession.commission_id)
        .where(Commitment.review_state != "rejected")
        .order_by(
            MeetingSession.commission_id.nulls_last(),
            MeetingSession.ordinal.nulls_last(),
            MeetingSession.start_date.nulls_last(),
            MeetingSession.id,
            Commitment.id,
        )
    )
    with database.reading() as session:
        if commission is not None:
            query = query.where(
                MeetingSession.commission_id.in_(commission_ids(session, commission))
            )
        rows = session.execute(query).all()
        ids = [c.id for c, *_ in rows]
        sectors = sectors_of(session, ids)
        owners = owners_of(session, ids)
        linked: CompoundSelect[tuple[int]] = union(
            select(CommitmentLink.earlier_id),
            select(CommitmentLink.later_id).where(CommitmentLink.later_id.is_not(None)),
        )
        session_of = dict(
            session.execute(
                select(Commitment.id, Commitment.session_id).where(Commitment.id.in_(linked))
            ).all()
        )
        links = session.execute(
            select(CommitmentLink.earlier_id, CommitmentLink.later_id, SessionSource.session_id)
            .outerjoin(SessionSource, SessionSource.document_id == CommitmentLink.document_id)
            .order_by(CommitmentLink.id)
        ).all()
    made = _sessions_made(((e, lt, s) for e, lt, s in links), session_of)
    return [
        TrackedCommitment(
            id=c.id,
            commission=name,
            session_id=m.id,
            session=session_label(m.ordinal, m.start_date),
            sectors=tuple(sectors.get(c.id, [])) or ("general",),
            agencies=tuple(dict.fromkeys(o.name for o in owners[c.id])),
            sides=tuple(dict.fromkeys(o.side for o in owners[c.id] if o.side)),
            status=c.status,
            due=c.due,
            sessions_made=made.get(c.id, 1),
        )
        for c, m, name in rows
    ]
