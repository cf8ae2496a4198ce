"""The status report as a Word document, written from the same data as the templates."""

from __future__ import annotations

from accord.report.status_report import ScoreTable, StatusItem, StatusReport
from accord.report.word import CONTENT_WIDTH_CM, WordReport
from accord.report.wording import (
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
from accord.store.citations import Citation

SCORE_HEADERS = [
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
]
ITEM_WIDTHS = [1.0, 9.5, 2.2, 2.0, CONTENT_WIDTH_CM - 14.7]


def status_report_docx(report: StatusReport, heading: str) -> bytes:
    t = report.total
    sessions = ", ".join(
        (ordinal_text(s.ordinal) or "session")
        + (f" ({dates_text(s.start, s.end)})" if s.start else "")
        for s in report.sessions
    )
    subtitle = (
        f"Status as of {date_text(report.as_of)}, prepared by Accord on "
        f"{date_text(report.generated_on)}. Sessions in the record: {sessions or 'none'}."
    )
    n = report.next_meeting
    if n is not None:
        subtitle += f" Next: the {ordinal_text(n.ordinal) or 'next'} session"
        subtitle += f" in {place_text(n.city, n.country)}" if n.city or n.country else ""
        subtitle += f", {partial_date_text(n.planned_for)}." if n.planned_for else "."
    word = WordReport(heading, subtitle)

    word.heading("Summary")
    word.facts(
        [
            ("Compliance score", percent_text(t.compliance_percent)),
            ("Commitments", str(t.commitments)),
            ("Completed", str(t.by_status.get("completed", 0))),
            ("In progress", str(t.by_status.get("in_progress", 0))),
            ("Overdue", str(len(report.overdue))),
            ("Recurring promises, open", str(len(report.recurring))),
            ("Without evidence", str(t.no_evidence)),
        ]
    )
    word.muted(
        "The compliance score follows the G7/G20 Research Group's scale: each commitment scores "
        "+1 when completed, 0 in progress, −1 when not started, stalled or dropped; the score is "
        f"(mean + 1) / 2 × 100 over the {t.scored} commitments with evidence. The "
        f"{t.no_evidence} commitments without evidence are not scored."
    )

    word.heading("Scorecard")
    for chart in report.charts:
        word.chart(chart)
    for table in report.scorecards:
        word.heading(table.title, level=2)
        _scorecard(word, table)

    word.heading(f"Overdue ({len(report.overdue)})")
    if report.overdue:
        _items(word, report.overdue, due_first=True)
    else:
        word.muted(f"Nothing is overdue on {date_text(report.as_of)}.")

    word.heading(f"Recurring commitments ({len(report.recurring)})")
    word.muted(
        "Promises made at two or more sessions and not completed, each listed once with where "
        "it was made again. The scorecard's “Recurring” column counts every commitment linked "
        "to a restatement, the earlier and the later one."
    )
    if report.recurring:
        word.table(
            ["#", "Commitment", "Sessions", "Status", "Made again"],
            [
                [
                    str(i.commitment.id),
                    f"{one_line(i.commitment.text)} (first made: {i.session})",
                    str(i.sessions_made),
                    status_label(i.status),
                    "",
                ]
                for i in report.recurring
            ],
            ITEM_WIDTHS,
            [i.restated for i in report.recurring],
        )
    else:
        word.muted("No commitment has been made at more than one session without being completed.")

    word.heading(f"Changes since the last session ({len(report.changes)})")
    last = report.last_session
    if last is not None:
        word.muted(
            f"Status updates dated after the {ordinal_text(last.ordinal) or 'last'} session "
            f"({dates_text(last.start, last.end)}) and up to {date_text(report.as_of)}."
        )
    if report.changes:
        word.table(
            ["Date", "#", "Commitment", "From → to", "Evidence"],
            [
                [
                    date_text(c.update.as_of),
                    str(c.item.commitment.id),
                    one_line(c.item.commitment.text),
                    f"{status_label(c.before)} → {status_label(c.update.status)}",
                    f"By {c.update.author}"
                    + (f": {one_line(c.update.note)}" if c.update.note else "")
                    + (f" {c.update.evidence_url}" if c.update.evidence_url else ""),
                ]
                for c in report.changes
            ],
            [2.4, 1.0, 6.6, 3.0, CONTENT_WIDTH_CM - 13.0],
            [[c.update.evidence] if c.update.evidence else [] for c in report.changes],
        )
    else:
        word.muted("No status changed since the last session.")

    word.heading("All commitments")
    for s in report.sessions:
        made = [i for i in report.items if i.commitment.session_id == s.id]
        if made:
            word.heading(f"{made[0].session}: {len(made)}", level=2)
            _items(word, made, due_first=False)
    return word.to_bytes()


def _scorecard(word: WordReport, table: ScoreTable) -> None:
    rows = [
        [
            line.label,
            str(line.row.commitments),
            *(
                str(line.row.by_status.get(s, 0))
                for s in ("completed", "in_progress", "not_started", "stalled", "dropped")
            ),
            str(line.row.no_evidence),
            str(line.row.overdue),
            str(line.row.recurring),
            percent_text(line.row.compliance_percent),
        ]
        for line in table.lines
    ]
    word.table(
        [table.title.removeprefix("By ").capitalize(), *SCORE_HEADERS],
        rows,
        [3.4] + [1.36] * 10,
        font_size=7.5,
    )


def _evidence(item: StatusItem) -> tuple[str, list[Citation]]:
    """The status line of an item and the citations behind it (status evidence, then sources)."""
    u = item.latest_update
    citations = list(item.commitment.citations)
    if u is None:
        return "No status update recorded.", citations
    text = f"{status_label(u.status)} as of {date_text(u.as_of)}, by {u.author}"
    text += f": {one_line(u.note)}" if u.note else ""
    text += f" {u.evidence_url}" if u.evidence_url else ""
    return text, ([u.evidence] if u.evidence else []) + citations


def _items(word: WordReport, items: list[StatusItem], *, due_first: bool) -> None:
    evidence = [_evidence(i) for i in items]
    word.table(
        ["#", "Commitment", "Status", "Due", "Owners and evidence"],
        [
            [
                str(i.commitment.id),
                one_line(i.commitment.text)
                + f" ({', '.join(sector_label(s) for s in i.commitment.sectors)}"
                + (f"; {i.session})" if due_first else ")"),
                status_label(i.status) + (", overdue" if i.overdue and not due_first else ""),
                partial_date_text(i.commitment.due) or "none set",
                f"{owners_text(i.commitment.owners) or 'Not assigned'}. {line}",
            ]
            for i, (line, _) in zip(items, evidence, strict=True)
        ],
        ITEM_WIDTHS,
        [cited for _, cited in evidence],
    )
