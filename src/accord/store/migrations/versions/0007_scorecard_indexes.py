"""Indexes that let the database count the scorecard and the dashboard from indexes alone.

Counting commitments by session, review state, status and due date reads
one covering index instead of the commitments (on PostgreSQL it carries the
id too, for the join to sectors; SQLite's index entries end with it anyway);
a commitment's primary sector is read from an index; the first overdue
commitments are found in due-date order; drafts are counted from an index.

Revision ID: 0007_scorecard_indexes
Revises: 0006_status_replacements
Create Date: 2026-12-02
"""

from __future__ import annotations

from alembic import op

revision = "0007_scorecard_indexes"
down_revision = "0006_status_replacements"
branch_labels = None
depends_on = None

# name -> (table, columns, columns PostgreSQL carries along)
INDEXES: dict[str, tuple[str, list[str], list[str]]] = {
    "ix_commitments_session_id_review_state_status_due": (
        "commitments",
        ["session_id", "review_state", "status", "due"],
        ["id"],
    ),
    "ix_commitments_due_id": ("commitments", ["due", "id"], []),
    "ix_commitments_review_state": ("commitments", ["review_state"], []),
    "ix_commitment_sectors_commitment_id_position_sector": (
        "commitment_sectors",
        ["commitment_id", "position", "sector"],
        [],
    ),
}


def upgrade() -> None:
    for name, (table, columns, carried) in INDEXES.items():
        op.create_index(name, table, columns, postgresql_include=carried)


def downgrade() -> None:
    for name, (table, _columns, _carried) in INDEXES.items():
        op.drop_index(name, table_name=table)
