"""The follow-through commands: review, status, history, followups and scorecard, with --json."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from accord.cli.main import app
from accord.errors import NotFoundError, TrackError
from accord.store.database import open_database
from accord.track.names import record_names
from track.records import save_first, save_second

DOCS = Path(__file__).resolve().parents[1] / "data" / "docs"


def run(*args: str) -> Result:
    return CliRunner(env={"COLUMNS": "240", "ACCORD_USER": "amina"}).invoke(app, list(args))


def run_json(*args: str) -> object:
    result = run(*args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.fixture
def two_sessions(database_url: str) -> list[int]:
    """Sessions 1 and 2 of a small commission; the commitment ids of session 1."""
    database = open_database(database_url, names=record_names)
    try:
        ids = save_first(database)
        save_second(database)
    finally:
        database.dispose()
    return ids


def test_review_cli_lists_accepts_corrects_and_rejects(
    database_url: str, two_sessions: list[int]
) -> None:
    train, gauges, centre, visa = two_sessions
    queue = run_json(
        "review", "--db", database_url, "--kind", "commitment", "--commission", "Kazakhstan"
    )
    assert [item["id"] for item in queue][:4] == [train, gauges, centre, visa]
    [accepted] = run_json("review", "accept", str(train), "--db", database_url)
    assert accepted["review_state"] == "accepted"
    [rejected] = run_json("review", "reject", str(visa), "--db", database_url, "--as", "bolat")
    assert rejected["review_state"] == "rejected"
    [corrected] = run_json(
        "review", "correct", str(gauges), "--db", database_url,
        "--text", "Ten gauging stations on the Syr Darya.",
        "--sector", "environment", "--due", "2025-12", "--owner", "Kazhydromet@KAZ",
    )  # fmt: skip
    assert (corrected["text"], corrected["due"], corrected["sectors"]) == (
        "Ten gauging stations on the Syr Darya.",
        "2025-12",
        ["environment"],
    )
    left = run_json("review", "--db", database_url, "--kind", "commitment")
    assert train not in [item["id"] for item in left] and visa not in [i["id"] for i in left]
    table = run("review", "--db", database_url, "--state", "rejected")
    assert table.exit_code == 0 and "explore a joint tourist visa" in table.stdout
    history = run_json("history", str(visa), "--db", database_url)
    assert [(a["actor"], a["action"]) for a in history["audit"]] == [("bolat", "reject")]


def test_status_cli_sets_and_shows_the_status_and_history(
    database_url: str, two_sessions: list[int]
) -> None:
    train = two_sessions[0]
    shown = run_json(
        "status", str(train), "--set", "in_progress", "--note", "wagons ordered",
        "--evidence", "https://example.org/ktz", "--as-of", "2025-09-01", "--db", database_url,
    )  # fmt: skip
    assert shown["status"] == "in_progress"
    run_json(
        "status", str(train), "--set", "completed", "--as-of", "2025-12-01", "--db", database_url
    )
    history = run_json("history", str(train), "--db", database_url)
    assert [
        (h["status"], h["as_of"], h["author"], h["note"], h["evidence_url"])
        for h in history["commitment"]["history"]
    ] == [
        ("in_progress", "2025-09-01", "amina", "wagons ordered", "https://example.org/ktz"),
        ("completed", "2025-12-01", "amina", None, None),
    ]
    assert [a["after"]["status"] for a in history["audit"]] == ["in_progress", "completed"]
    table = run("history", str(train), "--db", database_url)
    assert (
        table.exit_code == 0
        and "Status history" in table.stdout
        and "wagons ordered" in table.stdout
    )
    shown = run("status", str(train), "--db", database_url)
    assert "completed" in shown.stdout and "Kazakhstan Temir Zholy" in shown.stdout


def test_status_cli_errors_are_one_line(database_url: str, two_sessions: list[int]) -> None:
    result = run("status", str(two_sessions[0]), "--set", "done", "--db", database_url)
    assert result.exit_code == 1
    assert isinstance(result.exception, TrackError)
    assert str(result.exception).startswith("--set: expected one of no_evidence")
    result = run("status", str(two_sessions[0]), "--note", "no status", "--db", database_url)
    assert isinstance(result.exception, TrackError)
    result = run("history", "999", "--db", database_url)
    assert isinstance(result.exception, NotFoundError)


def test_scorecard_cli_groups_and_scores(database_url: str, two_sessions: list[int]) -> None:
    train, gauges, centre, _visa = two_sessions
    for commitment, status in ((train, "completed"), (gauges, "in_progress"), (centre, "dropped")):
        run_json(
            "status",
            str(commitment),
            "--set",
            status,
            "--as-of",
            "2025-10-01",
            "--db",
            database_url,
        )
    rows = run_json(
        "scorecard", "--commission", "Kazakhstan", "--by", "session", "--as-of", "2026-01-01",
        "--db", database_url,
    )  # fmt: skip
    assert [
        (r["group"], r["commitments"], r["compliance_percent"], r["overdue"]) for r in rows
    ] == [
        ("Kazakhstan-Uzbekistan Intergovernmental Commission #1 (2025-03-03)", 4, 50.0, 1),
        ("Kazakhstan-Uzbekistan Intergovernmental Commission #2 (2026-03-04)", 1, None, 0),
        ("all", 5, 50.0, 1),
    ]
    table = run("scorecard", "--by", "sector", "--db", database_url)
    assert table.exit_code == 0 and "transport" in table.stdout and "100.0%" in table.stdout
    bad = run("scorecard", "--by", "country", "--db", database_url)
    assert "--by: expected one of session, sector, agency, side" in str(bad.exception)


def test_ingest_cli_proposes_followups_to_confirm_or_dismiss(
    database_url: str, tmp_path: Path
) -> None:
    for n, name in enumerate(("19", "20", "21")):
        folder = tmp_path / str(n)
        folder.mkdir()
        shutil.copy(DOCS / f"kaz-uzb-igc-session-{name}.txt", folder)
        summary = run_json("ingest", str(folder), "--db", database_url, "--auto-accept")
        assert summary["new"] == 1 and summary["accepted"] > 0
    assert run_json("review", "--db", database_url) == []
    open_rows = run_json("followups", "--db", database_url, "--commission", "Kazakhstan")
    assert summary["suggestions"] > 0 and len(open_rows) > summary["suggestions"]
    train = next(r for r in open_rows if "first pilot train departed" in r["text"])
    decided = run_json("followups", "confirm", str(train["id"]), "--db", database_url)
    assert (decided["state"], decided["decided_by"]) == ("confirmed", "amina")
    status = run_json("status", str(train["commitment_id"]), "--db", database_url)
    assert status["status"] == "completed"
    other = next(r for r in open_rows if r["kind"] == "restated")
    run_json(
        "followups",
        "dismiss",
        str(other["id"]),
        "--note",
        "different project",
        "--db",
        database_url,
    )
    remaining = {r["id"] for r in run_json("followups", "--db", database_url)}
    assert train["id"] not in remaining and other["id"] not in remaining
    everything = run_json("followups", "--state", "all", "--db", database_url)
    assert {r["state"] for r in everything} == {"open", "confirmed", "dismissed"}
    assert run_json("followups", "refresh", "--db", database_url) == {"suggestions": 0}
    table = run("followups", "--db", database_url)
    assert table.exit_code == 0 and "Follow-ups" in table.stdout
