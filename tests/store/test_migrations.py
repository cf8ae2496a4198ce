"""Opening a store brings its schema to the newest revision, and knows when it is there."""

from __future__ import annotations

import subprocess
import sys

import pytest
from sqlalchemy import text

from accord.errors import StoreError
from accord.store.database import Database, open_database
from accord.store.migrations import (
    HEAD_REVISION,
    VERSION_TABLE,
    current_revision,
    head_revision,
    stored_revisions,
)


def test_migrations_head_revision_constant_is_alembics_head() -> None:
    assert head_revision() == HEAD_REVISION


def test_migrations_new_database_is_created_at_head(db: Database) -> None:
    assert stored_revisions(db) == [HEAD_REVISION]
    assert current_revision(db) == HEAD_REVISION


def test_migrations_database_at_head_opens_without_loading_alembic(database_url: str) -> None:
    open_database(database_url).dispose()
    script = (
        "import sys\n"
        "from accord.store.database import open_database\n"
        "open_database(sys.argv[1]).dispose()\n"
        "print(sorted({name.split('.')[0] for name in sys.modules}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, database_url], capture_output=True, text=True, check=True
    )
    assert "'alembic'" not in result.stdout
    assert "'sqlalchemy'" in result.stdout


def test_migrations_unknown_revision_is_a_store_error(database_url: str) -> None:
    database = open_database(database_url)
    try:
        with database.writing() as session:
            session.execute(text(f"UPDATE {VERSION_TABLE} SET version_num = '9999_future'"))
    finally:
        database.dispose()
    with pytest.raises(StoreError, match="has a schema this version of Accord does not know"):
        open_database(database_url)
