"""HTML from templates: one autoescaping Jinja2 environment, the context every page gets.

Document text and every extracted value are untrusted; autoescape is on for
every template and nothing is marked safe, so whatever a document holds is
shown as text.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from accord import __version__
from accord.core.records import SECTORS
from accord.store.models import COMMITMENT_STATUSES

TEMPLATES = Path(__file__).resolve().parent / "templates"
API_ROOT = "/api/v1"


def label(value: object) -> str:
    """A code as words: ``science_tech`` -> ``science tech``, None -> empty."""
    if value is None:
        return ""
    return str(value).replace("_", " ")


def basename(path: str | None) -> str:
    """A file path's last part (its folder says nothing to a reader); other text as it is."""
    if not path or not re.match(r"^(?:/|\.{1,2}/|[A-Za-z]:\\)", path):
        return path or ""
    return re.split(r"[/\\]", path)[-1]


def when(value: object) -> str:
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M UTC")
    if isinstance(value, dt.date):
        return value.isoformat()
    return "" if value is None else str(value)


def dates(start: dt.date | None, end: dt.date | None) -> str:
    if start and end and start != end:
        return f"{start.isoformat()} – {end.isoformat()}"
    return when(start or end)


def with_query(path: str, params: dict[str, Any], **changes: Any) -> str:
    """``path`` with the non-empty ``params`` as its query, after ``changes``."""
    merged = {**params, **changes}
    query = urlencode({k: v for k, v in merged.items() if v not in (None, "", 0) or k == "q"})
    return f"{path}?{query}" if query else path


def marked(snippet: str, marks: tuple[str, str] = ("[", "]")) -> Markup:
    """A search snippet with its ``[matched]`` words in <mark>, everything else escaped."""
    parts = re.split(rf"{re.escape(marks[0])}(.*?){re.escape(marks[1])}", snippet)
    return Markup("").join(
        Markup("<mark>{}</mark>").format(part) if i % 2 else escape(part)
        for i, part in enumerate(parts)
    )


@functools.cache
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["label"] = label
    env.filters["when"] = when
    env.globals["dates"] = dates
    env.globals["with_query"] = with_query
    env.filters["marked"] = marked
    env.filters["basename"] = basename
    env.globals["version"] = __version__
    env.globals["sector_codes"] = SECTORS
    env.globals["status_codes"] = COMMITMENT_STATUSES
    return env


def json_twin(request: Request) -> str:
    """The API URL computing the same data as this page: ``/x?q`` -> ``/api/v1/x?q``."""
    path = request.url.path
    twin = API_ROOT + ("/dashboard" if path == "/" else path)
    return twin + (f"?{request.url.query}" if request.url.query else "")


def render(
    request: Request,
    template: str,
    context: dict[str, Any],
    *,
    status_code: int = 200,
    twin: bool = True,
) -> HTMLResponse:
    identity = getattr(request.state, "identity", None)
    page = (
        environment()
        .get_template(template)
        .render(
            {
                "request": request,
                "identity": identity,
                "account": identity.account if identity is not None else None,
                "csrf_token": identity.csrf_token if identity is not None else None,
                "json_url": json_twin(request) if twin and status_code < 400 else None,
                "path": request.url.path,
                "today": dt.date.today().isoformat(),
                **context,
            }
        )
    )
    return HTMLResponse(page, status_code=status_code)
