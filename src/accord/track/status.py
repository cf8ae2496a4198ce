"""Status updates: checked, dated, attributed and evidenced, then appended to the history.

Evidence is a URL or a span of a stored document, written ``DOC:START-END``
where DOC is the document's id or its ``doc-…`` key; the span's text is copied
into the update so the history reads on its own.
"""

from __future__ import annotations

import datetime as dt
import re

from accord.core.follow_through import STATUSES, WITHDRAWN
from accord.core.input_limits import MAX_OFFSET
from accord.errors import TrackError
from accord.store.audit import AuditRow, audit_trail
from accord.store.database import Database
from accord.store.statuses import (
    CommitmentStatus,
    Evidence,
    NewStatus,
    SpanEvidence,
    StatusRow,
    UrlEvidence,
    add_status_update,
    commitment_status,
)

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
        raise TrackError(
            f"--evidence: expected a URL (https://…) or a document span DOC:START-END, got {value!r}"
        )
    start, end = int(match["start"]), int(match["end"])
    if end <= start:
        raise TrackError(f"--evidence: the span {start}-{end} is empty")
    if end > MAX_OFFSET:
        raise TrackError(f"--evidence: the span {start}-{end} ends past any document")
    return SpanEvidence(match["doc"], start, end)


def check_status(status: str, option: str = "--set") -> str:
    if status not in STATUSES:
        raise TrackError(f"{option}: expected one of {', '.join(STATUSES)}, got {status!r}")
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
        raise TrackError("--withdraw: name the status update to withdraw (see 'accord history')")
    update = NewStatus(
        commitment_id=commitment_id,
        status=status if status == WITHDRAWN else check_status(status),
        as_of=as_of or dt.date.today(),
        author=author,
        note=note,
        evidence=parse_evidence(evidence),
        replaces=replaces,
    )
    return add_status_update(database, update)


def commitment_history(
    database: Database, commitment_id: int
) -> tuple[CommitmentStatus, list[AuditRow]]:
    """A commitment's status and status history, and every audited change to it."""
    status = commitment_status(database, commitment_id)
    return status, audit_trail(database, "commitment", commitment_id)
