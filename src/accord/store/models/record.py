"""The tables of the record, as SQLAlchemy 2 models.

Documents are stored once and never modified; everything else points back at
them through evidence rows. Items a person reviews (sessions, agreements,
commitments, next meetings) carry ``edited_fields`` so that re-extraction
updates only what the extractor owns; agreements and commitments also carry
``review_state``. The schema itself is created by the migrations, not here.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Date,
    DateTime,
    Dialect,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from accord.core.follow_through import REVIEW_STATES as REVIEW_STATES
from accord.core.follow_through import STATUSES

# The status vocabulary is defined once, with its rules, in accord.core.follow_through.
COMMITMENT_STATUSES = STATUSES


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class UTCDateTime(TypeDecorator[dt.datetime]):
    """A UTC timestamp, stored naive, read back aware, alike on SQLite and PostgreSQL."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is not None:
            value = value.astimezone(dt.UTC)
        return value.replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        parsed = value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))
        return parsed.replace(tzinfo=dt.UTC)


class Base(DeclarativeBase):
    metadata = MetaData(
        naming_convention={
            "ix": "ix_%(table_name)s_%(column_0_N_name)s",
            "uq": "uq_%(table_name)s_%(column_0_N_name)s",
            "ck": "ck_%(table_name)s_%(constraint_name)s",
            "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
            "pk": "pk_%(table_name)s",
        }
    )


def _created() -> Mapped[dt.datetime]:
    return mapped_column(UTCDateTime, default=utc_now)


def _json_list() -> Mapped[list[str]]:
    return mapped_column(JSON, default=list)


class Document(Base):
    """A source document: its plain text exactly as every offset indexes it."""

    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(40), unique=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    text: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(16))
    title: Mapped[str | None] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    published: Mapped[dt.date | None] = mapped_column(Date)
    language: Mapped[str] = mapped_column(String(16))
    added_at: Mapped[dt.datetime] = _created()


class ExtractionRun(Base):
    """One extraction of one document: which extractor, when, and the record it produced."""

    __tablename__ = "extraction_runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), index=True)
    extractor: Mapped[str] = mapped_column(String(100))
    extractor_version: Mapped[str] = mapped_column(String(50))
    extracted_at: Mapped[dt.datetime] = _created()
    record: Mapped[dict[str, Any]] = mapped_column(JSON)


class Commission(Base):
    """A standing commission (or working group) between a set of parties."""

    __tablename__ = "commissions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str | None] = mapped_column(Text)
    parties: Mapped[str] = mapped_column(String(200), index=True)
    created_at: Mapped[dt.datetime] = _created()


