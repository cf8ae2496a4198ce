"""Who signed a document: organisations, not the people or posts that signed for them.

A report names signatories many ways: as organisations ("NAST and New Space
India Limited signed"), as countries ("Nepal and India have signed"), as
people with posts ("Minister for Planning X and Vice Chairman of the NDRC,
Y"), or as a group ("both ministers signed ... on behalf of their
governments"). Each signatory becomes the organisation it signs for: the
organisation its post names, the ministry of a named portfolio ("Trade,
Industry and Energy Minister"), else its country's government, named by the
country's official name ("Government of the Republic of India").
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from accord.core.records import Party
from accord.extract.gazetteer import Country, Gazetteer
from accord.extract.organisations import HEADS, OrganisationFinder, OrgMention
from accord.extract.places import PlaceFinder
from accord.extract.sentences import Sentence

_HEADS = re.compile(rf"\b(?:{HEADS})\b")
# An official country name: the alias with a form of state in it ("Kyrgyz Republic").
_FORM_OF_STATE = re.compile(
    r"\b(?:Republic|Federation|Kingdom|Commonwealth|State|Emirates?|Sultanate|Principality|"
    r"Duchy|Confederation|Union)\b"
)
_BY = re.compile(
    r"\b(?:signed|signing|endorsed|initial(?:l)?ed|inked)\s+(?:[\w-]+\s+){0,3}?by\s+(?P<who>.+?)"
    r"(?=\s+(?:who|which|in the presence|during|at the|following|after)\b|[.;:]|"
    r",\s+[^,]*\b(?:reported|said|says|told|according|announced)\b|$)"
)
_BEFORE = re.compile(
    r"^(?P<who>[^;:]+?)\s+(?:(?:have|has|also|jointly|then|later|finally|today)\s+)*"
    r"(?:signed|inked)\b"
)
_BETWEEN = re.compile(
    r"\bbetween\s+(?P<who>.+?)(?=\s+(?:in|at|during|to|on|for|which|who|was|were|that)\b|[.;:]|,\s+(?!and\b|[A-Z])|$)"
)
_WITH = re.compile(
    r"\bwith\s+(?P<who>.+?)(?=\s+(?:to|on|for|in order|aimed|that|which)\b|[.;]|,\s+(?!and\b|[A-Z])|$)"
)
_GROUP = re.compile(
    r"\b(?:both|two|respective|their)\s+(?:\w+\s+)?(?:sides|countries|governments|ministers|leaders|"
    r"presidents|heads|co-?chairs|parties|delegations)\b|\bheads of (?:state|governments?)\b|"
    r"\bco-?chairs\b",
    re.IGNORECASE,
)
_ON_BEHALF = re.compile(r"\bon behalf of\s+(?P<whom>(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)")
TITLE = re.compile(
    r"\b(?:Minister|Secretary|President|Premier|Chairman|Chairperson|Chair|Ambassador|Deputy|"
    r"Governor|Mayor|Head|Director|Envoy|Speaker|Vice)\b",
)
_POST_OF = re.compile(
    r"^(?:[A-Z][\w-]*\s+){0,3}?(?:Chairman|Chairperson|Chair|President|Director|Head|"
    r"Governor|Secretary|Minister|Ambassador|Representative)(?:[\s-]General)?\s+(?:of|to)\s+(?:the\s+)?"
)
# Where one clause of a sentence ends and the next, with its own signing, begins.
_CLAUSE = re.compile(
    r";\s*|,\s+(?:and|while|whereas)\s+(?=[^.;]*\b(?:signed|inked)\b|an?\s|the\s)|[.!?]\s+(?=[A-Z])"
)
_WE_SIGNED = re.compile(r"\bwe\s+(?:have\s+)?(?:just\s+|now\s+|today\s+)?signed\b", re.I)
# Where one signatory ends and the next begins: "... Bakhtiar and Vice Chairman of ...",
# "... Sigdel and his Indian counterpart ...", "..., and Sergey Tsivilyov, head of ...".
_NEXT_SIGNATORY = re.compile(
    r",?\s+and\s+(?=(?:his|her|the|their)\b|(?:[A-Z][\w’'()-]*\s+){0,3}?"
    r"(?:Minister|Secretary|President|Premier|Chairman|Chairperson|Ambassador|Deputy|Vice|"
    r"Governor|Head|Director|Envoy)\b|[A-Z][\w’'-]+\s+[A-Z][\w’'-]+\s*(?:,|$))"
)


@dataclass(frozen=True)
class SigningContext:
    """What the rest of the document says about the sides: the meeting's countries and chairs."""

    countries: tuple[str, ...] = ()
    co_chairs: tuple[tuple[str, str | None], ...] = ()
    known_people: dict[str, str] = field(default_factory=dict)
    # The one ministry the report names for a country: where its minister signs.
    ministries: dict[str, str] = field(default_factory=dict)


def official_name(country: Country) -> str:
    """The country's official name when the gazetteer knows one, else its common name."""
    for alias in country.aliases:
        if _FORM_OF_STATE.search(alias):
            return alias
    return country.name


