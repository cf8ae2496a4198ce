"""Countries, demonyms, capitals and cities found in text, with ISO 3166 alpha-3 codes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from accord.extract.gazetteer import Gazetteer

PlaceKind = Literal["country", "demonym", "capital", "city"]


@dataclass(frozen=True)
class Place:
    iso3: str
    kind: PlaceKind
    name: str
    start: int
    end: int


class PlaceFinder:
    """One compiled alternation over every place name of the gazetteer."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.names: dict[str, tuple[str, PlaceKind]] = {}
        for country in gazetteer.countries:
            entries: list[tuple[str, PlaceKind]] = [(country.name, "country")]
            entries += [(a, "country") for a in country.aliases]
            entries += [(d, "demonym") for d in country.demonyms]
            if country.capital:
                entries.append((country.capital, "capital"))
            entries += [(c, "city") for c in country.cities]
            for name, kind in entries:
                self.names.setdefault(name, (country.iso3, kind))
                if name.startswith("the "):
                    self.names.setdefault("T" + name[1:], (country.iso3, kind))
        alternation = "|".join(re.escape(n) for n in sorted(self.names, key=len, reverse=True))
        self.pattern = re.compile(rf"(?<!\w)(?:{alternation})(?!\w)")
        self.capital_of = {c.iso3: c.capital for c in gazetteer.countries if c.capital}

    def find(self, text: str, offset: int = 0) -> Iterator[Place]:
        """Places in ``text``, offsets shifted by ``offset``."""
        for m in self.pattern.finditer(text):
            name = m.group(0)
            iso3, kind = self.names[name]
            # "Russian" in "Russian language" is a demonym; "US" must not be "us".
            yield Place(iso3, kind, name, m.start() + offset, m.end() + offset)

    def countries_in(self, text: str) -> list[str]:
        """ISO3 codes of the countries named or referred to in ``text``, in order of first mention."""
        seen: list[str] = []
        for place in self.find(text):
            if place.iso3 not in seen:
                seen.append(place.iso3)
        return seen

    def kind_of(self, name: str) -> PlaceKind | None:
        """Whether ``name`` is a country, demonym, capital or city; None if unknown."""
        entry = self.names.get(name)
        return entry[1] if entry else None

    def country_of(self, name: str) -> str | None:
        """The ISO3 code of a country, demonym or city name, if known."""
        entry = self.names.get(name)
        return entry[0] if entry else None
