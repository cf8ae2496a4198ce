"""Uploading documents: ingested in the background, file by file, with follow-ups proposed."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi import FastAPI

from accord.store.accounts import Account, add_user
from accord.store.database import Database
from accord.web.app import create_app
from accord.web.settings import WebSettings
from accord.web.uploads import safe_file_name

from .conftest import PASSWORD, logged_in, with_token

# The seed report is not shipped with Accord; it lives next to the repository.
SEED = (
    Path(__file__).resolve().parents[3]
    / "shared"
    / "seeds"
    / "dawn-2025-11-28-pakistan-russia-igc-10.txt"
)


def test_upload_ingests_each_file_and_reports_failures(app: FastAPI, db: Database) -> None:
    add_user(db, "uploader", PASSWORD, "editor", side="PAK")
    client = with_token(app, db, "uploader")
    files = [
        ("files", ("dawn.txt", SEED.read_bytes(), "text/plain")),
        ("files", ("empty.txt", b"", "text/plain")),
    ]
    response = client.post("/api/v1/uploads", files=files, data={"outlet": "Dawn"})
    assert response.status_code == 202
    app.state.uploads.wait()
    job = client.get(response.json()["url"]).json()
    assert job["state"] == "done" and (job["done"], job["total"]) == (2, 2)
    outcome = {e["file"]: e for e in job["events"]}
    assert outcome["dawn.txt"]["status"] == "new"
    assert outcome["empty.txt"]["status"] == "failed"
    assert outcome["empty.txt"]["error"].startswith("empty.txt:")
    assert "accord-upload" not in outcome["empty.txt"]["error"]
    key = outcome["dawn.txt"]["document"]
    document = client.get(f"/api/v1/documents/{key}").json()
    assert document["document"]["outlet"] == "Dawn" and document["counts"]["commitment"] > 5
    drafts = client.get("/api/v1/review?kind=commitment&limit=100").json()["rows"]
    assert len(drafts) == document["counts"]["commitment"]
    assert [j["id"] for j in client.get("/api/v1/uploads").json()] == [job["id"]]


def test_upload_form_without_script_redirects_to_the_job(
    app: FastAPI, users: dict[str, Account]
) -> None:
    client, csrf = logged_in(app, "admin")
    response = client.post(
        "/uploads",
        data={"csrf_token": csrf},
        files=[("files", ("note.exe", b"binary", "application/octet-stream"))],
        follow_redirects=False,
    )
    assert response.status_code == 303 and response.headers["location"].startswith("/uploads/")
    app.state.uploads.wait()
    page = client.get(response.headers["location"]).text
    assert "unsupported file type" in page and "note.exe" in page


def test_only_an_admin_uploads_with_the_drafts_accepted(
    app: FastAPI, db: Database, users: dict[str, Account]
) -> None:
    files = [("files", ("dawn.txt", SEED.read_bytes(), "text/plain"))]
    editor = with_token(app, db, "editor_pak")
    refused = editor.post("/api/v1/uploads", files=files, data={"auto_accept": "true"})
    assert refused.status_code == 403 and refused.json()["error"]["code"] == "forbidden"
    assert "without review" in refused.json()["error"]["message"]
    assert "auto_accept" not in editor.get("/uploads").text
    admin = with_token(app, db, "admin")
    assert 'name="auto_accept"' in admin.get("/uploads").text
    response = admin.post("/api/v1/uploads", files=files, data={"auto_accept": "true"})
    app.state.uploads.wait()
    job = admin.get(response.json()["url"]).json()
    assert job["auto_accept"] and job["accepted"] > 5
    [event] = job["events"]
    document = admin.get(f"/api/v1/documents/{event['document']}").json()
    uploaded = {i["record_id"] for i in document["items"] if i["kind"] == "commitment"}
    accepted = admin.get("/api/v1/review?kind=commitment&state=accepted&limit=100").json()
    assert len(uploaded) > 5 and uploaded <= {i["id"] for i in accepted["rows"]}
    assert "item(s) accepted" in admin.get(f"/uploads/{job['id']}").text


def test_uploads_over_the_limit_are_refused(db: Database, users: dict[str, Account]) -> None:
    small = create_app(WebSettings(database=db.url, max_upload_bytes=100))
    try:
        client = with_token(small, db, "admin")
        response = client.post(
            "/api/v1/uploads", files=[("files", ("big.txt", b"x" * 500, "text/plain"))]
        )
        assert response.status_code == 413 and response.json()["error"]["code"] == "too_large"
        none = client.post("/api/v1/uploads", files=[("files", ("", b"", "text/plain"))])
        assert none.status_code in (400, 422)
    finally:
        small.state.database.dispose()


@pytest.mark.parametrize(
    ("given", "saved"),
    [
        ("report.txt", "report.txt"),
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\me\\brief.docx", "brief.docx"),
        ("<script>.md", "script_.md"),
        ("...", "upload"),
    ],
)
def test_uploaded_file_names_stay_inside_their_folder(given: str, saved: str) -> None:
    assert safe_file_name(given) == saved
