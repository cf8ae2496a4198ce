"""The implementation status of a commission, ahead of its next session, as plain data.

Figures come from the follow-through layer: the commitments it tracks
(``tracked_commitments``), their status on the report's date from their dated
history (``current_status``), and the scorecard with its compliance score
(``score_groups``). This module only selects, orders and cites.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from accord.core.follow_through import DatedStatus, TrackedCommitment, current_status, is_overdue
from accord.report.charts import Chart
from accord.report.phrases import country_name, dates_text, ordinal_text, sector_label
from accord.report.status_charts import delivery_chart, sector_status_chart
from accord.store.citations import Citation
from accord.store.commissions import commission_record, find_commission
from accord.store.commitments import CommitmentItem
from accord.store.database import Database
from accord.store.links import Restatements, restatements
from accord.store.scorecard_queries import tracked_commitments
from accord.store.sessions import NextMeetingRow, SessionRow
from accord.store.statuses import StatusEntry, status_entries
from accord.track.scorecard import TOTAL, UNASSIGNED, Grouping, ScoreRow, score, score_groups


@dataclass(frozen=True)
class ScoreLine:
    label: str
    row: ScoreRow


@dataclass(frozen=True)
class ScoreTable:
    """A scorecard grouped one way (sector, agency, side or session), its total last."""

    by: Grouping
    title: str
    lines: list[ScoreLine]


@dataclass(frozen=True)
class StatusItem:
    """A commitment as it stands on the report's date, with the evidence for its status."""

    commitment: CommitmentItem
    session: str
    status: str
    overdue: bool
    sessions_made: int
    latest_update: StatusEntry | None
    restated: list[Citation]


@dataclass(frozen=True)
class StatusChange:
    """A status update dated after the last session: from what, to what, on what evidence."""

    item: StatusItem
    before: str
    update: StatusEntry


@dataclass(frozen=True)
class StatusReport:
    commission_id: int
    commission_name: str
    parties: list[str]
    as_of: dt.date
    generated_on: dt.date
    sessions: list[SessionRow]
    last_session: SessionRow | None
    next_meeting: NextMeetingRow | None
    total: ScoreRow
    scorecards: list[ScoreTable]
    charts: list[Chart]
    items: list[StatusItem]
    overdue: list[StatusItem]
    recurring: list[StatusItem]
    changes: list[StatusChange]


def session_text(facts: SessionRow) -> str:
    """``20th session (9–10 October 2025)``."""
    name = f"{ordinal_text(facts.ordinal)} session" if facts.ordinal else "Session"
    return f"{name} ({dates_text(facts.start, facts.end)})" if facts.start else name


def _held_by(facts: SessionRow, as_of: dt.date) -> bool:
    """Whether the session had taken place on ``as_of`` (sessions without dates count as held)."""
    day = facts.start or facts.end
    return day is None or day <= as_of


def _group_label(by: Grouping, group: str) -> str:
    if group == TOTAL:
        return "All commitments"
    if group == UNASSIGNED:
        return "Not assigned"
    if by == "sector":
        return sector_label(group)
    if by == "side":
        return country_name(group)
    return group


def _status_on(tracked: TrackedCommitment, history: list[StatusEntry], as_of: dt.date) -> str:
    """The status the follow-through gives on ``as_of``: from the updates dated until then."""
    if not history:
        return tracked.status
    return current_status(DatedStatus(e.as_of, e.id, e.status) for e in history if e.as_of <= as_of)


def _scorecards(
    tracked: list[TrackedCommitment], as_of: dt.date, sessions: list[SessionRow]
) -> list[ScoreTable]:
    """Scorecards by sector, agency and side (the track's groups), and by session in order."""
    tables = []
    for by, title in (("sector", "By sector"), ("agency", "By agency"), ("side", "By side")):
        grouping: Grouping = by  # type: ignore[assignment]
        rows = score_groups(tracked, grouping, as_of)
        tables.append(
            ScoreTable(
                grouping, title, [ScoreLine(_group_label(grouping, r.group), r) for r in rows]
            )
        )
    per_session = [
        ScoreLine(session_text(s), score(str(s.id), made, as_of))
        for s in sessions
        if (made := [t for t in tracked if t.session_id == s.id])
    ]
    per_session.append(ScoreLine(_group_label("session", TOTAL), score(TOTAL, tracked, as_of)))
    tables.append(ScoreTable("session", "By session", per_session))
    return tables


