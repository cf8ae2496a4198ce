"""Moving the record: JSON Lines export and import, CSV per table, consistent backups.

The export holds every row of every table (ids included), in dependency
order and by primary key, with values in one neutral form; importing it into
an empty database of either kind and exporting again gives the same bytes.
Derived data (the full-text indexes) is rebuilt by the database on import.
"""

from __future__ import annotations

import base64
import csv
import datetime as dt
import json
import os
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from sqlalchemy import Column, Date, LargeBinary, Table, func, insert, select, text
from sqlalchemy.orm import Session

from accord.core.spreadsheet_cells import inert_cell
from accord.errors import StoreError
from accord.store.database import Database, open_database, sqlite_url
from accord.store.migrations import head_revision
from accord.store.models import UTCDateTime
from accord.store.schema import tables_in_order

EXPORT_FORMAT = "accord.export/1"
INSERT_BATCH = 500


@dataclass(frozen=True)
class TransferSummary:
    """How many rows of each table an export, import or backup carried."""

    rows: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def _plain(column: Column[object], value: object) -> object:
    """A column value as JSON data: dates and times in ISO 8601, bytes in base64, JSON as it is."""
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    return value


def _typed(column: Column[object], value: object) -> object:
    """The inverse of ``_plain`` for one column."""
    if value is None:
        return None
    if isinstance(column.type, UTCDateTime):
        return dt.datetime.fromisoformat(str(value))
    if isinstance(column.type, Date):
        return dt.date.fromisoformat(str(value))
    if isinstance(column.type, LargeBinary):
        return base64.b64decode(str(value))
    return value


# What lets someone in, or vouches for a login: never in the analysts' CSV files.
CREDENTIAL_COLUMNS: dict[str, frozenset[str]] = {
    "users": frozenset({"password_hash"}),
    "api_tokens": frozenset({"token_hash"}),
    "login_sessions": frozenset({"token_hash", "csrf_token"}),
}


def _rows(session: Session, table: Table) -> Iterator[dict[str, object]]:
    query = select(*table.columns).order_by(*table.primary_key.columns)
    for row in session.execute(query, execution_options={"yield_per": 1000}):
        yield {c.name: _plain(c, row._mapping[c]) for c in table.columns}


def _snapshot(database: Database) -> Session:
    """A read session that sees one consistent state of the whole database."""
    if database.is_sqlite:
        return Session(database.engine)
    bind = database.engine.execution_options(isolation_level="REPEATABLE READ")
    return Session(bind)


def export_jsonl(database: Database, out: IO[str]) -> TransferSummary:
    """Write the whole record as JSON Lines: a header line, then one line per row."""
    counts: dict[str, int] = {}
    header = {"format": EXPORT_FORMAT, "revision": head_revision()}
    out.write(json.dumps(header, sort_keys=True) + "\n")
    with _snapshot(database) as session:
        for table in tables_in_order():
            counts[table.name] = 0
            for row in _rows(session, table):
                line = {"table": table.name, "row": row}
                out.write(json.dumps(line, sort_keys=True, ensure_ascii=False) + "\n")
                counts[table.name] += 1
    return TransferSummary(counts)


