"""A status update may replace (or, as ``withdrawn``, withdraw) an earlier one of its commitment.

Revision ID: 0006_status_replacements
Revises: 0005_token_expiry
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_status_replacements"
down_revision = "0005_token_expiry"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("status_updates") as table:
        table.add_column(sa.Column("replaces_id", sa.Integer(), nullable=True))
        table.create_foreign_key(
            op.f("fk_status_updates_replaces_id_status_updates"),
            "status_updates",
            ["replaces_id"],
            ["id"],
        )


def downgrade() -> None:
    with op.batch_alter_table("status_updates") as table:
        table.drop_constraint(
            op.f("fk_status_updates_replaces_id_status_updates"), type_="foreignkey"
        )
        table.drop_column("replaces_id")
