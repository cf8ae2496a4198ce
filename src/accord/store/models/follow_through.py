"""The follow-through tables: status updates, owners, follow-up suggestions, links, audit.

Status updates and audit rows are append-only: the current status and the
history of every record are read from them, never kept only in place. A
person's decisions (updates, owners set, confirmed links, decided suggestions)
keep the commitments they name from being pruned by re-extraction.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from accord.store.models.record import Base, UTCDateTime, utc_now

OWNER_ORIGINS = ("suggested", "set")
SUGGESTION_KINDS = ("restated", "progress")
SUGGESTION_STATES = ("open", "confirmed", "dismissed")


class StatusUpdate(Base):
    """A dated, attributed status of a commitment, with its evidence (a span or a URL)."""

    __tablename__ = "status_updates"
    __table_args__ = (
        CheckConstraint(
            "(evidence_document_id IS NULL) = (evidence_start IS NULL)", name="span_complete"
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    commitment_id: Mapped[int] = mapped_column(ForeignKey("commitments.id"), index=True)
    status: Mapped[str] = mapped_column(String(16))
    as_of: Mapped[dt.date] = mapped_column(Date)
    author: Mapped[str] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)
    evidence_document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id"))
    evidence_start: Mapped[int | None] = mapped_column(Integer)
    evidence_end: Mapped[int | None] = mapped_column(Integer)
    evidence_text: Mapped[str | None] = mapped_column(Text)
    evidence_url: Mapped[str | None] = mapped_column(Text)
    suggestion_id: Mapped[int | None] = mapped_column(ForeignKey("followup_suggestions.id"))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utc_now)
    # An update entered to correct an earlier one (its status "withdrawn" when none replaces it).
    replaces_id: Mapped[int | None] = mapped_column(ForeignKey("status_updates.id"))


class CommitmentOwner(Base):
    """An agency owing a commitment, on one side; suggested from its actors or set by a person."""

    __tablename__ = "commitment_owners"

    commitment_id: Mapped[int] = mapped_column(
        ForeignKey("commitments.id", ondelete="CASCADE"), primary_key=True
    )
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id"), primary_key=True, index=True
    )
    side: Mapped[str | None] = mapped_column(String(3), index=True)
    origin: Mapped[str] = mapped_column(String(16))
    position: Mapped[int] = mapped_column(Integer)


class FollowupSuggestion(Base):
    """A sentence of a later document proposed as restating, or reporting on, a commitment."""

    __tablename__ = "followup_suggestions"
    __table_args__ = (
        UniqueConstraint(
            "commitment_id",
            "document_id",
            "span_start",
            "span_end",
            name="uq_followup_suggestions_span",
        ),
        Index(None, "state", "document_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    commitment_id: Mapped[int] = mapped_column(
        ForeignKey("commitments.id", ondelete="CASCADE"), index=True
    )
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), index=True)
    span_start: Mapped[int] = mapped_column(Integer)
    span_end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(16))
    suggested_status: Mapped[str | None] = mapped_column(String(16))
    score: Mapped[float] = mapped_column(Float)
    cue: Mapped[str | None] = mapped_column(Text)
    matcher: Mapped[str] = mapped_column(String(64))
    state: Mapped[str] = mapped_column(String(16), default="open")
    decided_by: Mapped[str | None] = mapped_column(Text)
    decided_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utc_now)


class CommitmentLink(Base):
    """A confirmed restatement: the earlier commitment made again in a later document."""

    __tablename__ = "commitment_links"
    __table_args__ = (
        UniqueConstraint(
            "earlier_id", "document_id", "span_start", "span_end", name="uq_commitment_links_span"
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    earlier_id: Mapped[int] = mapped_column(ForeignKey("commitments.id"), index=True)
    later_id: Mapped[int | None] = mapped_column(ForeignKey("commitments.id"), index=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"))
    span_start: Mapped[int] = mapped_column(Integer)
    span_end: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16), default="restated")
    suggestion_id: Mapped[int | None] = mapped_column(ForeignKey("followup_suggestions.id"))
    created_by: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utc_now)


class AuditEntry(Base):
    """One change to one record: who, when, what it was before and after."""

    __tablename__ = "audit_log"
    __table_args__ = (Index(None, "entity", "entity_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utc_now)
    actor: Mapped[str] = mapped_column(Text)
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(32))
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)
