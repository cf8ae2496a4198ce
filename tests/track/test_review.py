"""Review: accepting, correcting and rejecting drafts, audited, and kept through re-extraction."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from accord.errors import NotFoundError, TrackError
from accord.store.audit import audit_trail
from accord.store.database import Database
from accord.store.models import Commitment
from accord.store.review_queue import review_queue
from accord.track.review import Correction, auto_accept, decide, organisation_ref

from .records import first_session, save_first


def states(db: Database) -> dict[int, tuple[str, str]]:
    with db.reading() as session:
        rows = session.scalars(select(Commitment).order_by(Commitment.id))
        return {row.id: (row.review_state, row.text) for row in rows}


def test_review_queue_lists_drafts_until_decided(db: Database) -> None:
    train, gauges, centre, visa = save_first(db)
    assert [item.id for item in review_queue(db, ("commitment",))] == [train, gauges, centre, visa]
    decide(db, "commitment", [train], "accept", "amina")
    decide(db, "commitment", [visa], "reject", "amina")
    assert [item.id for item in review_queue(db, ("commitment",))] == [gauges, centre]
    assert [item.id for item in review_queue(db, ("commitment",), state="rejected")] == [visa]


def test_review_correct_writes_fields_edited_fields_and_audit(db: Database) -> None:
    train, *_ = save_first(db)
    correction = Correction(
        text="KTZ and UTY will launch a pilot container train to Aktau.",
        strength="intention",
        due="2025-06",
        sectors=("transport", "trade"),
        owners=(organisation_ref("Kazakhstan Temir Zholy"),),
    )
    [item] = decide(db, "commitment", [train], "correct", "amina", correction)
    assert (item.review_state, item.text, item.detail, item.due) == (
        "accepted",
        correction.text,
        "intention",
        "2025-06",
    )
    assert item.sectors == ["transport", "trade"]
    assert item.edited_fields == ["due", "owners", "sectors", "strength", "text"]
    [entry] = audit_trail(db, "commitment", train)
    assert (entry.actor, entry.action) == ("amina", "correct")
    assert entry.before is not None and entry.after is not None
    assert entry.before["strength"] == "decision" and entry.after["strength"] == "intention"
    assert entry.before["review_state"] == "draft" and entry.after["review_state"] == "accepted"
    assert [o["origin"] for o in entry.before["owners"]] == ["suggested", "suggested"]
    assert [(o["name"], o["side"], o["origin"]) for o in entry.after["owners"]] == [
        ("Kazakhstan Temir Zholy (KTZ)", "KAZ", "set")
    ]


def test_review_rejected_and_corrected_items_survive_reextraction(db: Database) -> None:
    train, gauges, centre, visa = save_first(db)
    decide(db, "commitment", [visa], "reject", "amina")
    decide(
        db,
        "commitment",
        [gauges],
        "correct",
        "amina",
        Correction(text="Ten automated gauging stations on the Syr Darya.", sectors=("emergency",)),
    )
    # The document again, through a newer extractor: every item found again.
    assert save_first(db, version="2.0.0") == [train, gauges, centre, visa]
    after = states(db)
    assert after[visa][0] == "rejected"
    assert after[gauges] == ("accepted", "Ten automated gauging stations on the Syr Darya.")
    assert after[train][0] == after[centre][0] == "draft"


def test_auto_accept_accepts_the_drafts_of_the_documents(db: Database) -> None:
    train, gauges, centre, visa = save_first(db)
    decide(db, "commitment", [visa], "reject", "amina")
    assert auto_accept(db, [first_session().document().id], "analyst") == 3
    assert {i: s for i, (s, _) in states(db).items()} == {
        train: "accepted",
        gauges: "accepted",
        centre: "accepted",
        visa: "rejected",
    }
    assert [e.action for e in audit_trail(db, "commitment", train)] == ["auto_accept"]


def test_review_errors_name_the_problem(db: Database) -> None:
    train, *_ = save_first(db)
    with pytest.raises(TrackError, match=r"^strength: expected one of"):
        decide(db, "commitment", [train], "correct", "a", Correction(strength="promise"))
    with pytest.raises(TrackError, match=r"^due: expected"):
        decide(db, "commitment", [train], "correct", "a", Correction(due="next year"))
    with pytest.raises(TrackError, match="nothing to correct"):
        decide(db, "commitment", [train], "correct", "a", Correction())
    with pytest.raises(NotFoundError, match="no commitment 999"):
        decide(db, "commitment", [999], "accept", "a")
    assert audit_trail(db) == []


def test_organisation_ref_reads_an_optional_side() -> None:
    assert organisation_ref("KTZ") == organisation_ref(" KTZ ")
    ref = organisation_ref("Kazakhstan Temir Zholy@kaz")
    assert (ref.name, ref.side) == ("Kazakhstan Temir Zholy", "KAZ")


def test_review_a_rewritten_commitment_is_still_recognised_at_its_place(db: Database) -> None:
    train, gauges, centre, visa = save_first(db)
    rewritten = Correction(text="Hydrological posts along the river (ten).", sectors=("emergency",))
    decide(db, "commitment", [gauges], "correct", "amina", rewritten)
    assert save_first(db, version="2.0.0") == [train, gauges, centre, visa]
    assert states(db)[gauges] == ("accepted", "Hydrological posts along the river (ten).")
