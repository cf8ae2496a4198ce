"""The follow-through vocabulary and its pure rules: statuses, due dates, compliance.

A commitment's status comes from its dated updates; its compliance value
follows the G7/G20 Research Group's scale (completed +1, in progress 0, not
started, stalled or dropped −1), and ``no_evidence`` is not scored at all but
counted apart, so a commission is never marked down for what nobody checked.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal, get_args

Status = Literal["no_evidence", "not_started", "in_progress", "completed", "stalled", "dropped"]
STATUSES: tuple[str, ...] = get_args(Status)
DEFAULT_STATUS: Status = "no_evidence"
# Statuses that close a commitment: nothing is owed any more, so it is neither
# overdue nor matched against later documents.
CLOSED_STATUSES = frozenset({"completed", "dropped"})
# The status of an entry that withdraws an earlier, mistaken one (it is no status of its own).
WITHDRAWN = "withdrawn"
COMPLIANCE_VALUES: dict[str, int] = {
    "completed": 1,
    "in_progress": 0,
    "not_started": -1,
    "stalled": -1,
    "dropped": -1,
}
REVIEW_STATES = ("draft", "accepted", "rejected")


@dataclass(frozen=True)
class DatedStatus:
    """One status update reduced to what ordering needs: its date, its order of entry, its status."""

    as_of: dt.date
    sequence: int
    status: str
    replaces: int | None = None


def in_force(updates: Iterable[DatedStatus]) -> list[DatedStatus]:
    """The updates that still count: none replaced by a later entry, and no withdrawal itself."""
    listed = list(updates)
    replaced = {u.replaces for u in listed if u.replaces is not None}
    return [u for u in listed if u.sequence not in replaced and u.status != WITHDRAWN]


def current_status(updates: Iterable[DatedStatus]) -> str:
    """The status of the latest-dated update in force (latest entered among equals), else no_evidence.

    A back-dated update entered today does not override a later-dated one: the
    history is about the commitment's dates, not about when people typed. A
    mistaken update is corrected by an entry that replaces or withdraws it.
    """
    latest = max(in_force(updates), key=lambda u: (u.as_of, u.sequence), default=None)
    return latest.status if latest is not None else DEFAULT_STATUS


def due_date(due: str | None) -> dt.date | None:
    """The last day a partial due date allows: "2026" → 2026-12-31, "2026-03" → 2026-03-31."""
    if not due:
        return None
    parts = due.split("-")
    try:
        year = int(parts[0])
        if len(parts) == 1:
            return dt.date(year, 12, 31)
        month = int(parts[1])
        if len(parts) == 2:
            return dt.date(year, month, calendar.monthrange(year, month)[1])
        return dt.date(year, month, int(parts[2]))
    except (ValueError, IndexError):
        return None


def is_overdue(due: str | None, status: str, as_of: dt.date) -> bool:
    """Whether the due date has passed on ``as_of`` and the commitment is still open."""
    last_day = due_date(due)
    return last_day is not None and last_day < as_of and status not in CLOSED_STATUSES


@dataclass(frozen=True)
class Compliance:
    """The compliance of a group: the mean on −1..+1 and its percentage, over scored items."""

    scored: int
    unscored: int
    mean: float | None
    percent: float | None


def compliance(statuses: Sequence[str]) -> Compliance:
    """Score statuses: mean of +1/0/−1, percentage = (mean + 1) / 2 × 100; no_evidence apart."""
    return compliance_of_counts(Counter(statuses))


def compliance_of_counts(by_status: Mapping[str, int]) -> Compliance:
    """``compliance`` of a group given as the number of commitments with each status."""
    scored = sum(n for status, n in by_status.items() if status in COMPLIANCE_VALUES)
    unscored = sum(by_status.values()) - scored
    if not scored:
        return Compliance(0, unscored, None, None)
    total = sum(COMPLIANCE_VALUES[s] * n for s, n in by_status.items() if s in COMPLIANCE_VALUES)
    mean = total / scored
    return Compliance(scored, unscored, round(mean, 4), round((mean + 1) / 2 * 100, 1))


@dataclass(frozen=True)
class StatusCount:
    """How many commitments of a group have one status; how many of them are overdue, recurring."""

    status: str
    commitments: int
    overdue: int
    recurring: int


@dataclass(frozen=True)
class SessionOrder:
    """Where a session stands in its commission's sequence: its number, else its date."""

    commission_id: int | None
    ordinal: int | None
    date: dt.date | None


def session_before(earlier: SessionOrder, later: SessionOrder) -> bool:
    """Whether ``earlier`` is a previous session of the same commission as ``later``.

    Session numbers decide when both have one (outlets get numbers right more
    often than dates); otherwise dates; sessions with neither are not ordered.
    """
    if earlier.commission_id is None or earlier.commission_id != later.commission_id:
        return False
    if earlier.ordinal is not None and later.ordinal is not None:
        return earlier.ordinal < later.ordinal
    if earlier.date is not None and later.date is not None:
        return earlier.date < later.date
    return False


@dataclass(frozen=True)
class TrackedCommitment:
    """A commitment as the scorecard counts it: where it belongs, whose it is, where it stands."""

    id: int
    commission: str | None
    session_id: int
    session: str
    sectors: tuple[str, ...]
    agencies: tuple[str, ...]
    sides: tuple[str, ...]
    status: str
    due: str | None
    sessions_made: int = 1

    @property
    def recurring(self) -> bool:
        """Made at more than one session (restated, linked by a person)."""
        return self.sessions_made > 1


def count_statuses(items: Iterable[TrackedCommitment], as_of: dt.date) -> list[StatusCount]:
    """Count tracked commitments by status (overdue judged on ``as_of``), as the store does in SQL."""
    counts: dict[str, list[int]] = {}
    for item in items:
        figures = counts.setdefault(item.status, [0, 0, 0])
        figures[0] += 1
        figures[1] += is_overdue(item.due, item.status, as_of)
        figures[2] += item.recurring
    return [StatusCount(status, *figures) for status, figures in counts.items()]
