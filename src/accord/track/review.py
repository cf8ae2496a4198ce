"""Review: drafts in, accepted, corrected or rejected items out, each decision audited.

A correction writes the fields a person gave and records their names in
``edited_fields``, which re-extraction never overwrites; correcting accepts
the item. A rejection sets ``review_state``, which re-extraction keeps.
Corrections are checked against the record's vocabulary first (strengths,
sectors, due dates on the calendar, agreement kinds), so the store only ever holds
values the rest of Accord understands. Each decision is one unit of work
with its audit row (before and after).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, get_args

from sqlalchemy.orm import Session

from accord.core.input_limits import due_problem
from accord.core.records import SECTORS, STRENGTHS, AgreementKind
from accord.errors import InvalidRequest, TrackError
from accord.store.agreements import agreement_row, agreement_snapshot
from accord.store.audit import record_change
from accord.store.commitments import (
    commitment_row,
    commitment_snapshot,
    replace_actors,
    replace_sectors,
)
from accord.store.database import Database
from accord.store.followups import document_ids
from accord.store.models import Agreement, Commitment, utc_now
from accord.store.organisations import resolve_organisations
from accord.store.owners import replace_owners
from accord.store.review_queue import ReviewItem, ReviewKind, drafts_backed_by, review_item

ReviewAction = Literal["accept", "reject", "correct"]
AGREEMENT_KINDS: tuple[str, ...] = get_args(AgreementKind)
AGREEMENT_STATUSES = ("signed", "planned")
_SIDE = re.compile(r"^(?P<name>.+?)\s*@\s*(?P<side>[A-Za-z]{3})$")


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


def organisation_ref(text: str) -> OrganisationRef:
    """``"KTZ"`` or ``"Kazakhstan Temir Zholy@KAZ"`` (the side as an ISO3 code)."""
    match = _SIDE.match(text.strip())
    if match:
        return OrganisationRef(match["name"].strip(), match["side"].upper())
    if not text.strip():
        raise TrackError("an organisation name is empty")
    return OrganisationRef(text.strip())


def _check(field: str, value: str | None, allowed: Sequence[str]) -> None:
    if value is not None and value not in allowed:
        raise InvalidRequest(field, value, allowed=allowed)


def check_correction(kind: ReviewKind, correction: Correction) -> None:
    """An InvalidRequest naming the first field the record cannot hold, or one that does not apply."""
    if correction.is_empty():
        raise TrackError("nothing to correct: give at least one field to change")
    _check("strength", correction.strength, STRENGTHS)
    for sector in correction.sectors:
        _check("sectors", sector, SECTORS)
    if correction.due is not None and (problem := due_problem(correction.due)) is not None:
        raise InvalidRequest("due", correction.due, problem=problem)
    if correction.text is not None and not correction.text.strip():
        raise InvalidRequest("text", correction.text, problem="the corrected text is empty")
    if kind == "agreement":
        _check("kind", correction.kind, AGREEMENT_KINDS)
        _check("status", correction.status, AGREEMENT_STATUSES)
        given = (
            ("strength", correction.strength),
            ("due", correction.due or correction.clear_due or None),
            ("actors", correction.actors),
            ("owners", correction.owners),
        )
        for field, value in given:
            if value:
                raise InvalidRequest(field, value, problem="not a field of an agreement")
        return
    for field, value in (
        ("kind", correction.kind),
        ("status", correction.status),
        ("subject", correction.subject),
    ):
        if value:
            raise InvalidRequest(field, value, problem="only for agreements")


def decide(
    database: Database,
    kind: ReviewKind,
    item_ids: Sequence[int],
    action: ReviewAction,
    actor: str,
    correction: Correction | None = None,
) -> list[ReviewItem]:
    """Accept, reject or correct items, each in a unit of work of its own with its audit row."""
    correction = correction or Correction()
    if action == "correct":
        check_correction(kind, correction)
    elif not correction.is_empty():
        raise TrackError(f"{action} takes no corrections: correct the item instead")
    decided = []
    for item_id in item_ids:
        with database.writing() as session:
            if kind == "commitment":
                _review_commitment(session, item_id, action, actor, correction)
            else:
                _review_agreement(session, item_id, action, actor, correction)
            decided.append(review_item(session, kind, item_id))
    return decided


def _state_after(action: ReviewAction) -> str:
    return "rejected" if action == "reject" else "accepted"


def _edited(row: Commitment | Agreement, names: Sequence[str]) -> None:
    row.edited_fields = sorted({*row.edited_fields, *names})


def _review_commitment(
    session: Session, item_id: int, action: ReviewAction, actor: str, correction: Correction
) -> None:
    row = commitment_row(session, item_id)
    before = commitment_snapshot(session, row)
    if action == "correct":
        _correct_commitment(session, row, correction)
    row.review_state = _state_after(action)
    row.updated_at = utc_now()
    session.flush()
    after = commitment_snapshot(session, row)
    record_change(session, actor, "commitment", row.id, action, before, after)


def _correct_commitment(session: Session, row: Commitment, correction: Correction) -> None:
    values = {"text": correction.text, "strength": correction.strength, "due": correction.due}
    given: dict[str, str | None] = {n: v for n, v in values.items() if v is not None}
    if correction.clear_due:
        given["due"] = None
    for name, value in given.items():
        setattr(row, name, value)
    edited = list(given)
    if correction.sectors:
        replace_sectors(session, row.id, correction.sectors)
        edited.append("sectors")
    if correction.actors:
        actors = resolve_organisations(session, [(a.name, a.side) for a in correction.actors])
        replace_actors(session, row.id, [org for org, _side in actors])
        edited.append("actors")
    if correction.owners:
        owners = resolve_organisations(session, [(o.name, o.side) for o in correction.owners])
        replace_owners(session, row.id, owners)
        edited.append("owners")
    _edited(row, edited)


def _review_agreement(
    session: Session, item_id: int, action: ReviewAction, actor: str, correction: Correction
) -> None:
    row = agreement_row(session, item_id)
    before = agreement_snapshot(row)
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
    record_change(session, actor, "agreement", row.id, action, before, agreement_snapshot(row))


def accept_drafts(session: Session, document_ids: Sequence[int], actor: str) -> int:
    """Accept every draft the documents back, in the caller's unit of work; how many."""
    drafts = drafts_backed_by(session, document_ids)
    for entity, row in drafts:
        row.review_state = "accepted"
        before, after = {"review_state": "draft"}, {"review_state": "accepted"}
        record_change(session, actor, entity, row.id, "auto_accept", before, after)
    return len(drafts)


def auto_accept(database: Database, document_keys: Sequence[str], actor: str) -> int:
    """Accept every draft the documents back, as an analyst wanting the raw extraction does."""
    ids = document_ids(database, document_keys)
    if not ids:
        return 0
    with database.writing() as session:
        return accept_drafts(session, ids, actor)
