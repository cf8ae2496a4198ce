"""Users, their logins and API tokens: creating them and recognising them again.

Passwords are hashed with argon2; login and API tokens are random and stored
as SHA-256 hashes, so a copy of the database lets nobody in. Every function
returns an ``Account``, the plain description of a user the web and the CLI
check permissions against.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, cast

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from accord.errors import ConfigError, InvalidSetting, NotFoundError, StoreError
from accord.store.audit import record_change
from accord.store.database import Database
from accord.store.lookups import organisation_ids
from accord.store.models import (
    ROLES,
    ApiToken,
    LoginSession,
    Organisation,
    User,
    UserAgency,
    utc_now,
)

Role = Literal["admin", "editor", "viewer"]
MIN_PASSWORD_LENGTH = 8
LOGIN_LIFETIME = dt.timedelta(days=14)
# A token's last use is recorded at most this often, so reads stay reads.
LAST_USED_EVERY = dt.timedelta(minutes=10)
TOKEN_PREFIX = "accord_"
# A new API token lives this many days unless its creator says otherwise (at most MAX_TOKEN_DAYS).
TOKEN_DAYS = 90
MAX_TOKEN_DAYS = 3650
_HASHER = PasswordHasher()
# Verified when a user does not exist, so that a wrong name takes as long as a wrong password.
_DUMMY_HASH = _HASHER.hash("not a password of anyone")
_USERNAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,99}$")


@dataclass(frozen=True)
class Account:
    """A user as permissions see it: role, side and the agencies an editor is narrowed to."""

    id: int
    username: str
    display_name: str | None
    role: Role
    side: str | None
    agencies: tuple[int, ...] = ()
    agency_names: tuple[str, ...] = ()

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "username": self.username,
            "display_name": self.display_name,
            "role": self.role,
            "side": self.side,
            "agencies": list(self.agency_names),
        }


@dataclass(frozen=True)
class ApiTokenInfo:
    id: int
    username: str
    name: str
    prefix: str
    created_at: dt.datetime
    expires_at: dt.datetime | None = None


@dataclass(frozen=True)
class Login:
    """A logged-in browser: who, and the CSRF token its forms must carry."""

    account: Account
    csrf_token: str


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _check_new_user(username: str, password: str, role: str, side: str | None) -> None:
    if not _USERNAME.match(username):
        raise InvalidSetting(
            "username",
            username,
            problem=f"{username!r} is not a user name: use letters, digits and . _ @ - "
            "(at most 100 characters)",
        )
    _check_password(password)
    if role not in ROLES:
        raise InvalidSetting("role", role, allowed=ROLES)
    if side is not None and not re.fullmatch(r"[A-Z]{3}", side):
        raise InvalidSetting("side", side, expected="an ISO 3166 alpha-3 code such as PAK")
    if role == "editor" and side is None:
        raise InvalidSetting("side", problem="an editor needs a side (an ISO 3166 alpha-3 code)")


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidSetting("password", problem=f"at least {MIN_PASSWORD_LENGTH} characters")


def add_user(
    database: Database,
    username: str,
    password: str,
    role: str,
    *,
    side: str | None = None,
    agencies: Sequence[str] = (),
    display_name: str | None = None,
) -> Account:
    """Create a user; ``agencies`` (names or acronyms) narrow an editor's scope within the side."""
    side = side.upper() if side else None
    _check_new_user(username, password, role, side)
    if agencies and role != "editor":
        raise InvalidSetting("agencies", problem="only an editor's scope is narrowed to agencies")
    password_hash = _HASHER.hash(password)
    with database.writing() as session:
        if session.scalar(select(User.id).where(func.lower(User.username) == username.lower())):
            raise StoreError(f"user {username!r} already exists")
        found = [_one_organisation(session, name) for name in agencies]
        user = User(
            username=username,
            display_name=display_name,
            password_hash=password_hash,
            role=role,
            side=side,
            active=True,
        )
        session.add(user)
        session.flush()
        session.add_all(
            UserAgency(user_id=user.id, organisation_id=i) for i in dict.fromkeys(found)
        )
        session.flush()
        return _account(session, user)


def _one_organisation(session: Session, name: str) -> int:
    found = organisation_ids(session, name)
    if len(found) > 1:
        names = session.scalars(select(Organisation.name).where(Organisation.id.in_(found))).all()
        raise InvalidSetting("agencies", name, problem=f"{name!r} is ambiguous: {'; '.join(names)}")
    return found[0]


def _account(session: Session, user: User) -> Account:
    rows = session.execute(
        select(Organisation.id, Organisation.name, Organisation.acronym)
        .join(UserAgency, UserAgency.organisation_id == Organisation.id)
        .where(UserAgency.user_id == user.id)
        .order_by(Organisation.id)
    ).all()
    return Account(
        id=user.id,
        username=user.username,
        display_name=user.display_name,
        role=cast(Role, user.role),
        side=user.side,
        agencies=tuple(i for i, _, _ in rows),
        agency_names=tuple(f"{n} ({a})" if a else n for _, n, a in rows),
    )


def has_admin(database: Database) -> bool:
    with database.reading() as session:
        return session.scalar(select(User.id).where(User.role == "admin").limit(1)) is not None


def list_accounts(database: Database) -> list[Account]:
    with database.reading() as session:
        users = session.scalars(select(User).where(User.active).order_by(User.id)).all()
        return [_account(session, user) for user in users]


