"""Speed of the web app over a store of 100,000 commitments: page and API latency, throughput.

    .venv/bin/python bench/web.py [--commitments 100000] [--db PATH|URL] [--repeat 40]
                                  [--clients 50] [--seconds 20] [--only dashboard]

1. A store is filled with true synthetic records (as ``bench/ingest.py`` does)
   until it holds ``--commitments`` commitments; most are then marked
   reviewed and given a status, so the dashboard has something to count.
   Due dates, restatement links (chains of two and three sessions) and
   open follow-up suggestions are added too, so overdue and recurring
   items have something to count. With ``--db`` naming a store filled
   before, the filling is skipped. A PostgreSQL URL gets a schema of its
   own (``--schema``), kept for the next run.
2. ``accord serve`` runs in its own process; each main page and API list
   is fetched ``--repeat`` times, one request at a time (p50/p95 in ms;
   target: p95 under 200 ms for pages), next to a page that reads no
   database (the baseline: machines are noisy, ratios less so).
3. ``--clients`` clients fetch a mix of pages and lists at once for
   ``--seconds``: requests per second and errors (target: no errors).
"""

from __future__ import annotations

import argparse
import asyncio
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
from sqlalchemy import (
    ColumnElement,
    ScalarSelect,
    Select,
    create_engine,
    func,
    insert,
    literal,
    null,
    select,
    text,
)
from sqlalchemy.engine import make_url
from sqlalchemy.orm import aliased

from accord.store.accounts import add_user, create_api_token, has_admin
from accord.store.database import Database, open_database, sqlite_url, table_counts
from accord.store.models import (
    Commitment,
    CommitmentLink,
    FollowupSuggestion,
    SessionSource,
    utc_now,
)
from accord.store.schema import tables_in_order
from accord.track.names import record_names
from ingest import fill

PAGE_TARGET_MS = 200.0
# A page that reads no database: its latency is the server's own cost on this machine now.
BASELINE = "/login"
STATUSES = ("not_started", "in_progress", "completed", "stalled", "dropped")


def prepare(database: Database, target: int, seed: int) -> None:
    """Fill the store if it holds fewer than ``target`` commitments; mark most reviewed."""
    held = table_counts(database, ["commitments"])["commitments"]
    if held < target:
        print(f"   filling up to {target} commitments (once; reuse the store with --db)")
        documents, seconds = fill(database, target, seed)
        print(f"   {documents} documents saved in {seconds:.0f} s")
        # The benchmark's own shortcut (not how Accord writes): a reviewed, tracked record
        # in one statement, so the dashboard has statuses to count without 100,000 updates.
        with database.writing() as session:
            session.execute(
                text(
                    "UPDATE commitments SET review_state = 'accepted', "
                    "status = CASE id % 7 WHEN 0 THEN 'completed' WHEN 1 THEN 'in_progress' "
                    "WHEN 2 THEN 'not_started' WHEN 3 THEN 'stalled' WHEN 4 THEN 'dropped' "
                    "ELSE 'no_evidence' END WHERE id % 10 <> 0"
                )
            )
        database.refresh_statistics()
    if not table_counts(database, ["commitment_links"])["commitment_links"]:
        print("   adding due dates, restatement links and follow-up suggestions (once)")
        track(database)
        settle(database)


def settle(database: Database) -> None:
    """On PostgreSQL, what autovacuum does on a live server: statistics and the visibility map.

    Without the map, index-only scans still read the table after a bulk load.
    """
    if database.is_sqlite:
        return
    with database.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
        for table in tables_in_order():
            c.execute(text(f'VACUUM ANALYZE "{table.name}"'))


def _document_of(session_id: ColumnElement[int]) -> ScalarSelect[int]:
    """A document reporting the session (a correlated scalar subquery)."""
    return (
        select(func.min(SessionSource.document_id))
        .where(SessionSource.session_id == session_id)
        .scalar_subquery()
    )


def _link(
    earlier: ColumnElement[int], later: ColumnElement[int | None], document: ScalarSelect[int]
) -> Select[tuple[object, ...]]:
    """The columns of a restatement link (``LINK_COLUMNS``), in a SELECT to insert from."""
    now = literal(utc_now(), Commitment.created_at.type)
    return select(
        earlier, later, document, literal(0), literal(10), literal("restated"), literal("bench"),
        now,
    )  # fmt: skip


