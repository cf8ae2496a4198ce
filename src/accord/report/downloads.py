"""Each report and export as a file to download: bytes, media type and a file name.

The CLI writes these to disk or stdout and the web serves them as they are,
so both offer exactly the same files.
"""

from __future__ import annotations

import datetime as dt
import io
import re

from accord.report.blocks import ReportDocument
from accord.report.calendar_export import calendar_ics
from accord.report.commitment_table import commitments_csv, commitments_xlsx
from accord.report.docx_rendering import render_docx
from accord.report.markdown_rendering import render_markdown
from accord.report.rendering import MEDIA_TYPES, Rendered, check_format, html_to_pdf, render_html
from accord.report.session_brief import SessionBrief, build_session_brief
from accord.report.session_brief_layout import session_brief_document
from accord.report.status_report import StatusReport, build_status_report
from accord.report.status_report_layout import status_report_document
from accord.store.commissions import find_commission
from accord.store.database import Database
from accord.store.transfer import export_jsonl

EXPORT_FORMATS = ("csv", "xlsx")


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "report"


def _rendered(content: bytes, fmt: str, stem: str) -> Rendered:
    return Rendered(content=content, media_type=MEDIA_TYPES[fmt], filename=f"{stem}.{fmt}")


def render_document(document: ReportDocument, fmt: str, stem: str) -> Rendered:
    """A laid-out report in ``fmt``: each format rendered from the same blocks."""
    check_format(fmt)
    if fmt == "docx":
        return _rendered(render_docx(document), fmt, stem)
    if fmt == "md":
        return _rendered(render_markdown(document).encode("utf-8"), fmt, stem)
    html = render_html(document)
    if fmt == "html":
        return _rendered(html.encode("utf-8"), fmt, stem)
    return _rendered(html_to_pdf(html), fmt, stem)


def render_brief(brief: SessionBrief, fmt: str) -> Rendered:
    """A built session brief in ``fmt`` (md, html, docx or pdf)."""
    stem = f"session-brief-{_slug(brief.title)}"
    return render_document(session_brief_document(brief), fmt, stem)


def render_session_brief(
    database: Database, session: str | int, fmt: str = "md", today: dt.date | None = None
) -> Rendered:
    """The brief of one session (an id, '<commission> #<n>', or a commission: its latest)."""
    check_format(fmt)
    return render_brief(build_session_brief(database, session, today), fmt)


def render_status(report: StatusReport, fmt: str) -> Rendered:
    """A built status report in ``fmt`` (md, html, docx or pdf)."""
    stem = f"status-{_slug(report.commission_name)}-{report.as_of.isoformat()}"
    return render_document(status_report_document(report), fmt, stem)


def render_status_report(
    database: Database, commission: str | int, fmt: str = "md", as_of: dt.date | None = None
) -> Rendered:
    """The implementation status of a commission's commitments as of a date (default today)."""
    check_format(fmt)
    return render_status(build_status_report(database, commission, as_of), fmt)


def _commission_id(database: Database, commission: str | int | None) -> int | None:
    """The commission's id (a NotFoundError when none has it), or None for every commission."""
    if commission is None:
        return None
    return find_commission(database, str(commission))


def export_commitments(
    database: Database, fmt: str = "csv", commission: str | int | None = None
) -> Rendered:
    """Every commitment with all its fields, sources and status history, as CSV or XLSX."""
    check_format(fmt, EXPORT_FORMATS)
    commission_id = _commission_id(database, commission)
    if fmt == "csv":
        content = commitments_csv(database, commission_id)
    else:
        content = commitments_xlsx(database, commission_id)
    return _rendered(content, fmt, "commitments")


def export_calendar(database: Database, commission: str | int | None = None) -> Rendered:
    """An iCalendar file of commitments' due dates and announced sessions."""
    content = calendar_ics(database, _commission_id(database, commission))
    return _rendered(content, "ics", "accord-calendar")


def export_record(database: Database) -> Rendered:
    """The whole record as JSON Lines (``accord.export/1``, what 'accord import' loads)."""
    out = io.StringIO()
    export_jsonl(database, out)
    return _rendered(out.getvalue().encode("utf-8"), "jsonl", "accord-record")
