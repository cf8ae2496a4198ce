"""The `accord` command: one Typer app whose commands are imported only when they run.

Each command group lives in its own module with a ``register(app)`` function;
``COMMANDS`` names the module of each command and the line ``accord --help``
shows for it, so listing the commands imports none of them.
"""

from __future__ import annotations

import logging
import sys

import typer

from accord import __version__
from accord.cli.lazy_group import CommandSource, LazyGroup
from accord.cli.output import error_console
from accord.cli.phrasing import error_line
from accord.errors import AccordError

# Each module's commands, in the order `accord --help` lists them, with the line it shows:
# the first paragraph of the command's docstring (a test keeps the two the same).
COMMAND_MODULES: dict[str, dict[str, str]] = {
    "extract_cli": {
        "extract": "Extract grounded records (accord.extraction/1) from documents.",
    },
    "evaluate_cli": {
        "evaluate": "Score extractions against gold files (accord.gold/1).",
    },
    "ingest_cli": {
        "ingest": "Ingest documents: load, extract, resolve and store each one in its own transaction.",
    },
    "query_cli": {
        "commissions": "List the commissions in the record, with their parties, names seen and sessions.",
        "sessions": "List sessions, newest first, with how many sources, agreements and commitments each has.",
        "agreements": "List agreements signed or planned at sessions, newest first.",
        "commitments": "List commitments, newest first, narrowed by commission, session, sector, agency and more.",
        "search": "Full-text search over commitments, agreements and documents.",
    },
    "sources_cli": {
        "sources": "Feeds followed by polling: add, list and remove them, poll them, see their entries.",
    },
    "review_cli": {
        "review": "Review extracted items: list drafts, then accept, correct or reject them.",
    },
    "track_cli": {
        "status": "Show a commitment's status, or record a new one (--set) with a note and evidence.",
        "history": "A commitment's status history (oldest first) and every audited change to it.",
        "scorecard": "Delivery per session, sector, agency or side, with the compliance score.",
    },
    "followups_cli": {
        "followups": "Follow-up suggestions: restated promises and reported progress, to confirm or dismiss.",
    },
    "report_cli": {
        "report": "Reports for the next session: the session brief and the implementation status.",
    },
    "export_cli": {
        "export": "Export the whole record (the default), the commitments table, or a calendar.",
    },
    "transfer_cli": {
        "import": "Load an export into an empty database (SQLite or PostgreSQL), all or nothing.",
        "backup": "Copy the database, while it is in use, into a new SQLite file (a consistent snapshot).",
    },
    "web_cli": {
        "serve": "Serve the web app and the JSON API (/api/v1) until interrupted.",
        "init-admin": "Create the first admin of a new installation (refused once an admin exists).",
        "user": "Add and list the people who use the web app.",
        "token": "API tokens for scripts.",
    },
}
COMMANDS: dict[str, CommandSource] = {
    name: CommandSource(f"accord.cli.{module}", summary)
    for module, summaries in COMMAND_MODULES.items()
    for name, summary in summaries.items()
}


class AccordGroup(LazyGroup):
    """The ``accord`` group: the commands of ``COMMANDS``, each imported when it runs."""

    sources = COMMANDS


app = typer.Typer(
    name="accord",
    cls=AccordGroup,
    help="Accord keeps the record of intergovernmental commissions and follows their promises through.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


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
    """Entry point: run the app; an AccordError is printed on one line with exit code 1.

    Usage errors, ``--help`` and ``--version`` are Typer's own (standalone mode):
    Typer prints them and exits with their code.
    """
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        app()
    except AccordError as exc:
        error_console.print(
            f"error: {error_line(exc)}", markup=False, highlight=False, soft_wrap=True
        )
        sys.exit(1)
