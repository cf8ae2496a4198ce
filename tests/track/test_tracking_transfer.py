"""Export and import carry the follow-through: updates, owners, suggestions, links, audit."""

from __future__ import annotations

import datetime as dt
import io

from accord.store.database import Database, open_database, table_counts
from accord.store.followups import list_suggestions
from accord.store.transfer import export_jsonl, import_jsonl
from accord.track.followup_suggestions import confirm, dismiss
from accord.track.ingestion import after_ingest
from accord.track.names import record_names
from accord.track.review import Correction, decide, organisation_ref
from accord.track.scorecard import scorecard
from accord.track.status import set_status

from .records import save_first, save_second

TRACKING = [
    "status_updates",
    "commitment_owners",
    "followup_suggestions",
    "commitment_links",
    "audit_log",
]


def exported(db: Database) -> str:
    out = io.StringIO()
    export_jsonl(db, out)
    return out.getvalue()


def test_export_import_round_trips_the_follow_through(
    db: Database, other_database_url: str
) -> None:
    train, gauges, *_ = save_first(db)
    after_ingest(db, [save_second(db)], "tester")
    set_status(db, train, "in_progress", "amina", note="wagons ordered", as_of=dt.date(2025, 9, 1))
    owner = Correction(owners=(organisation_ref("Kazhydromet@KAZ"),))
    decide(db, "commitment", [gauges], "correct", "amina", owner)
    restated, progress = sorted(list_suggestions(db), key=lambda s: s.kind, reverse=True)
    confirm(db, restated.id, "amina")
    dismiss(db, progress.id, "amina")
    counts = table_counts(db, TRACKING)
    assert all(counts.values()), counts
    first = exported(db)
    other = open_database(other_database_url, names=record_names)
    try:
        import_jsonl(other, io.StringIO(first))
        assert exported(other) == first
        assert table_counts(other, TRACKING) == counts
        assert scorecard(other, "session")[-1] == scorecard(db, "session")[-1]
        # Ids continue after the imported ones.
        set_status(other, gauges, "completed", "bolat", as_of=dt.date(2026, 1, 1))
        assert table_counts(other, ["status_updates"])["status_updates"] == 2
    finally:
        other.dispose()