LINK_COLUMNS = [
    "earlier_id", "later_id", "document_id", "span_start", "span_end",
    "kind", "created_by", "created_at",
]  # fmt: skip

SUGGESTION_COLUMNS = [
    "commitment_id", "document_id", "span_start", "span_end", "text", "kind",
    "score", "matcher", "state", "created_at",
]  # fmt: skip


def track(database: Database) -> None:
    """Due dates (past and future), restatements and open suggestions, in a few statements.

    Like the statuses above, the benchmark's own shortcut: commitment 100n is
    made again as 100n+25, which is made again as 100n+75 (chains over up to
    three sessions); 100n+50 is restated in the next session's document
    without a commitment of its own; 100n+10 has an open suggestion.
    """
    later = aliased(Commitment)
    next_document = _document_of(Commitment.session_id + 1)
    with database.writing() as session:
        session.execute(
            text(
                "UPDATE commitments SET due = CASE id % 6 WHEN 0 THEN '2024' "
                "WHEN 1 THEN '2025-06' WHEN 2 THEN '2026-03-15' WHEN 3 THEN '2031' "
                "ELSE NULL END"
            )
        )
        for residue, step in ((0, 25), (25, 50)):
            restatements = _link(Commitment.id, later.id, _document_of(later.session_id))
            session.execute(
                insert(CommitmentLink).from_select(
                    LINK_COLUMNS,
                    restatements.join(later, later.id == Commitment.id + step).where(
                        Commitment.id % 100 == residue
                    ),
                )
            )
        without_commitment = _link(Commitment.id, null(), next_document)
        session.execute(
            insert(CommitmentLink).from_select(
                LINK_COLUMNS,
                without_commitment.where(Commitment.id % 100 == 50, next_document.is_not(None)),
            )
        )
        suggestions = select(
            Commitment.id, next_document, literal(0), literal(10),
            literal("The sides again agreed."), literal("restated"), literal(0.5),
            literal("bench"), literal("open"), literal(utc_now(), Commitment.created_at.type),
        )  # fmt: skip
        session.execute(
            insert(FollowupSuggestion).from_select(
                SUGGESTION_COLUMNS,
                suggestions.where(Commitment.id % 100 == 10, next_document.is_not(None)),
            )
        )


def open_store(url: str, schema: str) -> str:
    """The store's URL: a PostgreSQL URL gets the schema ``schema`` (made if missing)."""
    if not url.startswith("postgresql"):
        return url
    admin = create_engine(url)
    try:
        with admin.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA IF NOT EXISTS "{schema}"'))
    finally:
        admin.dispose()
    scoped = make_url(url).update_query_dict({"options": f"-csearch_path={schema}"})
    return scoped.render_as_string(hide_password=False)


