"""The document page: every extracted item highlighted at its span; the ungrounded flagged."""

from __future__ import annotations

import re

from fastapi import FastAPI
from sqlalchemy import select, update

from accord.store.accounts import Account
from accord.store.database import Database
from accord.store.models import Document, ExtractionRun

from .conftest import logged_in, with_token
from .records import TENTH, WebRecord


def test_document_items_sit_at_their_spans(
    app: FastAPI, db: Database, record: WebRecord, users: dict[str, Account]
) -> None:
    data = with_token(app, db, "viewer").get(f"/api/v1/documents/{record.document_id}").json()
    assert data["text"] == TENTH
    assert data["counts"] == {
        "meeting": 1,
        "co_chair": 0,
        "agreement": 1,
        "commitment": 3,
        "next_meeting": 0,
    }
    for item in data["items"]:
        assert item["grounded"] and TENTH[item["start"] : item["end"]] == item["text"]
    commitments = {i["record_id"] for i in data["items"] if i["kind"] == "commitment"}
    assert commitments == {record.pak, record.rus, record.shared}
    assert data["ungrounded"] == []


def test_document_page_highlights_each_item_and_links_its_record(
    app: FastAPI, record: WebRecord, users: dict[str, Account]
) -> None:
    client, _ = logged_in(app, "viewer")
    html = client.get(f"/documents/{record.document_id}").text
    marks = re.findall(r'<a id="at-(\d+)" class="hl kind-(\w+)', html)
    assert {kind for _, kind in marks} == {"meeting", "agreement", "commitment"}
    assert f'<a href="/commitments/{record.pak}">' in html
    assert f'<a href="/agreements/{record.agreement}">' in html
    pieces = re.sub(
        r"<[^>]+>", "", html.split('aria-label="Document text">')[1].split("</article>")[0]
    )
    assert pieces.strip() == TENTH.strip()


def test_ungrounded_items_are_listed_and_flagged_never_hidden(
    app: FastAPI, db: Database, record: WebRecord, users: dict[str, Account]
) -> None:
    with db.writing() as session:
        run = session.scalars(
            select(ExtractionRun).where(ExtractionRun.document_id == record.document_id)
        ).one()
        stored = dict(run.record)
        stored["commitments"] = [
            *stored["commitments"],
            {**stored["commitments"][0], "id": "c9", "start": 5, "end": 40, "text": "not here"},
        ]
        session.execute(
            update(ExtractionRun).where(ExtractionRun.id == run.id).values(record=stored)
        )
    data = with_token(app, db, "viewer").get(f"/api/v1/documents/{record.document_id}").json()
    [flagged] = data["ungrounded"]
    assert (flagged["start"], flagged["end"], flagged["text"]) == (5, 40, "not here")
    assert flagged["record_id"] is None and not flagged["grounded"]
    html = logged_in(app, "viewer")[0].get(f"/documents/{record.document_id}").text
    assert "Not grounded" in html and "not here" in html and "badge warn" in html


def test_documents_are_found_by_key_and_listed_with_filters(
    app: FastAPI, db: Database, record: WebRecord, users: dict[str, Account]
) -> None:
    with db.reading() as session:
        key = session.scalar(select(Document.key).where(Document.id == record.document_id))
    client = with_token(app, db, "viewer")
    assert client.get(f"/api/v1/documents/{key}").json()["document"]["id"] == record.document_id
    rows = client.get("/api/v1/documents?outlet=tass").json()["rows"]
    assert [r["id"] for r in rows] == [record.later_document_id]
    rows = client.get(f"/api/v1/documents?session={record.session_id}").json()["rows"]
    assert [r["id"] for r in rows] == [record.document_id]
