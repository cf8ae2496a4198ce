"""Opening the store: which database, its engine, its sessions and their locks.

SQLite is the default (one file in the user's data directory), PostgreSQL
serves teams; both are reached through one URL setting: ``--db PATH|URL`` or
``ACCORD_DATABASE_URL``. Opening a database brings its schema up to date.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import platformdirs
from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError
from sqlalchemy.orm import Session

from accord.errors import StoreError
from accord.store.names import NAMES_KEY, NameSource
from accord.store.schema import tables_in_order

DATABASE_URL_ENV = "ACCORD_DATABASE_URL"
DEFAULT_FILE_NAME = "accord.sqlite3"
# How long a writer waits for another process's write transaction before giving up.
BUSY_TIMEOUT_S = 60
# The execution option that makes a SQLite transaction take the write lock at BEGIN.
_WRITE_OPTION = "accord_write"
# Session.info keys: organisations resolved in committed transactions, and in this one.
KNOWN_ORGANISATIONS_KEY = "accord.known_organisations"
FRESH_ORGANISATIONS_KEY = "accord.fresh_organisations"


def default_database_path() -> Path:
    """The SQLite file used when no database is named: ``<user data dir>/accord.sqlite3``."""
    return Path(platformdirs.user_data_dir("accord")) / DEFAULT_FILE_NAME


def database_url(db: str | None = None) -> str:
    """The URL for ``--db`` (a path or a URL), else ``ACCORD_DATABASE_URL``, else the default."""
    chosen = db or os.environ.get(DATABASE_URL_ENV) or None
    if chosen is None:
        return sqlite_url(default_database_path())
    if "://" in chosen:
        return chosen
    return sqlite_url(Path(chosen))


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path.expanduser().resolve()}"


def _on_sqlite_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    # The driver's own transaction handling is switched off so that BEGIN is ours to emit.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_S * 1000}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _on_sqlite_begin(connection: Connection) -> None:
    # A writer takes the lock at BEGIN: upgrading a read transaction later can
    # fail at once with SQLITE_BUSY when another process wrote in between.
    immediate = connection.get_execution_options().get(_WRITE_OPTION, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


@dataclass
class Database:
    """An open store: the engine plus the read and write sessions everything else uses.

    Every session carries the database's ``names`` (see ``accord.store.names``).
    """

    url: str
    engine: Engine
    names: NameSource | None = None
    # Organisation ids by the exact (name, acronym, country) resolved in committed
    # saves: organisations are never deleted, so a remembered id stays right.
    resolved_organisations: dict[tuple[str, str | None, str | None], int] = field(
        default_factory=dict, repr=False
    )

    def __post_init__(self) -> None:
        self._write_bind = self.engine.execution_options(**{_WRITE_OPTION: True})

    @property
    def dialect(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self.engine.dialect.name

    @property
    def is_sqlite(self) -> bool:
        return self.dialect == "sqlite"

    def _info(self) -> dict[str, Any]:
        return {NAMES_KEY: self.names, KNOWN_ORGANISATIONS_KEY: self.resolved_organisations}

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for queries; it never writes."""
        with Session(self.engine, expire_on_commit=False, info=self._info()) as session:
            yield session

    @contextmanager
    def writing(self) -> Iterator[Session]:
        """One write transaction (a unit of work), committed at the end or rolled back on any error.

        Writers are serialised across processes: SQLite takes its write lock at
        BEGIN, PostgreSQL takes a transaction-scoped advisory lock, so two
        ingest processes never resolve the same organisation twice. The
        organisations the transaction resolved are remembered once it commits
        (a rolled-back id must never be remembered).
        """
        info = {**self._info(), FRESH_ORGANISATIONS_KEY: {}}
        with Session(self._write_bind, expire_on_commit=False, info=info) as session:
            with session.begin():
                if not self.is_sqlite:
                    session.execute(
                        text(
                            "SELECT pg_advisory_xact_lock(hashtext('accord:' || current_schema()))"
                        )
                    )
                yield session
            self.resolved_organisations.update(session.info[FRESH_ORGANISATIONS_KEY])

    def refresh_statistics(self) -> None:
        """Update PostgreSQL's planner statistics after a bulk change (ingest, import).

        Without them (autovacuum may be off or not yet run) the planner takes
        the evidence table for mostly matching rows and scans it whole.
        SQLite plans well without statistics and is left alone.
        """
        if self.is_sqlite:
            return
        names = ", ".join(table.name for table in tables_in_order())
        with self.engine.connect() as connection:
            connection.execute(text(f"ANALYZE {names}"))
            connection.commit()

    def dispose(self) -> None:
        self.engine.dispose()


def create_database_engine(url: str) -> Engine:
    """An engine for ``url`` with Accord's connection settings (WAL, timeouts, foreign keys)."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StoreError(f"not a database URL or path: {url!r}") from exc
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_S})
        event.listen(engine, "connect", _on_sqlite_connect)
        event.listen(engine, "begin", _on_sqlite_begin)
        return engine
    if parsed.get_backend_name() != "postgresql":
        raise StoreError(
            f"unsupported database {parsed.get_backend_name()!r}: use a SQLite path "
            "or a postgresql+psycopg:// URL"
        )
    return create_engine(url, pool_pre_ping=True)


def open_database(
    db: str | None = None, *, names: NameSource | None = None, migrate: bool = True
) -> Database:
    """Open (and create or upgrade) the database named by ``db``, the setting or the default.

    ``names`` gives the countries and organisations that saving, correcting
    and looking up commissions by country need; a database opened without
    them refuses those operations.
    """
    from accord.store.migrations import UnknownRevisionError, upgrade_to_head

    url = database_url(db)
    engine = create_database_engine(url)
    database = Database(url=url, engine=engine, names=names)
    try:
        if migrate:
            upgrade_to_head(database)
    except DBAPIError as exc:
        engine.dispose()
        raise StoreError(f"cannot open database {_shown(url)}: {_first_line(exc)}") from exc
    except UnknownRevisionError as exc:
        engine.dispose()
        raise StoreError(
            f"database {_shown(url)} has a schema this version of Accord does not know "
            f"({_first_line(exc)}); upgrade Accord"
        ) from exc
    return database


def _shown(url: str) -> str:
    return make_url(url).render_as_string(hide_password=True)


def _first_line(exc: Exception) -> str:
    message = str(getattr(exc, "orig", exc) or exc)
    return message.strip().splitlines()[0] if message.strip() else type(exc).__name__


def table_counts(database: Database, tables: list[str]) -> dict[str, int]:
    """Row counts of the named tables (used by checks and the benchmark)."""
    counts: dict[str, Any] = {}
    with database.reading() as session:
        for table in tables:
            counts[table] = session.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()
    return {name: int(value) for name, value in counts.items()}
