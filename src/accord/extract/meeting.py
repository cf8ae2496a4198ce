"""The bilateral meeting a document reports: kind, commission, ordinal, dates and venue."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass

from accord.core.records import Commission, Evidence, Venue
from accord.extract.dates import find_dates
from accord.extract.gazetteer import Gazetteer
from accord.extract.meeting_dates import STALE, masked_text, meeting_dates
from accord.extract.meeting_vocabulary import meeting_vocabulary
from accord.extract.ordinals import ORDINAL, find_ordinal, is_coming, raw_ordinal
from accord.extract.places import PlaceFinder
from accord.extract.sentences import Sentence
from accord.extract.venue import find_venue

_COMMISSION_HEAD = re.compile(
    r"\b(?:Commission|Council|Committee|Forum|Working Group|Sub-?[Cc]ommission)\b"
)
_SESSION_WORD = re.compile(
    r"\b(?:session|meeting|talks|co-?chaired|forum|visit|summit|met|meets|took place|convened)\b",
    re.IGNORECASE,
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
    preview: bool = False


_SIDELINES = re.compile(r"\b(?:sidelines|margins) of\s+(?:the\s+)?(?:\S+\s+){0,3}$", re.IGNORECASE)


_OCCASION = re.compile(
    r"\b(?:on the occasion|(?:with)?in the framework|as part|in the course) of\b", re.IGNORECASE
)
_BODIES = {"commission_session", "working_group"}
_NAMED_SESSION = re.compile(
    r"\b(?:session|meeting|sitting|plenary)s? of (?:the )?(?:[\w’'\-–]+ ){0,6}?"
    r"(?:commission|council|committee)\b|\b(?:co-?chair|chaired)",
    re.IGNORECASE,
)


def _is_history(text: str, published: dt.date | None) -> bool:
    """A sentence whose dates all lie long before publication is about a past meeting
    ("The 20th session was held in Tehran on April 17-18, 2017")."""
    if published is None:
        return False
    dates = find_dates(text, published)
    return bool(dates) and all(d.end < published - STALE for d in dates)


def meeting_kind(text: str, gazetteer: Gazetteer) -> tuple[str, re.Match[str]] | None:
    """The kind of meeting a sentence reports: the first pattern, in the vocabulary's order,
    with a match that is about no other meeting (nor the forum a meeting was on the sidelines of)."""
    found: list[tuple[str, re.Match[str]]] = []
    for kind, pattern in gazetteer.meeting_kinds:
        found += [(kind, m) for m in pattern.finditer(text)]
    # A name right after another meeting's ("host the 8th Session of the Joint Commission
    # (JC)") is of that meeting too.
    marked = [m.span() for _, m in found if is_about_other_meeting(text, m, gazetteer)]
    kept = [
        (kind, m)
        for kind, m in found
        if not any(s - 1 <= m.start() <= e + 40 for s, e in marked)
        and not (kind == "other" and _SIDELINES.search(text[max(0, m.start() - 60) : m.start()]))
    ]
    if not kept:
        return None
    kind, m = kept[0]
    # "paid a state visit ... welcomed the work of the Joint Commission": a summit, unless
    # the commission's session is what is named ("on the occasion of the 5th Session of").
    summit = next((k for k in kept if k[0] == "summit"), None)
    if (
        kind == "commission_session"
        and summit
        and not _NAMED_SESSION.search(text)
        and raw_ordinal(text, gazetteer) is None
    ):
        return summit
    return kind, m


def is_about_other_meeting(text: str, mention: re.Match[str], gazetteer: Gazetteer) -> bool:
    """True when the mention is of the next, previous or another earlier meeting.

    The words before the mention, its last words and the few after it are read;
    the middle of a long mention ("Minister X agreed to convene ... during their
    meeting") belongs to the sentence, not to the meeting named.
    """
    window = (
        text[max(0, mention.start() - 60) : mention.start()]
        + text[max(mention.start(), mention.end() - 40) : mention.end() + 20]
    )
    return bool(gazetteer.other_meeting_markers.search(window))


_WEEKDAY_OR_MONTH = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|"
    r"May|June|July|August|September|October|November|December)\b"
)
# "on Trade, Economic, Scientific and Technical Cooperation", "for the Comprehensive Review of
# Bilateral Issues"; not "on Monday".
_NAME_WORD = rf"(?!{_WEEKDAY_OR_MONTH})[A-Z][\w’'-]*"
_NAME_TAIL = re.compile(
    rf"\s+(?:on|for)\s+(?:the\s+)?(?:{_NAME_WORD}|and|,\s*)"
    rf"(?:\s*(?:{_NAME_WORD}|and|,|(?:of|the)(?=\s+[A-Z])))*"
)


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
    tail = _NAME_TAIL.match(rest[skip:])
    name = text[start:end]
    if tail:
        tail_text = tail.group(0).rstrip(" ,")
        # "... on Trade and Economic Cooperation, Alexander Novak": a list ends with "and".
        last = tail_text.rfind(",")
        if last > 0 and " and " not in tail_text[last:]:
            tail_text = tail_text[:last]
        tail_text = re.sub(r"\s+(?:and|the|of)$", "", tail_text)
        name += tail_text
        end = end + skip + len(tail_text)
    elif acronym:
        end += skip
    if len(name.split()) < 2:
        return None
    return re.sub(r"\s+", " ", name), (start + offset, end + offset)


def find_meeting(
    sentences: list[Sentence],
    doc_text: str,
    gazetteer: Gazetteer,
    places: PlaceFinder,
    published: dt.date | None,
    skip: set[int],
) -> MeetingFacts | None:
    """The meeting the document reports, from its first meeting mentions; None if none.

    When every mention is of a meeting still to come (a preview), the facts are
    returned with ``preview`` set: the document reports no meeting, and that one
    is its next meeting.
    """
    vocabulary = meeting_vocabulary()
    mentions: list[tuple[Sentence, str, re.Match[str]]] = []
    for sentence in sentences:
        if sentence.index in skip:
            continue
        found = meeting_kind(sentence.text, gazetteer)
        if found and not _is_history(sentence.text, published):
            mentions.append((sentence, found[0], found[1]))
    if not mentions:
        return None
    tensed = [
        s for s, _, _ in mentions if vocabulary.is_future(s.text) or vocabulary.has_happened(s.text)
    ]
    preview = bool(tensed) and vocabulary.is_future(tensed[0].text)
    happened = any(vocabulary.has_happened(s.text) for s in tensed)
    kind = mentions[0][1]
    # A session of a commission outranks a later mention of its forum or working group.
    lead = [m for m in mentions if m[0].index <= mentions[0][0].index + 2]
    if any(k == "commission_session" for _, k, _ in lead) and kind in {"other"}:
        kind = "commission_session"
    # "Their meeting came on the occasion of the fourth edition of the Political Committee
    # under the High-Level Joint Committee": the ministers' meeting is that body's.
    occasion = next(
        (k for s, k, m in lead[1:] if _OCCASION.search(s.text[: m.start()]) and k in _BODIES), None
    )
    if kind in {"ministerial_meeting", "other"} and occasion:
        kind = occasion
    related = {kind} | ({"commission_session", "working_group"} if kind != "other" else set())
    mentions = [m for m in mentions if m[1] in related]
    meeting_sentences = [s for s, _, _ in mentions]

    names = [n for s, _, _ in mentions if (n := commission_name(s.text, s.start))]
    # The name that says whose commission it is ("U.S.-Mexico Binational Commission")
    # beats a bare heading ("Binational Commission"); the fullest such name wins.
    named = [n for n in names if len(places.countries_in(n[0])) >= 2]
    name_found = max(named, key=lambda n: len(n[0])) if named else None
    name_found = name_found or (names[0] if names else None)
    if name_found is None:
        for sentence in sentences:
            if sentence.index not in skip:
                name_found = commission_name(sentence.text, sentence.start)
                if name_found and re.search(r"Commission|Council", name_found[0]):
                    break
                name_found = None
    name = name_found[0] if name_found else None
    parties = _parties(name, [*sentences[:8], *meeting_sentences], places)
    if len(parties) < 2:
        return None
    if kind not in {"commission_session", "working_group"} and not (
        name and re.search(r"co-?chair", " ".join(s.text for s in meeting_sentences), re.I)
    ):
        name = name if kind == "ministerial_meeting" else None

    content = [s for s in sentences if s.index not in skip]
    # Not a sentence about a coming meeting ("the fifth meeting, scheduled for next year").
    opening = [
        s for s in content[:6] if s not in meeting_sentences and not vocabulary.is_future(s.text)
    ]
    ordinal = None
    for sentence in [*meeting_sentences, *opening]:
        ordinal = find_ordinal(sentence.text, gazetteer)
        if ordinal:
            break
    if ordinal is not None and not happened:
        # "the upcoming 19th meeting" under a headline on the 19th: a preview.
        preview = preview or any(is_coming(s, ordinal, gazetteer, vocabulary) for s in sentences)
    preview = preview and not happened
    if (
        ordinal is not None
        and happened
        and any(is_coming(s, ordinal, gazetteer, vocabulary) for s in sentences)
    ):
        # "ahead of the 15th session ... the 15th session is due to be held in June": that
        # number is the next meeting's, not the one reported.
        ordinal = None
    if ordinal is not None:
        # Another sentence naming the same numbered meeting ("the 26th summit took place in
        # Tehran"); in a preview, also one about it as coming ("will head to Russia for the 16th").
        same = raw_ordinal if preview else find_ordinal
        meeting_sentences += [
            s for s in content if s not in meeting_sentences and same(s.text, gazetteer) == ordinal
        ]
        meeting_sentences.sort(key=lambda s: s.index)
    around = [
        s
        for s in content
        if s not in meeting_sentences
        and _SESSION_WORD.search(s.text)
        and not gazetteer.other_meeting_markers.search(s.text)
    ]
    start, end = meeting_dates(
        [meeting_sentences, around, content[:3]],
        masked_text(doc_text, places),
        published,
        vocabulary,
        preview,
    )
    venue = find_venue(
        meeting_sentences,
        content,
        doc_text,
        places,
        parties,
        name_found[1] if name_found else None,
        gazetteer,
        vocabulary,
        preview=preview,
    )
    return MeetingFacts(
        kind=kind,
        commission=Commission(name=name, parties=parties),
        ordinal=ordinal,
        start=start,
        end=end,
        venue=venue,
        sentences=meeting_sentences,
        commission_span=name_found[1] if name_found else None,
        preview=preview,
    )


def _parties(name: str | None, sentences: list[Sentence], places: PlaceFinder) -> list[str]:
    parties = places.countries_in(name) if name else []
    if len(parties) >= 2:
        return parties[:2]
    counts: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    for sentence in sentences:
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


def meeting_evidence(facts: MeetingFacts) -> list[Evidence]:
    """The first sentences that name the meeting, as its evidence."""
    spans = []
    for sentence in facts.sentences[:3]:
        spans.append(Evidence(text=sentence.text, start=sentence.start, end=sentence.end))
    return spans
