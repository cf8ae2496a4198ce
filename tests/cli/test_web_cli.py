"""`accord init-admin`, `accord user ...`, `accord token ...` and `accord serve`."""

from __future__ import annotations

import json

import pytest
from argon2 import PasswordHasher
from fastapi.testclient import TestClient
from typer.testing import CliRunner, Result

from accord.cli.main import app
from accord.errors import ConfigError, NotFoundError
from accord.store import accounts
from accord.store.database import open_database
from accord.track.names import record_names
from accord.web.app import create_app
from accord.web.settings import WebSettings


@pytest.fixture(autouse=True)
def quick_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        accounts, "_HASHER", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    )


def run(*args: str, stdin: str | None = None) -> Result:
    return CliRunner(env={"COLUMNS": "200"}).invoke(app, list(args), input=stdin)


def test_init_admin_creates_the_first_admin_once(database_url: str) -> None:
    first = run("init-admin", "--db", database_url, "--password-stdin", stdin="s3cret-pass\n")
    assert first.exit_code == 0, first.output
    assert "admin admin created" in first.output
    again = run("init-admin", "--db", database_url, "--password-stdin", stdin="other-pass\n")
    assert isinstance(again.exception, ConfigError)
    database = open_database(database_url, names=record_names)
    try:
        assert accounts.authenticate(database, "admin", "s3cret-pass") is not None
    finally:
        database.dispose()


def test_user_add_and_list(database_url: str) -> None:
    added = run(
        "user",
        "add",
        "amina",
        "--role",
        "editor",
        "--side",
        "pak",
        "--db",
        database_url,
        "--password-stdin",
        stdin="long password\n",
    )
    assert added.exit_code == 0 and "editor amina added for PAK" in added.output
    refused = run(
        "user",
        "add",
        "boris",
        "--role",
        "editor",
        "--db",
        database_url,
        "--password-stdin",
        stdin="long password\n",
    )
    assert isinstance(refused.exception, ConfigError)
    listed = run("user", "list", "--json", "--db", database_url)
    assert json.loads(listed.output) == [
        {
            "id": 1,
            "username": "amina",
            "display_name": None,
            "role": "editor",
            "side": "PAK",
            "agencies": [],
        }
    ]
    changed = run(
        "user",
        "password",
        "amina",
        "--db",
        database_url,
        "--password-stdin",
        stdin="a new password\n",
    )
    assert changed.exit_code == 0
    missing = run(
        "user",
        "password",
        "nobody",
        "--db",
        database_url,
        "--password-stdin",
        stdin="a new password\n",
    )
    assert isinstance(missing.exception, NotFoundError)


def test_token_create_prints_a_token_the_api_accepts(database_url: str) -> None:
    run("user", "add", "bot", "--db", database_url, "--password-stdin", stdin="long password\n")
    created = run("token", "create", "bot", "--name", "nightly", "--json", "--db", database_url)
    token = json.loads(created.output)["token"]
    web = create_app(WebSettings(database=database_url))
    try:
        client = TestClient(web, headers={"Authorization": f"Bearer {token}"})
        assert client.get("/api/v1/account").json()["account"]["username"] == "bot"
        revoked = run(
            "token", "revoke", str(json.loads(created.output)["id"]), "--db", database_url
        )
        assert revoked.exit_code == 0
        assert client.get("/api/v1/account").status_code == 401
    finally:
        web.state.database.dispose()


def test_serve_documents_its_options() -> None:
    result = run("serve", "--help")
    assert result.exit_code == 0
    for option in ("--host", "--port", "--db", "--insecure-cookies", "--allow-private-addresses"):
        assert option in result.output
