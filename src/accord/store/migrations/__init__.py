"""The schema's history as named Alembic revisions, applied when a database is opened.

Opening a database runs ``upgrade head``: a new file gets the whole schema,
an older one the revisions it lacks. The write lock is held meanwhile, so two
processes opening one new database do not both create it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

if TYPE_CHECKING:
    from accord.store.database import Database

MIGRATIONS_DIR = Path(__file__).resolve().parent


def alembic_config() -> Config:
    """An Alembic configuration pointing at the revisions shipped in this package."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(database: Database) -> str | None:
    with database.engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade_to_head(database: Database) -> None:
    """Bring the schema to the newest revision (nothing to do when it is there already)."""
    if current_revision(database) == head_revision():
        return
    config = alembic_config()
    with database.writing() as session:
        config.attributes["connection"] = session.connection()
        command.upgrade(config, "head")
