"""Follow-up matching: which sentences of a new document restate, or report progress
on, the open commitments of a commission's earlier sessions.

Pure logic over plain records, so the store, the CLI and the evaluation share it.
A sentence and a commitment are compared on the content words they share,
weighted by how rare each word is among everything compared (a shared
"gauging" says more than a shared "trade"), and on the commitment's topics
found in the sentence ("pilot train", "logistics hub"). Places (countries,
capitals, cities from the gazetteer) count in the score but cannot make a
match alone: two projects in one region are not one promise. A match is
**restated** when the sentence says the promise is made again ("reaffirmed",
"once again agreed"); otherwise **progress** when it reports something done or
under way ("the first pilot train departed", "was inaugurated"), with the
status that suggests; otherwise **restated** when it is itself a commitment.
The words and cues come from ``data/followups.yaml`` (``followup_vocabulary``).
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

from accord.track.followup_vocabulary import FollowupVocabulary, load_followup_vocabulary, stem

LinkKind = Literal["restated", "progress"]
# Measured on tests/data/followups: 0.35 balances precision and recall (bench/followups.py).
DEFAULT_THRESHOLD = 0.35
# A semantic similarity (cosine) is worth this much less than the word score: 0.7 meets the
# default threshold. Not yet measured: no model ships with Accord; measure with the bench.
SEMANTIC_OFFSET = 0.35

_WORD = re.compile(r"[A-Za-z][A-Za-z\-]+|\d[\d.,]*")


class SemanticModel(Protocol):
    """A sentence-similarity model (see ``accord.track.semantic``): cosine per pair of texts."""

    @property
    def name(self) -> str: ...

    def similarities(self, left: Sequence[str], right: Sequence[str]) -> list[list[float]]: ...


@dataclass(frozen=True)
class OpenCommitment:
    """An earlier commitment that can still be restated or reported on."""

    id: str
    text: str
    topics: tuple[str, ...] = ()


@dataclass(frozen=True)
class NewSentence:
    """A sentence of the new document, and whether the extractor took it for a commitment."""

    start: int
    end: int
    text: str
    is_commitment: bool


@dataclass(frozen=True)
class Suggestion:
    commitment_id: str
    kind: LinkKind
    start: int
    end: int
    text: str
    score: float
    suggested_status: str | None
    cue: str | None


def content_words(text: str, vocabulary: FollowupVocabulary | None = None) -> set[str]:
    generic = (vocabulary or load_followup_vocabulary()).generic_words
    words = {stem(w) for w in _WORD.findall(text)}
    stop_words = english_stop_words()
    return {w for w in words if w not in stop_words and w not in generic and len(w) > 2}


@functools.cache
def english_stop_words() -> frozenset[str]:
    """spaCy's English stop words, loaded on first use: listing suggestions needs no spaCy."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


@functools.cache
def place_words(vocabulary: FollowupVocabulary | None = None) -> frozenset[str]:
    """Content words of country names, demonyms, capitals and cities in the gazetteer."""
    vocabulary = vocabulary or load_followup_vocabulary()
    words: set[str] = set()
    for country in vocabulary.countries:
        for name in (country.name, *country.demonyms, country.capital or "", *country.cities):
            words |= content_words(name, vocabulary)
    return frozenset(words)


def suggested_status(text: str, vocabulary: FollowupVocabulary | None = None) -> str:
    cues = vocabulary or load_followup_vocabulary()
    if cues.dropped.search(text):
        return "dropped"
    if cues.stalled.search(text):
        return "stalled"
    if cues.completed.search(text) and not cues.later_phase.search(text):
        return "completed"
    return "in_progress"


def _topic_bonus(text: str, topics: Sequence[str]) -> float:
    """The commitment's object named in the sentence: whole ("pilot train") or by its head ("the hub")."""
    lowered = text.lower()
    bonus = 0.0
    for topic in topics:
        words = topic.lower().split()
        if len(topic) > 4 and topic.lower() in lowered:
            bonus = max(bonus, 0.2)
        elif (
            len(words) > 1
            and len(words[-1]) > 3
            and re.search(rf"\b{re.escape(words[-1])}\b", lowered)
        ):
            bonus = max(bonus, 0.1)
    return bonus


def match_followups(
    sentences: Sequence[NewSentence],
    commitments: Sequence[OpenCommitment],
    *,
    threshold: float = DEFAULT_THRESHOLD,
    places: frozenset[str] | None = None,
    semantic: SemanticModel | None = None,
    vocabulary: FollowupVocabulary | None = None,
) -> list[Suggestion]:
    """Every (sentence, earlier commitment) pair similar enough to be a follow-up.

    ``places`` are words that cannot make a match alone (default: the gazetteer's places).
    With a ``semantic`` model, a pair also matches on meaning: its score is the
    larger of the word score and the model's similarity less ``SEMANTIC_OFFSET``.
    ``vocabulary`` defaults to the built-in one plus the files of ``ACCORD_GAZETTEER``.
    """
    vocabulary = vocabulary or load_followup_vocabulary()
    places = place_words(vocabulary) if places is None else places
    meaning = (
        semantic.similarities([s.text for s in sentences], [c.text for c in commitments])
        if semantic is not None and sentences and commitments
        else None
    )
    sentence_words = [content_words(s.text, vocabulary) for s in sentences]
    commitment_words = [content_words(c.text, vocabulary) for c in commitments]
    frequency: Counter[str] = Counter()
    for words in [*sentence_words, *commitment_words]:
        frequency.update(words)
    total = len(sentence_words) + len(commitment_words) or 1

    def weight(word: str) -> float:
        return math.log((total + 1) / (frequency[word] + 0.5))

    found: list[Suggestion] = []
    for row, (sentence, words) in enumerate(zip(sentences, sentence_words, strict=True)):
        progress = vocabulary.progress.search(sentence.text)
        restated = vocabulary.restated.search(sentence.text)
        if not (progress or restated or sentence.is_commitment):
            continue
        if restated:
            progress = None
        for column, (commitment, theirs) in enumerate(
            zip(commitments, commitment_words, strict=True)
        ):
            shared = words & theirs
            score = 0.0
            if shared - places:
                overlap = sum(weight(w) for w in shared)
                norm = math.sqrt(sum(map(weight, words)) * sum(map(weight, theirs))) or 1.0
                score = overlap / norm + _topic_bonus(sentence.text, commitment.topics)
            if meaning is not None:
                score = max(score, meaning[row][column] - SEMANTIC_OFFSET)
            if score < threshold or score <= 0:
                continue
            kind: LinkKind = "progress" if progress else "restated"
            found.append(
                Suggestion(
                    commitment_id=commitment.id,
                    kind=kind,
                    start=sentence.start,
                    end=sentence.end,
                    text=sentence.text,
                    score=round(min(score, 1.0), 3),
                    suggested_status=(
                        suggested_status(sentence.text, vocabulary) if progress else None
                    ),
                    cue=progress.group(0) if progress else None,
                )
            )
    return found
