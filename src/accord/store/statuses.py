"""Status updates: appending one, and reading a commitment's history (one or many at once).

Updates are only ever added. The commitment's ``status`` column is a copy of
the status the updates give (kept for filtering and search) and is rewritten
in the same transaction as the update and its audit rows; ``status`` joins
``edited_fields`` so a re-extraction never treats the commitment as untouched.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from accord.core.follow_through import WITHDRAWN, DatedStatus, current_status
from accord.errors import NotFoundError, StoreError
from accord.store.audit import record_change, snapshot
from accord.store.citations import Citation, citation_of
from accord.store.commitments import commitment_row, sectors_of
from accord.store.database import Database
from accord.store.documents import document_of
from accord.store.models import Document, MeetingSession, StatusUpdate, utc_now
from accord.store.owners import OwnerRow, owners_of
from accord.store.rows import QueryRow
from accord.store.sessions import commission_name, session_label

UPDATE_FIELDS = (
    "commitment_id",
    "status",
    "as_of",
    "author",
    "note",
    "evidence_document_id",
    "evidence_start",
    "evidence_end",
    "evidence_text",
    "evidence_url",
    "suggestion_id",
    "replaces_id",
)


@dataclass(frozen=True)
class SpanEvidence:
    """Characters ``start:end`` of a stored document (by id or ``doc-…`` key)."""

    document: str
    start: int
    end: int


@dataclass(frozen=True)
class UrlEvidence:
    url: str


Evidence = SpanEvidence | UrlEvidence | None


@dataclass(frozen=True)
class NewStatus:
    """A status update to record: what, as of when, by whom, why and on what evidence."""

    commitment_id: int
    status: str
    as_of: dt.date
    author: str
    note: str | None = None
    evidence: Evidence = None
    suggestion_id: int | None = None
    replaces: int | None = None


@dataclass(frozen=True)
class StatusRow(QueryRow):
    id: int
    status: str
    as_of: dt.date
    author: str
    note: str | None
    evidence_document: str | None
    evidence_start: int | None
    evidence_end: int | None
    evidence_text: str | None
    evidence_url: str | None
    suggestion_id: int | None
    created_at: dt.datetime
    replaces_id: int | None = None


@dataclass(frozen=True)
class StatusEntry:
    """One dated status update of a commitment, with its evidence, as the reports cite it."""

    id: int
    commitment_id: int
    status: str
    as_of: dt.date
    author: str
    note: str | None
    evidence: Citation | None
    evidence_url: str | None


@dataclass(frozen=True)
class CommitmentStatus(QueryRow):
    """A commitment as the follow-through sees it: status, due date, owners and history."""

    id: int
    text: str
    commission: str | None
    session_id: int
    session: str
    sectors: list[str]
    review_state: str
    due: str | None
    status: str
    owners: list[dict[str, object]]
    history: list[dict[str, object]]


def append_status(session: Session, update: NewStatus) -> StatusUpdate:
    """Add an update to the caller's transaction, refresh the commitment's status, audit both."""
    commitment = commitment_row(session, update.commitment_id)
    row = StatusUpdate(
        commitment_id=commitment.id,
        status=update.status,
        as_of=update.as_of,
        author=update.author,
        note=update.note,
        suggestion_id=update.suggestion_id,
        replaces_id=_replaced(session, update),
    )
    if isinstance(update.evidence, SpanEvidence):
        document = document_of(session, update.evidence.document)
        start, end = update.evidence.start, update.evidence.end
        if not 0 <= start < end <= len(document.text):
            raise StoreError(
                f"evidence {start}:{end} is outside document {document.key} "
                f"({len(document.text)} characters)"
            )
        row.evidence_document_id = document.id
        row.evidence_start, row.evidence_end = start, end
        row.evidence_text = document.text[start:end]
    elif isinstance(update.evidence, UrlEvidence):
        row.evidence_url = update.evidence.url
    session.add(row)
    session.flush()
    action = "create" if row.replaces_id is None else update.status
    if action not in ("create", WITHDRAWN):
        action = "replace"
    record_change(
        session,
        update.author,
        "status_update",
        row.id,
        action,
        None,
        snapshot(row, UPDATE_FIELDS),
    )
    dated = [
        DatedStatus(as_of, sequence, status, replaces)
        for sequence, as_of, status, replaces in session.execute(
            select(
                StatusUpdate.id, StatusUpdate.as_of, StatusUpdate.status, StatusUpdate.replaces_id
            ).where(StatusUpdate.commitment_id == commitment.id)
        )
    ]
    before = snapshot(commitment, ("status", "edited_fields"))
    commitment.status = current_status(dated)
    commitment.edited_fields = sorted({*commitment.edited_fields, "status"})
    commitment.updated_at = utc_now()
    record_change(
        session,
        update.author,
        "commitment",
        commitment.id,
        "status",
        before,
        snapshot(commitment, ("status", "edited_fields")),
    )
    return row


def _replaced(session: Session, update: NewStatus) -> int | None:
    """The update ``update`` replaces, checked: of the same commitment, and not corrected yet."""
    if update.replaces is None:
        if update.status == WITHDRAWN:
            raise StoreError("a withdrawal names the update it withdraws")
        return None
    earlier = session.get(StatusUpdate, update.replaces)
    if earlier is None or earlier.commitment_id != update.commitment_id:
        raise NotFoundError(
            f"commitment {update.commitment_id} has no status update {update.replaces}"
        )
    if earlier.status == WITHDRAWN:
        raise StoreError(f"status update {earlier.id} is a withdrawal: it cannot be replaced")
    corrected = session.scalar(
        select(StatusUpdate.id).where(StatusUpdate.replaces_id == earlier.id).limit(1)
    )
    if corrected is not None:
        raise StoreError(f"status update {earlier.id} was already replaced by {corrected}")
    return earlier.id


def status_row(row: StatusUpdate, document_key: str | None) -> StatusRow:
    """A stored status update as the history shows it."""
    return StatusRow(
        id=row.id,
        status=row.status,
        as_of=row.as_of,
        author=row.author,
        note=row.note,
        evidence_document=document_key,
        evidence_start=row.evidence_start,
        evidence_end=row.evidence_end,
        evidence_text=row.evidence_text,
        evidence_url=row.evidence_url,
        suggestion_id=row.suggestion_id,
        created_at=row.created_at,
        replaces_id=row.replaces_id,
    )


def status_history(database: Database, commitment_id: int) -> list[StatusRow]:
    """Every update of a commitment, in the order of their dates (then of entry)."""
    with database.reading() as session:
        commitment_row(session, commitment_id)
        return _history(session, commitment_id)


def _history(session: Session, commitment_id: int) -> list[StatusRow]:
    query = (
        select(StatusUpdate, Document.key)
        .outerjoin(Document, Document.id == StatusUpdate.evidence_document_id)
        .where(StatusUpdate.commitment_id == commitment_id)
        .order_by(StatusUpdate.as_of, StatusUpdate.id)
    )
    return [status_row(row, key) for row, key in session.execute(query)]


def commitment_status(database: Database, commitment_id: int) -> CommitmentStatus:
    """One commitment's follow-through: current status, owners, due date and full history."""
    with database.reading() as session:
        row = commitment_row(session, commitment_id)
        meeting = session.get(MeetingSession, row.session_id)
        assert meeting is not None
        history = _history(session, row.id)
        dated = [DatedStatus(h.as_of, h.id, h.status, h.replaces_id) for h in history]
        owners: list[OwnerRow] = owners_of(session, [row.id])[row.id]
        return CommitmentStatus(
            id=row.id,
            text=row.text,
            commission=commission_name(session, meeting.commission_id),
            session_id=row.session_id,
            session=session_label(meeting.ordinal, meeting.start_date),
            sectors=sectors_of(session, [row.id]).get(row.id, []),
            review_state=row.review_state,
            due=row.due,
            status=current_status(dated),
            owners=[o.to_json() for o in owners],
            history=[h.to_json() for h in history],
        )


