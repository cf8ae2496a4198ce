"""The implementation status report: figures from the track layer, checked by hand and by reader."""

from __future__ import annotations

import datetime as dt

from accord.report.downloads import render_status, render_status_report
from accord.report.status_report import build_status_report
from accord.store.commitments import CommitmentFilter, list_commitments
from accord.track.scorecard import scorecard

from .conftest import Record
from .readers import read_docx, read_pdf

COMMISSION = "Kazakhstan–Uzbekistan"
AS_OF = dt.date(2026, 3, 1)
TODAY = dt.date(2026, 3, 2)


def compliance_percent(values: list[int]) -> float:
    """The G7/G20 Research Group's percentage, computed here by hand."""
    return round((sum(values) / len(values) + 1) / 2 * 100, 1)


def test_status_report_scores_the_statuses_on_the_date_asked(record: Record) -> None:
    report = build_status_report(record.db, COMMISSION, AS_OF, TODAY)
    stored = list_commitments(record.db, CommitmentFilter(commission=COMMISSION, limit=None))
    # completed (pilot train), in progress (hub), stalled (gauging), not started (cotton).
    assert report.total.compliance_percent == compliance_percent([1, 0, -1, -1]) == 37.5
    assert report.total.commitments == len(stored)
    assert report.total.scored == 4
    assert report.total.no_evidence == len(stored) - 4
    status = {i.commitment.id: i.status for i in report.items}
    assert status[record.gauging_stations] == "stalled"
    # Before the stalled update was dated, the gauging stations had no evidence.
    earlier = build_status_report(record.db, COMMISSION, dt.date(2025, 12, 1), TODAY)
    assert {i.commitment.id: i.status for i in earlier.items}[record.gauging_stations] == (
        "no_evidence"
    )
    assert earlier.total.compliance_percent == compliance_percent([1, 0, -1]) == 50.0


def test_status_report_uses_the_track_scorecard_figures(record: Record) -> None:
    today = dt.date.today()
    report = build_status_report(record.db, COMMISSION, today, today)
    for table in report.scorecards[:3]:
        ours = [line.row for line in table.lines]
        assert ours == scorecard(record.db, table.by, COMMISSION, today)
    by_session = report.scorecards[3]
    assert [line.label.split(" (")[0] for line in by_session.lines] == [
        "19th session",
        "20th session",
        "21st session",
        "All commitments",
    ]
    assert sum(line.row.commitments for line in by_session.lines[:-1]) == report.total.commitments


def test_status_report_lists_overdue_recurring_and_changes_with_evidence(record: Record) -> None:
    report = build_status_report(record.db, COMMISSION, AS_OF, TODAY)
    overdue = {i.commitment.id for i in report.overdue}
    assert record.gauging_stations in overdue  # due 2025, stalled
    assert record.pilot_train not in overdue  # completed
    assert {i.commitment.id for i in report.recurring} == {
        record.logistics_hub,
        record.gauging_stations,
    }
    hub = next(i for i in report.recurring if i.commitment.id == record.logistics_hub)
    assert hub.sessions_made == 2
    assert ["joint logistics hub" in c.quote for c in hub.restated] == [True]
    assert report.last_session is not None and report.last_session.ordinal == 20
    assert [(c.item.commitment.id, c.before, c.update.status) for c in report.changes] == [
        (record.gauging_stations, "no_evidence", "stalled")
    ]
    assert report.changes[0].update.evidence_url == "https://water.example.org/syr-darya-gauging"
    assert hub.latest_update is not None and hub.latest_update.evidence is not None
    assert hub.latest_update.evidence.quote.startswith("The sides reaffirmed their plans")


def test_status_report_in_every_format_shows_the_score_and_charts(record: Record) -> None:
    report = build_status_report(record.db, COMMISSION, AS_OF, TODAY)
    markdown = render_status(report, "md").content.decode()
    assert markdown.startswith("# Implementation status: Kazakhstan–Uzbekistan")
    assert "| 37.5% | 22 | 1 | 1 | " in markdown
    assert markdown.count("data:image/png;base64,") == 2
    html = render_status(report, "html").content.decode()
    assert html.count('src="data:image/png;base64,') == 2
    assert "https://water.example.org/syr-darya-gauging" in html
    assert "The sides reaffirmed their plans to complete the joint logistics hub" in html
    word = read_docx(render_status(report, "docx").content)
    assert word.headings[1] == [
        "Summary",
        "Scorecard",
        f"Overdue ({len(report.overdue)})",
        "Recurring commitments (2)",
        "Changes since the last session (1)",
        "All commitments",
    ]
    assert word.headings[2][:4] == ["By sector", "By agency", "By side", "By session"]
    assert word.pictures == 2
    assert ["Compliance score", "37.5%"] in word.tables[0]
    pages, text = read_pdf(render_status(report, "pdf").content)
    assert pages >= 3
    for expected in ("37.5%", "Changes since the last session (1)", "water.example.org"):
        assert expected in text, expected


def test_status_report_of_a_commission_without_updates_scores_nothing(record: Record) -> None:
    rendered = render_status_report(record.db, "Pakistan-Russia", "md", AS_OF)
    text = rendered.content.decode()
    assert rendered.filename.endswith("-2026-03-01.md")
    assert "| – | 13 | 0 | 0 |" in text
    assert "The 13 commitments without evidence are not scored." in text
    assert "Next: the 11th session in Russia, 2026." in text
