"""The one read model of a session, shared by the listing, the session page and the brief."""

from __future__ import annotations

from accord.store.database import Database
from accord.store.session_records import session_detail, session_record
from accord.store.sessions import list_sessions

from .factories import app_report, dawn_report, save, variant


def test_session_sources_put_undated_documents_last_on_every_backend(db: Database) -> None:
    undated, extraction = variant(*dawn_report(), 1)
    save(db, undated.model_copy(update={"published": None}), extraction)
    save(db, *dawn_report())
    save(db, *app_report())
    [row] = list_sessions(db)
    page, brief = session_detail(db, row.id), session_record(db, row.id)
    assert [(s.outlet, s.published is None) for s in page.sources] == [
        ("APP", False),
        ("Dawn", False),
        ("Dawn", True),
    ]
    assert brief.sources == page.sources


def test_session_page_brief_and_listing_read_one_session_model(db: Database) -> None:
    save(db, *dawn_report())
    save(db, *app_report())
    [row] = list_sessions(db)
    page, brief = session_detail(db, row.id), session_record(db, row.id)
    assert page.session == brief.facts == row
    assert (row.sources, row.commitments, row.agreements) == (2, 3, 1)
    assert {c.quote for c in row.citations} >= {
        "the three-day 10th Pakistan-Russia Intergovernmental Commission (IGC)"
    }
    assert row.to_json()["citations"][0]["published"] == "2025-11-27"  # type: ignore[index]


def test_co_chairs_carry_their_post_on_the_page_and_in_the_brief(db: Database) -> None:
    save(db, *dawn_report())
    [row] = list_sessions(db)
    page, brief = session_detail(db, row.id), session_record(db, row.id)
    assert [(c.name, c.post) for c in page.co_chairs] == [
        ("Awais Leghari", "Energy Minister"),
        ("Sergei Tsivilev", None),
    ]
    assert brief.co_chairs == page.co_chairs
    assert page.co_chairs[0].citations[0].quote == "Energy Minister Awais Leghari"
