"""The tables of what Accord reads from the network: fetched pages and followed feeds.

A ``DocumentFetch`` keeps a fetched page's bytes and addresses beside the document
read from it. A ``Source`` is a feed (RSS, Atom, a sitemap or a listing page) that
``accord sources poll`` reads; each address it lists becomes a ``SourceEntry`` whose
status says what became of it. Addresses are matched by their sha256, since an
address can be longer than an index entry may be. The schema is created by
migration 0008_sources, not here.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from sqlalchemy import (
    Date,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from accord.store.models.record import Base, UTCDateTime, utc_now

ENTRY_STATES = ("new", "ingested", "skipped", "error")
POLL_STATES = ("ok", "not_modified", "error")


def address_key(address: str) -> str:
    """The sha256 (hex) an address is looked up by."""
    return hashlib.sha256(address.encode("utf-8")).hexdigest()


class DocumentFetch(Base):
    """One fetch of a document: the address asked, the address after redirects, the bytes."""

    __tablename__ = "document_fetches"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    address: Mapped[str] = mapped_column(Text)
    address_key: Mapped[str] = mapped_column(String(64), unique=True)
    url: Mapped[str] = mapped_column(Text)
    url_key: Mapped[str] = mapped_column(String(64), index=True)
    fetched_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    kind: Mapped[str] = mapped_column(String(16))
    content: Mapped[bytes] = mapped_column(LargeBinary)


class Source(Base):
    """A feed followed by polling: where, how often, what narrows it, and its last poll."""

    __tablename__ = "sources"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    url: Mapped[str] = mapped_column(Text)
    pattern: Mapped[str | None] = mapped_column(Text)
    every_seconds: Mapped[int | None] = mapped_column(Integer)
    kind: Mapped[str | None] = mapped_column(String(16))
    added_by: Mapped[str | None] = mapped_column(String(100))
    added_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utc_now)
    etag: Mapped[str | None] = mapped_column(Text)
    last_modified: Mapped[str | None] = mapped_column(Text)
    polled_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    poll_status: Mapped[str | None] = mapped_column(String(16))
    poll_error: Mapped[str | None] = mapped_column(Text)
    poll_found: Mapped[int | None] = mapped_column(Integer)


class SourceEntry(Base):
    """An address a source listed, and what became of it (``ENTRY_STATES``) and why."""

    __tablename__ = "source_entries"
    __table_args__ = (UniqueConstraint("source_id", "url_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id", ondelete="CASCADE"))
    url: Mapped[str] = mapped_column(Text)
    url_key: Mapped[str] = mapped_column(String(64))
    title: Mapped[str | None] = mapped_column(Text)
    published: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16), index=True)
    reason: Mapped[str | None] = mapped_column(Text)
    document_id: Mapped[int | None] = mapped_column(
        ForeignKey("documents.id", ondelete="SET NULL"), index=True
    )
    found_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utc_now)
    updated_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
