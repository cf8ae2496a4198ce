"""The gold annotation record, `accord.gold/1`, as typed models.

A gold file holds what a careful reader expects `accord extract` to find in one
source document (see "Gold files" in ``shared/spec/extraction.md``). Parsing is
strict, so a typo in a gold file fails loudly instead of silently scoring zero.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Literal, Self

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from accord.core.records import (
    PARTIAL_DATE_PATTERN,
    AgreementKind,
    AgreementStatus,
    MeetingKind,
    Sector,
    Strength,
)
from accord.errors import GoldError

GOLD_SCHEMA = "accord.gold/1"

SentenceLabel = Literal["commitment", "none", "neutral"]


class GoldRecord(BaseModel):
    """Base of every gold model: immutable, and unknown keys are an error."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class GoldDocument(GoldRecord):
    """Metadata the annotator read off the source, used where the loader finds none."""

    published: dt.date | None = None
    outlet: str | None = None


class GoldCommission(GoldRecord):
    name: str | None = None
    parties: list[str] = Field(default_factory=list)


class GoldVenue(GoldRecord):
    city: str | None = None
    country: str | None = None


class GoldCoChair(GoldRecord):
    name: str = Field(min_length=1)
    country: str | None = None
    post: str | None = None


class GoldMeeting(GoldRecord):
    """The expected meeting: the extraction's meeting without evidence."""

    kind: MeetingKind
    commission: GoldCommission = Field(default_factory=GoldCommission)
    ordinal: int | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    venue: GoldVenue = Field(default_factory=GoldVenue)
    co_chairs: list[GoldCoChair] = Field(default_factory=list)
    notes: str | None = None


class GoldParty(GoldRecord):
    name: str = Field(min_length=1)
    acronym: str | None = None
    country: str | None = None


class GoldAgreement(GoldRecord):
    """An expected agreement: the extraction's agreement without evidence."""

    kind: AgreementKind
    status: AgreementStatus
    parties: list[GoldParty] = Field(default_factory=list)
    subject: str | None = None
    sectors: list[Sector] = Field(default_factory=list)
    notes: str | None = None


class GoldAnchor(GoldRecord):
    """A sentence located by a few words at each end instead of a full quote.

    Gold files for third-party texts keep labels and anchors only (the text is
    not redistributed): the sentence runs from the one occurrence of ``head`` to
    the end of the first occurrence of ``tail`` after it.
    """

    head: str = Field(min_length=1)
    tail: str = Field(min_length=1)


class GoldSentence(GoldRecord):
    """One labelled sentence of the document, located by its verbatim quote or by an anchor."""

    quote: str = ""
    anchor: GoldAnchor | None = None
    label: SentenceLabel
    strength: list[Strength] = Field(default_factory=list)
    sectors: list[Sector] = Field(default_factory=list)
    actors: list[str] = Field(default_factory=list)
    due: str | None = Field(default=None, pattern=PARTIAL_DATE_PATTERN)
    why: str | None = None
    notes: str | None = None

    @model_validator(mode="after")
    def _quote_or_anchor(self) -> Self:
        if bool(self.quote) == (self.anchor is not None):
            raise ValueError("a sentence needs either a quote or an anchor (head and tail)")
        return self

    @model_validator(mode="after")
    def _commitment_has_strength_and_sector(self) -> Self:
        # A commitment without accepted values could never be scored right.
        if self.label == "commitment" and not (self.strength and self.sectors):
            raise ValueError("a commitment sentence needs at least one strength and one sector")
        return self


class GoldNextMeeting(GoldRecord):
    ordinal: int | None = None
    city: str | None = None
    country: str | None = None
    when: str | None = Field(default=None, pattern=PARTIAL_DATE_PATTERN)
    notes: str | None = None


class GoldFile(GoldRecord):
    """One gold file: the expected record of one source document."""

    schema_: Literal["accord.gold/1"] = Field(alias="schema")
    source_file: str = Field(min_length=1)
    document: GoldDocument = Field(default_factory=GoldDocument)
    meeting: GoldMeeting | None = None
    agreements: list[GoldAgreement] = Field(default_factory=list)
    sentences: list[GoldSentence] = Field(default_factory=list)
    next_meeting: GoldNextMeeting | None = None
    notes: str | None = None

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


def resolve_anchors(gold: GoldFile, text: str, source: str) -> GoldFile:
    """The gold with every anchored sentence turned into its quote from ``text``.

    An anchor whose head is missing or occurs more than once, or whose tail does
    not follow its head, is a GoldError naming ``source`` and the anchor.
    """
    if all(sentence.anchor is None for sentence in gold.sentences):
        return gold
    sentences = [
        sentence
        if sentence.anchor is None
        else sentence.model_copy(
            update={"quote": anchored_quote(sentence.anchor, text, source), "anchor": None}
        )
        for sentence in gold.sentences
    ]
    return gold.model_copy(update={"sentences": sentences})


def anchored_quote(anchor: GoldAnchor, text: str, source: str) -> str:
    """The verbatim text an anchor marks out in ``text``."""
    count = text.count(anchor.head)
    if count != 1:
        found = "not found" if count == 0 else f"found {count} times"
        raise GoldError(f"{source}: anchor head {anchor.head!r} {found} in the document text")
    start = text.index(anchor.head)
    tail = text.find(anchor.tail, start)
    if tail < 0:
        raise GoldError(
            f"{source}: anchor tail {anchor.tail!r} not found after its head {anchor.head!r}"
        )
    return text[start : tail + len(anchor.tail)]


def parse_gold(data: object, source: str) -> GoldFile:
    """Validate parsed JSON as a gold record; any problem is a GoldError naming ``source``."""
    try:
        return GoldFile.model_validate(data)
    except ValidationError as exc:
        raise GoldError(
            f"{source}: not a valid {GOLD_SCHEMA} file: {_first_problems(exc)}"
        ) from exc


def parse_gold_json(text: str, source: str) -> GoldFile:
    """Parse the JSON text of a gold file; any problem is a GoldError naming ``source``."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise GoldError(
            f"{source}: invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"
        ) from exc
    return parse_gold(data, source)


def _first_problems(exc: ValidationError, limit: int = 3) -> str:
    """The first few validation problems on one line, each as ``path: message``."""
    errors = exc.errors()
    parts = []
    for error in errors[:limit]:
        where = ".".join(str(part) for part in error["loc"]) or "(top level)"
        parts.append(f"{where}: {error['msg']}")
    more = len(errors) - limit
    if more > 0:
        parts.append(f"and {more} more")
    return "; ".join(parts)
