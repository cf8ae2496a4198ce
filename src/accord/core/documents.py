"""A loaded source document: the plain text every offset indexes, plus metadata."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Literal

from pydantic import Field

from accord.core.records import Record

SourceKind = Literal["text", "markdown", "html", "pdf", "docx"]


def text_sha256(text: str) -> str:
    """The sha256 (hex) of the UTF-8 text, as recorded in ``document.text_sha256``."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def document_id(sha256: str) -> str:
    """A document's stable id, derived from the sha256 of its text."""
    return f"doc-{sha256[:16]}"


class SourceDocument(Record):
    """What ingest hands to extraction: text and metadata, nothing interpreted yet."""

    source: str = Field(description="The path or name the document was loaded from.")
    kind: SourceKind
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None
    language: str = "en"
    notes: tuple[str, ...] = Field(
        default=(), description="Problems the loader worked around, shown to the user as warnings."
    )
    fetched_at: dt.datetime | None = Field(
        default=None, description="When the page was fetched (documents read from an address)."
    )
    raw: bytes | None = Field(
        default=None,
        repr=False,
        exclude=True,
        description="The page's bytes as fetched, kept beside the text (fetched documents only).",
    )

    @property
    def sha256(self) -> str:
        return text_sha256(self.text)

    @property
    def id(self) -> str:
        return document_id(self.sha256)