def government(iso3: str, gazetteer: Gazetteer) -> Party | None:
    """The government of a country, by its official name: "Government of the Russian Federation"."""
    country = gazetteer.by_iso3.get(iso3)
    if country is None:
        return None
    name = official_name(country)
    article = "the " if name != country.name or name.startswith(("United", "Republic")) else ""
    return Party(name=f"Government of {article}{name}", country=iso3)


class SignatoryFinder:
    """Turns the signatories a sentence names into parties."""

    def __init__(self, gazetteer: Gazetteer, places: PlaceFinder, orgs: OrganisationFinder):
        self.gazetteer = gazetteer
        self.places = places
        self.orgs = orgs

    def ministries(self, sentences: Sequence[Sentence]) -> dict[str, str]:
        """Each country's ministry, where the report names exactly one for it."""
        found: dict[str, set[str]] = {}
        for sentence in sentences:
            for m in self.orgs.find(sentence.text):
                if m.country and m.name.startswith("Ministry"):
                    found.setdefault(m.country, set()).add(m.name)
        return {country: names.pop() for country, names in found.items() if len(names) == 1}

    def countries(self, text: str) -> list[str]:
        """Countries named in ``text`` by name or demonym (not by a city)."""
        found: list[str] = []
        for place in self.places.find(text):
            if place.kind in {"country", "demonym"} and place.iso3 not in found:
                found.append(place.iso3)
        return found

    def parties(
        self, sentence: Sentence, context: SigningContext, anchor: int | None = None
    ) -> list[Party]:
        """The organisations that signed what the sentence reports, or [] when it names none.

        With ``anchor`` (where the document is named in the sentence), only the
        clause that holds it is read: "The co-chairs signed the protocol, and
        the railways signed an agreement on tariffs".
        """
        text = sentence.text
        if re.search(r"\bon behalf of (?:their|the) (?:respective |two )?governments\b", text):
            return self._governments(context.countries)
        low, high = 0, len(text)
        if anchor is not None:
            posts = [m.span() for m in re.finditer(self._portfolio_run, text)]
            for m in _CLAUSE.finditer(text):
                if any(a <= m.start() < b for a, b in posts):
                    continue  # "Trade, Industry, and Energy Minister" is one post
                if m.end() <= anchor:
                    low = m.end()
                elif m.start() >= anchor:
                    high = m.start()
                    break
        clause = text[low:high]
        if _WE_SIGNED.search(clause):
            return self._governments(context.countries)
        for pattern in (_BY, _BEFORE, _BETWEEN):
            for m in pattern.finditer(clause):
                who = m.group("who")
                start = low + m.start("who")
                if pattern is _BEFORE:
                    who, start = _after_opening(who, start)
                    if self.gazetteer.agreements.noun.search(who):
                        continue
                found = self._signatories(sentence, who, start, context)
                if pattern is _BEFORE and len(found) == 1:
                    with_phrase = _WITH.search(clause, m.end())
                    if with_phrase:
                        w_start = low + with_phrase.start("who")
                        more = self._signatories(
                            sentence, with_phrase.group("who"), w_start, context
                        )
                        found += [p for p in more if p not in found]
                if found:
                    return _unique(found)
        return []

    def _governments(self, countries: Sequence[str]) -> list[Party]:
        found = [government(c, self.gazetteer) for c in countries]
        return [p for p in found if p is not None]

    def _signatories(
        self, sentence: Sentence, who: str, start: int, context: SigningContext
    ) -> list[Party]:
        """The parties of one phrase that names signatories."""
        absolute = sentence.start + start
        people = [
            (e.start_char - absolute, e.text)
            for e in sentence.span.ents
            if e.label_ == "PERSON" and absolute <= e.start_char < absolute + len(who)
        ]
        mentions = self._organisations(who)
        # A name inside an organisation's, or with an acronym ("Temir Yollari (UTY)"), is no person.
        people = [
            (at, name)
            for at, name in people
            if not any(m.start <= at < m.end for m in mentions)
            and not re.match(r"\s*\([A-Z]", who[at + len(name) :])
        ]
        if TITLE.search(who) or people:
            inside = [m.span() for m in re.finditer(self._portfolio_run, who)]
            organisations = [m.start for m in mentions]
            return self._people(_units(who, people, inside, organisations), context)
        if mentions:
            return [Party(name=m.name, acronym=m.acronym, country=m.country) for m in mentions]
        countries = self.countries(who)
        if countries:
            return self._governments(countries)
        if _GROUP.search(who):
            named = self.countries(sentence.text)
            return self._governments(context.countries if len(named) < 2 else named)
        return []

    def _organisations(self, text: str) -> list[OrgMention]:
        """Organisations named in ``text`` that can sign: not the commission, not a country.

        A post before the name is dropped: "Vice Chairman of the NDRC" is the NDRC.
        """
        found: list[OrgMention] = []
        for m in self.orgs.find(text):
            post = _POST_OF.match(m.name)
            if post:
                rest = m.name[post.end() :]
                m = OrgMention(rest, m.acronym, m.country, m.start + post.end(), m.end)
            if (
                not self.gazetteer.agreements.not_a_party.search(m.name)
                and self.places.country_of(m.name) is None
                and not TITLE.match(m.name)
                and (_HEADS.search(m.name) or self.orgs.lookup(m.name) is not None)
            ):
                found.append(m)
        return found

    def _people(self, units: list[tuple[str, str | None]], context: SigningContext) -> list[Party]:
        """Each signatory's organisation, from their post, their country or the other side's."""
        countries: list[str | None] = []
        for unit, name in units:
            behalf = _ON_BEHALF.search(unit)
            found = self.countries(behalf.group("whom")) if behalf else []
            found = found or self.countries(unit)
            countries.append(found[0] if found else _known_country(name, context))
        missing = [i for i, c in enumerate(countries) if c is None]
        if len(units) == 2 and len(missing) == 2 and len(context.countries) == 2:
            # Two signatories the text does not place: one for each side.
            countries = list(context.countries)
            missing = []
        if len(units) == 2 and len(missing) == 1 and len(context.countries) == 2:
            other = countries[1 - missing[0]]
            rest = [c for c in context.countries if c != other]
            countries[missing[0]] = rest[0] if len(rest) == 1 else None
        parties: list[Party] = []
        for (unit, _), country in zip(units, countries, strict=True):
            party = self._party(unit, country, context)
            if party is not None:
                parties.append(party)
        return parties

    def _party(self, unit: str, country: str | None, context: SigningContext) -> Party | None:
        if not _ON_BEHALF.search(unit):
            for m in self._organisations(unit):
                return Party(name=m.name, acronym=m.acronym, country=m.country or country)
            ministry = self.ministry_of_post(unit)
            if ministry is None and country and re.search(r"\b[Mm]inister\b", unit):
                ministry = context.ministries.get(country)
            if ministry is not None:
                return Party(name=ministry, country=country)
        return government(country, self.gazetteer) if country else None

    @functools.cached_property
    def _portfolio_run(self) -> str:
        words = sorted(self.gazetteer.portfolios, key=len, reverse=True)
        one = rf"(?<![\w-])(?:{'|'.join(re.escape(w) for w in words)})(?![\w-])"
        return rf"{one}(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*){one})*"

    def ministry_of_post(self, post: str) -> str | None:
        """The ministry or department a post names: "Minister of Economy" -> "Ministry of Economy"."""
        if not self.gazetteer.portfolios:
            return None
        run = self._portfolio_run
        after = re.search(
            rf"\b(?P<title>Minist(?:er|ry)|Secretary)\s+(?:of|for)\s+(?P<p>{run})", post
        )
        before = re.search(rf"(?P<p>{run})\s+(?P<title>Minister|Secretary)s?\b", post)
        found = after or before
        if found is None:
            return None
        head = "Department" if found.group("title") == "Secretary" else "Ministry"
        return f"{head} of {found.group('p')}"


