"""API tokens expire: each lives a number of days (90 unless said), then is refused."""

from __future__ import annotations

import datetime as dt
import json

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import update
from typer.testing import CliRunner

from accord.cli.main import app as cli
from accord.store.accounts import TOKEN_DAYS, Account, create_api_token, list_api_tokens
from accord.store.database import Database
from accord.store.models import ApiToken
from accord.store.models.record import utc_now

from .conftest import BASE_URL, with_token


def _expire(db: Database, token_id: int) -> None:
    with db.writing() as session:
        session.execute(
            update(ApiToken)
            .where(ApiToken.id == token_id)
            .values(expires_at=utc_now() - dt.timedelta(seconds=1))
        )


def test_an_expired_token_is_refused_and_no_longer_listed(
    app: FastAPI, db: Database, users: dict[str, Account]
) -> None:
    token, info = create_api_token(db, "viewer", "nightly", days=1)
    assert info.expires_at is not None
    assert dt.timedelta(hours=23) < info.expires_at - utc_now() <= dt.timedelta(days=1)
    client = TestClient(app, base_url=BASE_URL, headers={"Authorization": f"Bearer {token}"})
    assert client.get("/api/v1/commitments").status_code == 200
    _expire(db, info.id)
    refused = client.get("/api/v1/commitments")
    assert refused.status_code == 401 and refused.json()["error"]["code"] == "unauthenticated"
    assert info.id not in [t.id for t in list_api_tokens(db, users["viewer"])]


def test_tokens_made_in_the_api_live_the_days_asked_within_bounds(
    app: FastAPI, db: Database, users: dict[str, Account]
) -> None:
    client = with_token(app, db, "editor_pak")
    default = client.post("/api/v1/tokens", json={"name": "default"}).json()
    lives = dt.datetime.fromisoformat(default["expires_at"]) - utc_now()
    assert dt.timedelta(days=TOKEN_DAYS - 1) < lives <= dt.timedelta(days=TOKEN_DAYS)
    month = client.post("/api/v1/tokens", json={"name": "month", "days": 30}).json()
    assert dt.datetime.fromisoformat(month["expires_at"]) - utc_now() <= dt.timedelta(days=30)
    for days in (0, -1, 3651, 2**40):
        assert client.post("/api/v1/tokens", json={"days": days}).status_code == 422


def test_token_create_cli_says_when_the_token_expires(
    db: Database, users: dict[str, Account]
) -> None:
    runner = CliRunner()
    made = runner.invoke(
        cli, ["token", "create", "viewer", "--days", "7", "--json", "--db", db.url]
    )
    assert made.exit_code == 0, made.output
    expires = dt.datetime.fromisoformat(json.loads(made.stdout)["expires_at"])
    assert dt.timedelta(days=6) < expires - utc_now() <= dt.timedelta(days=7)
    refused = runner.invoke(cli, ["token", "create", "viewer", "--days", "0", "--db", db.url])
    assert refused.exit_code == 2
