"""A record to report on, built once per backend: the seed and the kaz-uzb sessions, followed up.

The documents go in through the real ingest path (extraction, storage, follow-up
suggestions); then a secretariat's decisions are recorded with the track
functions: two restatements confirmed, a progress report confirmed, and dated
status updates with evidence. The reports only read it, so tests share it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from accord.ingest import load_document
from accord.store.commitments import CommitmentFilter, list_commitments
from accord.store.database import Database, open_database
from accord.store.followups import SuggestionRow, list_suggestions
from accord.track.followup_suggestions import confirm
from accord.track.ingestion import IngestOptions, ingest_paths
from accord.track.names import record_names
from accord.track.status import set_status
from conftest import BACKENDS, make_database_url

DATA = Path(__file__).resolve().parents[1] / "data"
SEED = (
    Path(__file__).resolve().parents[3]
    / "shared"
    / "seeds"
    / "dawn-2025-11-28-pakistan-russia-igc-10.txt"
)
KAZ_UZB = [
    DATA / "docs" / "kaz-uzb-igc-session-19.txt",
    DATA / "docs" / "kaz-uzb-igc-session-20.txt",
    DATA / "docs" / "kaz-uzb-igc-session-20-eurasia-trade-monitor.txt",
    DATA / "docs" / "kaz-uzb-igc-session-21.txt",
]
SESSION_20 = DATA / "docs" / "kaz-uzb-igc-session-20.txt"


@dataclass(frozen=True)
class Record:
    """The filled database and the ids of the commitments the decisions were about."""

    db: Database
    pilot_train: int
    logistics_hub: int
    gauging_stations: int
    cotton_cluster: int


def _suggestion(rows: list[SuggestionRow], sentence: str, commitment: str) -> SuggestionRow:
    found = [r for r in rows if sentence in r.text and commitment in r.commitment_text]
    assert len(found) == 1, [(r.text[:60], r.commitment_text[:60]) for r in rows]
    return found[0]


def _commitment(db: Database, words: str) -> int:
    found = [c.id for c in list_commitments(db, CommitmentFilter(limit=None)) if words in c.text]
    assert len(found) == 1, words
    return found[0]


def fill(db: Database) -> Record:
    for path in [SEED, *KAZ_UZB]:
        report = ingest_paths(db, [path], IngestOptions(actor="tester"))
        assert not report.failures, report.failures
    rows = list_suggestions(db)
    # The 20th session reports the pilot train of the 19th done: a progress report, confirmed.
    confirm(
        db,
        _suggestion(rows, "the first pilot train departed", "pilot container train").id,
        "secretariat",
    )
    # It makes two promises of the 19th again: restatements, confirmed as links.
    for sentence, earlier in (
        ("reaffirmed their plans to complete the joint logistics hub", "joint logistics hub"),
        ("reiterated their commitment to install automated gauging", "gauging stations"),
    ):
        confirm(db, _suggestion(rows, sentence, earlier).id, "secretariat")
    record = Record(
        db=db,
        pilot_train=_commitment(db, "launch a pilot container train"),
        logistics_hub=_commitment(db, "decided to establish a joint logistics hub"),
        gauging_stations=_commitment(db, "install ten automated gauging stations"),
        cotton_cluster=_commitment(db, "cotton-textile cluster"),
    )
    text = load_document(SESSION_20).text
    quote = "The sides reaffirmed their plans to complete the joint logistics hub"
    start = text.index(quote)
    set_status(
        db,
        record.logistics_hub,
        "in_progress",
        "secretariat",
        note="site works under way",
        evidence=f"{load_document(SESSION_20).id}:{start}-{start + len(quote)}",
        as_of=dt.date(2025, 10, 10),
    )
    set_status(
        db,
        record.gauging_stations,
        "stalled",
        "water agency",
        note="only 3 of 10 stations working",
        evidence="https://water.example.org/syr-darya-gauging",
        as_of=dt.date(2026, 2, 1),
    )
    set_status(db, record.cotton_cluster, "not_started", "secretariat", as_of=dt.date(2025, 6, 1))
    return record


@pytest.fixture(scope="session", params=BACKENDS)
def record(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Record]:
    urls = make_database_url(request.param, tmp_path_factory.mktemp("report"))
    database = open_database(next(urls), names=record_names)
    try:
        yield fill(database)
    finally:
        database.dispose()
        urls.close()


@pytest.fixture
def db(database_url: str) -> Iterator[Database]:
    """An empty store on each backend, for tests that save records of their own."""
    database = open_database(database_url, names=record_names)
    try:
        yield database
    finally:
        database.dispose()
