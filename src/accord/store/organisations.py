"""Organisations as the record shows them: a label, or a row with acronym and country.

Agreements name their parties and commitments their actors through link
tables ordered by ``position``; these reads return each item's organisations
in that order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from accord.store.models import Organisation
from accord.store.resolve import Resolver


@dataclass(frozen=True)
class OrganisationRow:
    name: str
    acronym: str | None
    country: str | None

    @property
    def label(self) -> str:
        return organisation_label(self.name, self.acronym)


def organisation_label(name: str, acronym: str | None) -> str:
    """ "Pakistan Standards and Quality Control Authority (PSQCA)", or the name alone."""
    return f"{name} ({acronym})" if acronym else name


def organisation_rows(
    session: Session, link: Any, owner: Any, ids: Sequence[int]
) -> dict[int, list[OrganisationRow]]:
    """Each item's organisations through ``link`` (parties or actors), in their order."""
    found: dict[int, list[OrganisationRow]] = {}
    if not ids:
        return found
    query = (
        select(owner, Organisation.name, Organisation.acronym, Organisation.country)
        .join(Organisation, Organisation.id == link.organisation_id)
        .where(owner.in_(list(ids)))
        .order_by(owner, link.position)
    )
    for key, name, acronym, country in session.execute(query):
        found.setdefault(key, []).append(OrganisationRow(name, acronym, country))
    return found


def organisation_labels(
    session: Session, link: Any, owner: Any, ids: Sequence[int]
) -> dict[int, list[str]]:
    """Each item's organisations through ``link``, as labels."""
    rows = organisation_rows(session, link, owner, ids)
    return {key: [row.label for row in found] for key, found in rows.items()}


def resolve_organisations(
    session: Session, names: Sequence[tuple[str, str | None]]
) -> list[tuple[int, str | None]]:
    """Each (name, side) as an organisation id (made when new) and a side (given, else its country).

    Two names of one organisation give it once, with the first side found.
    """
    resolver = Resolver.within(session)
    found: dict[int, str | None] = {}
    for name, side in names:
        org = resolver.organisation(name, None, side)
        country = session.scalar(select(Organisation.country).where(Organisation.id == org))
        found.setdefault(org, side or country)
    return list(found.items())
