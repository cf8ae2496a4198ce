"""Where each fact came from: the quoted spans of the documents that back an item.

``Citation`` (with what identifies the document) is what reports print;
``SpanRow`` (with the document's id) is what pages link and highlight.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import InstrumentedAttribute, Session

from accord.store.models import Document, Evidence
from accord.store.rows import QueryRow


@dataclass(frozen=True)
class Citation:
    """A quoted span of a source document, with what identifies the document."""

    document_key: str
    source: str
    title: str | None
    outlet: str | None
    published: dt.date | None
    url: str | None
    quote: str
    start: int
    end: int


@dataclass(frozen=True)
class SpanRow(QueryRow):
    """A verbatim span of a document backing an item."""

    document_id: int
    document_title: str | None
    document_source: str
    text: str
    start: int
    end: int


def citation_of(document: Document, quote: str, start: int, end: int) -> Citation:
    """A citation of characters ``start:end`` (``quote``) of a stored document."""
    return Citation(
        document_key=document.key,
        source=document.source,
        title=document.title,
        outlet=document.outlet,
        published=document.published,
        url=document.url,
        quote=quote,
        start=start,
        end=end,
    )


def citations(session: Session, column: Any, ids: Sequence[int]) -> dict[int, list[Citation]]:
    """The evidence of each item (``column`` names its kind), oldest publication first."""
    if not ids:
        return {}
    query = (
        select(column, Evidence, Document)
        .join(Document, Document.id == Evidence.document_id)
        .where(column.in_(list(ids)))
        .order_by(column, Document.published.is_(None), Document.published, Evidence.id)
    )
    found: dict[int, list[Citation]] = {}
    for owner, evidence, document in session.execute(query):
        found.setdefault(owner, []).append(
            citation_of(document, evidence.text, evidence.span_start, evidence.span_end)
        )
    return found


def spans(
    session: Session, column: InstrumentedAttribute[int | None], item_id: int
) -> list[SpanRow]:
    """The spans backing one item, by document then position."""
    rows = session.execute(
        select(Evidence, Document.title, Document.source)
        .join(Document, Document.id == Evidence.document_id)
        .where(column == item_id)
        .order_by(Evidence.document_id, Evidence.span_start)
    ).all()
    return [
        SpanRow(e.document_id, title, source, e.text, e.span_start, e.span_end)
        for e, title, source in rows
    ]
