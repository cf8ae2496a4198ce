"""Logging in and out with a password (the browser's way in; scripts use API tokens)."""

from __future__ import annotations

import math
import secrets
from typing import Annotated

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from accord.store.accounts import authenticate, end_login, record_login_refusal, start_login
from accord.web.auth import (
    LOGIN_CSRF_COOKIE,
    SESSION_COOKIE,
    Writer,
    database_of,
    identify,
    login_form_token,
    set_login_cookie,
    set_login_form_cookie,
    settings_of,
)
from accord.web.errors import CsrfRejected
from accord.web.inputs import LineText, NameText
from accord.web.login_throttle import LoginThrottle
from accord.web.rendering import render

pages = APIRouter(include_in_schema=False)


def throttle_of(request: Request) -> LoginThrottle:
    throttle: LoginThrottle = request.app.state.login_throttle
    return throttle


def safe_next(target: str | None) -> str:
    """Where to go after logging in: a path of this site, never another site."""
    if target and target.startswith("/") and not target.startswith(("//", "/\\")):
        return target
    return "/"


def _form(request: Request, next_url: str, error: str | None, status: int) -> HTMLResponse:
    token = login_form_token(request)
    response = render(
        request,
        "login.html",
        {"form_token": token, "next_url": next_url, "error": error},
        status_code=status,
        twin=False,
    )
    set_login_form_cookie(response, token, settings_of(request))
    return response


@pages.get("/login", response_class=HTMLResponse)
def login_page(request: Request, next: Annotated[LineText | None, Query()] = None) -> Response:
    if identify(request) is not None:
        return RedirectResponse(safe_next(next), status_code=303)
    return _form(request, safe_next(next), None, 200)


@pages.post("/login", response_class=HTMLResponse)
def login(
    request: Request,
    username: Annotated[NameText, Form()],
    password: Annotated[LineText, Form()],
    csrf_token: Annotated[LineText, Form()] = "",
    next: Annotated[LineText, Form()] = "/",
) -> Response:
    expected = request.cookies.get(LOGIN_CSRF_COOKIE, "")
    if not expected or not secrets.compare_digest(expected, csrf_token):
        raise CsrfRejected("the login form expired: reload the page and log in again")
    database = database_of(request)
    throttle = throttle_of(request)
    address = request.client.host if request.client else "unknown"
    wait = throttle.attempt(username, address)
    if wait is not None:
        record_login_refusal(database, username, address, "login_locked")
        minutes = math.ceil(wait / 60)
        message = f"Too many failed logins: try again in {minutes} minute{'s' * (minutes > 1)}."
        refusal = _form(request, safe_next(next), message, 429)
        refusal.headers["Retry-After"] = str(wait)
        return refusal
    account = authenticate(database, username, password)
    if account is None:
        record_login_refusal(database, username, address, "login_failed")
        return _form(request, safe_next(next), "Wrong user name or password.", 401)
    throttle.succeeded(username, address)
    token, _login = start_login(database, account)
    response = RedirectResponse(safe_next(next), status_code=303)
    set_login_cookie(response, token, settings_of(request))
    response.delete_cookie(LOGIN_CSRF_COOKIE, path="/login")
    return response


@pages.post("/logout")
def logout(request: Request, identity: Writer) -> Response:
    token = request.cookies.get(SESSION_COOKIE)
    if token:
        end_login(database_of(request), token)
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response