def private_file(path: Path) -> Path:
    """Create ``path`` empty, readable and writable by its owner only (it will hold credentials)."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.close(descriptor)
    os.chmod(path, 0o600)
    return path


def export_jsonl_file(database: Database, path: Path) -> TransferSummary:
    """``export_jsonl`` into a file only its owner may read: the record holds credential hashes."""
    with private_file(path).open("w", encoding="utf-8") as out:
        return export_jsonl(database, out)


def export_csv(database: Database, folder: Path) -> TransferSummary:
    """Write one CSV file per table (``<table>.csv``, header row first) into ``folder``.

    The files are for analysts: password and token hashes (``CREDENTIAL_COLUMNS``)
    are left out, and text a spreadsheet would run as a formula starts with an
    apostrophe (``inert_cell``).
    """
    folder.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    with _snapshot(database) as session:
        for table in tables_in_order():
            secret = CREDENTIAL_COLUMNS.get(table.name, frozenset())
            names = [c.name for c in table.columns if c.name not in secret]
            with (folder / f"{table.name}.csv").open("w", newline="", encoding="utf-8") as handle:
                writer = csv.writer(handle)
                writer.writerow(names)
                counts[table.name] = 0
                for row in _rows(session, table):
                    writer.writerow(_csv_value(row[name]) for name in names)
                    counts[table.name] += 1
    return TransferSummary(counts)


def _csv_value(value: object) -> object:
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return "" if value is None else inert_cell(value)


def _records(lines: Iterable[str], source: str) -> Iterator[tuple[Table, dict[str, object]]]:
    numbered = enumerate(lines, start=1)
    try:
        header = json.loads(next(numbered)[1])
    except (StopIteration, json.JSONDecodeError):
        raise StoreError(f"{source}: not an Accord export (no header line)") from None
    if not isinstance(header, dict) or header.get("format") != EXPORT_FORMAT:
        raise StoreError(f"{source}: not an Accord export (expected format {EXPORT_FORMAT})")
    if header.get("revision") != head_revision():
        raise StoreError(
            f"{source}: exported at schema revision {header.get('revision')}, "
            f"this Accord is at {head_revision()}"
        )
    by_name = {table.name: table for table in tables_in_order()}
    for number, line in numbered:
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            table = by_name[record["table"]]
            row = {c.name: _typed(c, record["row"][c.name]) for c in table.columns}
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
            raise StoreError(f"{source}:{number}: not a valid export line ({exc})") from None
        yield table, row


def import_jsonl(
    database: Database, lines: Iterable[str], source: str = "<input>"
) -> TransferSummary:
    """Load an export into an empty database, in one transaction."""
    counts: dict[str, int] = {}
    with database.writing() as session:
        held = {
            t.name: session.scalar(select(func.count()).select_from(t)) for t in tables_in_order()
        }
        if any(held.values()):
            raise StoreError(
                f"the database already holds records ({held['documents']} documents); "
                "import into a new database"
            )
        batch: list[dict[str, object]] = []
        current: Table | None = None
        for table, row in _records(lines, source):
            if table is not current or len(batch) >= INSERT_BATCH:
                _insert(session, current, batch)
                batch, current = [], table
            batch.append(row)
            counts[table.name] = counts.get(table.name, 0) + 1
        _insert(session, current, batch)
        if not database.is_sqlite:
            _reset_sequences(session)
    database.refresh_statistics()
    return TransferSummary(counts)


def _insert(session: Session, table: Table | None, rows: list[dict[str, object]]) -> None:
    if table is not None and rows:
        session.execute(insert(table), rows)


def _reset_sequences(session: Session) -> None:
    """Make PostgreSQL's id sequences continue after the imported ids."""
    for table in tables_in_order():
        if "id" in table.columns and table.columns["id"].autoincrement is not False:
            session.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                    f"coalesce(max(id), 1), max(id) IS NOT NULL) FROM {table.name}"
                )
            )


def backup(database: Database, destination: Path) -> TransferSummary:
    """Copy a live database, consistently, into a new SQLite file at ``destination`` (0600).

    SQLite is copied page by page with SQLite's online backup; PostgreSQL is
    read in one repeatable-read snapshot and loaded into the new file.
    """
    if destination.exists():
        raise StoreError(f"{destination}: already exists; name a new file for the backup")
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_name(destination.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        # The copy holds password and token hashes: only its owner may read it.
        private_file(partial)
        if database.is_sqlite:
            _sqlite_backup(database, partial)
        else:
            _copy_into_sqlite(database, partial)
        partial.rename(destination)
    finally:
        partial.unlink(missing_ok=True)
    copy = open_database(sqlite_url(destination))
    try:
        with copy.reading() as session:
            rows = {
                t.name: session.scalar(select(func.count()).select_from(t)) or 0
                for t in tables_in_order()
            }
    finally:
        copy.dispose()
    return TransferSummary(rows)


def _sqlite_backup(database: Database, destination: Path) -> None:
    raw = database.engine.raw_connection()
    try:
        source = raw.driver_connection
        assert isinstance(source, sqlite3.Connection)
        target = sqlite3.connect(destination)
        try:
            source.backup(target)
            target.execute("PRAGMA journal_mode=WAL")
        finally:
            target.close()
    finally:
        raw.close()


def _copy_into_sqlite(database: Database, destination: Path) -> None:
    spool = destination.with_name(destination.name + ".jsonl")
    try:
        export_jsonl_file(database, spool)
        copy = open_database(sqlite_url(destination))
        try:
            with spool.open(encoding="utf-8") as lines:
                import_jsonl(copy, lines, str(spool))
        finally:
            copy.dispose()
    finally:
        spool.unlink(missing_ok=True)
