"""Password guessing is throttled per account and per address, with Retry-After, and audited.

Also here: logged-in pages are never cached, and an export for a commission that
does not exist is a 404 like its page.
"""

from __future__ import annotations

import re

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from httpx import Response
from typer.testing import CliRunner

from accord.cli.main import app as cli
from accord.errors import NotFoundError
from accord.store.accounts import Account
from accord.store.audit import audit_trail
from accord.store.database import Database
from accord.web.login_throttle import ACCOUNT_FAILURES, ADDRESS_FAILURES, WINDOW_S, LoginThrottle

from .conftest import BASE_URL, PASSWORD, logged_in, with_token
from .records import WebRecord


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_login_throttle_locks_an_account_until_its_failures_age_out() -> None:
    clock = Clock()
    throttle = LoginThrottle(clock=clock)
    for _ in range(ACCOUNT_FAILURES):
        assert throttle.attempt("Amina", "10.0.0.1") is None
        clock.now += 1
    assert throttle.attempt("amina", "10.0.0.2") == WINDOW_S - ACCOUNT_FAILURES
    assert throttle.attempt("bolat", "10.0.0.1") is None
    clock.now += WINDOW_S
    assert throttle.attempt("amina", "10.0.0.1") is None
    throttle.succeeded("amina", "10.0.0.1")
    for _ in range(ACCOUNT_FAILURES - 1):
        assert throttle.attempt("amina", "10.0.0.1") is None


def test_login_throttle_locks_an_address_trying_many_accounts() -> None:
    throttle = LoginThrottle(clock=Clock())
    for n in range(ADDRESS_FAILURES):
        assert throttle.attempt(f"user{n}", "10.0.0.9") is None
    assert throttle.attempt("someone", "10.0.0.9") is not None
    assert throttle.attempt("someone", "10.0.0.10") is None


def _try(client: TestClient, username: str, password: str) -> Response:
    form = client.get("/login")
    token = re.search(r'name="csrf_token" value="([^"]+)"', form.text)
    assert token is not None
    return client.post(
        "/login",
        data={"username": username, "password": password, "csrf_token": token[1]},
        follow_redirects=False,
    )


def test_wrong_passwords_lock_the_account_with_retry_after_and_are_audited(
    app: FastAPI, db: Database, users: dict[str, Account]
) -> None:
    client = TestClient(app, base_url=BASE_URL)
    for _ in range(ACCOUNT_FAILURES):
        assert _try(client, "editor_pak", "guess-guess").status_code == 401
    locked = _try(client, "editor_pak", PASSWORD)
    assert locked.status_code == 429
    assert 0 < int(locked.headers["retry-after"]) <= WINDOW_S
    assert "Too many failed logins" in locked.text
    assert "accord_session" not in client.cookies
    logged_in(app, "editor_rus")  # another account still logs in
    entries = [
        (e.action, e.entity_id, (e.after or {}).get("username"))
        for e in audit_trail(db, "user")
        if e.action.startswith("login")
    ]
    editor = users["editor_pak"].id
    assert entries == [("login_failed", editor, "editor_pak")] * ACCOUNT_FAILURES + [
        ("login_locked", editor, "editor_pak")
    ]


def test_one_address_guessing_many_accounts_is_locked(
    app: FastAPI, db: Database, users: dict[str, Account]
) -> None:
    client = TestClient(app, base_url=BASE_URL)
    for n in range(ADDRESS_FAILURES):
        assert _try(client, f"nobody{n}", "guess-guess").status_code == 401
    assert _try(client, "admin", PASSWORD).status_code == 429
    failed = [e for e in audit_trail(db, "user") if e.action == "login_failed"]
    assert len(failed) == ADDRESS_FAILURES and failed[0].entity_id == 0


def test_logged_in_pages_and_api_answers_are_not_cached(
    app: FastAPI, db: Database, record: WebRecord, users: dict[str, Account]
) -> None:
    browser, _ = logged_in(app, "viewer")
    for path in ("/", "/commitments", f"/commitments/{record.pak}", "/account"):
        assert browser.get(path).headers["cache-control"] == "no-store"
    api = with_token(app, db, "viewer")
    assert api.get("/api/v1/commitments").headers["cache-control"] == "no-store"
    assert api.get("/exports/commitments.csv").headers["cache-control"] == "no-store"


@pytest.mark.parametrize(
    "path",
    [
        "/exports/commitments.csv?commission=999",
        "/exports/commitments.xlsx?commission=999",
        "/exports/calendar.ics?commission=999",
        "/api/v1/exports/commitments.csv?commission=999",
    ],
)
def test_exports_for_a_commission_that_does_not_exist_are_404(
    app: FastAPI, db: Database, record: WebRecord, users: dict[str, Account], path: str
) -> None:
    assert with_token(app, db, "viewer").get(path).status_code == 404


def test_export_cli_for_a_commission_that_does_not_exist_fails(
    db: Database, record: WebRecord
) -> None:
    for args in (["commitments", "--commission", "999"], ["calendar", "--commission", "999"]):
        result = CliRunner().invoke(cli, ["export", *args, "--db", db.url])
        assert result.exit_code == 1 and isinstance(result.exception, NotFoundError)
