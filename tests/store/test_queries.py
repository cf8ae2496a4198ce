"""The query functions behind `accord commissions|sessions|agreements|commitments|search`."""

from __future__ import annotations

import datetime as dt

import pytest

from accord.errors import NotFoundError
from accord.store.agreements import list_agreements
from accord.store.commissions import list_commissions
from accord.store.commitments import CommitmentFilter, list_commitments
from accord.store.database import Database
from accord.store.search import search
from accord.store.sessions import list_sessions

from .factories import Report, app_report, dawn_report, save, sputnik_report


@pytest.fixture
def filled(db: Database) -> Database:
    """The three reports of the 10th Pakistan–Russia session plus a later Egypt–Russia session."""
    for build in (dawn_report, app_report, sputnik_report):
        save(db, *build())
    report = Report(
        "The 17th Egyptian-Russian Joint Commission met in Cairo. "
        "Both sides agreed to expand wheat exports to Egypt."
    )
    meeting = report.meeting(
        "The 17th Egyptian-Russian Joint Commission met in Cairo",
        name="Egyptian-Russian Joint Commission",
        parties=("EGY", "RUS"),
        ordinal=17,
        start=dt.date(2026, 2, 3),
    )
    wheat = report.commitment(
        "Both sides agreed to expand wheat exports to Egypt.",
        sectors=["agriculture", "trade"],
        topics=["wheat exports"],
    )
    save(db, report.document(), report.extraction(meeting=meeting, commitments=[wheat]))
    return db


def test_list_commissions_gives_parties_aliases_and_session_counts(filled: Database) -> None:
    rows = {row.parties[0] + "-" + row.parties[1]: row for row in list_commissions(filled)}
    assert set(rows) == {"PAK-RUS", "EGY-RUS"}
    assert rows["PAK-RUS"].sessions == 1
    assert "Pak-Russia IGC" in rows["PAK-RUS"].aliases
    assert rows["EGY-RUS"].latest_session == dt.date(2026, 2, 3)


def test_list_sessions_finds_a_commission_by_alias_or_countries(filled: Database) -> None:
    by_alias = list_sessions(filled, "Pak-Russia IGC")
    by_countries = list_sessions(filled, "Pakistan Russia")
    assert [s.id for s in by_alias] == [s.id for s in by_countries]
    assert [(s.ordinal, s.sources, s.agreements, s.commitments) for s in by_alias] == [
        (10, 3, 1, 3)
    ]
    assert [s.ordinal for s in list_sessions(filled)] == [17, 10]


def test_list_sessions_refuses_an_unknown_commission(filled: Database) -> None:
    with pytest.raises(NotFoundError, match="no commission matches"):
        list_sessions(filled, "Atlantis Council")


def test_list_agreements_filters_by_status_and_commission(filled: Database) -> None:
    rows = list_agreements(filled, commission="Pak-Russia IGC", status="signed")
    assert len(rows) == 1
    assert rows[0].parties[0] == "Pakistan Standards and Quality Control Authority (PSQCA)"
    assert rows[0].sources == 3
    assert list_agreements(filled, status="planned") == []


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (CommitmentFilter(), 4),
        (CommitmentFilter(sector="transport"), 1),
        (CommitmentFilter(sector="trade"), 1),
        (CommitmentFilter(strength="exploration"), 1),
        (CommitmentFilter(status="no_evidence"), 4),
        (CommitmentFilter(status="completed"), 0),
        (CommitmentFilter(commission="egyptian russian joint commission"), 1),
        (CommitmentFilter(agency="NDMA"), 1),
        (CommitmentFilter(agency="National Disaster Management Authority"), 1),
        (CommitmentFilter(since=dt.date(2026, 1, 1)), 1),
        (CommitmentFilter(commission="Pak-Russia IGC", sector="health"), 1),
        (CommitmentFilter(limit=2), 2),
    ],
)
def test_list_commitments_applies_each_filter(
    filled: Database, filters: CommitmentFilter, expected: int
) -> None:
    assert len(list_commitments(filled, filters)) == expected


def test_list_commitments_by_session_gives_merged_rows_with_sources(filled: Database) -> None:
    session_id = list_sessions(filled, "Pak-Russia IGC")[0].id
    rows = list_commitments(filled, CommitmentFilter(session=session_id))
    assert sorted(row.sources for row in rows) == [1, 2, 3]
    ndma = next(row for row in rows if row.actors)
    assert ndma.actors[0] == "National Disaster Management Authority (NDMA)"
    assert ndma.to_json()["session_start"] == "2025-11-25"


def test_search_stems_words_and_ranks_commitments_first(filled: Database) -> None:
    hits = search(filled, "pilot trains")
    assert [h.kind for h in hits] == ["commitment", "document", "document", "document"]
    assert "[pilot] [train]" in hits[0].snippet
    assert hits[0].session_id is not None


def test_search_finds_agreement_subjects_and_requires_every_word(filled: Database) -> None:
    assert [h.kind for h in search(filled, "metrology", kinds=["agreement"])] == ["agreement"]
    assert search(filled, "metrology wheat", kinds=["agreement", "commitment"]) == []
    assert [h.kind for h in search(filled, "wheat", kinds=["commitment"])] == ["commitment"]
