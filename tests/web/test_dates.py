"""Due dates are real calendar dates; a status holds from a day no later than today.

Refused by the API, the forms and the CLI alike, so nothing stored can break
the reports afterwards, and no far-future update can pin a status.
"""

from __future__ import annotations

import datetime as dt

import pytest
from fastapi import FastAPI
from typer.testing import CliRunner

from accord.cli.main import app as cli
from accord.core.input_limits import due_problem
from accord.store.accounts import Account
from accord.store.database import Database

from .conftest import logged_in, with_token
from .records import WebRecord

IMPOSSIBLE = [
    "2025-02-30",
    "2025-13",
    "2025-00",
    "0000",
    "2025-1",
    "25-01-01",
    "9999",
    "2025-04-31",
]
TOMORROW = (dt.date.today() + dt.timedelta(days=1)).isoformat()


@pytest.mark.parametrize("due", IMPOSSIBLE)
def test_due_problem_names_impossible_dates(due: str) -> None:
    assert due_problem(due) is not None


@pytest.mark.parametrize("due", ["2026", "2026-06", "2024-02-29", "2030-12-31"])
def test_due_problem_takes_real_dates(due: str) -> None:
    assert due_problem(due) is None


def test_impossible_due_dates_are_refused_and_reports_still_render(
    app: FastAPI, db: Database, record: WebRecord, users: dict[str, Account]
) -> None:
    client = with_token(app, db, "admin")
    path = f"/api/v1/commitments/{record.pak}/review"
    for due in IMPOSSIBLE:
        response = client.post(path, json={"action": "correct", "due": due})
        assert response.status_code == 400, (due, response.text)
        assert response.json()["error"]["message"].startswith("due: ")
    browser, csrf = logged_in(app, "admin")
    form = browser.post(
        f"/commitments/{record.pak}/review",
        data={"action": "correct", "due": "2025-02-30", "csrf_token": csrf},
        follow_redirects=False,
    )
    assert form.status_code == 400
    assert client.post(path, json={"action": "correct", "due": "2026-06"}).status_code == 200
    assert client.get(f"/sessions/{record.session_id}/brief.md").status_code == 200
    assert client.get("/commissions/1/status.md").status_code == 200


def test_a_status_cannot_hold_from_after_today(
    app: FastAPI, db: Database, record: WebRecord, users: dict[str, Account]
) -> None:
    client = with_token(app, db, "admin")
    path = f"/api/v1/commitments/{record.pak}/status"
    for as_of in (TOMORROW, "9999-12-31"):
        response = client.post(path, json={"status": "completed", "as_of": as_of})
        assert response.status_code == 422, response.text
        assert "after today" in response.json()["error"]["message"]
    today = dt.date.today().isoformat()
    assert client.post(path, json={"status": "stalled", "as_of": today}).status_code == 201
    page = client.get(f"/api/v1/commitments/{record.pak}").json()
    assert page["follow_through"]["status"] == "stalled"


def test_cli_refuses_impossible_due_dates_and_future_status_dates(
    db: Database, record: WebRecord
) -> None:
    runner = CliRunner(env={"ACCORD_USER": "amina"})
    for due in ("2025-02-30", "0000"):
        result = runner.invoke(
            cli, ["review", "correct", str(record.pak), "--due", due, "--db", db.url]
        )
        assert result.exit_code == 2 and "--due" in result.output, result.output
    result = runner.invoke(
        cli,
        ["status", str(record.pak), "--set", "completed", "--as-of", "9999-12-31", "--db", db.url],
    )
    assert result.exit_code == 2 and "after today" in result.output, result.output


def test_a_mistaken_status_update_is_withdrawn_or_replaced_over_the_api(
    app: FastAPI, db: Database, record: WebRecord, users: dict[str, Account]
) -> None:
    client = with_token(app, db, "admin")
    path = f"/api/v1/commitments/{record.pak}/status"
    early = (dt.date.today() - dt.timedelta(days=30)).isoformat()
    mistaken = client.post(path, json={"status": "completed"}).json()
    client.post(path, json={"status": "stalled", "as_of": early})
    status = f"/api/v1/commitments/{record.pak}"
    assert client.get(status).json()["follow_through"]["status"] == "completed"
    bare = client.post(path, json={"status": "withdrawn"})
    assert bare.status_code == 400
    withdrawn = client.post(
        path, json={"status": "withdrawn", "replaces": mistaken["id"], "note": "wrong item"}
    )
    assert withdrawn.status_code == 201, withdrawn.text
    assert client.get(status).json()["follow_through"]["status"] == "stalled"
    again = client.post(path, json={"status": "in_progress", "replaces": mistaken["id"]})
    assert again.status_code == 409
    other = client.post(
        f"/api/v1/commitments/{record.rus}/status",
        json={"status": "in_progress", "replaces": mistaken["id"]},
    )
    assert other.status_code == 404
