"""Malformed values sent to every write endpoint, as JSON and as forms: never a 5xx.

Hypothesis draws each request (derandomised, so a run is repeatable): one
endpoint, a path id, and a body whose fields are valid, missing or replaced
by something malformed (huge or negative numbers, NUL, very long text,
impossible dates, unknown enum values, values of the wrong type).
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

from fastapi import FastAPI
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accord.store.accounts import Account
from accord.store.database import Database

from .conftest import logged_in, with_token
from .records import WebRecord

FUZZ = settings(
    max_examples=120,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

malformed: st.SearchStrategy[Any] = st.one_of(
    st.sampled_from([2**31, 2**63, 10**40, -1, 0, -(2**63)]),
    st.integers(),
    st.text(max_size=30).map(lambda t: t + "\x00"),
    st.sampled_from(["x" * 20_001, "é" * 6_000, "\x00", "", " ", "\u202e"]),
    st.sampled_from(["2025-02-30", "2025-13", "2025-00", "0000", "9999-12-31", "1-1-1", "today"]),
    st.sampled_from(["astrology", "DONE", "accept ", "ZZZZ", "confirm", "commitment"]),
    st.sampled_from([None, True, 1.5, float("inf"), [], {}, [None], {"a": [1]}, ["x"] * 60]),
    st.text(max_size=40),
)

# path (with {id}), a valid body, and the fields that may be replaced.
ENDPOINTS: list[tuple[str, dict[str, Any]]] = [
    ("/commitments/{id}/review", {"action": "correct", "text": "Publish it.", "due": "2026-06"}),
    ("/commitments/{id}/review", {"action": "correct", "owners": ["PSQCA@PAK"], "sectors": ["energy"]}),
    ("/agreements/{id}/review", {"action": "correct", "subject": "standards", "kind": "mou", "status": "signed"}),
    ("/commitments/{id}/status", {"status": "in_progress", "as_of": "2026-01-01", "note": "n", "evidence": "https://e.org"}),
    ("/followups/{id}/confirm", {"status": "in_progress", "note": "n"}),
    ("/followups/{id}/dismiss", {"note": "n"}),
    ("/notes", {"subject": "session", "subject_id": 1, "text": "a note", "internal": False}),
    ("/tokens", {"name": "script"}),
    ("/tokens/{id}/revoke", {}),
    ("/users", {"username": "newuser", "password": "long enough", "role": "editor", "side": "PAK", "agencies": ["PSQCA"]}),
    # Documentation addresses (192.0.2.0/24): refused by the address check, never connected to.
    ("/sources", {"name": "Wire", "url": "http://192.0.2.1/rss", "every": "6h", "pattern": "/press/"}),
    ("/uploads/addresses", {"addresses": ["http://192.0.2.1/x"], "outlet": "Dawn"}),
]  # fmt: skip
FORM_PATHS = {"/tokens": "/account/tokens", "/tokens/{id}/revoke": "/account/tokens/{id}/revoke"}


@st.composite
def requests(draw: st.DrawFn) -> tuple[str, Any, dict[str, Any]]:
    path, valid = draw(st.sampled_from(ENDPOINTS))
    path_id = draw(st.one_of(st.integers(1, 5), malformed))
    body = dict(valid)
    for name in [*valid, "action", "subject_id", "extra"]:
        choice = draw(st.integers(0, 3))
        if choice == 0:
            body[name] = draw(malformed)
        elif choice == 1:
            body.pop(name, None)
    return path, path_id, body


def _form_value(value: Any) -> Any:
    if isinstance(value, list):
        return [str(v) for v in value]
    return "" if value is None else str(value)


def _path(path: str, path_id: Any) -> str:
    return path.replace("{id}", quote(str(path_id), safe=""))


def test_fuzzed_api_writes_never_answer_5xx(
    app: FastAPI, db: Database, record: WebRecord, users: dict[str, Account]
) -> None:
    admin, editor = with_token(app, db, "admin"), with_token(app, db, "editor_rus")

    @FUZZ
    @given(requests(), st.booleans())
    def fuzz(request: tuple[str, Any, dict[str, Any]], as_editor: bool) -> None:
        path, path_id, body = request
        client = editor if as_editor else admin
        response = client.post(
            "/api/v1" + _path(path, path_id),
            content=json.dumps(body),  # NaN and Infinity too, which Python's reader takes
            headers={"content-type": "application/json"},
        )
        assert response.status_code < 500, (path, path_id, body, response.text[:300])
        if response.status_code >= 400:
            assert set(response.json()["error"]) == {"status", "code", "message"}

    fuzz()


def test_fuzzed_form_writes_never_answer_5xx(
    app: FastAPI, db: Database, record: WebRecord, users: dict[str, Account]
) -> None:
    browser, csrf = logged_in(app, "admin")

    @FUZZ
    @given(requests())
    def fuzz(request: tuple[str, Any, dict[str, Any]]) -> None:
        path, path_id, body = request
        form = {k: _form_value(v) for k, v in body.items()}
        response = browser.post(
            _path(FORM_PATHS.get(path, path), path_id),
            data={**form, "csrf_token": csrf},
            follow_redirects=False,
        )
        assert response.status_code < 500, (path, path_id, body, response.text[:300])

    fuzz()


@st.composite
def uploads(draw: st.DrawFn) -> tuple[dict[str, str], str]:
    fields = {name: str(draw(malformed)) for name in ("published", "outlet") if draw(st.booleans())}
    return fields, draw(st.one_of(st.just("note.txt"), st.text(max_size=30).map(str)))


def test_fuzzed_uploads_never_answer_5xx(
    app: FastAPI, db: Database, users: dict[str, Account]
) -> None:
    client = with_token(app, db, "admin")

    @settings(FUZZ, max_examples=30)
    @given(uploads())
    def fuzz(upload: tuple[dict[str, str], str]) -> None:
        fields, filename = upload
        files = {"files": (filename, b"\x00\x01 not a document", "text/plain")}
        response = client.post("/api/v1/uploads", data=fields, files=files)
        assert response.status_code < 500, (fields, filename, response.text[:300])

    fuzz()
