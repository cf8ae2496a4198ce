"""Saving extractions: one document once, one session per meeting, merged findings."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from accord.errors import StoreError
from accord.store.database import Database, table_counts
from accord.store.models import (
    Agreement,
    Commission,
    CommissionAlias,
    Commitment,
    Document,
    Evidence,
    MeetingSession,
    Organisation,
    OrganisationAlias,
    Person,
)

from .factories import Report, app_report, dawn_report, save, sputnik_report


def save_all(db: Database) -> None:
    for build in (dawn_report, app_report, sputnik_report):
        save(db, *build())


def sources_per_commitment(db: Database) -> dict[str, int]:
    with db.reading() as session:
        rows = session.execute(
            select(Commitment.text, func.count(func.distinct(Evidence.document_id)))
            .join(Evidence, Evidence.commitment_id == Commitment.id)
            .group_by(Commitment.id, Commitment.text)
        ).all()
    return {text.split(" ", 6)[-1][:30]: count for text, count in rows}


def test_save_extraction_stores_a_document_once_by_hash(db: Database) -> None:
    document, extraction = dawn_report()
    first = save(db, document, extraction)
    again = save(db, document.model_copy(update={"source": "copy.txt"}), extraction)
    assert (first.status, again.status) == ("new", "known")
    assert first.document_key == again.document_key == document.id
    counts = table_counts(db, ["documents", "extraction_runs", "sessions", "commitments"])
    assert counts == {"documents": 1, "extraction_runs": 1, "sessions": 1, "commitments": 2}


def test_save_extraction_merges_three_reports_into_one_session(db: Database) -> None:
    save_all(db)
    counts = table_counts(
        db, ["documents", "sessions", "session_sources", "agreements", "commitments", "commissions"]
    )
    assert counts == {
        "documents": 3,
        "sessions": 1,
        "session_sources": 3,
        "agreements": 1,
        "commitments": 3,
        "commissions": 1,
    }
    # The pilot train in three wordings, the NDMA item in two, insulin once.
    assert sorted(sources_per_commitment(db).values()) == [1, 2, 3]
    with db.reading() as session:
        row = session.scalars(select(MeetingSession)).one()
        agreement_sources = session.scalar(
            select(func.count(func.distinct(Evidence.document_id))).where(
                Evidence.agreement_id.is_not(None)
            )
        )
        people = session.scalars(select(Person.name)).all()
    assert (row.ordinal, row.start_date, row.end_date) == (
        10,
        dt.date(2025, 11, 25),
        dt.date(2025, 11, 27),
    )
    assert (row.venue_city, row.venue_country) == ("Islamabad", "PAK")
    assert agreement_sources == 3
    assert sorted(people) == ["Sardar Awais Ahmad Khan Leghari", "Sergei Tsivilev"]


def test_save_extraction_resolves_one_organisation_under_every_name(db: Database) -> None:
    save_all(db)
    with db.reading() as session:
        psqca = session.scalars(select(Organisation).where(Organisation.acronym == "PSQCA")).one()
        keys = set(
            session.scalars(
                select(OrganisationAlias.key).where(OrganisationAlias.organisation_id == psqca.id)
            )
        )
        standards = session.scalar(
            select(func.count())
            .select_from(Organisation)
            .where(Organisation.key.contains("standards"))
        )
    assert psqca.name == "Pakistan Standards and Quality Control Authority"
    assert psqca.country == "PAK"
    assert {"psqca", "pakistan standards and quality control authority"} <= keys
    assert "the pakistan standards and quality control authority psqca" in keys
    assert standards == 1


def test_save_extraction_resolves_one_commission_under_every_name(db: Database) -> None:
    save_all(db)
    with db.reading() as session:
        commission = session.scalars(select(Commission)).one()
        names = set(session.scalars(select(CommissionAlias.name)))
    assert commission.parties == "PAK,RUS"
    assert names == {
        "Pak-Russia IGC",
        "Pakistan–Russia Intergovernmental Commission on Trade, Economic, Scientific and "
        "Technical Cooperation",
    }


def test_save_extraction_keeps_a_clearly_different_body_apart(db: Database) -> None:
    save(db, *dawn_report())
    report = Report("The Pakistan-Russia Joint Working Group on Counter-Terrorism met in Moscow.")
    meeting = report.meeting(
        "The Pakistan-Russia Joint Working Group on Counter-Terrorism met in Moscow",
        kind="working_group",
        name="Pakistan-Russia Joint Working Group on Counter-Terrorism",
        ordinal=10,
        start=dt.date(2025, 11, 26),
    )
    save(db, report.document(), report.extraction(meeting=meeting))
    assert table_counts(db, ["commissions", "sessions"]) == {"commissions": 2, "sessions": 2}


def test_save_extraction_tells_sessions_apart_by_ordinal(db: Database) -> None:
    for ordinal, day in ((10, 25), (11, 26)):
        report = Report(f"The {ordinal}th session of the Pak-Russia IGC opened.")
        meeting = report.meeting(
            f"The {ordinal}th session of the Pak-Russia IGC",
            name="Pak-Russia IGC",
            ordinal=ordinal,
            start=dt.date(2025, 11, day),
        )
        save(db, report.document(), report.extraction(meeting=meeting))
    assert table_counts(db, ["commissions", "sessions"]) == {"commissions": 1, "sessions": 2}


def test_save_extraction_without_meeting_stores_document_and_run_only(db: Database) -> None:
    report = Report("The provincial budget was presented on Friday. Schools will get more.")
    commitment = report.commitment("Schools will get more.", sectors=["education"])
    save(db, report.document(), report.extraction(commitments=[commitment]))
    counts = table_counts(
        db, ["documents", "extraction_runs", "sessions", "commitments", "evidence"]
    )
    assert counts == {
        "documents": 1,
        "extraction_runs": 1,
        "sessions": 0,
        "commitments": 0,
        "evidence": 0,
    }


def test_save_extraction_refuses_ungrounded_evidence_and_writes_nothing(db: Database) -> None:
    document, extraction = dawn_report()
    last = extraction.commitments[-1]
    moved = last.model_copy(update={"start": last.start + 1, "end": last.end + 1})
    broken = extraction.model_copy(update={"commitments": [*extraction.commitments[:-1], moved]})
    with pytest.raises(StoreError, match="does not match the document text"):
        save(db, document, broken)
    counts = table_counts(
        db, ["documents", "extraction_runs", "sessions", "organisations", "evidence"]
    )
    assert set(counts.values()) == {0}


def test_save_extraction_refuses_an_extraction_of_another_text(db: Database) -> None:
    document, _ = dawn_report()
    _, other = app_report()
    with pytest.raises(StoreError, match="another text"):
        save(db, document, other)
    with db.reading() as session:
        assert session.scalar(select(func.count()).select_from(Document)) == 0


def test_save_extraction_links_co_chairs_to_the_session(db: Database) -> None:
    save(db, *dawn_report())
    counts = table_counts(db, ["people", "posts"])
    assert counts == {"people": 2, "posts": 2}
    with db.reading() as session:
        evidence = session.scalars(select(Evidence.text).where(Evidence.post_id.is_not(None))).all()
    assert sorted(evidence) == ["Energy Minister Awais Leghari", "Sergei Tsivilev"]


def test_save_extraction_keeps_agreement_and_commitment_drafts(db: Database) -> None:
    save_all(db)
    with db.reading() as session:
        states = set(session.scalars(select(Agreement.review_state))) | set(
            session.scalars(select(Commitment.review_state))
        )
    assert states == {"draft"}


def test_save_extraction_joins_numbered_meetings_of_no_commission_by_parties(
    db: Database,
) -> None:
    for outlet in ("a.txt", "b.txt"):
        report = Report(f"The 5th Poland-Vietnam business forum opened ({outlet}).", source=outlet)
        meeting = report.meeting(
            "The 5th Poland-Vietnam business forum opened",
            kind="other",
            parties=("POL", "VNM"),
            ordinal=5,
        )
        save(db, report.document(), report.extraction(meeting=meeting))
    assert table_counts(db, ["commissions", "sessions", "session_sources"]) == {
        "commissions": 0,
        "sessions": 1,
        "session_sources": 2,
    }
