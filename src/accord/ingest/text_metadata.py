"""Metadata a document states in its own text: a date line, a dateline, a publication line.

Recognised only where such things stand (the first and last few lines), by pattern;
the word lists come from ``data/metadata_patterns.yaml``. Examples:

- ``" date 2025-11-28"``, ``"Date: 28 November 2025"`` at the very start: the published date;
- a dateline, ``"ISLAMABAD, Dec 1 (APP):"``, ``"MOSCOW, March 3 (Reuters) -"``,
  ``"TASHKENT, 12 March 2026 —"``, ``"ISLAMABAD:"``: its date, when it has a year, and its
  wire agency as the outlet; a month and day alone wait for a year from elsewhere;
- ``"Published in Dawn, November 28th, 2025"`` on a first or last line: outlet and date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from accord.ingest.date_phrases import DATE_PHRASE, PartialDate, parse_date_phrase
from accord.ingest.found_metadata import FoundMetadata
from accord.ingest.metadata_patterns import MetadataPatterns, metadata_patterns

# How many non-empty lines at each end of the text may hold a dateline or publication line.
EDGE_LINES = 3

_WORD = r"[A-Z][A-Za-z'.\-]*"
_DATELINE = re.compile(
    rf"""[ \t]*
    (?P<city>{_WORD}(?:[ \t]+{_WORD}){{0,3}})
    (?:,[ \t]*{_WORD}(?:[ \t]+{_WORD}){{0,2}})?          # a region: "KARACHI, Sindh, ..."
    (?:,?[ \t]+(?P<date>{DATE_PHRASE}))?
    (?:
        [ \t]*\((?P<agency>[^()\n]{{1,40}})\)(?:[ \t]*:|[ \t]+[-–—]{{1,2}})
      | \.?[ \t]*/(?P<slash_agency>[^/\n]{{1,40}})/\.?  # TASS: "MOSCOW, March 3. /TASS/."
      | [ \t]*:
      | [ \t]+[-–—]{{1,2}}
    )
    (?=\s|$)""",
    re.VERBOSE,
)
_OUTLET_WORD = r"[A-Z0-9][\w&'.\-]*"


@dataclass(frozen=True)
class Dateline:
    """The dateline opening a report: ``city`` is ``text[start:city_end]``; it ends at ``end``."""

    city: str
    start: int
    city_end: int
    end: int
    date: PartialDate | None
    agency: str | None


@dataclass(frozen=True)
class TextMetadata:
    """What the text says about itself; each field None when it says nothing."""

    published: dt.date | None
    partial: PartialDate | None
    outlet: str | None
    dateline: Dateline | None

    def found(self) -> FoundMetadata:
        return FoundMetadata(outlet=self.outlet, published=self.published, partial=self.partial)


def read_text_metadata(text: str, patterns: MetadataPatterns | None = None) -> TextMetadata:
    """Read the date line, the dateline and a publication line from the text's edges.

    ``patterns`` default to the shipped ``data/metadata_patterns.yaml``.
    """
    patterns = patterns or metadata_patterns()
    label_date, after_label = _date_label(text, patterns)
    dateline = _find_dateline(text, after_label, patterns)
    outlet, line_date = _publication_line(text, patterns)
    dates = [d for d in (label_date, line_date, dateline.date if dateline else None) if d]
    published = next((full for d in dates if (full := d.full()) is not None), None)
    year = next((d.year for d in dates if d.year is not None), None)
    month_day = next((d for d in dates if d.month is not None and d.day is not None), None)
    partial = None
    if month_day is not None:
        partial = PartialDate(year, month_day.month, month_day.day)
    elif year is not None:
        partial = PartialDate(year)
    if outlet is None and dateline is not None and dateline.agency is not None:
        outlet = patterns.agency_outlet(dateline.agency)
    if published is None and partial is not None:
        published = partial.full()
    return TextMetadata(published=published, partial=partial, outlet=outlet, dateline=dateline)


def _date_label(text: str, patterns: MetadataPatterns) -> tuple[PartialDate | None, int]:
    """A labelled date at the very start, and where the text after it begins."""
    match = _date_label_pattern(tuple(patterns.date_labels)).match(text)
    if match is None:
        return None, 0
    return parse_date_phrase(match["date"]), match.end()


def _find_dateline(text: str, after_label: int, patterns: MetadataPatterns) -> Dateline | None:
    starts = [after_label] if after_label else []
    starts += [start for start, _ in _first_lines(text, after_label)]
    for start in starts:
        match = _DATELINE.match(text, start)
        if match is not None:
            dateline = _dateline(match, patterns)
            if dateline is not None:
                return dateline
    return None


def _dateline(match: re.Match[str], patterns: MetadataPatterns) -> Dateline | None:
    city = match["city"]
    if city.casefold() in {word.casefold() for word in patterns.not_datelines}:
        return None
    date = parse_date_phrase(match["date"]) if match["date"] else None
    agency = match["agency"] or match["slash_agency"]
    agency = " ".join(agency.split()) if agency else None
    # A capitalised word before a colon is a dateline only in capitals, or with a date
    # or a known agency to show it is one.
    known_agency = agency is not None and patterns.agency_outlet(agency) is not None
    if city != city.upper() and date is None and not known_agency:
        return None
    return Dateline(
        city=city,
        start=match.start("city"),
        city_end=match.end("city"),
        end=match.end(),
        date=date,
        agency=agency,
    )


def _publication_line(
    text: str, patterns: MetadataPatterns
) -> tuple[str | None, PartialDate | None]:
    pattern = _publication_pattern(tuple(patterns.publication_leads))
    tail = [line for line in text.rstrip().rsplit("\n", 2 * EDGE_LINES)[1:] if line.strip()]
    lines = [line for _, line in _first_lines(text, 0)] + tail[-EDGE_LINES:]
    for line in lines:
        match = pattern.fullmatch(line)
        if match is not None:
            date = parse_date_phrase(match["date"]) if match["date"] else None
            return match["outlet"].rstrip("."), date
    return None, None


def _first_lines(text: str, start: int) -> list[tuple[int, str]]:
    """The first few non-empty lines from ``start``, with their offsets."""
    found: list[tuple[int, str]] = []
    for match in re.finditer(r"[^\n]*\S[^\n]*", text[start : start + 20_000]):
        found.append((start + match.start(), match.group()))
        if len(found) == EDGE_LINES:
            break
    return found


@cache
def _date_label_pattern(labels: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(
        rf"\s*(?i:{_alternatives(labels)})[ \t]*[:\-–—]?[ \t]*"
        rf"(?P<date>{DATE_PHRASE})(?![\w-])[ \t]*"
    )


@cache
def _publication_pattern(leads: tuple[str, ...]) -> re.Pattern[str]:
    word = rf"(?:{_OUTLET_WORD}|of|the|and|&)"
    return re.compile(
        rf"[ \t]*(?i:{_alternatives(leads)})[ \t]*:?[ \t]+"
        rf"(?P<outlet>(?:[Tt]he[ \t]+)?{_OUTLET_WORD}(?:[ \t]+{word}){{0,6}}?)"
        rf"(?:(?:,|[ \t]+on)[ \t]+(?P<date>{DATE_PHRASE}))?[ \t]*\.?[ \t]*"
    )


def _alternatives(words: tuple[str, ...]) -> str:
    """A regex alternation of words, longest first, whitespace matching any blank run."""
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(r"[ \t]+".join(map(re.escape, word.split())) for word in ordered)
