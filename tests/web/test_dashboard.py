"""The dashboard reads the record as it is: a change made elsewhere shows on the next request."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

from fastapi import FastAPI

from accord.store.accounts import Account
from accord.store.database import Database, open_database
from accord.track.names import record_names
from store.factories import Report, save

from .conftest import logged_in, with_token
from .records import NAME, WebRecord


def accord(*args: str) -> list[str]:
    return [sys.executable, "-c", "from accord.cli.main import main; main()", *args]


def _twelfth_session(db: Database) -> None:
    text = (
        "ASTANA: The 12th session of the Pakistan-Russia Intergovernmental Commission was held "
        "on 2 December 2026.\n\nThe sides agreed to open a joint trade house in Lahore.\n"
    )
    r = Report(text, source="twelfth.txt", outlet="Dawn", published=dt.date(2026, 12, 3))
    meeting = r.meeting(
        "The 12th session of the Pakistan-Russia Intergovernmental Commission",
        name=NAME,
        ordinal=12,
        start=dt.date(2026, 12, 2),
    )
    commitment = r.commitment("The sides agreed to open a joint trade house in Lahore.")
    save(db, r.document(), r.extraction(meeting=meeting, commitments=[commitment]))


def test_dashboard_shows_changes_made_by_another_process_on_the_next_request(
    app: FastAPI, db: Database, record: WebRecord, users: dict[str, Account]
) -> None:
    client = with_token(app, db, "viewer")
    before = client.get("/api/v1/dashboard").json()
    assert before["score"]["by_status"]["completed"] == 0
    assert record.shared in {i["id"] for i in before["overdue"]}

    done = subprocess.run(
        accord("status", str(record.shared), "--set", "completed", "--as", "lee", "--db", db.url),
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    after = client.get("/api/v1/dashboard").json()
    assert after["score"]["by_status"]["completed"] == 1
    assert after["score"]["compliance_percent"] == 100.0
    assert after["overdue_total"] == before["overdue_total"] - 1
    assert record.shared not in {i["id"] for i in after["overdue"]}
    [commission] = after["commissions"]
    assert commission["score"]["by_status"]["completed"] == 1
    page = logged_in(app, "viewer")[0].get("/").text
    assert "<b>100.0%</b> compliance" in page


def test_dashboard_shows_a_session_saved_through_another_connection(
    app: FastAPI, db: Database, record: WebRecord, users: dict[str, Account]
) -> None:
    client = with_token(app, db, "viewer")
    before = client.get("/api/v1/dashboard").json()
    other = open_database(db.url, names=record_names)
    try:
        _twelfth_session(other)
    finally:
        other.dispose()
    after = client.get("/api/v1/dashboard").json()
    assert after["score"]["commitments"] == before["score"]["commitments"] + 1
    assert after["review_waiting"]["commitments"] == before["review_waiting"]["commitments"] + 1
    [commission] = after["commissions"]
    assert [s["ordinal"] for s in commission["sessions"]] == [12, 11, 10]
