"""Follow-ups on ingest: the kaz-uzb sessions in order, and deciding each suggestion."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from accord.errors import StoreError
from accord.ingest import load_document
from accord.store.audit import audit_trail
from accord.store.database import Database
from accord.store.followups import SuggestionRow, list_suggestions
from accord.store.models import CommitmentLink
from accord.track.followup_suggestions import confirm, dismiss, refresh_followups
from accord.track.ingestion import IngestOptions, after_ingest, ingest_paths
from accord.track.scorecard import scorecard
from accord.track.status import commitment_history
from store.factories import save

from .records import first_session, save_first, save_second

DOCS = Path(__file__).resolve().parents[1] / "data" / "docs"
SEQUENCE = [
    "kaz-uzb-igc-session-19.txt",
    "kaz-uzb-igc-session-20.txt",
    "kaz-uzb-igc-session-20-eurasia-trade-monitor.txt",
    "kaz-uzb-igc-session-21.txt",
]


def ingest(db: Database, names: list[str], auto_accept: bool = False) -> int:
    """Ingest the documents one by one, as `accord ingest` does; return the suggestions made."""
    options = IngestOptions(actor="tester", auto_accept=auto_accept)
    return sum(ingest_paths(db, [DOCS / name], options).suggestions for name in names)


def key(name: str) -> str:
    return load_document(DOCS / name).id


def find(rows: list[SuggestionRow], sentence: str, commitment: str) -> SuggestionRow:
    found = [r for r in rows if sentence in r.text and commitment in r.commitment_text]
    assert len(found) == 1, [(r.text[:60], r.commitment_text[:60]) for r in rows]
    return found[0]


@pytest.fixture
def kaz_uzb(db: Database) -> Database:
    assert ingest(db, SEQUENCE) > 0
    return db


def test_ingesting_the_kaz_uzb_sessions_proposes_the_expected_links(kaz_uzb: Database) -> None:
    rows = list_suggestions(kaz_uzb)
    train = find(rows, "the first pilot train departed", "launch a pilot container train")
    assert (train.kind, train.suggested_status, train.commitment_session) == (
        "progress",
        "completed",
        "#19 (2024-11-14)",
    )
    gauges = find(rows, "reiterated their commitment to install", "ten automated gauging stations")
    assert gauges.kind == "restated"
    hub = find(rows, "took part in a ceremony", "decided to establish a joint logistics hub")
    assert hub.kind == "progress"
    # Each report is matched against the commitments of earlier sessions only.
    sessions = {
        key(name): {r.commitment_session[:3] for r in rows if r.document == key(name)}
        for name in SEQUENCE
    }
    assert sessions == {
        key(SEQUENCE[0]): set(),
        key(SEQUENCE[1]): {"#19"},
        key(SEQUENCE[2]): {"#19"},
        key(SEQUENCE[3]): {"#19", "#20"},
    }


def test_confirming_progress_records_the_status_with_the_sentence(kaz_uzb: Database) -> None:
    rows = list_suggestions(kaz_uzb)
    train = find(rows, "the first pilot train departed", "launch a pilot container train")
    decided = confirm(kaz_uzb, train.id, "amina")
    assert (decided.state, decided.decided_by) == ("confirmed", "amina")
    status, audit = commitment_history(kaz_uzb, train.commitment_id)
    assert status.status == "completed"
    [update] = status.history
    assert update["evidence_text"] == train.text
    assert (update["evidence_document"], update["author"]) == (train.document, "amina")
    assert [e.action for e in audit] == ["status"]
    assert train.id not in {r.id for r in list_suggestions(kaz_uzb)}


def test_confirming_a_restatement_links_and_counts_it_as_recurring(kaz_uzb: Database) -> None:
    rows = list_suggestions(kaz_uzb)
    gauges = find(rows, "reiterated their commitment to install", "ten automated gauging stations")
    confirm(kaz_uzb, gauges.id, "amina")
    with kaz_uzb.reading() as session:
        [link] = session.scalars(select(CommitmentLink)).all()
    assert (link.earlier_id, link.created_by) == (gauges.commitment_id, "amina")
    assert (link.span_start, link.span_end) == (gauges.start, gauges.end)
    assert [e.action for e in audit_trail(kaz_uzb, "commitment_link")] == ["create"]
    total = scorecard(kaz_uzb, "session", "Kazakhstan")[-1]
    assert total.recurring >= 1
    # The earlier commitment stays open: a restatement is not progress.
    assert commitment_history(kaz_uzb, gauges.commitment_id)[0].status == "no_evidence"


def test_dismissed_suggestions_leave_the_open_list_and_are_not_proposed_again(
    kaz_uzb: Database,
) -> None:
    rows = list_suggestions(kaz_uzb)
    dismissed = dismiss(kaz_uzb, rows[0].id, "amina", note="not the same project")
    assert dismissed.state == "dismissed"
    assert rows[0].id not in {r.id for r in list_suggestions(kaz_uzb)}
    assert refresh_followups(kaz_uzb, "Kazakhstan") == 0
    assert [r.state for r in list_suggestions(kaz_uzb, state=None) if r.id == rows[0].id] == [
        "dismissed"
    ]
    [entry] = audit_trail(kaz_uzb, "followup_suggestion", rows[0].id)
    assert entry.after is not None and entry.after["note"] == "not the same project"
    with pytest.raises(StoreError, match="already dismissed"):
        confirm(kaz_uzb, rows[0].id, "bolat")


def test_a_report_of_an_earlier_session_ingested_late_is_matched_both_ways(db: Database) -> None:
    second_key = save_second(db)
    assert after_ingest(db, [second_key], "tester").suggestions == 0
    save_first(db)
    made = after_ingest(db, [first_session().document().id], "tester", accept=True)
    rows = list_suggestions(db)
    assert made.accepted == 4 and made.suggestions == len(rows) >= 2
    assert {(r.document, r.kind) for r in rows} == {
        (second_key, "restated"),
        (second_key, "progress"),
    }
    train = find(rows, "pilot container train departed", "pilot container train")
    assert train.suggested_status == "completed"


def test_linked_commitments_survive_a_reextraction_that_no_longer_finds_them(
    db: Database,
) -> None:
    save_first(db)
    second_key = save_second(db)
    after_ingest(db, [second_key], "tester")
    rows = list_suggestions(db)
    restated = next(r for r in rows if r.kind == "restated")
    confirm(db, restated.id, "amina")
    dismissed = next(r for r in rows if r.kind == "progress")
    dismiss(db, dismissed.id, "amina")
    # A newer extractor that finds no commitments in the first report.
    r = first_session()
    save(db, r.document(), r.extraction(meeting=None, version="2.0.0"))
    with db.reading() as session:
        [link] = session.scalars(select(CommitmentLink)).all()
    assert link.earlier_id == restated.commitment_id
    states = {row.id: row.state for row in list_suggestions(db, state=None)}
    assert states[restated.id] == "confirmed" and states[dismissed.id] == "dismissed"
