"""Export, import and backup: lossless round trips between SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from accord.errors import StoreError
from accord.store.commitments import list_commitments
from accord.store.database import Database, open_database, sqlite_url, table_counts
from accord.store.search import search
from accord.store.transfer import backup, export_csv, export_jsonl, import_jsonl
from accord.track.names import record_names

from .factories import app_report, dawn_report, save, sputnik_report

TABLES = ["documents", "sessions", "commitments", "evidence", "organisation_aliases"]


@pytest.fixture
def filled(db: Database) -> Database:
    for build in (dawn_report, app_report, sputnik_report):
        save(db, *build())
    return db


class Abandoned(Exception):
    """Raised to roll a write transaction back."""


def exported(db: Database) -> str:
    out = io.StringIO()
    export_jsonl(db, out)
    return out.getvalue()


def test_export_import_round_trip_is_lossless_across_backends(
    filled: Database, other_database_url: str
) -> None:
    first = exported(filled)
    other = open_database(other_database_url, names=record_names)
    try:
        summary = import_jsonl(other, io.StringIO(first))
        assert summary.rows["documents"] == 3
        assert exported(other) == first
        # Derived data works on the imported copy: search, and ids continue after the import.
        assert [h.kind for h in search(other, "pilot train", kinds=["commitment"])] == [
            "commitment"
        ]
        save(other, *dawn_report())
        assert table_counts(other, ["documents"]) == {"documents": 3}
        assert [c.sources for c in list_commitments(other)] == [1, 2, 3]
    finally:
        other.dispose()


def test_import_refuses_a_database_that_holds_records(filled: Database) -> None:
    with pytest.raises(StoreError, match="already holds records"):
        import_jsonl(filled, io.StringIO(exported(filled)))


def test_import_refuses_what_is_not_an_export(db: Database) -> None:
    with pytest.raises(StoreError, match="not an Accord export"):
        import_jsonl(db, io.StringIO('{"hello": 1}\n'), "x.jsonl")
    assert table_counts(db, ["documents"]) == {"documents": 0}


def test_export_csv_writes_a_file_per_table_with_headers(filled: Database, tmp_path: Path) -> None:
    summary = export_csv(filled, tmp_path / "csv")
    with (tmp_path / "csv" / "commitments.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == summary.rows["commitments"] == 3
    assert rows[0]["topics"] == '["pilot train"]'
    assert (tmp_path / "csv" / "documents.csv").exists()


def test_backup_of_a_live_database_opens_and_holds_the_same_data(
    filled: Database, tmp_path: Path
) -> None:
    before = table_counts(filled, TABLES)
    # A write in progress elsewhere neither blocks the copy nor gets into it.
    with pytest.raises(Abandoned), filled.writing() as session:
        session.execute(text("DELETE FROM evidence"))
        summary = backup(filled, tmp_path / "copy.sqlite3")
        raise Abandoned
    copy = open_database(sqlite_url(tmp_path / "copy.sqlite3"), names=record_names)
    try:
        assert table_counts(copy, TABLES) == before
        assert summary.rows["documents"] == 3
        assert exported(copy) == exported(filled)
    finally:
        copy.dispose()
    assert sqlite3.connect(tmp_path / "copy.sqlite3").execute(
        "PRAGMA integrity_check"
    ).fetchone() == ("ok",)


def test_backup_refuses_to_overwrite(filled: Database, tmp_path: Path) -> None:
    (tmp_path / "copy.sqlite3").write_text("keep me")
    with pytest.raises(StoreError, match="already exists"):
        backup(filled, tmp_path / "copy.sqlite3")
    assert (tmp_path / "copy.sqlite3").read_text() == "keep me"
