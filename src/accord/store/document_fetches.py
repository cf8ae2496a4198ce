"""Fetched pages kept beside their documents, and documents found by the address they came from.

A document read from an address keeps the page as fetched (its bytes, the address
asked, the address after redirects, when): the text can be checked against it later.
An address asked once is not fetched again: it names its document.
"""

from __future__ import annotations

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from accord.core.documents import SourceDocument
from accord.store.models import Document, DocumentFetch, address_key


def record_fetch(session: Session, document_id: int, fetched: SourceDocument) -> bool:
    """Keep the page ``fetched`` was read from, under the stored document ``document_id``.

    False (and nothing written) when the document was not fetched or its address is
    already recorded.
    """
    if fetched.fetched_at is None or fetched.raw is None:
        return False
    key = address_key(fetched.source)
    if session.scalar(select(DocumentFetch.id).where(DocumentFetch.address_key == key)):
        return False
    url = fetched.url or fetched.source
    session.add(
        DocumentFetch(
            document_id=document_id,
            address=fetched.source,
            address_key=key,
            url=url,
            url_key=address_key(url),
            fetched_at=fetched.fetched_at,
            kind=fetched.kind,
            content=fetched.raw,
        )
    )
    return True


def document_at_address(session: Session, address: str) -> Document | None:
    """The document fetched from ``address`` (asked, or reached after redirects), if any."""
    key = address_key(address)
    return session.scalar(
        select(Document)
        .join(DocumentFetch, DocumentFetch.document_id == Document.id)
        .where(or_(DocumentFetch.address_key == key, DocumentFetch.url_key == key))
        .limit(1)
    )


def fetched_page(session: Session, document_id: int) -> DocumentFetch | None:
    """The first fetch of a document (its page as it was then), or None for a file."""
    return session.scalar(
        select(DocumentFetch)
        .where(DocumentFetch.document_id == document_id)
        .order_by(DocumentFetch.id)
        .limit(1)
    )
