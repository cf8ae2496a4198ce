"""The analysts' exports, read back with csv, openpyxl, icalendar and the JSON Lines importer."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

from icalendar import Calendar
from openpyxl import load_workbook

from accord.core.follow_through import due_date
from accord.report.commitment_table import COLUMNS, HISTORY_COLUMNS
from accord.report.downloads import export_calendar, export_commitments, export_record
from accord.store.commitments import CommitmentFilter, CommitmentRow, list_commitments
from accord.store.statuses import status_history
from accord.store.transfer import export_jsonl

from .conftest import Record


def stored(record: Record) -> dict[int, CommitmentRow]:
    return {c.id: c for c in list_commitments(record.db, CommitmentFilter(limit=None))}


def test_commitments_csv_has_every_commitment_with_all_fields(record: Record) -> None:
    rendered = export_commitments(record.db, "csv")
    rows = list(csv.DictReader(io.StringIO(rendered.content.decode("utf-8-sig"))))
    expected = stored(record)
    assert rendered.media_type.startswith("text/csv")
    assert list(rows[0]) == list(COLUMNS)
    assert sorted(int(r["id"]) for r in rows) == sorted(expected)
    for row in rows:
        commitment = expected[int(row["id"])]
        assert row["text"] == commitment.text
        assert row["status"] == commitment.status
        assert row["due"] == (commitment.due or "")
        assert row["sectors"] == " | ".join(commitment.sectors)
    pilot = next(r for r in rows if int(r["id"]) == record.pilot_train)
    assert pilot["status"] == "completed" and pilot["status_updates"] == "1"
    assert pilot["status_history"].startswith("2025-10-10 completed (secretariat)")
    assert pilot["due_by"] == str(due_date(pilot["due"]))
    assert "Kazakhstan–Uzbekistan" in pilot["commission"]


def test_commitments_xlsx_has_sheets_for_commitments_history_and_evidence(record: Record) -> None:
    workbook = load_workbook(io.BytesIO(export_commitments(record.db, "xlsx").content))
    assert workbook.sheetnames == ["Commitments", "Status history", "Evidence"]
    main = list(workbook["Commitments"].iter_rows(values_only=True))
    assert main[0] == COLUMNS
    by_id = {row[0]: dict(zip(COLUMNS, row, strict=True)) for row in main[1:]}
    assert set(by_id) == set(stored(record))
    assert by_id[record.gauging_stations]["status"] == "stalled"
    history = list(workbook["Status history"].iter_rows(values_only=True))
    assert history[0] == HISTORY_COLUMNS
    expected = [
        (c, h.as_of.isoformat(), h.status, h.author)
        for c in sorted(by_id)
        for h in status_history(record.db, c)
    ]
    assert [row[:4] for row in history[1:]] == expected
    gauging = next(row for row in history[1:] if row[0] == record.gauging_stations)
    assert gauging[-1] == "https://water.example.org/syr-darya-gauging"
    evidence = list(workbook["Evidence"].iter_rows(values_only=True))
    assert {row[0] for row in evidence[1:]} == set(by_id)  # every commitment cites a source


def test_calendar_has_due_dates_of_open_commitments_and_announced_sessions(record: Record) -> None:
    rendered = export_calendar(record.db)
    calendar = Calendar.from_ical(rendered.content)
    events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    assert rendered.media_type.startswith("text/calendar")
    open_with_due = {
        c.id: c
        for c in stored(record).values()
        if c.due and c.status not in ("completed", "dropped")
    }
    due_events = {uid for uid in events if uid.startswith("commitment-")}
    assert due_events == {f"commitment-{i}@accord.local" for i in open_with_due}
    for commitment_id, commitment in open_with_due.items():
        event = events[f"commitment-{commitment_id}@accord.local"]
        assert event.decoded("DTSTART") == due_date(commitment.due)
        assert str(event["SUMMARY"]).startswith("Due: ")
    assert f"commitment-{record.pilot_train}@accord.local" not in events  # completed
    sessions = [e for uid, e in events.items() if uid.startswith("next-session-")]
    eleventh = next(e for e in sessions if str(e["SUMMARY"]).startswith("11th session: Pakistan"))
    assert eleventh.decoded("DTSTART") == dt.date(2026, 1, 1)
    assert eleventh.decoded("DTEND") == dt.date(2027, 1, 1)
    assert str(eleventh["LOCATION"]) == "Russia"
    assert "decided to hold the 11th session" in str(eleventh["DESCRIPTION"])


def test_calendar_of_one_commission_leaves_the_others_out(record: Record) -> None:
    calendar = Calendar.from_ical(export_calendar(record.db, "Pakistan-Russia").content)
    summaries = [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")]
    assert summaries and not any("Kazakhstan" in s for s in summaries)


def test_record_export_is_the_store_json_lines_export(record: Record) -> None:
    rendered = export_record(record.db)
    out = io.StringIO()
    export_jsonl(record.db, out)
    lines = rendered.content.decode().splitlines()
    assert json.loads(lines[0])["format"] == "accord.export/1"
    # The same rows as the store's own export (the header and snapshot time aside).
    assert lines[1:] == out.getvalue().splitlines()[1:]
    assert rendered.filename == "accord-record.jsonl"
