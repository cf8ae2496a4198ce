"""Ingesting uploaded files and given addresses in the background, with progress a page can follow.

An upload is saved to a folder of its own and queued; one worker thread
ingests the queue in order with the use case ``accord ingest`` runs
(``accord.track.ingestion``): each document is stored (its drafts accepted
when the upload asks for it), then matched for follow-ups, and the folder
is removed. Addresses are fetched by the same worker (``ingest_addresses``),
and so are a source's poll and the entries a person asks to ingest anyway
(``accord.track.source_polls``). Jobs live in memory: a restarted server
forgets finished jobs, never the documents they stored.
"""

from __future__ import annotations

import datetime as dt
import queue
import re
import secrets
import shutil
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from accord.errors import AccordError
from accord.ingest import Fetcher, MetadataOverrides
from accord.store.database import Database
from accord.track.ingestion import IngestEvent, IngestOptions, ingest_addresses, ingest_paths
from accord.track.source_polls import EntryOutcome, ingest_entries, poll_sources

JobState = Literal["queued", "running", "done", "failed"]
# What a job ingests: uploaded files, addresses, a source's poll, or entries of sources.
JobKind = Literal["files", "addresses", "poll", "entries"]
# Jobs kept for their pages after they finish (the oldest are forgotten first).
JOBS_KEPT = 200
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True)
class FileEvent:
    file: str
    status: str
    document: str | None
    error: str | None


@dataclass
class UploadJob:
    """One upload: its files, what happened to each so far, the drafts accepted (when asked
    to accept them without review) and the follow-ups proposed."""

    id: str
    user: str
    created_at: dt.datetime
    files: list[str]
    auto_accept: bool = False
    kind: JobKind = "files"
    state: JobState = "queued"
    events: list[FileEvent] = field(default_factory=list)
    accepted: int = 0
    followups: int = 0
    error: str | None = None

    @property
    def total(self) -> int:
        # A poll finds its entries as it goes: its total is what it has done so far.
        return len(self.events) if self.kind == "poll" else len(self.files)

    @property
    def done(self) -> int:
        return len(self.events)


@dataclass(frozen=True)
class UploadStatus:
    """An upload job as the API returns it."""

    id: str
    url: str
    user: str
    created_at: dt.datetime
    kind: JobKind
    state: JobState
    total: int
    done: int
    files: list[str]
    events: list[FileEvent]
    auto_accept: bool
    accepted: int
    followups: int
    error: str | None


def safe_file_name(name: str) -> str:
    """A file name to save an upload under: its last path part, plain characters, its suffix kept."""
    base = _SAFE_NAME.sub("_", Path(name.replace("\\", "/")).name).strip("._") or "upload"
    return base[-120:]


