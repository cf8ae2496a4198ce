"""Scorecards: delivery per session, sector, agency or side, and the compliance score.

A group's figures come from its commitments counted by status
(``score_counts``): counted by the database for ``scorecard`` (and the
dashboard), or from plain records by ``score_groups``, which is pure, so the
figures can be checked by hand. A commitment with several sectors (or
owners, or sides) counts in each of them; the total row counts every
commitment once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from accord.core.follow_through import (
    STATUSES,
    StatusCount,
    TrackedCommitment,
    compliance_of_counts,
    count_statuses,
)
from accord.store.database import Database
from accord.store.rows import QueryRow
from accord.store.scorecard_counts import GROUPINGS, UNASSIGNED, Grouping, scorecard_counts

__all__ = [
    "GROUPINGS", "TOTAL", "UNASSIGNED", "Grouping", "ScoreRow",
    "score", "score_counts", "score_groups", "scorecard",
]  # fmt: skip
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


def score_counts(group: str, counts: Sequence[StatusCount]) -> ScoreRow:
    """The figures of one group from its commitments counted by status."""
    by_status: dict[str, int] = {}
    for count in counts:
        by_status[count.status] = by_status.get(count.status, 0) + count.commitments
    result = compliance_of_counts(by_status)
    return ScoreRow(
        group=group,
        commitments=sum(by_status.values()),
        by_status={s: by_status.get(s, 0) for s in STATUSES},
        overdue=sum(c.overdue for c in counts),
        recurring=sum(c.recurring for c in counts),
        scored=result.scored,
        no_evidence=result.unscored,
        compliance=result.mean,
        compliance_percent=result.percent,
    )


def score(group: str, items: Sequence[TrackedCommitment], as_of: dt.date) -> ScoreRow:
    """The figures of one group of commitments, overdue judged on ``as_of``."""
    return score_counts(group, count_statuses(items, as_of))


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
    """The scorecard of the record (or of one commission), grouped ``by``, overdue as of a date.

    The same rows as ``score_groups`` over ``tracked_commitments``, counted by the database.
    """
    counts = scorecard_counts(database, by, commission, as_of or dt.date.today())
    rows = [score_counts(group.group, group.counts) for group in counts.groups]
    return [*rows, score_counts(TOTAL, counts.total)]
