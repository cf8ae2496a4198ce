"""Start-up time of the `accord` command, next to a bare Python start measured in the same run.

    .venv/bin/python bench/cli_startup.py [--repeat 7]

A small synthetic store (a few hundred commitments) is written to a temporary
SQLite file; then ``python -c pass`` (the baseline), ``accord --help``,
``accord sessions`` and ``accord commitments`` each run ``--repeat`` times in
fresh processes (``python -m accord``). Printed: the median and best wall time
of each, the median as a multiple of the baseline's, and the median CPU time
(user + system), which a busy machine inflates less than wall time. Target:
``--help`` and the list commands under 0.5 s.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from accord.store.database import open_database, sqlite_url, table_counts
from accord.store.extractions import save_extraction
from accord.track.names import record_names
from synthetic import corpus

TARGET_S = 0.5


def fill_small_store(url: str) -> int:
    """Save a few dozen true synthetic reports; the number of commitments stored."""
    database = open_database(url, names=record_names)
    try:
        for document, extraction in corpus(commissions=12, sessions_each=4, commitments_each=10):
            with database.writing() as session:
                save_extraction(session, document, extraction)
        return table_counts(database, ["commitments"])["commitments"]
    finally:
        database.dispose()


def timed_runs(command: list[str], repeat: int) -> tuple[list[float], list[float]]:
    """Wall and CPU seconds of ``repeat`` runs of ``command``, after one unmeasured run."""
    env = {**os.environ, "COLUMNS": "120"}
    walls, cpus = [], []
    for run in range(repeat + 1):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=env)
        wall = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if run:  # the first run warms the file cache and writes the bytecode
            walls.append(wall)
            cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return walls, cpus


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7, help="Runs of each command.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = sqlite_url(Path(folder) / "bench.sqlite3")
        print(f"store: {fill_small_store(url)} commitments in a temporary SQLite file")
        accord = [sys.executable, "-m", "accord"]
        commands = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "accord --help": [*accord, "--help"],
            "accord sessions": [*accord, "sessions", "--db", url],
            "accord commitments": [*accord, "commitments", "--db", url],
        }
        print(
            f"{'command':<20} {'median s':>9} {'best s':>8} {'x baseline':>11} {'cpu s':>7}  target"
        )
        baseline = None
        for name, command in commands.items():
            walls, cpus = timed_runs(command, args.repeat)
            median = statistics.median(walls)
            baseline = baseline or median
            target = "" if name.startswith("python") else ("ok" if median < TARGET_S else "SLOW")
            print(
                f"{name:<20} {median:>9.3f} {min(walls):>8.3f} {median / baseline:>11.1f}"
                f" {statistics.median(cpus):>7.3f}  {target}"
            )


if __name__ == "__main__":
    main()
