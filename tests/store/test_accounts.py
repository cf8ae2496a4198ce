"""Users, logins, API tokens and notes in the store; they travel with exports too."""

from __future__ import annotations

import io

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select

from accord.errors import ConfigError, NotFoundError, StoreError
from accord.store import accounts
from accord.store.accounts import (
    account_for_token,
    add_user,
    authenticate,
    create_api_token,
    end_login,
    login_for,
    revoke_api_token,
    set_password,
    start_login,
)
from accord.store.database import Database, open_database
from accord.store.models import ApiToken, User
from accord.store.notes import add_note, notes_for
from accord.store.transfer import export_jsonl, import_jsonl
from accord.track.names import record_names

from .factories import dawn_report, save


@pytest.fixture(autouse=True)
def quick_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        accounts, "_HASHER", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    )


def test_passwords_are_stored_as_argon2_hashes(db: Database) -> None:
    add_user(db, "amina", "a long password", "editor", side="pak")
    with db.reading() as session:
        stored = session.scalars(select(User.password_hash)).one()
    assert stored.startswith("$argon2id$") and "a long password" not in stored
    assert authenticate(db, "AMINA", "a long password") is not None
    assert authenticate(db, "amina", "wrong password") is None
    assert authenticate(db, "nobody", "a long password") is None
    set_password(db, "amina", "another password")
    assert authenticate(db, "amina", "a long password") is None


@pytest.mark.parametrize(
    ("username", "password", "role", "side", "problem"),
    [
        ("bad name!", "long enough", "viewer", None, "user name"),
        ("short", "short", "viewer", None, "password"),
        ("boss", "long enough", "owner", None, "role"),
        ("ed", "long enough", "editor", None, "needs a side"),
        ("ed", "long enough", "editor", "Pakistan", "ISO 3166"),
    ],
)
def test_new_users_are_checked(
    db: Database, username: str, password: str, role: str, side: str | None, problem: str
) -> None:
    with pytest.raises(ConfigError, match=problem):
        add_user(db, username, password, role, side=side)


def test_user_names_are_unique_and_agencies_must_exist(db: Database) -> None:
    add_user(db, "lee", "long enough", "viewer")
    with pytest.raises(StoreError, match="already exists"):
        add_user(db, "LEE", "long enough", "viewer")
    with pytest.raises(NotFoundError):
        add_user(db, "ed", "long enough", "editor", side="PAK", agencies=["Nowhere Agency"])
    save(db, *dawn_report())
    editor = add_user(db, "ed", "long enough", "editor", side="PAK", agencies=["PSQCA"])
    assert editor.agency_names == ("Pakistan Standards and Quality Control Authority (PSQCA)",)


def test_logins_and_tokens_are_recognised_until_ended(db: Database) -> None:
    account = add_user(db, "lee", "long enough", "viewer")
    cookie, login = start_login(db, account)
    assert login_for(db, cookie) == login
    end_login(db, cookie)
    assert login_for(db, cookie) is None
    token, info = create_api_token(db, "lee", "script")
    with db.reading() as session:
        assert session.scalars(select(ApiToken.token_hash)).one() != token
    assert account_for_token(db, token) == account
    revoke_api_token(db, info.id)
    assert account_for_token(db, token) is None
    with pytest.raises(NotFoundError):
        revoke_api_token(db, info.id)


def test_internal_notes_are_read_by_their_side_only(db: Database) -> None:
    pak = add_user(db, "pak", "long enough", "editor", side="PAK")
    rus = add_user(db, "rus", "long enough", "viewer", side="RUS")
    admin = add_user(db, "root", "long enough", "admin")
    add_note(db, pak, "commitment", 1, "for everyone", internal=False)
    add_note(db, pak, "commitment", 1, "for Pakistan", internal=True)
    assert [n.text for n in notes_for(db, "commitment", 1, pak)] == [
        "for everyone",
        "for Pakistan",
    ]
    assert [n.text for n in notes_for(db, "commitment", 1, rus)] == ["for everyone"]
    assert len(notes_for(db, "commitment", 1, admin)) == 2
    with pytest.raises(ConfigError, match="side"):
        add_note(db, admin, "commitment", 1, "mine", internal=True)


def test_users_tokens_and_notes_round_trip_through_an_export(
    db: Database, other_database_url: str
) -> None:
    account = add_user(db, "lee", "long enough", "viewer", side="PAK")
    token, _ = create_api_token(db, "lee", "script")
    add_note(db, account, "session", 1, "kept", internal=True)
    first = io.StringIO()
    export_jsonl(db, first)
    other = open_database(other_database_url, names=record_names)
    try:
        import_jsonl(other, io.StringIO(first.getvalue()))
        again = io.StringIO()
        export_jsonl(other, again)
        assert again.getvalue() == first.getvalue()
        assert authenticate(other, "lee", "long enough") == account
        assert account_for_token(other, token) == account
    finally:
        other.dispose()
