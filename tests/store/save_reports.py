"""Save synthetic reports into a database, printing a line after each commit.

Run as a separate process by the crash and concurrency tests:
``python save_reports.py URL COUNT [--reverse]``.
"""

from __future__ import annotations

import sys

from factories import reports, save

from accord.store.database import open_database
from accord.track.names import record_names


def main(url: str, count: int, reverse: bool) -> None:
    database = open_database(url, names=record_names)
    batch = list(enumerate(reports(count)))
    for n, (document, extraction) in reversed(batch) if reverse else batch:
        outcome = save(database, document, extraction)
        print(f"{n} {outcome.status}", flush=True)
    database.dispose()


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), "--reverse" in sys.argv[3:])
