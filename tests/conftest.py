"""Databases for the tests: every store test runs on SQLite and on PostgreSQL.

PostgreSQL runs when ACCORD_TEST_POSTGRES_URL is set (CI sets it); each test
then gets a schema of its own, dropped afterwards.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

# Tables the CLI prints are as wide as the terminal says; tests read them whole,
# whatever runs them (a terminal, CI, a pytest-xdist worker).
os.environ["COLUMNS"] = "200"

from sqlalchemy.engine import make_url

from accord.store.database import sqlite_url
from ingest.local_site import LocalSite, running_site

POSTGRES_ENV = "ACCORD_TEST_POSTGRES_URL"
BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


def postgres_base_url() -> str:
    url = os.environ.get(POSTGRES_ENV)
    if not url:
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the PostgreSQL tests: set {POSTGRES_ENV} (.ci/run does)")
        pytest.skip(f"{POSTGRES_ENV} is not set")
    return url


def with_search_path(url: str, schema: str) -> str:
    """``url`` with every connection's search_path set to ``schema``."""
    parsed = make_url(url).update_query_dict({"options": f"-csearch_path={schema}"})
    return parsed.render_as_string(hide_password=False)


def make_database_url(backend: str, folder: Path) -> Iterator[str]:
    """A URL of an empty database of ``backend``, removed when the generator closes."""
    if backend == "sqlite":
        yield sqlite_url(folder / f"accord-{uuid.uuid4().hex[:8]}.sqlite3")
        return
    base = postgres_base_url()
    schema = f"accord_test_{uuid.uuid4().hex[:12]}"
    engine = create_engine(base)
    try:
        with engine.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
        yield with_search_path(base, schema)
    finally:
        with engine.begin() as connection:
            connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        engine.dispose()


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database on each backend in turn."""
    yield from make_database_url(request.param, tmp_path)


@pytest.fixture
def other_database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database on the other backend than ``database_url``'s (for round trips).

    Without PostgreSQL, a SQLite test gets a second SQLite file instead.
    """
    backend = request.node.callspec.params["database_url"]
    other = "postgres" if backend == "sqlite" and os.environ.get(POSTGRES_ENV) else "sqlite"
    yield from make_database_url(other, tmp_path)


@pytest.fixture
def local_site() -> Iterator[LocalSite]:
    """A real HTTP server on 127.0.0.1 (tests/ingest/local_site.py), stopped after the test."""
    yield from running_site()
