"""A mistaken status update is corrected by a new entry: replaced, or withdrawn.

The history stays append-only (the mistake is kept, no longer in force), each
correction is audited, and reports cite only what is in force.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from typer.testing import CliRunner, Result

from accord.cli.main import app
from accord.core.follow_through import DatedStatus, current_status
from accord.errors import StoreError
from accord.store.audit import audit_trail
from accord.store.database import open_database
from accord.store.statuses import commitment_status, status_entries
from accord.track.names import record_names
from accord.track.status import set_status

from .records import save_first


def run(*args: str) -> Result:
    return CliRunner(env={"ACCORD_USER": "amina"}).invoke(app, list(args))


def test_current_status_leaves_out_replaced_and_withdrawn_updates() -> None:
    day = dt.date(2026, 1, 1)
    mistaken = DatedStatus(dt.date(2026, 11, 1), 1, "completed")
    later = DatedStatus(day, 2, "stalled")
    assert current_status([mistaken, later]) == "completed"
    assert current_status([mistaken, later, DatedStatus(day, 3, "withdrawn", 1)]) == "stalled"
    assert current_status([mistaken, later, DatedStatus(day, 3, "in_progress", 1)]) == (
        "in_progress"
    )


@pytest.fixture
def commitment(database_url: str) -> int:
    database = open_database(database_url, names=record_names)
    try:
        return save_first(database)[0]
    finally:
        database.dispose()


def test_a_far_dated_mistake_is_withdrawn_and_the_status_follows_again(
    database_url: str, commitment: int
) -> None:
    db = open_database(database_url, names=record_names)
    try:
        mistaken = set_status(db, commitment, "completed", "amina", as_of=dt.date(2026, 11, 1))
        set_status(db, commitment, "stalled", "amina", as_of=dt.date(2026, 10, 1))
        assert commitment_status(db, commitment).status == "completed"  # pinned by its date
        set_status(db, commitment, "withdrawn", "bolat", note="wrong date", replaces=mistaken.id)
        after = commitment_status(db, commitment)
        assert after.status == "stalled"
        assert [h["status"] for h in after.history][-1] == "withdrawn"
        assert len(after.history) == 3  # nothing removed
        assert [e.status for e in status_entries(db, [commitment])] == ["stalled"]
        actions = [(a.actor, a.action) for a in audit_trail(db, "status_update")]
        assert actions[-1] == ("bolat", "withdrawn")
        with pytest.raises(StoreError, match="already replaced"):
            set_status(db, commitment, "in_progress", "amina", replaces=mistaken.id)
    finally:
        db.dispose()


def test_status_cli_replaces_and_withdraws(database_url: str, commitment: int) -> None:
    first = run(
        "status", str(commitment), "--set", "completed", "--as-of", "2026-11-01",
        "--db", database_url, "--json",
    )  # fmt: skip
    assert first.exit_code == 0, first.output
    history = json.loads(first.stdout)["history"]
    replaced = run(
        "status", str(commitment), "--set", "in_progress", "--replaces", str(history[0]["id"]),
        "--note", "not finished yet", "--db", database_url, "--json",
    )  # fmt: skip
    assert replaced.exit_code == 0, replaced.output
    shown = json.loads(replaced.stdout)
    assert shown["status"] == "in_progress"
    assert shown["history"][-1]["replaces_id"] == history[0]["id"]
    withdrawn = run(
        "status", str(commitment), "--withdraw", str(shown["history"][-1]["id"]),
        "--note", "no evidence after all", "--db", database_url, "--json",
    )  # fmt: skip
    assert withdrawn.exit_code == 0, withdrawn.output
    assert json.loads(withdrawn.stdout)["status"] == "no_evidence"
    assert (
        run("status", str(commitment), "--withdraw", "999999", "--db", database_url).exit_code == 1
    )
