"""Reports and exports to download: the same files the CLI writes (``accord.report.downloads``).

HTML reports open in the browser (under the app's content security policy);
every other format is offered as an attachment.
"""

from __future__ import annotations

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


def _download(rendered: Rendered, fmt: str) -> Response:
    disposition = "inline" if fmt == "html" else "attachment"
    return Response(
        rendered.content,
        media_type=rendered.media_type,
        headers={"Content-Disposition": f'{disposition}; filename="{rendered.filename}"'},
    )


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
