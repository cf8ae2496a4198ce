"""The names resolution and lookups know: countries, abbreviations and known organisations.

Countries and organisations come from the extractor's gazetteer, which the
store does not read: whoever opens the database hands a ``NameSource`` to
``open_database`` (the application layer gives ``accord.track.names.record_names``),
and every session of that database carries it. Abbreviations are the
store's own data (``store/data/name_abbreviations.yaml``).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from importlib import resources

import yaml
from sqlalchemy.orm import Session

from accord.core.names import CountryNames, OrganisationName
from accord.errors import StoreError

NAMES_KEY = "accord.names"


@dataclass(frozen=True)
class NameVocabulary:
    """What resolution knows about names: countries, abbreviations, known organisations."""

    countries: CountryNames
    abbreviations: Mapping[str, str]
    organisations: Mapping[str, OrganisationName]


# Called when a session first needs names; the source loads (and caches) them.
NameSource = Callable[[], NameVocabulary]


@functools.cache
def abbreviations() -> dict[str, str]:
    """Abbreviations of names ("pak" -> "pakistan"), from the store's data file."""
    source = resources.files("accord.store") / "data" / "name_abbreviations.yaml"
    return {str(k): str(v) for k, v in yaml.safe_load(source.read_text("utf-8")).items()}


def names_of(session: Session) -> NameVocabulary:
    """The names of the database the session belongs to."""
    source: NameSource | None = session.info.get(NAMES_KEY)
    if source is None:
        raise StoreError(
            "this database was opened without names to resolve (open_database(..., names=...))"
        )
    return source()
