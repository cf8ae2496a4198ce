"""Ingest, then follow through: one use case, the same outcome from the CLI and from an upload."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from argon2 import PasswordHasher
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from accord.cli.main import app as cli_app
from accord.store import accounts
from accord.store.accounts import add_user, create_api_token
from accord.store.database import Database, open_database
from accord.store.followups import list_suggestions
from accord.store.review_queue import review_queue
from accord.track.ingestion import IngestOptions, ingest_paths
from accord.track.names import record_names
from accord.web.app import create_app
from accord.web.settings import WebSettings
from conftest import make_database_url

DOCS = Path(__file__).resolve().parents[1] / "data" / "docs"
# Two sessions of one commission and two reports of a third: each later one restates,
# or reports progress on, promises of the earlier ones.
SEQUENCE = [
    DOCS / "kaz-uzb-igc-session-19.txt",
    DOCS / "kaz-uzb-igc-session-20.txt",
    DOCS / "kaz-uzb-igc-session-20-eurasia-trade-monitor.txt",
    DOCS / "kaz-uzb-igc-session-21.txt",
]
Outcome = tuple[set[tuple[Any, ...]], set[tuple[str, str]], set[tuple[str, str]]]


@pytest.fixture
def second_database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """Another empty database on the same backend as ``database_url``."""
    yield from make_database_url(request.node.callspec.params["database_url"], tmp_path)


def outcome(url: str) -> Outcome:
    """The suggestions proposed, and the items accepted and still drafts, of a store."""
    database = open_database(url, names=record_names)
    try:
        suggestions = {
            (s.document, s.start, s.end, s.kind, s.suggested_status, s.commitment_text, s.score)
            for s in list_suggestions(database)
        }
        accepted = {(i.kind, i.text) for i in review_queue(database, state="accepted")}
        drafts = {(i.kind, i.text) for i in review_queue(database)}
        return suggestions, accepted, drafts
    finally:
        database.dispose()


def ingest_with_the_cli(url: str) -> dict[str, Any]:
    args = ["ingest", *map(str, SEQUENCE), "--db", url, "--auto-accept", "--as", "analyst"]
    result = CliRunner().invoke(cli_app, [*args, "--json"])
    assert result.exit_code == 0, result.output
    summary: dict[str, Any] = json.loads(result.stdout)
    return summary


def upload_with_the_web(url: str, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    monkeypatch.setattr(
        accounts, "_HASHER", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    )
    web = create_app(WebSettings(database=url))
    try:
        add_user(web.state.database, "analyst", "long enough", "admin")
        token, _ = create_api_token(web.state.database, "analyst", "tests")
        client = TestClient(web, headers={"Authorization": f"Bearer {token}"})
        files = [("files", (path.name, path.read_bytes(), "text/plain")) for path in SEQUENCE]
        response = client.post("/api/v1/uploads", files=files, data={"auto_accept": "true"})
        assert response.status_code == 202, response.text
        web.state.uploads.wait()
        job: dict[str, Any] = client.get(response.json()["url"]).json()
        return job
    finally:
        web.state.uploads.stop()
        web.state.database.dispose()


def test_ingest_cli_and_web_upload_give_the_same_suggestions_and_acceptances(
    database_url: str, second_database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    summary = ingest_with_the_cli(database_url)
    job = upload_with_the_web(second_database_url, monkeypatch)
    assert job["state"] == "done" and job["auto_accept"] is True
    assert [e["status"] for e in job["events"]] == ["new"] * len(SEQUENCE)
    assert (job["accepted"], job["followups"]) == (summary["accepted"], summary["suggestions"])
    by_cli, by_web = outcome(database_url), outcome(second_database_url)
    suggestions, accepted, drafts = by_cli
    assert len(suggestions) == summary["suggestions"] and len(suggestions) > 0
    assert len(accepted) > 0 and drafts == set()
    assert by_web == by_cli


def test_ingest_matches_each_document_once_it_is_stored(db: Database) -> None:
    report = ingest_paths(db, SEQUENCE, IngestOptions(actor="analyst"))
    # The first session has nothing earlier to follow up; each later report does.
    assert [e.status for e in report.events] == ["new"] * len(SEQUENCE)
    assert report.events[0].suggestions == 0
    assert all(e.suggestions > 0 for e in report.events[1:])
    assert report.suggestions == len(list_suggestions(db))
    # Without auto-accept, everything extracted waits for review.
    assert report.accepted == 0 and review_queue(db, state="accepted") == []
    # Ingesting again finds every document known: nothing stored, accepted or proposed twice.
    again = ingest_paths(db, SEQUENCE, IngestOptions(actor="analyst", auto_accept=True))
    assert [e.status for e in again.events] == ["known"] * len(SEQUENCE)
    assert (again.accepted, again.suggestions) == (0, 0)


def test_ingest_accepts_the_drafts_of_each_stored_document_when_asked(db: Database) -> None:
    report = ingest_paths(db, SEQUENCE[:2], IngestOptions(actor="analyst", auto_accept=True))
    accepted = review_queue(db, state="accepted")
    assert report.accepted == len(accepted) > 0
    assert review_queue(db) == []
    assert report.events[0].accepted + report.events[1].accepted == report.accepted
