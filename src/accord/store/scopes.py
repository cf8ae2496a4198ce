"""Who owns an item of the record: the sides and agencies an editor's scope is checked against.

A commitment belongs to its owners (set by a person, else suggested from its
actors) and their sides; an agreement to its parties; either one, when no
owner's side is known, to every party of its session; a session to its
parties.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select

from accord.errors import NotFoundError
from accord.store.database import Database
from accord.store.models import Agreement, AgreementParty, Commitment, MeetingSession, Organisation
from accord.store.owners import owners_of


@dataclass(frozen=True)
class ItemScope:
    """Who owns an item: the sides (countries) and agencies (organisation ids) it belongs to."""

    sides: frozenset[str]
    agencies: frozenset[int]


def item_scope(database: Database, kind: str, item_id: int) -> ItemScope:
    """The sides and agencies owning one session, agreement or commitment."""
    found = item_scopes(database, kind, [item_id])
    if item_id not in found:
        raise NotFoundError.record(kind, item_id)
    return found[item_id]


def item_scopes(database: Database, kind: str, ids: Sequence[int]) -> dict[int, ItemScope]:
    """The sides and agencies owning each of these sessions, agreements or commitments.

    A commitment belongs to its owners (set by a person, else suggested from
    its actors) and their sides; an agreement to its parties; either one, when
    no owner's side is known, to every party of its session; a session to its
    parties. Ids that do not exist are left out.
    """
    with database.reading() as session:
        if kind == "session":
            rows = session.execute(
                select(MeetingSession.id, MeetingSession.parties).where(MeetingSession.id.in_(ids))
            )
            return {i: ItemScope(_split(parties), frozenset()) for i, parties in rows}
        model: type[Commitment] | type[Agreement] = (
            Commitment if kind == "commitment" else Agreement
        )
        parties = {
            i: p
            for i, p in session.execute(
                select(model.id, MeetingSession.parties)
                .join(MeetingSession, MeetingSession.id == model.session_id)
                .where(model.id.in_(ids))
            )
        }
        owners: dict[int, list[tuple[int, str | None]]] = {}
        if kind == "commitment":
            for i, owned in owners_of(session, list(parties)).items():
                owners[i] = [(o.organisation_id, o.side) for o in owned]
        else:
            for i, org, country in session.execute(
                select(AgreementParty.agreement_id, Organisation.id, Organisation.country)
                .join(Organisation, Organisation.id == AgreementParty.organisation_id)
                .where(AgreementParty.agreement_id.in_(ids))
            ):
                owners.setdefault(i, []).append((org, country))
    return {i: _scope(owners.get(i, []), p) for i, p in parties.items()}


def _scope(owners: list[tuple[int, str | None]], parties: str) -> ItemScope:
    sides = frozenset(side for _, side in owners if side) or _split(parties)
    return ItemScope(sides, frozenset(org for org, _ in owners))


def _split(parties: str) -> frozenset[str]:
    return frozenset(p for p in parties.split(",") if p)
