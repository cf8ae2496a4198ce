"""Follow-up suggestions in the database: what to match, storing proposals, deciding them.

A document is matched against the open commitments (not closed, not
rejected) of the earlier sessions of its commission. Proposals are stored
once per (commitment, sentence): proposing again never revives one a person
dismissed. Confirming a restatement links the two commitments; confirming a
progress report appends a status update with the sentence as evidence.
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
    CommitmentLink,
    Document,
    Evidence,
    FollowupSuggestion,
    MeetingSession,
    SessionSource,
)
from accord.store.rows import QueryRow
from accord.store.sessions import document_session, session_label, session_order
from accord.store.statuses import NewStatus, SpanEvidence, append_status

SUGGESTION_FIELDS = ("state", "decided_by", "decided_at")
LINK_FIELDS = ("earlier_id", "later_id", "document_id", "span_start", "span_end", "kind")


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
    database: Database, proposals: Sequence[ProposedFollowup], matcher: str
) -> list[int]:
    """Store the proposals not stored before (in any state); return the new ids."""
    added: list[FollowupSuggestion] = []
    with database.writing() as session:
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


def _open_suggestion(session: Session, suggestion_id: int) -> FollowupSuggestion:
    row = session.get(FollowupSuggestion, suggestion_id)
    if row is None:
        raise NotFoundError(f"no follow-up suggestion {suggestion_id}; see 'accord followups'")
    if row.state != "open":
        raise StoreError(
            f"follow-up suggestion {suggestion_id} is already {row.state} "
            f"(by {row.decided_by}); decisions are not changed in place"
        )
    return row


def _decide(
    session: Session, row: FollowupSuggestion, state: str, actor: str, note: str | None
) -> None:
    before = snapshot(row, SUGGESTION_FIELDS)
    row.state, row.decided_by, row.decided_at = state, actor, dt.datetime.now(dt.UTC)
    session.flush()
    action = "confirm" if state == "confirmed" else "dismiss"
    after = {**snapshot(row, SUGGESTION_FIELDS), "note": note}
    record_change(session, actor, "followup_suggestion", row.id, action, before, after)


def _report_date(session: Session, document_id: int) -> dt.date:
    """When a document reported what it says: its publication, else its session's date, else today."""
    published = session.scalar(select(Document.published).where(Document.id == document_id))
    meeting = document_session(session, document_id)
    held = (meeting.end_date or meeting.start_date) if meeting is not None else None
    return published or held or dt.date.today()


def _later_commitment(session: Session, row: FollowupSuggestion) -> int | None:
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


def confirm_suggestion(
    database: Database,
    suggestion_id: int,
    actor: str,
    status: str | None = None,
    note: str | None = None,
) -> SuggestionRow:
    """Confirm a suggestion: link a restatement, or record the reported status, with audit rows.

    ``status`` overrides the suggested status of a progress report, and adds a
    status update to a restatement (a promise made again may also say how far it got).
    """
    with database.writing() as session:
        row = _open_suggestion(session, suggestion_id)
        if row.kind == "restated":
            link = CommitmentLink(
                earlier_id=row.commitment_id,
                later_id=_later_commitment(session, row),
                document_id=row.document_id,
                span_start=row.span_start,
                span_end=row.span_end,
                kind="restated",
                suggestion_id=row.id,
                created_by=actor,
            )
            session.add(link)
            session.flush()
            after = snapshot(link, LINK_FIELDS)
            record_change(session, actor, "commitment_link", link.id, "create", None, after)
        chosen = status or (row.suggested_status if row.kind == "progress" else None)
        if chosen is not None:
            key = session.scalar(select(Document.key).where(Document.id == row.document_id))
            assert key is not None
            append_status(
                session,
                NewStatus(
                    commitment_id=row.commitment_id,
                    status=chosen,
                    as_of=_report_date(session, row.document_id),
                    author=actor,
                    note=note or f"confirmed follow-up suggestion {row.id} ({row.kind})",
                    evidence=SpanEvidence(key, row.span_start, row.span_end),
                    suggestion_id=row.id,
                ),
            )
        _decide(session, row, "confirmed", actor, note)
    return _suggestion(database, suggestion_id)


def dismiss_suggestion(
    database: Database, suggestion_id: int, actor: str, note: str | None = None
) -> SuggestionRow:
    """Dismiss a suggestion: it leaves the open list and is never proposed again."""
    with database.writing() as session:
        row = _open_suggestion(session, suggestion_id)
        _decide(session, row, "dismissed", actor, note)
    return _suggestion(database, suggestion_id)


def _suggestion(database: Database, suggestion_id: int) -> SuggestionRow:
    rows = list_suggestions(database, state=None, suggestion_id=suggestion_id)
    return rows[0]


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
