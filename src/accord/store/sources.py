"""Followed feeds and their entries: the read model, and the small writes a poll makes.

Writes take the caller's session (the poll use case owns the unit of work); reads
take the database. Errors carry facts (the name, the id); each interface phrases them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import case, delete, func, select
from sqlalchemy.orm import Session

from accord.errors import NotFoundError, StoreError
from accord.store.database import Database
from accord.store.models import (
    ENTRY_STATES,
    POLL_STATES,
    Document,
    Source,
    SourceEntry,
    address_key,
)
from accord.store.rows import DEFAULT_LIMIT, QueryRow

MAX_NAME_LENGTH = 200


class ListedEntry(Protocol):
    """An entry as a feed lists it (``accord.ingest.FeedEntry`` is one)."""

    @property
    def url(self) -> str: ...
    @property
    def title(self) -> str | None: ...
    @property
    def published(self) -> dt.date | None: ...


@dataclass(frozen=True)
class FollowedSourceRow(QueryRow):
    """A source as listed: where, how often, its last poll, and its entries by status."""

    id: int
    name: str
    url: str
    kind: str | None
    pattern: str | None
    every_seconds: int | None
    added_by: str | None
    added_at: dt.datetime
    polled_at: dt.datetime | None
    poll_status: str | None
    poll_error: str | None
    poll_found: int | None
    new: int
    ingested: int
    skipped: int
    error: int


@dataclass(frozen=True)
class SourceEntryRow(QueryRow):
    """An entry as listed: its address and what became of it (and the document, if stored)."""

    id: int
    source: str
    url: str
    title: str | None
    published: dt.date | None
    status: str
    reason: str | None
    document: str | None
    found_at: dt.datetime
    updated_at: dt.datetime | None


def add_source(
    session: Session,
    *,
    name: str,
    url: str,
    pattern: str | None = None,
    every_seconds: int | None = None,
    added_by: str | None = None,
) -> Source:
    """A new source; a StoreError when the name is taken or blank."""
    name = " ".join(name.split())
    if not name or len(name) > MAX_NAME_LENGTH:
        raise StoreError(f"a source's name holds 1 to {MAX_NAME_LENGTH} characters")
    if name.isdigit():
        raise StoreError(f"a source's name cannot be a number ({name}): numbers name ids")
    if session.scalar(select(Source.id).where(Source.name == name)) is not None:
        raise StoreError(f"a source named {name!r} exists already")
    source = Source(
        name=name, url=url, pattern=pattern, every_seconds=every_seconds, added_by=added_by
    )
    session.add(source)
    session.flush()
    return source


def source_of(session: Session, reference: str) -> Source:
    """The source named ``reference`` (or with that id); NotFoundError lists the names."""
    query = select(Source).where(Source.name == reference)
    if reference.isdigit():
        query = select(Source).where(Source.id == int(reference))
    source = session.scalar(query)
    if source is None:
        names = session.scalars(select(Source.name).order_by(Source.name)).all()
        known = ", ".join(repr(n) for n in names) if names else "none yet"
        raise NotFoundError(f"no source {reference!r} (sources: {known})")
    return source


def remove_source(session: Session, reference: str) -> str:
    """Remove a source and its entries (documents stored from them stay); its name."""
    source = source_of(session, reference)
    session.execute(delete(SourceEntry).where(SourceEntry.source_id == source.id))
    session.delete(source)
    return source.name


def due_sources(session: Session, now: dt.datetime) -> list[Source]:
    """Sources due a poll at ``now``: never polled, no interval set, or their interval passed."""
    due = []
    for source in session.scalars(select(Source).order_by(Source.id)):
        interval = dt.timedelta(seconds=source.every_seconds or 0)
        if source.polled_at is None or source.polled_at + interval <= now:
            due.append(source)
    return due


def record_poll(
    session: Session,
    source: Source,
    *,
    at: dt.datetime,
    status: str,
    error: str | None = None,
    kind: str | None = None,
    validators: tuple[str | None, str | None] | None = None,
    found: int | None = None,
) -> None:
    """Note a poll of ``source``: when, how it went, what it found; keep the validators
    (ETag, Last-Modified) its answer gave, to ask next time whether it changed."""
    if status not in POLL_STATES:
        raise StoreError(f"a poll is one of {', '.join(POLL_STATES)}, not {status!r}")
    source.polled_at, source.poll_status, source.poll_error = at, status, error
    source.poll_found = found
    if kind is not None:
        source.kind = kind
    if validators is not None:
        source.etag, source.last_modified = validators


def add_entries(session: Session, source: Source, entries: Iterable[ListedEntry]) -> int:
    """Keep the entries ``source`` has not listed before, as ``new``; how many were new."""
    known = set(
        session.scalars(select(SourceEntry.url_key).where(SourceEntry.source_id == source.id))
    )
    added = 0
    for entry in entries:
        key = address_key(entry.url)
        if key in known:
            continue
        known.add(key)
        session.add(
            SourceEntry(
                source_id=source.id,
                url=entry.url,
                url_key=key,
                title=entry.title,
                published=entry.published,
                status="new",
            )
        )
        added += 1
    session.flush()
    return added


def pending_entries(session: Session, source: Source, limit: int) -> list[SourceEntry]:
    """``source``'s entries still ``new``, oldest first, at most ``limit``."""
    query = (
        select(SourceEntry)
        .where(SourceEntry.source_id == source.id, SourceEntry.status == "new")
        .order_by(SourceEntry.id)
        .limit(limit)
    )
    return list(session.scalars(query))


