"""The status report laid out as blocks: its every sentence and label, once for all formats."""

from __future__ import annotations

from accord.report.blocks import (
    Block,
    Cell,
    Column,
    Figure,
    Figures,
    Heading,
    Inline,
    Paragraph,
    ReportDocument,
    Row,
    Table,
    badge,
    cell,
    inline,
    link,
    row,
    strong,
)
from accord.report.evidence_notes import cited, commitment_sources
from accord.report.phrases import (
    date_text,
    dates_text,
    one_line,
    ordinal_text,
    owners_text,
    partial_date_text,
    percent_text,
    place_text,
    sector_label,
    status_label,
)
from accord.report.status_report import ScoreTable, StatusItem, StatusReport

SCORE_HEADERS = (
    "Made",
    "Done",
    "In progress",
    "Not started",
    "Stalled",
    "Dropped",
    "No evidence",
    "Overdue",
    "Recurring",
    "Score",
)
SCORED_STATUSES = ("completed", "in_progress", "not_started", "stalled", "dropped")
ITEM_COLUMNS = (
    Column("#", "number"),
    Column("Commitment"),
    Column("Status", "short"),
    Column("Due", "short"),
    Column("Owners", "medium"),
)
COMPLIANCE_SCALE = (
    "The compliance score follows the G7/G20 Research Group's scale: each commitment scores "
    "+1 when completed, 0 in progress, −1 when not started, stalled or dropped; the score is "
    "(mean + 1) / 2 × 100 over the {scored} commitments with evidence. The {unscored} "
    "commitments without evidence are not scored."
)
RECURRING_NOTE = (
    "Promises made at two or more sessions and not completed, each listed once with where it "
    "was made again. The scorecard's “Recurring” column counts every commitment linked to a "
    "restatement, the earlier and the later one."
)


def status_report_title(report: StatusReport) -> str:
    return f"Implementation status: {report.commission_name}"


def status_report_document(report: StatusReport) -> ReportDocument:
    """Scores, overdue and recurring promises, changes since the last session, every item."""
    t = report.total
    blocks: list[Block] = [
        Paragraph(inline(_subtitle(report)), "subtitle"),
        Heading("Summary"),
        Figures(
            (
                (percent_text(t.compliance_percent), "Compliance score"),
                (str(t.commitments), "Commitments"),
                (str(t.by_status.get("completed", 0)), "Completed"),
                (str(t.by_status.get("in_progress", 0)), "In progress"),
                (str(len(report.overdue)), "Overdue"),
                (str(len(report.recurring)), "Recurring promises, open"),
                (str(t.no_evidence), "Without evidence"),
            )
        ),
        Paragraph(inline(COMPLIANCE_SCALE.format(scored=t.scored, unscored=t.no_evidence)), "note"),
        Heading("Scorecard"),
        *(Figure(chart) for chart in report.charts),
    ]
    for table in report.scorecards:
        blocks += [Heading(table.title, level=2), _scorecard(table)]
    blocks += _overdue(report) + _recurring(report) + _changes(report)
    blocks.append(Heading("All commitments"))
    for session in report.sessions:
        made = [i for i in report.items if i.commitment.session_id == session.id]
        if made:
            blocks += [
                Heading(f"{made[0].session}: {len(made)}", level=2),
                Table(ITEM_COLUMNS, tuple(_item_row(i, with_session=False) for i in made)),
            ]
    return ReportDocument(status_report_title(report), tuple(blocks))


def _subtitle(report: StatusReport) -> str:
    count = len(report.sessions)
    listed = ", ".join(
        (ordinal_text(s.ordinal) or "session")
        + (f" ({dates_text(s.start, s.end)})" if s.start else "")
        for s in report.sessions
    )
    text = (
        f"Status as of {date_text(report.as_of)}, prepared by Accord on "
        f"{date_text(report.generated_on)}. {count} session{'s' if count != 1 else ''} "
        f"in the record{': ' + listed if listed else ''}."
    )
    n = report.next_meeting
    if n is not None:
        text += f" Next: the {ordinal_text(n.ordinal) or 'next'} session"
        text += f" in {place_text(n.city, n.country)}" if n.city or n.country else ""
        text += f", {partial_date_text(n.planned_for)}" if n.planned_for else ""
        text += "."
    return text


