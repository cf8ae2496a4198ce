"""Follow-up suggestions: proposing links from a stored document to earlier commitments, deciding them.

Each document reporting a session is split into sentences and matched (by
``accord.track.followups``) against the open commitments of its commission's
earlier sessions; a report of an earlier session ingested late is matched the
other way too, against the reports of later sessions already stored.
Proposals wait for a person: confirming a restatement links the two
commitments, confirming a progress report appends a status update with the
sentence as evidence, dated when the document reported it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from accord.core.follow_through import STATUSES
from accord.errors import InvalidRequest
from accord.extract.nlp import load_nlp, parse_text
from accord.extract.sentences import split_sentences
from accord.store.database import Database
from accord.store.documents import document_dates
from accord.store.followups import (
    MatchTarget,
    ProposedFollowup,
    SuggestionRow,
    add_suggestions,
    commission_documents,
    later_commitment,
    mark_decided,
    match_targets,
    open_suggestion,
    suggestion,
)
from accord.store.links import add_link
from accord.store.models import Document, FollowupSuggestion
from accord.store.statuses import NewStatus, SpanEvidence, append_status
from accord.track.followup_vocabulary import FollowupVocabulary, load_followup_vocabulary
from accord.track.followups import (
    DEFAULT_THRESHOLD,
    NewSentence,
    OpenCommitment,
    SemanticModel,
    match_followups,
)
from accord.track.semantic import load_semantic_model

# Recorded with every suggestion, so a stored proposal keeps saying what made it.
MATCHER = "accord.followups.lexical.v1"


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

    ``gazetteer_files`` may extend the follow-up vocabulary (their ``followups``
    sections). The sentences are matched outside any transaction; the
    proposals are stored in one unit of work.
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
    with database.writing() as session:
        return add_suggestions(session, proposals, matcher[:64])


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


def _report_date(session: Session, document_id: int) -> dt.date:
    """When a document reported what it says: its publication, else its session's date, else today."""
    published, held = document_dates(session, document_id)
    return published or held or dt.date.today()


def _record_reported_status(
    session: Session, row: FollowupSuggestion, status: str, actor: str, note: str | None
) -> None:
    key = session.scalar(select(Document.key).where(Document.id == row.document_id))
    assert key is not None
    append_status(
        session,
        NewStatus(
            commitment_id=row.commitment_id,
            status=status,
            as_of=_report_date(session, row.document_id),
            author=actor,
            note=note or f"confirmed follow-up suggestion {row.id} ({row.kind})",
            evidence=SpanEvidence(key, row.span_start, row.span_end),
            suggestion_id=row.id,
        ),
    )


def confirm(
    database: Database,
    suggestion_id: int,
    actor: str,
    status: str | None = None,
    note: str | None = None,
) -> SuggestionRow:
    """Confirm a suggestion: a restatement becomes a link, a progress report a status update.

    ``status`` overrides the suggested status of a progress report, and adds a
    status update to a restatement (a promise made again may also say how far it got).
    """
    if status is not None and status not in STATUSES:
        raise InvalidRequest("status", status, allowed=STATUSES)
    with database.writing() as session:
        row = open_suggestion(session, suggestion_id)
        if row.kind == "restated":
            later = later_commitment(session, row)
            span = (row.span_start, row.span_end)
            add_link(session, row.commitment_id, later, row.document_id, span, actor, row.id)
        chosen = status or (row.suggested_status if row.kind == "progress" else None)
        if chosen is not None:
            _record_reported_status(session, row, chosen, actor, note)
        mark_decided(session, row, "confirmed", actor, note)
        return suggestion(session, suggestion_id)


def dismiss(
    database: Database, suggestion_id: int, actor: str, note: str | None = None
) -> SuggestionRow:
    """Dismiss a suggestion; it is kept (with who and when) but never proposed again."""
    with database.writing() as session:
        mark_decided(session, open_suggestion(session, suggestion_id), "dismissed", actor, note)
        return suggestion(session, suggestion_id)
