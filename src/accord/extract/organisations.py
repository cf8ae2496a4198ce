"""Organisations named in text: agencies, ministries, companies and news agencies.

A name is found three ways: the gazetteer's known names, aliases and acronyms;
a run of capitalised words around a head noun ("... Authority", "Ministry of
..."); and a bracketed acronym after a name. Each mention carries the country
it belongs to when the text says so ("Russia's X", "X of Pakistan", a country
word inside the name) or the gazetteer knows it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from accord.extract.gazetteer import Gazetteer, Organisation
from accord.extract.places import PlaceFinder

HEADS = (
    "Ministry|Ministries|Authority|Agency|Commission|Service|Council|Bank|Corporation|Company|Board|"
    "Directorate|Institute|University|Chamber|Association|Federation|Fund|Railways?|Committee|"
    "Department|Office|Centre|Center|Academy|Organi[sz]ation|Administration|Bureau|Group|Holding|"
    "Inspectorate|Exchange|Foundation|Society|Union|Secretariat|Division|Corps|Laboratory|"
    "Enterprise|Network|Television|Radio|Broadcasting|Agencies|Mills|Works|Airlines?|Port|"
    "Ports|Zone|Register|Registry|Trust|Police|Guard|Forces|Army|Navy|Court|Parliament|Assembly|Senate|"
    "Limited|Ltd|Embassy|Consulate"
)
_CAP = r"(?:[A-Z][\w’'.&-]*|[A-Z]{2,}|\d+)"
_LINK = r"(?:of|and|for|on|&|the|de|in|under|to)"
# A comma joins capitalised words only inside one name ("Ministry of Investment, Industry
# and Trade"), never before a new head noun ("Ministry of Energy, Ministry of Trade").
_NAME = re.compile(
    rf"(?<![\w’'-]){_CAP}(?:(?:\s+(?:{_LINK}\s+)*|,\s+(?!(?:{HEADS})\b)(?=[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*(?:,|\s+and\s)))(?:{_CAP}))*"
)
_HEAD = re.compile(rf"\b(?:{HEADS})\b")
_ACRONYM_AFTER = re.compile(r"^\s*\((?P<acr>[A-Z][A-Za-z0-9&.\-]{1,12})\)")
_POSSESSIVE = re.compile(
    r"(?P<country>[A-Z][\w ]*?)[’']s\s+(?:state-run\s+|state\s+|national\s+)?$"
)
_COUNTRY_SUFFIX = re.compile(r"\s+of\s+(?:the\s+)?(?P<country>[A-Z]\w*(?:\s+[A-Z]\w*)*)$")
_LEADING = re.compile(r"^(?:The|the|A|An)\s+")
_TRAILING_JUNK = re.compile(r"[\s,.;:’']+$")


@dataclass(frozen=True)
class OrgMention:
    name: str
    acronym: str | None
    country: str | None
    start: int
    end: int


class OrganisationFinder:
    def __init__(self, gazetteer: Gazetteer, places: PlaceFinder) -> None:
        self.places = places
        self._recent: dict[str, list[OrgMention]] = {}
        self.known: dict[str, Organisation] = {}
        for org in gazetteer.organisations:
            for name in (org.name, org.acronym, *org.aliases):
                if name:
                    self.known.setdefault(name, org)
        names = sorted(self.known, key=len, reverse=True)
        self.known_pattern = (
            re.compile(rf"(?<![\w-])(?:{'|'.join(re.escape(n) for n in names)})(?![\w-])")
            if names
            else None
        )
        self.by_lower = {name.lower(): org for name, org in self.known.items()}

    def lookup(self, name: str) -> Organisation | None:
        return self.known.get(name) or self.by_lower.get(name.lower())

    def find(self, text: str, offset: int = 0) -> list[OrgMention]:
        """Organisation mentions in ``text``, longest first where they overlap, in order.

        Agreements and commitments both look at every sentence, so the last
        sentences' mentions are kept rather than found twice.
        """
        found = self._recent.get(text)
        if found is None:
            found = self._find(text)
            if len(self._recent) >= 64:
                self._recent.pop(next(iter(self._recent)))
            self._recent[text] = found
        if not offset:
            return list(found)
        return [
            OrgMention(m.name, m.acronym, m.country, m.start + offset, m.end + offset)
            for m in found
        ]

    def _find(self, text: str) -> list[OrgMention]:
        candidates: list[OrgMention] = []
        for m in _NAME.finditer(text):
            for start, end in self._split_run(text, m.start(), m.end()):
                candidate = self._from_name_run(text, start, end)
                if candidate is not None:
                    candidates.append(candidate)
        if self.known_pattern is not None:
            for m in self.known_pattern.finditer(text):
                org = self.known[m.group(0)]
                name = m.group(0) if m.group(0) != org.acronym else org.name
                acronym = org.acronym
                end = m.end()
                bracket = _ACRONYM_AFTER.match(text[end:])
                if bracket:
                    acronym = bracket.group("acr")
                    end += bracket.end()
                country = self._possessive_country(text, m.start()) or org.country
                candidates.append(OrgMention(name, acronym, country, m.start(), end))
        chosen: list[OrgMention] = []
        for c in sorted(candidates, key=lambda c: (-(c.end - c.start), c.start)):
            if all(c.end <= o.start or c.start >= o.end for o in chosen):
                chosen.append(c)
        chosen.sort(key=lambda c: c.start)
        return chosen

    def _split_run(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        """Split a capitalised run at possessives and at "and" between two names.

        "Russia's Federal Agency" starts after the possessive; "Pakistan and
        the Ministry of X" and "Ministry of Trade and the Ministry of Energy"
        are two names, but "Pakistan Standards and Quality Control Authority"
        is one: a split needs a head noun on the right and, on the left, a
        head noun or a place name.
        """
        run = text[start:end]
        parts: list[tuple[int, int]] = []
        cursor = 0
        for m in re.finditer(r"\s+(?:and|&)\s+(?:the\s+)?", run):
            left, right = run[cursor : m.start()], run[m.end() :]
            left_is_name = (
                bool(_HEAD.search(left))
                or self.places.country_of(left.strip()) is not None
                or self.lookup(left.strip()) is not None
            )
            right_first = right.split(" and ")[0]
            possessive = re.match(r"([A-Z]\w*)[’']s\s", right)
            right_owned = bool(possessive and self.places.country_of(possessive.group(1)))
            if right_owned or (
                left_is_name and (_HEAD.search(right_first) or self.lookup(right_first.strip()))
            ):
                parts.append((start + cursor, start + m.start()))
                cursor = m.end()
        parts.append((start + cursor, start + len(run)))
        return [self._after_possessive(text, a, b) for a, b in parts]

    def _after_possessive(self, text: str, start: int, end: int) -> tuple[int, int]:
        """Skip a leading country possessive: "Russia's Federal Agency" starts at "Federal"."""
        possessive = re.match(r"^(?:The\s+)?(.+?)[’']s\s+", text[start:end])
        if possessive and self.places.country_of(possessive.group(1)):
            return start + possessive.end(), end
        return start, end

    def _possessive_country(self, text: str, start: int) -> str | None:
        before = text[max(0, start - 40) : start]
        m = _POSSESSIVE.search(before)
        if m:
            return self.places.country_of(m.group("country").split()[-1]) or self.places.country_of(
                m.group("country")
            )
        return None

    def _from_name_run(self, text: str, start: int, end: int) -> OrgMention | None:
        run = text[start:end]
        lead = _LEADING.match(run)
        if lead:
            start += lead.end()
            run = run[lead.end() :]
        # A run may hold a name after a country possessive or a list separator.
        run = _TRAILING_JUNK.sub("", run)
        end = start + len(run)
        head = _HEAD.search(run)
        if head is None:
            return None
        # Drop words before the name proper that are country adjectives used as determiners
        # only when the rest still carries a head ("Pakistani Ministry of Commerce").
        country: str | None = None
        first = run.split(" ", 1)[0]
        first_place = self.places.country_of(first)
        if first_place and self.places.names[first][1] == "demonym" and first.endswith(("i", "n")):
            rest = run[len(first) :].lstrip()
            if rest.startswith(("Ministry", "Ministries", "Government", "Embassy")):
                country = first_place
                start += len(run) - len(rest)
                run = rest
        # "X (ACR) of Pakistan", "X of the Russian Federation".
        acronym: str | None = None
        bracket = _ACRONYM_AFTER.match(text[end:])
        if bracket:
            acronym = bracket.group("acr")
            end += bracket.end()
            tail = re.match(
                r"\s+of\s+(?:the\s+)?([A-Z][\w]+(?:\s+Federation|\s+Republic)?)", text[end:]
            )
            if tail and self.places.country_of(tail.group(1)):
                country = country or self.places.country_of(tail.group(1))
                end += tail.end()
        suffix = _COUNTRY_SUFFIX.search(run)
        if suffix and self.places.country_of(suffix.group("country").strip()):
            place = self.places.country_of(suffix.group("country").strip())
            stripped = run[: suffix.start()]
            keeps_country = acronym is not None and _initials(run) == acronym.upper()
            if _HEAD.search(stripped) and not keeps_country and not _is_bare_head(stripped):
                run = stripped
            country = country or place
        # "Ministry of Culture of the Republic" is left when "of Indonesia" was taken off.
        state = re.search(
            r"\s+of\s+the\s+(?:(?:Federal|Democratic|People's|Islamic|Socialist|United|Arab|"
            r"Federative|Plurinational|Bolivarian|Hashemite|Co-operative)\s+)*"
            r"(?:Republic|Kingdom|State|Sultanate|Emirates?|Federation)$",
            run,
        )
        if state:
            run = run[: state.start()]
        if _is_bare_head(run):
            return None
        known = self.lookup(run) or (self.lookup(acronym) if acronym else None)
        if known is not None:
            acronym = acronym or known.acronym
            country = country or known.country
        country = country or self._possessive_country(text, start) or self._country_inside(run)
        return OrgMention(run, acronym, country, start, end)

    def _country_inside(self, name: str) -> str | None:
        codes = self.places.countries_in(name)
        return codes[0] if len(codes) == 1 else None


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[0].isupper())


def _is_bare_head(run: str) -> bool:
    """A head noun alone ("the Commission", "Ministry") names nothing in particular."""
    words = [w for w in run.split() if w[0].isupper()]
    return len(words) < 2 or bool(re.fullmatch(rf"(?:{HEADS})", run))
