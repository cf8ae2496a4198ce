"""API tokens expire: the moment after which a token is refused (NULL for older tokens).

Revision ID: 0005_token_expiry
Revises: 0004_users
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_token_expiry"
down_revision = "0004_users"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("api_tokens") as table:
        table.add_column(sa.Column("expires_at", sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("api_tokens") as table:
        table.drop_column("expires_at")
