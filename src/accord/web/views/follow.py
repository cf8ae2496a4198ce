"""Views of the follow-through: a commitment's page, the review queue, follow-up suggestions.

Reading goes through the store, deciding through the track layer
(``accord.track.review``, ``.status``, ``.followup_suggestions``): the web only
checks who may act before calling them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from accord.store.accounts import Account
from accord.store.audit import AuditRow
from accord.store.commitments import CommitmentDetail, commitment_detail
from accord.store.database import Database
from accord.store.followups import SuggestionRow, list_suggestions
from accord.store.links import LinkRow, commitment_links
from accord.store.notes import NoteRow, notes_for
from accord.store.review_queue import ReviewItem, ReviewKind, review_queue
from accord.store.statuses import CommitmentStatus
from accord.track.status import commitment_history
from accord.web.params import Listing, listing

SuggestionState = Literal["open", "confirmed", "dismissed"]


@dataclass(frozen=True)
class CommitmentPage:
    """A commitment: its text and evidence, owners, due date, status history, links and notes."""

    commitment: CommitmentDetail
    follow_through: CommitmentStatus
    links: list[LinkRow]
    suggestions: list[SuggestionRow]
    audit: list[AuditRow]
    notes: list[NoteRow]


def commitment_view(database: Database, commitment_id: int, viewer: Account) -> CommitmentPage:
    detail = commitment_detail(database, commitment_id)
    status, audit = commitment_history(database, commitment_id)
    return CommitmentPage(
        commitment=detail,
        follow_through=status,
        links=commitment_links(database, commitment_id),
        suggestions=list_suggestions(database, state=None, commitment_id=commitment_id),
        audit=audit,
        notes=notes_for(database, "commitment", commitment_id, viewer),
    )


def review_view(
    database: Database,
    kind: ReviewKind | None,
    state: str,
    commission: str | None,
    session_id: int | None,
    limit: int,
    offset: int,
) -> Listing[ReviewItem]:
    """One page of the review queue (drafts by default), oldest first."""
    kinds: tuple[ReviewKind, ...] = (kind,) if kind else ("commitment", "agreement")
    items = review_queue(database, kinds, state, commission, session_id, limit=offset + limit + 1)
    filters = {"kind": kind, "state": state, "commission": commission, "session": session_id}
    return listing(items[offset:], limit, offset, filters)


def followups_view(
    database: Database,
    state: SuggestionState | None,
    commission: str | None,
    document_id: int | None,
    commitment_id: int | None,
    limit: int,
    offset: int,
) -> Listing[SuggestionRow]:
    rows = list_suggestions(
        database,
        state=state,
        commission=commission,
        document_id=document_id,
        commitment_id=commitment_id,
        limit=offset + limit + 1,
    )
    filters = {
        "state": state,
        "commission": commission,
        "document": document_id,
        "commitment": commitment_id,
    }
    return listing(rows[offset:], limit, offset, filters)
