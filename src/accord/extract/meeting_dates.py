"""When the reported meeting was held, from the sentences that name it.

News dates a meeting in many ways: a range ("Nov 25-27"), a day ("on 9 January
2024"), a weekday relative to publication ("on Tuesday", "Tuesday said"),
"today" or "yesterday", or a day with a length ("the three-day session
concluded on Thursday"). A day that opens or closes the meeting is its start or
end only. Dates of other events in the same sentences are left out: history
("established in 1994", "signed Nov. 2, 1992"), an earlier visit, or a date long
before publication.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from accord.extract.dates import DateMention, find_dates
from accord.extract.meeting_vocabulary import MeetingVocabulary
from accord.extract.places import PlaceFinder
from accord.extract.sentences import Sentence
from accord.extract.venue import find_dateline
from accord.ingest import read_text_metadata

_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_WEEKDAY = re.compile(rf"\b(?P<day>{'|'.join(_WEEKDAYS)})\b")
# "IRIB reported on Tuesday": the day of the report, not of the meeting.
_REPORTED = re.compile(
    r"\b(?:reported|said|told|announced|stated|quoted|wrote|added)\s+(?:\w+\s+)?(?:on\s+|late\s+)?$",
    re.IGNORECASE,
)
_RELATIVE = re.compile(
    r"\b(?P<word>today|tonight|this (?:morning|afternoon|evening)|yesterday)\b", re.I
)
_N = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
_MULTI_DAY = re.compile(
    r"\b(?P<n>one|two|three|four|five|[1-5])[- ]day\b|"
    r"\b(?:over|after|in) (?:these |the |those )?(?P<over>two|three|four|five|[2-5]) days\b|"
    r"\b(?P<of>two|three|four|five|[2-5]) days of (?:talks|meetings|deliberations|discussions)\b",
    re.IGNORECASE,
)
# "opened on 24 November and closed the following day"
_NEXT_DAY_CLOSE = re.compile(
    r"\b(?:closed|ended|concluded|wrapped up) (?:on )?the (?:following|next) day\b", re.IGNORECASE
)
_CLOSING = re.compile(
    r"\b(?:concluded|concludes|ended|ends|closed|closes|wrapped up|closing (?:ceremony|session|day|remarks)|"
    r"(?:at|on) the (?:conclusion|close|end) of)\b",
    re.IGNORECASE,
)
_OPENING = re.compile(
    r"\b(?:open|opened|opens|begin|began|begins|begun|started|starts|commence|commenced|commences|"
    r"kicked off|kicks off|opening (?:ceremony|session|day))\b",
    re.IGNORECASE,
)
# "A forum ... has begun in Baku": under way on the day of publication.
_UNDER_WAY = re.compile(
    r"\b(?:has|have) (?:begun|opened|started|kicked off|got under ?way)\b|\b(?:is|are) under ?way\b",
    re.IGNORECASE,
)
# A line near the top that is only a date: the page's, not the meeting's.
_DATE_ONLY_LINE = re.compile(
    r"^[ \t]*(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?[ \t]*)?"
    r"(?:\d{1,2}(?:st|nd|rd|th)?[ \t]+[A-Z][a-z]+\.?|[A-Z][a-z]+\.?[ \t]+\d{1,2}(?:st|nd|rd|th)?)"
    r",?[ \t]+\d{4}[\d \t,:\-–|APMapm()UTC+.]*$",
    re.MULTILINE,
)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_DATE_LABEL = re.compile(r"^\s*date\s+\d{4}-\d\d-\d\d\b", re.IGNORECASE)
# A date more than this long before publication is another event's.
STALE = dt.timedelta(days=180)

Span = tuple[dt.date | None, dt.date | None]


def masked_text(doc_text: str, places: PlaceFinder) -> str:
    """The text with its date label and dateline blanked, so their dates are not the meeting's."""
    masked = doc_text
    label = _DATE_LABEL.match(masked)
    if label:
        masked = " " * label.end() + masked[label.end() :]
    dateline = read_text_metadata(doc_text[:2000]).dateline
    if dateline is not None:
        masked = (
            masked[: dateline.start]
            + " " * (dateline.end - dateline.start)
            + masked[dateline.end :]
        )
    for line in _DATE_ONLY_LINE.finditer(masked[:1500]):
        masked = masked[: line.start()] + " " * (line.end() - line.start()) + masked[line.end() :]
    found = find_dateline(masked, places)
    if found:
        _, start, end = found
        masked = masked[:start] + " " * (end - start) + masked[end:]
    return masked


