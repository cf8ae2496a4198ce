"""An iCalendar file of what falls due: commitments' due dates and the sessions announced.

A commitment due "2026" or "2026-03" is due by the last day of that period,
so it becomes an all-day event on that day. An announced session is an
all-day event over the period announced: its day, its month or its year.
Completed and dropped commitments are left out (nothing is owed any more);
UIDs are stable, so importing a newer file updates the events in place.
"""

from __future__ import annotations

import calendar
import datetime as dt

from icalendar import Calendar, Event

from accord.core.follow_through import CLOSED_STATUSES, due_date
from accord.report.phrases import (
    one_line,
    ordinal_text,
    organisations_text,
    partial_date_text,
    place_text,
    source_label,
    status_label,
)
from accord.store.commitments import CommitmentItem, all_commitments
from accord.store.database import Database
from accord.store.sessions import NextMeetingRow, all_next_meetings

PRODUCT_ID = "-//Accord//Commission follow-through//EN"
UID_DOMAIN = "accord.local"
SUMMARY_WORDS = 14


def _period(value: str) -> tuple[dt.date, dt.date]:
    """The first day of a partial date's period and the day after its last."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        day = dt.date(*parts)
        return day, day + dt.timedelta(days=1)
    if len(parts) == 2:
        year, month = parts
        last = calendar.monthrange(year, month)[1]
        return dt.date(year, month, 1), dt.date(year, month, last) + dt.timedelta(days=1)
    return dt.date(parts[0], 1, 1), dt.date(parts[0] + 1, 1, 1)


def _short(text: str) -> str:
    words = one_line(text).split()
    return " ".join(words[:SUMMARY_WORDS]) + (" …" if len(words) > SUMMARY_WORDS else "")


def commitment_event(item: CommitmentItem, stamp: dt.datetime) -> Event | None:
    last_day = due_date(item.due)
    if last_day is None or item.status in CLOSED_STATUSES or item.review_state == "rejected":
        return None
    event = Event()
    event.add("uid", f"commitment-{item.id}@{UID_DOMAIN}")
    event.add("dtstamp", stamp)
    event.add("dtstart", last_day)
    event.add("dtend", last_day + dt.timedelta(days=1))
    event.add("summary", f"Due: {_short(item.text)}")
    lines = [
        one_line(item.text),
        "",
        f"Commission: {item.commission or 'unknown'}, {ordinal_text(item.ordinal)} session".rstrip(
            ", "
        ),
        f"Due: {partial_date_text(item.due)} (by {last_day.isoformat()})",
        f"Status: {status_label(item.status)}",
        f"Strength: {item.strength}",
    ]
    owners = "; ".join(o.name for o in item.owners) or organisations_text(item.actors)
    if owners:
        lines.append(f"Owners: {owners}")
    lines += [f"Source: {source_label(c)}" for c in item.citations]
    event.add("description", "\n".join(lines))
    event.add("categories", ["Accord", "commitment due", *item.sectors])
    event.add("transp", "TRANSPARENT")
    return event


def session_event(row: NextMeetingRow, stamp: dt.datetime) -> Event | None:
    if not row.planned_for:
        return None
    start, end = _period(row.planned_for)
    place = place_text(row.city, row.country)
    number = f"{ordinal_text(row.ordinal)} session" if row.ordinal else "Next session"
    event = Event()
    event.add("uid", f"next-session-{row.id}@{UID_DOMAIN}")
    event.add("dtstamp", stamp)
    event.add("dtstart", start)
    event.add("dtend", end)
    event.add("summary", f"{number}: {row.commission or 'commission'}")
    if place:
        event.add("location", place)
    lines = [
        f"Announced for {partial_date_text(row.planned_for)}" + (f" in {place}" if place else "")
    ]
    lines += [f"Source: {source_label(c)}: “{one_line(c.quote)}”" for c in row.citations]
    event.add("description", "\n".join(lines))
    event.add("categories", ["Accord", "announced session"])
    event.add("transp", "TRANSPARENT")
    return event


def calendar_ics(
    database: Database, commission_id: int | None = None, stamp: dt.datetime | None = None
) -> bytes:
    """The calendar of due dates and announced sessions (of one commission, or all)."""
    stamp = stamp or dt.datetime.now(dt.UTC).replace(microsecond=0)
    cal = Calendar()
    cal.add("prodid", PRODUCT_ID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "Accord: due dates and sessions")
    for item in all_commitments(database, commission_id, with_rejected=False):
        event = commitment_event(item, stamp)
        if event is not None:
            cal.add_component(event)
    for row in all_next_meetings(database, commission_id):
        event = session_event(row, stamp)
        if event is not None:
            cal.add_component(event)
    return bytes(cal.to_ical())