def authenticate(database: Database, username: str, password: str) -> Account | None:
    """The account whose name and password these are, or None."""
    with database.reading() as session:
        user = session.scalar(
            select(User).where(func.lower(User.username) == username.lower(), User.active)
        )
        stored = user.password_hash if user is not None else _DUMMY_HASH
        try:
            _HASHER.verify(stored, password)
        except (VerificationError, InvalidHashError):
            return None
        return _account(session, user) if user is not None else None


def set_password(database: Database, username: str, password: str) -> None:
    _check_password(password)
    with database.writing() as session:
        user = _user(session, username)
        user.password_hash = _HASHER.hash(password)
        session.execute(delete(LoginSession).where(LoginSession.user_id == user.id))


def _user(session: Session, username: str) -> User:
    user = session.scalar(select(User).where(func.lower(User.username) == username.lower()))
    if user is None:
        raise NotFoundError(f"no user {username!r}", kind="user", key=username)
    return user


def start_login(database: Database, account: Account) -> tuple[str, Login]:
    """A new login for ``account``: the cookie token (shown once) and its CSRF token."""
    token = secrets.token_urlsafe(32)
    csrf = secrets.token_urlsafe(32)
    now = utc_now()
    with database.writing() as session:
        session.execute(delete(LoginSession).where(LoginSession.expires_at < now))
        session.add(
            LoginSession(
                token_hash=hash_token(token),
                user_id=account.id,
                csrf_token=csrf,
                created_at=now,
                expires_at=now + LOGIN_LIFETIME,
            )
        )
    return token, Login(account, csrf)


def login_for(database: Database, token: str) -> Login | None:
    """The live login a cookie token belongs to, or None (unknown, expired, user disabled)."""
    with database.reading() as session:
        row = session.execute(
            select(LoginSession, User)
            .join(User, User.id == LoginSession.user_id)
            .where(LoginSession.token_hash == hash_token(token), User.active)
        ).first()
        if row is None or row[0].expires_at < utc_now():
            return None
        return Login(_account(session, row[1]), row[0].csrf_token)


def end_login(database: Database, token: str) -> None:
    with database.writing() as session:
        session.execute(delete(LoginSession).where(LoginSession.token_hash == hash_token(token)))


def create_api_token(
    database: Database, username: str, name: str, days: int = TOKEN_DAYS
) -> tuple[str, ApiTokenInfo]:
    """A new API token for ``username``, refused after ``days``: the token (shown once), its info."""
    if not 1 <= days <= MAX_TOKEN_DAYS:
        raise ConfigError(f"days: a token lives 1 to {MAX_TOKEN_DAYS} days, not {days}")
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    with database.writing() as session:
        user = _user(session, username)
        row = ApiToken(
            user_id=user.id,
            name=name,
            token_hash=hash_token(token),
            prefix=token[: len(TOKEN_PREFIX) + 6],
            expires_at=utc_now() + dt.timedelta(days=days),
        )
        session.add(row)
        session.flush()
        return token, ApiTokenInfo(
            row.id, user.username, row.name, row.prefix, row.created_at, row.expires_at
        )


def account_for_token(database: Database, token: str) -> Account | None:
    """The account an API token acts for, or None (unknown, revoked, expired, user disabled)."""
    with database.reading() as session:
        row = session.execute(
            select(ApiToken, User)
            .join(User, User.id == ApiToken.user_id)
            .where(
                ApiToken.token_hash == hash_token(token),
                ApiToken.revoked_at.is_(None),
                User.active,
            )
        ).first()
        if row is None or (row[0].expires_at is not None and row[0].expires_at <= utc_now()):
            return None
        token_row, user = row
        account = _account(session, user)
    now = utc_now()
    if token_row.last_used_at is None or now - token_row.last_used_at > LAST_USED_EVERY:
        with database.writing() as session:
            session.execute(
                update(ApiToken).where(ApiToken.id == token_row.id).values(last_used_at=now)
            )
    return account


def list_api_tokens(database: Database, account: Account) -> list[ApiTokenInfo]:
    """The live tokens of one user, newest first (their prefixes only: tokens are not kept)."""
    query = (
        select(ApiToken)
        .where(
            ApiToken.user_id == account.id,
            ApiToken.revoked_at.is_(None),
            ApiToken.expires_at.is_(None) | (ApiToken.expires_at > utc_now()),
        )
        .order_by(ApiToken.id.desc())
    )
    with database.reading() as session:
        return [
            ApiTokenInfo(
                row.id, account.username, row.name, row.prefix, row.created_at, row.expires_at
            )
            for row in session.scalars(query)
        ]


def revoke_api_token(database: Database, token_id: int, owner: Account | None = None) -> None:
    """Revoke a token (only one of ``owner``'s when an owner is given)."""
    condition = [ApiToken.id == token_id, ApiToken.revoked_at.is_(None)]
    if owner is not None:
        condition.append(ApiToken.user_id == owner.id)
    with database.writing() as session:
        changed = session.execute(update(ApiToken).where(*condition).values(revoked_at=utc_now()))
        if not changed.rowcount:  # type: ignore[attr-defined]
            raise NotFoundError(f"no live API token with id {token_id}", kind="token", key=token_id)


def record_login_refusal(database: Database, username: str, address: str, action: str) -> None:
    """Audit a refused login (``login_failed`` or ``login_locked``): who was tried, from where."""
    with database.writing() as session:
        user_id = session.scalar(
            select(User.id).where(func.lower(User.username) == username.lower())
        )
        record_change(
            session,
            username[:100],
            "user",
            user_id or 0,
            action,
            None,
            {"username": username[:100], "address": address, "known_user": user_id is not None},
        )
