"""Followed sources and their entries, and fetched pages kept beside documents."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from sqlalchemy import select

from accord.errors import NotFoundError, StoreError
from accord.ingest import FeedEntry
from accord.store.database import Database, open_database
from accord.store.document_fetches import document_at_address, fetched_page, record_fetch
from accord.store.extractions import save_extraction
from accord.store.models import Document
from accord.store.sources import (
    add_entries,
    add_source,
    due_sources,
    entry_of,
    list_entries,
    list_sources,
    pending_entries,
    record_poll,
    remove_source,
    set_entry_status,
    source_of,
)
from accord.store.transfer import export_jsonl, import_jsonl

from .factories import dawn_report

NOW = dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.UTC)
PAGE = b"<html><body><article>The 10th session ...</article></body></html>"


def entries(*numbers: int) -> list[FeedEntry]:
    return [FeedEntry(f"https://mofa.example/press/{n}", f"Release {n}") for n in numbers]


def test_sources_add_list_and_remove(db: Database) -> None:
    with db.writing() as session:
        add_source(session, name="MOFA", url="https://mofa.example/rss", every_seconds=21600)
        add_source(session, name="Dawn", url="https://dawn.example/sitemap.xml", pattern="igc")
    rows = list_sources(db)
    assert [(r.name, r.pattern, r.every_seconds) for r in rows] == [
        ("Dawn", "igc", None),
        ("MOFA", None, 21600),
    ]
    with db.writing() as session:
        assert remove_source(session, "Dawn") == "Dawn"
    assert [r.name for r in list_sources(db)] == ["MOFA"]


def test_sources_names_are_unique_and_not_numbers(db: Database) -> None:
    with db.writing() as session:
        add_source(session, name="MOFA", url="https://mofa.example/rss")
    with pytest.raises(StoreError, match="a source named 'MOFA' exists already"), db.writing() as s:
        add_source(s, name="  MOFA ", url="https://other.example/rss")
    with pytest.raises(StoreError, match="cannot be a number"), db.writing() as session:
        add_source(session, name="12", url="https://other.example/rss")


def test_sources_unknown_name_lists_the_known_ones(db: Database) -> None:
    with db.writing() as session:
        add_source(session, name="MOFA", url="https://mofa.example/rss")
    with pytest.raises(NotFoundError) as caught, db.reading() as session:
        source_of(session, "Dwan")
    assert str(caught.value) == "no source 'Dwan' (sources: 'MOFA')"


def test_sources_only_new_entries_are_added(db: Database) -> None:
    with db.writing() as session:
        source = add_source(session, name="MOFA", url="https://mofa.example/rss")
        assert add_entries(session, source, entries(1, 2)) == 2
        assert add_entries(session, source, entries(2, 3, 3)) == 1
        assert [e.url for e in pending_entries(session, source, 10)] == [
            f"https://mofa.example/press/{n}" for n in (1, 2, 3)
        ]
    assert (list_sources(db)[0].new, list_sources(db)[0].skipped) == (3, 0)


def test_sources_entry_status_and_reason_are_listed(db: Database) -> None:
    document, extraction = dawn_report()
    with db.writing() as session:
        save_extraction(session, document, extraction)
        source = add_source(session, name="MOFA", url="https://mofa.example/rss")
        add_entries(session, source, entries(1, 2, 3))
        first, second, third = pending_entries(session, source, 10)
        assert document_at_address(session, "https://nowhere.example/") is None
        set_entry_status(session, first, "skipped", at=NOW, reason="no bilateral meeting")
        set_entry_status(session, third, "error", at=NOW, reason="HTTP 404 Not Found")
    row = list_sources(db)[0]
    assert (row.new, row.ingested, row.skipped, row.error) == (1, 0, 1, 1)
    skipped = list_entries(db, source="MOFA", statuses=["skipped", "error"])
    assert [(e.url.rsplit("/", 1)[1], e.status, e.reason) for e in skipped] == [
        ("3", "error", "HTTP 404 Not Found"),
        ("1", "skipped", "no bilateral meeting"),
    ]
    with db.writing() as session:
        assert entry_of(session, second.id).status == "new"
        with pytest.raises(StoreError, match="an entry is one of"):
            set_entry_status(session, second, "lost", at=NOW)


def test_sources_due_by_interval(db: Database) -> None:
    with db.writing() as session:
        hourly = add_source(session, name="hourly", url="https://a.example/rss", every_seconds=3600)
        always = add_source(session, name="always", url="https://b.example/rss")
        record_poll(
            session,
            hourly,
            at=NOW,
            status="ok",
            kind="rss",
            found=2,
            validators=('"e1"', None),
        )
        record_poll(session, always, at=NOW, status="not_modified")
    with db.reading() as session:
        assert [s.name for s in due_sources(session, NOW)] == ["always"]
        later = NOW + dt.timedelta(hours=1)
        assert [s.name for s in due_sources(session, later)] == ["hourly", "always"]
        hourly = source_of(session, "hourly")
        assert (hourly.etag, hourly.last_modified) == ('"e1"', None)
    row = next(r for r in list_sources(db) if r.name == "hourly")
    assert (row.kind, row.polled_at, row.poll_status, row.poll_found) == ("rss", NOW, "ok", 2)


def test_document_fetch_kept_and_found_by_either_address(db: Database) -> None:
    document, extraction = dawn_report()
    fetched = document.model_copy(
        update={
            "source": "https://dawn.example/s/1",
            "url": "https://dawn.example/news/1958000",
            "fetched_at": NOW,
            "raw": PAGE,
        }
    )
    with db.writing() as session:
        save_extraction(session, fetched, extraction)
        stored = session.scalars(select(Document).where(Document.key == document.id)).one()
        assert record_fetch(session, stored.id, fetched) is True
        assert record_fetch(session, stored.id, fetched) is False
        assert record_fetch(session, stored.id, document) is False  # a file: nothing to keep
    with db.reading() as session:
        for address in ("https://dawn.example/s/1", "https://dawn.example/news/1958000"):
            found = document_at_address(session, address)
            assert found is not None and found.key == document.id
        page = fetched_page(session, stored.id)
        assert page is not None
        assert (page.content, page.fetched_at, page.kind) == (PAGE, NOW, document.kind)


def test_document_fetch_bytes_round_trip_through_export(
    db: Database, other_database_url: str
) -> None:
    document, extraction = dawn_report()
    fetched = document.model_copy(
        update={"source": "https://x.example/1", "fetched_at": NOW, "raw": bytes(range(256))}
    )
    with db.writing() as session:
        outcome = save_extraction(session, fetched, extraction)
        record_fetch(session, outcome.document_id, fetched)
        source = add_source(session, name="MOFA", url="https://mofa.example/rss")
        add_entries(session, source, entries(1))
    first = io.StringIO()
    export_jsonl(db, first)
    other = open_database(other_database_url)
    try:
        import_jsonl(other, io.StringIO(first.getvalue()))
        again = io.StringIO()
        export_jsonl(other, again)
        assert again.getvalue() == first.getvalue()
        with other.reading() as session:
            page = fetched_page(session, 1)
            assert page is not None and page.content == bytes(range(256))
    finally:
        other.dispose()
