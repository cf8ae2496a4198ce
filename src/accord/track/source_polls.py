"""Following sources: poll each due feed, keep its new entries, ingest those about a meeting.

A poll reads a source (conditionally: an unchanged feed costs one 304), keeps the
entries it has not listed before as ``new``, then fetches and extracts each new
entry. An entry whose text reports a bilateral meeting is stored through the ingest
use case, with its follow-through; one that does not is kept as ``skipped`` with
the reason, visible and ingestable anyway (``ingest_entries``); one that cannot be
fetched or read is kept as ``error`` with the reason. Only new entries are fetched;
an address stored before is linked to its document without fetching it again.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from accord.errors import AccordError, ConfigError, IngestError
from accord.extract.pipeline import Extractor, get_extractor
from accord.ingest import (
    Fetcher,
    NotModified,
    Validators,
    fetch_document,
    link_pattern,
    read_feed,
)
from accord.store.database import Database
from accord.store.document_fetches import document_at_address
from accord.store.documents import document_of
from accord.store.models import Source
from accord.store.rows import QueryRow
from accord.store.sources import (
    add_entries,
    due_sources,
    entry_of,
    pending_entries,
    record_poll,
    set_entry_status,
    source_of,
)
from accord.track.ingestion import IngestOptions, store_document

# At most this many new entries of one source are fetched in one poll; the rest stay
# new for the next poll, so a first poll of a long sitemap does not fetch for hours.
ENTRIES_PER_POLL = 50
NO_MEETING = "no bilateral meeting found in the text"
PollStatus = Literal["ok", "not_modified", "error"]
_INTERVAL = re.compile(r"^\s*(\d+)\s*([mhdw])\s*$", re.IGNORECASE)
_UNIT_SECONDS = {"m": 60, "h": 3600, "d": 86400, "w": 604800}


@dataclass(frozen=True)
class EntryOutcome(QueryRow):
    """What became of one entry: ingested (with its document), skipped or error, and why."""

    id: int
    source: str
    url: str
    status: str
    reason: str | None = None
    document: str | None = None


@dataclass
class SourcePoll:
    """One source's poll: how reading it went, how many entries were new, each entry's fate."""

    source: str
    status: PollStatus
    error: str | None = None
    found: int = 0
    entries: list[EntryOutcome] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        return {
            "source": self.source,
            "status": self.status,
            "error": self.error,
            "found": self.found,
            "entries": [entry.to_json() for entry in self.entries],
        }


@dataclass
class PollReport:
    polls: list[SourcePoll] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for poll in self.polls for e in poll.entries if e.status == status)

    @property
    def failed(self) -> bool:
        return any(poll.status == "error" for poll in self.polls) or self.count("error") > 0

    def to_json(self) -> dict[str, object]:
        return {
            "sources": [poll.to_json() for poll in self.polls],
            "ingested": self.count("ingested"),
            "skipped": self.count("skipped"),
            "errors": self.count("error"),
        }


def interval_seconds(text: str) -> int:
    """``"30m"``, ``"6h"``, ``"1d"``, ``"2w"`` in seconds; a ConfigError otherwise."""
    match = _INTERVAL.match(text)
    if match is None or int(match.group(1)) == 0:
        raise ConfigError(f"poll interval {text!r}: give a number and m, h, d or w (e.g. 6h)")
    return int(match.group(1)) * _UNIT_SECONDS[match.group(2).lower()]


def poll_sources(
    database: Database,
    fetcher: Fetcher,
    options: IngestOptions,
    *,
    names: Sequence[str] = (),
    now: dt.datetime | None = None,
    per_source: int = ENTRIES_PER_POLL,
    on_entry: Callable[[EntryOutcome], None] | None = None,
) -> PollReport:
    """Poll the sources due at ``now`` (or those named, due or not), each in turn."""
    now = now or dt.datetime.now(dt.UTC)
    with database.reading() as session:
        if names:
            sources = [source_of(session, name) for name in names]
        else:
            sources = due_sources(session, now)
    report = PollReport()
    if not sources:
        return report
    extractor = get_extractor(options.extractor, options.gazetteer_files)
    for source in sources:
        poll = _read_source(database, fetcher, source, now)
        if poll.status != "error":
            with database.reading() as session:
                ids = [entry.id for entry in pending_entries(session, source, per_source)]
            for entry_id in ids:
                outcome = _ingest_entry(database, fetcher, extractor, entry_id, options, False)
                poll.entries.append(outcome)
                if on_entry is not None:
                    on_entry(outcome)
        report.polls.append(poll)
    return report


def ingest_entries(
    database: Database,
    fetcher: Fetcher,
    entry_ids: Sequence[int],
    options: IngestOptions,
    on_entry: Callable[[EntryOutcome], None] | None = None,
) -> list[EntryOutcome]:
    """Fetch and ingest entries whatever their status, meeting or not (a person asked)."""
    extractor = get_extractor(options.extractor, options.gazetteer_files)
    outcomes = []
    for entry_id in entry_ids:
        outcome = _ingest_entry(database, fetcher, extractor, entry_id, options, True)
        outcomes.append(outcome)
        if on_entry is not None:
            on_entry(outcome)
    return outcomes


def _read_source(
    database: Database, fetcher: Fetcher, source: Source, now: dt.datetime
) -> SourcePoll:
    """Read the feed and keep its new entries, noting the poll on the source."""
    try:
        pattern = link_pattern(source.pattern) if source.pattern else None
        validators = Validators(etag=source.etag, last_modified=source.last_modified)
        feed = read_feed(fetcher, source.url, pattern=pattern, validators=validators)
    except AccordError as exc:
        with database.writing() as session:
            row = source_of(session, str(source.id))
            record_poll(session, row, at=now, status="error", error=str(exc))
        return SourcePoll(source.name, "error", error=str(exc))
    with database.writing() as session:
        row = source_of(session, str(source.id))
        if isinstance(feed, NotModified):
            record_poll(session, row, at=now, status="not_modified", found=0)
            return SourcePoll(source.name, "not_modified")
        found = add_entries(session, row, feed.entries)
        problems = "; ".join(feed.problems) or None
        record_poll(
            session,
            row,
            at=now,
            status="ok",
            error=problems,
            kind=feed.kind,
            validators=(feed.validators.etag, feed.validators.last_modified),
            found=found,
        )
    return SourcePoll(source.name, "ok", error=problems, found=found)


def _ingest_entry(
    database: Database,
    fetcher: Fetcher,
    extractor: Extractor,
    entry_id: int,
    options: IngestOptions,
    anyway: bool,
) -> EntryOutcome:
    """Fetch, extract and store one entry (unless it reports no meeting), noting its fate."""
    with database.reading() as session:
        entry = entry_of(session, entry_id)
        source = source_of(session, str(entry.source_id)).name
        known = document_at_address(session, entry.url)
        stored = (known.id, known.key) if known is not None else None
    url = entry.url
    status, reason = "error", None
    if stored is not None:
        status, reason = "ingested", "stored before from this address"
    else:
        try:
            document = fetch_document(fetcher, url, options.overrides)
            extraction = extractor.extract(document)
            if extraction.meeting is None and not anyway:
                status, reason = "skipped", NO_MEETING
            else:
                event = store_document(database, url, document, extraction, options)
                if event.status == "failed" or event.document_key is None:
                    reason = (event.error or "not stored").removeprefix(f"{url}: ")
                else:
                    with database.reading() as session:
                        stored = (document_of(session, event.document_key).id, event.document_key)
                    status, reason = "ingested", event.follow_through_error
        except AccordError as exc:
            reason = exc.problem if isinstance(exc, IngestError) else str(exc)
    with database.writing() as session:
        set_entry_status(
            session,
            entry_of(session, entry_id),
            status,
            at=dt.datetime.now(dt.UTC),
            reason=reason,
            document_id=stored[0] if stored else None,
        )
    return EntryOutcome(entry_id, source, url, status, reason, stored[1] if stored else None)
