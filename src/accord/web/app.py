"""The app factory: ``create_app(settings)`` builds the whole web app, for tests and the server.

The JSON API lives under ``/api/v1`` (its OpenAPI document at
``/api/v1/openapi.json``); every page sits at the same path without the
prefix. Every asset is served from the package: no CDN, no network.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import APIRouter, FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from accord import __version__
from accord.ingest import AddressPolicy, Fetcher, FetchSettings
from accord.store.database import open_database
from accord.track.names import record_names
from accord.web.auth import identify
from accord.web.errors import UnexpectedErrors, install_error_handlers
from accord.web.inputs import RefuseNul
from accord.web.login_throttle import LoginThrottle
from accord.web.rendering import API_ROOT
from accord.web.routes import (
    accounts,
    api_docs,
    dashboard,
    documents,
    follow,
    login,
    record,
    reports,
    sources,
    uploads,
)
from accord.web.settings import WebSettings
from accord.web.uploads import Uploads

STATIC = Path(__file__).resolve().parent / "static"

# No inline script or style, nothing from elsewhere: a script smuggled into a
# document's text could not run even if it escaped the templates.
SECURITY_HEADERS = [
    (
        b"content-security-policy",
        b"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        b"object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    ),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
]


class SecurityHeaders:
    """Adds the security headers to every response.

    Plain ASGI (no task per request): it only looks at the start of each response.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        static = scope["path"].startswith("/static/")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                # A response with a policy of its own (an HTML report) keeps it.
                own = {name.lower() for name, _ in headers}
                headers += [(k, v) for k, v in SECURITY_HEADERS if k not in own]
                if not static and b"cache-control" not in own:
                    # Pages and data are a user's own: no browser or proxy keeps a copy.
                    headers.append((b"cache-control", b"no-store"))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


def create_app(settings: WebSettings | None = None) -> FastAPI:
    """The web app over the database ``settings`` names (opened, and migrated, now)."""
    settings = settings or WebSettings()
    database = open_database(settings.database, names=record_names)

    fetcher = Fetcher(
        FetchSettings(
            policy=AddressPolicy(allow_private=settings.allow_private_addresses),
            host_interval=settings.fetch_interval,
        )
    )
    ingests = Uploads(database, settings.ingest_workers, fetcher=fetcher)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        ingests.stop()
        fetcher.close()
        database.dispose()

    app = FastAPI(
        title="Accord",
        version=__version__,
        description="The record of intergovernmental commissions and their follow-through.",
        openapi_url=f"{API_ROOT}/openapi.json",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.database = database
    app.state.uploads = ingests
    app.state.login_throttle = LoginThrottle()
    app.state.fetcher = fetcher
    install_error_handlers(app, identify)
    api = APIRouter(prefix=API_ROOT)
    for module in (dashboard, record, documents, follow, uploads, sources, accounts):
        api.include_router(module.twins.api)
        app.include_router(module.twins.pages)
    for module in (follow, uploads, sources, accounts):
        api.include_router(module.api)
        app.include_router(module.forms)
    api.include_router(reports.routes)
    app.include_router(api)
    app.include_router(reports.routes, include_in_schema=False)
    app.include_router(login.pages)
    app.include_router(api_docs.pages)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_middleware(RefuseNul)
    app.add_middleware(UnexpectedErrors)
    app.add_middleware(SecurityHeaders)
    return app
