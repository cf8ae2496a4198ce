"""Reviewing, status updates, follow-up decisions and notes, from the API and from forms."""

from __future__ import annotations

from fastapi import FastAPI

from accord.store.accounts import Account
from accord.store.database import Database

from .conftest import logged_in, with_token
from .records import TENTH, WebRecord


def test_review_accepts_corrects_and_rejects_with_an_audit_trail(
    app: FastAPI, db: Database, record: WebRecord, users: dict[str, Account]
) -> None:
    client = with_token(app, db, "editor_pak")
    accepted = client.post(f"/api/v1/commitments/{record.pak}/review", json={"action": "accept"})
    assert accepted.json()["review_state"] == "accepted"
    corrected = client.post(
        f"/api/v1/commitments/{record.shared}/review",
        json={
            "action": "correct",
            "due": "2026-03",
            "sectors": ["transport", "trade"],
            "owners": ["Pakistan Railways@PAK"],
        },
    ).json()
    assert corrected["due"] == "2026-03" and corrected["sectors"] == ["transport", "trade"]
    assert set(corrected["edited_fields"]) == {"due", "sectors", "owners"}
    rejected = client.post(
        f"/api/v1/agreements/{record.agreement}/review", json={"action": "reject"}
    )
    assert rejected.json()["review_state"] == "rejected"
    page = client.get(f"/api/v1/commitments/{record.shared}").json()
    assert [(a["actor"], a["action"]) for a in page["audit"]] == [("editor_pak", "correct")]
    assert page["follow_through"]["owners"][0]["name"] == "Pakistan Railways"
    queue = client.get("/api/v1/review").json()["rows"]
    assert [(i["kind"], i["id"]) for i in queue] == [("commitment", record.rus)]


def test_a_correction_must_change_something_valid(
    app: FastAPI, db: Database, record: WebRecord, users: dict[str, Account]
) -> None:
    client = with_token(app, db, "admin")
    url = f"/api/v1/commitments/{record.pak}/review"
    empty = client.post(url, json={"action": "correct"})
    assert empty.status_code == 400 and "nothing to correct" in empty.json()["error"]["message"]
    bad_due = client.post(url, json={"action": "correct", "due": "soon"})
    assert bad_due.status_code == 400
    assert bad_due.json()["error"]["message"].startswith("due: expected YYYY")
    bad_sector = client.post(url, json={"action": "correct", "sectors": ["astrology"]})
    assert bad_sector.status_code == 422


def test_review_form_corrects_from_a_browser(
    app: FastAPI, record: WebRecord, users: dict[str, Account]
) -> None:
    client, csrf = logged_in(app, "editor_rus")
    response = client.post(
        f"/commitments/{record.rus}/review?return_to=/review",
        data={
            "csrf_token": csrf,
            "action": "correct",
            "text": "A corrected text.",
            "strength": "",
            "due": "",
            "sectors": ["science_tech"],
            "actors": "Rosstandart@RUS\n\n",
        },
        follow_redirects=False,
    )
    assert response.status_code == 303 and response.headers["location"] == "/review"
    data = client.get(f"/api/v1/commitments/{record.rus}").json()["commitment"]["commitment"]
    assert data["text"] == "A corrected text." and data["sectors"] == ["science_tech"]
    assert data["actors"] == ["Federal Agency for Technical Regulation and Metrology (Rosstandart)"]


def test_status_updates_keep_a_dated_evidenced_history(
    app: FastAPI, db: Database, record: WebRecord, users: dict[str, Account]
) -> None:
    client = with_token(app, db, "editor_pak")
    span = TENTH.index("pilot cargo train")
    first = client.post(
        f"/api/v1/commitments/{record.shared}/status",
        json={
            "status": "in_progress",
            "as_of": "2026-01-10",
            "evidence": f"{record.document_id}:{span}-{span + 17}",
        },
    )
    assert first.status_code == 201 and first.json()["evidence_text"] == "pilot cargo train"
    client.post(
        f"/api/v1/commitments/{record.shared}/status",
        json={
            "status": "completed",
            "as_of": "2026-02-20",
            "note": "train ran",
            "evidence": "https://example.org/train",
        },
    )
    page = client.get(f"/api/v1/commitments/{record.shared}").json()
    history = page["follow_through"]["history"]
    assert [(h["status"], h["as_of"], h["author"]) for h in history] == [
        ("in_progress", "2026-01-10", "editor_pak"),
        ("completed", "2026-02-20", "editor_pak"),
    ]
    assert page["follow_through"]["status"] == "completed"
    dashboard = client.get("/api/v1/dashboard").json()
    assert dashboard["score"]["compliance_percent"] == 100.0
    assert record.shared not in {i["id"] for i in dashboard["overdue"]}


