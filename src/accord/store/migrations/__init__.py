"""The schema's history as named Alembic revisions, applied when a database is opened.

Opening a database runs ``upgrade head``: a new file gets the whole schema,
an older one the revisions it lacks. The write lock is held meanwhile, so two
processes opening one new database do not both create it. A database already
at ``HEAD_REVISION`` (the usual case) is recognised by one plain query, without
loading Alembic, so that commands start fast.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect, text

from accord.errors import StoreError

if TYPE_CHECKING:
    from alembic.config import Config

    from accord.store.database import Database

MIGRATIONS_DIR = Path(__file__).resolve().parent
# The newest revision in versions/ (a test checks that Alembic agrees).
HEAD_REVISION = "0008_sources"
VERSION_TABLE = "alembic_version"


class UnknownRevisionError(StoreError):
    """The database records a schema revision this version of Accord does not ship."""


def alembic_config() -> Config:
    """An Alembic configuration pointing at the revisions shipped in this package."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(database: Database) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with database.engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def stored_revisions(database: Database) -> list[str]:
    """The revisions the database records (none for a new database), read without Alembic."""
    with database.engine.connect() as connection:
        if not inspect(connection).has_table(VERSION_TABLE):
            return []
        rows = connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}"))
        return [str(revision) for revision in rows.scalars()]


def upgrade_to_head(database: Database) -> None:
    """Bring the schema to the newest revision (nothing to do when it is there already)."""
    if stored_revisions(database) == [HEAD_REVISION]:
        return
    from alembic import command
    from alembic.util.exc import CommandError

    if current_revision(database) == head_revision():
        return
    config = alembic_config()
    try:
        with database.writing() as session:
            config.attributes["connection"] = session.connection()
            command.upgrade(config, "head")
    except CommandError as exc:
        raise UnknownRevisionError(str(exc)) from exc
