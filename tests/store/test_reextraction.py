"""Re-extraction by a newer extractor: it updates its own output and nothing a person touched."""

from __future__ import annotations

from sqlalchemy import select, update

from accord.core.records import Extraction
from accord.store.database import Database, table_counts
from accord.store.models import Commitment

from .factories import app_report, dawn_report, save


def newer(extraction: Extraction, version: str = "2.0.0", **changes: object) -> Extraction:
    """The same extraction as a newer extractor version would give it."""
    assert extraction.extractor is not None
    extractor = extraction.extractor.model_copy(update={"version": version})
    return extraction.model_copy(update={"extractor": extractor, **changes})


def with_strength(extraction: Extraction, strength: str) -> Extraction:
    commitments = [c.model_copy(update={"strength": strength}) for c in extraction.commitments]
    return newer(extraction, commitments=commitments)


def commitments(db: Database) -> list[Commitment]:
    with db.reading() as session:
        return list(session.scalars(select(Commitment).order_by(Commitment.id)))


def test_resave_with_a_newer_extractor_updates_unedited_fields(db: Database) -> None:
    document, extraction = dawn_report()
    save(db, document, extraction)
    outcome = save(db, document, with_strength(extraction, "decision"))
    assert outcome.status == "updated"
    assert [c.strength for c in commitments(db)] == ["decision", "decision"]
    assert table_counts(db, ["documents", "extraction_runs", "commitments", "sessions"]) == {
        "documents": 1,
        "extraction_runs": 2,
        "commitments": 2,
        "sessions": 1,
    }


def test_resave_never_overwrites_a_field_a_person_edited(db: Database) -> None:
    document, extraction = dawn_report()
    save(db, document, extraction)
    first = commitments(db)[0]
    with db.writing() as session:
        session.execute(
            update(Commitment)
            .where(Commitment.id == first.id)
            .values(strength="exploration", edited_fields=["strength"], review_state="accepted")
        )
    save(db, document, with_strength(extraction, "decision"))
    edited, untouched = commitments(db)
    assert (edited.id, edited.strength, edited.review_state) == (
        first.id,
        "exploration",
        "accepted",
    )
    assert untouched.strength == "decision"


def test_resave_keeps_a_rejected_item_rejected(db: Database) -> None:
    document, extraction = dawn_report()
    save(db, document, extraction)
    rejected = commitments(db)[0]
    with db.writing() as session:
        session.execute(
            update(Commitment).where(Commitment.id == rejected.id).values(review_state="rejected")
        )
    save(db, document, with_strength(extraction, "decision"))
    rows = commitments(db)
    assert len(rows) == 2
    assert (rows[0].id, rows[0].review_state, rows[0].strength) == (
        rejected.id,
        "rejected",
        "intention",
    )
    # A newer extractor that no longer finds it does not delete the person's decision either.
    save(db, document, newer(extraction, "3.0.0", commitments=[]))
    assert [(c.id, c.review_state) for c in commitments(db)] == [(rejected.id, "rejected")]


def test_resave_drops_what_only_the_old_extraction_found(db: Database) -> None:
    document, extraction = dawn_report()
    save(db, document, extraction)
    save(db, document, newer(extraction, commitments=extraction.commitments[:1], agreements=[]))
    assert table_counts(db, ["commitments", "agreements", "agreement_parties"]) == {
        "commitments": 1,
        "agreements": 0,
        "agreement_parties": 0,
    }


def test_resave_keeps_items_other_reports_still_back(db: Database) -> None:
    document, extraction = dawn_report()
    save(db, document, extraction)
    save(db, *app_report())
    save(db, document, newer(extraction, commitments=[], agreements=[]))
    texts = [c.text for c in commitments(db)]
    # The pilot train stays (APP still reports it, and now owns it); the NDMA item goes.
    assert len(texts) == 2
    assert any("pilot train" in t for t in texts)
    assert not any("NDMA" in t for t in texts)
    with db.reading() as session:
        owners = set(session.scalars(select(Commitment.owner_document_id)))
    assert len(owners) == 1
