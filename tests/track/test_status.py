"""Status updates: append-only, dated, attributed, evidenced, and audited with the commitment."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from accord.errors import NotFoundError, StoreError, TrackError
from accord.store.audit import audit_trail
from accord.store.commitments import CommitmentFilter, list_commitments
from accord.store.database import Database
from accord.store.models import StatusUpdate
from accord.track.status import commitment_history, parse_evidence, set_status
from store.factories import save

from .records import first_session, save_first

JAN, MAR, JUN = dt.date(2026, 1, 10), dt.date(2026, 3, 1), dt.date(2026, 6, 30)


def test_set_status_appends_and_the_latest_dated_update_is_current(db: Database) -> None:
    train, *_ = save_first(db)
    set_status(db, train, "in_progress", "amina", note="tender issued", as_of=MAR)
    set_status(db, train, "completed", "amina", note="first train ran", as_of=JUN)
    # Entered last but dated earlier: kept in the history, not the current status.
    set_status(db, train, "not_started", "bolat", note="late report from January", as_of=JAN)
    status, _audit = commitment_history(db, train)
    assert status.status == "completed"
    assert [(h["status"], h["as_of"], h["author"]) for h in status.history] == [
        ("not_started", "2026-01-10", "bolat"),
        ("in_progress", "2026-03-01", "amina"),
        ("completed", "2026-06-30", "amina"),
    ]
    [row] = list_commitments(db, CommitmentFilter(status="completed"))
    assert row.id == train


def test_set_status_keeps_every_update_and_audits_each(db: Database) -> None:
    train, *_ = save_first(db)
    set_status(db, train, "in_progress", "amina", as_of=MAR)
    set_status(db, train, "stalled", "amina", as_of=JUN)
    with db.reading() as session:
        assert session.scalar(select(func.count()).select_from(StatusUpdate)) == 2
    _status, audit = commitment_history(db, train)
    assert [(e.action, e.before, e.after) for e in audit] == [
        (
            "status",
            {"status": "no_evidence", "edited_fields": []},
            {"status": "in_progress", "edited_fields": ["status"]},
        ),
        (
            "status",
            {"status": "in_progress", "edited_fields": ["status"]},
            {"status": "stalled", "edited_fields": ["status"]},
        ),
    ]
    created = audit_trail(db, "status_update")
    assert [(e.action, e.before, e.after and e.after["status"]) for e in created] == [
        ("create", None, "in_progress"),
        ("create", None, "stalled"),
    ]


def test_set_status_copies_the_evidence_span_or_keeps_the_url(db: Database) -> None:
    train, gauges, *_ = save_first(db)
    key = first_session().document().id
    text = first_session().text
    start = text.index("Kazakhstan Temir Zholy")
    spanned = set_status(db, train, "in_progress", "amina", evidence=f"{key}:{start}-{start + 22}")
    assert (spanned.evidence_document, spanned.evidence_text) == (key, "Kazakhstan Temir Zholy")
    linked = set_status(db, gauges, "stalled", "amina", evidence="https://example.org/report")
    assert (linked.evidence_url, linked.evidence_document) == ("https://example.org/report", None)


def test_status_updates_keep_a_commitment_through_reextraction(db: Database) -> None:
    _train, _gauges, _centre, visa = save_first(db)
    set_status(db, visa, "dropped", "amina", as_of=MAR)
    # A newer extractor that finds nothing in the document any more.
    r = first_session()
    save(db, r.document(), r.extraction(meeting=None, version="2.0.0"))
    status, _ = commitment_history(db, visa)
    assert (status.status, [h["status"] for h in status.history]) == ("dropped", ["dropped"])


def test_set_status_errors_name_the_problem(db: Database) -> None:
    train, *_ = save_first(db)
    with pytest.raises(TrackError, match=r"^status: expected one of no_evidence"):
        set_status(db, train, "done", "amina")
    with pytest.raises(TrackError, match=r"^evidence: expected a URL"):
        set_status(db, train, "completed", "amina", evidence="page 3")
    with pytest.raises(StoreError, match="outside document"):
        set_status(
            db, train, "completed", "amina", evidence=f"{first_session().document().id}:0-99999"
        )
    with pytest.raises(NotFoundError, match="no stored document"):
        set_status(db, train, "completed", "amina", evidence="doc-0000000000000000:0-5")
    with pytest.raises(NotFoundError, match="no commitment 999"):
        set_status(db, 999, "completed", "amina")
    assert commitment_history(db, train)[0].history == []


def test_parse_evidence_reads_urls_and_spans() -> None:
    assert parse_evidence(None) is None
    assert parse_evidence("7:10-20") == parse_evidence("7:10..20")
    with pytest.raises(TrackError, match="is empty"):
        parse_evidence("7:20-10")
