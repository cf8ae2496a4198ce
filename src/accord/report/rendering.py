"""Report files: formats and media types, HTML from the one report template, PDF from the HTML.

Document text is untrusted, so the HTML template is autoescaped and every
value put into Markdown is escaped (``escape_markdown``): no raw HTML, links
or table breaks can come from a quote. Markdown is written by
``markdown_rendering`` and DOCX by ``docx_rendering``, from the same blocks.
"""

from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass
from typing import Literal, get_args

import jinja2

from accord.errors import ConfigError
from accord.report.blocks import ReportDocument

ReportFormat = Literal["md", "html", "docx", "pdf"]
REPORT_FORMATS: tuple[str, ...] = get_args(ReportFormat)
MEDIA_TYPES = {
    "md": "text/markdown; charset=utf-8",
    "html": "text/html; charset=utf-8",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "jsonl": "application/x-ndjson; charset=utf-8",
    "ics": "text/calendar; charset=utf-8",
}

# Enough to keep text inert: no emphasis, code, links, raw HTML or table cells can start.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
_ENTITY = re.compile(r"&(?=#?\w+;)")


@dataclass(frozen=True)
class Rendered:
    """A produced file: its bytes, media type and a file name to offer for download."""

    content: bytes
    media_type: str
    filename: str


def check_format(value: str, allowed: tuple[str, ...] = REPORT_FORMATS) -> str:
    if value not in allowed:
        raise ConfigError(f"--format: expected one of {', '.join(allowed)}, got {value!r}")
    return value


def escape_markdown(value: object) -> str:
    """``value`` as inert Markdown text on one line."""
    if value is None:
        return ""
    text = re.sub(r"\s+", " ", str(value))
    return _ENTITY.sub("&amp;", _MARKDOWN_SPECIAL.sub(r"\\\1", text))


def _running(heading: str, limit: int = 90) -> str:
    """A heading short enough for the running header of printed pages."""
    return heading if len(heading) <= limit else heading[: limit - 1].rstrip() + "…"


@functools.cache
def _html_environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("accord.report", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.filters["running"] = _running
    return environment


def render_html(document: ReportDocument) -> str:
    """The report as one self-contained HTML page (inline CSS, charts as data: images)."""
    return _html_environment().get_template("report.html.j2").render(document=document)


def html_to_pdf(html: str) -> bytes:
    """Print the HTML (self-contained: inline CSS, data: images) to PDF with WeasyPrint."""
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    # WeasyPrint reports every CSS property it skips; the reports' CSS is ours and known good.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    # Only the report's own data: images are loaded; nothing is fetched from disk or network.
    offline = URLFetcher(allowed_protocols=("data",))
    pdf = HTML(string=html, base_url=None, url_fetcher=offline).write_pdf()
    assert isinstance(pdf, bytes)
    return pdf