def build_status_report(
    database: Database,
    commission: str | int,
    as_of: dt.date | None = None,
    today: dt.date | None = None,
) -> StatusReport:
    """The status of a commission's commitments on ``as_of`` (default: today)."""
    today = today or dt.date.today()
    as_of = as_of or today
    commission_id = (
        commission if isinstance(commission, int) else find_commission(database, commission)
    )
    record = commission_record(database, commission_id)
    held = [s for s in record.sessions if _held_by(s, as_of)]
    held_ids = {s.id for s in held}
    facts_of = {s.id: s for s in record.sessions}
    commitments = {c.id: c for c in record.commitments if c.session_id in held_ids}
    history: dict[int, list[StatusEntry]] = {}
    for entry in status_entries(database, list(commitments)):
        history.setdefault(entry.commitment_id, []).append(entry)
    tracked = [
        dataclasses.replace(t, status=_status_on(t, history.get(t.id, []), as_of))
        for t in tracked_commitments(database, str(commission_id))
        if t.id in commitments
    ]
    restated = restatements(database, list(commitments))
    items = []
    for t in tracked:
        dated = [e for e in history.get(t.id, []) if e.as_of <= as_of]
        items.append(
            StatusItem(
                commitment=commitments[t.id],
                session=session_text(facts_of[t.session_id]),
                status=t.status,
                overdue=is_overdue(t.due, t.status, as_of),
                sessions_made=t.sessions_made,
                latest_update=max(dated, key=lambda e: (e.as_of, e.id)) if dated else None,
                restated=restated.made_again.get(t.id, []),
            )
        )
    scorecards = _scorecards(tracked, as_of, held)
    last = _last_dated(held)
    return StatusReport(
        commission_id=record.id,
        commission_name=record.name or " – ".join(country_name(p) for p in record.parties),
        parties=record.parties,
        as_of=as_of,
        generated_on=today,
        sessions=held,
        last_session=last,
        next_meeting=_next_meeting(record.next_meetings, held),
        total=scorecards[0].lines[-1].row,
        scorecards=scorecards,
        charts=[sector_status_chart(scorecards[0]), delivery_chart(scorecards[-1])]
        if items
        else [],
        items=items,
        overdue=[i for i in items if i.overdue],
        recurring=_recurring(items, restated),
        changes=_changes(items, history, last, as_of),
    )


def _recurring(items: list[StatusItem], restated: Restatements) -> list[StatusItem]:
    """Promises made at two or more sessions and not completed, each listed once.

    A later commitment linked as a restatement of an earlier one is shown with
    the earlier one (as "made again"), not as a promise of its own.
    """
    shown = {i.commitment.id for i in items}
    return [
        i
        for i in items
        if i.sessions_made > 1
        and i.status != "completed"
        and restated.restates.get(i.commitment.id) not in shown
    ]


def _last_dated(held: list[SessionRow]) -> SessionRow | None:
    """The latest session held whose date is known (changes are counted from its last day)."""
    dated = [s for s in held if s.start or s.end]
    return dated[-1] if dated else None


def _next_meeting(rows: list[NextMeetingRow], held: list[SessionRow]) -> NextMeetingRow | None:
    """What the latest session announced, unless that session has since been held."""
    held_ordinals = {s.ordinal for s in held if s.ordinal}
    held_ids = {s.id for s in held}
    announced = [r for r in rows if r.session_id in held_ids and r.ordinal not in held_ordinals]
    return announced[-1] if announced else None


def _changes(
    items: list[StatusItem],
    history: dict[int, list[StatusEntry]],
    last: SessionRow | None,
    as_of: dt.date,
) -> list[StatusChange]:
    since = (last.end or last.start) if last else None
    changes = []
    for item in items:
        entries = [e for e in history.get(item.commitment.id, []) if e.as_of <= as_of]
        for n, entry in enumerate(entries):
            if since is not None and entry.as_of <= since:
                continue
            before = current_status(DatedStatus(e.as_of, e.id, e.status) for e in entries[:n])
            changes.append(StatusChange(item, before, entry))
    return sorted(changes, key=lambda c: (c.update.as_of, c.update.id))
