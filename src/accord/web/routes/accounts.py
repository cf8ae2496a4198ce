"""Your account and API tokens; users (admins only)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from pydantic import BaseModel, Field

from accord.store.accounts import (
    MAX_TOKEN_DAYS,
    TOKEN_DAYS,
    Account,
    ApiTokenInfo,
    add_user,
    create_api_token,
    list_accounts,
    list_api_tokens,
    revoke_api_token,
)
from accord.web.auth import Reader, Writer, database_of, require
from accord.web.inputs import IdPath, LineText, NameList, NameText
from accord.web.rendering import render
from accord.web.twins import Twins

twins = Twins("accounts")
api = APIRouter(tags=["accounts"])
forms = APIRouter(include_in_schema=False)


@dataclass(frozen=True)
class AccountPage:
    account: Account
    tokens: list[ApiTokenInfo]


@dataclass(frozen=True)
class NewToken:
    """A token just created: ``token`` is shown this once and never stored."""

    id: int
    name: str
    token: str
    expires_at: dt.datetime | None


class TokenRequest(BaseModel):
    name: NameText = Field(default="script", min_length=1)
    days: int = Field(default=TOKEN_DAYS, ge=1, le=MAX_TOKEN_DAYS, description="Days it lives.")


class UserRequest(BaseModel):
    username: NameText = Field(min_length=1)
    password: LineText = Field(min_length=8)
    role: NameText = "viewer"
    side: NameText | None = None
    agencies: NameList = []
    display_name: NameText | None = None


def _account_page(request: Request, identity: Reader) -> AccountPage:
    return AccountPage(identity.account, list_api_tokens(database_of(request), identity.account))


@twins.view("/account", "account.html", summary="Who you are, and your API tokens")
def account(request: Request, identity: Reader) -> AccountPage:
    return _account_page(request, identity)


@twins.view("/users", "users.html", summary="Users (admins only)")
def users(request: Request, identity: Reader) -> list[Account]:
    require(identity, "administer")
    return list_accounts(database_of(request))


def _new_token(request: Request, identity: Writer, name: str, days: int) -> NewToken:
    token, info = create_api_token(database_of(request), identity.account.username, name, days)
    return NewToken(info.id, info.name, token, info.expires_at)


@api.post("/tokens", status_code=201, summary="Create an API token for yourself (shown once)")
def create_token(request: Request, identity: Writer, body: TokenRequest) -> NewToken:
    return _new_token(request, identity, body.name, body.days)


@api.post("/tokens/{token_id}/revoke", status_code=204, summary="Revoke one of your API tokens")
def revoke_token(request: Request, identity: Writer, token_id: IdPath) -> None:
    owner = None if identity.account.is_admin else identity.account
    revoke_api_token(database_of(request), token_id, owner)


def _new_user(request: Request, identity: Writer, body: UserRequest) -> Account:
    require(identity, "administer")
    return add_user(
        database_of(request),
        body.username,
        body.password,
        body.role,
        side=body.side or None,
        agencies=[a for a in body.agencies if a.strip()],
        display_name=body.display_name or None,
    )


@api.post("/users", status_code=201, summary="Add a user (admins only)")
def create_user(request: Request, identity: Writer, body: UserRequest) -> Account:
    return _new_user(request, identity, body)


@forms.post("/account/tokens", response_class=HTMLResponse)
def token_form(
    request: Request,
    identity: Writer,
    name: Annotated[NameText, Form()] = "browser",
    days: Annotated[int, Form(ge=1, le=MAX_TOKEN_DAYS)] = TOKEN_DAYS,
) -> HTMLResponse:
    created = _new_token(request, identity, name or "browser", days)
    data = _account_page(request, identity)
    context: dict[str, Any] = {"data": data, "new_token": created}
    return render(request, "account.html", context, twin=False)


@forms.post("/account/tokens/{token_id}/revoke")
def revoke_form(request: Request, identity: Writer, token_id: IdPath) -> RedirectResponse:
    revoke_token(request, identity, token_id)
    return RedirectResponse("/account", status_code=303)


@forms.post("/users")
def user_form(
    request: Request, identity: Writer, body: Annotated[UserRequest, Form()]
) -> RedirectResponse:
    _new_user(request, identity, body)
    return RedirectResponse("/users", status_code=303)
