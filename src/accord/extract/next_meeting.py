"""The next session or meeting announced in the document."""

from __future__ import annotations

import datetime as dt
import re

from accord.core.records import Evidence, NextMeeting
from accord.extract.dates import find_dates, find_due
from accord.extract.gazetteer import Gazetteer
from accord.extract.meeting import MeetingFacts, commission_name
from accord.extract.ordinals import ORDINAL, ordinal_value
from accord.extract.places import PlaceFinder
from accord.extract.sentences import Sentence

NEXT_CUE = re.compile(
    r"\b(?:next|following|subsequent|upcoming|forthcoming)\s+(?:\w+\s+|(?-i:[a-z]+-[a-z]+)\s+){0,3}?(?:session|meeting|round|sitting|"
    r"edition|forum|summit|talks|IGC|JCC|JEC|JMC|JETCO|JCBC|commission)\b|"
    r"\b(?:will|would|shall|to) (?:next )?meet again\b|\bwill next meet\b|"
    r"\bprepar(?:e|ing|ations?) for (?:the )?(?:\d{1,3}(?:st|nd|rd|th)|\w+th)\b|"
    r"\b(?:will|to) (?:travel|head|go|fly|leave) (?:to|for) [A-Z][^.;]{0,40}?\bfor the "
    r"(?:\d{1,3}(?:st|nd|rd|th)|\w+th)\b|"
    r"\b(?:session|meeting|summit) to be held\b|"
    r"\binvitation to (?:make|pay) (?:a |an )?(?:return |reciprocal )?(?:state |official )?visit\b|"
    r"\b(?:hold|convene|host|organi[sz]e)\s+(?:the\s+)?(?:\d{1,3}(?:st|nd|rd|th)|\w+th|\w+(?:first|second|third))\s+(?:\w+\s+){0,2}?(?:session|meeting|round)\b|"
    r"\b(?:\d{1,3}(?:st|nd|rd|th)|\w+th|second|third|first)\s+(?:[\w\-–]+,?\s+){0,10}?(?:(?:will|would|(?:is|are) (?:scheduled|expected|due|set|to be)|shall)\s+(?:to\s+)?(?:be\s+)?(?:held|take place|convene|meet|hosted)|scheduled (?:for|to))",
    re.IGNORECASE,
)


_SESSION_AFTER = re.compile(
    r"\s+(?:\(?[\w’'–-]+\)?\s+){0,8}?(?:session|meeting|sitting|round|commission|committee|"
    r"council|IGC|JEC|JCC|JTC|JMC)\b",
    re.IGNORECASE,
)
_SAYS_NEXT = re.compile(
    r"\b(?:next|following|subsequent)\s+(?:\w+\s+){0,2}?(?:session|meeting|sitting|round)\b", re.I
)
# An announcement says that the meeting will happen, not just that one is coming.
HOLD = re.compile(
    r"\b(?:will|shall|would|to be|is (?:expected|due|scheduled|set|planned|slated)|are (?:expected|due|"
    r"scheduled)|scheduled|slated|hold|holding|convene|take place|venue|host|meet again|next meet|"
    r"visit)\b",
    re.IGNORECASE,
)
NOT_SET = re.compile(
    r"\bno (?:date|venue|decision)\b|\bnot (?:yet )?(?:been )?(?:set|fixed|decided|agreed)\b", re.I
)


def find_next_meeting(
    sentences: list[Sentence],
    gazetteer: Gazetteer,
    places: PlaceFinder,
    published: dt.date | None,
    current_ordinal: int | None,
) -> tuple[NextMeeting | None, int | None]:
    """The announced next meeting and the index of the sentence announcing it.

    Of the sentences that announce one, the one that says most (ordinal, place,
    time) wins; a bare heading such as "Next session." says least.
    """
    best: tuple[int, NextMeeting, int] | None = None
    for sentence in sentences:
        text = sentence.text
        cue = NEXT_CUE.search(text)
        if cue is None or not HOLD.search(text) or NOT_SET.search(text):
            continue
        named = [
            ordinal_value(m) for m in ORDINAL.finditer(text) if _SESSION_AFTER.match(text, m.end())
        ]
        if current_ordinal is not None and named and max(named) <= current_ordinal:
            # "hold 16th Joint Committee meeting": the session reported, not the next one.
            continue
        explicit = None
        for m in ORDINAL.finditer(text):
            value = ordinal_value(m)
            if current_ordinal is None or value > current_ordinal:
                explicit = value
                break
        # "The next session" implies no number the text does not give.
        ordinal = explicit
        if ordinal is not None and current_ordinal is not None and ordinal <= current_ordinal:
            continue
        city, country = _where(text, places)
        when = _when(text, published, cue.start())
        # "The next session" says it is the next meeting; "the third round" may be of other talks.
        score = (
            (explicit is not None)
            + (city is not None)
            + (country is not None)
            + (when is not None)
            + 2 * bool(_SAYS_NEXT.search(text))
        )
        evidence = Evidence(text=text, start=sentence.start, end=sentence.end)
        found = NextMeeting(
            ordinal=ordinal, city=city, country=country, when=when, evidence=evidence
        )
        if best is None or score > best[0]:
            best = (score, found, sentence.index)
    if best is None:
        return None, None
    return best[1], best[2]


