"""Geometry of the dashboard's charts, drawn as inline SVG by the templates.

Only numbers are computed here (bars, offsets, ticks); the markup lives in
``templates/_charts.html``, so the charts need no script and no library.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from accord.core.records import SECTORS
from accord.store.models import COMMITMENT_STATUSES
from accord.store.overview import SectorStatusCount
from accord.store.sessions import SessionRow

# Delivered first, unknown last: the bar reads from done to not yet known.
STATUS_ORDER = ("completed", "in_progress", "not_started", "stalled", "dropped", "no_evidence")
assert set(STATUS_ORDER) == set(COMMITMENT_STATUSES)

CHART_WIDTH = 720
LABEL_WIDTH = 120
BAR_HEIGHT = 18
ROW_GAP = 6
TIMELINE_WIDTH = 720
TIMELINE_ROW = 34
TIMELINE_LABEL = 200


@dataclass(frozen=True)
class Segment:
    status: str
    count: int
    x: float
    width: float


@dataclass(frozen=True)
class Bar:
    sector: str
    total: int
    y: float
    segments: list[Segment]


@dataclass(frozen=True)
class SectorChart:
    """Commitments by sector (rows) and status (stacked segments), scaled to the largest row."""

    bars: list[Bar]
    width: int
    height: int
    label_width: int
    statuses: tuple[str, ...]
    total: int


def sector_status_chart(counts: Sequence[SectorStatusCount]) -> SectorChart:
    by_sector: dict[str, dict[str, int]] = {}
    for count in counts:
        by_sector.setdefault(count.sector, {})[count.status] = count.commitments
    sectors = [s for s in SECTORS if s in by_sector] + sorted(set(by_sector) - set(SECTORS))
    largest = max((sum(v.values()) for v in by_sector.values()), default=0) or 1
    scale = (CHART_WIDTH - LABEL_WIDTH - 50) / largest
    bars: list[Bar] = []
    for row, sector in enumerate(sectors):
        x = float(LABEL_WIDTH)
        segments: list[Segment] = []
        for status in STATUS_ORDER:
            n = by_sector[sector].get(status, 0)
            if n:
                segments.append(Segment(status, n, round(x, 2), round(n * scale, 2)))
                x += n * scale
        bars.append(
            Bar(sector, sum(by_sector[sector].values()), row * (BAR_HEIGHT + ROW_GAP), segments)
        )
    return SectorChart(
        bars=bars,
        width=CHART_WIDTH,
        height=max(len(bars) * (BAR_HEIGHT + ROW_GAP), BAR_HEIGHT),
        label_width=LABEL_WIDTH,
        statuses=STATUS_ORDER,
        total=sum(b.total for b in bars),
    )


@dataclass(frozen=True)
class TimelinePoint:
    session_id: int
    x: float
    label: str
    title: str


@dataclass(frozen=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True)
class Timeline:
    """A commission's sessions placed on a shared time axis (sessions without dates are left out)."""

    points: list[TimelinePoint]
    ticks: list[Tick]
    width: int
    undated: int


def _span(sessions: Sequence[SessionRow]) -> tuple[dt.date, dt.date]:
    days = [s.start or s.end for s in sessions if s.start or s.end]
    if not days:
        today = dt.date.today()
        return today, today
    first, last = min(d for d in days if d), max(d for d in days if d)
    return dt.date(first.year, 1, 1), dt.date(last.year + 1, 1, 1)


def timeline(sessions: Sequence[SessionRow], span: tuple[dt.date, dt.date]) -> Timeline:
    start, end = span
    days = max((end - start).days, 1)
    usable = TIMELINE_WIDTH - 20

    def x_of(day: dt.date) -> float:
        return round(10 + (day - start).days / days * usable, 2)

    points = []
    for s in sessions:
        day = s.start or s.end
        if day is None:
            continue
        number = f"#{s.ordinal}" if s.ordinal else s.kind.replace("_", " ")
        where = ", ".join(v for v in (s.venue_city, s.venue_country) if v)
        points.append(
            TimelinePoint(s.id, x_of(day), number, f"{number} {day.isoformat()} {where}".strip())
        )
    step = max(1, (end.year - start.year) // 8)
    ticks = [
        Tick(x_of(dt.date(year, 1, 1)), str(year)) for year in range(start.year, end.year + 1, step)
    ]
    undated = sum(1 for s in sessions if not (s.start or s.end))
    return Timeline(points, ticks, TIMELINE_WIDTH, undated)


def timelines(sessions: Sequence[SessionRow]) -> dict[int | None, Timeline]:
    """One timeline per commission, all on the same axis so they can be compared."""
    span = _span(sessions)
    grouped: dict[int | None, list[SessionRow]] = {}
    for s in sessions:
        grouped.setdefault(s.commission_id, []).append(s)
    return {key: timeline(rows, span) for key, rows in grouped.items()}
