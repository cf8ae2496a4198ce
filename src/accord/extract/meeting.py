"""The bilateral meeting a document reports: kind, commission, ordinal, dates and venue."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass

from accord.core.records import Commission, Evidence, Venue
from accord.extract.dates import find_dates
from accord.extract.gazetteer import Gazetteer
from accord.extract.places import PlaceFinder
from accord.extract.sentences import Sentence
from accord.ingest import read_text_metadata

WORD_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "thirtieth": 30,
}
ORDINAL = re.compile(
    r"\b(?:(?P<num>\d{1,3})(?:st|nd|rd|th)|(?P<tens>twenty|thirty)[- ](?P<unit>first|second|third|"
    r"fourth|fifth|sixth|seventh|eighth|ninth)|(?P<word>"
    + "|".join(sorted(WORD_ORDINALS, key=len, reverse=True))
    + r"))\b",
    re.IGNORECASE,
)
_COMMISSION_HEAD = re.compile(
    r"\b(?:Commission|Council|Committee|Forum|Working Group|Sub-?[Cc]ommission)\b"
)
_MULTI_DAY = re.compile(r"\b(?P<n>two|three|four|five|2|3|4|5)-day\b", re.I)
_N = {"two": 2, "three": 3, "four": 4, "five": 5}
_SESSION_WORD = re.compile(r"\b(?:session|meeting|talks|co-?chaired|forum|visit)\b", re.IGNORECASE)
_WEEKDAY = re.compile(
    r"\b(?:on|last)\s+(?P<day>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_DATELINE_CITY = re.compile(
    r"^\W*(?:date\s+\S+\s+)?(?P<city>[A-Z][A-Z.'\-]+(?:\s+[A-Z][A-Z.'\-]+){0,2})\s*(?:[:,(—–-])"
)


@dataclass(frozen=True)
class MeetingFacts:
    kind: str
    commission: Commission
    ordinal: int | None
    start: dt.date | None
    end: dt.date | None
    venue: Venue
    sentences: list[Sentence]
    commission_span: tuple[int, int] | None


def ordinal_value(m: re.Match[str]) -> int:
    if m.group("num"):
        return int(m.group("num"))
    if m.group("tens"):
        return {"twenty": 20, "thirty": 30}[m.group("tens").lower()] + WORD_ORDINALS[
            m.group("unit").lower()
        ]
    return WORD_ORDINALS[m.group("word").lower()]


def find_ordinal(text: str, gazetteer: Gazetteer) -> int | None:
    """The ordinal of a session mention: "the 10th session", "tenth meeting of the IGC"."""
    nouns = "|".join(re.escape(n) for n in gazetteer.session_nouns)
    for m in ORDINAL.finditer(text):
        after = text[m.end() : m.end() + 120]
        if re.match(rf"\s+(?:[\w’'–-]+\s+){{0,8}}?(?:{nouns})\b", after, re.IGNORECASE):
            value = ordinal_value(m)
            if 0 < value < 200:
                return value
    return None


def meeting_kind(text: str, gazetteer: Gazetteer) -> tuple[str, re.Match[str]] | None:
    for kind, pattern in gazetteer.meeting_kinds:
        m = pattern.search(text)
        if m:
            return kind, m
    return None


def is_about_other_meeting(text: str, mention: re.Match[str], gazetteer: Gazetteer) -> bool:
    """True when the mention is of the next, previous or another earlier meeting."""
    window = text[max(0, mention.start() - 60) : mention.end() + 20]
    return bool(gazetteer.other_meeting_markers.search(window))


def commission_name(text: str, offset: int = 0) -> tuple[str, tuple[int, int]] | None:
    """The full commission name around its head noun, without ordinal or bracketed acronym."""
    head = _COMMISSION_HEAD.search(text)
    if head is None:
        return None
    # Walk left over capitalised words.
    start = head.start()
    left = text[: head.start()]
    words = list(re.finditer(r"\S+", left))
    for w in reversed(words):
        token = w.group(0)
        if re.fullmatch(r"[A-Z][\w’'.]*(?:[-–][A-Z][\w’'.]*)*", token) and not ORDINAL.fullmatch(
            token
        ):
            start = w.start()
        else:
            break
    end = head.end()
    rest = text[end:]
    acronym = re.match(r"\s*\([A-Z][\w-]{1,10}\)", rest)
    skip = acronym.end() if acronym else 0
    tail = re.match(
        r"\s+(?:on|for)\s+(?:[A-Z][\w’'-]*|and|,\s*)(?:\s*(?:[A-Z][\w’'-]*|and|,))*",
        rest[skip:],
    )
    name = text[start:end]
    if tail:
        tail_text = tail.group(0).rstrip(" ,")
        tail_text = re.sub(r"\s+and$", "", tail_text)
        name += tail_text
        end = end + skip + len(tail_text)
    elif acronym:
        end += skip
    if len(name.split()) < 2:
        return None
    return re.sub(r"\s+", " ", name), (start + offset, end + offset)


def dateline_city(doc_text: str, places: PlaceFinder) -> str | None:
    """The city of the report's dateline ("ISLAMABAD:", "BEIJING, July 9 (Xinhua) --"), if known."""
    dateline = read_text_metadata(doc_text[:2000]).dateline
    found = dateline.city if dateline else None
    if found is None:
        m = _DATELINE_CITY.match(doc_text[:200])
        found = m.group("city") if m else None
    if found is None:
        return None
    for candidate in (found, found.title(), found.title().replace(" Es ", " es ")):
        if places.country_of(candidate):
            return candidate
    return None


