"""Pages and their JSON twins, registered together from one endpoint.

``Twins.view("/sessions/{session_id}", "session.html")`` registers the
endpoint as ``GET /api/v1/sessions/{session_id}`` (JSON, in the OpenAPI
document) and as ``GET /sessions/{session_id}`` (the same call, its result
rendered by the template), so a page and its twin share parameters,
permissions and the query that computes them.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from accord.web.rendering import render

Endpoint = TypeVar("Endpoint", bound=Callable[..., Any])
PageContext = Callable[[Request, Any], dict[str, Any]]


class Twins:
    """Two routers: ``api`` (mounted under /api/v1) and ``pages`` (at the site's root)."""

    def __init__(self, *tags: str) -> None:
        self.api = APIRouter(tags=list(tags))
        self.pages = APIRouter(include_in_schema=False)

    def view(
        self,
        path: str,
        template: str,
        *,
        api_path: str | None = None,
        context: PageContext | None = None,
        summary: str | None = None,
    ) -> Callable[[Endpoint], Endpoint]:
        """Register a GET endpoint (it must take ``request: Request``) as an API route and a page."""

        def register(endpoint: Endpoint) -> Endpoint:
            self.api.add_api_route(api_path or path, endpoint, methods=["GET"], summary=summary)

            @functools.wraps(endpoint)
            def page(**kwargs: Any) -> HTMLResponse:
                request: Request = kwargs["request"]
                data = endpoint(**kwargs)
                extra = context(request, data) if context is not None else {}
                return render(request, template, {"data": data, **extra})

            self.pages.add_api_route(
                path, page, methods=["GET"], response_class=HTMLResponse, response_model=None
            )
            return endpoint

        return register