def test_status_form_redirects_to_the_history(
    app: FastAPI, record: WebRecord, users: dict[str, Account]
) -> None:
    client, csrf = logged_in(app, "admin")
    response = client.post(
        f"/commitments/{record.rus}/status",
        data={
            "csrf_token": csrf,
            "status": "stalled",
            "as_of": "",
            "note": "",
            "evidence": "https://example.org/delay",
        },
        follow_redirects=False,
    )
    assert response.headers["location"] == f"/commitments/{record.rus}#history"
    page = client.get(f"/commitments/{record.rus}").text
    assert "https://example.org/delay" in page and "st-stalled" in page


def test_confirming_a_progress_suggestion_records_its_status(
    app: FastAPI, db: Database, record: WebRecord, users: dict[str, Account]
) -> None:
    client = with_token(app, db, "editor_rus")
    confirmed = client.post(f"/api/v1/followups/{record.suggestion_id}/confirm", json={})
    assert confirmed.json()["state"] == "confirmed"
    status = client.get(f"/api/v1/commitments/{record.shared}").json()["follow_through"]
    assert status["status"] == "completed"
    assert status["history"][0]["suggestion_id"] == record.suggestion_id
    assert client.get("/api/v1/followups").json()["rows"] == []
    assert len(client.get("/api/v1/followups?state=confirmed").json()["rows"]) == 1


def test_internal_notes_stay_with_their_side(
    app: FastAPI, db: Database, record: WebRecord, users: dict[str, Account]
) -> None:
    pak = with_token(app, db, "editor_pak")
    for text, internal in (("Public remark", False), ("PAK only: budget not approved", True)):
        body = {
            "subject": "commitment",
            "subject_id": record.shared,
            "text": text,
            "internal": internal,
        }
        assert pak.post("/api/v1/notes", json=body).status_code == 201

    def notes(user: str) -> list[str]:
        page = with_token(app, db, user).get(f"/api/v1/commitments/{record.shared}").json()
        return [n["text"] for n in page["notes"]]

    assert notes("viewer") == ["Public remark", "PAK only: budget not approved"]
    assert notes("editor_rus") == ["Public remark"]
    assert notes("admin") == ["Public remark", "PAK only: budget not approved"]
    rus_page = logged_in(app, "editor_rus")[0].get(f"/commitments/{record.shared}").text
    assert "budget not approved" not in rus_page and "Public remark" in rus_page


def test_note_form_marks_a_note_internal(
    app: FastAPI, record: WebRecord, users: dict[str, Account]
) -> None:
    client, csrf = logged_in(app, "editor_pak")
    response = client.post(
        "/notes",
        data={
            "csrf_token": csrf,
            "subject": "session",
            "subject_id": str(record.session_id),
            "text": "Bring the draft protocol.",
            "internal": "true",
        },
        follow_redirects=False,
    )
    assert response.headers["location"] == f"/sessions/{record.session_id}#notes"
    page = client.get(f"/sessions/{record.session_id}").text
    assert "Bring the draft protocol." in page and "internal to PAK" in page


def test_follow_up_form_dismisses_with_a_note(
    app: FastAPI, record: WebRecord, users: dict[str, Account]
) -> None:
    client, csrf = logged_in(app, "editor_pak")
    response = client.post(
        f"/followups/{record.suggestion_id}/dismiss?return_to=/followups",
        data={"csrf_token": csrf, "note": "another train"},
        follow_redirects=False,
    )
    assert response.headers["location"] == "/followups"
    [row] = client.get("/api/v1/followups?state=dismissed").json()["rows"]
    assert row["decided_by"] == "editor_pak"


def test_admin_adds_users_and_revokes_tokens_with_forms(
    app: FastAPI, db: Database, users: dict[str, Account]
) -> None:
    client, csrf = logged_in(app, "admin")
    added = client.post(
        "/users",
        data={
            "csrf_token": csrf,
            "username": "nadia",
            "password": "long enough",
            "role": "editor",
            "side": "RUS",
            "agencies": ["", ""],
        },
        follow_redirects=False,
    )
    assert added.status_code == 303
    assert "nadia" in client.get("/users").text
    logged_in(app, "nadia", "long enough")
    token_page = client.post("/account/tokens", data={"csrf_token": csrf, "name": "temp"})
    assert token_page.status_code == 200
    [token] = client.get("/api/v1/account").json()["tokens"]
    revoked = client.post(
        f"/account/tokens/{token['id']}/revoke", data={"csrf_token": csrf}, follow_redirects=False
    )
    assert revoked.status_code == 303
    assert client.get("/api/v1/account").json()["tokens"] == []


def test_a_form_sending_the_text_back_unchanged_does_not_edit_it(
    app: FastAPI, record: WebRecord, users: dict[str, Account]
) -> None:
    client, csrf = logged_in(app, "editor_pak")
    text = TENTH.split("\n\n")[1]
    client.post(
        f"/commitments/{record.pak}/review",
        data={"csrf_token": csrf, "action": "correct", "text": text, "due": "2026-09"},
    )
    data = client.get(f"/api/v1/commitments/{record.pak}").json()["commitment"]
    assert data["edited_fields"] == ["due"] and data["commitment"]["due"] == "2026-09"
