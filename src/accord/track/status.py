"""Status updates: checked, dated, attributed and evidenced, then appended to the history.

Evidence is a URL or a span of a stored document, written ``DOC:START-END``
where DOC is the document's id or its ``doc-…`` key; the span's text is copied
into the update so the history reads on its own.
"""

from __future__ import annotations

import datetime as dt
import re

from sqlalchemy import select

from accord.core.follow_through import STATUSES, WITHDRAWN
from accord.core.input_limits import MAX_OFFSET
from accord.errors import InvalidRequest
from accord.store.audit import AuditRow, audit_trail
from accord.store.database import Database
from accord.store.models import Document
from accord.store.statuses import (
    CommitmentStatus,
    Evidence,
    NewStatus,
    SpanEvidence,
    StatusRow,
    UrlEvidence,
    append_status,
    commitment_status,
    status_row,
)

EVIDENCE_FORMS = "a URL (https://…) or a document span DOC:START-END"
_SPAN = re.compile(r"^(?P<doc>[\w.-]+):(?P<start>\d+)(?:-|:|\.\.)(?P<end>\d+)$")


def parse_evidence(text: str | None) -> Evidence:
    """``https://…`` → a URL; ``doc-…:120-180`` or ``7:120-180`` → a document span."""
    if text is None or not text.strip():
        return None
    value = text.strip()
    if re.match(r"^https?://\S+$", value):
        return UrlEvidence(value)
    match = _SPAN.match(value)
    if match is None:
        raise InvalidRequest("evidence", value, expected=EVIDENCE_FORMS)
    start, end = int(match["start"]), int(match["end"])
    if end <= start:
        raise InvalidRequest("evidence", value, problem=f"the span {start}-{end} is empty")
    if end > MAX_OFFSET:
        problem = f"the span {start}-{end} ends past any document"
        raise InvalidRequest("evidence", value, problem=problem)
    return SpanEvidence(match["doc"], start, end)


def check_status(status: str) -> str:
    """``status`` if it is one of the statuses; an InvalidRequest listing them otherwise."""
    if status not in STATUSES:
        raise InvalidRequest("status", status, allowed=STATUSES)
    return status


def set_status(
    database: Database,
    commitment_id: int,
    status: str,
    author: str,
    *,
    note: str | None = None,
    evidence: str | None = None,
    as_of: dt.date | None = None,
    replaces: int | None = None,
) -> StatusRow:
    """Append a status update to a commitment's history (the current status follows from it).

    ``replaces`` names an earlier, mistaken update that this one corrects; with
    the status ``withdrawn`` it is withdrawn and nothing takes its place. The
    mistaken update stays in the history, no longer in force.
    """
    if status == WITHDRAWN and replaces is None:
        raise InvalidRequest(
            "replaces", problem="a withdrawal names the status update it withdraws"
        )
    update = NewStatus(
        commitment_id=commitment_id,
        status=status if status == WITHDRAWN else check_status(status),
        as_of=as_of or dt.date.today(),
        author=author,
        note=note,
        evidence=parse_evidence(evidence),
        replaces=replaces,
    )
    with database.writing() as session:
        row = append_status(session, update)
        key = session.scalar(select(Document.key).where(Document.id == row.evidence_document_id))
        return status_row(row, key)


def commitment_history(
    database: Database, commitment_id: int
) -> tuple[CommitmentStatus, list[AuditRow]]:
    """A commitment's status and status history, and every audited change to it."""
    status = commitment_status(database, commitment_id)
    return status, audit_trail(database, "commitment", commitment_id)
