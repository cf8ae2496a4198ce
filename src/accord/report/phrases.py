"""How the reports word things: dates, places, labels and citations, alike in every format.

The Markdown and HTML templates use these as filters and the DOCX writer
calls them directly, so a date or a citation reads the same everywhere.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Sequence

from accord.store.citations import Citation
from accord.store.organisations import OrganisationRow
from accord.store.owners import OwnerRow
from accord.store.sessions import SessionRow
from accord.track.names import country_names

SECTOR_LABELS = {
    "general": "General",
    "trade": "Trade",
    "finance": "Finance",
    "energy": "Energy",
    "transport": "Transport and logistics",
    "industry": "Industry",
    "agriculture": "Agriculture",
    "health": "Health",
    "science_tech": "Science and technology",
    "education": "Education",
    "culture": "Culture",
    "emergency": "Emergencies",
    "environment": "Environment and water",
    "regulation": "Regulation and standards",
    "security": "Security",
}
STATUS_LABELS = {
    "no_evidence": "no evidence",
    "not_started": "not started",
    "in_progress": "in progress",
    "completed": "completed",
    "stalled": "stalled",
    "dropped": "dropped",
}
KIND_LABELS = {
    "mou": "MoU",
    "agreement": "Agreement",
    "protocol": "Protocol",
    "programme": "Programme",
    "contract": "Contract",
    "roadmap": "Roadmap",
    "declaration": "Declaration",
    "other": "Document",
}


def date_text(value: dt.date | None) -> str:
    """``28 November 2025``; empty when unknown."""
    return f"{value.day} {calendar.month_name[value.month]} {value.year}" if value else ""


def dates_text(start: dt.date | None, end: dt.date | None) -> str:
    """A meeting's dates: ``25–27 November 2025``, ``30 June – 2 July 2025`` or one date."""
    if start is None or end is None or start == end:
        return date_text(start or end) or "dates not reported"
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{date_text(end)}"
    if start.year == end.year:
        return f"{start.day} {calendar.month_name[start.month]} – {date_text(end)}"
    return f"{date_text(start)} – {date_text(end)}"


def partial_date_text(value: str | None) -> str:
    """A partial ISO date as words: ``2026``, ``September 2026``, ``31 March 2026``."""
    if not value:
        return ""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return str(parts[0])
    if len(parts) == 2:
        return f"{calendar.month_name[parts[1]]} {parts[0]}"
    return date_text(dt.date(*parts))


def country_name(code: str | None) -> str:
    if not code:
        return ""
    return country_names().get(code, code)


def place_text(city: str | None, country: str | None) -> str:
    """``Tashkent, Uzbekistan``, or whichever of the two is known."""
    return ", ".join(p for p in (city, country_name(country)) if p)


def ordinal_text(number: int | None) -> str:
    if number is None:
        return ""
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"


def session_title(facts: SessionRow) -> str:
    """``20th session of the Kazakhstan–Uzbekistan Intergovernmental Commission ...``."""
    body = facts.commission or " – ".join(country_name(p) for p in facts.parties) or "meeting"
    if facts.ordinal:
        return f"{ordinal_text(facts.ordinal)} session of the {body}"
    return body


def sector_label(sector: str) -> str:
    return SECTOR_LABELS.get(sector, sector.replace("_", " ").capitalize())


def status_label(status: str) -> str:
    return STATUS_LABELS.get(status, status.replace("_", " "))


def kind_label(kind: str) -> str:
    return KIND_LABELS.get(kind, kind.capitalize())


def organisations_text(rows: Sequence[OrganisationRow]) -> str:
    return "; ".join(row.label for row in rows)


def owners_text(owners: Sequence[OwnerRow]) -> str:
    return "; ".join(owner.name for owner in owners)


def file_name(source: str) -> str:
    """The last part of a stored source path or URL (the folder it was read from is not shown)."""
    return source.rstrip("/").rsplit("/", 1)[-1]


def source_label(citation: Citation) -> str:
    """Where a quote comes from: ``Dawn, “Title”, 28 November 2025`` (the file when nothing else)."""
    parts = [p for p in (citation.outlet, citation.title) if p]
    if not parts:
        parts = [file_name(citation.source)]
    if citation.published:
        parts.append(date_text(citation.published))
    return ", ".join(parts)


def percent_text(value: float | None) -> str:
    """``62.5%``; a dash when nothing was scored."""
    return "–" if value is None else f"{value:.1f}%".replace(".0%", "%")


def one_line(text: str) -> str:
    """Text with its line breaks and runs of spaces folded into single spaces."""
    return " ".join(text.split())
