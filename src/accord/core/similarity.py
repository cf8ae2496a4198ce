"""When two reports of one session describe the same commitment or agreement.

Pure rules over small keys; the store builds the keys from rows and
extractions and merges what these functions call the same.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from accord.core.names import normalise

# Text scores at or above this make two commitments of one session one commitment.
COMMITMENT_TEXT_MIN = 85
# A topic pair at or above this counts as the same topic.
TOPIC_MIN = 90
# The share of the shorter topic list that must be matched for a "strong" overlap.
TOPIC_OVERLAP_MIN = 0.5
AGREEMENT_SUBJECT_MIN = 85


@dataclass(frozen=True)
class CommitmentKey:
    """What commitment identity is judged on: normalised text, primary sector, topics."""

    text: str
    sector: str
    topics: tuple[str, ...]

    @classmethod
    def of(cls, text: str, sectors: Sequence[str], topics: Sequence[str]) -> CommitmentKey:
        normalised = tuple(t for t in (normalise(topic) for topic in topics) if t)
        return cls(normalise(text), sectors[0] if sectors else "general", normalised)


def topics_overlap(a: Sequence[str], b: Sequence[str]) -> float:
    """The share of the shorter list of (normalised) topics that has a match in the other."""
    if not a or not b:
        return 0.0
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    matched = sum(
        1 for t in shorter if any(fuzz.token_set_ratio(t, u) >= TOPIC_MIN for u in longer)
    )
    return matched / len(shorter)


def same_commitment(a: CommitmentKey, b: CommitmentKey) -> bool:
    """Same text, text token-set ratio of 85 or more, or same sector and strong topic overlap."""
    if a.text == b.text:
        return True
    if fuzz.token_set_ratio(a.text, b.text) >= COMMITMENT_TEXT_MIN:
        return True
    return a.sector == b.sector and topics_overlap(a.topics, b.topics) >= TOPIC_OVERLAP_MIN


@dataclass(frozen=True)
class AgreementKey:
    """What agreement identity is judged on, parties as resolved organisation ids."""

    kind: str
    status: str
    parties: frozenset[int]
    subject: str

    @classmethod
    def of(
        cls, kind: str, status: str, parties: Sequence[int], subject: str | None
    ) -> AgreementKey:
        return cls(kind, status, frozenset(parties), normalise(subject or ""))


def same_agreement(a: AgreementKey, b: AgreementKey) -> bool:
    """Same status and: the same parties, the same subject, or one party list within the other.

    Two agreements without parties or subject are one when of the same kind
    (several outlets reporting "an agreement will be signed").
    """
    if a.status != b.status:
        return False
    if a.parties and a.parties == b.parties:
        return True
    if a.subject and b.subject:
        subjects_match = fuzz.token_set_ratio(a.subject, b.subject) >= AGREEMENT_SUBJECT_MIN
        if subjects_match and not (a.parties and b.parties and a.parties.isdisjoint(b.parties)):
            return True
    if a.kind != b.kind:
        return False
    if a.parties and b.parties:
        return (a.parties <= b.parties or b.parties <= a.parties) and not (
            a.subject and b.subject and a.subject != b.subject
        )
    return not a.parties and not b.parties and not a.subject and not b.subject