def _after_opening(who: str, start: int) -> tuple[str, int]:
    """The signatories of "Following the meeting, A and B signed": what follows the last comma."""
    if "," in who:
        head, _, tail = who.rpartition(",")
        if re.match(r"\s*(?:During|Following|After|At|On|In|Later|Today|Earlier|Also)\b", head):
            return tail.strip(), start + len(head) + 1 + (len(tail) - len(tail.lstrip()))
    return who, start


def _units(
    who: str,
    people: list[tuple[int, str]],
    portfolios: list[tuple[int, int]],
    organisations: Sequence[int] = (),
) -> list[tuple[str, str | None]]:
    """Each signatory's words in a phrase naming several, with the person's name when known.

    A list of portfolios ("Trade, Industry, and Energy Minister") is one post.
    """
    cuts = [
        m.start()
        for m in _NEXT_SIGNATORY.finditer(who)
        if not any(a <= m.start() < b for a, b in portfolios)
    ]
    starts = [start for start, _ in people]
    for start in organisations:
        # "... of SCZONE and Russia's Ministry of Industry": the ministry is the next signatory.
        owner = re.search(r"(?:the\s+)?[A-Z][\w ]*?[’']s\s+$", who[:start])
        starts.append(owner.start() if owner else start)
    for start in starts:
        joint = re.search(r",?\s+and\s+$", who[:start])
        if joint and all(abs(joint.start() - c) > 2 for c in cuts):
            cuts.append(joint.start())
    cuts.sort()
    bounds = [0, *cuts, len(who)]
    units: list[tuple[str, str | None]] = []
    for a, b in itertools.pairwise(bounds):
        unit = re.sub(r"^,?\s*and\s+", "", who[a:b]).strip(" ,")
        names = [name for start, name in people if a <= start < b]
        if unit:
            units.append((unit, names[0] if names else None))
    return units


def _known_country(name: str | None, context: SigningContext) -> str | None:
    if name is None:
        return None
    for chair, country in context.co_chairs:
        if country and (name in chair or chair.split()[-1] == name.split()[-1]):
            return country
    return context.known_people.get(name)


def _unique(parties: list[Party]) -> list[Party]:
    found: list[Party] = []
    for party in parties:
        if all((party.name, party.country) != (p.name, p.country) for p in found):
            found.append(party)
    return found
