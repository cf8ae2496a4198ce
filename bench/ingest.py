"""Ingest and query speed of the store, next to extraction alone, on a synthetic corpus.

    .venv/bin/python bench/ingest.py [--documents 200] [--commitments 100000]
                                     [--workers 1] [--db URL] [--repeat 40]

1. Throughput: ``--documents`` synthetic reports are written as files, then
   extracted (load + extract, the baseline) and ingested (load + extract +
   resolve + save) with the real extractor. Target: the store costs under a
   third on top of extraction. Saving the reports' full true records (richer
   than what the extractor finds) is timed too, as a share of extraction time.
2. Scale: a fresh database is filled with true records until it holds
   ``--commitments`` commitments (several outlets per session, merged), then
   the query functions behind the CLI are timed (p50/p95 of ``--repeat`` runs
   each). Targets: p95 under 50 ms for filtered lists, 100 ms for search.

SQLite in a temporary folder by default; ``--db postgresql+psycopg://...``
runs on PostgreSQL (in a schema of its own, dropped at the end).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import random
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from accord.core.documents import SourceDocument
from accord.core.records import Extraction
from accord.extract.batch import extract_batch
from accord.extract.pipeline import get_extractor
from accord.store.agreements import list_agreements
from accord.store.commissions import list_commissions
from accord.store.commitments import CommitmentFilter, list_commitments
from accord.store.database import Database, open_database, sqlite_url, table_counts
from accord.store.extractions import save_extraction
from accord.store.search import search
from accord.store.sessions import list_sessions
from accord.track.ingestion import STATISTICS_EVERY, IngestOptions, ingest_paths
from accord.track.names import record_names
from synthetic import TOPICS, corpus

LIST_TARGET_MS, SEARCH_TARGET_MS = 50.0, 100.0


@contextlib.contextmanager
def fresh_database(url: str | None, folder: Path, name: str) -> Iterator[Database]:
    """An empty database: a new SQLite file, or a new schema on the PostgreSQL at ``url``."""
    if url is None:
        database = open_database(sqlite_url(folder / f"{name}.sqlite3"), names=record_names)
        try:
            yield database
        finally:
            database.dispose()
        return
    schema = f"bench_{name}_{uuid.uuid4().hex[:8]}"
    admin = create_engine(url)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    scoped = make_url(url).update_query_dict({"options": f"-csearch_path={schema}"})
    database = open_database(scoped.render_as_string(hide_password=False), names=record_names)
    try:
        yield database
    finally:
        database.dispose()
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def database_bytes(database: Database) -> int:
    if database.is_sqlite:
        raw = database.engine.raw_connection()
        try:
            cursor = raw.cursor()
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            pages = cursor.execute("PRAGMA page_count").fetchone()[0]
            size = cursor.execute("PRAGMA page_size").fetchone()[0]
            return int(pages) * int(size)
        finally:
            raw.close()
    with database.reading() as session:
        return int(
            session.execute(
                text(
                    "SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c "
                    "JOIN pg_namespace n ON n.oid = c.relnamespace "
                    "WHERE n.nspname = current_schema() AND c.relkind = 'r'"
                )
            ).scalar_one()
        )


def throughput(args: argparse.Namespace, folder: Path) -> None:
    reports = list(_take(corpus(190, 40, 20, seed=args.seed + 1), args.documents))
    paths = []
    for n, (document, _) in enumerate(reports):
        path = folder / f"{n:05d}-{Path(document.source).name}"
        path.write_text(document.text, encoding="utf-8")
        paths.append(path)
    get_extractor()  # the model load is not what is measured
    started = time.perf_counter()
    extracted = list(extract_batch(paths, workers=args.workers))
    extract_s = time.perf_counter() - started
    failures = [item.error for item in extracted if item.error]
    with fresh_database(args.db, folder, "ingest") as database:
        started = time.perf_counter()
        # Matching follow-ups is not what is measured: the store on top of extraction is.
        options = IngestOptions(workers=args.workers, followups=False)
        report = ingest_paths(database, paths, options)
        ingest_s = time.perf_counter() - started
        found = table_counts(database, ["sessions", "commitments"])
    with fresh_database(args.db, folder, "records") as database:
        started = time.perf_counter()
        for document, extraction in reports:
            with database.writing() as session:
                save_extraction(session, document, extraction)
        save_s = time.perf_counter() - started
    count = len(paths)
    print(f"\n1. Throughput, {count} documents, {args.workers} worker(s), {_backend(args.db)}")
    print(f"   extraction alone (load + extract): {count / extract_s:8.1f} docs/s")
    print(
        f"   ingest (load + extract + store):   {count / ingest_s:8.1f} docs/s  "
        f"(new {report.count('new')}, failed {report.count('failed')}; extraction failures {len(failures)})"
    )
    print(
        f"   store on top of extraction:        {(ingest_s - extract_s) / extract_s:8.1%}  "
        f"(target < 33%; the extractor found {found['sessions']} sessions, "
        f"{found['commitments']} commitments)"
    )
    true_commitments = sum(len(e.commitments) for _, e in reports)
    print(
        f"   saving the full true records:      {save_s / count * 1000:8.1f} ms/doc = "
        f"{save_s / extract_s:.1%} of extraction time ({true_commitments} commitments given)"
    )


def fill(database: Database, target: int, seed: int) -> tuple[int, float]:
    """Save true records until ``target`` commitments are stored; (documents, seconds)."""
    documents, started = 0, time.perf_counter()
    stored = 0
    for document, extraction in corpus(190, 40, 20, seed=seed):
        with database.writing() as session:
            save_extraction(session, document, extraction)
        documents += 1
        if documents % STATISTICS_EVERY == 0:
            database.refresh_statistics()  # as `accord ingest` does every so many documents
        if documents % 250 == 0:
            stored = table_counts(database, ["commitments"])["commitments"]
            elapsed = time.perf_counter() - started
            print(
                f"   ... {documents} documents, {stored} commitments, {elapsed:.0f} s", flush=True
            )
            if stored >= target:
                break
    database.refresh_statistics()  # as `accord ingest` does at the end of a batch
    return documents, time.perf_counter() - started


def timed(repeat: int, call: Callable[[random.Random], object], seed: int) -> tuple[float, float]:
    rng = random.Random(seed)
    call(rng)  # warm caches, as a running service would be
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        call(rng)
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return statistics.median(samples), samples[min(len(samples) - 1, int(len(samples) * 0.95))]


def query_latency(database: Database, repeat: int, seed: int) -> None:
    commissions = [row.name or "" for row in list_commissions(database)]
    sessions = [row.id for row in list_sessions(database)]
    sectors = list(TOPICS)
    topics = [topic for values in TOPICS.values() for topic, _ in values]
    agencies = ["National Disaster Management Authority", "Railways Corporation", "HEC", "CCI"]
    lists: dict[str, Callable[[random.Random], object]] = {
        "commissions": lambda r: list_commissions(database),
        "sessions COMMISSION": lambda r: list_sessions(database, r.choice(commissions)),
        "agreements --commission": lambda r: list_agreements(database, r.choice(commissions)),
        "commitments": lambda r: list_commitments(database),
        "commitments --sector": lambda r: list_commitments(
            database, CommitmentFilter(sector=r.choice(sectors))
        ),
        "commitments --sector --strength": lambda r: list_commitments(
            database, CommitmentFilter(sector=r.choice(sectors), strength="exploration")
        ),
        "commitments --commission": lambda r: list_commitments(
            database, CommitmentFilter(commission=r.choice(commissions))
        ),
        "commitments --session": lambda r: list_commitments(
            database, CommitmentFilter(session=r.choice(sessions))
        ),
        "commitments --agency": lambda r: list_commitments(
            database, CommitmentFilter(agency=r.choice(agencies))
        ),
        "commitments --since --status": lambda r: list_commitments(
            database, CommitmentFilter(since=_date(r), status="no_evidence")
        ),
    }
    searches: dict[str, Callable[[random.Random], object]] = {
        "search (commitments)": lambda r: search(database, r.choice(topics), ["commitment"]),
        "search (all kinds)": lambda r: search(database, r.choice(topics)),
    }
    print(f"   {'query':36} {'p50 ms':>8} {'p95 ms':>8}  target")
    for group, target in ((lists, LIST_TARGET_MS), (searches, SEARCH_TARGET_MS)):
        for name, call in group.items():
            p50, p95 = timed(repeat, call, seed)
            verdict = "ok" if p95 < target else "OVER"
            print(f"   {name:36} {p50:8.1f} {p95:8.1f}  < {target:.0f} {verdict}")


def _date(rng: random.Random) -> dt.date:
    return dt.date(rng.randrange(2015, 2040), 1, 1)


def _take(
    reports: Iterator[tuple[SourceDocument, Extraction]], count: int
) -> Iterator[tuple[SourceDocument, Extraction]]:
    for n, report in enumerate(reports):
        if n >= count:
            return
        yield report


def _backend(url: str | None) -> str:
    return "SQLite" if url is None else "PostgreSQL"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--documents", type=int, default=200, help="documents for the throughput run"
    )
    parser.add_argument(
        "--commitments", type=int, default=100_000, help="commitments for the query run"
    )
    parser.add_argument("--workers", type=int, default=1, help="extraction processes")
    parser.add_argument("--repeat", type=int, default=40, help="timed runs per query")
    parser.add_argument(
        "--db", help="a PostgreSQL URL (default: SQLite files in a temporary folder)"
    )
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--skip-throughput", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="accord-bench-") as tmp:
        folder = Path(tmp)
        if not args.skip_throughput:
            throughput(args, folder)
        with fresh_database(args.db, folder, "scale") as database:
            print(f"\n2. Scale: filling {_backend(args.db)} up to {args.commitments} commitments")
            documents, seconds = fill(database, args.commitments, args.seed)
            counts = table_counts(database, ["documents", "sessions", "commitments", "evidence"])
            size = database_bytes(database)
            print(
                f"   {counts['documents']} documents, {counts['sessions']} sessions, "
                f"{counts['commitments']} commitments, {counts['evidence']} evidence rows"
            )
            print(
                f"   store alone: {documents / seconds:.1f} docs/s; {size / documents / 1024:.1f} KiB per document"
            )
            query_latency(database, args.repeat, args.seed)


if __name__ == "__main__":
    main()
