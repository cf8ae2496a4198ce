"""`accord report session|status`: the session brief and the implementation status report.

Thin wrappers over ``accord.report.downloads``: Markdown goes to stdout by
default; ``--output`` writes a file (its suffix picks the format when
``--format`` is not given); DOCX and PDF always need ``--output``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from accord.cli.export_cli import format_for, write_download
from accord.cli.store_options import DbOption, date_option, opened
from accord.report.downloads import render_session_brief, render_status_report
from accord.report.rendering import REPORT_FORMATS

report_app = typer.Typer(
    help="Reports for the next session: the session brief and the implementation status.",
    no_args_is_help=True,
)

FormatOption = Annotated[
    str | None,
    typer.Option(
        "--format",
        help="md, html, docx or pdf (default: from --output's suffix, else md).",
        show_default=False,
    ),
]
OutputOption = Annotated[
    Path | None,
    typer.Option("--output", "-o", help="File to write (Markdown and HTML go to stdout without)."),
]
BINARY = ("docx", "pdf")


def register(app: typer.Typer) -> None:
    """Add ``accord report`` and its subcommands to the ``accord`` app."""
    report_app.command("session")(session_command)
    report_app.command("status")(status_command)
    app.add_typer(report_app, name="report")


def session_command(
    session: Annotated[
        str,
        typer.Argument(
            help="Session id (see 'accord sessions'), '<commission> #<number>', "
            "or a commission (its latest session)."
        ),
    ],
    output_format: FormatOption = None,
    output: OutputOption = None,
    db: DbOption = None,
) -> None:
    """The session brief: meeting facts, co-chairs, documents, commitments by sector, next session."""
    fmt = format_for(output_format, output, REPORT_FORMATS, "md")
    with opened(db) as database:
        rendered = render_session_brief(database, session, fmt)
    write_download(rendered, output, binary=fmt in BINARY)


def status_command(
    commission: Annotated[
        str,
        typer.Argument(help="Commission id (see 'accord commissions'), name, alias or countries."),
    ],
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", help="Status on this date (YYYY-MM-DD); default today."),
    ] = None,
    output_format: FormatOption = None,
    output: OutputOption = None,
    db: DbOption = None,
) -> None:
    """The implementation status: scorecard, charts, overdue, recurring, changes since last session."""
    fmt = format_for(output_format, output, REPORT_FORMATS, "md")
    day = date_option(as_of, "--as-of")
    with opened(db) as database:
        rendered = render_status_report(database, commission, fmt, day)
    write_download(rendered, output, binary=fmt in BINARY)
