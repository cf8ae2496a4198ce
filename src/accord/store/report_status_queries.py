"""Reading the follow-through for the reports: status histories and restatements, in bulk.

The status report and the commitments export need these for many commitments
at once; each read is one query, whatever the number of commitments.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import or_, select

from accord.store.database import Database
from accord.store.models import Document
from accord.store.report_rows import Restatements, StatusEntry, citation_of
from accord.store.tracking_models import CommitmentLink, StatusUpdate


def status_entries(database: Database, commitment_ids: Sequence[int]) -> list[StatusEntry]:
    """The status updates of these commitments, by commitment, in the order of their dates."""
    if not commitment_ids:
        return []
    with database.reading() as session:
        query = (
            select(StatusUpdate, Document)
            .outerjoin(Document, Document.id == StatusUpdate.evidence_document_id)
            .where(StatusUpdate.commitment_id.in_(list(commitment_ids)))
            .order_by(StatusUpdate.commitment_id, StatusUpdate.as_of, StatusUpdate.id)
        )
        return [
            StatusEntry(
                id=update.id,
                commitment_id=update.commitment_id,
                status=update.status,
                as_of=update.as_of,
                author=update.author,
                note=update.note,
                evidence=citation_of(
                    document,
                    update.evidence_text or "",
                    update.evidence_start or 0,
                    update.evidence_end or 0,
                )
                if document is not None
                else None,
                evidence_url=update.evidence_url,
            )
            for update, document in session.execute(query)
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
