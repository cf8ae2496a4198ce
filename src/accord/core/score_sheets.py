"""What the evaluator reports: counts per document, summed for micro averages.

Every figure is kept as counts (true/false positives and negatives, correct
of total) so that documents add up exactly: overall figures are micro-averaged
(sum the counts, then divide), and macro figures average the per-document rates.
A rate with nothing to count is ``None``, never a made-up 0 or 1.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from typing import Literal

JsonValue = int | float | str | None


def _rate(part: int, whole: int) -> float | None:
    return part / whole if whole else None


@dataclass(frozen=True)
class Tally:
    """Matching counts: true positives, false positives, false negatives."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Tally) -> Tally:
        return Tally(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float | None:
        return _rate(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float | None:
        return _rate(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float | None:
        """The harmonic mean of precision and recall; 0 when either is 0 or undefined."""
        return _rate(2 * self.tp, 2 * self.tp + self.fp + self.fn)

    def to_json_dict(self) -> dict[str, JsonValue]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }


@dataclass(frozen=True)
class Ratio:
    """An accuracy as counts: ``correct`` of ``total`` checks."""

    correct: int = 0
    total: int = 0

    @classmethod
    def check(cls, ok: bool) -> Ratio:
        """One check, right or wrong."""
        return cls(1 if ok else 0, 1)

    def __add__(self, other: Ratio) -> Ratio:
        return Ratio(self.correct + other.correct, self.total + other.total)

    @property
    def value(self) -> float | None:
        return _rate(self.correct, self.total)

    def to_json_dict(self) -> dict[str, JsonValue]:
        return {"correct": self.correct, "total": self.total, "accuracy": self.value}


IssueArea = Literal["commitment", "agreement", "meeting", "co_chair", "next_meeting", "grounding"]
IssueKind = Literal[
    "false_positive",
    "false_negative",
    "wrong_strength",
    "wrong_sector",
    "wrong_due",
    "mismatch",
    "ungrounded",
]


@dataclass(frozen=True)
class Issue:
    """One thing the extraction got wrong, described so a developer can find it."""

    area: IssueArea
    kind: IssueKind
    text: str
    detail: str = ""
    predicted: str | None = None
    expected: str | None = None
    start: int | None = None
    end: int | None = None

    def to_json_dict(self) -> dict[str, JsonValue]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass(frozen=True)
class CommitmentScore:
    """Commitment matching, plus strength and sector accuracy over matched pairs.

    ``due`` is an extra the spec does not score: on matched pairs where the gold
    or the prediction has a due date, whether the two are equal.
    """

    matches: Tally = field(default_factory=Tally)
    neutral: int = 0
    strength: Ratio = field(default_factory=Ratio)
    sector: Ratio = field(default_factory=Ratio)
    due: Ratio = field(default_factory=Ratio)

    def __add__(self, other: CommitmentScore) -> CommitmentScore:
        return CommitmentScore(
            self.matches + other.matches,
            self.neutral + other.neutral,
            self.strength + other.strength,
            self.sector + other.sector,
            self.due + other.due,
        )

    def to_json_dict(self) -> dict[str, object]:
        return {
            **self.matches.to_json_dict(),
            "neutral_predictions": self.neutral,
            "strength": self.strength.to_json_dict(),
            "sector": self.sector.to_json_dict(),
            "due": self.due.to_json_dict(),
        }


@dataclass(frozen=True)
class AgreementScore:
    """Agreement matching, kept apart for signed and planned agreements."""

    signed: Tally = field(default_factory=Tally)
    planned: Tally = field(default_factory=Tally)

    def __add__(self, other: AgreementScore) -> AgreementScore:
        return AgreementScore(self.signed + other.signed, self.planned + other.planned)

    def to_json_dict(self) -> dict[str, object]:
        return {"signed": self.signed.to_json_dict(), "planned": self.planned.to_json_dict()}


# The fields the spec scores; `kind` and `commission_name` are reported as extras.
MEETING_FIELDS = ("presence", "ordinal", "start", "end", "city", "country", "parties")
MEETING_EXTRA_FIELDS = ("kind", "commission_name")


@dataclass(frozen=True)
class MeetingScore:
    """One exact-match check per meeting field, and co-chair matching."""

    presence: Ratio = field(default_factory=Ratio)
    ordinal: Ratio = field(default_factory=Ratio)
    start: Ratio = field(default_factory=Ratio)
    end: Ratio = field(default_factory=Ratio)
    city: Ratio = field(default_factory=Ratio)
    country: Ratio = field(default_factory=Ratio)
    parties: Ratio = field(default_factory=Ratio)
    kind: Ratio = field(default_factory=Ratio)
    commission_name: Ratio = field(default_factory=Ratio)
    co_chairs: Tally = field(default_factory=Tally)
    co_chair_country: Ratio = field(default_factory=Ratio)

    def __add__(self, other: MeetingScore) -> MeetingScore:
        return MeetingScore(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))

    @property
    def fields_correct(self) -> Ratio:
        """All the spec's field checks together."""
        return sum((getattr(self, name) for name in MEETING_FIELDS), Ratio())

    def to_json_dict(self) -> dict[str, object]:
        data: dict[str, object] = {
            name: getattr(self, name).to_json_dict()
            for name in MEETING_FIELDS + MEETING_EXTRA_FIELDS
        }
        data["fields"] = self.fields_correct.to_json_dict()
        data["co_chairs"] = self.co_chairs.to_json_dict()
        data["co_chair_country"] = self.co_chair_country.to_json_dict()
        return data


NEXT_MEETING_FIELDS = ("ordinal", "country", "when")


@dataclass(frozen=True)
class NextMeetingScore:
    """Exact-match checks of the next meeting's ordinal, country and date."""

    ordinal: Ratio = field(default_factory=Ratio)
    country: Ratio = field(default_factory=Ratio)
    when: Ratio = field(default_factory=Ratio)

    def __add__(self, other: NextMeetingScore) -> NextMeetingScore:
        return NextMeetingScore(
            self.ordinal + other.ordinal, self.country + other.country, self.when + other.when
        )

    @property
    def fields_correct(self) -> Ratio:
        return self.ordinal + self.country + self.when

    def to_json_dict(self) -> dict[str, object]:
        data: dict[str, object] = {
            name: getattr(self, name).to_json_dict() for name in NEXT_MEETING_FIELDS
        }
        data["fields"] = self.fields_correct.to_json_dict()
        return data


@dataclass(frozen=True)
class GroundingScore:
    """How many grounded spans hold exactly the document text at their offsets."""

    spans: Ratio = field(default_factory=Ratio)

    def __add__(self, other: GroundingScore) -> GroundingScore:
        return GroundingScore(self.spans + other.spans)

    @property
    def share(self) -> float:
        """As ``grounding_share``: 1.0 when there are no spans at all."""
        value = self.spans.value
        return 1.0 if value is None else value

    def to_json_dict(self) -> dict[str, object]:
        return {"grounded": self.spans.correct, "spans": self.spans.total, "share": self.share}


@dataclass(frozen=True)
class ScoreSheet:
    """The five scored parts of an extraction; sheets add up field by field."""

    commitments: CommitmentScore = field(default_factory=CommitmentScore)
    agreements: AgreementScore = field(default_factory=AgreementScore)
    meeting: MeetingScore = field(default_factory=MeetingScore)
    next_meeting: NextMeetingScore = field(default_factory=NextMeetingScore)
    grounding: GroundingScore = field(default_factory=GroundingScore)

    def __add__(self, other: ScoreSheet) -> ScoreSheet:
        return ScoreSheet(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))

    def to_json_dict(self) -> dict[str, object]:
        return {f.name: getattr(self, f.name).to_json_dict() for f in fields(self)}


