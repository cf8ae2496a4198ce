"""The store's commands: ingest, the query commands, export, import and backup."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from accord.cli.main import app
from accord.errors import ConfigError, NotFoundError
from accord.store.database import open_database, sqlite_url, table_counts
from accord.track.names import record_names
from store.factories import app_report, dawn_report, save, sputnik_report

DOCS = Path(__file__).resolve().parents[1] / "data" / "docs"


def run(*args: str) -> Result:
    # Wide enough that tables do not wrap the words the tests look for.
    return CliRunner(env={"COLUMNS": "240"}).invoke(app, list(args))


@pytest.fixture
def filled_url(database_url: str) -> str:
    """A database holding the three reports of the 10th Pakistan–Russia IGC session."""
    database = open_database(database_url, names=record_names)
    try:
        for build in (dawn_report, app_report, sputnik_report):
            save(database, *build())
    finally:
        database.dispose()
    return database_url


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    """Three real reports, an empty file and a file of an unsupported type."""
    folder = tmp_path / "inbox"
    folder.mkdir()
    for source in sorted(DOCS.glob("*.txt"))[:3]:
        shutil.copy(source, folder / source.name)
    (folder / "empty.txt").write_text("")
    return folder


def test_ingest_cli_stores_documents_and_reports_each_failure(
    inbox: Path, database_url: str
) -> None:
    result = run("ingest", str(inbox), str(inbox / "missing.txt"), "--db", database_url, "--json")
    assert result.exit_code == 1
    summary = json.loads(result.stdout)
    assert (summary["new"], summary["known"], summary["failed"]) == (3, 0, 2)
    assert f"error: {inbox / 'empty.txt'}: empty file" in result.stderr
    assert f"error: {inbox / 'missing.txt'}:" in result.stderr
    again = run("ingest", str(inbox), "--db", database_url, "--json")
    assert (json.loads(again.stdout)["new"], json.loads(again.stdout)["known"]) == (0, 3)
    database = open_database(database_url, names=record_names)
    try:
        assert table_counts(database, ["documents", "extraction_runs"]) == {
            "documents": 3,
            "extraction_runs": 3,
        }
    finally:
        database.dispose()


def test_ingest_cli_prints_a_summary_table(inbox: Path, database_url: str) -> None:
    (inbox / "empty.txt").unlink()
    result = run("ingest", str(inbox), "--db", database_url)
    assert result.exit_code == 0, result.output
    assert "Ingest summary" in result.stdout
    assert "already known" in result.stdout


def test_ingest_cli_reads_the_database_setting(
    inbox: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (inbox / "empty.txt").unlink()
    monkeypatch.setenv("ACCORD_DATABASE_URL", sqlite_url(tmp_path / "from-env.sqlite3"))
    assert run("ingest", str(inbox)).exit_code == 0
    assert (tmp_path / "from-env.sqlite3").exists()


@pytest.mark.slow
def test_ingest_cli_with_workers_and_on_a_cluster_gives_the_same_record(
    inbox: Path, tmp_path: Path
) -> None:
    distributed = pytest.importorskip("distributed")
    (inbox / "empty.txt").unlink()
    pooled, clustered = tmp_path / "pooled.sqlite3", tmp_path / "clustered.sqlite3"
    assert run("ingest", str(inbox), "--workers", "2", "--db", str(pooled)).exit_code == 0
    with distributed.LocalCluster(
        processes=False, n_workers=1, threads_per_worker=2, dashboard_address=None
    ) as cluster:
        result = run(
            "ingest", str(inbox), "--cluster", cluster.scheduler_address, "--db", str(clustered)
        )
    assert result.exit_code == 0, result.output
    assert (
        run("commitments", "--db", str(pooled), "--json", "--limit", "0").stdout
        == run("commitments", "--db", str(clustered), "--json", "--limit", "0").stdout
    )


def test_commissions_cli_lists_names_and_aliases(filled_url: str) -> None:
    rows = json.loads(run("commissions", "--db", filled_url, "--json").stdout)
    assert [(r["parties"], r["sessions"]) for r in rows] == [(["PAK", "RUS"], 1)]
    assert "Pak-Russia IGC" in rows[0]["aliases"]
    table = run("commissions", "--db", filled_url).stdout
    assert "Commissions" in table and "PAK-RUS" in table


def test_sessions_cli_filters_by_commission(filled_url: str) -> None:
    rows = json.loads(run("sessions", "Pak-Russia IGC", "--db", filled_url, "--json").stdout)
    assert [(r["ordinal"], r["sources"], r["commitments"]) for r in rows] == [(10, 3, 3)]
    result = run("sessions", "Atlantis", "--db", filled_url)
    assert isinstance(result.exception, NotFoundError)


def test_agreements_cli_filters_by_status(filled_url: str) -> None:
    signed = json.loads(
        run("agreements", "--status", "signed", "--db", filled_url, "--json").stdout
    )
    assert [(a["kind"], a["sources"]) for a in signed] == [("mou", 3)]
    assert (
        json.loads(run("agreements", "--status", "planned", "--db", filled_url, "--json").stdout)
        == []
    )
    assert "Agreements" in run("agreements", "--db", filled_url).stdout


@pytest.mark.parametrize(
    ("options", "count"),
    [
        ((), 3),
        (("--sector", "transport"), 1),
        (("--strength", "exploration"), 1),
        (("--status", "no_evidence"), 3),
        (("--agency", "NDMA"), 1),
        (("--commission", "Pak-Russia IGC", "--session", "1"), 3),
        (("--since", "2026-01-01"), 0),
    ],
)
def test_commitments_cli_applies_filters(
    filled_url: str, options: tuple[str, ...], count: int
) -> None:
    result = run("commitments", *options, "--db", filled_url, "--json")
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)) == count


def test_commitments_cli_prints_a_table_and_refuses_bad_filters(filled_url: str) -> None:
    assert "pilot train" in run("commitments", "--db", filled_url).stdout
    result = run("commitments", "--sector", "space", "--db", filled_url)
    assert isinstance(result.exception, ConfigError)
    assert "--sector: expected one of general" in str(result.exception)


def test_search_cli_finds_commitments_and_documents(filled_url: str) -> None:
    hits = json.loads(run("search", "pilot trains", "--db", filled_url, "--json").stdout)
    assert [h["kind"] for h in hits] == ["commitment", "document", "document", "document"]
    only = json.loads(
        run("search", "metrology", "--kind", "agreement", "--db", filled_url, "--json").stdout
    )
    assert [h["kind"] for h in only] == ["agreement"]
    assert "Search results" in run("search", "insulin", "--db", filled_url).stdout


def test_export_import_cli_round_trip_across_backends(
    filled_url: str, other_database_url: str, tmp_path: Path
) -> None:
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    assert run("export", str(first), "--db", filled_url).exit_code == 0
    imported = run("import", str(first), "--db", other_database_url)
    assert imported.exit_code == 0, imported.output
    assert run("export", str(second), "--db", other_database_url).exit_code == 0
    assert first.read_bytes() == second.read_bytes()
    stdout = run("export", "--db", other_database_url).stdout
    assert stdout.encode() == first.read_bytes()


def test_export_cli_writes_csv_per_table(filled_url: str, tmp_path: Path) -> None:
    assert (
        run("export", str(tmp_path / "csv"), "--format", "csv", "--db", filled_url).exit_code == 0
    )
    assert (tmp_path / "csv" / "commitments.csv").read_text().count("\n") == 4


def test_backup_cli_copies_into_a_new_sqlite_file(filled_url: str, tmp_path: Path) -> None:
    copy = tmp_path / "backup.sqlite3"
    result = run("backup", str(copy), "--db", filled_url)
    assert result.exit_code == 0, result.output
    rows = json.loads(run("commitments", "--db", str(copy), "--json").stdout)
    assert sorted(r["sources"] for r in rows) == [1, 2, 3]
