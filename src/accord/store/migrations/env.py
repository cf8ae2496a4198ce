"""Alembic's environment: migrations run on the connection Accord hands over."""

from __future__ import annotations

from alembic import context

from accord.store.models import Base
from accord.store.schema import MODEL_MODULES

assert MODEL_MODULES  # every model module is imported: the metadata holds every table
connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
