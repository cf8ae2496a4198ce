"""The session brief in every format, checked against the store with real readers."""

from __future__ import annotations

import datetime as dt

import pytest

from accord.errors import NotFoundError
from accord.report.downloads import render_session_brief
from accord.report.session_brief import build_session_brief
from accord.store.agreements import list_agreements
from accord.store.commitments import CommitmentFilter, list_commitments
from accord.store.sessions import find_session, list_sessions

from .conftest import Record
from .readers import folded, read_docx, read_pdf

TODAY = dt.date(2026, 3, 1)
PILOT_TRAIN = "confirmed their intention to operationalise a pilot train"


def seed_session(record: Record) -> int:
    return find_session(record.db, "Pakistan-Russia #10")


def test_session_brief_markdown_states_the_meeting_as_stored(record: Record) -> None:
    session_id = seed_session(record)
    text = render_session_brief(record.db, session_id, "md", TODAY).content.decode()
    commitments = list_commitments(record.db, CommitmentFilter(session=session_id, limit=None))
    signed = list_agreements(record.db, session_id=session_id, status="signed")
    assert text.startswith("# Session brief: 10th session of the Pakistan-Russia")
    for expected in (
        "| Dates | 25–27 November 2025 |",
        "| Venue | Islamabad, Pakistan |",
        "| Pakistan | Awais Leghari | Energy Minister |",
        "Sergei Tsivilev",
        f"## Documents signed ({len(signed)})",
        f"## Commitments ({len(commitments)})",
        PILOT_TRAIN,
        "The 11th session is to be held in Russia, in 2026.",
        "![Number of commitments made at the session",
        "data:image/png;base64,",
    ):
        assert expected in text, expected
    # Every commitment is listed once, under its primary sector.
    assert sum(f"| {c.id} | " in text for c in commitments) == len(commitments)


def test_session_brief_docx_has_word_headings_tables_and_the_chart(record: Record) -> None:
    session_id = seed_session(record)
    rendered = render_session_brief(record.db, session_id, "docx", TODAY)
    word = read_docx(rendered.content)
    commitments = list_commitments(record.db, CommitmentFilter(session=session_id, limit=None))
    assert rendered.media_type.endswith("wordprocessingml.document")
    assert word.title.startswith("Session brief: 10th session")
    assert word.headings[1] == [
        "The meeting",
        "Co-chairs",
        "Documents signed (3)",
        "Documents planned (3)",
        f"Commitments ({len(commitments)})",
        "Next session",
        "Sources",
    ]
    assert {"Transport and logistics (1)", "Emergencies (2)"} <= set(word.headings[2])
    co_chairs = next(t for t in word.tables if t[0][:3] == ["Side", "Name", "Post"])
    assert [row[1] for row in co_chairs[1:]] == ["Awais Leghari", "Sergei Tsivilev"]
    listed = [row[0] for t in word.tables if t[0][:2] == ["#", "Commitment"] for row in t[1:]]
    assert sorted(listed, key=int) == [str(c.id) for c in reversed(commitments)]
    assert word.pictures == 1
    assert PILOT_TRAIN in word.text
    assert "Dawn, 28 November 2025" in word.text


def test_session_brief_pdf_prints_the_facts_and_commitments(record: Record) -> None:
    session_id = seed_session(record)
    rendered = render_session_brief(record.db, session_id, "pdf", TODAY)
    pages, text = read_pdf(rendered.content)
    assert rendered.media_type == "application/pdf"
    assert pages >= 2
    for expected in ("Awais Leghari", "Sergei Tsivilev", "25–27 November 2025", "Next session"):
        assert expected in text, expected
    assert folded(PILOT_TRAIN) in text
    assert "Page 1 of" in text


def test_session_brief_html_is_self_contained_and_print_ready(record: Record) -> None:
    html = render_session_brief(record.db, seed_session(record), "html", TODAY).content.decode()
    assert html.startswith("<!DOCTYPE html>")
    assert "@page" in html and "<style>" in html
    assert 'src="data:image/png;base64,' in html
    assert "<link" not in html and "<script" not in html and 'src="http' not in html


def test_session_brief_of_a_session_reported_by_two_outlets_cites_both(record: Record) -> None:
    brief = build_session_brief(record.db, "Kazakhstan–Uzbekistan #20", TODAY)
    stored = next(s for s in list_sessions(record.db) if s.ordinal == 20)
    assert brief.session.id == stored.id
    assert [c.name for c in brief.co_chairs] == ["Bakhodir Alimov", "Nurlan Abenov"]
    assert len(brief.sources) == stored.sources == 2
    assert brief.commitment_count == stored.commitments
    assert brief.next_meeting is not None and brief.next_meeting.ordinal == 21
    outlets = {c.outlet for c in brief.co_chairs[0].citations}
    assert outlets == {None, "Eurasia Trade Monitor"}
    text = render_session_brief(record.db, stored.id, "md", TODAY).content.decode()
    assert "Eurasia Trade Monitor, Kazakh-Uzbek commission: a weekly train" in text
    assert "Kazakhstan Temir Zholy (KTZ)" in text  # an owner, from the commitment's actors


def test_session_brief_names_sessions_by_id_number_or_commission(record: Record) -> None:
    latest = build_session_brief(record.db, "Kazakhstan–Uzbekistan", TODAY)
    assert latest.session.ordinal == 21
    by_id = build_session_brief(record.db, str(latest.session.id), TODAY)
    assert by_id.session == latest.session
    assert (
        build_session_brief(record.db, "kazakhstan uzbekistan 19th session").session.ordinal == 19
    )
    with pytest.raises(NotFoundError, match="has no session 7"):
        build_session_brief(record.db, "Kazakhstan–Uzbekistan #7")
    with pytest.raises(NotFoundError, match="no commission matches"):
        build_session_brief(record.db, "Atlantis commission")
    with pytest.raises(NotFoundError, match="no session has id 999"):
        build_session_brief(record.db, "999")
