"""`accord ingest` as real processes: killed mid-batch, resumed, and two at once."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from accord.core.records import Extraction
from accord.store.database import Database, open_database
from accord.store.models import (
    Document,
    Evidence,
    ExtractionRun,
    MeetingSession,
    Organisation,
    SessionSource,
)
from accord.track.names import record_names

DOCS = Path(__file__).resolve().parents[1] / "data" / "docs"
pytestmark = pytest.mark.slow


def accord(*args: str) -> list[str]:
    return [sys.executable, "-c", "from accord.cli.main import main; main()", *args]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """Every test document twice (the copy with a closing reference line): 36 files."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for source in sorted(DOCS.glob("*.txt")):
        text = source.read_text(encoding="utf-8")
        (folder / source.name).write_text(text, encoding="utf-8")
        (folder / f"copy-{source.name}").write_text(f"{text}\nReference copy.\n", encoding="utf-8")
    return folder


def documents(database: Database) -> int:
    with database.reading() as session:
        return session.scalar(select(func.count()).select_from(Document)) or 0


def assert_complete(database: Database) -> int:
    """Every stored document has one run, its session link and evidence for every span."""
    with database.reading() as session:
        for document_id, record in session.execute(
            select(ExtractionRun.document_id, ExtractionRun.record)
        ):
            extraction = Extraction.model_validate(record)
            spans = len(extraction.spans()) if extraction.meeting else 0
            links = 1 if extraction.meeting else 0
            found = (
                session.scalar(select(func.count()).where(Evidence.document_id == document_id)),
                session.scalar(
                    select(func.count()).where(SessionSource.document_id == document_id)
                ),
            )
            assert found == (spans, links)
        runs = session.scalar(select(func.count()).select_from(ExtractionRun))
        assert runs == documents(database)
        return runs or 0


def test_ingest_killed_mid_batch_resumes_with_every_document_complete(
    corpus: Path, database_url: str
) -> None:
    database = open_database(database_url, names=record_names)
    try:
        total = len(list(corpus.iterdir()))
        process = subprocess.Popen(
            accord("ingest", str(corpus), "--db", database_url),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + 120
        while documents(database) < 1 and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        process.kill()
        process.communicate()
        stored = assert_complete(database)
        assert 1 <= stored < total

        resumed = subprocess.run(
            accord("ingest", str(corpus), "--db", database_url, "--json"),
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert resumed.returncode == 0, resumed.stderr
        summary = json.loads(resumed.stdout)
        assert (summary["known"], summary["new"], summary["failed"]) == (stored, total - stored, 0)
        assert assert_complete(database) == total
    finally:
        database.dispose()


def test_two_ingest_processes_at_once_build_one_clean_record(
    corpus: Path, database_url: str
) -> None:
    # Both start on an empty database: creating the schema races too.
    processes = [
        subprocess.Popen(
            accord("ingest", str(corpus), "--db", database_url, "--json"),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    outputs = [p.communicate(timeout=300) for p in processes]
    assert [p.returncode for p in processes] == [0, 0], [err for _, err in outputs]
    summaries = [json.loads(out) for out, _ in outputs]
    total = len(list(corpus.iterdir()))
    assert sum(s["new"] for s in summaries) == total
    assert sum(s["known"] for s in summaries) == total
    database = open_database(database_url, names=record_names)
    try:
        assert assert_complete(database) == total
        with database.reading() as session:
            organisations = session.execute(
                select(Organisation.key, Organisation.country, func.count())
                .group_by(Organisation.key, Organisation.country)
                .having(func.count() > 1)
            ).all()
            sessions = session.execute(
                select(MeetingSession.commission_id, MeetingSession.ordinal, func.count())
                .where(MeetingSession.ordinal.is_not(None))
                .group_by(
                    MeetingSession.commission_id,
                    MeetingSession.parties,
                    MeetingSession.kind,
                    MeetingSession.ordinal,
                )
                .having(func.count() > 1)
            ).all()
            sources = session.scalar(select(func.count()).select_from(SessionSource))
        assert organisations == []
        assert sessions == []
        # Each copy reports the same session as its original: one session, two sources.
        assert sources is not None and sources % 2 == 0
    finally:
        database.dispose()
