"""Logging in, cookies, CSRF protection and API tokens."""

from __future__ import annotations

import re

from fastapi import FastAPI

from accord.store.accounts import Account, revoke_api_token
from accord.store.database import Database

from .conftest import PASSWORD, anonymous, logged_in, with_token
from .records import WebRecord


def _login_form(client_text: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', client_text)
    assert found is not None
    return found[1]


def test_login_sets_a_secure_httponly_cookie(app: FastAPI, users: dict[str, Account]) -> None:
    client = anonymous(app)
    token = _login_form(client.get("/login").text)
    response = client.post(
        "/login",
        data={"username": "editor_pak", "password": PASSWORD, "csrf_token": token, "next": "/x"},
        follow_redirects=False,
    )
    assert response.status_code == 303 and response.headers["location"] == "/x"
    cookie = response.headers["set-cookie"]
    assert cookie.startswith("accord_session=")
    for flag in ("HttpOnly", "Secure", "SameSite=lax", "Path=/"):
        assert flag.lower() in cookie.lower()
    assert "editor_pak" in client.get("/").text


def test_wrong_password_is_refused_without_saying_which_part(
    app: FastAPI, users: dict[str, Account]
) -> None:
    client = anonymous(app)
    for username in ("viewer", "nobody"):
        token = _login_form(client.get("/login").text)
        response = client.post(
            "/login", data={"username": username, "password": "wrong!", "csrf_token": token}
        )
        assert response.status_code == 401
        assert "Wrong user name or password." in response.text
        assert "accord_session" not in response.headers.get("set-cookie", "")


def test_login_form_needs_its_csrf_token(app: FastAPI, users: dict[str, Account]) -> None:
    client = anonymous(app)
    client.get("/login")
    response = client.post(
        "/login", data={"username": "viewer", "password": PASSWORD, "csrf_token": "forged"}
    )
    assert response.status_code == 403
    assert "login form expired" in response.text


def test_login_never_redirects_to_another_site(app: FastAPI, users: dict[str, Account]) -> None:
    client = anonymous(app)
    for target in ("//evil.example/", "https://evil.example/", "/\\evil.example"):
        token = _login_form(client.get("/login").text)
        response = client.post(
            "/login",
            data={"username": "viewer", "password": PASSWORD, "csrf_token": token, "next": target},
            follow_redirects=False,
        )
        assert response.headers["location"] == "/"
        client.cookies.clear()


def test_pages_send_strangers_to_the_login_form(app: FastAPI, users: dict[str, Account]) -> None:
    response = anonymous(app).get("/commitments?sector=energy", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/login?next=%2Fcommitments%3Fsector%3Denergy"


def test_cookie_writes_need_the_csrf_token(
    app: FastAPI, record: WebRecord, users: dict[str, Account]
) -> None:
    client, csrf = logged_in(app, "editor_pak")
    url = f"/api/v1/commitments/{record.pak}/review"
    refused = client.post(url, json={"action": "accept"})
    assert refused.status_code == 403 and refused.json()["error"]["code"] == "csrf_failed"
    forged = client.post(url, json={"action": "accept"}, headers={"X-CSRF-Token": "forged"})
    assert forged.status_code == 403
    assert client.post(url, json={"action": "accept"}, headers={"X-CSRF-Token": csrf}).is_success
    form = client.post(
        f"/commitments/{record.pak}/review", data={"action": "reject"}, follow_redirects=False
    )
    assert form.status_code == 403
    form = client.post(
        f"/commitments/{record.pak}/review",
        data={"action": "reject", "csrf_token": csrf},
        follow_redirects=False,
    )
    assert form.status_code == 303


def test_logout_ends_the_login(app: FastAPI, users: dict[str, Account]) -> None:
    client, csrf = logged_in(app, "viewer")
    cookie = client.cookies.get("accord_session")
    client.post("/logout", data={"csrf_token": csrf})
    stale = anonymous(app)
    stale.cookies.set("accord_session", cookie or "", domain="testserver")
    assert stale.get("/api/v1/dashboard").status_code == 401


def test_api_tokens_act_as_their_user_until_revoked(
    app: FastAPI, db: Database, users: dict[str, Account]
) -> None:
    client, csrf = logged_in(app, "viewer")
    created = client.post(
        "/api/v1/tokens", json={"name": "nightly"}, headers={"X-CSRF-Token": csrf}
    )
    assert created.status_code == 201
    token = created.json()["token"]
    script = anonymous(app)
    script.headers["Authorization"] = f"Bearer {token}"
    assert script.get("/api/v1/account").json()["account"]["username"] == "viewer"
    listed = client.get("/api/v1/account").json()["tokens"]
    assert [t["name"] for t in listed] == ["nightly"] and token not in str(listed)
    revoke_api_token(db, created.json()["id"])
    refused = script.get("/api/v1/account")
    assert refused.status_code == 401
    assert refused.json()["error"]["message"] == "the API token is unknown or revoked"


def test_a_user_revokes_only_their_own_tokens(
    app: FastAPI, db: Database, users: dict[str, Account]
) -> None:
    owner = with_token(app, db, "editor_rus")
    token_id = owner.get("/api/v1/account").json()["tokens"][0]["id"]
    other = with_token(app, db, "viewer")
    assert other.post(f"/api/v1/tokens/{token_id}/revoke").status_code == 404
    assert owner.post(f"/api/v1/tokens/{token_id}/revoke").status_code == 204
    assert owner.get("/api/v1/account").status_code == 401


def test_token_page_shows_a_new_token_once(app: FastAPI, users: dict[str, Account]) -> None:
    client, csrf = logged_in(app, "viewer")
    page = client.post("/account/tokens", data={"name": "laptop", "csrf_token": csrf})
    shown = re.search(r'<code class="token" id="new-token">([^<]+)</code>', page.text)
    assert shown is not None and shown[1].startswith("accord_")
    assert shown[1] not in client.get("/account").text
