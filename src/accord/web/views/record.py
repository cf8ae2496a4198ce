"""Views of the record: commissions, sessions, commitments, agreements, search."""

from __future__ import annotations

from dataclasses import dataclass

from accord.core.records import SECTORS
from accord.store.accounts import Account
from accord.store.agreements import AgreementDetail, AgreementRow, agreement_detail, list_agreements
from accord.store.commissions import CommissionRow, list_commissions
from accord.store.commitments import CommitmentFilter, CommitmentRow, list_commitments
from accord.store.database import Database
from accord.store.notes import NoteRow, notes_for
from accord.store.search import SEARCH_KINDS, SearchHit, SearchKind, query_words, search
from accord.store.session_records import session_detail
from accord.store.sessions import CoChairRow, NextMeetingRow, SessionRow, SourceRow, list_sessions
from accord.web.params import Listing, listing


@dataclass(frozen=True)
class SectorGroup:
    sector: str
    commitments: list[CommitmentRow]


@dataclass(frozen=True)
class SessionPage:
    session: SessionRow
    co_chairs: list[CoChairRow]
    agreements_signed: list[AgreementRow]
    agreements_planned: list[AgreementRow]
    commitments_by_sector: list[SectorGroup]
    sources: list[SourceRow]
    next_meeting: NextMeetingRow | None
    notes: list[NoteRow]


@dataclass(frozen=True)
class AgreementPage:
    agreement: AgreementDetail
    notes: list[NoteRow]


@dataclass(frozen=True)
class SearchResults:
    q: str
    kind: str | None
    hits: list[SearchHit]


def commissions_view(database: Database) -> list[CommissionRow]:
    return list_commissions(database)


def sessions_view(
    database: Database, commission: str | None, limit: int, offset: int
) -> Listing[SessionRow]:
    rows = list_sessions(database, commission, limit + 1, offset)
    return listing(rows, limit, offset, {"commission": commission})


def by_primary_sector(rows: list[CommitmentRow]) -> list[SectorGroup]:
    """Commitments grouped under their primary sector, sectors in the contract's order."""
    groups: dict[str, list[CommitmentRow]] = {}
    for row in sorted(rows, key=lambda r: r.id):
        groups.setdefault(row.sectors[0] if row.sectors else "general", []).append(row)
    order = {sector: i for i, sector in enumerate(SECTORS)}
    return [
        SectorGroup(sector, groups[sector])
        for sector in sorted(groups, key=lambda s: order.get(s, len(order)))
    ]


def session_view(database: Database, session_id: int, viewer: Account) -> SessionPage:
    detail = session_detail(database, session_id)
    return SessionPage(
        session=detail.session,
        co_chairs=detail.co_chairs,
        agreements_signed=[a for a in detail.agreements if a.status == "signed"],
        agreements_planned=[a for a in detail.agreements if a.status != "signed"],
        commitments_by_sector=by_primary_sector(detail.commitments),
        sources=detail.sources,
        next_meeting=detail.next_meeting,
        notes=notes_for(database, "session", session_id, viewer),
    )


def commitments_view(database: Database, filters: CommitmentFilter) -> Listing[CommitmentRow]:
    rows = list_commitments(database, filters)
    limit = (filters.limit or 1) - 1
    return listing(rows, limit, filters.offset, _filters_of(filters))


def _filters_of(filters: CommitmentFilter) -> dict[str, object]:
    return {
        "commission": filters.commission,
        "session": filters.session,
        "sector": filters.sector,
        "strength": filters.strength,
        "status": filters.status,
        "review_state": filters.review_state,
        "agency": filters.agency,
        "since": filters.since,
    }


def agreements_view(
    database: Database,
    commission: str | None,
    session_id: int | None,
    status: str | None,
    limit: int,
    offset: int,
) -> Listing[AgreementRow]:
    rows = list_agreements(database, commission, session_id, status, limit + 1, offset)
    filters = {"commission": commission, "session": session_id, "status": status}
    return listing(rows, limit, offset, filters)


def agreement_view(database: Database, agreement_id: int, viewer: Account) -> AgreementPage:
    return AgreementPage(
        agreement=agreement_detail(database, agreement_id),
        notes=notes_for(database, "agreement", agreement_id, viewer),
    )


def search_view(database: Database, q: str, kind: SearchKind | None, limit: int) -> SearchResults:
    """The best matches of each kind; no words to look for (an empty box) finds nothing."""
    kinds: tuple[SearchKind, ...] = (kind,) if kind else SEARCH_KINDS
    hits = search(database, q, kinds, limit) if query_words(q) else []
    return SearchResults(q=q, kind=kind, hits=hits)
