"""The extraction record, `accord.extraction/1`, as typed models.

Everything that reads or writes extractions relies on this shape (see
``shared/spec/extraction.md``); fields are only ever added, as optional.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

SCHEMA: Literal["accord.extraction/1"] = "accord.extraction/1"

MeetingKind = Literal[
    "commission_session", "working_group", "summit", "ministerial_meeting", "other"
]
AgreementKind = Literal[
    "mou", "agreement", "protocol", "programme", "contract", "roadmap", "declaration", "other"
]
AgreementStatus = Literal["signed", "planned"]
Strength = Literal["decision", "intention", "exploration"]
Sector = Literal[
    "general",
    "trade",
    "finance",
    "energy",
    "transport",
    "industry",
    "agriculture",
    "health",
    "science_tech",
    "education",
    "culture",
    "emergency",
    "environment",
    "regulation",
    "security",
]
SECTORS: tuple[str, ...] = get_args(Sector)
STRENGTHS: tuple[str, ...] = get_args(Strength)
# A partial ISO date: "2026", "2026-03" or "2026-03-15".
PARTIAL_DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"


class Record(BaseModel):
    """Base of every record: immutable, and strict about unknown fields."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Evidence(Record):
    """A verbatim span of the document text: ``text == doc_text[start:end]``."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class DocumentInfo(Record):
    id: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None
    language: str = "en"
    text_sha256: str
    text: str | None = None


class Commission(Record):
    name: str | None = None
    parties: list[str] = Field(default_factory=list)


class Venue(Record):
    city: str | None = None
    country: str | None = None


class CoChair(Record):
    name: str
    post: str | None = None
    country: str | None = None
    evidence: Evidence


class Meeting(Record):
    kind: MeetingKind
    commission: Commission = Field(default_factory=Commission)
    ordinal: int | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    venue: Venue = Field(default_factory=Venue)
    co_chairs: list[CoChair] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)


class Party(Record):
    name: str
    acronym: str | None = None
    country: str | None = None


class Agreement(Record):
    kind: AgreementKind
    status: AgreementStatus
    parties: list[Party] = Field(default_factory=list)
    subject: str | None = None
    sectors: list[Sector] = Field(default_factory=list)
    evidence: Evidence
    confidence: float | None = Field(default=None, ge=0, le=1)
    cue: str | None = None


class Actor(Record):
    name: str
    country: str | None = None


class Commitment(Record):
    id: str
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    strength: Strength
    sectors: list[Sector] = Field(min_length=1)
    actors: list[Actor] = Field(default_factory=list)
    topics: list[str] = Field(default_factory=list)
    due: str | None = Field(default=None, pattern=PARTIAL_DATE_PATTERN)
    confidence: float | None = Field(default=None, ge=0, le=1)
    cue: str | None = None


class NextMeeting(Record):
    ordinal: int | None = None
    city: str | None = None
    country: str | None = None
    when: str | None = Field(default=None, pattern=PARTIAL_DATE_PATTERN)
    evidence: Evidence


class ExtractorInfo(Record):
    name: str
    version: str


class Extraction(Record):
    """One document's extraction: the ``accord.extraction/1`` record."""

    schema_: Literal["accord.extraction/1"] = Field(default=SCHEMA, alias="schema")
    document: DocumentInfo
    meeting: Meeting | None = None
    agreements: list[Agreement] = Field(default_factory=list)
    commitments: list[Commitment] = Field(default_factory=list)
    next_meeting: NextMeeting | None = None
    extractor: ExtractorInfo | None = None

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    def to_json_dict(self, *, with_text: bool = False) -> dict[str, Any]:
        """The record as plain JSON data, in the contract's field order."""
        data = self.model_dump(mode="json", by_alias=True)
        if not with_text or data["document"].get("text") is None:
            data["document"].pop("text", None)
        return data

    def spans(self) -> list[tuple[str, int, int]]:
        """Every grounded span of the record as (text, start, end)."""
        found: list[tuple[str, int, int]] = []
        if self.meeting is not None:
            found += [(e.text, e.start, e.end) for e in self.meeting.evidence]
            found += [
                (c.evidence.text, c.evidence.start, c.evidence.end) for c in self.meeting.co_chairs
            ]
        found += [(a.evidence.text, a.evidence.start, a.evidence.end) for a in self.agreements]
        found += [(c.text, c.start, c.end) for c in self.commitments]
        if self.next_meeting is not None:
            ev = self.next_meeting.evidence
            found.append((ev.text, ev.start, ev.end))
        return found


def grounding_share(extraction: Extraction, doc_text: str) -> float:
    """The share of spans whose text equals the document text at their offsets."""
    spans = extraction.spans()
    if not spans:
        return 1.0
    good = sum(1 for text, start, end in spans if doc_text[start:end] == text)
    return good / len(spans)