class CommissionAlias(Base):
    """A name a commission was reported under, and its normalised key."""

    __tablename__ = "commission_aliases"
    __table_args__ = (UniqueConstraint("commission_id", "key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    commission_id: Mapped[int] = mapped_column(
        ForeignKey("commissions.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(Text)
    key: Mapped[str] = mapped_column(Text, index=True)


class Organisation(Base):
    """An agency, ministry, company or other body, one row whatever it was called."""

    __tablename__ = "organisations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    key: Mapped[str] = mapped_column(Text)
    acronym: Mapped[str | None] = mapped_column(String(32))
    country: Mapped[str | None] = mapped_column(String(3), index=True)
    created_at: Mapped[dt.datetime] = _created()


class OrganisationAlias(Base):
    """A name, acronym or initials an organisation is found under (normalised)."""

    __tablename__ = "organisation_aliases"
    __table_args__ = (UniqueConstraint("organisation_id", "key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(Text)
    key: Mapped[str] = mapped_column(Text, index=True)


class Person(Base):
    __tablename__ = "people"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    key: Mapped[str] = mapped_column(Text, index=True)
    country: Mapped[str | None] = mapped_column(String(3))
    created_at: Mapped[dt.datetime] = _created()


class MeetingSession(Base):
    """A meeting (a commission's session, a summit...): one row however many outlets reported it."""

    __tablename__ = "sessions"
    __table_args__ = (Index(None, "commission_id", "ordinal"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    commission_id: Mapped[int | None] = mapped_column(ForeignKey("commissions.id"))
    kind: Mapped[str] = mapped_column(String(32))
    ordinal: Mapped[int | None] = mapped_column(Integer)
    start_date: Mapped[dt.date | None] = mapped_column(Date, index=True)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    venue_city: Mapped[str | None] = mapped_column(Text)
    venue_country: Mapped[str | None] = mapped_column(String(3))
    parties: Mapped[str] = mapped_column(String(200), index=True)
    edited_fields: Mapped[list[str]] = _json_list()
    created_at: Mapped[dt.datetime] = _created()
    updated_at: Mapped[dt.datetime] = _created()


class SessionSource(Base):
    """A document reporting a session (its latest extraction put it there)."""

    __tablename__ = "session_sources"

    session_id: Mapped[int] = mapped_column(
        ForeignKey("sessions.id", ondelete="CASCADE"), primary_key=True
    )
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id"), primary_key=True, unique=True
    )
    extraction_run_id: Mapped[int] = mapped_column(ForeignKey("extraction_runs.id"))


class Post(Base):
    """A person's role at a session (co-chair) and the post they held then."""

    __tablename__ = "posts"
    __table_args__ = (UniqueConstraint("person_id", "session_id", "role"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("sessions.id", ondelete="CASCADE"), index=True
    )
    role: Mapped[str] = mapped_column(String(32))
    title: Mapped[str | None] = mapped_column(Text)
    country: Mapped[str | None] = mapped_column(String(3))


class Agreement(Base):
    """A document signed at a session or announced as planned."""

    __tablename__ = "agreements"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("sessions.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16))
    subject: Mapped[str | None] = mapped_column(Text)
    sectors: Mapped[list[str]] = _json_list()
    confidence: Mapped[float | None] = mapped_column(Float)
    cue: Mapped[str | None] = mapped_column(Text)
    review_state: Mapped[str] = mapped_column(String(16), default="draft")
    edited_fields: Mapped[list[str]] = _json_list()
    owner_document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id"))
    created_at: Mapped[dt.datetime] = _created()
    updated_at: Mapped[dt.datetime] = _created()


class AgreementParty(Base):
    __tablename__ = "agreement_parties"

    agreement_id: Mapped[int] = mapped_column(
        ForeignKey("agreements.id", ondelete="CASCADE"), primary_key=True
    )
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id"), primary_key=True, index=True
    )
    position: Mapped[int] = mapped_column(Integer)


class Commitment(Base):
    """Something the sides said they will do, one row however many reports restate it."""

    __tablename__ = "commitments"
    # Counting by session, review state, status and due date reads this index alone.
    __table_args__ = (
        Index(None, "session_id", "review_state", "status", "due", postgresql_include=["id"]),
        # The first overdue commitments, earliest due first.
        Index(None, "due", "id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("sessions.id", ondelete="CASCADE"), index=True
    )
    text: Mapped[str] = mapped_column(Text)
    strength: Mapped[str] = mapped_column(String(16), index=True)
    topics: Mapped[list[str]] = _json_list()
    due: Mapped[str | None] = mapped_column(String(10))
    confidence: Mapped[float | None] = mapped_column(Float)
    cue: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default="no_evidence", index=True)
    review_state: Mapped[str] = mapped_column(String(16), default="draft", index=True)
    edited_fields: Mapped[list[str]] = _json_list()
    owner_document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id"))
    created_at: Mapped[dt.datetime] = _created()
    updated_at: Mapped[dt.datetime] = _created()


class CommitmentSector(Base):
    """A commitment's sectors, in order (position 0 is the primary one)."""

    __tablename__ = "commitment_sectors"
    __table_args__ = (
        Index(None, "sector", "commitment_id"),
        # A commitment's primary sector, found without reading the table.
        Index(None, "commitment_id", "position", "sector"),
    )

    commitment_id: Mapped[int] = mapped_column(
        ForeignKey("commitments.id", ondelete="CASCADE"), primary_key=True
    )
    sector: Mapped[str] = mapped_column(String(16), primary_key=True)
    position: Mapped[int] = mapped_column(Integer)


class CommitmentActor(Base):
    """An organisation named as acting on a commitment."""

    __tablename__ = "commitment_actors"

    commitment_id: Mapped[int] = mapped_column(
        ForeignKey("commitments.id", ondelete="CASCADE"), primary_key=True
    )
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id"), primary_key=True, index=True
    )
    position: Mapped[int] = mapped_column(Integer)


class NextMeeting(Base):
    """The next session a session announced."""

    __tablename__ = "next_meetings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("sessions.id", ondelete="CASCADE"), unique=True
    )
    ordinal: Mapped[int | None] = mapped_column(Integer)
    city: Mapped[str | None] = mapped_column(Text)
    country: Mapped[str | None] = mapped_column(String(3))
    planned_for: Mapped[str | None] = mapped_column(String(10))
    edited_fields: Mapped[list[str]] = _json_list()
    owner_document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id"))
    created_at: Mapped[dt.datetime] = _created()
    updated_at: Mapped[dt.datetime] = _created()


_ONE_SUBJECT = " + ".join(
    f"(CASE WHEN {column} IS NULL THEN 0 ELSE 1 END)"
    for column in ("session_id", "post_id", "agreement_id", "commitment_id", "next_meeting_id")
)


class Evidence(Base):
    """A verbatim span of a document backing exactly one item of the record."""

    __tablename__ = "evidence"
    __table_args__ = (CheckConstraint(f"{_ONE_SUBJECT} = 1", name="one_subject"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), index=True)
    extraction_run_id: Mapped[int] = mapped_column(ForeignKey("extraction_runs.id"), index=True)
    session_id: Mapped[int | None] = mapped_column(
        ForeignKey("sessions.id", ondelete="CASCADE"), index=True
    )
    post_id: Mapped[int | None] = mapped_column(
        ForeignKey("posts.id", ondelete="CASCADE"), index=True
    )
    agreement_id: Mapped[int | None] = mapped_column(
        ForeignKey("agreements.id", ondelete="CASCADE"), index=True
    )
    commitment_id: Mapped[int | None] = mapped_column(
        ForeignKey("commitments.id", ondelete="CASCADE"), index=True
    )
    next_meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("next_meetings.id", ondelete="CASCADE"), index=True
    )
    item_key: Mapped[str | None] = mapped_column(String(64))
    text: Mapped[str] = mapped_column(Text)
    span_start: Mapped[int] = mapped_column(Integer)
    span_end: Mapped[int] = mapped_column(Integer)
