"""Follow-ups on ingest read the follow-up vocabulary of the gazetteer files they are given."""

from __future__ import annotations

from pathlib import Path

from accord.store.database import Database
from accord.store.followups import list_suggestions
from accord.track.ingestion import IngestOptions, after_ingest, ingest_paths

DOCS = Path(__file__).resolve().parents[1] / "data" / "docs"
SESSIONS = ["kaz-uzb-igc-session-19.txt", "kaz-uzb-igc-session-20.txt"]
TRAIN = "the first pilot train departed"


def train_kinds(db: Database, files: list[Path]) -> list[str]:
    for name in SESSIONS:
        report = ingest_paths(db, [DOCS / name], IngestOptions(followups=False))
        keys = [e.document_key for e in report.events if e.document_key]
        after_ingest(db, keys, "tester", gazetteer_files=files)
    return train_kinds_found(db)


def train_kinds_found(db: Database) -> list[str]:
    return [
        r.kind for r in list_suggestions(db) if TRAIN in r.text and "pilot" in r.commitment_text
    ]


def test_after_ingest_matches_with_the_followup_cues_of_gazetteer_files(
    db: Database, tmp_path: Path
) -> None:
    extra = tmp_path / "followups.yaml"
    # "noted that" now restates a promise, and a restatement wins over progress.
    extra.write_text("followups:\n  restated: ['noted that']\n", encoding="utf-8")
    assert train_kinds(db, [extra]) == ["restated"]


def test_ingest_matches_with_the_followup_cues_of_its_gazetteer_files(
    db: Database, tmp_path: Path
) -> None:
    extra = tmp_path / "followups.yaml"
    extra.write_text("followups:\n  restated: ['noted that']\n", encoding="utf-8")
    options = IngestOptions(gazetteer_files=(extra,))
    ingest_paths(db, [DOCS / name for name in SESSIONS], options)
    assert train_kinds_found(db) == ["restated"]
