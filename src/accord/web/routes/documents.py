"""Source documents: the list, and one document with its items highlighted."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Path, Request

from accord.store.documents import DocumentFilter, DocumentRow
from accord.web.auth import Reader, database_of
from accord.web.highlight import pieces
from accord.web.params import Listing, document_filter
from accord.web.twins import Twins
from accord.web.views.documents import DocumentPage, document_view, documents_view

twins = Twins("documents")


@twins.view("/documents", "documents.html", summary="Source documents, newest first")
def documents(
    request: Request,
    identity: Reader,
    filters: Annotated[DocumentFilter, Depends(document_filter)],
) -> Listing[DocumentRow]:
    return documents_view(database_of(request), filters)


def _highlighted(request: Request, data: DocumentPage) -> dict[str, Any]:
    return {"pieces": pieces(data.text, data.items)}


@twins.view(
    "/documents/{document}",
    "document.html",
    context=_highlighted,
    summary="One document: its text and every item extracted from it",
)
def document(
    request: Request,
    identity: Reader,
    document: Annotated[str, Path(description="The document's id or its doc-… key.")],
) -> DocumentPage:
    return document_view(database_of(request), document)
