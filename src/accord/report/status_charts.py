"""The status report's charts: status by sector, and delivery over the sessions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from accord.report.charts import STATUS_COLOURS, STATUS_ORDER, Chart, stacked_bars
from accord.report.phrases import status_label

if TYPE_CHECKING:
    from accord.report.status_report import ScoreTable


def sector_status_chart(table: ScoreTable) -> Chart:
    """Commitments per sector, stacked by status (the total row left out)."""
    lines = table.lines[:-1]
    return stacked_bars(
        "status-by-sector",
        "Status of commitments by sector",
        "Commitments in each sector by their current status; a commitment with several "
        "sectors counts in each.",
        [line.label for line in lines],
        {s: [line.row.by_status.get(s, 0) for line in lines] for s in STATUS_ORDER},
        STATUS_COLOURS,
        {s: status_label(s) for s in STATUS_ORDER},
    )


def delivery_chart(table: ScoreTable) -> Chart:
    """Commitments made at each session, stacked by status, with the compliance score."""
    lines = table.lines[:-1]
    return stacked_bars(
        "delivery-over-sessions",
        "Delivery over sessions",
        "Commitments made at each session by their current status; the line is the session's "
        "compliance score (completed +1, in progress 0, not started, stalled or dropped −1; "
        "no evidence not scored).",
        [line.label.split(" (")[0] for line in lines],
        {s: [line.row.by_status.get(s, 0) for line in lines] for s in STATUS_ORDER},
        STATUS_COLOURS,
        {s: status_label(s) for s in STATUS_ORDER},
        horizontal=False,
        line=[line.row.compliance_percent for line in lines],
        line_label="compliance %",
    )
