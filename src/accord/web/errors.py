"""One error shape for the whole web app.

Every refusal, from the API or a page, is ``{"error": {"status", "code",
"message"}}`` in JSON; pages show the same fields in HTML, and a page that
needs a login sends the browser to the login form instead. An error about a
value names the request field that gave it (``due: expected YYYY, ...``).
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from accord.errors import (
    AccordError,
    ConfigError,
    FieldError,
    NotFoundError,
    StoreError,
    TrackError,
)
from accord.web.rendering import render

API_PREFIX = "/api/"
log = logging.getLogger("accord.web")


class WebError(Exception):
    """A request the app refuses, with its HTTP status and a stable code."""

    status = 400
    code = "bad_request"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class Unauthenticated(WebError):
    status = 401
    code = "unauthenticated"


class Forbidden(WebError):
    status = 403
    code = "forbidden"


class CsrfRejected(WebError):
    status = 403
    code = "csrf_failed"


class PayloadTooLarge(WebError):
    status = 413
    code = "too_large"


def error_body(status: int, code: str, message: str) -> dict[str, Any]:
    return {"error": {"status": status, "code": code, "message": message}}


def _accord_status(exc: AccordError) -> tuple[int, str]:
    if isinstance(exc, NotFoundError):
        return 404, "not_found"
    if isinstance(exc, ConfigError | TrackError):
        return 400, "invalid"
    if isinstance(exc, StoreError):
        return 409, "conflict"
    return 400, "bad_request"


def accord_message(exc: AccordError) -> str:
    """The message of an error; a field error names the request field (the request models
    call their fields as the use cases do)."""
    if isinstance(exc, FieldError):
        return str(exc.named(exc.field))
    return str(exc)


_HTTP_CODES = {404: "not_found", 405: "method_not_allowed", 401: "unauthenticated"}


def wants_html(request: Request) -> bool:
    return not request.url.path.startswith(API_PREFIX)


def install_error_handlers(app: FastAPI, identify: Callable[[Request], object]) -> None:
    """Route every error through ``respond``: JSON under /api, an HTML page elsewhere.

    ``identify`` finds who is asking, so that an error page still shows the menu.
    """

    def known(request: Request) -> None:
        if wants_html(request):
            with contextlib.suppress(WebError, AccordError):
                identify(request)

    async def on_web_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, WebError)
        if isinstance(exc, Unauthenticated) and wants_html(request):
            target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
            return RedirectResponse(f"/login?next={quote(target, safe='')}", status_code=303)
        return respond(request, exc.status, exc.code, exc.message)

    async def on_accord_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, AccordError)
        known(request)
        status, code = _accord_status(exc)
        return respond(request, status, code, accord_message(exc))

    async def on_validation(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        problems = [
            f"{'.'.join(str(p) for p in e.get('loc', ()) if p not in ('query', 'body'))}: "
            f"{e.get('msg', 'invalid')}"
            for e in exc.errors()
        ]
        known(request)
        return respond(request, 422, "invalid_request", "; ".join(problems))

    async def on_http(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        known(request)
        code = _HTTP_CODES.get(exc.status_code, "http_error")
        return respond(request, exc.status_code, code, str(exc.detail), exc.headers)

    app.add_exception_handler(WebError, on_web_error)
    app.add_exception_handler(AccordError, on_accord_error)
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(HTTPException, on_http)


def respond(
    request: Request,
    status: int,
    code: str,
    message: str,
    headers: Mapping[str, str] | None = None,
) -> Response:
    """The error as JSON for the API, or as the error page for a browser."""
    if wants_html(request):
        return render(
            request,
            "error.html",
            {"status": status, "code": code, "message": message},
            status_code=status,
        )
    return JSONResponse(error_body(status, code, message), status_code=status, headers=headers)


class UnexpectedErrors:
    """Answers an exception no handler knew with a 500 in the one error shape, and logs it.

    It sits inside ``SecurityHeaders``, so the answer carries them too; once a
    response has started there is nothing left to replace, and the error goes on.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def watching(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, watching)
        except Exception:
            if started:
                raise
            log.exception("unexpected error on %s %s", scope["method"], scope["path"])
            message = "something went wrong on the server; the error is logged"
            response = respond(Request(scope), 500, "internal_error", message)
            await response(scope, receive, send)