def find_meeting(
    sentences: list[Sentence],
    doc_text: str,
    gazetteer: Gazetteer,
    places: PlaceFinder,
    published: dt.date | None,
    skip: set[int],
) -> MeetingFacts | None:
    """The meeting the document reports, from its first meeting mentions; None if none."""
    mentions: list[tuple[Sentence, str, re.Match[str]]] = []
    for sentence in sentences:
        if sentence.index in skip:
            continue
        found = meeting_kind(sentence.text, gazetteer)
        if found and not is_about_other_meeting(sentence.text, found[1], gazetteer):
            mentions.append((sentence, found[0], found[1]))
    if not mentions:
        return None
    kind = mentions[0][1]
    # A session of a commission outranks a later mention of its forum or working group.
    lead = [m for m in mentions if m[0].index <= mentions[0][0].index + 2]
    if any(k == "commission_session" for _, k, _ in lead) and kind in {"other"}:
        kind = "commission_session"
    related = {kind} | ({"commission_session", "working_group"} if kind != "other" else set())
    mentions = [m for m in mentions if m[1] in related]
    meeting_sentences = [s for s, _, _ in mentions]

    name_found = None
    for sentence, _, _ in mentions:
        name_found = commission_name(sentence.text, sentence.start)
        if name_found:
            break
    if name_found is None:
        for sentence in sentences:
            if sentence.index not in skip:
                name_found = commission_name(sentence.text, sentence.start)
                if name_found and re.search(r"Commission|Council", name_found[0]):
                    break
                name_found = None
    name = name_found[0] if name_found else None
    parties = _parties(name, sentences, places)
    if len(parties) < 2:
        return None
    if kind not in {"commission_session", "working_group"} and not (
        name and re.search(r"co-?chair", " ".join(s.text for s in meeting_sentences), re.I)
    ):
        name = name if kind == "ministerial_meeting" else None

    ordinal = None
    opening = [s for s in sentences[:6] if s.index not in skip and s not in meeting_sentences]
    for sentence in [*meeting_sentences, *opening]:
        ordinal = find_ordinal(sentence.text, gazetteer)
        if ordinal and not gazetteer.other_meeting_markers.search(sentence.text):
            break
        ordinal = None
    dated = meeting_sentences + [
        s
        for s in sentences
        if s not in meeting_sentences
        and s.index not in skip
        and _SESSION_WORD.search(s.text)
        and not gazetteer.other_meeting_markers.search(s.text)
    ]
    start, end = _dates(dated, published)
    venue = _venue(meeting_sentences, doc_text, places, parties, name_found)
    return MeetingFacts(
        kind=kind,
        commission=Commission(name=name, parties=parties),
        ordinal=ordinal,
        start=start,
        end=end,
        venue=venue,
        sentences=meeting_sentences,
        commission_span=name_found[1] if name_found else None,
    )


def _parties(name: str | None, sentences: list[Sentence], places: PlaceFinder) -> list[str]:
    parties = places.countries_in(name) if name else []
    if len(parties) >= 2:
        return parties[:2]
    counts: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    for sentence in sentences[:8]:
        for place in places.find(sentence.text):
            if place.kind in {"country", "demonym"}:
                counts[place.iso3] += 1
                first_seen.setdefault(place.iso3, place.start + sentence.start)
    for iso3, _ in sorted(counts.items(), key=lambda kv: (-kv[1], first_seen[kv[0]])):
        if iso3 not in parties:
            parties.append(iso3)
        if len(parties) == 2:
            break
    return sorted(parties[:2], key=lambda p: first_seen.get(p, -1))


