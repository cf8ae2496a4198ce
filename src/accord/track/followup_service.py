"""Follow-ups on ingest: propose links from a new document to earlier commitments, then decide.

Each document reporting a session is split into sentences and matched (by
``accord.track.followups``) against the open commitments of its commission's
earlier sessions; a report of an earlier session ingested late is matched the
other way too, against the reports of later sessions already stored.
Proposals wait for a person to confirm or dismiss them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from accord.core.follow_through import STATUSES
from accord.errors import TrackError
from accord.extract.nlp import load_nlp, parse_text
from accord.extract.sentences import split_sentences
from accord.store.database import Database
from accord.store.followups import (
    MatchTarget,
    ProposedFollowup,
    SuggestionRow,
    add_suggestions,
    commission_documents,
    confirm_suggestion,
    dismiss_suggestion,
    document_ids,
    match_targets,
)
from accord.track.followup_vocabulary import FollowupVocabulary, load_followup_vocabulary
from accord.track.followups import (
    DEFAULT_THRESHOLD,
    NewSentence,
    OpenCommitment,
    SemanticModel,
    match_followups,
)
from accord.track.review import auto_accept
from accord.track.semantic import load_semantic_model

# Recorded with every suggestion, so a stored proposal keeps saying what made it.
MATCHER = "accord.followups.lexical.v1"


@dataclass(frozen=True)
class FollowThrough:
    """What the follow-through did after an ingest: drafts accepted, suggestions proposed."""

    accepted: int
    suggestions: int


def document_sentences(text: str, commitment_starts: frozenset[int]) -> list[NewSentence]:
    """The document's sentences, each marked when the extractor found a commitment in it."""
    parsed = load_nlp()(parse_text(text))
    return [
        NewSentence(s.start, s.end, s.text, any(s.start <= c < s.end for c in commitment_starts))
        for s in split_sentences(parsed, text)
    ]


def _proposals(
    target: MatchTarget,
    threshold: float,
    semantic: SemanticModel | None,
    vocabulary: FollowupVocabulary,
) -> list[ProposedFollowup]:
    sentences = document_sentences(target.text, target.commitment_starts)
    earlier = [OpenCommitment(str(c.id), c.text, c.topics) for c in target.candidates]
    return [
        ProposedFollowup(
            commitment_id=int(s.commitment_id),
            document_id=target.document_id,
            start=s.start,
            end=s.end,
            text=s.text,
            kind=s.kind,
            suggested_status=s.suggested_status,
            score=s.score,
            cue=s.cue,
        )
        for s in match_followups(
            sentences, earlier, threshold=threshold, semantic=semantic, vocabulary=vocabulary
        )
    ]


def propose_followups(
    database: Database,
    document_id: int,
    *,
    include_later: bool = True,
    threshold: float = DEFAULT_THRESHOLD,
    gazetteer_files: Sequence[Path] = (),
) -> list[int]:
    """Store suggestions for one document (and, by default, for reports of later sessions).

    ``gazetteer_files`` may extend the follow-up vocabulary (their ``followups`` sections).
    """
    targets = match_targets(database, document_id)
    if not include_later:
        targets = [t for t in targets if t.document_id == document_id]
    semantic = load_semantic_model() if targets else None
    vocabulary = load_followup_vocabulary(gazetteer_files)
    proposals = [
        p for target in targets for p in _proposals(target, threshold, semantic, vocabulary)
    ]
    matcher = f"{MATCHER}+{semantic.name}" if semantic is not None else MATCHER
    return add_suggestions(database, proposals, matcher[:64])


def refresh_followups(
    database: Database, commission: str | None = None, gazetteer_files: Sequence[Path] = ()
) -> int:
    """Match every stored session report again (of one commission, or all); new proposals only."""
    added = 0
    for document_id in commission_documents(database, commission):
        added += len(
            propose_followups(
                database, document_id, include_later=False, gazetteer_files=gazetteer_files
            )
        )
    return added


def after_ingest(
    database: Database,
    document_keys: Sequence[str],
    actor: str,
    *,
    accept: bool = False,
    followups: bool = True,
    gazetteer_files: Sequence[Path] = (),
) -> FollowThrough:
    """Run after documents are stored: accept their drafts if asked, propose follow-ups."""
    accepted = auto_accept(database, document_keys, actor) if accept else 0
    suggestions = 0
    if followups:
        for document_id in document_ids(database, document_keys):
            suggestions += len(
                propose_followups(database, document_id, gazetteer_files=gazetteer_files)
            )
    return FollowThrough(accepted, suggestions)


def confirm(
    database: Database,
    suggestion_id: int,
    actor: str,
    status: str | None = None,
    note: str | None = None,
) -> SuggestionRow:
    """Confirm a suggestion: a restatement becomes a link, a progress report a status update."""
    if status is not None and status not in STATUSES:
        raise TrackError(f"--status: expected one of {', '.join(STATUSES)}, got {status!r}")
    return confirm_suggestion(database, suggestion_id, actor, status, note)


def dismiss(
    database: Database, suggestion_id: int, actor: str, note: str | None = None
) -> SuggestionRow:
    """Dismiss a suggestion; it is kept (with who and when) but never proposed again."""
    return dismiss_suggestion(database, suggestion_id, actor, note)
