"""Alembic's environment: migrations run on the connection Accord hands over."""

from __future__ import annotations

from alembic import context

from accord.store.models import Base  # every table module: the metadata holds every table

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
