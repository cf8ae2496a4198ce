"""Ingest, then follow through: load, extract and store each file or page, then accept and match it.

The one path ``accord ingest``, the web's uploads and the polls of followed
sources take. Files are loaded from disk, pages fetched from their addresses
(``ingest_addresses``: an address stored before is not fetched again, and a
fetched page is kept beside its document). Per document, in
the order extracted: store it (and, with ``auto_accept``, accept the drafts
it backs) in one unit of work, then match its sentences against the open
commitments of its commission's earlier sessions (``followups``). A crash
loses at most the document in flight, and running the same batch again
resumes: documents already stored by the same extractor are recognised by
the sha256 of their text and not extracted again (nor followed through).
Extraction runs here, in processes, or on a Dask cluster (``accord.extract.batch``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

from sqlalchemy.exc import SQLAlchemyError

from accord.core.documents import SourceDocument
from accord.core.records import Extraction
from accord.errors import AccordError, IngestError
from accord.extract.batch import extract_batch
from accord.extract.pipeline import DEFAULT_EXTRACTOR, Extractor, get_extractor
from accord.ingest import Fetcher, MetadataOverrides, expand_sources, fetch_document
from accord.store.database import Database
from accord.store.document_fetches import document_at_address, record_fetch
from accord.store.extractions import latest_extractors, save_extraction
from accord.store.followups import document_ids
from accord.track.authors import author_name
from accord.track.followup_suggestions import propose_followups
from accord.track.review import accept_drafts

IngestStatus = Literal["new", "updated", "known", "failed"]
# Planner statistics are refreshed after this many stored documents, and at the end.
STATISTICS_EVERY = 1000


@dataclass(frozen=True)
class IngestEvent:
    """What happened to one file or address: its status, the document key or the error (naming
    the file or address), the drafts accepted and follow-ups proposed, or why following it
    through failed."""

    path: Path | None
    status: IngestStatus
    document_key: str | None = None
    error: str | None = None
    accepted: int = 0
    suggestions: int = 0
    follow_through_error: str | None = None
    address: str | None = None

    @property
    def source(self) -> str:
        """The file or address, as the user gave it."""
        return self.address or str(self.path or "")


@dataclass
class IngestReport:
    """The outcome of a batch, file by file, with counts per status."""

    events: list[IngestEvent] = field(default_factory=list)
    stored: int = 0

    def count(self, status: IngestStatus) -> int:
        return sum(1 for event in self.events if event.status == status)

    @property
    def failures(self) -> list[IngestEvent]:
        return [event for event in self.events if event.status == "failed"]

    @property
    def accepted(self) -> int:
        return sum(event.accepted for event in self.events)

    @property
    def suggestions(self) -> int:
        return sum(event.suggestions for event in self.events)

    @property
    def follow_through_failures(self) -> list[IngestEvent]:
        return [event for event in self.events if event.follow_through_error is not None]

    def to_json(self) -> dict[str, object]:
        return {
            "new": self.count("new"),
            "updated": self.count("updated"),
            "known": self.count("known"),
            "failed": self.count("failed"),
            "failures": [{"path": e.source, "error": e.error} for e in self.failures],
            "accepted": self.accepted,
            "suggestions": self.suggestions,
        }


@dataclass(frozen=True)
class IngestOptions:
    """How to extract (metadata, workers or cluster, extractor, gazetteer files) and how to
    follow through: who is acting, whether to accept the drafts, whether to match follow-ups."""

    overrides: MetadataOverrides | None = None
    workers: int = 1
    cluster: str | None = None
    extractor: str = DEFAULT_EXTRACTOR
    gazetteer_files: tuple[Path, ...] = ()
    actor: str | None = None
    auto_accept: bool = False
    followups: bool = True


@dataclass(frozen=True)
class FollowThrough:
    """What the follow-through did for stored documents: drafts accepted, suggestions proposed."""

    accepted: int
    suggestions: int


def collect_sources(args: Sequence[str]) -> tuple[list[Path], list[IngestEvent]]:
    """The files named by ``args`` and a failure for each argument that names none."""
    paths: list[Path] = []
    seen: set[Path] = set()
    failures: list[IngestEvent] = []
    for arg in args:
        try:
            found = expand_sources([arg])
        except IngestError as exc:
            failures.append(IngestEvent(Path(arg), "failed", error=str(exc)))
            continue
        for path in found:
            if path.resolve() not in seen:
                seen.add(path.resolve())
                paths.append(path)
    return paths, failures


def ingest_paths(
    database: Database,
    paths: Sequence[Path],
    options: IngestOptions = IngestOptions(),
    on_event: Callable[[IngestEvent], None] | None = None,
) -> IngestReport:
    """Load, extract, store and follow through every path; each failure is reported and the
    batch goes on. ``on_event`` hears of each file as soon as it is done."""
    actor = author_name(options.actor)
    report = IngestReport()
    items = extract_batch(
        paths,
        options.overrides,
        options.workers,
        options.cluster,
        extractor=options.extractor,
        gazetteer_files=options.gazetteer_files,
        skip=latest_extractors(database),
    )
    for item in items:
        if item.error is not None or item.document is None:
            event = IngestEvent(item.path, "failed", error=item.error or f"{item.path}: not loaded")
        elif item.extraction is None:
            event = IngestEvent(item.path, "known", document_key=item.document.id)
        else:
            event = _store(database, item.path, item.document, item.extraction, actor, options)
        _counted(database, report, event, on_event)
    if report.stored % STATISTICS_EVERY:
        database.refresh_statistics()
    return report


def ingest_addresses(
    database: Database,
    addresses: Sequence[str],
    fetcher: Fetcher,
    options: IngestOptions = IngestOptions(),
    on_event: Callable[[IngestEvent], None] | None = None,
) -> IngestReport:
    """Fetch, read, extract, store and follow through each address, one after the other.

    An address already stored (asked before, or reached by a redirect) is ``known``
    without fetching it again; a page whose text is stored already is ``known`` too,
    and its address is remembered. Each failure is reported and the batch goes on.
    """
    actor = author_name(options.actor)
    report = IngestReport()
    extractor: Extractor | None = None
    for address in dict.fromkeys(addresses):
        with database.reading() as session:
            known = document_at_address(session, address)
        if known is not None:
            event = IngestEvent(None, "known", known.key, address=address)
        else:
            try:
                document = fetch_document(fetcher, address, options.overrides)
                extractor = extractor or get_extractor(options.extractor, options.gazetteer_files)
                extraction = extractor.extract(document)
            except AccordError as exc:
                message = str(exc) if isinstance(exc, IngestError) else f"{address}: {exc}"
                event = IngestEvent(None, "failed", error=message, address=address)
            else:
                event = _store(database, address, document, extraction, actor, options)
        _counted(database, report, event, on_event)
    if report.stored % STATISTICS_EVERY:
        database.refresh_statistics()
    return report


def store_document(
    database: Database,
    address: str,
    document: SourceDocument,
    extraction: Extraction,
    options: IngestOptions = IngestOptions(),
) -> IngestEvent:
    """Store one fetched and extracted document and follow it through (a followed source's entry)."""
    return _store(database, address, document, extraction, author_name(options.actor), options)


def _counted(
    database: Database,
    report: IngestReport,
    event: IngestEvent,
    on_event: Callable[[IngestEvent], None] | None,
) -> None:
    report.events.append(event)
    if on_event is not None:
        on_event(event)
    if event.status in ("new", "updated"):
        report.stored += 1
        if report.stored % STATISTICS_EVERY == 0:
            database.refresh_statistics()


def _store(
    database: Database,
    origin: Path | str,
    document: SourceDocument,
    extraction: Extraction,
    actor: str,
    options: IngestOptions,
) -> IngestEvent:
    """Store one document (accepting its drafts when asked; keeping the page it was fetched
    as), then match its follow-ups. ``origin`` is its file, or the address it was fetched from."""
    path, address = (origin, None) if isinstance(origin, Path) else (None, origin)
    try:
        with database.writing() as session:
            outcome = save_extraction(session, document, extraction)
            record_fetch(session, outcome.document_id, document)
            stored = outcome.status in ("new", "updated")
            accept = stored and options.auto_accept
            accepted = accept_drafts(session, [outcome.document_id], actor) if accept else 0
    except AccordError as exc:
        return IngestEvent(path, "failed", error=f"{origin}: {exc}", address=address)
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        error = f"{origin}: database error: {reason}"
        return IngestEvent(path, "failed", error=error, address=address)
    event = IngestEvent(
        path, outcome.status, outcome.document_key, accepted=accepted, address=address
    )
    if outcome.status not in ("new", "updated") or not options.followups:
        return event
    try:
        found = propose_followups(
            database, outcome.document_id, gazetteer_files=options.gazetteer_files
        )
    except AccordError as exc:
        return replace(event, follow_through_error=f"{origin}: follow-through: {exc}")
    return replace(event, suggestions=len(found))


def after_ingest(
    database: Database,
    document_keys: Sequence[str],
    actor: str,
    *,
    accept: bool = False,
    followups: bool = True,
    gazetteer_files: Sequence[Path] = (),
) -> FollowThrough:
    """Follow through on documents already stored: accept their drafts if asked, propose follow-ups.

    ``gazetteer_files`` may extend the follow-up vocabulary (their ``followups`` sections).
    """
    ids = document_ids(database, document_keys)
    accepted = 0
    if accept and ids:
        with database.writing() as session:
            accepted = accept_drafts(session, ids, actor)
    suggestions = 0
    if followups:
        for document_id in ids:
            found = propose_followups(database, document_id, gazetteer_files=gazetteer_files)
            suggestions += len(found)
    return FollowThrough(accepted, suggestions)
