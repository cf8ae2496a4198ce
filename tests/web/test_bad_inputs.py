"""Bad input is a 4xx in the one error shape, with the security headers; never a 500.

Ids past what the database holds (2**31 on PostgreSQL, 2**63 on SQLite), NUL
characters (PostgreSQL cannot store them) and text past the stated limits are
refused at the edge, and an error nobody expected still answers in the shape.
"""

from __future__ import annotations

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from httpx import Response

from accord.core.input_limits import NOTE_LENGTH, REVIEW_TEXT_LENGTH
from accord.store.accounts import Account
from accord.store.database import Database

from .conftest import logged_in, with_token
from .records import WebRecord

HUGE = [str(2**31), str(2**63), str(10**30)]
GETS = [
    "/api/v1/commitments/{n}",
    "/api/v1/sessions/{n}",
    "/api/v1/agreements/{n}",
    "/api/v1/documents/{n}",
    "/api/v1/commitments?offset={n}",
    "/api/v1/commitments?session={n}",
    "/api/v1/commitments?commission={n}",
    "/api/v1/agreements?session={n}",
    "/api/v1/documents?session={n}",
    "/api/v1/followups?document={n}",
    "/api/v1/followups?commitment={n}",
    "/api/v1/sessions?offset={n}",
    "/api/v1/sessions/{n}/brief.md",
    "/api/v1/commissions/{n}/status.md",
    "/api/v1/exports/commitments.csv?commission={n}",
    "/sessions/{n}",
    "/commitments/{n}",
    "/documents/{n}",
]


def _is_refusal(response: Response) -> None:
    assert 400 <= response.status_code < 500, (response.request.url, response.text[:300])
    assert response.headers["content-security-policy"]
    assert response.headers["x-content-type-options"] == "nosniff"
    if response.request.url.path.startswith("/api/"):
        error = response.json()["error"]
        assert error["status"] == response.status_code and error["code"] and error["message"]
    else:
        assert response.headers["content-type"].startswith("text/html")


@pytest.mark.parametrize("path", GETS)
def test_huge_ids_and_offsets_are_refused_not_crashed_on(
    app: FastAPI, db: Database, users: dict[str, Account], path: str
) -> None:
    client = with_token(app, db, "viewer")
    for n in HUGE:
        _is_refusal(client.get(path.format(n=n)))


def test_huge_ids_in_writes_are_refused(
    app: FastAPI, db: Database, record: WebRecord, users: dict[str, Account]
) -> None:
    client = with_token(app, db, "admin")
    for n in HUGE:
        for path, body in [
            (f"/api/v1/commitments/{n}/status", {"status": "in_progress"}),
            (f"/api/v1/commitments/{n}/review", {"action": "accept"}),
            (f"/api/v1/agreements/{n}/review", {"action": "accept"}),
            (f"/api/v1/followups/{n}/dismiss", {}),
            (f"/api/v1/tokens/{n}/revoke", None),
            ("/api/v1/notes", {"subject": "session", "subject_id": int(n), "text": "x"}),
            (
                f"/api/v1/commitments/{record.pak}/status",
                {"status": "in_progress", "evidence": f"{record.document_id}:1-{n}"},
            ),
        ]:
            _is_refusal(client.post(path, json=body))


def test_huge_ids_in_forms_are_refused(
    app: FastAPI, db: Database, record: WebRecord, users: dict[str, Account]
) -> None:
    client, csrf = logged_in(app, "admin")
    n = HUGE[1]
    for path, form in [
        (f"/account/tokens/{n}/revoke", {}),
        (f"/commitments/{n}/status", {"status": "in_progress"}),
        ("/notes", {"subject": "session", "subject_id": n, "text": "x"}),
    ]:
        response = client.post(path, data={**form, "csrf_token": csrf}, follow_redirects=False)
        _is_refusal(response)


