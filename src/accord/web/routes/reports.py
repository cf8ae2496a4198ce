"""Reports and exports to download: the same files the CLI writes (``accord.report.downloads``).

HTML reports open in the browser under a policy of their own, which allows
their inline style by its hash and still no script; every other format is
offered as an attachment.
"""

from __future__ import annotations

import base64
import hashlib
import re
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from accord.report.downloads import (
    export_calendar,
    export_commitments,
    export_record,
    render_session_brief,
    render_status_report,
)
from accord.report.rendering import Rendered
from accord.web.auth import Reader, database_of, require
from accord.web.inputs import IdField, IdPath

ReportFormat = Literal["md", "html", "docx", "pdf"]
ExportFormat = Literal["csv", "xlsx"]
CommissionFilter = Annotated[IdField | None, Query(description="Only this commission (its id).")]

# Paths are the same under /api/v1 and at the root: a download is a download.
routes = APIRouter(tags=["reports"])


def report_policy(html: bytes) -> str:
    """The content security policy of a report shown in the app.

    The report carries its own ``<style>`` (so the file reads the same saved or
    printed); the policy allows exactly that style by its hash, images as
    ``data:`` URIs, and nothing else: no script, no other style, no request.
    """
    styles = re.findall(rb"<style>(.*?)</style>", html, flags=re.DOTALL)
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(style).digest()).decode("ascii") + "'"
        for style in styles
    )
    allowed_styles = hashes or "'none'"
    return (
        f"default-src 'none'; style-src {allowed_styles}; "
        "img-src data:; script-src 'none'; object-src 'none'; base-uri 'none'; "
        "form-action 'none'; frame-ancestors 'none'"
    )


def _download(rendered: Rendered, fmt: str) -> Response:
    disposition = "inline" if fmt == "html" else "attachment"
    headers = {"Content-Disposition": f'{disposition}; filename="{rendered.filename}"'}
    if fmt == "html":
        headers["Content-Security-Policy"] = report_policy(rendered.content)
    return Response(rendered.content, media_type=rendered.media_type, headers=headers)


@routes.get("/sessions/{session_id}/brief.{fmt}", summary="A session's brief for the next session")
def session_brief(
    request: Request, identity: Reader, session_id: IdPath, fmt: ReportFormat
) -> Response:
    return _download(render_session_brief(database_of(request), session_id, fmt), fmt)


@routes.get(
    "/commissions/{commission_id}/status.{fmt}",
    summary="A commission's implementation status report",
)
def status_report(
    request: Request, identity: Reader, commission_id: IdPath, fmt: ReportFormat
) -> Response:
    return _download(render_status_report(database_of(request), commission_id, fmt), fmt)


@routes.get("/exports/commitments.{fmt}", summary="Every commitment with sources and history")
def commitments_export(
    request: Request, identity: Reader, fmt: ExportFormat, commission: CommissionFilter = None
) -> Response:
    return _download(export_commitments(database_of(request), fmt, commission), fmt)


@routes.get("/exports/calendar.ics", summary="Due dates and announced sessions as iCalendar")
def calendar_export(
    request: Request, identity: Reader, commission: CommissionFilter = None
) -> Response:
    return _download(export_calendar(database_of(request), commission), "ics")


@routes.get("/exports/record.jsonl", summary="The whole record (accord.export/1); admins only")
def record_export(request: Request, identity: Reader) -> Response:
    require(identity, "administer")
    return _download(export_record(database_of(request)), "jsonl")
