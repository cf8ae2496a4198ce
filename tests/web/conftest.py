"""The web app over a fresh store (SQLite and PostgreSQL), with users of every role.

Passwords are hashed with cheaper argon2 settings here, so that creating and
logging in users in every test stays fast; the algorithm is the same.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from argon2 import PasswordHasher
from fastapi import FastAPI
from fastapi.testclient import TestClient

from accord.store import accounts
from accord.store.accounts import Account, add_user, create_api_token
from accord.store.database import Database
from accord.web.app import create_app
from accord.web.settings import WebSettings
from store import conftest as store_fixtures

from .records import WebRecord, save_web_record

# The store's ``db`` fixture: an open, migrated, empty store on SQLite and on PostgreSQL.
db = store_fixtures.db
PASSWORD = "correct horse battery"
BASE_URL = "https://testserver"
# name -> (role, side, agencies)
USERS: dict[str, tuple[str, str | None, tuple[str, ...]]] = {
    "admin": ("admin", None, ()),
    "editor_pak": ("editor", "PAK", ()),
    "editor_psqca": ("editor", "PAK", ("PSQCA",)),
    "editor_rus": ("editor", "RUS", ()),
    "viewer": ("viewer", "PAK", ()),
}


@pytest.fixture(autouse=True)
def quick_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        accounts, "_HASHER", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    )


@pytest.fixture
def app(db: Database) -> Iterator[FastAPI]:
    web = create_app(WebSettings(database=db.url))
    try:
        yield web
    finally:
        web.state.uploads.stop()
        web.state.database.dispose()


@pytest.fixture
def record(db: Database) -> WebRecord:
    return save_web_record(db)


@pytest.fixture
def users(db: Database, record: WebRecord) -> dict[str, Account]:
    return {
        name: add_user(db, name, PASSWORD, role, side=side, agencies=agencies)
        for name, (role, side, agencies) in USERS.items()
    }


def anonymous(app: FastAPI) -> TestClient:
    return TestClient(app, base_url=BASE_URL)


def with_token(app: FastAPI, db: Database, username: str) -> TestClient:
    """A client acting as ``username`` through an API token (no cookie, no CSRF token)."""
    token, _ = create_api_token(db, username, "tests")
    return TestClient(app, base_url=BASE_URL, headers={"Authorization": f"Bearer {token}"})


def logged_in(app: FastAPI, username: str, password: str = PASSWORD) -> tuple[TestClient, str]:
    """A browser-like client logged in with the form; returns it and its CSRF token."""
    client = TestClient(app, base_url=BASE_URL)
    form = client.get("/login")
    login_token = re.search(r'name="csrf_token" value="([^"]+)"', form.text)
    assert login_token is not None
    response = client.post(
        "/login",
        data={"username": username, "password": password, "csrf_token": login_token[1]},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    page = client.get("/account")
    csrf = re.search(r'<meta name="csrf-token" content="([^"]+)">', page.text)
    assert csrf is not None
    return client, csrf[1]