NUL_WRITES = [
    ("/api/v1/notes", {"subject": "session", "subject_id": "{session_id}", "text": "a\x00b"}),
    ("/api/v1/commitments/{pak}/status", {"status": "in_progress", "note": "a\x00b"}),
    ("/api/v1/commitments/{pak}/review", {"action": "correct", "text": "Publish\x00 it."}),
    ("/api/v1/commitments/{pak}/review", {"action": "correct", "owners": ["PSQ\x00CA@PAK"]}),
    ("/api/v1/agreements/{agreement}/review", {"action": "correct", "subject": "a\x00"}),
    ("/api/v1/followups/{suggestion_id}/dismiss", {"note": "a\x00b"}),
    ("/api/v1/tokens", {"name": "night\x00ly"}),
    ("/api/v1/users", {"username": "x\x00", "password": "long enough", "role": "viewer"}),
]


def _filled(body: dict[str, object], record: WebRecord) -> dict[str, object]:
    ids = {k: str(v) for k, v in record.__dict__.items()}
    return {
        k: int(v.format(**ids)) if isinstance(v, str) and v.startswith("{") else v
        for k, v in body.items()
    }


def test_nul_characters_are_refused_in_every_text_the_api_takes(
    app: FastAPI, db: Database, record: WebRecord, users: dict[str, Account]
) -> None:
    client = with_token(app, db, "admin")
    for path, body in NUL_WRITES:
        response = client.post(path.format(**record.__dict__), json=_filled(body, record))
        _is_refusal(response)
        assert response.status_code == 422
    for path in [
        "/api/v1/documents?outlet=Da%00wn",
        "/api/v1/commitments?agency=PS%00QCA",
        "/api/v1/search?q=train%00",
        "/api/v1/documents/doc-%00",
        "/commitments?commission=Pak%00",
    ]:
        _is_refusal(client.get(path))


def test_nul_characters_are_refused_in_forms(
    app: FastAPI, db: Database, record: WebRecord, users: dict[str, Account]
) -> None:
    client, csrf = logged_in(app, "admin")
    for path, form in [
        (f"/commitments/{record.pak}/status", {"status": "in_progress", "note": "a\x00b"}),
        ("/notes", {"subject": "session", "subject_id": record.session_id, "text": "\x00"}),
        ("/account/tokens", {"name": "x\x00"}),
        (f"/commitments/{record.pak}/review", {"action": "correct", "text": "\x00"}),
    ]:
        response = client.post(path, data={**form, "csrf_token": csrf}, follow_redirects=False)
        _is_refusal(response)
    anonymous = TestClient(app, base_url="https://testserver")
    _is_refusal(
        anonymous.post("/login", data={"username": "ad\x00min", "password": "x", "csrf_token": ""})
    )


def test_text_past_the_stated_limits_is_refused(
    app: FastAPI, db: Database, record: WebRecord, users: dict[str, Account]
) -> None:
    client = with_token(app, db, "admin")
    too_long = [
        (f"/api/v1/commitments/{record.pak}/review", {"action": "correct", "text": "x" * (REVIEW_TEXT_LENGTH + 1)}),
        (f"/api/v1/commitments/{record.pak}/status", {"status": "stalled", "note": "x" * (NOTE_LENGTH + 1)}),
        ("/api/v1/notes", {"subject": "session", "subject_id": record.session_id, "text": "x" * (NOTE_LENGTH + 1)}),
        (f"/api/v1/commitments/{record.pak}/review", {"action": "correct", "owners": [f"A{i}@PAK" for i in range(51)]}),
    ]  # fmt: skip
    for path, body in too_long:
        response = client.post(path, json=body)
        _is_refusal(response)
    accepted = client.post(
        f"/api/v1/commitments/{record.pak}/review",
        json={"action": "correct", "text": "x" * REVIEW_TEXT_LENGTH},
    )
    assert accepted.status_code == 200, accepted.text


def test_an_unexpected_error_answers_in_the_error_shape_with_the_headers(
    app: FastAPI, db: Database, users: dict[str, Account]
) -> None:
    @app.get("/api/v1/boom")
    @app.get("/boom")
    def boom() -> None:
        raise RuntimeError("a bug")

    client = with_token(app, db, "viewer")
    for path in ("/api/v1/boom", "/boom"):
        response = client.get(path)
        assert response.status_code == 500
        assert response.headers["content-security-policy"]
        assert "a bug" not in response.text
    assert client.get("/api/v1/boom").json()["error"]["code"] == "internal_error"
    assert "500" in client.get("/boom").text