def token_for(database: Database) -> str:
    if not has_admin(database):
        add_user(database, "bench", "bench-password", "admin")
    token, _ = create_api_token(database, "bench", "bench/web.py")
    return token


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def serve(url: str, port: int) -> subprocess.Popen[bytes]:
    accord = Path(sys.executable).with_name("accord")
    process = subprocess.Popen(
        [str(accord), "serve", "--db", url, "--port", str(port)],
        stdout=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            httpx.get(f"http://127.0.0.1:{port}/login", timeout=1)
            return process
        except httpx.TransportError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit("accord serve did not start")


def paths(client: httpx.Client) -> tuple[dict[str, str], dict[str, str]]:
    """The pages and API lists to time, with ids taken from the store."""
    session = client.get("/api/v1/sessions?limit=1").json()["rows"][0]["id"]
    commitment = client.get("/api/v1/commitments?limit=1").json()["rows"][0]["id"]
    document = client.get("/api/v1/documents?limit=1").json()["rows"][0]["id"]
    pages = {
        "dashboard": "/",
        "sessions": "/sessions",
        "session": f"/sessions/{session}",
        "commitments": "/commitments",
        "commitments ?sector&status": "/commitments?sector=energy&status=in_progress",
        "commitments ?agency": "/commitments?agency=NDMA",
        "commitment": f"/commitments/{commitment}",
        "agreements": "/agreements",
        "documents": "/documents",
        "document": f"/documents/{document}",
        "review queue": "/review",
        "follow-ups": "/followups",
        "search": "/search?q=railway+corridor",
    }
    api = {
        "api dashboard": "/api/v1/dashboard",
        "api sessions": "/api/v1/sessions",
        "api commitments": "/api/v1/commitments",
        "api commitments ?sector": "/api/v1/commitments?sector=transport",
        "api commitments ?offset": "/api/v1/commitments?offset=5000",
        "api agreements": "/api/v1/agreements",
        "api documents": "/api/v1/documents",
        "api review": "/api/v1/review",
        "api search": "/api/v1/search?q=gas+pipeline",
    }
    return pages, api


def latency(client: httpx.Client, path: str, repeat: int) -> tuple[float, float, int]:
    client.get(path)  # warm, as a running service would be
    samples, errors = [], 0
    for _ in range(repeat):
        started = time.perf_counter()
        response = client.get(path)
        samples.append((time.perf_counter() - started) * 1000)
        errors += response.status_code >= 400
    samples.sort()
    p95 = samples[min(len(samples) - 1, int(len(samples) * 0.95))]
    return statistics.median(samples), p95, errors


async def load(base: str, token: str, mix: list[str], clients: int, seconds: float) -> None:
    done, errors = 0, 0
    deadline = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    headers = {"Authorization": f"Bearer {token}"}
    async with httpx.AsyncClient(
        base_url=base, headers=headers, limits=limits, timeout=60
    ) as client:

        async def one(seed: int) -> None:
            nonlocal done, errors
            rng = random.Random(seed)
            while time.monotonic() < deadline:
                try:
                    response = await client.get(rng.choice(mix))
                    errors += response.status_code >= 400
                except httpx.TransportError:
                    errors += 1
                done += 1

        started = time.monotonic()
        await asyncio.gather(*(one(n) for n in range(clients)))
        elapsed = time.monotonic() - started
    print(
        f"   {clients} clients, {elapsed:.0f} s: {done / elapsed:.1f} requests/s, {errors} errors"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--commitments", type=int, default=100_000)
    parser.add_argument("--db", help="a store to use (filled first when it holds fewer)")
    parser.add_argument("--repeat", type=int, default=40, help="timed requests per path")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument(
        "--seconds", type=float, default=20, help="of the throughput test (0: leave it out)"
    )
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--only", action="append", help="time only this path (a name as printed; repeatable)"
    )
    parser.add_argument(
        "--schema", default="accord_bench_web", help="PostgreSQL schema of the store (kept)"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="accord-bench-web-") as tmp:
        url = open_store(args.db, args.schema) if args.db else sqlite_url(Path(tmp) / "web.sqlite3")
        database = open_database(url, names=record_names)
        try:
            print("1. The store")
            prepare(database, args.commitments, args.seed)
            counts = table_counts(database, ["documents", "sessions", "commitments"])
            print("   " + ", ".join(f"{n} {name}" for name, n in counts.items()))
            token = token_for(database)
        finally:
            database.dispose()
        port = _free_port()
        base = f"http://127.0.0.1:{port}"
        server = serve(url, port)
        try:
            headers = {"Authorization": f"Bearer {token}"}
            with httpx.Client(base_url=base, headers=headers, timeout=60) as client:
                pages, api = paths(client)
                print(f"\n2. Latency, one request at a time ({args.repeat} each, ms)")
                base_p50, _, _ = latency(client, BASELINE, args.repeat)
                print(f"   baseline: GET {BASELINE} (no database) p50 {base_p50:.1f} ms")
                print(f"   {'path':30} {'p50':>7} {'p95':>7} {'p95/base':>8}  target")
                for group, target in ((pages, PAGE_TARGET_MS), (api, None)):
                    for name, path in group.items():
                        if args.only and name not in args.only:
                            continue
                        p50, p95, errors = latency(client, path, args.repeat)
                        verdict = (
                            ""
                            if target is None
                            else (f"< {target:.0f} " + ("ok" if p95 < target else "OVER"))
                        )
                        failed = f"  {errors} errors" if errors else ""
                        ratio = p95 / base_p50
                        print(
                            f"   {name:30} {p50:7.1f} {p95:7.1f} {ratio:7.1f}x  {verdict}{failed}"
                        )
            if args.seconds <= 0:
                return
            print("\n3. Throughput (a mix of every page and list above)")
            mix = [*pages.values(), *api.values()]
            asyncio.run(load(base, token, mix, args.clients, args.seconds))
        finally:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
