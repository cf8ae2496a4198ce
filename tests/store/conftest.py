"""The ``db`` fixture: an open, migrated, empty store on SQLite and on PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from accord.store.database import Database, open_database
from accord.track.names import record_names


@pytest.fixture
def db(database_url: str) -> Iterator[Database]:
    database = open_database(database_url, names=record_names)
    try:
        yield database
    finally:
        database.dispose()
