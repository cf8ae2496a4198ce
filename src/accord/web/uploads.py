"""Ingesting uploaded files in the background, with progress a page can follow.

An upload is saved to a folder of its own and queued; one worker thread
ingests the queue in order with the use case ``accord ingest`` runs
(``accord.track.ingestion.ingest_paths``): each document is stored (its
drafts accepted when the upload asks for it), then matched for follow-ups,
and the folder is removed. Jobs live in memory: a restarted server forgets
finished jobs, never the documents they stored.
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
from accord.ingest import MetadataOverrides
from accord.store.database import Database
from accord.track.ingestion import IngestEvent, IngestOptions, ingest_paths

JobState = Literal["queued", "running", "done", "failed"]
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
    state: JobState = "queued"
    events: list[FileEvent] = field(default_factory=list)
    accepted: int = 0
    followups: int = 0
    error: str | None = None

    @property
    def total(self) -> int:
        return len(self.files)

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

    def __init__(self, database: Database, workers: int = 1) -> None:
        self.database = database
        self.workers = workers
        self._jobs: dict[str, UploadJob] = {}
        self._folders: dict[str, Path] = {}
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
            shutil.rmtree(folder, ignore_errors=True)
            return
        job.state = "running"

        def on_event(event: IngestEvent) -> None:
            file = event.path.name if event.path is not None else ""
            problem = event.error or event.follow_through_error
            error = _without_folder(problem, folder) if problem else None
            job.events.append(FileEvent(file, event.status, event.document_key, error))
            job.accepted += event.accepted
            job.followups += event.suggestions

        options = IngestOptions(
            overrides, self.workers, actor=job.user, auto_accept=job.auto_accept
        )
        try:
            ingest_paths(self.database, [folder / name for name in job.files], options, on_event)
            job.state = "done"
        except AccordError as exc:
            job.state, job.error = "failed", str(exc)
        except Exception as exc:
            job.state, job.error = "failed", f"{type(exc).__name__}: {exc}"
        finally:
            shutil.rmtree(folder, ignore_errors=True)


def _without_folder(message: str, folder: Path) -> str:
    """An error naming the uploaded file as the user called it, not where it was saved."""
    return re.sub(re.escape(str(folder)) + r"/\d+/", "", message)


def status_of(job: UploadJob) -> UploadStatus:
    return UploadStatus(
        id=job.id,
        url=f"/api/v1/uploads/{job.id}",
        user=job.user,
        created_at=job.created_at,
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