def next_from_preview(facts: MeetingFacts, announced: NextMeeting | None) -> NextMeeting:
    """The meeting a preview is about, as the next meeting; what an announcing sentence
    found (``announced``) is kept, and its gaps filled from the preview."""
    first = facts.sentences[0]
    from_preview = NextMeeting(
        ordinal=facts.ordinal,
        city=facts.venue.city,
        country=facts.venue.country,
        when=facts.start.isoformat() if facts.start else None,
        evidence=Evidence(text=first.text, start=first.start, end=first.end),
    )
    if announced is None:
        return from_preview
    if None not in (announced.ordinal, facts.ordinal) and announced.ordinal != facts.ordinal:
        return announced
    return announced.model_copy(
        update={
            "ordinal": announced.ordinal or from_preview.ordinal,
            "city": announced.city or from_preview.city,
            "country": announced.country or from_preview.country,
            "when": announced.when or from_preview.when,
        }
    )


def _where(text: str, places: PlaceFinder) -> tuple[str | None, str | None]:
    name = commission_name(text)
    skip = name[1] if name else (0, 0)
    for m in re.finditer(
        r"\b(?:in|at|to)\s+(?:the\s+)?(?:city of\s+)?(?:(?:[A-Z]\w+\s+)*?(?:Republic|Kingdom|State|"
        r"Sultanate|Federation)\s+of\s+(?:the\s+)?)?(?P<place>[A-Z][\w’'.-]+(?:\s+(?:es\s+)?[A-Z][\w’'.-]+){0,2})",
        text,
    ):
        if skip[0] <= m.start("place") < skip[1]:
            continue
        for place in places.find(m.group("place")):
            if place.start != 0:
                continue
            if place.kind in {"capital", "city"}:
                return place.name, place.iso3
            if place.kind == "country":
                return None, place.iso3
    return None, None


_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
# "will head to Russia on Monday": the coming Monday.
_ON_WEEKDAY = re.compile(rf"\bon (?:next )?(?P<day>{'|'.join(_WEEKDAYS)})\b")
_SEASON_OF_YEAR = re.compile(
    r"\b(?:in|during|by)\s+(?:the\s+)?(?:(?:first|second) half|(?:first|second|third|fourth|last) quarter|"
    r"spring|summer|autumn|fall|winter|beginning|end|middle|start)\s+of\s+(?P<y>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)


def _when(text: str, published: dt.date | None, cue: int = 0) -> str | None:
    """When the next meeting is due, as precise as the text: a day, a month, or a year.

    A day written before the words that announce the meeting ("officials met on 4 March
    ahead of the session to be held on 7 March") is another meeting's.
    """
    cleaned = ORDINAL.sub(lambda m: " " * len(m.group(0)), text)
    cleaned = " " * cue + cleaned[cue:]
    season = _SEASON_OF_YEAR.search(cleaned)
    if season:
        return season.group("y")
    dates = find_dates(cleaned, published)
    if dates:
        first = dates[0].start
        written = cleaned[dates[0].span[0] : dates[0].span[1]]
        if published and first < published and not re.search(r"\b(?:19|20)\d\d\b", written):
            # "will meet on 20 January", announced in December: next year's January.
            first = (
                first.replace(year=first.year + 1) if (first.month, first.day) != (2, 29) else first
            )
        return first.isoformat()
    weekday = _ON_WEEKDAY.search(cleaned)
    if weekday and published:
        index = _WEEKDAYS.index(weekday.group("day"))
        return (
            published + dt.timedelta(days=(index - published.weekday() - 1) % 7 + 1)
        ).isoformat()
    month_year = re.search(
        r"\b(?:in|during|by)\s+(?:early |mid-|late )?(?P<m>January|February|March|April|May|June|July|August|September|October|November|December),?\s+(?P<y>(?:19|20)\d\d)\b",
        cleaned,
    )
    if month_year:
        months = [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ]
        return f"{month_year.group('y')}-{months.index(month_year.group('m').lower()) + 1:02d}"
    year = re.search(
        r"\b(?:in|during|by)\s+(?:early |mid-|late |the end of )?(?P<y>(?:19|20)\d\d)\b", cleaned
    )
    if year:
        return year.group("y")
    return find_due(cleaned, published)
