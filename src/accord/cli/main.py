"""The `accord` command: one Typer app; each command group lives in its own module."""

from __future__ import annotations

import sys

import typer

from accord import __version__
from accord.cli import evaluate_cli, extract_cli
from accord.cli.output import error_console
from accord.errors import AccordError

app = typer.Typer(
    name="accord",
    help="Accord keeps the record of intergovernmental commissions and follows their promises through.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

for module in (extract_cli, evaluate_cli):
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
    """Entry point: run the app, printing any AccordError on one line with exit code 1."""
    try:
        app(standalone_mode=False)
    except AccordError as exc:
        error_console.print(f"error: {exc}", markup=False, highlight=False, soft_wrap=True)
        sys.exit(1)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        error_console.print("aborted")
        sys.exit(1)
    except click_exceptions() as exc:
        exc.show()
        sys.exit(exc.exit_code)


def click_exceptions() -> type[Exception]:
    import click

    return click.ClickException
