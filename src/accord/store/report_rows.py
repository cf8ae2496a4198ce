"""The rows the reports and exports read: items of the record with their citations.

Plain frozen dataclasses, filled by ``report_queries`` and rendered by
``accord.report``; every item carries the spans of the documents it was found in.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from accord.store.models import Document
from accord.store.tracking_queries import OwnerRow


@dataclass(frozen=True)
class Citation:
    """A quoted span of a source document, with what identifies the document."""

    document_key: str
    source: str
    title: str | None
    outlet: str | None
    published: dt.date | None
    url: str | None
    quote: str
    start: int
    end: int


def citation_of(document: Document, quote: str, start: int, end: int) -> Citation:
    """A citation of characters ``start:end`` (``quote``) of a stored document."""
    return Citation(
        document_key=document.key,
        source=document.source,
        title=document.title,
        outlet=document.outlet,
        published=document.published,
        url=document.url,
        quote=quote,
        start=start,
        end=end,
    )


@dataclass(frozen=True)
class SourceRow:
    """A document reporting a session."""

    document_key: str
    source: str
    title: str | None
    outlet: str | None
    published: dt.date | None
    url: str | None


@dataclass(frozen=True)
class OrganisationRow:
    name: str
    acronym: str | None
    country: str | None

    @property
    def label(self) -> str:
        return f"{self.name} ({self.acronym})" if self.acronym else self.name


@dataclass(frozen=True)
class SessionFacts:
    """A session's own facts: its commission, number, dates and venue."""

    id: int
    commission_id: int | None
    commission: str | None
    kind: str
    ordinal: int | None
    start: dt.date | None
    end: dt.date | None
    venue_city: str | None
    venue_country: str | None
    parties: list[str]
    citations: list[Citation] = field(default_factory=list)


@dataclass(frozen=True)
class CoChairRow:
    name: str
    post: str | None
    country: str | None
    citations: list[Citation]


@dataclass(frozen=True)
class AgreementItem:
    id: int
    session_id: int
    kind: str
    status: str
    subject: str | None
    parties: list[OrganisationRow]
    sectors: list[str]
    review_state: str
    citations: list[Citation]


@dataclass(frozen=True)
class CommitmentItem:
    id: int
    commission_id: int | None
    commission: str | None
    session_id: int
    ordinal: int | None
    session_start: dt.date | None
    text: str
    strength: str
    sectors: list[str]
    topics: list[str]
    actors: list[OrganisationRow]
    owners: list[OwnerRow]
    due: str | None
    status: str
    review_state: str
    confidence: float | None
    cue: str | None
    citations: list[Citation]


@dataclass(frozen=True)
class NextMeetingRow:
    """A next session announced at session ``session_id`` of ``commission``."""

    id: int
    session_id: int
    commission_id: int | None
    commission: str | None
    ordinal: int | None
    city: str | None
    country: str | None
    planned_for: str | None
    citations: list[Citation]


@dataclass(frozen=True)
class SessionRecord:
    """Everything recorded about one session."""

    facts: SessionFacts
    co_chairs: list[CoChairRow]
    agreements: list[AgreementItem]
    commitments: list[CommitmentItem]
    next_meeting: NextMeetingRow | None
    sources: list[SourceRow]


@dataclass(frozen=True)
class CommissionRecord:
    """A commission, its sessions in order, their commitments and the sessions they announced."""

    id: int
    name: str | None
    parties: list[str]
    aliases: list[str]
    sessions: list[SessionFacts]
    commitments: list[CommitmentItem]
    next_meetings: list[NextMeetingRow]


@dataclass(frozen=True)
class StatusEntry:
    """One dated status update of a commitment, with its evidence."""

    id: int
    commitment_id: int
    status: str
    as_of: dt.date
    author: str
    note: str | None
    evidence: Citation | None
    evidence_url: str | None


@dataclass(frozen=True)
class Restatements:
    """Confirmed restatements: where each commitment was made again, and which restate which.

    ``made_again[c]`` cites the later spans that restated commitment ``c``;
    ``restates[later]`` is the earlier commitment a later one was linked to.
    """

    made_again: dict[int, list[Citation]] = field(default_factory=dict)
    restates: dict[int, int] = field(default_factory=dict)
