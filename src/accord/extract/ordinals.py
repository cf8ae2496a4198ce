"""Ordinals of sessions: "the 10th session", "the twenty-first meeting", "21st JEC".

An ordinal counts when a session noun follows it; one of another meeting ("to
host the 8th session", "preceded the 4th Session"), someone's ("their first
meeting since") or a rank ("First Deputy Prime Minister") does not.
"""

from __future__ import annotations

import re

from accord.extract.gazetteer import Gazetteer
from accord.extract.meeting_vocabulary import MeetingVocabulary
from accord.extract.sentences import Sentence

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


def ordinal_value(m: re.Match[str]) -> int:
    if m.group("num"):
        return int(m.group("num"))
    if m.group("tens"):
        return {"twenty": 20, "thirty": 30}[m.group("tens").lower()] + WORD_ORDINALS[
            m.group("unit").lower()
        ]
    return WORD_ORDINALS[m.group("word").lower()]


# "First Deputy Prime Minister": a rank, not an ordinal.
_RANK = re.compile(r"\s+(?:Deputy|Vice)\b")
# "the officials' meeting that preceded the 4th Session": the session is another meeting.
_BEFORE_IT = re.compile(
    r"\b(?:preceded|ahead of|prior to|in preparation for|prepar(?:e|ing|ations?) for)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_POSSESSIVE = re.compile(r"\b(?:their|his|her|its|our|my)\s+$", re.IGNORECASE)


def find_ordinal(text: str, gazetteer: Gazetteer) -> int | None:
    """The ordinal of a session mention: "the 10th session", "tenth meeting of the IGC".

    An ordinal of another meeting ("the previous 9th session", "to host the 8th
    session") or of someone's ("their first meeting since") does not count.
    """
    nouns = "|".join(re.escape(n) for n in gazetteer.session_nouns)
    for m in ORDINAL.finditer(text):
        after = text[m.end() : m.end() + 120]
        noun = re.match(rf"\s+(?:\(?[\w’'–-]+\)?\s+){{0,8}}?(?:{nouns})\b", after, re.IGNORECASE)
        if noun is None or _RANK.match(after):
            continue
        value = ordinal_value(m)
        before = text[max(0, m.start() - 50) : m.start()]
        window = before + m.group(0) + after[: noun.end() + 25]
        if (
            (value == 1 and _POSSESSIVE.search(before))
            or _BEFORE_IT.search(before)
            or gazetteer.other_meeting_markers.search(window)
        ):
            continue
        if 0 < value < 200:
            return value
    return None


_COMING = re.compile(
    r"\b(?:be held|take place|convene|scheduled|due|upcoming|forthcoming|prepar\w+)\b", re.I
)


def is_coming(
    sentence: Sentence, ordinal: int, gazetteer: Gazetteer, vocabulary: MeetingVocabulary
) -> bool:
    """A sentence about the numbered meeting as still to be held ("the 15th session is due
    to be held in June")."""
    text = sentence.text
    return (
        vocabulary.is_future(text)
        and bool(_COMING.search(text))
        and raw_ordinal(text, gazetteer) == ordinal
    )


def raw_ordinal(text: str, gazetteer: Gazetteer) -> int | None:
    """The first ordinal of a session in ``text``, whichever meeting it is of."""
    nouns = "|".join(re.escape(n) for n in gazetteer.session_nouns)
    for m in ORDINAL.finditer(text):
        if re.match(rf"\s+(?:\(?[\w’'–-]+\)?\s+){{0,8}}?(?:{nouns})\b", text[m.end() :], re.I):
            return ordinal_value(m)
    return None
