"""`accord export [record|commitments|calendar]`: the record and datasets drawn from it.

``accord export`` with no subcommand (or with a file or option first) still
exports the whole record, as it always has; ``commitments`` and ``calendar``
write the analysts' table and the calendar of due dates.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from accord.cli.output import error_console
from accord.cli.store_options import DbOption, opened
from accord.cli.transfer_cli import export_command
from accord.errors import ConfigError
from accord.report.downloads import EXPORT_FORMATS, export_calendar, export_commitments
from accord.report.rendering import Rendered

DEFAULT_EXPORT = "record"


class ExportGroup(TyperGroup):
    """A group whose default subcommand is ``record``: ``accord export out.jsonl`` keeps working."""

    # Typer carries its own copy of click, whose Context type it does not export.
    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        first = args[0] if args else None
        if first is None or (first not in self.commands and first not in ("--help", "-h")):
            args = [DEFAULT_EXPORT, *args]
        return super().parse_args(ctx, args)


export_app = typer.Typer(
    cls=ExportGroup,
    help="Export the whole record (the default), the commitments table, or a calendar.",
)

CommissionOption = Annotated[
    str | None,
    typer.Option(help="Only this commission (id, name, alias or countries); all when left out."),
]


def register(app: typer.Typer) -> None:
    """Add ``accord export`` and its subcommands to the ``accord`` app."""
    export_app.command(DEFAULT_EXPORT)(export_command)
    export_app.command("commitments")(commitments_command)
    export_app.command("calendar")(calendar_command)
    app.add_typer(export_app, name="export")


def write_download(rendered: Rendered, output: Path | None, *, binary: bool) -> None:
    """Write a produced file to ``output``, or to stdout when it is text and no file is named."""
    if output is None or str(output) == "-":
        if binary:
            kind = rendered.filename.rsplit(".", 1)[-1].upper()
            raise ConfigError(f"{kind} is a binary format: name the file to write with --output")
        sys.stdout.buffer.write(rendered.content)
        sys.stdout.flush()
        return
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_bytes(rendered.content)
    error_console.print(f"wrote {output}", markup=False, highlight=False)


def format_for(fmt: str | None, output: Path | None, allowed: tuple[str, ...], default: str) -> str:
    """The --format given, else the one the output's suffix names, else ``default``."""
    if fmt is None and output is not None and output.suffix.lstrip(".") in allowed:
        return output.suffix.lstrip(".")
    chosen = fmt or default
    if chosen not in allowed:
        raise ConfigError(f"--format: expected one of {', '.join(allowed)}, got {chosen!r}")
    return chosen


def commitments_command(
    output_format: Annotated[
        str | None,
        typer.Option("--format", help="csv or xlsx (default: from --output's suffix, else csv)."),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="File to write (CSV goes to stdout without)."),
    ] = None,
    commission: CommissionOption = None,
    db: DbOption = None,
) -> None:
    """Export every commitment with all its fields, sources and status history (CSV or XLSX)."""
    fmt = format_for(output_format, output, EXPORT_FORMATS, "csv")
    with opened(db) as database:
        rendered = export_commitments(database, fmt, commission)
    write_download(rendered, output, binary=fmt == "xlsx")


def calendar_command(
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="The .ics file to write (stdout without).")
    ] = None,
    commission: CommissionOption = None,
    db: DbOption = None,
) -> None:
    """Export an iCalendar (.ics) file of commitments' due dates and announced sessions."""
    with opened(db) as database:
        rendered = export_calendar(database, commission)
    write_download(rendered, output, binary=False)
