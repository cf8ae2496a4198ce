"""Review in the database: the queue of drafts, and accepting, correcting or rejecting items.

A correction writes the fields a person gave and records their names in
``edited_fields``, which re-extraction never overwrites; a rejection sets
``review_state``, which re-extraction keeps. Each decision is written in one
transaction with its audit row (before and after).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from sqlalchemy import Select, delete, select
from sqlalchemy.orm import Session

from accord.errors import NotFoundError
from accord.store.audit import JsonDict, record_change, snapshot
from accord.store.commitments import commitment_row, sectors_of
from accord.store.database import Database
from accord.store.lookups import commission_ids
from accord.store.models import (
    Agreement,
    Commitment,
    CommitmentActor,
    CommitmentSector,
    Evidence,
    MeetingSession,
    Organisation,
    utc_now,
)
from accord.store.owners import actors_of, owners_of, replace_owners
from accord.store.resolve import OrganisationKey, Resolver, name_vocabulary
from accord.store.rows import QueryRow
from accord.store.sessions import session_label

ReviewKind = Literal["commitment", "agreement"]
ReviewAction = Literal["accept", "reject", "correct"]
COMMITMENT_FIELDS = ("text", "strength", "due", "review_state", "edited_fields")
AGREEMENT_FIELDS = ("kind", "status", "subject", "sectors", "review_state", "edited_fields")


@dataclass(frozen=True)
class OrganisationRef:
    """An organisation as a person names it, with the side it is on when the name does not say."""

    name: str
    side: str | None = None


@dataclass(frozen=True)
class Correction:
    """What a reviewer changes; None (or an empty tuple for lists) leaves a field as it is."""

    text: str | None = None
    strength: str | None = None
    due: str | None = None
    clear_due: bool = False
    sectors: tuple[str, ...] = ()
    actors: tuple[OrganisationRef, ...] = ()
    owners: tuple[OrganisationRef, ...] = ()
    subject: str | None = None
    kind: str | None = None
    status: str | None = None

    def is_empty(self) -> bool:
        return self == Correction()


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


def review_item(
    database: Database,
    kind: ReviewKind,
    item_id: int,
    action: ReviewAction,
    actor: str,
    correction: Correction | None = None,
) -> ReviewItem:
    """Accept, reject or correct (and so accept) one item, with its audit row."""
    correction = correction or Correction()
    memory: dict[OrganisationKey, int] = {}
    with database.writing() as session:
        if kind == "commitment":
            _review_commitment(session, database, memory, item_id, action, actor, correction)
        else:
            _review_agreement(session, item_id, action, actor, correction)
    database.resolved_organisations.update(memory)
    model = Commitment if kind == "commitment" else Agreement
    with database.reading() as session:
        return _items(session, kind, select(model).where(model.id == item_id))[0]


def _state_after(action: ReviewAction) -> str:
    return "rejected" if action == "reject" else "accepted"


def _edited(row: Commitment | Agreement, names: Sequence[str]) -> None:
    row.edited_fields = sorted({*row.edited_fields, *names})


def _commitment_state(session: Session, row: Commitment) -> JsonDict:
    state = snapshot(row, COMMITMENT_FIELDS)
    state["sectors"] = sectors_of(session, [row.id]).get(row.id, [])
    state["actors"] = [o.name for o in actors_of(session, [row.id]).get(row.id, [])]
    state["owners"] = [
        {"name": o.name, "side": o.side, "origin": o.origin}
        for o in owners_of(session, [row.id])[row.id]
    ]
    return state


def _review_commitment(
    session: Session,
    database: Database,
    memory: dict[OrganisationKey, int],
    item_id: int,
    action: ReviewAction,
    actor: str,
    correction: Correction,
) -> None:
    row = commitment_row(session, item_id)
    before = _commitment_state(session, row)
    if action == "correct":
        values: dict[str, str | None] = {
            "text": correction.text,
            "strength": correction.strength,
            "due": correction.due,
        }
        given: dict[str, str | None] = {n: v for n, v in values.items() if v is not None}
        if correction.clear_due:
            given["due"] = None
        for name, value in given.items():
            setattr(row, name, value)
        edited = list(given)
        resolver = Resolver(session, name_vocabulary(), database.resolved_organisations, memory)
        if correction.sectors:
            session.execute(
                delete(CommitmentSector).where(CommitmentSector.commitment_id == row.id)
            )
            session.add_all(
                CommitmentSector(commitment_id=row.id, sector=s, position=i)
                for i, s in enumerate(dict.fromkeys(correction.sectors))
            )
            edited.append("sectors")
        if correction.actors:
            ids = _organisations(resolver, correction.actors)
            session.execute(delete(CommitmentActor).where(CommitmentActor.commitment_id == row.id))
            session.add_all(
                CommitmentActor(commitment_id=row.id, organisation_id=org, position=i)
                for i, (org, _side) in enumerate(ids)
            )
            edited.append("actors")
        if correction.owners:
            replace_owners(session, row.id, _organisations(resolver, correction.owners))
            edited.append("owners")
        _edited(row, edited)
    row.review_state = _state_after(action)
    row.updated_at = utc_now()
    session.flush()
    record_change(
        session, actor, "commitment", row.id, action, before, _commitment_state(session, row)
    )


def _organisations(
    resolver: Resolver, refs: Sequence[OrganisationRef]
) -> list[tuple[int, str | None]]:
    """Each named organisation's id (made when new) and its side (given, else its country)."""
    found: dict[int, str | None] = {}
    for ref in refs:
        org = resolver.organisation(ref.name, None, ref.side)
        country = resolver.session.scalar(
            select(Organisation.country).where(Organisation.id == org)
        )
        found.setdefault(org, ref.side or country)
    return list(found.items())


def _review_agreement(
    session: Session, item_id: int, action: ReviewAction, actor: str, correction: Correction
) -> None:
    row = session.get(Agreement, item_id)
    if row is None:
        raise NotFoundError(f"no agreement {item_id}; see 'accord agreements'")
    before = snapshot(row, AGREEMENT_FIELDS)
    if action == "correct":
        given: dict[str, object] = {
            name: value
            for name, value in (
                ("subject", correction.subject or correction.text),
                ("kind", correction.kind),
                ("status", correction.status),
                ("sectors", list(correction.sectors) or None),
            )
            if value is not None
        }
        for name, value in given.items():
            setattr(row, name, value)
        _edited(row, list(given))
    row.review_state = _state_after(action)
    row.updated_at = utc_now()
    session.flush()
    record_change(
        session, actor, "agreement", row.id, action, before, snapshot(row, AGREEMENT_FIELDS)
    )


def accept_drafts(database: Database, document_ids: Sequence[int], actor: str) -> int:
    """Accept every draft agreement and commitment the documents back (``--auto-accept``)."""
    accepted = 0
    with database.writing() as session:
        commitments = (
            select(Evidence.commitment_id).distinct().where(Evidence.document_id.in_(document_ids))
        )
        agreements = (
            select(Evidence.agreement_id).distinct().where(Evidence.document_id.in_(document_ids))
        )
        drafts: list[tuple[str, Commitment | Agreement]] = [
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
                select(Agreement).where(
                    Agreement.id.in_(agreements), Agreement.review_state == "draft"
                )
            )
        ]
        for entity, row in drafts:
            row.review_state = "accepted"
            before, after = {"review_state": "draft"}, {"review_state": "accepted"}
            record_change(session, actor, entity, row.id, "auto_accept", before, after)
            accepted += 1
    return accepted
