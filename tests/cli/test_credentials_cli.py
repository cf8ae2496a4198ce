"""Credentials stay out of the analysts' files; files that hold them are readable by their owner only."""

from __future__ import annotations

import csv
import stat
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select
from typer.testing import CliRunner, Result

from accord.cli.main import app
from accord.store import accounts
from accord.store.accounts import add_user, create_api_token, start_login
from accord.store.database import open_database
from accord.store.models.users import User
from accord.track.names import record_names


@pytest.fixture(autouse=True)
def quick_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        accounts, "_HASHER", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    )


def run(*args: str) -> Result:
    return CliRunner().invoke(app, list(args))


@pytest.fixture
def with_credentials(database_url: str) -> list[str]:
    """A store with a user, a login and an API token; the secrets a file must not show."""
    database = open_database(database_url, names=record_names)
    try:
        account = add_user(database, "amina", "correct horse battery", "admin")
        token, _ = create_api_token(database, "amina", "nightly")
        cookie, login = start_login(database, account)
        with database.reading() as session:
            password_hash = session.scalar(select(User.password_hash).where(User.id == account.id))
    finally:
        database.dispose()
    assert password_hash is not None
    return [
        password_hash,
        accounts.hash_token(token),
        accounts.hash_token(cookie),
        login.csrf_token,
    ]


def _private(path: Path) -> bool:
    return stat.S_IMODE(path.stat().st_mode) == 0o600


def test_csv_export_leaves_credentials_out(
    database_url: str, with_credentials: list[str], tmp_path: Path
) -> None:
    folder = tmp_path / "tables"
    assert run("export", str(folder), "--format", "csv", "--db", database_url).exit_code == 0
    written = "".join(p.read_text(encoding="utf-8") for p in folder.glob("*.csv"))
    for secret in with_credentials:
        assert secret not in written
    with (folder / "users.csv").open(encoding="utf-8", newline="") as handle:
        users = list(csv.DictReader(handle))
    assert [u["username"] for u in users] == ["amina"] and "password_hash" not in users[0]
    with (folder / "api_tokens.csv").open(encoding="utf-8", newline="") as handle:
        assert [t["name"] for t in csv.DictReader(handle)] == ["nightly"]


def test_record_export_and_backup_are_created_for_their_owner_only(
    database_url: str, with_credentials: list[str], tmp_path: Path
) -> None:
    record = tmp_path / "record.jsonl"
    exported = run("export", str(record), "--db", database_url)
    assert exported.exit_code == 0, exported.output
    assert with_credentials[0] in record.read_text(encoding="utf-8")  # lossless, so it holds them
    assert _private(record)
    assert "readable by you only" in exported.output
    copy = tmp_path / "copy.sqlite3"
    backed_up = run("backup", str(copy), "--db", database_url)
    assert backed_up.exit_code == 0, backed_up.output
    assert _private(copy)
    assert "readable by you only" in backed_up.output
