"""The review queue: extracted agreements and commitments by review state, drafts first of all.

What accepting, correcting and rejecting mean is decided in
``accord.track.review``; this module reads the queue, and finds the drafts a
set of documents backs (for accepting an extraction as it is).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from accord.store.commitments import sectors_of
from accord.store.database import Database
from accord.store.lookups import commission_ids
from accord.store.models import Agreement, Commitment, Evidence, MeetingSession
from accord.store.owners import actors_of
from accord.store.rows import QueryRow
from accord.store.sessions import session_label

ReviewKind = Literal["commitment", "agreement"]


@dataclass(frozen=True)
class ReviewItem(QueryRow):
    kind: str
    id: int
    session_id: int
    session: str
    text: str
    detail: str
    sectors: list[str]
    review_state: str
    edited_fields: list[str]
    confidence: float | None
    due: str | None = None
    organisations: list[str] = field(default_factory=list)


def review_queue(
    database: Database,
    kinds: Sequence[ReviewKind] = ("commitment", "agreement"),
    state: str = "draft",
    commission: str | None = None,
    session_id: int | None = None,
    document_ids: Sequence[int] | None = None,
    limit: int | None = None,
) -> list[ReviewItem]:
    """Items in ``state`` (drafts by default), oldest first, commitments then agreements."""
    items: list[ReviewItem] = []
    with database.reading() as session:
        for kind in kinds:
            model = Commitment if kind == "commitment" else Agreement
            query = select(model).where(model.review_state == state)
            if commission is not None:
                query = query.where(
                    MeetingSession.commission_id.in_(commission_ids(session, commission))
                )
            if session_id is not None:
                query = query.where(model.session_id == session_id)
            if document_ids is not None:
                column = Evidence.commitment_id if kind == "commitment" else Evidence.agreement_id
                backed = select(column).distinct().where(Evidence.document_id.in_(document_ids))
                query = query.where(model.id.in_(backed))
            if limit:
                query = query.limit(limit)
            items.extend(_items(session, kind, query))
    return items[:limit] if limit else items


def review_item(session: Session, kind: ReviewKind, item_id: int) -> ReviewItem:
    """One agreement or commitment as the review queue shows it."""
    model = Commitment if kind == "commitment" else Agreement
    return _items(session, kind, select(model).where(model.id == item_id))[0]


def _items(session: Session, kind: ReviewKind, query: Select[Any]) -> list[ReviewItem]:
    """The review items of a ``select(Commitment)`` or ``select(Agreement)``, oldest first."""
    model = Commitment if kind == "commitment" else Agreement
    rows = session.execute(
        query.add_columns(MeetingSession.ordinal, MeetingSession.start_date)
        .join(MeetingSession, MeetingSession.id == model.session_id)
        .order_by(model.id)
    ).all()
    if kind == "agreement":
        return [_agreement_item(row, ordinal, start) for row, ordinal, start in rows]
    ids = [row.id for row, *_ in rows]
    sectors, actors = sectors_of(session, ids), actors_of(session, ids)
    return [
        ReviewItem(
            kind="commitment",
            id=row.id,
            session_id=row.session_id,
            session=session_label(ordinal, start),
            text=row.text,
            detail=row.strength,
            sectors=sectors.get(row.id, []),
            review_state=row.review_state,
            edited_fields=list(row.edited_fields),
            confidence=row.confidence,
            due=row.due,
            organisations=[a.name for a in actors.get(row.id, [])],
        )
        for row, ordinal, start in rows
    ]


def _agreement_item(row: Agreement, ordinal: int | None, start: dt.date | None) -> ReviewItem:
    return ReviewItem(
        kind="agreement",
        id=row.id,
        session_id=row.session_id,
        session=session_label(ordinal, start),
        text=row.subject or "",
        detail=f"{row.kind}, {row.status}",
        sectors=list(row.sectors),
        review_state=row.review_state,
        edited_fields=list(row.edited_fields),
        confidence=row.confidence,
    )


def drafts_backed_by(
    session: Session, document_ids: Sequence[int]
) -> list[tuple[ReviewKind, Commitment | Agreement]]:
    """The draft commitments, then agreements, that these documents are evidence for."""
    commitments = (
        select(Evidence.commitment_id).distinct().where(Evidence.document_id.in_(document_ids))
    )
    agreements = (
        select(Evidence.agreement_id).distinct().where(Evidence.document_id.in_(document_ids))
    )
    drafts: list[tuple[ReviewKind, Commitment | Agreement]] = [
        ("commitment", row)
        for row in session.scalars(
            select(Commitment).where(
                Commitment.id.in_(commitments), Commitment.review_state == "draft"
            )
        )
    ]
    drafts += [
        ("agreement", row)
        for row in session.scalars(
            select(Agreement).where(Agreement.id.in_(agreements), Agreement.review_state == "draft")
        )
    ]
    return drafts
