"""Metadata as each source gave it, and the rule that merges the sources into one answer."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from accord.ingest.date_phrases import PartialDate


@dataclass(frozen=True)
class FoundMetadata:
    """What one source (options, front matter, page markup, the text) says about a document.

    ``published`` is a date only when the source gave a complete one; a year or a month
    and day given alone are kept in ``partial`` so that two sources can complete each other.
    """

    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None
    partial: PartialDate | None = None
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class ResolvedMetadata:
    title: str | None
    outlet: str | None
    url: str | None
    published: dt.date | None


def clean_value(value: str | None) -> str | None:
    """A metadata string with surrounding and repeated whitespace removed; None when blank."""
    if value is None:
        return None
    cleaned = " ".join(value.split())
    return cleaned or None


def resolve_metadata(layers: Sequence[FoundMetadata]) -> ResolvedMetadata:
    """Merge sources, strongest first: each field takes the first source that has it.

    A published date no source gives whole is assembled from a month and day (a
    dateline's "Dec 1") and a year, when some source gives each; otherwise it stays
    unknown rather than guessed.
    """
    published = next((m.published for m in layers if m.published is not None), None)
    if published is None:
        partials = [m.partial for m in layers if m.partial is not None]
        year = next((p.year for p in partials if p.year is not None), None)
        month_day = next((p for p in partials if p.month is not None and p.day is not None), None)
        if month_day is not None:
            published = PartialDate(year, month_day.month, month_day.day).full()
    return ResolvedMetadata(
        title=next((m.title for m in layers if m.title), None),
        outlet=next((m.outlet for m in layers if m.outlet), None),
        url=next((m.url for m in layers if m.url), None),
        published=published,
    )
