"""`accord export|import|backup`: moving the record between databases and files."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from accord.cli.output import error_console
from accord.cli.store_options import DbOption, choice, opened
from accord.errors import StoreError
from accord.store.transfer import (
    TransferSummary,
    backup,
    export_csv,
    export_jsonl,
    export_jsonl_file,
    import_jsonl,
)

PRIVATE = "holds password and token hashes: created readable by you only"


def register(app: typer.Typer) -> None:
    """Add the transfer commands to the ``accord`` app (``export`` is a group: see export_cli)."""
    app.command("import")(import_command)
    app.command("backup")(backup_command)


def _report(action: str, summary: TransferSummary) -> None:
    error_console.print(f"{action} {summary.total} rows", markup=False, highlight=False)


def export_command(
    output: Annotated[
        str,
        typer.Argument(help="JSON Lines file ('-' for stdout), or a folder for --format csv."),
    ] = "-",
    output_format: Annotated[
        str,
        typer.Option(
            "--format", help="jsonl (the whole record, for import) or csv (a file per table)."
        ),
    ] = "jsonl",
    db: DbOption = None,
) -> None:
    """Export the whole record: JSON Lines that 'accord import' loads back, or CSV per table.

    A JSON Lines file holds password and token hashes and is created readable
    by its owner only; the CSV files leave them out.
    """
    choice(output_format, "--format", ("jsonl", "csv"))
    with opened(db) as database:
        if output_format == "csv":
            if output == "-":
                raise StoreError("--format csv writes a folder of files: name the folder")
            summary = export_csv(database, Path(output))
        elif output == "-":
            summary = export_jsonl(database, sys.stdout)
        else:
            summary = export_jsonl_file(database, Path(output))
    _report("exported", summary)
    if output_format == "jsonl" and output != "-":
        error_console.print(f"{output} {PRIVATE}", markup=False, highlight=False)


def import_command(
    source: Annotated[str, typer.Argument(help="A JSON Lines export ('-' for stdin).")],
    db: DbOption = None,
) -> None:
    """Load an export into an empty database (SQLite or PostgreSQL), all or nothing."""
    with opened(db) as database:
        if source == "-":
            summary = import_jsonl(database, sys.stdin, "<stdin>")
        else:
            if not Path(source).is_file():
                raise StoreError(f"{source}: no such file")
            with Path(source).open(encoding="utf-8") as handle:
                summary = import_jsonl(database, handle, source)
    _report("imported", summary)


def backup_command(
    destination: Annotated[Path, typer.Argument(help="The new SQLite file to write.")],
    db: DbOption = None,
) -> None:
    """Copy the database, while it is in use, into a new SQLite file (a consistent snapshot)."""
    with opened(db) as database:
        summary = backup(database, destination)
    _report(f"backed up to {destination}:", summary)
    error_console.print(f"{destination} {PRIVATE}", markup=False, highlight=False)
