"""Follow-through: status updates, owners, follow-up suggestions, restatement links, audit log.

Revision ID: 0003_follow_through
Revises: 0002_full_text_search
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_follow_through"
down_revision = "0002_full_text_search"
branch_labels = None
depends_on = None


def _fk(
    table: str, column: str, target: str, ondelete: str | None = None
) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column],
        [f"{target}.id"],
        name=op.f(f"fk_{table}_{column}_{target}"),
        ondelete=ondelete,
    )


def upgrade() -> None:
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.Text(), nullable=False),
        sa.Column("entity", sa.String(length=32), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("before", sa.JSON(), nullable=True),
        sa.Column("after", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    op.create_index(
        op.f("ix_audit_log_entity_entity_id"), "audit_log", ["entity", "entity_id"], unique=False
    )

    op.create_table(
        "commitment_owners",
        sa.Column("commitment_id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("side", sa.String(length=3), nullable=True),
        sa.Column("origin", sa.String(length=16), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        _fk("commitment_owners", "commitment_id", "commitments", "CASCADE"),
        _fk("commitment_owners", "organisation_id", "organisations"),
        sa.PrimaryKeyConstraint(
            "commitment_id", "organisation_id", name=op.f("pk_commitment_owners")
        ),
    )
    op.create_index(
        op.f("ix_commitment_owners_organisation_id"),
        "commitment_owners",
        ["organisation_id"],
        unique=False,
    )
    op.create_index(op.f("ix_commitment_owners_side"), "commitment_owners", ["side"], unique=False)

    op.create_table(
        "followup_suggestions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("commitment_id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("span_start", sa.Integer(), nullable=False),
        sa.Column("span_end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("suggested_status", sa.String(length=16), nullable=True),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("cue", sa.Text(), nullable=True),
        sa.Column("matcher", sa.String(length=64), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("decided_by", sa.Text(), nullable=True),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        _fk("followup_suggestions", "commitment_id", "commitments", "CASCADE"),
        _fk("followup_suggestions", "document_id", "documents"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_followup_suggestions")),
        sa.UniqueConstraint(
            "commitment_id",
            "document_id",
            "span_start",
            "span_end",
            name="uq_followup_suggestions_span",
        ),
    )
    for columns in (["commitment_id"], ["document_id"], ["state", "document_id"]):
        op.create_index(
            op.f(f"ix_followup_suggestions_{'_'.join(columns)}"),
            "followup_suggestions",
            columns,
            unique=False,
        )

    op.create_table(
        "commitment_links",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("earlier_id", sa.Integer(), nullable=False),
        sa.Column("later_id", sa.Integer(), nullable=True),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("span_start", sa.Integer(), nullable=False),
        sa.Column("span_end", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("suggestion_id", sa.Integer(), nullable=True),
        sa.Column("created_by", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        _fk("commitment_links", "document_id", "documents"),
        _fk("commitment_links", "earlier_id", "commitments"),
        _fk("commitment_links", "later_id", "commitments"),
        _fk("commitment_links", "suggestion_id", "followup_suggestions"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_commitment_links")),
        sa.UniqueConstraint(
            "earlier_id", "document_id", "span_start", "span_end", name="uq_commitment_links_span"
        ),
    )
    for column in ("earlier_id", "later_id"):
        op.create_index(
            op.f(f"ix_commitment_links_{column}"), "commitment_links", [column], unique=False
        )

    op.create_table(
        "status_updates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("commitment_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("as_of", sa.Date(), nullable=False),
        sa.Column("author", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("evidence_document_id", sa.Integer(), nullable=True),
        sa.Column("evidence_start", sa.Integer(), nullable=True),
        sa.Column("evidence_end", sa.Integer(), nullable=True),
        sa.Column("evidence_text", sa.Text(), nullable=True),
        sa.Column("evidence_url", sa.Text(), nullable=True),
        sa.Column("suggestion_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "(evidence_document_id IS NULL) = (evidence_start IS NULL)",
            name=op.f("ck_status_updates_span_complete"),
        ),
        _fk("status_updates", "commitment_id", "commitments"),
        _fk("status_updates", "evidence_document_id", "documents"),
        _fk("status_updates", "suggestion_id", "followup_suggestions"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_status_updates")),
    )
    op.create_index(
        op.f("ix_status_updates_commitment_id"), "status_updates", ["commitment_id"], unique=False
    )


def downgrade() -> None:
    for table in (
        "status_updates",
        "commitment_links",
        "followup_suggestions",
        "commitment_owners",
        "audit_log",
    ):
        op.drop_table(table)
