"""Adding by address and following sources in the web app; private addresses refused."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI

from accord.store.accounts import Account
from accord.store.database import Database
from accord.web.app import create_app
from accord.web.settings import WebSettings
from ingest.local_site import LocalSite, Reply
from ingest.samples import MARKETS, report_page

from .conftest import logged_in, with_token

EXAMPLES = Path(__file__).resolve().parents[2] / "src" / "accord" / "examples" / "documents"
REFUSED = "refused: 127.0.0.1 is a loopback address"


@pytest.fixture
def open_app(db: Database) -> Iterator[FastAPI]:
    """The app allowed to fetch from private addresses (the test server), without pauses."""
    web = create_app(WebSettings(database=db.url, allow_private_addresses=True, fetch_interval=0))
    try:
        yield web
    finally:
        web.state.uploads.stop()
        web.state.fetcher.close()
        web.state.database.dispose()


def serve_wire(site: LocalSite) -> str:
    text = (EXAMPLES / "kaz-uzb-igc-session-19.txt").read_text(encoding="utf-8")
    site.serve("/news/igc-19", report_page(text))
    site.serve("/news/markets", report_page(MARKETS))
    feed = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
        b"<item><title>IGC</title><link>/news/igc-19</link></item>"
        b"<item><title>Markets</title><link>/news/markets</link></item></channel></rss>"
    )
    return site.serve("/rss", Reply(body=feed, content_type="application/rss+xml"))


@pytest.mark.parametrize(
    ("path", "field"),
    [("/api/v1/uploads/addresses", "addresses"), ("/api/v1/sources", "url")],
    ids=["add-by-address", "follow-a-source"],
)
def test_web_refuses_loopback_addresses_unless_allowed(
    app: FastAPI,
    db: Database,
    users: dict[str, Account],
    local_site: LocalSite,
    path: str,
    field: str,
) -> None:
    address = serve_wire(local_site)
    body: dict[str, object] = {
        "name": "Wire",
        field: [address] if field == "addresses" else address,
    }
    response = with_token(app, db, "admin").post(path, json=body)
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "address_refused"
    assert REFUSED in error["message"]
    assert local_site.requests == []


@pytest.mark.parametrize(
    "address",
    [
        "http://10.0.0.1/report",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/x",
        "file:///etc/passwd",
        "http://192.168.1.10:8080/",
    ],
)
def test_web_refuses_private_addresses_before_queueing_anything(
    app: FastAPI, db: Database, users: dict[str, Account], address: str
) -> None:
    # Literal addresses: refused by the check, no connection is tried.
    client = with_token(app, db, "admin")
    response = client.post("/api/v1/uploads/addresses", json={"addresses": [address]})
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "address_refused"
    assert client.get("/api/v1/uploads").json() == []


def test_web_add_by_address_ingests_the_page(
    open_app: FastAPI, db: Database, users: dict[str, Account], local_site: LocalSite
) -> None:
    serve_wire(local_site)
    browser, csrf = logged_in(open_app, "editor_pak")
    form = {
        "addresses": f"{local_site.url('/news/igc-19')}\n\n{local_site.url('/news/gone')}\n",
        "csrf_token": csrf,
    }
    response = browser.post("/uploads/addresses", data=form, follow_redirects=False)
    assert response.status_code == 303
    open_app.state.uploads.wait()
    job = browser.get("/api/v1" + response.headers["location"]).json()
    assert (job["kind"], job["state"], job["done"], job["total"]) == ("addresses", "done", 2, 2)
    outcome = {event["file"]: event for event in job["events"]}
    assert outcome[local_site.url("/news/igc-19")]["status"] == "new"
    gone = outcome[local_site.url("/news/gone")]
    assert (gone["status"], gone["error"]) == (
        "failed",
        f"{local_site.url('/news/gone')}: HTTP 404 Not Found",
    )
    page = browser.get(response.headers["location"])
    assert "HTTP 404 Not Found" in page.text


def test_web_sources_page_after_a_poll(
    open_app: FastAPI, db: Database, users: dict[str, Account], local_site: LocalSite
) -> None:
    address = serve_wire(local_site)
    client = with_token(open_app, db, "editor_pak")
    added = client.post("/api/v1/sources", json={"name": "Wire", "url": address, "every": "6h"})
    assert added.status_code == 201, added.text
    assert (added.json()["every_seconds"], added.json()["poll_status"]) == (21600, None)
    polled = client.post(f"/api/v1/sources/{added.json()['id']}/poll")
    assert polled.status_code == 202
    open_app.state.uploads.wait()
    job = client.get(polled.json()["url"]).json()
    assert sorted(e["status"] for e in job["events"]) == ["ingested", "skipped"]

    data = client.get("/api/v1/sources").json()
    [source] = data["sources"]
    assert (source["kind"], source["poll_status"], source["ingested"], source["skipped"]) == (
        "rss",
        "ok",
        1,
        1,
    )
    [skipped] = data["entries"]
    assert (skipped["title"], skipped["reason"]) == (
        "Markets",
        "no bilateral meeting found in the text",
    )
    browser, _ = logged_in(open_app, "editor_pak")
    page = browser.get("/sources")
    assert "no bilateral meeting found in the text" in page.text
    assert f'action="/sources/entries/{skipped["id"]}/ingest"' in page.text

    anyway = client.post(f"/api/v1/sources/entries/{skipped['id']}/ingest")
    assert anyway.status_code == 202
    open_app.state.uploads.wait()
    assert [e["status"] for e in client.get(anyway.json()["url"]).json()["events"]] == ["ingested"]
    assert client.get("/api/v1/sources").json()["entries"] == []


def test_web_sources_viewers_read_only_admins_remove(
    open_app: FastAPI, db: Database, users: dict[str, Account], local_site: LocalSite
) -> None:
    address = serve_wire(local_site)
    viewer = with_token(open_app, db, "viewer")
    assert viewer.post("/api/v1/sources", json={"name": "W", "url": address}).status_code == 403
    editor = with_token(open_app, db, "editor_pak")
    source = editor.post("/api/v1/sources", json={"name": "W", "url": address}).json()
    assert editor.delete(f"/api/v1/sources/{source['id']}").status_code == 403
    admin = with_token(open_app, db, "admin")
    assert admin.delete(f"/api/v1/sources/{source['id']}").status_code == 204
    assert admin.get("/api/v1/sources").json()["sources"] == []


def test_web_sources_nul_in_a_name_is_refused(
    open_app: FastAPI, db: Database, users: dict[str, Account], local_site: LocalSite
) -> None:
    client = with_token(open_app, db, "admin")
    body = {"name": "Wi\x00re", "url": local_site.url("/rss")}
    response = client.post("/api/v1/sources", json=body)
    assert response.status_code == 422
    assert "NUL" in response.json()["error"]["message"]
    assert client.get("/api/v1/sources").json()["sources"] == []


def test_web_sources_blank_optional_fields_are_none(
    open_app: FastAPI, db: Database, users: dict[str, Account], local_site: LocalSite
) -> None:
    browser, csrf = logged_in(open_app, "admin")
    form = {
        "name": "Wire",
        "url": serve_wire(local_site),
        "every": "",
        "pattern": "",
        "csrf_token": csrf,
    }
    assert browser.post("/sources", data=form, follow_redirects=False).status_code == 303
    [row] = browser.get("/api/v1/sources?source=&status=").json()["sources"]
    assert (row["every_seconds"], row["pattern"]) == (None, None)
