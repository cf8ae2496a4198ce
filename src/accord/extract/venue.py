"""Where the reported meeting was held.

In order: a party's city or country named where a meeting sentence says the
meeting was ("in Tashkent", "in the Iranian capital", "at a Nairobi hotel",
"Baku hosts", "held here" or "met today" under a dateline), the place of a
protocol ("Done at Minsk"), the destination of the visit the lead reports
("arrived in Tehran", "visiting Moscow"), else the dateline city of a party. A
meeting held by telephone or video link has no venue; a place named for another
meeting ("since the last meeting in Moscow") is not this one's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from accord.core.records import Venue
from accord.extract.gazetteer import Gazetteer
from accord.extract.meeting_vocabulary import MeetingVocabulary
from accord.extract.places import Place, PlaceFinder
from accord.extract.sentences import Sentence

_PLACE = (
    r"(?P<place>[A-ZÀ-Þ][\w’'.-]+(?:\s+(?:(?:es|de|del|da|al|el|la)\s+)?[A-ZÀ-Þ][\w’'.-]+){0,3})"
)
# A place name after "in"/"at": capitalised words, with the particles of "Dar es Salaam".
PLACE_AFTER = re.compile(
    r"\b(?:in|at)\s+(?:the\s+|an?\s+)?(?:city of\s+)?(?:capital(?: city)?(?: of (?:the )?[A-Z]\w+)?,?\s+)?"
    r"(?:(?:[A-Z]\w+\s+)*?(?:Republic|Kingdom|State|Sultanate|Federation)\s+of\s+(?:the\s+)?)?"
    + _PLACE
)
_HOSTS = re.compile(_PLACE + r"(?:,\s+[A-Z]\w+,)?\s+(?:hosts|hosted|played host)\b")
_COMMA_ON = re.compile(
    r",\s+" + _PLACE + r",?\s+on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|\d)"
)
_CAPITAL_OF = re.compile(r"\bin the (?P<who>[A-Z][a-z]+) capital\b")
_HERE = re.compile(
    r"\b(?:held|met|convened|took place|opened|closed|concluded)\s+here\b|\btoday\b|"
    r"\bhere (?:today|on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|\d))\b"
)
_DONE_AT = re.compile(r"\bDone (?:at|in) (?P<place>[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){0,2})")
_VISIT_TO = re.compile(
    r"\b(?:[Vv]isit(?:ing|ed|s)?|trip|arriv(?:ed|es|ing)|travell?(?:ed|ing)|head(?:s|ed|ing)?)\s+"
    r"(?:\w+\s+){0,3}?(?:to|in)\s+(?:the\s+)?(?:capital of \w+,\s+)?(?:[A-Z]\w+\s+)?"
    + _PLACE
    + r"|\bvisiting\s+"
    + _PLACE.replace("place", "place2")
)
_MEETING_NOUN = re.compile(
    r"\b(?:meeting|session|commission|committee|council|talks|visit|summit|sitting|round|forum|"
    r"IGC|JEC|JCC)\b",
    re.IGNORECASE,
)
# "During the meeting in Beijing, both sides reviewed ...", said of the meeting reported.
_THE_MEETING_IN = re.compile(
    r"\b(?:[Dd]uring|[Aa]t|[Aa]fter) (?:the|this|today's) (?:meeting|session|talks)(?: held)? in "
    + _PLACE
)
_SIDELINES = re.compile(r"\bon the (?:sidelines|margins) of\b", re.IGNORECASE)
_DATE = (
    r"(?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\.?|[A-Z][a-z]+\.?\s*\d{1,2}(?:st|nd|rd|th)?)"
    r"(?:,?\s+\d{4})?|\d{1,2}[./]\d{1,2}[./]\d{2,4}"
)
# A dateline opening a paragraph: "ISLAMABAD, Nov 21 (APP):", "MANILA 09 January 2024 —",
# "BEIJING/islamabad -", "Gaborone —", "Washington, DC" on a line of its own.
_DATELINE = re.compile(
    r"^[ \t]*(?:date\s+\S+\s+)?(?:\([^()\n]{1,40}\)[ \t]*)?(?P<city>[A-ZÀ-Þ][\wÀ-ÿ.'\-]*(?:[ /][A-ZÀ-Þa-z][\wÀ-ÿ.'\-]*){0,2}?)"
    r"(?P<region>,[ \t]*[A-Z][\w.]*(?:[ \t][A-Z][\w.]*)?)?"
    r"(?:,?[ \t]+(?:" + _DATE + r"))?[ \t]*(?:\([^()\n]{1,40}\)[ \t]*)?"
    r"(?P<end>[:—–]|[ \t]?-{1,2}[ \t]|,[ \t]|\.[ \t]*/|\.[ \t]+(?=[A-Z]{3,}\b)|[ \t]*$)",
    re.MULTILINE,
)


def find_dateline(doc_text: str, places: PlaceFinder) -> tuple[str, int, int] | None:
    """The dateline city of the report and the dateline's span, when a paragraph near the
    top opens with a known city; None otherwise."""
    for m in _DATELINE.finditer(doc_text[:1500]):
        # "Islamabad, China and Pakistan have agreed": a bare comma ends a city alone.
        if m.group("end").startswith(",") and m.group("region"):
            continue
        for name in (m.group("city"), m.group("city").split("/")[0]):
            city = _known_city(name.rstrip(".-"), places)
            if city:
                return city, m.start("city"), m.end()
    return None


def _known_city(name: str, places: PlaceFinder) -> str | None:
    for candidate in (name, name.title(), name.title().replace(" Es ", " es ")):
        if places.kind_of(candidate) in {"capital", "city"}:
            return candidate
    return None


def find_venue(
    sentences: list[Sentence],
    content: list[Sentence],
    doc_text: str,
    places: PlaceFinder,
    parties: list[str],
    skip_span: tuple[int, int] | None,
    gazetteer: Gazetteer,
    vocabulary: MeetingVocabulary,
    preview: bool = False,
) -> Venue:
    """The venue of the meeting named in ``sentences`` (the lead reports it first).

    In a preview the meeting is itself one still to be held, and the dateline is
    where the preview was written, not where the meeting will be.
    """
    if any(vocabulary.remote.search(s.text) for s in sentences[:2]):
        return Venue()
    found_dateline = None if preview else find_dateline(doc_text, places)
    dateline = found_dateline[0] if found_dateline else None
    elsewhere: Venue | None = None
    country_only: Venue | None = None
    for sentence in sentences:
        markers = None if preview else gazetteer
        for found in _in_sentence(sentence, places, parties, skip_span, markers, dateline):
            if found.city:
                return found
            country_only = country_only or found
        if elsewhere is None and _SIDELINES.search(sentence.text):
            elsewhere = _third_place(sentence, places)
    done = _DONE_AT.search(doc_text)
    if done:
        for place in _places_at_start(done.group("place"), places):
            if place.kind in {"capital", "city"} and place.iso3 in parties:
                return Venue(city=place.name, country=place.iso3)
    if elsewhere is not None:
        return elsewhere
    for sentence in content:
        for m in _THE_MEETING_IN.finditer(sentence.text):
            venue = _party_place(m.group("place"), places, parties)
            if venue is not None and venue.city:
                return venue
    if country_only is None:
        for sentence in [*content[:4], *sentences]:
            for m in _VISIT_TO.finditer(sentence.text):
                if _for_other_meeting(sentence.text, m.start(), gazetteer):
                    continue  # "in preparation for the forthcoming visit to Vladivostok"
                country_only = _party_place(m.group("place") or m.group("place2"), places, parties)
                if country_only is not None:
                    break
            if country_only is not None:
                break
    if country_only is not None:
        if (
            country_only.city is None
            and dateline
            and places.country_of(dateline) == country_only.country
        ):
            # "a state visit to Kazakhstan" under an "ASTANA —" dateline: in Astana.
            return Venue(city=dateline, country=country_only.country)
        return country_only
    if dateline and places.country_of(dateline) in parties:
        return Venue(city=dateline, country=places.country_of(dateline))
    return Venue()


def _in_sentence(
    sentence: Sentence,
    places: PlaceFinder,
    parties: list[str],
    skip_span: tuple[int, int] | None,
    gazetteer: Gazetteer | None,
    dateline: str | None,
) -> Iterator[Venue]:
    """The party places a sentence says the meeting was held in, in order."""
    text = sentence.text
    capital = _CAPITAL_OF.search(text)
    if capital:
        code = places.country_of(capital.group("who"))
        city = places.capital_of.get(code or "")
        if code in parties and city:
            yield Venue(city=city, country=code)
    if dateline and _HERE.search(text) and places.country_of(dateline) in parties:
        yield Venue(city=dateline, country=places.country_of(dateline))
    matches = [*PLACE_AFTER.finditer(text), *_HOSTS.finditer(text), *_COMMA_ON.finditer(text)]
    for m in sorted(matches, key=lambda m: m.start()):
        absolute = sentence.start + m.start("place")
        if skip_span and skip_span[0] <= absolute < skip_span[1]:
            continue
        if gazetteer and _for_other_meeting(text, m.start(), gazetteer):
            continue
        venue = _party_place(m.group("place"), places, parties)
        if venue is not None:
            yield venue


def _for_other_meeting(text: str, at: int, gazetteer: Gazetteer) -> bool:
    """A place named for another meeting: "since the last meeting of the panel in Moscow",
    but not "agreed to convene the meeting soon during their meeting in New Delhi"."""
    nouns = list(_MEETING_NOUN.finditer(text, 0, at))
    start = nouns[-1].start() - 35 if nouns else at - 60
    return bool(gazetteer.other_meeting_markers.search(text[max(0, start) : at]))


def _party_place(name: str, places: PlaceFinder, parties: list[str]) -> Venue | None:
    for place in _places_at_start(name, places):
        if place.iso3 not in parties:
            continue
        if place.kind in {"capital", "city"}:
            return Venue(city=place.name, country=place.iso3)
        if place.kind == "country":
            # "held in Djibouti": a country named like its capital is the city too.
            capital = places.capital_of.get(place.iso3)
            return Venue(city=capital if capital == place.name else None, country=place.iso3)
    return None


def _third_place(sentence: Sentence, places: PlaceFinder) -> Venue | None:
    """A city outside the two countries that hosts the event the meeting was on the sidelines of."""
    for m in PLACE_AFTER.finditer(sentence.text):
        for place in _places_at_start(m.group("place"), places):
            if place.kind in {"capital", "city"}:
                return Venue(city=place.name, country=place.iso3)
    return None


def _places_at_start(name: str, places: PlaceFinder) -> list[Place]:
    """The place a name starts with; "Tehran-Moscow relations" names none."""
    return [
        p for p in places.find(name) if p.start == 0 and name[p.end : p.end + 1] not in {"-", "–"}
    ]