def entry_of(session: Session, entry_id: int) -> SourceEntry:
    entry = session.get(SourceEntry, entry_id)
    if entry is None:
        raise NotFoundError(f"no source entry {entry_id}")
    return entry


def set_entry_status(
    session: Session,
    entry: SourceEntry,
    status: str,
    *,
    at: dt.datetime,
    reason: str | None = None,
    document_id: int | None = None,
) -> None:
    """What became of an entry, and why (a skip's or an error's reason)."""
    if status not in ENTRY_STATES:
        raise StoreError(f"an entry is one of {', '.join(ENTRY_STATES)}, not {status!r}")
    entry.status, entry.reason, entry.updated_at = status, reason, at
    if document_id is not None:
        entry.document_id = document_id


def list_sources(database: Database) -> list[FollowedSourceRow]:
    """Every source, by name, with its last poll and its entries counted by status."""
    counts = {
        status: func.count(case((SourceEntry.status == status, 1))).label(status)
        for status in ENTRY_STATES
    }
    tally = (
        select(SourceEntry.source_id, *counts.values()).group_by(SourceEntry.source_id).subquery()
    )
    query = (
        select(Source, *(func.coalesce(tally.c[s], 0) for s in ENTRY_STATES))
        .outerjoin(tally, tally.c.source_id == Source.id)
        .order_by(Source.name)
    )
    with database.reading() as session:
        return [_source_row(source, numbers) for source, *numbers in session.execute(query)]


def list_entries(
    database: Database,
    *,
    source: str | None = None,
    statuses: Sequence[str] = (),
    limit: int = DEFAULT_LIMIT,
) -> list[SourceEntryRow]:
    """Entries, newest first: of one source, in some statuses (none given: all)."""
    query = (
        select(SourceEntry, Source.name, Document.key)
        .join(Source, Source.id == SourceEntry.source_id)
        .outerjoin(Document, Document.id == SourceEntry.document_id)
        .order_by(SourceEntry.id.desc())
        .limit(limit)
    )
    if statuses:
        query = query.where(SourceEntry.status.in_(statuses))
    with database.reading() as session:
        if source is not None:
            query = query.where(SourceEntry.source_id == source_of(session, source).id)
        return [
            SourceEntryRow(
                id=entry.id,
                source=name,
                url=entry.url,
                title=entry.title,
                published=entry.published,
                status=entry.status,
                reason=entry.reason,
                document=key,
                found_at=entry.found_at,
                updated_at=entry.updated_at,
            )
            for entry, name, key in session.execute(query)
        ]


def _source_row(source: Source, numbers: Sequence[int]) -> FollowedSourceRow:
    new, ingested, skipped, error = (int(n) for n in numbers)
    return FollowedSourceRow(
        id=source.id,
        name=source.name,
        url=source.url,
        kind=source.kind,
        pattern=source.pattern,
        every_seconds=source.every_seconds,
        added_by=source.added_by,
        added_at=source.added_at,
        polled_at=source.polled_at,
        poll_status=source.poll_status,
        poll_error=source.poll_error,
        poll_found=source.poll_found,
        new=new,
        ingested=ingested,
        skipped=skipped,
        error=error,
    )
