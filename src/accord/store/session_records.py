"""One session whole: its facts with its co-chairs, agreements, commitments, sources and
next session, as the session page shows them and as the session brief cites them.

The page lists agreements and commitments as rows; the brief needs every
citation, so it reads the report items and leaves out what a person rejected.
"""

from __future__ import annotations

from dataclasses import dataclass

from accord.store.agreements import AgreementItem, AgreementRow, agreement_items, list_agreements
from accord.store.commitments import (
    CommitmentFilter,
    CommitmentItem,
    CommitmentRow,
    commitment_items,
    list_commitments,
)
from accord.store.database import Database
from accord.store.sessions import (
    CoChairRow,
    NextMeetingRow,
    SessionRow,
    SourceRow,
    co_chairs,
    next_meetings,
    session_row,
    session_sources,
)


@dataclass(frozen=True)
class SessionDetail:
    """A session as its page shows it."""

    session: SessionRow
    co_chairs: list[CoChairRow]
    agreements: list[AgreementRow]
    commitments: list[CommitmentRow]
    sources: list[SourceRow]
    next_meeting: NextMeetingRow | None


@dataclass(frozen=True)
class SessionRecord:
    """Everything recorded about one session, with citations, as the brief reads it."""

    facts: SessionRow
    co_chairs: list[CoChairRow]
    agreements: list[AgreementItem]
    commitments: list[CommitmentItem]
    next_meeting: NextMeetingRow | None
    sources: list[SourceRow]


def session_detail(database: Database, session_id: int) -> SessionDetail:
    """A session with its co-chairs, agreements, commitments, sources and next meeting."""
    with database.reading() as session:
        row = session_row(session, session_id)
        chairs = co_chairs(session, session_id)
        sources = session_sources(session, session_id)
        upcoming = next_meetings(session, [session_id])
    return SessionDetail(
        session=row,
        co_chairs=chairs,
        agreements=list_agreements(database, session_id=session_id, limit=None),
        commitments=list_commitments(database, CommitmentFilter(session=session_id, limit=None)),
        sources=sources,
        next_meeting=upcoming[0] if upcoming else None,
    )


def session_record(database: Database, session_id: int) -> SessionRecord:
    """One session with its co-chairs, agreements, commitments, next session and sources."""
    with database.reading() as session:
        facts = session_row(session, session_id)
        upcoming = next_meetings(session, [session_id])
        return SessionRecord(
            facts=facts,
            co_chairs=co_chairs(session, session_id),
            agreements=agreement_items(session, session_id),
            commitments=commitment_items(session, [session_id]),
            next_meeting=upcoming[0] if upcoming else None,
            sources=session_sources(session, session_id),
        )
