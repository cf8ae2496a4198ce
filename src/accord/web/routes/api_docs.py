"""The API's own page: every operation of the OpenAPI document, served from the package."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from accord.web.auth import Reader
from accord.web.rendering import API_ROOT, render

pages = APIRouter(include_in_schema=False)
METHODS = ("get", "post", "put", "patch", "delete")


def operations(openapi: dict[str, Any]) -> list[dict[str, Any]]:
    """Each operation as method, path, summary, parameters and whether it takes a body."""
    found = []
    for path, item in openapi.get("paths", {}).items():
        for method in METHODS:
            operation = item.get(method)
            if operation is None:
                continue
            found.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": operation.get("summary", ""),
                    "tag": (operation.get("tags") or [""])[0],
                    "parameters": [
                        f"{p['name']} ({p['in']})" for p in operation.get("parameters", [])
                    ],
                    "body": "requestBody" in operation,
                }
            )
    return found


@pages.get("/api", response_class=HTMLResponse)
def api_page(request: Request, identity: Reader) -> HTMLResponse:
    context = {
        "operations": operations(request.app.openapi()),
        "json_url": f"{API_ROOT}/openapi.json",
        "api_root": API_ROOT,
    }
    return render(request, "api.html", context, twin=False)
