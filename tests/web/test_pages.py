"""Every page renders, and its JSON twin under /api/v1 holds the same data."""

from __future__ import annotations

import pytest
from fastapi import FastAPI

from accord.store.accounts import Account
from accord.store.database import Database

from .conftest import logged_in, with_token
from .records import WebRecord

# (page, something of the twin's data the page must show)
PAGES = [
    "/",
    "/commissions",
    "/sessions",
    "/sessions?commission=Pakistan-Russia",
    "/sessions/{session_id}",
    "/commitments",
    "/commitments?sector=transport&status=&strength=",
    "/commitments?status=no_evidence&limit=1",
    "/commitments/{shared}",
    "/agreements",
    "/agreements?status=signed",
    "/agreements/{agreement}",
    "/documents",
    "/documents/{document_id}",
    "/review",
    "/review?kind=agreement",
    "/followups",
    "/followups?state=",
    "/search?q=pilot+train",
    "/uploads",
    "/sources",
    "/sources?status=skipped&source=",
    "/account",
    "/users",
]


@pytest.mark.parametrize("template", PAGES)
def test_page_and_json_twin_agree(
    app: FastAPI, db: Database, record: WebRecord, users: dict[str, Account], template: str
) -> None:
    path = template.format(**record.__dict__)
    browser, _ = logged_in(app, "admin")
    page = browser.get(path)
    assert page.status_code == 200, page.text
    assert page.headers["content-type"].startswith("text/html")
    twin_path = "/api/v1" + ("/dashboard" if path == "/" else path)
    assert f'href="{twin_path.replace("&", "&amp;")}"' in page.text
    twin = with_token(app, db, "admin").get(twin_path)
    assert twin.status_code == 200, twin.text
    assert twin.headers["content-type"] == "application/json"
    assert twin.json() == browser.get(twin_path).json()


def test_list_twin_pages_through_the_rows(
    app: FastAPI, db: Database, record: WebRecord, users: dict[str, Account]
) -> None:
    client = with_token(app, db, "viewer")
    first = client.get("/api/v1/commitments?limit=2").json()
    assert len(first["rows"]) == 2 and first["next_offset"] == 2
    second = client.get(f"/api/v1/commitments?limit=2&offset={first['next_offset']}").json()
    assert second["next_offset"] is None
    ids = [r["id"] for r in first["rows"] + second["rows"]]
    assert sorted(ids, reverse=True) == ids == [record.shared, record.rus, record.pak]


def test_filters_in_the_url_narrow_the_list(
    app: FastAPI, db: Database, record: WebRecord, users: dict[str, Account]
) -> None:
    client = with_token(app, db, "viewer")
    rows = client.get("/api/v1/commitments?sector=transport").json()["rows"]
    assert [r["id"] for r in rows] == [record.shared]
    rows = client.get("/api/v1/commitments?agency=PSQCA").json()["rows"]
    assert [r["id"] for r in rows] == [record.pak]
    listing = client.get("/api/v1/commitments?sector=transport&status=").json()
    assert listing["filters"] == {"sector": "transport"}
    page = logged_in(app, "viewer")[0].get("/commitments?sector=transport")
    assert "pilot cargo train" in page.text and "metrology laboratory" not in page.text


def test_dashboard_shows_scores_chart_and_waiting_work(
    app: FastAPI, db: Database, record: WebRecord, users: dict[str, Account]
) -> None:
    data = with_token(app, db, "viewer").get("/api/v1/dashboard").json()
    assert data["score"]["commitments"] == 3
    assert {i["id"] for i in data["overdue"]} == {record.pak, record.shared}
    assert data["review_waiting"] == {"agreements": 1, "commitments": 3}
    assert data["followups_waiting"] == 1
    [commission] = data["commissions"]
    assert [s["ordinal"] for s in commission["sessions"]] == [11, 10]
    counts = {(c["sector"], c["status"]): c["commitments"] for c in data["by_sector_status"]}
    assert counts == {("regulation", "no_evidence"): 2, ("transport", "no_evidence"): 1}
    page = logged_in(app, "viewer")[0].get("/").text
    assert '<svg class="sector-chart"' in page
    assert 'href="/commitments?sector=regulation&amp;status=no_evidence"' in page
    assert '<svg class="timeline"' in page


def test_session_page_groups_commitments_by_sector_and_lists_sources(
    app: FastAPI, db: Database, record: WebRecord, users: dict[str, Account]
) -> None:
    data = with_token(app, db, "viewer").get(f"/api/v1/sessions/{record.session_id}").json()
    assert [g["sector"] for g in data["commitments_by_sector"]] == ["transport", "regulation"]
    assert [a["id"] for a in data["agreements_signed"]] == [record.agreement]
    assert [s["id"] for s in data["sources"]] == [record.document_id]


def test_commitment_page_shows_history_links_and_suggestions(
    app: FastAPI, db: Database, record: WebRecord, users: dict[str, Account]
) -> None:
    data = with_token(app, db, "viewer").get(f"/api/v1/commitments/{record.shared}").json()
    assert data["commitment"]["commitment"]["due"] == "2025"
    assert data["commitment"]["evidence"][0]["document_id"] == record.document_id
    assert data["follow_through"]["status"] == "no_evidence"
    assert [s["id"] for s in data["suggestions"]] == [record.suggestion_id]


def test_search_finds_commitments_and_documents(
    app: FastAPI, db: Database, record: WebRecord, users: dict[str, Account]
) -> None:
    client = with_token(app, db, "viewer")
    hits = client.get("/api/v1/search?q=metrology laboratory").json()["hits"]
    assert ("commitment", record.rus) in {(h["kind"], h["id"]) for h in hits}
    assert client.get("/api/v1/search?q=").json()["hits"] == []
    page = logged_in(app, "viewer")[0].get("/search?q=laboratory").text
    assert "<mark>laboratory</mark>" in page


def test_reports_download_through_the_report_layer(
    app: FastAPI, db: Database, record: WebRecord, users: dict[str, Account]
) -> None:
    client = with_token(app, db, "viewer")
    brief = client.get(f"/sessions/{record.session_id}/brief.md")
    assert brief.status_code == 200 and "pilot cargo train" in brief.text
    assert brief.headers["content-disposition"].startswith("attachment;")
    html = client.get(f"/api/v1/sessions/{record.session_id}/brief.html")
    assert html.headers["content-disposition"].startswith("inline;")
    docx = client.get(f"/sessions/{record.session_id}/brief.docx")
    assert docx.content[:2] == b"PK"
    status = client.get("/commissions/1/status.md")
    assert status.status_code == 200 and "Implementation status" in status.text
    csv = client.get("/exports/commitments.csv")
    assert "metrology laboratory" in csv.text
    assert client.get("/api/v1/exports/commitments.xlsx").content[:2] == b"PK"
    assert client.get("/exports/calendar.ics").text.startswith("BEGIN:VCALENDAR")


def test_openapi_document_lists_the_api(app: FastAPI) -> None:
    from fastapi.testclient import TestClient

    document = TestClient(app).get("/api/v1/openapi.json").json()
    paths = document["paths"]
    for path in ("/api/v1/dashboard", "/api/v1/commitments", "/api/v1/uploads", "/api/v1/notes"):
        assert path in paths
    assert not any(p.startswith("/login") or p == "/" for p in paths)
