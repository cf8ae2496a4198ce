"""The commands refuse ids past the database's range, NUL characters and overlong text.

A refusal is a usage error (exit 2) or an Accord error (exit 1) naming what is
wrong, never a traceback from the database, on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import pytest
from typer.testing import CliRunner, Result

from accord.cli.main import app
from accord.core.input_limits import NOTE_LENGTH, REVIEW_TEXT_LENGTH
from accord.errors import AccordError
from accord.store.database import open_database
from accord.track.names import record_names
from track.records import save_first, save_second

HUGE = str(2**63)


def run(*args: str) -> Result:
    return CliRunner(env={"COLUMNS": "240", "ACCORD_USER": "amina"}).invoke(app, list(args))


@pytest.fixture
def commitment(database_url: str) -> int:
    database = open_database(database_url, names=record_names)
    try:
        first = save_first(database)
        save_second(database)
    finally:
        database.dispose()
    return first[0]


def _refused(result: Result) -> None:
    if result.exit_code == 2:
        assert "Invalid value" in result.output, result.output
        return
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, AccordError), repr(result.exception)


@pytest.mark.parametrize(
    "args",
    [
        ("status", HUGE),
        ("status", str(2**31), "--set", "stalled"),
        ("history", HUGE),
        ("review", "accept", HUGE),
        ("review", "correct", HUGE, "--text", "x"),
        ("review", "--session", HUGE),
        ("followups", "dismiss", HUGE),
        ("followups", "--commitment", HUGE),
        ("commitments", "--session", HUGE),
        ("commitments", "--commission", HUGE),
        ("agreements", "--session", HUGE),
        ("report", "session", HUGE),
        ("report", "status", HUGE),
        ("token", "revoke", HUGE),
    ],
    ids=lambda a: " ".join(a) if isinstance(a, tuple) else a,
)
def test_huge_ids_are_refused_by_every_command(
    database_url: str, commitment: int, args: tuple[str, ...]
) -> None:
    _refused(run(*args, "--db", database_url))


def test_huge_evidence_spans_are_refused(database_url: str, commitment: int) -> None:
    result = run(
        "status", str(commitment), "--set", "in_progress", "--evidence", f"1:0-{HUGE}",
        "--db", database_url,
    )  # fmt: skip
    _refused(result)


@pytest.mark.parametrize(
    "option",
    [
        ("status", "{c}", "--set", "stalled", "--note", "a\x00b"),
        ("review", "correct", "{c}", "--text", "Publish\x00 it."),
        ("review", "correct", "{c}", "--owner", "KTZ\x00@KAZ"),
        ("followups", "dismiss", "1", "--note", "\x00"),
        ("commitments", "--commission", "Kaz\x00"),
        ("commitments", "--agency", "K\x00TZ"),
        ("token", "create", "amina", "--name", "night\x00ly"),
        ("status", "{c}", "--set", "stalled", "--note", "x" * (NOTE_LENGTH + 1)),
        ("review", "correct", "{c}", "--text", "x" * (REVIEW_TEXT_LENGTH + 1)),
    ],
    ids=lambda a: " ".join(a)[:40].replace("\x00", "NUL"),
)
def test_nul_and_overlong_text_are_refused(
    database_url: str, commitment: int, option: tuple[str, ...]
) -> None:
    args = [a.format(c=commitment) if a == "{c}" else a for a in option]
    result = run(*args, "--db", database_url)
    assert result.exit_code == 2, result.output
    assert "NUL" in result.output or "at most" in result.output
