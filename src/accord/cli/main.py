"""The `accord` command: one Typer app; each command group lives in its own module."""

from __future__ import annotations

import logging
import sys

import click
import typer

from accord import __version__
from accord.cli import (
    evaluate_cli,
    export_cli,
    extract_cli,
    ingest_cli,
    query_cli,
    report_cli,
    track_cli,
    transfer_cli,
    web_cli,
)
from accord.cli.output import error_console
from accord.errors import AccordError

app = typer.Typer(
    name="accord",
    help="Accord keeps the record of intergovernmental commissions and follows their promises through.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

for module in (
    extract_cli,
    evaluate_cli,
    ingest_cli,
    query_cli,
    track_cli,
    transfer_cli,
    export_cli,
    report_cli,
    web_cli,
):
    module.register(app)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"accord {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """Accord keeps the record of intergovernmental commissions and follows their promises through."""


def main() -> None:
    """Entry point: run the app; an AccordError is printed on one line with exit code 1."""
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        code = app(standalone_mode=False)
    except AccordError as exc:
        error_console.print(f"error: {exc}", markup=False, highlight=False, soft_wrap=True)
        sys.exit(1)
    except click.exceptions.Abort:
        error_console.print("aborted")
        sys.exit(1)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    if isinstance(code, int) and code:
        sys.exit(code)
