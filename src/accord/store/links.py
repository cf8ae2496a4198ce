"""Confirmed restatements: links from an earlier commitment to the later document that made it again.

A link cites the later sentence (document and span) and, when the later
document's own extraction found it, the later commitment.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from accord.store.audit import record_change, snapshot
from accord.store.citations import Citation, citation_of
from accord.store.database import Database
from accord.store.models import CommitmentLink, Document, SessionSource
from accord.store.rows import QueryRow

LINK_FIELDS = ("earlier_id", "later_id", "document_id", "span_start", "span_end", "kind")


@dataclass(frozen=True)
class LinkRow(QueryRow):
    """A confirmed restatement: this commitment made again (``restated_in``) or made before."""

    id: int
    direction: str
    other_commitment_id: int | None
    document_id: int
    document_title: str | None
    session_id: int | None
    start: int
    end: int
    text: str
    created_by: str
    created_at: dt.datetime


@dataclass(frozen=True)
class Restatements:
    """Confirmed restatements: where each commitment was made again, and which restate which.

    ``made_again[c]`` cites the later spans that restated commitment ``c``;
    ``restates[later]`` is the earlier commitment a later one was linked to.
    """

    made_again: dict[int, list[Citation]] = field(default_factory=dict)
    restates: dict[int, int] = field(default_factory=dict)


def add_link(
    session: Session,
    earlier_id: int,
    later_id: int | None,
    document_id: int,
    span: tuple[int, int],
    actor: str,
    suggestion_id: int | None = None,
) -> CommitmentLink:
    """Link an earlier commitment to the sentence (``span`` of a document) that made it again."""
    link = CommitmentLink(
        earlier_id=earlier_id,
        later_id=later_id,
        document_id=document_id,
        span_start=span[0],
        span_end=span[1],
        kind="restated",
        suggestion_id=suggestion_id,
        created_by=actor,
    )
    session.add(link)
    session.flush()
    after = snapshot(link, LINK_FIELDS)
    record_change(session, actor, "commitment_link", link.id, "create", None, after)
    return link


def commitment_links(database: Database, commitment_id: int) -> list[LinkRow]:
    """Where this commitment was restated later, and what earlier commitment it restates."""
    quoted = func.substr(
        Document.text,
        CommitmentLink.span_start + 1,
        CommitmentLink.span_end - CommitmentLink.span_start,
    )
    query = (
        select(CommitmentLink, Document.title, SessionSource.session_id, quoted)
        .join(Document, Document.id == CommitmentLink.document_id)
        .outerjoin(SessionSource, SessionSource.document_id == CommitmentLink.document_id)
        .where(
            or_(
                CommitmentLink.earlier_id == commitment_id, CommitmentLink.later_id == commitment_id
            )
        )
        .order_by(CommitmentLink.id)
    )
    with database.reading() as session:
        return [
            LinkRow(
                id=link.id,
                direction="restated_in" if link.earlier_id == commitment_id else "restates",
                other_commitment_id=link.later_id
                if link.earlier_id == commitment_id
                else link.earlier_id,
                document_id=link.document_id,
                document_title=title,
                session_id=session_id,
                start=link.span_start,
                end=link.span_end,
                text=text or "",
                created_by=link.created_by,
                created_at=link.created_at,
            )
            for link, title, session_id, text in session.execute(query)
        ]


def restatements(database: Database, commitment_ids: Sequence[int]) -> Restatements:
    """The confirmed restatement links touching these commitments, with the spans they cite."""
    found = Restatements()
    if not commitment_ids:
        return found
    wanted = list(set(commitment_ids))
    with database.reading() as session:
        query = (
            select(CommitmentLink, Document)
            .join(Document, Document.id == CommitmentLink.document_id)
            .where(or_(CommitmentLink.earlier_id.in_(wanted), CommitmentLink.later_id.in_(wanted)))
            .order_by(Document.published.is_(None), Document.published, CommitmentLink.id)
        )
        for link, document in session.execute(query):
            quote = document.text[link.span_start : link.span_end]
            citation = citation_of(document, quote, link.span_start, link.span_end)
            found.made_again.setdefault(link.earlier_id, []).append(citation)
            if link.later_id is not None:
                found.restates.setdefault(link.later_id, link.earlier_id)
    return found
