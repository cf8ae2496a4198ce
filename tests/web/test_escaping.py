"""Document text is untrusted: markup in it is shown as text, never run or rendered."""

from __future__ import annotations

import datetime as dt

from fastapi import FastAPI

from accord.store.accounts import Account
from accord.store.database import Database
from accord.store.extractions import SaveOutcome
from store.factories import Report, save

from .conftest import logged_in

HOSTILE = (
    "ISLAMABAD: The 3rd session of the <b>Commission</b> was held.\n\n"
    "The sides agreed to build <script>alert('commitment')</script> a dam "
    '<img src=x onerror="alert(1)"> by 2027.\n\n'
    "Closing words: </textarea><svg onload=alert(2)>.\n"
)


def _save_hostile(db: Database) -> SaveOutcome:
    r = Report(
        HOSTILE,
        source="<script>alert('source')</script>.txt",
        title="<script>alert('title')</script>",
        outlet="<i>Outlet</i>",
        published=dt.date(2026, 1, 5),
    )
    commitment = (
        "The sides agreed to build <script>alert('commitment')</script> a dam "
        '<img src=x onerror="alert(1)"> by 2027.'
    )
    extraction = r.extraction(
        meeting=r.meeting(
            "The 3rd session of the <b>Commission</b>", name="<b>Commission</b>", ordinal=3
        ),
        commitments=[r.commitment(commitment, sectors=["environment"], due="2027")],
    )
    return save(db, r.document(), extraction)


def test_markup_in_documents_is_escaped_on_every_page(
    app: FastAPI, db: Database, users: dict[str, Account]
) -> None:
    saved = _save_hostile(db)
    client, _ = logged_in(app, "admin")
    [commitment] = client.get(f"/api/v1/commitments?session={saved.session_id}").json()["rows"]
    pages = [
        "/",
        "/sessions",
        f"/sessions/{saved.session_id}",
        "/commitments",
        f"/commitments/{commitment['id']}",
        "/documents",
        f"/documents/{saved.document_key}",
        "/review",
        "/search?q=dam",
        "/commissions",
    ]
    for path in pages:
        html = client.get(path).text
        assert "<script>alert" not in html, path
        assert "<img src=x" not in html and "<svg onload" not in html, path
        assert "<b>Commission</b>" not in html and "<i>Outlet</i>" not in html, path
    document = client.get(f"/documents/{saved.document_key}").text
    assert "&lt;script&gt;alert(&#39;commitment&#39;)&lt;/script&gt;" in document
    assert "&lt;svg onload=alert(2)&gt;" in document


def test_every_response_forbids_inline_and_foreign_scripts(
    app: FastAPI, users: dict[str, Account]
) -> None:
    client, _ = logged_in(app, "admin")
    for path in ("/", "/api/v1/dashboard", "/login", "/static/accord.css"):
        headers = client.get(path).headers
        policy = headers["content-security-policy"]
        assert "script-src 'self'" in policy and "default-src 'self'" in policy
        assert "unsafe-inline" not in policy
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["x-frame-options"] == "DENY"


def test_pages_load_nothing_from_other_sites(app: FastAPI, users: dict[str, Account]) -> None:
    client, _ = logged_in(app, "admin")
    for path in ("/", "/api", "/uploads", "/sources", "/login"):
        html = client.get(path).text
        assert "http://" not in html and "https://" not in html, path