def meeting_dates(
    tiers: Sequence[Sequence[Sentence]],
    masked: str,
    published: dt.date | None,
    vocabulary: MeetingVocabulary,
    preview: bool = False,
) -> Span:
    """The meeting's start and end: an explicit range in the first two tiers of sentences
    (those that name the meeting, then those around it), else the first dated sentence."""
    # "The one-day forum": a length said once holds for every sentence about the meeting.
    days = next((d for s in tiers[0] if (d := _length(s.text))), None) if tiers else None
    found = [
        [
            f
            for s in tier
            if (f := _sentence_dates(masked[s.start : s.end], published, vocabulary, days, preview))
        ]
        for tier in tiers
    ]
    for dated in found[:2]:
        ranges = [f for f in dated if f[2]]
        if ranges:
            return ranges[0][0], ranges[0][1]
    for dated in found:
        if dated:
            return dated[0][0], dated[0][1]
    if published is not None and not preview and len(tiers) > 2:
        # "Minister X Thursday said the market was expected to open": the lead's day is the
        # meeting's even when the lead goes on about the future.
        for sentence in tiers[2]:
            text = masked[sentence.start : sentence.end]
            day = (
                None
                if vocabulary.history_sentence.search(text)
                else _relative_day(text, published, False)
            )
            if day is not None:
                return day, day
    return None, None


def _sentence_dates(
    text: str,
    published: dt.date | None,
    vocabulary: MeetingVocabulary,
    days: int | None,
    preview: bool,
) -> tuple[dt.date | None, dt.date | None, bool] | None:
    """The span a sentence gives, and whether it was written as a range; None if none.

    In a report of a meeting held, a sentence about the future dates something else.
    """
    if vocabulary.history_sentence.search(text):
        return None
    future = vocabulary.is_future(text)
    if future and not preview:
        return None
    for mention in find_dates(text, published):
        before = text[max(0, mention.span[0] - 60) : mention.span[0]]
        first, last = _in_right_year(mention, text, published, future)
        if vocabulary.history_before_date.search(before) or _is_other_event(
            first, last, published, future
        ):
            continue
        if first != last:
            return first, last, True
        start, end = _shape(first, text, days)
        return start, end, False
    if published is None:
        return None
    day = _relative_day(text, published, future)
    if day is None:
        return None
    start, end = _shape(day, text, days)
    return start, end, False


def _in_right_year(
    mention: DateMention, text: str, published: dt.date | None, future: bool
) -> tuple[dt.date, dt.date]:
    """A day written without a year takes the publication's, except across the new year:
    a December meeting reported in January was last year's, a January one previewed in
    December is next year's."""
    start, end = mention.start, mention.end
    if published is None or _YEAR.search(text[mention.span[0] : mention.span[1]]):
        return start, end
    shift = 0
    if not future and start > published + dt.timedelta(days=1):
        shift = -1
    elif future and end < published - dt.timedelta(days=1):
        shift = 1
    if shift == 0:
        return start, end
    try:
        return start.replace(year=start.year + shift), end.replace(year=end.year + shift)
    except ValueError:  # 29 February
        return start, end


def _is_other_event(start: dt.date, end: dt.date, published: dt.date | None, future: bool) -> bool:
    """A date long before publication, or after it in a report, is another event's."""
    if published is None:
        return False
    if end < published - STALE:
        return True
    # A report of a meeting held does not date it after publication.
    return start > published + dt.timedelta(days=1) and not future


def _relative_day(text: str, published: dt.date, future: bool) -> dt.date | None:
    if _UNDER_WAY.search(text):
        return published
    relative = _RELATIVE.search(text)
    if relative:
        word = relative.group("word").lower()
        return published - dt.timedelta(days=1) if word == "yesterday" else published
    weekday = next(
        (w for w in _WEEKDAY.finditer(text) if not _REPORTED.search(text[: w.start()])), None
    )
    if weekday is None:
        return None
    index = _WEEKDAYS.index(weekday.group("day"))
    if future:
        return published + dt.timedelta(days=(index - published.weekday() - 1) % 7 + 1)
    return published - dt.timedelta(days=(published.weekday() - index) % 7)


def _shape(day: dt.date, text: str, known_days: int | None) -> Span:
    """One day as the meeting's span: the last of N days when it closed, the first when it opened."""
    days = _length(text) or known_days
    if _NEXT_DAY_CLOSE.search(text):
        return day, day + dt.timedelta(days=1)
    if _CLOSING.search(text):
        return (day - dt.timedelta(days=days - 1) if days else None), day
    if _OPENING.search(text):
        return day, (day + dt.timedelta(days=days - 1) if days else None)
    return day, day


def _length(text: str) -> int | None:
    multi = _MULTI_DAY.search(text)
    if multi is None:
        return None
    n = multi.group("n") or multi.group("over") or multi.group("of")
    return int(n) if n.isdigit() else _N[n.lower()]
