"""Options and output shared by the commands that use the store."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Annotated

import typer

from accord.errors import ConfigError
from accord.store.database import Database, open_database
from accord.store.rows import QueryRow
from accord.track.names import record_names

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        metavar="PATH|URL",
        help="SQLite file or database URL (postgresql+psycopg://...). "
        "Default: the ACCORD_DATABASE_URL setting, else accord.sqlite3 in the user data folder.",
        show_default=False,
    ),
]
JsonOption = Annotated[
    bool, typer.Option("--json", help="Print JSON (for scripts) instead of a table.")
]
LimitOption = Annotated[
    int, typer.Option(min=0, help="Show at most this many rows, newest first (0: all).")
]


@contextmanager
def opened(db: str | None) -> Iterator[Database]:
    """The database named by ``--db`` (or the setting), open for the command's duration."""
    database = open_database(db, names=record_names)
    try:
        yield database
    finally:
        database.dispose()


def print_json(data: object) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2))


def print_rows_json(rows: Sequence[QueryRow]) -> None:
    print_json([row.to_json() for row in rows])


def choice(value: str | None, option: str, allowed: Sequence[str]) -> str | None:
    """``value`` if it is one of ``allowed``; a ConfigError listing them otherwise."""
    if value is not None and value not in allowed:
        raise ConfigError(f"{option}: expected one of {', '.join(allowed)}, got {value!r}")
    return value


def date_option(value: str | None, option: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ConfigError(f"{option}: expected a date as YYYY-MM-DD, got {value!r}") from None
