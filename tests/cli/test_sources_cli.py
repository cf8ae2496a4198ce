"""`accord ingest URL` and `accord sources`, against a real server on 127.0.0.1."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner, Result

from accord.cli.main import app
from accord.errors import ConfigError, IngestError, NotFoundError
from accord.store.database import open_database, table_counts
from ingest.local_site import LocalSite, Reply
from ingest.samples import MARKETS, report_page

EXAMPLES = Path(__file__).resolve().parents[2] / "src" / "accord" / "examples" / "documents"
ALLOW = "--allow-private-addresses"


def run(*args: str) -> Result:
    # No pause between requests to the test server; wide tables.
    return CliRunner(env={"COLUMNS": "240", "ACCORD_FETCH_INTERVAL": "0"}).invoke(app, list(args))


def example_page(name: str) -> str:
    return report_page((EXAMPLES / name).read_text(encoding="utf-8"))


def counts(url: str) -> dict[str, int]:
    database = open_database(url)
    try:
        return table_counts(database, ["documents", "document_fetches"])
    finally:
        database.dispose()


def test_ingest_cli_address_fetched_once(local_site: LocalSite, database_url: str) -> None:
    address = local_site.serve("/news/igc-19", example_page("kaz-uzb-igc-session-19.txt"))
    first = run("ingest", address, ALLOW, "--db", database_url, "--json")
    assert first.exit_code == 0, first.output
    assert json.loads(first.stdout)["new"] == 1
    again = run("ingest", address, ALLOW, "--db", database_url, "--json")
    assert json.loads(again.stdout)["known"] == 1
    assert local_site.paths().count("/news/igc-19") == 1
    assert counts(database_url) == {"documents": 1, "document_fetches": 1}


def test_ingest_cli_mixes_files_and_addresses(
    local_site: LocalSite, database_url: str, tmp_path: Path
) -> None:
    report = tmp_path / "igc-20.txt"
    report.write_text((EXAMPLES / "kaz-uzb-igc-session-20.txt").read_text(encoding="utf-8"))
    address = local_site.serve("/news/igc-19", example_page("kaz-uzb-igc-session-19.txt"))
    missing = local_site.url("/news/missing")
    result = run("ingest", str(report), address, missing, ALLOW, "--db", database_url, "--json")
    assert result.exit_code == 1
    summary = json.loads(result.stdout)
    assert (summary["new"], summary["failed"]) == (2, 1)
    assert summary["failures"] == [{"path": missing, "error": f"{missing}: HTTP 404 Not Found"}]
    assert f"error: {missing}: HTTP 404 Not Found" in result.stderr


def test_ingest_cli_loopback_refused_without_the_flag(
    local_site: LocalSite, database_url: str
) -> None:
    address = local_site.serve("/news/igc-19", example_page("kaz-uzb-igc-session-19.txt"))
    result = run("ingest", address, "--db", database_url)
    assert result.exit_code == 1
    assert f"error: {address}: refused: 127.0.0.1 is a loopback address" in result.stderr
    assert local_site.requests == []


def test_sources_cli_add_poll_list_entries_and_ingest_anyway(
    local_site: LocalSite, database_url: str
) -> None:
    local_site.serve("/news/igc-19", example_page("kaz-uzb-igc-session-19.txt"))
    local_site.serve("/news/markets", report_page(MARKETS))
    feed = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
        b"<item><title>IGC</title><link>/news/igc-19</link></item>"
        b"<item><title>Markets</title><link>/news/markets</link></item></channel></rss>"
    )
    address = local_site.serve("/rss", Reply(body=feed, content_type="application/rss+xml"))
    db = ("--db", database_url)

    refused = run("sources", "add", address, "--name", "Wire", *db)
    assert isinstance(refused.exception, IngestError)
    assert "refused: 127.0.0.1 is a loopback address" in str(refused.exception)
    added = run("sources", "add", address, "--name", "Wire", "--every", "6h", ALLOW, *db)
    assert added.exit_code == 0, added.output

    polled = run("sources", "poll", ALLOW, *db, "--json")
    assert polled.exit_code == 0, polled.output
    report = json.loads(polled.stdout)
    assert (report["ingested"], report["skipped"], report["errors"]) == (1, 1, 0)
    assert run("sources", "poll", ALLOW, *db).stdout.strip() == "no source is due a poll"

    listed = run("sources", *db)
    assert "Wire" in listed.stdout and "6h" in listed.stdout
    [row] = json.loads(run("sources", *db, "--json").stdout)
    assert (row["kind"], row["ingested"], row["skipped"]) == ("rss", 1, 1)

    skipped = json.loads(run("sources", "entries", "--status", "skipped", *db, "--json").stdout)
    assert [(e["title"], e["reason"]) for e in skipped] == [
        ("Markets", "no bilateral meeting found in the text")
    ]
    anyway = run("sources", "ingest", str(skipped[0]["id"]), ALLOW, *db)
    assert anyway.exit_code == 0, anyway.output
    assert f"entry {skipped[0]['id']}: ingested" in anyway.stdout
    assert counts(database_url)["documents"] == 2

    assert run("sources", "remove", "Wire", *db).exit_code == 0
    assert json.loads(run("sources", *db, "--json").stdout) == []
    assert counts(database_url)["documents"] == 2


def test_sources_cli_bad_settings_are_one_line_errors(database_url: str) -> None:
    db = ("--db", database_url)
    allow = ("--allow-private-addresses",)  # no name lookup: 192.0.2.1 is a documentation address
    bad_every = run(
        "sources", "add", "http://192.0.2.1/rss", "--name", "A", "--every", "6", *allow, *db
    )
    assert isinstance(bad_every.exception, ConfigError)
    assert "poll interval '6': give a number and m, h, d or w" in str(bad_every.exception)
    bad_pattern = run(
        "sources", "add", "http://192.0.2.1/", "--name", "A", "--pattern", "(", *allow, *db
    )
    assert isinstance(bad_pattern.exception, ConfigError)
    assert "link pattern '(': not a regular expression" in str(bad_pattern.exception)
    unknown = run("sources", "remove", "Nope", *db)
    assert isinstance(unknown.exception, NotFoundError)
    assert str(unknown.exception) == "no source 'Nope' (sources: none yet)"
