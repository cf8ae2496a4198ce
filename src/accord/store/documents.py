"""Source documents: the list of them, and one with every extracted item at its span.

A document's items come from two places: the evidence rows that back items
of the record (grounded by construction), and its latest extraction record,
whose spans are checked against the text once more. A span of the record
that no evidence row holds is listed too, flagged as ungrounded when its text
is not the document's text at its offsets: nothing extracted is hidden.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from accord.core.input_limits import MAX_ID, looks_like_id, record_id
from accord.errors import NotFoundError
from accord.store.database import Database
from accord.store.models import (
    Agreement,
    Commitment,
    Document,
    Evidence,
    ExtractionRun,
    NextMeeting,
    Person,
    Post,
    SessionSource,
)
from accord.store.rows import DEFAULT_LIMIT, QueryRow
from accord.store.sessions import (
    SessionRow,
    SourceRow,
    document_session,
    session_row,
    source_row,
)

ItemKind = Literal["meeting", "co_chair", "agreement", "commitment", "next_meeting"]
ITEM_KINDS: tuple[ItemKind, ...] = (
    "meeting",
    "co_chair",
    "agreement",
    "commitment",
    "next_meeting",
)
# Where each kind of item is shown: the record it links to.
RECORD_OF: dict[ItemKind, str] = {
    "meeting": "session",
    "co_chair": "session",
    "agreement": "agreement",
    "commitment": "commitment",
    "next_meeting": "session",
}


@dataclass(frozen=True)
class DocumentRow(QueryRow):
    id: int
    key: str
    title: str | None
    outlet: str | None
    published: dt.date | None
    kind: str
    source: str
    session_id: int | None
    added_at: dt.datetime
    characters: int


@dataclass(frozen=True)
class DocumentFilter:
    session: int | None = None
    outlet: str | None = None
    since: dt.date | None = None
    limit: int | None = DEFAULT_LIMIT
    offset: int = 0


@dataclass(frozen=True)
class DocumentItem(QueryRow):
    """An extracted item at its span; ``record_id`` is None when no stored item holds it."""

    kind: ItemKind
    record: str
    record_id: int | None
    label: str
    start: int
    end: int
    text: str
    grounded: bool


@dataclass(frozen=True)
class DocumentDetail:
    document: SourceRow
    kind: str
    language: str
    added_at: dt.datetime
    text: str
    session: SessionRow | None
    extractor: str | None
    items: list[DocumentItem]

    @property
    def ungrounded(self) -> list[DocumentItem]:
        return [item for item in self.items if not item.grounded]


def list_documents(
    database: Database, filters: DocumentFilter = DocumentFilter()
) -> list[DocumentRow]:
    """Documents, newest first, of one session or outlet, or published since a date."""
    with database.reading() as session:
        query: Select[Any] = select(
            Document.id,
            Document.key,
            Document.title,
            Document.outlet,
            Document.published,
            Document.kind,
            Document.source,
            SessionSource.session_id,
            Document.added_at,
            func.length(Document.text),
        ).outerjoin(SessionSource, SessionSource.document_id == Document.id)
        if filters.session is not None:
            query = query.where(SessionSource.session_id == filters.session)
        if filters.outlet is not None:
            query = query.where(func.lower(Document.outlet) == filters.outlet.lower())
        if filters.since is not None:
            query = query.where(Document.published >= filters.since)
        query = query.order_by(Document.id.desc()).limit(filters.limit).offset(filters.offset)
        return [DocumentRow(*row) for row in session.execute(query)]


def document_detail(database: Database, reference: int | str) -> DocumentDetail:
    """A document (by id or ``doc-…`` key) with every item extracted from it, grounded or not."""
    with database.reading() as session:
        if isinstance(reference, int) or looks_like_id(reference):
            number = reference if isinstance(reference, int) else record_id(reference)
            in_range = number is not None and 1 <= number <= MAX_ID
            document = session.get(Document, number) if in_range else None
        else:
            document = session.scalar(select(Document).where(Document.key == reference))
        if document is None:
            raise NotFoundError(
                f"no document {reference!r} (give its id or its doc-… key)",
                kind="document",
                key=reference,
            )
        document_id = document.id
        session_id = session.scalar(
            select(SessionSource.session_id).where(SessionSource.document_id == document_id)
        )
        run = session.scalar(
            select(ExtractionRun)
            .where(ExtractionRun.document_id == document_id)
            .order_by(ExtractionRun.id.desc())
            .limit(1)
        )
        items = _stored_items(session, document_id)
        if run is not None:
            items += _unstored_items(run.record, document.text, items)
        return DocumentDetail(
            document=source_row(document),
            kind=document.kind,
            language=document.language,
            added_at=document.added_at,
            text=document.text,
            session=session_row(session, session_id) if session_id is not None else None,
            extractor=f"{run.extractor} {run.extractor_version}".strip() if run else None,
            items=sorted(items, key=lambda i: (i.start, -i.end, ITEM_KINDS.index(i.kind))),
        )


def _stored_items(session: Session, document_id: int) -> list[DocumentItem]:
    rows = session.execute(
        select(
            Evidence,
            Commitment.text,
            Commitment.strength,
            Agreement,
            Person.name,
            func.coalesce(Post.session_id, NextMeeting.session_id),
        )
        .outerjoin(Commitment, Commitment.id == Evidence.commitment_id)
        .outerjoin(Agreement, Agreement.id == Evidence.agreement_id)
        .outerjoin(Post, Post.id == Evidence.post_id)
        .outerjoin(Person, Person.id == Post.person_id)
        .outerjoin(NextMeeting, NextMeeting.id == Evidence.next_meeting_id)
        .where(Evidence.document_id == document_id)
    ).all()
    items: list[DocumentItem] = []
    for evidence, commitment_text, strength, agreement, person, owner_session in rows:
        kind, record_id, label = _describe(evidence, commitment_text, strength, agreement, person)
        if kind in ("co_chair", "next_meeting"):
            record_id = owner_session
        items.append(
            DocumentItem(
                kind=kind,
                record=RECORD_OF[kind],
                record_id=record_id,
                label=label,
                start=evidence.span_start,
                end=evidence.span_end,
                text=evidence.text,
                grounded=True,
            )
        )
    return items


def _describe(
    evidence: Evidence,
    commitment_text: str | None,
    strength: str | None,
    agreement: Agreement | None,
    person: str | None,
) -> tuple[ItemKind, int | None, str]:
    if evidence.commitment_id is not None:
        return "commitment", evidence.commitment_id, f"{strength}: {commitment_text}"
    if agreement is not None:
        subject = f": {agreement.subject}" if agreement.subject else ""
        return "agreement", agreement.id, f"{agreement.kind} ({agreement.status}){subject}"
    if evidence.post_id is not None:
        return "co_chair", None, f"co-chair: {person}"
    if evidence.next_meeting_id is not None:
        return "next_meeting", None, "next session"
    return "meeting", evidence.session_id, "the meeting"


def _unstored_items(
    record: dict[str, Any], text: str, stored: list[DocumentItem]
) -> list[DocumentItem]:
    """The record's spans that no evidence row holds, each checked against the text."""
    held = {(item.kind, item.start, item.end) for item in stored}
    found: list[DocumentItem] = []
    for kind, label, span in _record_spans(record):
        start, end, quoted = span.get("start"), span.get("end"), span.get("text")
        if not isinstance(start, int) or not isinstance(end, int) or not isinstance(quoted, str):
            continue
        if (kind, start, end) in held:
            continue
        grounded = 0 <= start <= end <= len(text) and text[start:end] == quoted
        found.append(DocumentItem(kind, RECORD_OF[kind], None, label, start, end, quoted, grounded))
    return found


