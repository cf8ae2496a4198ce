"""Ingesting files into the record: load, extract (here, in processes or on Dask), save.

Each document is saved in its own transaction as soon as it is extracted, so
a crash loses at most the document in flight, and running the same command
again resumes: documents already stored by the same extractor are loaded to
be recognised (by the sha256 of their text) but not extracted again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from sqlalchemy.exc import SQLAlchemyError

from accord.errors import AccordError, IngestError
from accord.extract.batch import extract_batch
from accord.extract.pipeline import DEFAULT_EXTRACTOR
from accord.ingest import MetadataOverrides, expand_sources
from accord.store.database import Database
from accord.store.extractions import latest_extractors, save_extraction

IngestStatus = Literal["new", "updated", "known", "failed"]
# Planner statistics are refreshed after this many stored documents, and at the end.
STATISTICS_EVERY = 1000


@dataclass(frozen=True)
class IngestEvent:
    """What happened to one file: its status, the document key, or the error (naming the file)."""

    path: Path | None
    status: IngestStatus
    document_key: str | None = None
    error: str | None = None


@dataclass
class IngestReport:
    """The outcome of a batch, file by file, with counts per status."""

    events: list[IngestEvent] = field(default_factory=list)

    def count(self, status: IngestStatus) -> int:
        return sum(1 for event in self.events if event.status == status)

    @property
    def failures(self) -> list[IngestEvent]:
        return [event for event in self.events if event.status == "failed"]

    def to_json(self) -> dict[str, object]:
        return {
            "new": self.count("new"),
            "updated": self.count("updated"),
            "known": self.count("known"),
            "failed": self.count("failed"),
            "failures": [{"path": str(e.path or ""), "error": e.error} for e in self.failures],
        }


@dataclass(frozen=True)
class IngestOptions:
    overrides: MetadataOverrides | None = None
    workers: int = 1
    cluster: str | None = None
    extractor: str = DEFAULT_EXTRACTOR
    gazetteer_files: tuple[Path, ...] = ()


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
    """Load, extract and save every path; each failure is reported and the batch goes on."""
    report = IngestReport()
    stored = 0
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
            try:
                outcome = save_extraction(database, item.document, item.extraction)
                event = IngestEvent(item.path, outcome.status, document_key=outcome.document_key)
            except AccordError as exc:
                event = IngestEvent(item.path, "failed", error=f"{item.path}: {exc}")
            except SQLAlchemyError as exc:
                reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
                event = IngestEvent(
                    item.path, "failed", error=f"{item.path}: database error: {reason}"
                )
        report.events.append(event)
        if on_event is not None:
            on_event(event)
        if event.status in ("new", "updated"):
            stored += 1
            if stored % STATISTICS_EVERY == 0:
                database.refresh_statistics()
    if stored % STATISTICS_EVERY:
        database.refresh_statistics()
    return report
