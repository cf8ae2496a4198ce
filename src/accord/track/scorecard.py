"""Scorecards: delivery per session, sector, agency or side, and the compliance score.

``score_groups`` is pure: it counts plain records, so the figures can be
checked by hand. A commitment with several sectors (or owners, or sides)
counts in each of them; the total row counts every commitment once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal, get_args

from accord.core.follow_through import (
    STATUSES,
    TrackedCommitment,
    compliance,
    is_overdue,
)
from accord.store.database import Database
from accord.store.rows import QueryRow
from accord.store.scorecard_queries import tracked_commitments

Grouping = Literal["session", "sector", "agency", "side"]
GROUPINGS: tuple[str, ...] = get_args(Grouping)
UNASSIGNED = "(unassigned)"
TOTAL = "all"


@dataclass(frozen=True)
class ScoreRow(QueryRow):
    """One group's figures: counts by status, overdue, recurring and compliance."""

    group: str
    commitments: int
    by_status: dict[str, int]
    overdue: int
    recurring: int
    scored: int
    no_evidence: int
    compliance: float | None
    compliance_percent: float | None


def _keys(by: Grouping) -> Callable[[TrackedCommitment], Sequence[str]]:
    if by == "session":
        return lambda c: [f"{c.commission or 'no commission'} {c.session}"]
    if by == "sector":
        return lambda c: list(c.sectors)
    if by == "agency":
        return lambda c: list(c.agencies) or [UNASSIGNED]
    return lambda c: list(c.sides) or [UNASSIGNED]


def score(group: str, items: Sequence[TrackedCommitment], as_of: dt.date) -> ScoreRow:
    """The figures of one group of commitments, overdue judged on ``as_of``."""
    statuses = [c.status for c in items]
    result = compliance(statuses)
    return ScoreRow(
        group=group,
        commitments=len(items),
        by_status={s: statuses.count(s) for s in STATUSES},
        overdue=sum(is_overdue(c.due, c.status, as_of) for c in items),
        recurring=sum(c.recurring for c in items),
        scored=result.scored,
        no_evidence=result.unscored,
        compliance=result.mean,
        compliance_percent=result.percent,
    )


def score_groups(
    items: Sequence[TrackedCommitment], by: Grouping, as_of: dt.date
) -> list[ScoreRow]:
    """One row per group (sessions in order, others by name), then the total of all commitments."""
    groups: dict[str, list[TrackedCommitment]] = {}
    key_of = _keys(by)
    for item in items:
        for key in dict.fromkeys(key_of(item)):
            groups.setdefault(key, []).append(item)
    keys = list(groups) if by == "session" else sorted(groups)
    rows = [score(key, groups[key], as_of) for key in keys]
    return [*rows, score(TOTAL, items, as_of)]


def scorecard(
    database: Database,
    by: Grouping = "session",
    commission: str | None = None,
    as_of: dt.date | None = None,
) -> list[ScoreRow]:
    """The scorecard of the record (or of one commission), grouped ``by``, overdue as of a date."""
    items = tracked_commitments(database, commission)
    return score_groups(items, by, as_of or dt.date.today())
