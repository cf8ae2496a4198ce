"""Scoring one extraction against its gold file (see "Scoring" in the spec).

Pure: it takes the document text, the gold record and the extraction, and
returns counts and the list of what went wrong; loading files is the caller's
business. The country names used to read party names are passed in for the
same reason.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from accord.core.agreement_scoring import score_agreements
from accord.core.gold import GoldFile, GoldSentence
from accord.core.meeting_scoring import score_meeting, score_next_meeting
from accord.core.records import Commitment, Extraction
from accord.core.score_sheets import (
    CommitmentScore,
    DocumentScore,
    GroundingScore,
    Issue,
    IssueKind,
    Ratio,
    ScoreSheet,
    Tally,
)
from accord.errors import GoldError


@dataclass(frozen=True)
class LocatedSentence:
    """A gold sentence and where its quote sits in the document text."""

    sentence: GoldSentence
    start: int
    end: int


def locate_sentences(
    text: str, sentences: Sequence[GoldSentence], source: str
) -> list[LocatedSentence]:
    """Find each quote: first after the previous sentence's end, else anywhere.

    Searching forward keeps a repeated sentence attached to the right
    occurrence; a quote missing from the text is a GoldError naming it.
    """
    located: list[LocatedSentence] = []
    cursor = 0
    for sentence in sentences:
        if not sentence.quote:
            raise GoldError(f"{source}: an anchored sentence was not resolved against the text")
        start = text.find(sentence.quote, cursor)
        if start < 0:
            start = text.find(sentence.quote)
        if start < 0:
            raise GoldError(
                f"{source}: quote not found in the document text: {_opening(sentence.quote)!r}"
            )
        cursor = start + len(sentence.quote)
        located.append(LocatedSentence(sentence, start, cursor))
    return located


def _opening(quote: str, length: int = 60) -> str:
    return quote if len(quote) <= length else quote[:length] + "…"


def overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    """The number of characters two spans share."""
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def spans_match(prediction: Commitment, sentence: LocatedSentence) -> bool:
    """Overlap of at least half of the shorter of the two spans (and not empty)."""
    shared = overlap(prediction.start, prediction.end, sentence.start, sentence.end)
    shorter = min(prediction.end - prediction.start, sentence.end - sentence.start)
    return shared > 0 and 2 * shared >= shorter


def score_commitments(
    sentences: Sequence[LocatedSentence], predicted: Sequence[Commitment]
) -> tuple[CommitmentScore, list[Issue]]:
    """Match predicted commitments to gold commitment sentences, then judge the rest.

    Gold commitment sentences are taken greedily by largest overlap, each
    once. A prediction left over is ignored if it matches a neutral sentence,
    and is a false positive otherwise (a "none" sentence, a sentence already
    taken, or nothing).
    """
    gold = [s for s in sentences if s.sentence.label == "commitment"]
    neutral = [s for s in sentences if s.sentence.label == "neutral"]
    pairs = _greedy_pairs(gold, predicted)
    matched = {j for _, j in pairs}
    issues: list[Issue] = []
    strength, sector, due = Ratio(), Ratio(), Ratio()
    for i, j in pairs:
        expected, prediction = gold[i].sentence, predicted[j]
        strength += Ratio.check(prediction.strength in expected.strength)
        sector += Ratio.check(prediction.sectors[0] in expected.sectors)
        if expected.due is not None or prediction.due is not None:
            due += Ratio.check(expected.due == prediction.due)
        issues += _pair_issues(expected, prediction)
    fp = ignored = 0
    for j, prediction in enumerate(predicted):
        if j in matched:
            continue
        if any(spans_match(prediction, s) for s in neutral):
            ignored += 1
            continue
        fp += 1
        issues.append(_false_positive(prediction, sentences))
    taken = {i for i, _ in pairs}
    for i, located in enumerate(gold):
        if i not in taken:
            issues.append(_false_negative(located))
    tally = Tally(tp=len(pairs), fp=fp, fn=len(gold) - len(pairs))
    return CommitmentScore(tally, ignored, strength, sector, due), issues


def _greedy_pairs(
    gold: Sequence[LocatedSentence], predicted: Sequence[Commitment]
) -> list[tuple[int, int]]:
    candidates = [
        (overlap(p.start, p.end, g.start, g.end), i, j)
        for i, g in enumerate(gold)
        for j, p in enumerate(predicted)
        if spans_match(p, g)
    ]
    # Largest overlap first; ties go to the earlier sentence, then the earlier prediction.
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_gold: set[int] = set()
    used_predicted: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, i, j in candidates:
        if i not in used_gold and j not in used_predicted:
            used_gold.add(i)
            used_predicted.add(j)
            pairs.append((i, j))
    return sorted(pairs)


def _pair_issues(expected: GoldSentence, prediction: Commitment) -> list[Issue]:
    issues = []
    if prediction.strength not in expected.strength:
        issues.append(
            _commitment_issue(prediction, "wrong_strength", prediction.strength, expected.strength)
        )
    if prediction.sectors[0] not in expected.sectors:
        issues.append(
            _commitment_issue(prediction, "wrong_sector", prediction.sectors[0], expected.sectors)
        )
    if prediction.due != expected.due:
        issues.append(
            _commitment_issue(
                prediction, "wrong_due", prediction.due or "null", [expected.due or "null"]
            )
        )
    return issues


def _commitment_issue(
    prediction: Commitment, kind: IssueKind, predicted: str, accepted: Sequence[str]
) -> Issue:
    return Issue(
        area="commitment",
        kind=kind,
        text=prediction.text,
        detail=f"predicted {predicted}, gold accepts {' or '.join(accepted)}",
        predicted=predicted,
        expected="|".join(accepted),
        start=prediction.start,
        end=prediction.end,
    )


def _false_positive(prediction: Commitment, sentences: Sequence[LocatedSentence]) -> Issue:
    hits = [s for s in sentences if spans_match(prediction, s)]
    if not hits:
        detail = "matches no gold sentence"
    elif any(s.sentence.label == "commitment" for s in hits):
        detail = "its gold commitment sentence is already matched by another prediction"
    else:
        detail = "gold labels the sentence 'none'"
    return Issue(
        area="commitment",
        kind="false_positive",
        text=prediction.text,
        detail=detail,
        predicted=prediction.strength,
        start=prediction.start,
        end=prediction.end,
    )


def _false_negative(located: LocatedSentence) -> Issue:
    sentence = located.sentence
    return Issue(
        area="commitment",
        kind="false_negative",
        text=sentence.quote,
        detail=f"gold commitment ({', '.join(sentence.sectors)}) not predicted",
        expected="|".join(sentence.strength),
        start=located.start,
        end=located.end,
    )


def score_grounding(extraction: Extraction, text: str) -> tuple[GroundingScore, list[Issue]]:
    """Count the spans whose text equals the document text at their offsets."""
    issues = [
        Issue(
            area="grounding",
            kind="ungrounded",
            text=span,
            detail=f"document text at {start}:{end} is {text[start:end]!r}",
            start=start,
            end=end,
        )
        for span, start, end in extraction.spans()
        if text[start:end] != span
    ]
    total = len(extraction.spans())
    return GroundingScore(Ratio(total - len(issues), total)), issues


def score_extraction(
    text: str,
    gold: GoldFile,
    extraction: Extraction,
    country_names: Collection[str],
    *,
    gold_name: str = "gold",
    source_name: str | None = None,
) -> DocumentScore:
    """Score one extraction of ``text`` against its gold record."""
    sentences = locate_sentences(text, gold.sentences, gold_name)
    commitments, commitment_issues = score_commitments(sentences, extraction.commitments)
    agreements, agreement_issues = score_agreements(
        gold.agreements, extraction.agreements, country_names
    )
    meeting, meeting_issues = score_meeting(gold.meeting, extraction.meeting)
    next_meeting, next_issues = score_next_meeting(gold.next_meeting, extraction.next_meeting)
    grounding, grounding_issues = score_grounding(extraction, text)
    sheet = ScoreSheet(commitments, agreements, meeting, next_meeting, grounding)
    issues = commitment_issues + agreement_issues + meeting_issues + next_issues + grounding_issues
    return DocumentScore(
        gold=gold_name,
        source=source_name or gold.source_file,
        sheet=sheet,
        issues=tuple(issues),
    )
