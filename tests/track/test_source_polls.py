"""Polling followed sources from a real server on 127.0.0.1, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from accord.errors import ConfigError
from accord.ingest import Fetcher
from accord.store.database import Database, table_counts
from accord.store.sources import add_source, list_entries, list_sources
from accord.track.ingestion import IngestOptions, ingest_addresses
from accord.track.source_polls import NO_MEETING, ingest_entries, interval_seconds, poll_sources
from ingest.local_site import LocalSite, Reply, loopback_settings
from ingest.samples import MARKETS, report_page

EXAMPLES = Path(__file__).resolve().parents[2] / "src" / "accord" / "examples" / "documents"
NOW = dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.UTC)
RSS = "application/rss+xml"


@pytest.fixture
def fetcher() -> Iterator[Fetcher]:
    with Fetcher(loopback_settings()) as fetcher:
        yield fetcher


def example(name: str) -> str:
    return report_page((EXAMPLES / name).read_text(encoding="utf-8"))


def rss(*links: str) -> bytes:
    items = "".join(
        f"<item><title>Item {n}</title><link>{link}</link></item>"
        for n, link in enumerate(links, start=1)
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>{items}'
        "</channel></rss>"
    ).encode()


def serve_wire(site: LocalSite, *extra: str) -> str:
    site.serve("/news/igc-19", example("kaz-uzb-igc-session-19.txt"))
    site.serve("/news/markets", report_page(MARKETS))
    links = ["/news/igc-19", "/news/markets", "/news/gone", *extra]
    return site.serve("/rss", Reply(body=rss(*links), content_type=RSS, etag='"w1"'))


def follow(db: Database, address: str, name: str = "Wire", **fields: object) -> None:
    with db.writing() as session:
        add_source(session, name=name, url=address, **fields)  # type: ignore[arg-type]


def test_poll_ingests_meetings_skips_the_rest_and_keeps_errors(
    db: Database, fetcher: Fetcher, local_site: LocalSite
) -> None:
    follow(db, serve_wire(local_site))
    report = poll_sources(db, fetcher, IngestOptions(actor="amina"), now=NOW)
    [poll] = report.polls
    assert (poll.source, poll.status, poll.found) == ("Wire", "ok", 3)
    outcomes = {e.url.rsplit("/", 1)[1]: (e.status, e.reason) for e in poll.entries}
    assert outcomes["igc-19"][0] == "ingested"
    assert outcomes["markets"] == ("skipped", NO_MEETING)
    assert outcomes["gone"] == ("error", "HTTP 404 Not Found")
    assert table_counts(db, ["documents", "sessions", "document_fetches"]) == {
        "documents": 1,
        "sessions": 1,
        "document_fetches": 1,
    }
    row = list_sources(db)[0]
    assert (row.kind, row.poll_status, row.polled_at) == ("rss", "ok", NOW)
    assert (row.ingested, row.skipped, row.error, row.new) == (1, 1, 1, 0)


def test_poll_fetches_only_new_entries(
    db: Database, fetcher: Fetcher, local_site: LocalSite
) -> None:
    follow(db, serve_wire(local_site))
    poll_sources(db, fetcher, IngestOptions(), now=NOW)
    local_site.requests.clear()
    # The feed changed (a new entry): only the new entry is fetched.
    local_site.serve("/news/igc-20", example("kaz-uzb-igc-session-20.txt"))
    links = ["/news/igc-19", "/news/markets", "/news/gone", "/news/igc-20"]
    local_site.serve("/rss", Reply(body=rss(*links), content_type=RSS, etag='"w2"'))
    later = NOW + dt.timedelta(hours=1)
    [poll] = poll_sources(db, fetcher, IngestOptions(), now=later).polls
    assert [(e.url.rsplit("/", 1)[1], e.status) for e in poll.entries] == [("igc-20", "ingested")]
    assert local_site.paths() == ["/rss", "/news/igc-20"]


def test_poll_unchanged_feed_is_not_modified(
    db: Database, fetcher: Fetcher, local_site: LocalSite
) -> None:
    follow(db, serve_wire(local_site))
    poll_sources(db, fetcher, IngestOptions(), now=NOW)
    local_site.requests.clear()
    [poll] = poll_sources(db, fetcher, IngestOptions(), now=NOW + dt.timedelta(hours=1)).polls
    assert (poll.status, poll.entries) == ("not_modified", [])
    assert local_site.requests[0].headers["If-None-Match"] == '"w1"'


def test_poll_respects_each_sources_interval(
    db: Database, fetcher: Fetcher, local_site: LocalSite
) -> None:
    follow(db, serve_wire(local_site), every_seconds=interval_seconds("6h"))
    assert len(poll_sources(db, fetcher, IngestOptions(), now=NOW).polls) == 1
    soon = NOW + dt.timedelta(hours=5)
    assert poll_sources(db, fetcher, IngestOptions(), now=soon).polls == []
    named = poll_sources(db, fetcher, IngestOptions(), names=["Wire"], now=soon)
    assert [poll.status for poll in named.polls] == ["not_modified"]


def test_poll_unreadable_source_is_an_error_on_the_source(
    db: Database, fetcher: Fetcher, local_site: LocalSite
) -> None:
    follow(db, local_site.url("/missing.xml"))
    [poll] = poll_sources(db, fetcher, IngestOptions(), now=NOW).polls
    assert (poll.status, poll.error) == (
        "error",
        f"{local_site.url('/missing.xml')}: HTTP 404 Not Found",
    )
    assert list_sources(db)[0].poll_error == poll.error


def test_poll_loopback_source_refused_without_the_allowance(
    db: Database, local_site: LocalSite
) -> None:
    follow(db, serve_wire(local_site))
    with Fetcher() as public_only:
        [poll] = poll_sources(db, public_only, IngestOptions(), now=NOW).polls
    assert poll.status == "error"
    assert "refused: 127.0.0.1 is a loopback address" in (poll.error or "")
    assert local_site.requests == []


def test_skipped_entry_is_ingested_anyway_on_request(
    db: Database, fetcher: Fetcher, local_site: LocalSite
) -> None:
    follow(db, serve_wire(local_site))
    poll_sources(db, fetcher, IngestOptions(), now=NOW)
    [skipped] = list_entries(db, statuses=["skipped"])
    [outcome] = ingest_entries(db, fetcher, [skipped.id], IngestOptions())
    assert (outcome.status, outcome.reason) == ("ingested", None)
    assert outcome.document is not None
    assert [e.status for e in list_entries(db, statuses=["skipped"])] == []


def test_listing_page_source_with_a_pattern(
    db: Database, fetcher: Fetcher, local_site: LocalSite
) -> None:
    local_site.serve("/press/2024/igc-19", example("kaz-uzb-igc-session-19.txt"))
    listing = "<a href='/press/2024/igc-19'>IGC</a> <a href='/about'>About</a>"
    follow(db, local_site.serve("/press", listing), pattern=r"/press/\d{4}/")
    [poll] = poll_sources(db, fetcher, IngestOptions(), now=NOW).polls
    assert [(e.url, e.status) for e in poll.entries] == [
        (local_site.url("/press/2024/igc-19"), "ingested")
    ]


def test_same_address_or_same_text_is_one_document(
    db: Database, fetcher: Fetcher, local_site: LocalSite
) -> None:
    page = example("kaz-uzb-igc-session-19.txt")
    first = local_site.serve("/news/igc-19", page)
    mirror = local_site.serve("/mirror/igc-19", page)
    report = ingest_addresses(db, [first], fetcher)
    assert [e.status for e in report.events] == ["new"]
    local_site.requests.clear()
    again = ingest_addresses(db, [first, mirror], fetcher)
    assert [(e.address, e.status) for e in again.events] == [(first, "known"), (mirror, "known")]
    assert local_site.paths() == ["/mirror/igc-19"]  # the address stored before is not fetched
    assert table_counts(db, ["documents", "document_fetches"]) == {
        "documents": 1,
        "document_fetches": 2,
    }
    # A feed listing an address stored before links it without fetching it again.
    follow(db, local_site.serve("/rss", Reply(body=rss("/news/igc-19"), content_type=RSS)))
    local_site.requests.clear()
    [poll] = poll_sources(db, fetcher, IngestOptions(), now=NOW).polls
    assert [(e.status, e.document) for e in poll.entries] == [
        ("ingested", report.events[0].document_key)
    ]
    assert local_site.paths() == ["/rss"]


@pytest.mark.parametrize(
    ("text", "seconds"), [("30m", 1800), ("6h", 21600), ("1d", 86400), ("2W", 1209600)]
)
def test_interval_seconds_reads_units(text: str, seconds: int) -> None:
    assert interval_seconds(text) == seconds


@pytest.mark.parametrize("text", ["6", "0h", "6 hours", "h"])
def test_interval_seconds_refuses_other_forms(text: str) -> None:
    with pytest.raises(ConfigError, match="give a number and m, h, d or w"):
        interval_seconds(text)