def _dates(
    sentences: list[Sentence], published: dt.date | None
) -> tuple[dt.date | None, dt.date | None]:
    for sentence in sentences:
        dates = [d for d in find_dates(sentence.text, published) if d.start != d.end]
        if dates:
            return dates[0].start, dates[0].end
    for sentence in sentences:
        for d in find_dates(sentence.text, published):
            multi = _MULTI_DAY.search(sentence.text)
            if multi is None:
                return d.start, d.end
            days = (
                int(multi.group("n"))
                if multi.group("n").isdigit()
                else _N[multi.group("n").lower()]
            )
            if re.search(r"\b(?:concluded|ended|closed|wrapped up)\b", sentence.text, re.I):
                return d.end - dt.timedelta(days=days - 1), d.end
            if re.search(r"\b(?:began|opened|started|commenced|kicked off)\b", sentence.text, re.I):
                return d.start, d.start + dt.timedelta(days=days - 1)
    if published is not None:
        for sentence in sentences:
            weekday = _WEEKDAY.search(sentence.text)
            if weekday:
                day = _last_weekday(published, _WEEKDAYS.index(weekday.group("day")))
                multi = _MULTI_DAY.search(sentence.text)
                if multi and re.search(
                    r"\b(?:concluded|ended|closed|wrapped up)\b", sentence.text, re.I
                ):
                    n = multi.group("n")
                    days = int(n) if n.isdigit() else _N[n.lower()]
                    return day - dt.timedelta(days=days - 1), day
                return day, day
    return None, None


def _last_weekday(published: dt.date, weekday: int) -> dt.date:
    """The latest date on or before publication that falls on ``weekday`` (news says "on Monday")."""
    return published - dt.timedelta(days=(published.weekday() - weekday) % 7)


# A place name after "in"/"at": capitalised words, with the particles of "Dar es Salaam".
PLACE_AFTER = re.compile(
    r"\b(?:in|at)\s+(?:the\s+)?(?:city of\s+)?(?:(?:[A-Z]\w+\s+)*?(?:Republic|Kingdom|State|Sultanate|Federation)\s+of\s+"
    r"(?:the\s+)?)?(?P<place>[A-Z][\w’'.-]+(?:\s+(?:(?:es|de|del|da|al|el|la)\s+)?[A-Z][\w’'.-]+){0,3})"
)
_CAPITAL_OF = re.compile(r"\bin the (?P<who>[A-Z][a-z]+) capital\b")
_HERE = re.compile(
    r"\b(?:held|met|convened|took place|opened|closed|concluded)\s+here\b|\bhere (?:on|today)\b"
)
_DONE_AT = re.compile(r"\bDone (?:at|in) (?P<place>[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){0,2})")


def _venue(
    sentences: list[Sentence],
    doc_text: str,
    places: PlaceFinder,
    parties: list[str],
    name_found: tuple[str, tuple[int, int]] | None,
) -> Venue:
    """Where the meeting was: a city or party country named in a meeting sentence ("in
    Tashkent", "in the Iranian capital", "held here" with the dateline), the place of a
    protocol ("Done at Minsk"), else the dateline city of a party country."""
    dateline = dateline_city(doc_text, places)
    for sentence in sentences:
        capital = _CAPITAL_OF.search(sentence.text)
        if capital:
            code = places.country_of(capital.group("who"))
            city = places.capital_of.get(code or "")
            if code in parties and city:
                return Venue(city=city, country=code)
        if dateline and _HERE.search(sentence.text) and places.country_of(dateline) in parties:
            return Venue(city=dateline, country=places.country_of(dateline))
        for m in PLACE_AFTER.finditer(sentence.text):
            absolute = sentence.start + m.start("place")
            if name_found and name_found[1][0] <= absolute < name_found[1][1]:
                continue
            for place in places.find(m.group("place")):
                if place.start != 0:
                    continue
                if place.kind in {"capital", "city"} and place.iso3 in parties:
                    return Venue(city=place.name, country=place.iso3)
                if place.kind == "country" and place.iso3 in parties:
                    return Venue(city=None, country=place.iso3)
    done = _DONE_AT.search(doc_text)
    if done:
        for place in places.find(done.group("place")):
            if place.start == 0 and place.kind in {"capital", "city"} and place.iso3 in parties:
                return Venue(city=place.name, country=place.iso3)
    if dateline:
        country = places.country_of(dateline)
        if country in parties:
            return Venue(city=dateline, country=country)
    return Venue()


def meeting_evidence(facts: MeetingFacts) -> list[Evidence]:
    """The first sentences that name the meeting, as its evidence."""
    spans = []
    for sentence in facts.sentences[:3]:
        spans.append(Evidence(text=sentence.text, start=sentence.start, end=sentence.end))
    return spans
