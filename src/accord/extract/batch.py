"""Loading and extracting many documents: in this process, in worker processes, or on Dask.

``extract_batch`` yields one item per path, in input order, whatever runs the
work. A file that cannot be loaded or extracted becomes an item with a
one-line error; nothing stops the batch. Each worker process builds the
extractor (and loads its spaCy model) once, when it starts.
"""

from __future__ import annotations

import contextlib
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Protocol

from accord.core.documents import SourceDocument
from accord.core.records import Extraction
from accord.errors import AccordError, IngestError
from accord.extract.pipeline import DEFAULT_EXTRACTOR, get_extractor
from accord.ingest import MetadataOverrides, load_document

# Tasks in flight per worker: enough to keep workers busy, few enough to bound memory.
TASKS_PER_WORKER = 4


@dataclass(frozen=True)
class BatchItem:
    """One path's outcome: its document and extraction, or a one-line error naming the file.

    With neither an extraction nor an error, the document was skipped because
    the caller already holds its extraction by the same extractor.
    """

    path: Path
    document: SourceDocument | None
    extraction: Extraction | None
    error: str | None

    @property
    def skipped(self) -> bool:
        return self.extraction is None and self.error is None


@dataclass(frozen=True)
class BatchSettings:
    """What every worker needs to know, sent once per worker rather than with every task.

    ``skip`` maps the sha256 of documents already extracted to the
    (extractor, version) that did it; such a document is loaded but not extracted
    again unless the extractor changed.
    """

    overrides: MetadataOverrides | None = None
    extractor: str = DEFAULT_EXTRACTOR
    gazetteer_files: tuple[Path, ...] = ()
    skip: Mapping[str, tuple[str, str]] = field(default_factory=dict)


_settings = BatchSettings()


def prepare_worker(settings: BatchSettings) -> None:
    """Set this process up for extraction: remember the settings, build the extractor once."""
    global _settings
    _settings = settings
    with contextlib.suppress(AccordError):  # each document then reports it on its own line
        get_extractor(settings.extractor, settings.gazetteer_files)


def extract_path(path: Path, settings: BatchSettings | None = None) -> BatchItem:
    """Load and extract one file; failures become the item's error.

    ``settings`` (sent by the Dask path) replaces this process's settings the
    first time a task brings them; otherwise those set by ``prepare_worker`` hold.
    """
    if settings is not None and settings is not _settings:
        prepare_worker(settings)
    settings = _settings
    try:
        document = load_document(path, settings.overrides)
    except IngestError as exc:
        return BatchItem(path, None, None, str(exc))
    except Exception as exc:
        return BatchItem(path, None, None, f"{path}: cannot load ({_one_line(exc)})")
    try:
        extractor = get_extractor(settings.extractor, settings.gazetteer_files)
        if settings.skip.get(document.sha256) == (extractor.name, extractor.version):
            return BatchItem(path, document, None, None)
        return BatchItem(path, document, extractor.extract(document), None)
    except AccordError as exc:
        return BatchItem(path, document, None, f"{path}: {_one_line(exc)}")
    except Exception as exc:
        return BatchItem(path, document, None, f"{path}: extraction failed ({_one_line(exc)})")


def _one_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    text = lines[0] if lines else ""
    return text if isinstance(exc, AccordError) else f"{type(exc).__name__}: {text}".rstrip(": ")


class _Pending(Protocol):
    def result(self) -> BatchItem: ...


def _in_order(
    paths: Sequence[Path], submit: Callable[[Path], _Pending], window: int
) -> Iterator[BatchItem]:
    """Results in input order, with at most ``window`` tasks in flight."""
    remaining = iter(paths)
    pending: deque[tuple[Path, _Pending]] = deque(
        (path, submit(path)) for path in islice(remaining, window)
    )
    while pending:
        path, task = pending.popleft()
        try:
            yield task.result()
        except Exception as exc:  # a worker died: this item fails, the batch goes on
            yield BatchItem(path, None, None, f"{path}: worker failed ({_one_line(exc)})")
        following = next(remaining, None)
        if following is not None:
            pending.append((following, submit(following)))


def extract_batch(
    paths: Sequence[Path],
    overrides: MetadataOverrides | None = None,
    workers: int = 1,
    cluster: str | None = None,
    *,
    extractor: str = DEFAULT_EXTRACTOR,
    gazetteer_files: Sequence[Path] = (),
    skip: Mapping[str, tuple[str, str]] | None = None,
) -> Iterator[BatchItem]:
    """Load and extract ``paths``: here, in ``workers`` processes, or on the Dask ``cluster``.

    Items come in input order, one per path, as they are ready.
    """
    settings = BatchSettings(overrides, extractor, tuple(gazetteer_files), dict(skip or {}))
    if cluster is not None:
        yield from _on_cluster(paths, settings, cluster)
    elif workers > 1 and len(paths) > 1:
        yield from _in_processes(paths, settings, workers)
    else:
        prepare_worker(settings)
        yield from (extract_path(path) for path in paths)


def _in_processes(
    paths: Sequence[Path], settings: BatchSettings, workers: int
) -> Iterator[BatchItem]:
    # Spawned, not forked: the parent may run threads (a progress bar) holding locks.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=prepare_worker,
        initargs=(settings,),
    ) as pool:
        yield from _in_order(
            paths, lambda path: pool.submit(extract_path, path), workers * TASKS_PER_WORKER
        )


def _on_cluster(
    paths: Sequence[Path], settings: BatchSettings, address: str
) -> Iterator[BatchItem]:
    from distributed import Client

    try:
        client = Client(address, set_as_default=False)  # type: ignore[no-untyped-call]
    except (OSError, TimeoutError, ValueError) as exc:
        raise AccordError(f"cannot reach the Dask cluster at {address}: {_one_line(exc)}") from exc
    with client:
        # Sent to every worker once; each task then refers to it instead of carrying it.
        shared = client.scatter(settings, broadcast=True)  # type: ignore[no-untyped-call]
        threads = sum(client.nthreads().values()) or 1  # type: ignore[no-untyped-call]
        yield from _in_order(
            paths,
            lambda path: client.submit(extract_path, path, shared, pure=False),
            threads * TASKS_PER_WORKER,
        )
