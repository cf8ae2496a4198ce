"""The session brief: what one session decided, as plain data ready to render.

Meeting facts and co-chairs, the documents signed and planned with their
parties, the commitments grouped by sector (strength, owners, due dates) and
the next session, each item citing the documents it was found in.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from accord.core.records import SECTORS
from accord.report.charts import STRENGTH_COLOURS, STRENGTH_ORDER, Chart, stacked_bars
from accord.report.phrases import sector_label, session_title
from accord.store.agreements import AgreementItem
from accord.store.commitments import CommitmentItem
from accord.store.database import Database
from accord.store.session_records import session_record
from accord.store.sessions import CoChairRow, NextMeetingRow, SessionRow, SourceRow, find_session

# Sectors in the order the brief lists them: the specific ones first, "general" last.
SECTOR_ORDER = (*[s for s in SECTORS if s != "general"], "general")


@dataclass(frozen=True)
class SectorGroup:
    """The commitments whose primary sector is ``sector``."""

    sector: str
    label: str
    commitments: list[CommitmentItem]


@dataclass(frozen=True)
class SessionBrief:
    title: str
    generated_on: dt.date
    session: SessionRow
    co_chairs: list[CoChairRow]
    signed: list[AgreementItem]
    planned: list[AgreementItem]
    sectors: list[SectorGroup]
    next_meeting: NextMeetingRow | None
    sources: list[SourceRow]
    charts: list[Chart]

    @property
    def commitment_count(self) -> int:
        return sum(len(group.commitments) for group in self.sectors)

    @property
    def strength_counts(self) -> dict[str, int]:
        counts = Counter(c.strength for g in self.sectors for c in g.commitments)
        return {s: counts[s] for s in STRENGTH_ORDER if counts[s]}


def group_by_sector(commitments: list[CommitmentItem]) -> list[SectorGroup]:
    """Commitments by primary sector (each once), sectors in ``SECTOR_ORDER``."""
    groups: dict[str, list[CommitmentItem]] = {}
    for commitment in commitments:
        primary = commitment.sectors[0] if commitment.sectors else "general"
        groups.setdefault(primary, []).append(commitment)
    ordered = sorted(groups, key=lambda s: SECTOR_ORDER.index(s) if s in SECTOR_ORDER else 99)
    return [SectorGroup(s, sector_label(s), groups[s]) for s in ordered]


def sectors_chart(groups: list[SectorGroup]) -> Chart:
    categories = [g.label for g in groups]
    counts = {
        strength: [sum(c.strength == strength for c in g.commitments) for g in groups]
        for strength in STRENGTH_ORDER
    }
    return stacked_bars(
        "commitments-by-sector",
        "Commitments by sector and strength",
        "Number of commitments made at the session in each sector, split by strength "
        "(decision, intention, exploration).",
        categories,
        counts,
        STRENGTH_COLOURS,
        {s: s for s in STRENGTH_ORDER},
    )


def build_session_brief(
    database: Database, session: str | int, today: dt.date | None = None
) -> SessionBrief:
    """The brief of the session ``session`` names (an id, '<commission> #<n>', or a commission)."""
    session_id = session if isinstance(session, int) else find_session(database, session)
    record = session_record(database, session_id)
    groups = group_by_sector(record.commitments)
    return SessionBrief(
        title=session_title(record.facts),
        generated_on=today or dt.date.today(),
        session=record.facts,
        co_chairs=record.co_chairs,
        signed=[a for a in record.agreements if a.status == "signed"],
        planned=[a for a in record.agreements if a.status != "signed"],
        sectors=groups,
        next_meeting=record.next_meeting,
        sources=record.sources,
        charts=[sectors_chart(groups)] if groups else [],
    )
