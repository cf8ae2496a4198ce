"""Precision and recall of follow-up suggestions against gold links.

A gold links file lists, for a sequence of documents of one commission, each
later sentence with every earlier commitment sentence it restates or reports
progress on. The documents are extracted in publication order; each one is
matched against the commitments of the documents of earlier sessions.

Sentences are given by ``later_quote``/``earlier_quote``, or, for third-party
texts kept out of the repository, by ``later``/``earlier`` anchors (``head`` and
``tail``) with documents named by their id in the local texts folder.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from accord.core.gold import GoldAnchor, anchored_quote
from accord.core.records import Extraction
from accord.errors import GoldError
from accord.extract.gold_sets import texts_folder
from accord.extract.nlp import parse_text
from accord.extract.pipeline import extract, get_extractor
from accord.extract.sentences import split_sentences
from accord.ingest import load_document
from accord.track.followups import (
    DEFAULT_THRESHOLD,
    NewSentence,
    OpenCommitment,
    SemanticModel,
    match_followups,
)


@dataclass(frozen=True)
class FollowupScore:
    true_positives: int
    false_positives: int
    false_negatives: int
    kind_correct: int

    @property
    def precision(self) -> float:
        predicted = self.true_positives + self.false_positives
        return self.true_positives / predicted if predicted else 0.0

    @property
    def recall(self) -> float:
        gold = self.true_positives + self.false_negatives
        return self.true_positives / gold if gold else 0.0


def _session_key(extraction: Extraction) -> tuple[int, str]:
    meeting = extraction.meeting
    ordinal = meeting.ordinal if meeting and meeting.ordinal else 0
    return ordinal, str(extraction.document.published or "")


def _document_path(root: Path, name: str) -> Path:
    """A document named by its path under ``root``, else by its id in the local texts folder."""
    beside = root / name
    if beside.is_file():
        return beside
    local = texts_folder() / f"{name}.txt"
    return local if local.is_file() else beside


def _quote(link: dict[str, object], side: str, texts: dict[str, str], source: Path) -> str:
    quote = link.get(f"{side}_quote")
    if isinstance(quote, str):
        return quote
    anchor = GoldAnchor.model_validate(link.get(side))
    return anchored_quote(anchor, texts[str(link[f"{side}_doc"])], str(source))


def evaluate_links(
    links_path: Path, threshold: float = DEFAULT_THRESHOLD, semantic: SemanticModel | None = None
) -> FollowupScore:
    """Score the matcher on one gold links file (paths in it are relative to its folder's parent)."""
    try:
        links = json.loads(links_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise GoldError(f"{links_path}: cannot read gold links ({exc})") from exc
    root = links_path.parent.parent
    names = sorted({link["later_doc"] for link in links} | {link["earlier_doc"] for link in links})
    texts: dict[str, str] = {}
    records: dict[str, Extraction] = {}
    for name in names:
        document = load_document(_document_path(root, name))
        texts[name] = document.text
        records[name] = extract(document)
    ordered = sorted(names, key=lambda n: _session_key(records[n]))
    gold = {
        (
            link["later_doc"],
            _quote(link, "later", texts, links_path),
            link["earlier_doc"],
            _quote(link, "earlier", texts, links_path),
        ): link["kind"]
        for link in links
    }
    nlp = get_extractor().nlp  # type: ignore[attr-defined]
    predicted: dict[tuple[str, int, int, str, int, int], str] = {}
    for name in ordered:
        key = _session_key(records[name])[0]
        earlier = [n for n in ordered if _session_key(records[n])[0] < key]
        commitments = [
            OpenCommitment(id=f"{n}#{c.start}:{c.end}", text=c.text, topics=tuple(c.topics))
            for n in earlier
            for c in records[n].commitments
        ]
        starts = {c.start for c in records[name].commitments}
        sentences = [
            NewSentence(s.start, s.end, s.text, any(s.start <= c < s.end for c in starts))
            for s in split_sentences(nlp(parse_text(texts[name])), texts[name])
        ]
        for suggestion in match_followups(
            sentences, commitments, threshold=threshold, semantic=semantic
        ):
            earlier_name, span = suggestion.commitment_id.split("#")
            a, b = (int(x) for x in span.split(":"))
            predicted[(name, suggestion.start, suggestion.end, earlier_name, a, b)] = (
                suggestion.kind
            )

    def located(doc: str, quote: str) -> tuple[int, int]:
        at = texts[doc].find(quote)
        if at < 0:
            raise GoldError(f"{links_path}: quote not found in {doc}: {quote[:60]!r}")
        return at, at + len(quote)

    def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
        shorter = min(a[1] - a[0], b[1] - b[0]) or 1
        return min(a[1], b[1]) - max(a[0], b[0]) >= shorter / 2

    matched: set[tuple[str, int, int, str, int, int]] = set()
    true_positives = kind_correct = 0
    for (later, later_quote, earlier, earlier_quote), kind in gold.items():
        later_span, earlier_span = located(later, later_quote), located(earlier, earlier_quote)
        hit = next(
            (
                p
                for p in predicted
                if p not in matched
                and p[0] == later
                and p[3] == earlier
                and overlaps((p[1], p[2]), later_span)
                and overlaps((p[4], p[5]), earlier_span)
            ),
            None,
        )
        if hit is not None:
            matched.add(hit)
            true_positives += 1
            kind_correct += predicted[hit] == kind
    return FollowupScore(
        true_positives=true_positives,
        false_positives=len(predicted) - len(matched),
        false_negatives=len(gold) - true_positives,
        kind_correct=kind_correct,
    )
