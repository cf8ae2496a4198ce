"""Follow-up suggestions: what a document is matched against, the proposals, their decisions.

A document is matched against the open commitments (not closed, not
rejected) of the earlier sessions of its commission. Proposals are stored
once per (commitment, sentence): proposing again never revives one a person
dismissed. What confirming means (a link, a status update) is decided in
``accord.track.followup_suggestions``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from accord.core.follow_through import CLOSED_STATUSES, session_before
from accord.errors import NotFoundError, StoreError
from accord.store.audit import record_change, snapshot
from accord.store.database import Database
from accord.store.lookups import commission_ids
from accord.store.models import (
    Commitment,
    Document,
    Evidence,
    FollowupSuggestion,
    MeetingSession,
    SessionSource,
)
from accord.store.rows import QueryRow
from accord.store.sessions import document_session, session_label, session_order

SUGGESTION_FIELDS = ("state", "decided_by", "decided_at")


@dataclass(frozen=True)
class Candidate:
    """An open commitment a later document may restate or report on."""

    id: int
    text: str
    topics: tuple[str, ...]


@dataclass(frozen=True)
class MatchTarget:
    """A document to match, the starts of its own commitments, and the commitments before it."""

    document_id: int
    text: str
    commitment_starts: frozenset[int]
    candidates: tuple[Candidate, ...]


@dataclass(frozen=True)
class ProposedFollowup:
    commitment_id: int
    document_id: int
    start: int
    end: int
    text: str
    kind: str
    suggested_status: str | None
    score: float
    cue: str | None


@dataclass(frozen=True)
class SuggestionRow(QueryRow):
    id: int
    kind: str
    state: str
    score: float
    suggested_status: str | None
    commitment_id: int
    commitment_text: str
    commitment_session: str
    document: str
    document_title: str | None
    start: int
    end: int
    text: str
    cue: str | None
    decided_by: str | None
    decided_at: dt.datetime | None


def match_targets(database: Database, document_id: int) -> list[MatchTarget]:
    """The document (and any document of a later session) with the commitments before each.

    Later sessions are included so that ingesting an old report still links the
    newer reports already stored to the commitments it brings.
    """
    with database.reading() as session:
        meeting = document_session(session, document_id)
        if meeting is None or meeting.commission_id is None:
            return []
        sessions = session.scalars(
            select(MeetingSession).where(MeetingSession.commission_id == meeting.commission_id)
        ).all()
        order = {s.id: session_order(s) for s in sessions}
        later = [s.id for s in sessions if session_before(order[meeting.id], order[s.id])]
        sources = session.execute(
            select(SessionSource.document_id, SessionSource.session_id)
            .where(SessionSource.session_id.in_(later))
            .order_by(SessionSource.document_id)
        ).all()
        targets = []
        for target_id, session_id in [(document_id, meeting.id), *sources]:
            earlier = [s for s in order if session_before(order[s], order[session_id])]
            targets.append(_target(session, target_id, _open_commitments(session, earlier)))
        return [t for t in targets if t.candidates]


def _open_commitments(session: Session, session_ids: Sequence[int]) -> tuple[Candidate, ...]:
    rows = session.scalars(
        select(Commitment)
        .where(
            Commitment.session_id.in_(session_ids),
            Commitment.review_state != "rejected",
            Commitment.status.not_in(sorted(CLOSED_STATUSES)),
        )
        .order_by(Commitment.id)
    )
    return tuple(Candidate(row.id, row.text, tuple(row.topics)) for row in rows)


def _target(session: Session, document_id: int, candidates: tuple[Candidate, ...]) -> MatchTarget:
    text = session.scalar(select(Document.text).where(Document.id == document_id)) or ""
    starts = session.scalars(
        select(Evidence.span_start).where(
            Evidence.document_id == document_id, Evidence.commitment_id.is_not(None)
        )
    )
    return MatchTarget(document_id, text, frozenset(starts), candidates)


def add_suggestions(
    session: Session, proposals: Sequence[ProposedFollowup], matcher: str
) -> list[int]:
    """Store the proposals not stored before (in any state); return the new ids."""
    added: list[FollowupSuggestion] = []
    for p in proposals:
        exists = session.scalar(
            select(FollowupSuggestion.id).where(
                FollowupSuggestion.commitment_id == p.commitment_id,
                FollowupSuggestion.document_id == p.document_id,
                FollowupSuggestion.span_start == p.start,
                FollowupSuggestion.span_end == p.end,
            )
        )
        if exists is not None:
            continue
        row = FollowupSuggestion(
            commitment_id=p.commitment_id,
            document_id=p.document_id,
            span_start=p.start,
            span_end=p.end,
            text=p.text,
            kind=p.kind,
            suggested_status=p.suggested_status,
            score=p.score,
            cue=p.cue,
            matcher=matcher,
            state="open",
        )
        session.add(row)
        added.append(row)
    session.flush()
    return [row.id for row in added]


def list_suggestions(
    database: Database,
    state: str | None = "open",
    commission: str | None = None,
    document_id: int | None = None,
    commitment_id: int | None = None,
    limit: int | None = None,
    suggestion_id: int | None = None,
) -> list[SuggestionRow]:
    """Suggestions (open ones by default), by later document then best score first."""
    query = (
        select(FollowupSuggestion, Commitment, MeetingSession, Document.key, Document.title)
        .join(Commitment, Commitment.id == FollowupSuggestion.commitment_id)
        .join(MeetingSession, MeetingSession.id == Commitment.session_id)
        .join(Document, Document.id == FollowupSuggestion.document_id)
        .order_by(
            FollowupSuggestion.document_id,
            FollowupSuggestion.span_start,
            FollowupSuggestion.score.desc(),
            FollowupSuggestion.id,
        )
        .limit(limit)
    )
    if state is not None:
        query = query.where(FollowupSuggestion.state == state)
    if document_id is not None:
        query = query.where(FollowupSuggestion.document_id == document_id)
    if commitment_id is not None:
        query = query.where(FollowupSuggestion.commitment_id == commitment_id)
    if suggestion_id is not None:
        query = query.where(FollowupSuggestion.id == suggestion_id)
    with database.reading() as session:
        if commission is not None:
            query = query.where(
                MeetingSession.commission_id.in_(commission_ids(session, commission))
            )
        return [
            _suggestion_row(s, c, m, key, title) for s, c, m, key, title in session.execute(query)
        ]


def _suggestion_row(
    s: FollowupSuggestion, c: Commitment, m: MeetingSession, key: str, title: str | None
) -> SuggestionRow:
    return SuggestionRow(
        id=s.id,
        kind=s.kind,
        state=s.state,
        score=s.score,
        suggested_status=s.suggested_status,
        commitment_id=c.id,
        commitment_text=c.text,
        commitment_session=session_label(m.ordinal, m.start_date),
        document=key,
        document_title=title,
        start=s.span_start,
        end=s.span_end,
        text=s.text,
        cue=s.cue,
        decided_by=s.decided_by,
        decided_at=s.decided_at,
    )


def open_suggestion(session: Session, suggestion_id: int) -> FollowupSuggestion:
    """The suggestion, still open; a NotFoundError or a StoreError (decided already) otherwise."""
    row = session.get(FollowupSuggestion, suggestion_id)
    if row is None:
        raise NotFoundError.record("follow-up suggestion", suggestion_id)
    if row.state != "open":
        raise StoreError(
            f"follow-up suggestion {suggestion_id} is already {row.state} "
            f"(by {row.decided_by}); decisions are not changed in place"
        )
    return row


def mark_decided(
    session: Session, row: FollowupSuggestion, state: str, actor: str, note: str | None
) -> None:
    """Record who decided the suggestion, when and how (``confirmed`` or ``dismissed``), audited."""
    before = snapshot(row, SUGGESTION_FIELDS)
    row.state, row.decided_by, row.decided_at = state, actor, dt.datetime.now(dt.UTC)
    session.flush()
    action = "confirm" if state == "confirmed" else "dismiss"
    after = {**snapshot(row, SUGGESTION_FIELDS), "note": note}
    record_change(session, actor, "followup_suggestion", row.id, action, before, after)


def later_commitment(session: Session, row: FollowupSuggestion) -> int | None:
    """The commitment the document itself extracted from (an overlap of) the sentence."""
    return session.scalar(
        select(Evidence.commitment_id)
        .join(Commitment, Commitment.id == Evidence.commitment_id)
        .where(
            Evidence.document_id == row.document_id,
            Evidence.span_start < row.span_end,
            Evidence.span_end > row.span_start,
            Commitment.review_state != "rejected",
            Commitment.id != row.commitment_id,
        )
        .order_by(Evidence.span_start)
        .limit(1)
    )


def suggestion(session: Session, suggestion_id: int) -> SuggestionRow:
    """One suggestion, in any state, as the listings show it."""
    row = session.get(FollowupSuggestion, suggestion_id)
    if row is None:
        raise NotFoundError.record("follow-up suggestion", suggestion_id)
    commitment = session.get(Commitment, row.commitment_id)
    assert commitment is not None
    meeting = session.get(MeetingSession, commitment.session_id)
    document = session.get(Document, row.document_id)
    assert meeting is not None and document is not None
    return _suggestion_row(row, commitment, meeting, document.key, document.title)


def document_ids(database: Database, keys: Sequence[str]) -> list[int]:
    """The ids of the stored documents with these keys, in the order given."""
    with database.reading() as session:
        found = dict(
            session.execute(select(Document.key, Document.id).where(Document.key.in_(keys))).all()
        )
    return [found[k] for k in keys if k in found]


def commission_documents(database: Database, commission: str | None = None) -> list[int]:
    """The documents reporting sessions (of one commission, or of all), oldest session first."""
    query = (
        select(SessionSource.document_id)
        .join(MeetingSession, MeetingSession.id == SessionSource.session_id)
        .where(MeetingSession.commission_id.is_not(None))
        .order_by(MeetingSession.ordinal, MeetingSession.start_date, SessionSource.document_id)
    )
    with database.reading() as session:
        if commission is not None:
            query = query.where(
                MeetingSession.commission_id.in_(commission_ids(session, commission))
            )
        return list(session.scalars(query))
