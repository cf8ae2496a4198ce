"""Finding records by what a person calls them: a commission or an organisation by name.

A commission is named by its id, a name or alias (or part of one), or its
countries ("Russia Pakistan", "pak-rus"); an organisation by an acronym, a
name or alias, or part of one.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from accord.core.input_limits import looks_like_id, record_id
from accord.core.names import expand_abbreviations, normalise
from accord.errors import NotFoundError
from accord.store.models import Commission, CommissionAlias, OrganisationAlias
from accord.store.names import names_of
from accord.store.rows import parties_of


def commission_ids(session: Session, query: str) -> list[int]:
    """The commissions ``query`` names: an id, a name or alias, part of one, or its countries."""
    if looks_like_id(query):
        number = record_id(query)
        found = (
            []
            if number is None
            else session.scalars(select(Commission.id).where(Commission.id == number)).all()
        )
    else:
        key = normalise(query)
        found = (
            session.scalars(
                select(CommissionAlias.commission_id).distinct().where(CommissionAlias.key == key)
            ).all()
            or session.scalars(
                select(CommissionAlias.commission_id)
                .distinct()
                .where(CommissionAlias.key.contains(key))
            ).all()
        )
        if not found:
            found = _commissions_of_countries(session, query)
    if not found:
        raise NotFoundError(f"no commission matches {query!r}", kind="commission", key=query)
    return sorted(found)


def _commissions_of_countries(session: Session, query: str) -> list[int]:
    vocabulary = names_of(session)
    expanded = expand_abbreviations(query, vocabulary.abbreviations)
    countries = vocabulary.countries.countries_in(expanded)
    if not countries:
        return []
    rows = session.execute(select(Commission.id, Commission.parties)).all()
    return [i for i, parties in rows if set(countries) <= set(parties_of(parties))]


def one_commission(session: Session, query: str) -> int:
    """The one commission ``query`` names; a NotFoundError listing them when it names several."""
    found = commission_ids(session, query)
    if len(found) > 1:
        names = session.execute(
            select(Commission.id, Commission.name).where(Commission.id.in_(found))
        ).all()
        listed = "; ".join(f"{i}: {name or '(unnamed)'}" for i, name in names)
        raise NotFoundError(
            f"{query!r} names {len(found)} commissions ({listed}); give its id",
            kind="commission",
            key=query,
        )
    return found[0]


def organisation_ids(session: Session, query: str) -> list[int]:
    """The organisations ``query`` names: an acronym, a name or alias, or part of one."""
    key = normalise(query)
    exact = select(OrganisationAlias.organisation_id).distinct().where(OrganisationAlias.key == key)
    found = (
        session.scalars(exact).all()
        or session.scalars(
            select(OrganisationAlias.organisation_id)
            .distinct()
            .where(OrganisationAlias.key.contains(key))
        ).all()
    )
    if not found:
        raise NotFoundError(f"no organisation matches {query!r}", kind="organisation", key=query)
    return sorted(found)
