"""The names the record is resolved with: the gazetteer's countries and organisations.

The store does not read the extractor's gazetteer; whoever opens a database
hands it ``record_names`` (``open_database(db, names=record_names)``), loaded
once, on first use, with the user's ``ACCORD_GAZETTEER`` files.
"""

from __future__ import annotations

import functools

from accord.core.names import CountryNames, OrganisationName, normalise, parse_organisation
from accord.extract.gazetteer import load_gazetteer
from accord.store.names import NameVocabulary, abbreviations


@functools.cache
def record_names() -> NameVocabulary:
    """Countries and organisations from the extractor's gazetteer, abbreviations from the store."""
    gazetteer = load_gazetteer()
    by_name: dict[str, str] = {}
    for country in gazetteer.countries:
        for name in (country.name, *country.aliases, *country.demonyms):
            key = normalise(name)
            by_name[key.removeprefix("the ")] = country.iso3
    countries = CountryNames(by_name)
    known: dict[str, OrganisationName] = {}
    for entry in gazetteer.organisations:
        canonical = parse_organisation(entry.name, entry.acronym, entry.country, countries)
        for alias in (entry.name, *entry.aliases, *([entry.acronym] if entry.acronym else [])):
            parsed = parse_organisation(alias, None, entry.country, countries)
            known.setdefault(parsed.key, canonical)
    return NameVocabulary(countries, abbreviations(), known)


@functools.cache
def country_names() -> dict[str, str]:
    """Country names by ISO 3166 alpha-3 code, from the gazetteer the record was resolved with."""
    return {code: country.name for code, country in load_gazetteer().by_iso3.items()}