def _record_spans(record: dict[str, Any]) -> list[tuple[ItemKind, str, dict[str, Any]]]:
    spans: list[tuple[ItemKind, str, dict[str, Any]]] = []
    meeting = record.get("meeting") or {}
    spans += [("meeting", "the meeting", e) for e in meeting.get("evidence") or []]
    spans += [
        ("co_chair", f"co-chair: {c.get('name')}", c.get("evidence") or {})
        for c in meeting.get("co_chairs") or []
    ]
    spans += [
        ("agreement", f"{a.get('kind')} ({a.get('status')})", a.get("evidence") or {})
        for a in record.get("agreements") or []
    ]
    spans += [
        ("commitment", f"{c.get('strength')}: {c.get('text')}", c)
        for c in record.get("commitments") or []
    ]
    upcoming = record.get("next_meeting")
    if upcoming:
        spans.append(("next_meeting", "next session", upcoming.get("evidence") or {}))
    return spans


def document_of(session: Session, reference: str) -> Document:
    """A stored document by id or key (``doc-…``), or a NotFoundError."""
    query = select(Document)
    if looks_like_id(reference):
        query = query.where(Document.id == (record_id(reference) or 0))
    else:
        query = query.where(Document.key == reference)
    row = session.scalar(query)
    if row is None:
        raise NotFoundError(
            f"no stored document {reference!r} (give its id or its doc-… key)",
            kind="document",
            key=reference,
        )
    return row


def document_dates(session: Session, document_id: int) -> tuple[dt.date | None, dt.date | None]:
    """When a document was published, and when the session it reports was held (its last day)."""
    published = session.scalar(select(Document.published).where(Document.id == document_id))
    meeting = document_session(session, document_id)
    held = (meeting.end_date or meeting.start_date) if meeting is not None else None
    return published, held