def status_entries(database: Database, commitment_ids: Sequence[int]) -> list[StatusEntry]:
    """The updates in force of these commitments, by commitment, in the order of their dates.

    Updates replaced or withdrawn by a later entry, and the withdrawals, are
    left out: reports and exports cite what the record now holds.
    """
    if not commitment_ids:
        return []
    with database.reading() as session:
        query = (
            select(StatusUpdate, Document)
            .outerjoin(Document, Document.id == StatusUpdate.evidence_document_id)
            .where(StatusUpdate.commitment_id.in_(list(commitment_ids)))
            .order_by(StatusUpdate.commitment_id, StatusUpdate.as_of, StatusUpdate.id)
        )
        replaced = set(
            session.scalars(
                select(StatusUpdate.replaces_id).where(
                    StatusUpdate.commitment_id.in_(list(commitment_ids)),
                    StatusUpdate.replaces_id.is_not(None),
                )
            )
        )
        return [
            StatusEntry(
                id=update.id,
                commitment_id=update.commitment_id,
                status=update.status,
                as_of=update.as_of,
                author=update.author,
                note=update.note,
                evidence=citation_of(
                    document,
                    update.evidence_text or "",
                    update.evidence_start or 0,
                    update.evidence_end or 0,
                )
                if document is not None
                else None,
                evidence_url=update.evidence_url,
            )
            for update, document in session.execute(query)
            if update.id not in replaced and update.status != WITHDRAWN
        ]