def _scorecard(table: ScoreTable) -> Table:
    columns = (
        Column(table.title.removeprefix("By ").capitalize()),
        *(Column(header, "figure") for header in SCORE_HEADERS),
    )
    rows = tuple(
        Row(
            (
                cell(line.label),
                cell(str(line.row.commitments)),
                *(cell(str(line.row.by_status.get(s, 0))) for s in SCORED_STATUSES),
                cell(str(line.row.no_evidence)),
                cell(str(line.row.overdue)),
                cell(str(line.row.recurring)),
                cell(strong(percent_text(line.row.compliance_percent))),
            ),
            total=n == len(table.lines) - 1,
        )
        for n, line in enumerate(table.lines)
    )
    return Table(columns, rows, compact=True)


def _status_evidence(item: StatusItem) -> list[Inline]:
    """The latest status update: who set what, when and why, and the evidence it rests on."""
    u = item.latest_update
    if u is None:
        return [inline("No status update recorded.")]
    lines = [
        inline(
            f"Status {status_label(u.status)} as of {date_text(u.as_of)}, by {u.author}",
            f": {one_line(u.note)}" if u.note else "",
        )
    ]
    if u.evidence:
        lines.append(cited(u.evidence))
    if u.evidence_url:
        lines.append(inline(link(u.evidence_url)))
    return lines


def _status_cell(item: StatusItem, *, show_overdue: bool) -> Cell:
    overdue = (" ", badge("stalled", "overdue")) if show_overdue and item.overdue else ()
    return cell(badge(item.status, status_label(item.status)), *overdue)


def _item_row(item: StatusItem, *, with_session: bool) -> Row:
    c = item.commitment
    about = (
        inline(item.session)
        if with_session
        else inline(f"{', '.join(sector_label(s) for s in c.sectors)} · {c.strength}")
    )
    return row(
        str(c.id),
        cell(one_line(c.text), notes=[about, *commitment_sources(c), *_status_evidence(item)]),
        _status_cell(item, show_overdue=not with_session),
        partial_date_text(c.due) or "none set",
        owners_text(c.owners) or "not assigned",
    )


def _overdue(report: StatusReport) -> list[Block]:
    heading = Heading(f"Overdue ({len(report.overdue)})")
    if not report.overdue:
        return [
            heading,
            Paragraph(inline(f"Nothing is overdue on {date_text(report.as_of)}."), "empty"),
        ]
    rows = tuple(_item_row(i, with_session=True) for i in report.overdue)
    return [heading, Table(ITEM_COLUMNS, rows)]


def _recurring(report: StatusReport) -> list[Block]:
    blocks: list[Block] = [
        Heading(f"Recurring commitments ({len(report.recurring)})"),
        Paragraph(inline(RECURRING_NOTE), "note"),
    ]
    if not report.recurring:
        none = "No commitment has been made at more than one session without being completed."
        return [*blocks, Paragraph(inline(none), "empty")]
    columns = (
        Column("#", "number"),
        Column("Commitment"),
        Column("Sessions", "figure"),
        Column("Status", "short"),
    )
    rows = tuple(
        row(
            str(i.commitment.id),
            cell(
                one_line(i.commitment.text),
                notes=[
                    inline(f"First made: {i.session}"),
                    *commitment_sources(i.commitment),
                    *(cited(c, prefix="Made again: ") for c in i.restated),
                ],
            ),
            str(i.sessions_made),
            _status_cell(i, show_overdue=False),
        )
        for i in report.recurring
    )
    return [*blocks, Table(columns, rows)]


def _changes(report: StatusReport) -> list[Block]:
    blocks: list[Block] = [Heading(f"Changes since the last session ({len(report.changes)})")]
    last = report.last_session
    if last is not None:
        blocks.append(
            Paragraph(
                inline(
                    f"Status updates dated after the {ordinal_text(last.ordinal) or 'last'} "
                    f"session ({dates_text(last.start, last.end)}) and up to "
                    f"{date_text(report.as_of)}."
                ),
                "note",
            )
        )
    if not report.changes:
        return [*blocks, Paragraph(inline("No status changed since the last session."), "empty")]
    columns = (
        Column("Date", "short"),
        Column("#", "number"),
        Column("Commitment and evidence"),
        Column("From", "short"),
        Column("To", "short"),
    )
    rows = []
    for change in report.changes:
        u = change.update
        notes = [inline(f"By {u.author}", f": {one_line(u.note)}" if u.note else "")]
        notes += [cited(u.evidence)] if u.evidence else []
        notes += [inline(link(u.evidence_url))] if u.evidence_url else []
        rows.append(
            row(
                date_text(u.as_of),
                str(change.item.commitment.id),
                cell(one_line(change.item.commitment.text), notes=notes),
                cell(badge(change.before, status_label(change.before))),
                cell(badge(u.status, status_label(u.status))),
            )
        )
    return [*blocks, Table(columns, tuple(rows))]
