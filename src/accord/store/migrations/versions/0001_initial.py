"""The initial schema: documents, extraction runs, the record's entities and their evidence.

Revision ID: 0001_initial
Revises:
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

# Each evidence row backs exactly one item of the record.
ONE_SUBJECT = (
    " + ".join(
        f"(CASE WHEN {column} IS NULL THEN 0 ELSE 1 END)"
        for column in ("session_id", "post_id", "agreement_id", "commitment_id", "next_meeting_id")
    )
    + " = 1"
)

revision = "0001_initial"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "commissions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=True),
        sa.Column("parties", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_commissions")),
    )
    op.create_index(op.f("ix_commissions_parties"), "commissions", ["parties"], unique=False)

    op.create_table(
        "documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("outlet", sa.Text(), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("language", sa.String(length=16), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_documents")),
        sa.UniqueConstraint("key", name=op.f("uq_documents_key")),
        sa.UniqueConstraint("sha256", name=op.f("uq_documents_sha256")),
    )
    op.create_table(
        "organisations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("acronym", sa.String(length=32), nullable=True),
        sa.Column("country", sa.String(length=3), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_organisations")),
    )
    op.create_index(op.f("ix_organisations_country"), "organisations", ["country"], unique=False)

    op.create_table(
        "people",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("country", sa.String(length=3), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_people")),
    )
    op.create_index(op.f("ix_people_key"), "people", ["key"], unique=False)

    op.create_table(
        "commission_aliases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("commission_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["commission_id"],
            ["commissions.id"],
            name=op.f("fk_commission_aliases_commission_id_commissions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_commission_aliases")),
        sa.UniqueConstraint(
            "commission_id", "key", name=op.f("uq_commission_aliases_commission_id_key")
        ),
    )
    op.create_index(
        op.f("ix_commission_aliases_commission_id"),
        "commission_aliases",
        ["commission_id"],
        unique=False,
    )
    op.create_index(op.f("ix_commission_aliases_key"), "commission_aliases", ["key"], unique=False)

    op.create_table(
        "extraction_runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("extractor", sa.String(length=100), nullable=False),
        sa.Column("extractor_version", sa.String(length=50), nullable=False),
        sa.Column("extracted_at", sa.DateTime(), nullable=False),
        sa.Column("record", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name=op.f("fk_extraction_runs_document_id_documents")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_extraction_runs")),
    )
    op.create_index(
        op.f("ix_extraction_runs_document_id"), "extraction_runs", ["document_id"], unique=False
    )

    op.create_table(
        "organisation_aliases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_organisation_aliases_organisation_id_organisations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_organisation_aliases")),
        sa.UniqueConstraint(
            "organisation_id", "key", name=op.f("uq_organisation_aliases_organisation_id_key")
        ),
    )
    op.create_index(
        op.f("ix_organisation_aliases_key"), "organisation_aliases", ["key"], unique=False
    )
    op.create_index(
        op.f("ix_organisation_aliases_organisation_id"),
        "organisation_aliases",
        ["organisation_id"],
        unique=False,
    )

    op.create_table(
        "sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("commission_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("ordinal", sa.Integer(), nullable=True),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("venue_city", sa.Text(), nullable=True),
        sa.Column("venue_country", sa.String(length=3), nullable=True),
        sa.Column("parties", sa.String(length=200), nullable=False),
        sa.Column("edited_fields", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["commission_id"],
            ["commissions.id"],
            name=op.f("fk_sessions_commission_id_commissions"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sessions")),
    )
    op.create_index(
        op.f("ix_sessions_commission_id_ordinal"),
        "sessions",
        ["commission_id", "ordinal"],
        unique=False,
    )
    op.create_index(op.f("ix_sessions_parties"), "sessions", ["parties"], unique=False)
    op.create_index(op.f("ix_sessions_start_date"), "sessions", ["start_date"], unique=False)

    op.create_table(
        "agreements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("subject", sa.Text(), nullable=True),
        sa.Column("sectors", sa.JSON(), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=True),
        sa.Column("cue", sa.Text(), nullable=True),
        sa.Column("review_state", sa.String(length=16), nullable=False),
        sa.Column("edited_fields", sa.JSON(), nullable=False),
        sa.Column("owner_document_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["owner_document_id"],
            ["documents.id"],
            name=op.f("fk_agreements_owner_document_id_documents"),
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            name=op.f("fk_agreements_session_id_sessions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreements")),
    )
    op.create_index(op.f("ix_agreements_session_id"), "agreements", ["session_id"], unique=False)

    op.create_table(
        "commitments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("strength", sa.String(length=16), nullable=False),
        sa.Column("topics", sa.JSON(), nullable=False),
        sa.Column("due", sa.String(length=10), nullable=True),
        sa.Column("confidence", sa.Float(), nullable=True),
        sa.Column("cue", sa.Text(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("review_state", sa.String(length=16), nullable=False),
        sa.Column("edited_fields", sa.JSON(), nullable=False),
        sa.Column("owner_document_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["owner_document_id"],
            ["documents.id"],
            name=op.f("fk_commitments_owner_document_id_documents"),
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            name=op.f("fk_commitments_session_id_sessions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_commitments")),
    )
    op.create_index(op.f("ix_commitments_session_id"), "commitments", ["session_id"], unique=False)
    op.create_index(op.f("ix_commitments_status"), "commitments", ["status"], unique=False)
    op.create_index(op.f("ix_commitments_strength"), "commitments", ["strength"], unique=False)

    op.create_table(
        "next_meetings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("ordinal", sa.Integer(), nullable=True),
        sa.Column("city", sa.Text(), nullable=True),
        sa.Column("country", sa.String(length=3), nullable=True),
        sa.Column("planned_for", sa.String(length=10), nullable=True),
        sa.Column("edited_fields", sa.JSON(), nullable=False),
        sa.Column("owner_document_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["owner_document_id"],
            ["documents.id"],
            name=op.f("fk_next_meetings_owner_document_id_documents"),
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            name=op.f("fk_next_meetings_session_id_sessions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_next_meetings")),
        sa.UniqueConstraint("session_id", name=op.f("uq_next_meetings_session_id")),
    )
    op.create_table(
        "posts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=32), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("country", sa.String(length=3), nullable=True),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name=op.f("fk_posts_person_id_people")
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            name=op.f("fk_posts_session_id_sessions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_posts")),
        sa.UniqueConstraint(
            "person_id", "session_id", "role", name=op.f("uq_posts_person_id_session_id_role")
        ),
    )
    op.create_index(op.f("ix_posts_person_id"), "posts", ["person_id"], unique=False)
    op.create_index(op.f("ix_posts_session_id"), "posts", ["session_id"], unique=False)

    op.create_table(
        "session_sources",
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("extraction_run_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name=op.f("fk_session_sources_document_id_documents")
        ),
        sa.ForeignKeyConstraint(
            ["extraction_run_id"],
            ["extraction_runs.id"],
            name=op.f("fk_session_sources_extraction_run_id_extraction_runs"),
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            name=op.f("fk_session_sources_session_id_sessions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("session_id", "document_id", name=op.f("pk_session_sources")),
        sa.UniqueConstraint("document_id", name=op.f("uq_session_sources_document_id")),
    )
    op.create_table(
        "agreement_parties",
        sa.Column("agreement_id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agreement_id"],
            ["agreements.id"],
            name=op.f("fk_agreement_parties_agreement_id_agreements"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_agreement_parties_organisation_id_organisations"),
        ),
        sa.PrimaryKeyConstraint(
            "agreement_id", "organisation_id", name=op.f("pk_agreement_parties")
        ),
    )
    op.create_index(
        op.f("ix_agreement_parties_organisation_id"),
        "agreement_parties",
        ["organisation_id"],
        unique=False,
    )

    op.create_table(
        "commitment_actors",
        sa.Column("commitment_id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["commitment_id"],
            ["commitments.id"],
            name=op.f("fk_commitment_actors_commitment_id_commitments"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_commitment_actors_organisation_id_organisations"),
        ),
        sa.PrimaryKeyConstraint(
            "commitment_id", "organisation_id", name=op.f("pk_commitment_actors")
        ),
    )
    op.create_index(
        op.f("ix_commitment_actors_organisation_id"),
        "commitment_actors",
        ["organisation_id"],
        unique=False,
    )

    op.create_table(
        "commitment_sectors",
        sa.Column("commitment_id", sa.Integer(), nullable=False),
        sa.Column("sector", sa.String(length=16), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["commitment_id"],
            ["commitments.id"],
            name=op.f("fk_commitment_sectors_commitment_id_commitments"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("commitment_id", "sector", name=op.f("pk_commitment_sectors")),
    )
    op.create_index(
        op.f("ix_commitment_sectors_sector_commitment_id"),
        "commitment_sectors",
        ["sector", "commitment_id"],
        unique=False,
    )

    op.create_table(
        "evidence",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("extraction_run_id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=True),
        sa.Column("post_id", sa.Integer(), nullable=True),
        sa.Column("agreement_id", sa.Integer(), nullable=True),
        sa.Column("commitment_id", sa.Integer(), nullable=True),
        sa.Column("next_meeting_id", sa.Integer(), nullable=True),
        sa.Column("item_key", sa.String(length=64), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("span_start", sa.Integer(), nullable=False),
        sa.Column("span_end", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            ONE_SUBJECT,
            name=op.f("ck_evidence_one_subject"),
        ),
        sa.ForeignKeyConstraint(
            ["agreement_id"],
            ["agreements.id"],
            name=op.f("fk_evidence_agreement_id_agreements"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["commitment_id"],
            ["commitments.id"],
            name=op.f("fk_evidence_commitment_id_commitments"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name=op.f("fk_evidence_document_id_documents")
        ),
        sa.ForeignKeyConstraint(
            ["extraction_run_id"],
            ["extraction_runs.id"],
            name=op.f("fk_evidence_extraction_run_id_extraction_runs"),
        ),
        sa.ForeignKeyConstraint(
            ["next_meeting_id"],
            ["next_meetings.id"],
            name=op.f("fk_evidence_next_meeting_id_next_meetings"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["post_id"], ["posts.id"], name=op.f("fk_evidence_post_id_posts"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            name=op.f("fk_evidence_session_id_sessions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evidence")),
    )
    op.create_index(op.f("ix_evidence_agreement_id"), "evidence", ["agreement_id"], unique=False)
    op.create_index(op.f("ix_evidence_commitment_id"), "evidence", ["commitment_id"], unique=False)
    op.create_index(op.f("ix_evidence_document_id"), "evidence", ["document_id"], unique=False)
    op.create_index(
        op.f("ix_evidence_extraction_run_id"), "evidence", ["extraction_run_id"], unique=False
    )
    op.create_index(
        op.f("ix_evidence_next_meeting_id"), "evidence", ["next_meeting_id"], unique=False
    )
    op.create_index(op.f("ix_evidence_post_id"), "evidence", ["post_id"], unique=False)
    op.create_index(op.f("ix_evidence_session_id"), "evidence", ["session_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_evidence_session_id"), table_name="evidence")
    op.drop_index(op.f("ix_evidence_post_id"), table_name="evidence")
    op.drop_index(op.f("ix_evidence_next_meeting_id"), table_name="evidence")
    op.drop_index(op.f("ix_evidence_extraction_run_id"), table_name="evidence")
    op.drop_index(op.f("ix_evidence_document_id"), table_name="evidence")
    op.drop_index(op.f("ix_evidence_commitment_id"), table_name="evidence")
    op.drop_index(op.f("ix_evidence_agreement_id"), table_name="evidence")

    op.drop_table("evidence")
    op.drop_index(
        op.f("ix_commitment_sectors_sector_commitment_id"), table_name="commitment_sectors"
    )

    op.drop_table("commitment_sectors")
    op.drop_index(op.f("ix_commitment_actors_organisation_id"), table_name="commitment_actors")

    op.drop_table("commitment_actors")
    op.drop_index(op.f("ix_agreement_parties_organisation_id"), table_name="agreement_parties")

    op.drop_table("agreement_parties")
    op.drop_table("session_sources")
    op.drop_index(op.f("ix_posts_session_id"), table_name="posts")
    op.drop_index(op.f("ix_posts_person_id"), table_name="posts")

    op.drop_table("posts")
    op.drop_table("next_meetings")
    op.drop_index(op.f("ix_commitments_strength"), table_name="commitments")
    op.drop_index(op.f("ix_commitments_status"), table_name="commitments")
    op.drop_index(op.f("ix_commitments_session_id"), table_name="commitments")

    op.drop_table("commitments")
    op.drop_index(op.f("ix_agreements_session_id"), table_name="agreements")

    op.drop_table("agreements")
    op.drop_index(op.f("ix_sessions_start_date"), table_name="sessions")
    op.drop_index(op.f("ix_sessions_parties"), table_name="sessions")
    op.drop_index(op.f("ix_sessions_commission_id_ordinal"), table_name="sessions")

    op.drop_table("sessions")
    op.drop_index(
        op.f("ix_organisation_aliases_organisation_id"), table_name="organisation_aliases"
    )
    op.drop_index(op.f("ix_organisation_aliases_key"), table_name="organisation_aliases")

    op.drop_table("organisation_aliases")
    op.drop_index(op.f("ix_extraction_runs_document_id"), table_name="extraction_runs")

    op.drop_table("extraction_runs")
    op.drop_index(op.f("ix_commission_aliases_key"), table_name="commission_aliases")
    op.drop_index(op.f("ix_commission_aliases_commission_id"), table_name="commission_aliases")

    op.drop_table("commission_aliases")
    op.drop_index(op.f("ix_people_key"), table_name="people")

    op.drop_table("people")
    op.drop_index(op.f("ix_organisations_country"), table_name="organisations")

    op.drop_table("organisations")
    op.drop_table("documents")
    op.drop_index(op.f("ix_commissions_parties"), table_name="commissions")

    op.drop_table("commissions")