class Uploads:
    """The queue of upload jobs and the thread that ingests them."""

    def __init__(
        self, database: Database, workers: int = 1, fetcher: Fetcher | None = None
    ) -> None:
        self.database = database
        self.workers = workers
        self.fetcher = fetcher
        self._jobs: dict[str, UploadJob] = {}
        self._folders: dict[str, Path | None] = {}
        self._overrides: dict[str, MetadataOverrides] = {}
        self._lock = threading.Lock()
        self._queue: queue.Queue[str | None] = queue.Queue()
        self._thread: threading.Thread | None = None

    def submit(
        self,
        user: str,
        files: list[tuple[str, bytes]],
        overrides: MetadataOverrides | None = None,
        *,
        auto_accept: bool = False,
    ) -> UploadJob:
        """Save the files and queue their ingest; the job starts as soon as the worker is free.

        With ``auto_accept``, the drafts of each stored document are accepted as extracted.
        """
        job_id = secrets.token_hex(8)
        folder = Path(tempfile.mkdtemp(prefix=f"accord-upload-{job_id}-"))
        names = []
        for index, (name, content) in enumerate(files, start=1):
            # One folder per file, so that two uploads of "report.txt" keep their own names.
            saved = folder / f"{index:03d}" / safe_file_name(name)
            saved.parent.mkdir()
            saved.write_bytes(content)
            names.append(str(saved.relative_to(folder)))
        job = UploadJob(job_id, user, dt.datetime.now(dt.UTC), names, auto_accept)
        return self._queued(job, overrides, folder)

    def submit_work(
        self,
        user: str,
        kind: JobKind,
        items: list[str],
        overrides: MetadataOverrides | None = None,
        *,
        auto_accept: bool = False,
    ) -> UploadJob:
        """Queue addresses to ingest, sources to poll, or entry ids to ingest anyway."""
        now = dt.datetime.now(dt.UTC)
        job = UploadJob(secrets.token_hex(8), user, now, items, auto_accept, kind)
        return self._queued(job, overrides, None)

    def _queued(
        self, job: UploadJob, overrides: MetadataOverrides | None, folder: Path | None
    ) -> UploadJob:
        job_id = job.id
        with self._lock:
            self._jobs[job_id] = job
            self._folders[job_id] = folder
            self._overrides[job_id] = overrides or MetadataOverrides()
            for old in list(self._jobs)[:-JOBS_KEPT]:
                del self._jobs[old]
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(
                    target=self._work, name="accord-uploads", daemon=True
                )
                self._thread.start()
        self._queue.put(job_id)
        return job

    def get(self, job_id: str) -> UploadJob | None:
        with self._lock:
            return self._jobs.get(job_id)

    def recent(self, limit: int = 20) -> list[UploadJob]:
        with self._lock:
            return list(reversed(list(self._jobs.values())))[:limit]

    def wait(self) -> None:
        """Block until every queued job is done (for tests)."""
        self._queue.join()

    def stop(self) -> None:
        if self._thread is not None and self._thread.is_alive():
            self._queue.put(None)
            self._thread.join(timeout=30)

    def _work(self) -> None:
        while True:
            job_id = self._queue.get()
            try:
                if job_id is None:
                    return
                self._run(job_id)
            finally:
                self._queue.task_done()

    def _run(self, job_id: str) -> None:
        with self._lock:
            job = self._jobs.get(job_id)
            folder = self._folders.pop(job_id)
            overrides = self._overrides.pop(job_id)
        if job is None:
            if folder is not None:
                shutil.rmtree(folder, ignore_errors=True)
            return
        job.state = "running"
        options = IngestOptions(
            overrides, self.workers, actor=job.user, auto_accept=job.auto_accept
        )
        try:
            self._ingest(job, folder, options)
            job.state = "done"
        except AccordError as exc:
            job.state, job.error = "failed", str(exc)
        except Exception as exc:
            job.state, job.error = "failed", f"{type(exc).__name__}: {exc}"
        finally:
            if folder is not None:
                shutil.rmtree(folder, ignore_errors=True)

    def _ingest(self, job: UploadJob, folder: Path | None, options: IngestOptions) -> None:
        def on_event(event: IngestEvent) -> None:
            file = event.path.name if event.path is not None else event.source
            problem = event.error or event.follow_through_error
            if problem and folder is not None:
                problem = _without_folder(problem, folder)
            job.events.append(FileEvent(file, event.status, event.document_key, problem))
            job.accepted += event.accepted
            job.followups += event.suggestions

        def on_entry(outcome: EntryOutcome) -> None:
            job.events.append(
                FileEvent(outcome.url, outcome.status, outcome.document, outcome.reason)
            )

        if job.kind == "files" and folder is not None:
            ingest_paths(self.database, [folder / name for name in job.files], options, on_event)
            return
        if self.fetcher is None:
            raise AccordError("this server fetches no addresses")
        if job.kind == "addresses":
            ingest_addresses(self.database, job.files, self.fetcher, options, on_event)
        elif job.kind == "poll":
            poll = poll_sources(
                self.database, self.fetcher, options, names=job.files, on_entry=on_entry
            )
            failed = [f"{p.source}: {p.error}" for p in poll.polls if p.status == "error"]
            job.error = "; ".join(failed) or None
        else:
            entries = [int(entry) for entry in job.files]
            ingest_entries(self.database, self.fetcher, entries, options, on_entry)


def _without_folder(message: str, folder: Path) -> str:
    """An error naming the uploaded file as the user called it, not where it was saved."""
    return re.sub(re.escape(str(folder)) + r"/\d+/", "", message)


def status_of(job: UploadJob) -> UploadStatus:
    return UploadStatus(
        id=job.id,
        url=f"/api/v1/uploads/{job.id}",
        user=job.user,
        created_at=job.created_at,
        kind=job.kind,
        state=job.state,
        total=job.total,
        done=job.done,
        files=list(job.files),
        events=list(job.events),
        auto_accept=job.auto_accept,
        accepted=job.accepted,
        followups=job.followups,
        error=job.error,
    )
