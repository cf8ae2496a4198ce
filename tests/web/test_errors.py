"""One error shape: every refusal of the API is {"error": {"status", "code", "message"}}."""

from __future__ import annotations

import pytest
from fastapi import FastAPI

from accord.store.accounts import Account
from accord.store.database import Database

from .conftest import anonymous, with_token
from .records import WebRecord

CASES = [
    ("get", "/api/v1/dashboard", None, 401, "unauthenticated"),
    ("get", "/api/v1/commitments/999999", "viewer", 404, "not_found"),
    ("get", "/api/v1/no-such-thing", "viewer", 404, "not_found"),
    ("get", "/api/v1/commitments?sector=astrology", "viewer", 422, "invalid_request"),
    ("get", "/api/v1/commitments?commission=Atlantis", "viewer", 404, "not_found"),
    ("delete", "/api/v1/dashboard", "viewer", 405, "method_not_allowed"),
    ("post", "/api/v1/users", "viewer", 403, "forbidden"),
    ("post", "/api/v1/followups/{suggestion_id}/dismiss", "admin", 200, None),
    ("post", "/api/v1/followups/{suggestion_id}/dismiss", "admin", 409, "conflict"),
]


def test_every_api_error_has_the_same_shape(
    app: FastAPI, db: Database, record: WebRecord, users: dict[str, Account]
) -> None:
    clients = {None: anonymous(app), **{u: with_token(app, db, u) for u in ("viewer", "admin")}}
    for method, path, user, status, code in CASES:
        response = clients[user].request(
            method, path.format(**record.__dict__), json={"username": "x", "password": "y" * 8}
        )
        assert response.status_code == status, (path, response.text)
        if code is None:
            continue
        body = response.json()
        assert set(body) == {"error"}
        assert set(body["error"]) == {"status", "code", "message"}
        assert body["error"]["status"] == status and body["error"]["code"] == code
        assert body["error"]["message"]


@pytest.mark.parametrize("path", ["/sessions/999999", "/no-such-page"])
def test_pages_show_errors_as_html(
    app: FastAPI, db: Database, users: dict[str, Account], path: str
) -> None:
    response = with_token(app, db, "viewer").get(path)
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "404 · not found" in response.text
    assert 'href="/account"' in response.text  # the menu, for a known user


def test_a_bad_status_update_says_what_is_wrong(
    app: FastAPI, db: Database, record: WebRecord, users: dict[str, Account]
) -> None:
    response = with_token(app, db, "admin").post(
        f"/api/v1/commitments/{record.pak}/status",
        json={"status": "in_progress", "evidence": "somewhere"},
    )
    assert response.status_code == 400
    assert response.json()["error"]["message"].startswith("evidence: expected a URL")


def test_errors_name_request_fields_and_never_a_command_line_option(
    app: FastAPI, db: Database, record: WebRecord, users: dict[str, Account]
) -> None:
    client = with_token(app, db, "admin")
    cases = [
        (
            f"/api/v1/commitments/{record.pak}/review",
            {"action": "correct", "due": "soon"},
            400,
            "due: expected YYYY, YYYY-MM or YYYY-MM-DD, got 'soon'",
        ),
        (
            f"/api/v1/commitments/{record.pak}/review",
            {"action": "correct", "subject": "trade"},
            400,
            "subject: only for agreements",
        ),
        (
            f"/api/v1/agreements/{record.agreement}/review",
            {"action": "correct", "due": "2026"},
            400,
            "due: not a field of an agreement",
        ),
        (
            f"/api/v1/commitments/{record.pak}/status",
            {"status": "completed", "evidence": "7:20-10"},
            400,
            "evidence: the span 20-10 is empty",
        ),
        (
            "/api/v1/users",
            {"username": "ed", "password": "long enough", "role": "editor"},
            400,
            "side: an editor needs a side (an ISO 3166 alpha-3 code)",
        ),
        (
            "/api/v1/users",
            {"username": "ed", "password": "long enough", "role": "owner"},
            400,
            "role: expected one of admin, editor, viewer, got 'owner'",
        ),
        ("/api/v1/followups/999999/confirm", {}, 404, "no follow-up suggestion 999999"),
        ("/api/v1/commitments/999999/review", {"action": "accept"}, 404, "no commitment 999999"),
    ]
    for path, body, status, message in cases:
        response = client.post(path, json=body)
        assert response.status_code == status, (path, response.text)
        assert response.json()["error"]["message"] == message
    missing = client.get("/api/v1/commitments/999999").json()["error"]["message"]
    assert missing == "no commitment 999999"
