"""Storing one document's extraction, in the caller's transaction.

A document is stored once (by the sha256 of its text). Saving it again with
the same extractor changes nothing; with another extractor (or version) the
new extraction replaces what the old one produced for that document, while
every field a person edited and every reviewed item stays as it is.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal, TypeVar

from sqlalchemy import Select, delete, exists, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from accord.core.documents import SourceDocument
from accord.core.records import Extraction
from accord.errors import StoreError
from accord.store.commitments import followed_up
from accord.store.database import Database
from accord.store.merge import RecordMerger
from accord.store.models import (
    Agreement,
    Commission,
    Commitment,
    Document,
    Evidence,
    ExtractionRun,
    MeetingSession,
    NextMeeting,
    Post,
    SessionSource,
)
from accord.store.resolve import Resolver

SaveStatus = Literal["new", "known", "updated"]
UNKNOWN_EXTRACTOR = ("unknown", "")


@dataclass(frozen=True)
class SaveOutcome:
    """What saving a document did: ``new``, ``known`` (nothing to do) or ``updated``."""

    status: SaveStatus
    document_id: int
    document_key: str
    session_id: int | None


@dataclass(frozen=True)
class PreviousFindings:
    """The items a document's previous extraction backed, to prune after re-extraction."""

    sessions: frozenset[int] = frozenset()
    posts: frozenset[int] = frozenset()
    agreements: frozenset[int] = frozenset()
    commitments: frozenset[int] = frozenset()
    next_meetings: frozenset[int] = frozenset()
    # (start, end) -> commitment: where the previous extraction found each commitment,
    # so a commitment whose text a person rewrote is still recognised at its place.
    commitment_spans: Mapping[tuple[int, int], int] = field(default_factory=dict)


def save_extraction(
    session: Session, document: SourceDocument, extraction: Extraction
) -> SaveOutcome:
    """Store a document and its extraction, resolved into the record, in the caller's unit of work."""
    if extraction.document.text_sha256 != document.sha256:
        raise StoreError("the extraction was made from another text (text_sha256 differs)")
    return _save(session, Resolver.within(session), document, extraction)


def latest_extractors(database: Database) -> dict[str, tuple[str, str]]:
    """Each stored document's sha256 and the (extractor, version) of its latest run."""
    latest = (
        select(ExtractionRun.document_id, func.max(ExtractionRun.id).label("run_id"))
        .group_by(ExtractionRun.document_id)
        .subquery()
    )
    query = (
        select(Document.sha256, ExtractionRun.extractor, ExtractionRun.extractor_version)
        .join(latest, latest.c.document_id == Document.id)
        .join(ExtractionRun, ExtractionRun.id == latest.c.run_id)
    )
    with database.reading() as session:
        return {sha: (name, version) for sha, name, version in session.execute(query)}


def _save(
    session: Session, resolver: Resolver, document: SourceDocument, extraction: Extraction
) -> SaveOutcome:
    extractor = (
        (extraction.extractor.name, extraction.extractor.version)
        if extraction.extractor
        else UNKNOWN_EXTRACTOR
    )
    row = session.scalar(select(Document).where(Document.sha256 == document.sha256))
    previous = PreviousFindings()
    status: SaveStatus = "new"
    if row is not None:
        latest = session.scalar(
            select(ExtractionRun)
            .where(ExtractionRun.document_id == row.id)
            .order_by(ExtractionRun.id.desc())
            .limit(1)
        )
        if latest is not None and (latest.extractor, latest.extractor_version) == extractor:
            source = session.scalar(
                select(SessionSource.session_id).where(SessionSource.document_id == row.id)
            )
            return SaveOutcome("known", row.id, row.key, source)
        status = "updated"
        previous = _forget(session, row.id)
    else:
        row = _new_document(document)
        session.add(row)
        session.flush()
    run = ExtractionRun(
        document_id=row.id,
        extractor=extractor[0],
        extractor_version=extractor[1],
        record=extraction.to_json_dict(),
    )
    session.add(run)
    session.flush()
    session_id = _merge_findings(session, resolver, row, run, extraction, previous)
    if status == "updated":
        _prune(session, previous)
    return SaveOutcome(status, row.id, row.key, session_id)


def _new_document(document: SourceDocument) -> Document:
    return Document(
        key=document.id,
        sha256=document.sha256,
        text=document.text,
        source=document.source,
        kind=document.kind,
        title=document.title,
        outlet=document.outlet,
        url=document.url,
        published=document.published,
        language=document.language,
    )


