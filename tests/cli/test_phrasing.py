"""The CLI phrases the errors of the layers below: its own options, where to find ids, one line."""

from __future__ import annotations

import sys

import pytest

from accord.cli.main import main
from accord.cli.phrasing import error_line, options_named
from accord.errors import (
    AccordError,
    InvalidRequest,
    InvalidSetting,
    NotFoundError,
    TrackError,
)
from accord.store.database import open_database
from accord.track.names import record_names
from track.records import save_first

STATUSES = "no_evidence, not_started, in_progress, completed, stalled, dropped"


def accord(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str
) -> tuple[object, str]:
    """Run ``accord ARGS`` as the installed command does; its exit code and its stderr."""
    monkeypatch.setattr(sys, "argv", ["accord", *args])
    with pytest.raises(SystemExit) as exited:
        main()
    return exited.value.code, capsys.readouterr().err


@pytest.fixture
def commitment(database_url: str) -> int:
    database = open_database(database_url, names=record_names)
    try:
        return save_first(database)[0]
    finally:
        database.dispose()


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (
            ("status", "{id}", "--set", "done"),
            f"--set: expected one of {STATUSES}, got 'done'",
        ),
        (
            ("status", "{id}", "--set", "completed", "--evidence", "page 3"),
            "--evidence: expected a URL (https://…) or a document span DOC:START-END, got 'page 3'",
        ),
        (
            ("review", "correct", "{id}", "--strength", "promise"),
            "--strength: expected one of decision, intention, exploration, got 'promise'",
        ),
        (("review", "correct", "{id}", "--text", "  "), "--text: the corrected text is empty"),
        (
            ("review", "correct", "--agreement", "1", "--strength", "decision"),
            "--strength: not a field of an agreement",
        ),
        (
            ("review", "correct", "{id}", "--agreement-status", "signed"),
            "--agreement-status: only for agreements",
        ),
        (
            ("followups", "confirm", "999", "--status", "done"),
            f"--status: expected one of {STATUSES}, got 'done'",
        ),
        (("history", "999"), "no commitment 999; see 'accord commitments'"),
        (("followups", "dismiss", "999"), "no follow-up suggestion 999; see 'accord followups'"),
        (("review", "accept", "999"), "no commitment 999; see 'accord commitments'"),
    ],
    ids=lambda value: " ".join(value) if isinstance(value, tuple) else "",
)
def test_cli_errors_name_its_options_and_where_to_look_on_one_line(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    database_url: str,
    commitment: int,
    args: tuple[str, ...],
    line: str,
) -> None:
    given = [a.format(id=commitment) for a in args]
    code, stderr = accord(monkeypatch, capsys, *given, "--db", database_url)
    assert (code, stderr) == (1, f"error: {line}\n")


def test_options_named_renames_the_field_and_keeps_the_facts() -> None:
    with pytest.raises(TrackError) as caught, options_named(status="--set"):
        raise InvalidRequest("status", "done", allowed=("completed", "dropped"))
    error = caught.value
    assert isinstance(error, InvalidRequest)
    assert str(error) == "--set: expected one of completed, dropped, got 'done'"
    assert (error.field, error.value, error.allowed) == ("status", "done", ("completed", "dropped"))


@pytest.mark.parametrize(
    ("error", "line"),
    [
        (
            InvalidRequest("sectors", "astrology", allowed=("trade",)),
            "--sector: expected one of trade, got 'astrology'",
        ),
        (
            InvalidRequest("as_of", "soon", expected="a date"),
            "--as-of: expected a date, got 'soon'",
        ),
        (
            InvalidSetting("side", problem="an editor needs a side"),
            "--side: an editor needs a side",
        ),
        (InvalidSetting("agencies", problem="only for editors"), "--agency: only for editors"),
        (NotFoundError.record("session", 7), "no session 7; see 'accord sessions'"),
        (
            NotFoundError("no user 'bo'", kind="user", key="bo"),
            "no user 'bo'; see 'accord user list'",
        ),
        (
            NotFoundError("no organisation matches 'X'", kind="organisation"),
            "no organisation matches 'X'",
        ),
        (AccordError("3 of 4 documents failed"), "3 of 4 documents failed"),
    ],
)
def test_error_line_words_each_error_for_the_command_line(error: AccordError, line: str) -> None:
    assert error_line(error) == line
