"""The authorisation matrix: each role × each action, allowed and refused, through the API.

Items: ``pak`` is owed by a Pakistani agency (PSQCA), ``rus`` by a Russian
one, ``shared`` by both sides (no agency named). Editors change what their
side owns; an editor narrowed to PSQCA only what PSQCA owes; viewers read.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from accord.store.accounts import Account
from accord.store.database import Database

from .conftest import anonymous, with_token
from .records import WebRecord

Action = Callable[[TestClient, WebRecord], int]


def _review(kind: str, item: str) -> Action:
    def act(client: TestClient, record: WebRecord) -> int:
        item_id = getattr(record, item)
        return client.post(
            f"/api/v1/{kind}s/{item_id}/review", json={"action": "accept"}
        ).status_code

    return act


def _status(item: str) -> Action:
    def act(client: TestClient, record: WebRecord) -> int:
        body = {"status": "in_progress", "evidence": "https://example.org/report", "note": "seen"}
        return client.post(
            f"/api/v1/commitments/{getattr(record, item)}/status", json=body
        ).status_code

    return act


def _note(item: str) -> Action:
    def act(client: TestClient, record: WebRecord) -> int:
        body = {"subject": "commitment", "subject_id": getattr(record, item), "text": "checked"}
        return client.post("/api/v1/notes", json=body).status_code

    return act


def _read(path: str) -> Action:
    def act(client: TestClient, record: WebRecord) -> int:
        return client.get(path.format(**record.__dict__)).status_code

    return act


def _dismiss(client: TestClient, record: WebRecord) -> int:
    return client.post(f"/api/v1/followups/{record.suggestion_id}/dismiss").status_code


def _upload(client: TestClient, record: WebRecord) -> int:
    files = [("files", ("notes.exe", b"not a document", "application/octet-stream"))]
    return client.post("/api/v1/uploads", files=files).status_code


def _add_user(client: TestClient, record: WebRecord) -> int:
    body = {"username": "newcomer", "password": "long enough password", "role": "viewer"}
    return client.post("/api/v1/users", json=body).status_code


ACTIONS: dict[str, Action] = {
    "read dashboard": _read("/api/v1/dashboard"),
    "read commitment": _read("/api/v1/commitments/{rus}"),
    "read review queue": _read("/api/v1/review"),
    "list users": _read("/api/v1/users"),
    "export record": _read("/exports/record.jsonl"),
    "upload": _upload,
    "review pak": _review("commitment", "pak"),
    "review rus": _review("commitment", "rus"),
    "review shared": _review("commitment", "shared"),
    "review agreement": _review("agreement", "agreement"),
    "status pak": _status("pak"),
    "status rus": _status("rus"),
    "status shared": _status("shared"),
    "note pak": _note("pak"),
    "note rus": _note("rus"),
    "dismiss follow-up on shared": _dismiss,
    "add user": _add_user,
}
OK = {
    "read dashboard": 200,
    "read commitment": 200,
    "read review queue": 200,
    "list users": 200,
    "export record": 200,
    "upload": 202,
    "review pak": 200,
    "review rus": 200,
    "review shared": 200,
    "review agreement": 200,
    "status pak": 201,
    "status rus": 201,
    "status shared": 201,
    "note pak": 201,
    "note rus": 201,
    "dismiss follow-up on shared": 200,
    "add user": 201,
}
READS = {"read dashboard", "read commitment", "read review queue"}
ALLOWED: dict[str, set[str]] = {
    "admin": set(ACTIONS),
    "editor_pak": READS
    | {
        "upload",
        "review pak",
        "review shared",
        "review agreement",
        "status pak",
        "status shared",
        "note pak",
        "dismiss follow-up on shared",
    },
    "editor_psqca": READS | {"upload", "review pak", "review agreement", "status pak", "note pak"},
    "editor_rus": READS
    | {
        "upload",
        "review rus",
        "review shared",
        "review agreement",
        "status rus",
        "status shared",
        "note rus",
        "dismiss follow-up on shared",
    },
    "viewer": READS,
}


@pytest.mark.parametrize("role", sorted(ALLOWED))
def test_role_may_do_exactly_its_actions(
    app: FastAPI, db: Database, record: WebRecord, users: dict[str, Account], role: str
) -> None:
    client = with_token(app, db, role)
    outcome = {name: act(client, record) for name, act in ACTIONS.items()}
    expected = {name: OK[name] if name in ALLOWED[role] else 403 for name in ACTIONS}
    assert outcome == expected


def test_anonymous_requests_are_refused_everywhere(
    app: FastAPI, record: WebRecord, users: dict[str, Account]
) -> None:
    client = anonymous(app)
    client.follow_redirects = False
    outcome = {name: act(client, record) for name, act in ACTIONS.items()}
    # The API answers 401; a download outside /api sends the browser to the login form.
    assert outcome == {**dict.fromkeys(ACTIONS, 401), "export record": 303}


def test_refusal_names_the_scope(
    app: FastAPI, db: Database, record: WebRecord, users: dict[str, Account]
) -> None:
    response = with_token(app, db, "editor_pak").post(
        f"/api/v1/commitments/{record.rus}/review", json={"action": "reject"}
    )
    assert response.json() == {
        "error": {
            "status": 403,
            "code": "forbidden",
            "message": "editor_pak edits for PAK; this item belongs to RUS",
        }
    }
    viewer = with_token(app, db, "viewer").post(
        f"/api/v1/commitments/{record.pak}/review", json={"action": "accept"}
    )
    assert viewer.json()["error"]["message"] == "viewer is a viewer and may only read"


def test_pages_offer_only_the_forms_a_user_may_use(
    app: FastAPI, db: Database, record: WebRecord, users: dict[str, Account]
) -> None:
    from .conftest import logged_in

    editor, _ = logged_in(app, "editor_pak")
    own = editor.get(f"/commitments/{record.pak}").text
    other = editor.get(f"/commitments/{record.rus}").text
    assert 'id="status-form"' in own and 'id="status-form"' not in other
    assert f'action="/commitments/{record.pak}/review' in own
    assert f'action="/commitments/{record.rus}/review' not in other
    viewer, _ = logged_in(app, "viewer")
    assert 'href="/uploads"' not in viewer.get("/").text