def _merge_findings(
    session: Session,
    resolver: Resolver,
    document: Document,
    run: ExtractionRun,
    extraction: Extraction,
    previous: PreviousFindings,
) -> int | None:
    meeting = extraction.meeting
    if meeting is None:
        return None
    commission = resolver.commission(meeting)
    meeting_session = resolver.meeting_session(meeting, commission)
    session.add(
        SessionSource(
            session_id=meeting_session.id, document_id=document.id, extraction_run_id=run.id
        )
    )
    merger = RecordMerger(
        session, resolver, document, run, meeting_session, previous.commitment_spans
    )
    merger.meeting_evidence(meeting.evidence)
    merger.co_chairs(meeting.co_chairs)
    merger.agreements(extraction.agreements)
    merger.commitments(extraction.commitments)
    if extraction.next_meeting is not None:
        merger.next_meeting(extraction.next_meeting)
    merger.write_evidence()
    session.flush()
    return meeting_session.id


def _ids(session: Session, query: Select[int | None] | Select[int]) -> frozenset[int]:
    return frozenset(i for i in session.scalars(query) if i is not None)


def _forget(session: Session, document_id: int) -> PreviousFindings:
    """Drop a document's evidence and session link, remembering what they backed."""
    of_document = Evidence.document_id == document_id
    previous = PreviousFindings(
        sessions=_ids(session, select(Evidence.session_id).where(of_document))
        | _ids(
            session,
            select(SessionSource.session_id).where(SessionSource.document_id == document_id),
        ),
        posts=_ids(session, select(Evidence.post_id).where(of_document)),
        agreements=_ids(session, select(Evidence.agreement_id).where(of_document)),
        commitments=_ids(session, select(Evidence.commitment_id).where(of_document)),
        next_meetings=_ids(session, select(Evidence.next_meeting_id).where(of_document)),
        commitment_spans={
            (start, end): commitment_id
            for start, end, commitment_id in session.execute(
                select(Evidence.span_start, Evidence.span_end, Evidence.commitment_id).where(
                    of_document
                )
            )
            if commitment_id is not None
        },
    )
    session.execute(delete(Evidence).where(of_document))
    session.execute(delete(SessionSource).where(SessionSource.document_id == document_id))
    return previous


def _prune(session: Session, previous: PreviousFindings) -> None:
    """Remove what only the previous extraction backed and no person touched."""
    session.flush()
    _prune_items(session, Commitment, previous.commitments, Evidence.commitment_id)
    _prune_items(session, Agreement, previous.agreements, Evidence.agreement_id)
    _prune_items(session, NextMeeting, previous.next_meetings, Evidence.next_meeting_id)
    session.execute(
        delete(Post).where(
            Post.id.in_(previous.posts), ~exists().where(Evidence.post_id == Post.id)
        )
    )
    _prune_sessions(session, previous.sessions)


Reviewed = TypeVar("Reviewed", Agreement, Commitment, NextMeeting)


def _prune_items(
    session: Session,
    model: type[Reviewed],
    ids: frozenset[int],
    column: InstrumentedAttribute[int | None],
) -> None:
    for row in session.scalars(select(model).where(model.id.in_(ids))):
        backing = session.scalars(select(Evidence.document_id).where(column == row.id)).all()
        touched = (
            bool(row.edited_fields)
            or getattr(row, "review_state", "draft") != "draft"
            or (isinstance(row, Commitment) and followed_up(session, row.id))
        )
        if not backing and not touched:
            session.delete(row)
        elif backing and row.owner_document_id not in backing:
            # The earliest report still backing the item now owns its fields.
            row.owner_document_id = min(backing)


def _prune_sessions(session: Session, session_ids: frozenset[int]) -> None:
    for row in session.scalars(select(MeetingSession).where(MeetingSession.id.in_(session_ids))):
        in_use = any(
            session.scalar(select(exists().where(condition)))
            for condition in (
                SessionSource.session_id == row.id,
                Evidence.session_id == row.id,
                Agreement.session_id == row.id,
                Commitment.session_id == row.id,
                NextMeeting.session_id == row.id,
                Post.session_id == row.id,
            )
        )
        if in_use or row.edited_fields:
            continue
        commission_id = row.commission_id
        session.delete(row)
        session.flush()
        if commission_id is not None and not session.scalar(
            select(exists().where(MeetingSession.commission_id == commission_id))
        ):
            session.execute(delete(Commission).where(Commission.id == commission_id))
