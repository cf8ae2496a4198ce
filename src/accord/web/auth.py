"""Who is asking, and may they: logins by cookie or API token, CSRF, permissions.

A browser logs in with a password and gets a random token in an HttpOnly,
SameSite=Lax cookie (Secure unless turned off); every change it asks for
must carry that login's CSRF token, in the form or the ``X-CSRF-Token``
header. A script sends ``Authorization: Bearer <token>`` and needs no CSRF
token, since no browser sends that header on its own.

Admins may do everything. Editors change only what their scope owns: items
of their side (and, when narrowed, of their agencies). Viewers read.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Annotated, Literal

from fastapi import Depends, Request, Response

from accord.store.accounts import Account, account_for_token, login_for
from accord.store.database import Database
from accord.store.scopes import ItemScope
from accord.web.errors import CsrfRejected, Forbidden, Unauthenticated
from accord.web.settings import WebSettings

SESSION_COOKIE = "accord_session"
LOGIN_CSRF_COOKIE = "accord_login_csrf"
CSRF_HEADER = "X-CSRF-Token"
CSRF_FIELD = "csrf_token"
SESSION_MAX_AGE_S = 14 * 24 * 3600
_UNKNOWN = object()
_FORMS = ("application/x-www-form-urlencoded", "multipart/form-data")

Action = Literal["read", "upload", "review", "set_status", "decide_followup", "note", "administer"]
# Actions on an item of the record: an editor needs the item in scope.
SCOPED_ACTIONS: frozenset[Action] = frozenset({"review", "set_status", "decide_followup", "note"})


@dataclass(frozen=True)
class Identity:
    """An authenticated request: the account, and the CSRF token when it came by cookie."""

    account: Account
    csrf_token: str | None


def database_of(request: Request) -> Database:
    database: Database = request.app.state.database
    return database


def settings_of(request: Request) -> WebSettings:
    settings: WebSettings = request.app.state.settings
    return settings


def identify(request: Request) -> Identity | None:
    """The request's identity (once per request), or None when it carries none."""
    known = getattr(request.state, "identity", _UNKNOWN)
    if known is not _UNKNOWN:
        assert known is None or isinstance(known, Identity)
        return known
    database = database_of(request)
    identity: Identity | None = None
    header = request.headers.get("authorization", "")
    if header[:7].lower() == "bearer ":
        account = account_for_token(database, header[7:].strip())
        if account is None:
            raise Unauthenticated("the API token is unknown or revoked")
        identity = Identity(account, None)
    elif cookie := request.cookies.get(SESSION_COOKIE):
        login = login_for(database, cookie)
        if login is not None:
            identity = Identity(login.account, login.csrf_token)
    request.state.identity = identity
    return identity


def current_identity(request: Request) -> Identity:
    """Dependency: the identity of a request that must be authenticated."""
    identity = identify(request)
    if identity is None:
        raise Unauthenticated("log in, or send an API token as 'Authorization: Bearer ...'")
    return identity


async def writing_identity(request: Request) -> Identity:
    """Dependency for a change: authenticated, and by a page of this site when by cookie."""
    identity = current_identity(request)
    if identity.csrf_token is not None:
        sent = request.headers.get(CSRF_HEADER)
        if sent is None and request.headers.get("content-type", "").startswith(_FORMS):
            value = (await request.form()).get(CSRF_FIELD)
            sent = value if isinstance(value, str) else None
        if sent is None or not secrets.compare_digest(sent, identity.csrf_token):
            raise CsrfRejected(
                "the form is stale or came from another site: reload the page and try again"
            )
    return identity


Reader = Annotated[Identity, Depends(current_identity)]
Writer = Annotated[Identity, Depends(writing_identity)]


def allowed(account: Account, action: Action, scope: ItemScope | None = None) -> bool:
    """Whether ``account`` may do ``action`` (on an item owned as ``scope`` says)."""
    if account.role == "admin" or action == "read":
        return True
    if account.role != "editor" or action == "administer":
        return False
    if action not in SCOPED_ACTIONS:
        return True
    if scope is None or account.side not in scope.sides:
        return False
    return not account.agencies or bool(set(account.agencies) & scope.agencies)


def require(identity: Identity, action: Action, scope: ItemScope | None = None) -> None:
    """Raise ``Forbidden`` unless the identity may do ``action``."""
    account = identity.account
    if allowed(account, action, scope):
        return
    if account.role == "viewer":
        raise Forbidden(f"{account.username} is a viewer and may only read")
    if action == "administer":
        raise Forbidden("only an admin may do this")
    owners = ", ".join(sorted(scope.sides)) if scope is not None else "nobody"
    narrowed = " and its agencies" if account.agencies else ""
    raise Forbidden(
        f"{account.username} edits for {account.side}{narrowed}; this item belongs to {owners}"
    )


def set_login_cookie(response: Response, token: str, settings: WebSettings) -> None:
    response.set_cookie(
        SESSION_COOKIE,
        token,
        max_age=SESSION_MAX_AGE_S,
        httponly=True,
        secure=settings.secure_cookies,
        samesite="lax",
        path="/",
    )


def login_form_token(request: Request) -> str:
    """The double-submit token of the login form (there is no login yet to hold one)."""
    return request.cookies.get(LOGIN_CSRF_COOKIE) or secrets.token_urlsafe(32)


def set_login_form_cookie(response: Response, token: str, settings: WebSettings) -> None:
    response.set_cookie(
        LOGIN_CSRF_COOKIE,
        token,
        max_age=3600,
        httponly=True,
        secure=settings.secure_cookies,
        samesite="strict",
        path="/login",
    )