@dataclass(frozen=True)
class DocumentScore:
    """One gold file scored: the counts and what went wrong."""

    gold: str
    source: str
    sheet: ScoreSheet
    issues: tuple[Issue, ...] = ()

    def to_json_dict(self) -> dict[str, object]:
        return {
            "gold": self.gold,
            "source": self.source,
            **self.sheet.to_json_dict(),
            "issues": [issue.to_json_dict() for issue in self.issues],
        }


@dataclass(frozen=True)
class MacroScore:
    """Per-document rates averaged over the documents where each is defined."""

    commitment_precision: float | None = None
    commitment_recall: float | None = None
    commitment_f1: float | None = None
    signed_f1: float | None = None
    planned_f1: float | None = None
    co_chair_f1: float | None = None
    meeting_fields: float | None = None
    next_meeting_fields: float | None = None
    grounding: float | None = None

    def to_json_dict(self) -> dict[str, JsonValue]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass(frozen=True)
class OverallScore:
    """All documents together: micro-averaged counts and macro-averaged rates."""

    documents: int
    micro: ScoreSheet
    macro: MacroScore

    def to_json_dict(self) -> dict[str, object]:
        return {
            "documents": self.documents,
            "micro": self.micro.to_json_dict(),
            "macro": self.macro.to_json_dict(),
        }


def _mean(values: Sequence[float | None]) -> float | None:
    defined = [v for v in values if v is not None]
    return sum(defined) / len(defined) if defined else None


def aggregate(scores: Sequence[DocumentScore]) -> OverallScore:
    """Sum the documents' counts (micro) and average their rates (macro)."""
    sheets = [s.sheet for s in scores]
    macro = MacroScore(
        commitment_precision=_mean([s.commitments.matches.precision for s in sheets]),
        commitment_recall=_mean([s.commitments.matches.recall for s in sheets]),
        commitment_f1=_mean([s.commitments.matches.f1 for s in sheets]),
        signed_f1=_mean([s.agreements.signed.f1 for s in sheets]),
        planned_f1=_mean([s.agreements.planned.f1 for s in sheets]),
        co_chair_f1=_mean([s.meeting.co_chairs.f1 for s in sheets]),
        meeting_fields=_mean([s.meeting.fields_correct.value for s in sheets]),
        next_meeting_fields=_mean([s.next_meeting.fields_correct.value for s in sheets]),
        grounding=_mean([s.grounding.share for s in sheets]),
    )
    return OverallScore(len(scores), sum(sheets, ScoreSheet()), macro)
