"""Views of source documents: the list, and one document with its extracted items."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from accord.store.database import Database
from accord.store.documents import (
    ITEM_KINDS,
    DocumentFilter,
    DocumentItem,
    DocumentRow,
    document_detail,
    list_documents,
)
from accord.store.sessions import SessionRow, SourceRow
from accord.web.params import Listing, listing


@dataclass(frozen=True)
class DocumentPage:
    """A document's text, every item extracted from it, and those that could not be grounded."""

    document: SourceRow
    kind: str
    language: str
    added_at: dt.datetime
    extractor: str | None
    session: SessionRow | None
    text: str
    items: list[DocumentItem]
    ungrounded: list[DocumentItem]
    counts: dict[str, int]


def documents_view(database: Database, filters: DocumentFilter) -> Listing[DocumentRow]:
    rows = list_documents(database, filters)
    limit = (filters.limit or 1) - 1
    chosen = {"session": filters.session, "outlet": filters.outlet, "since": filters.since}
    return listing(rows, limit, filters.offset, chosen)


def document_view(database: Database, document: str) -> DocumentPage:
    detail = document_detail(database, document)
    return DocumentPage(
        document=detail.document,
        kind=detail.kind,
        language=detail.language,
        added_at=detail.added_at,
        extractor=detail.extractor,
        session=detail.session,
        text=detail.text,
        items=detail.items,
        ungrounded=detail.ungrounded,
        counts={k: sum(1 for i in detail.items if i.kind == k) for k in ITEM_KINDS},
    )
