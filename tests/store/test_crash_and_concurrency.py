"""A killed batch leaves complete documents only and resumes; two writers never corrupt the store."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sqlalchemy import func, select

from accord.store.database import Database, table_counts
from accord.store.models import Document, Evidence, ExtractionRun, SessionSource

from .factories import reports

SCRIPT = Path(__file__).with_name("save_reports.py")
COUNT = 60


def start_saving(url: str, count: int, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(SCRIPT), url, str(count), *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def assert_every_document_complete(db: Database) -> int:
    """Each stored document has its run, its session link and all its evidence; returns the count."""
    expected = {document.sha256: len(extraction.spans()) for document, extraction in reports(COUNT)}
    with db.reading() as session:
        documents = session.execute(select(Document.id, Document.sha256)).all()
        for document_id, sha256 in documents:
            runs = session.scalar(
                select(func.count()).where(ExtractionRun.document_id == document_id)
            )
            links = session.scalar(
                select(func.count()).where(SessionSource.document_id == document_id)
            )
            spans = session.scalar(select(func.count()).where(Evidence.document_id == document_id))
            assert (runs, links, spans) == (1, 1, expected[sha256])
    return len(documents)


def merged_record(db: Database) -> dict[str, int]:
    return table_counts(
        db, ["sessions", "commissions", "organisations", "agreements", "commitments", "people"]
    )


ONE_SESSION = {
    "sessions": 1,
    "commissions": 1,
    "organisations": 4,
    "agreements": 1,
    "commitments": 3,
    "people": 2,
}


def test_a_killed_batch_leaves_complete_documents_and_resumes(
    db: Database, database_url: str
) -> None:
    process = start_saving(database_url, COUNT)
    assert process.stdout is not None
    first = process.stdout.readline()  # the first document is committed
    process.kill()
    process.communicate()
    assert first.endswith("new\n")
    stored = assert_every_document_complete(db)
    assert 1 <= stored < COUNT

    resumed = start_saving(database_url, COUNT)
    output, errors = resumed.communicate(timeout=120)
    assert resumed.returncode == 0, errors
    statuses = [line.split()[1] for line in output.splitlines()]
    assert statuses.count("known") == stored
    assert statuses.count("new") == COUNT - stored
    assert assert_every_document_complete(db) == COUNT
    assert merged_record(db) == ONE_SESSION


def test_two_processes_saving_at_once_build_one_clean_record(
    db: Database, database_url: str
) -> None:
    forward = start_saving(database_url, COUNT)
    backward = start_saving(database_url, COUNT, "--reverse")
    results = [p.communicate(timeout=180) for p in (forward, backward)]
    assert [p.returncode for p in (forward, backward)] == [0, 0], [e for _, e in results]
    statuses = [line.split()[1] for out, _ in results for line in out.splitlines()]
    assert statuses.count("new") == COUNT
    assert statuses.count("known") == COUNT
    assert assert_every_document_complete(db) == COUNT
    assert merged_record(db) == ONE_SESSION
