"""`accord followups`: the links proposed from later documents to earlier commitments."""

from __future__ import annotations

from typing import Annotated

import typer

from accord.cli.gazetteer_option import GazetteerOption
from accord.cli.input_options import ID_RANGE
from accord.cli.output import ListColumn, console, list_table, print_list
from accord.cli.phrasing import options_named
from accord.cli.store_options import (
    DbOption,
    JsonOption,
    LimitOption,
    choice,
    opened,
    print_json,
    print_rows_json,
)
from accord.cli.track_options import AuthorOption, CommissionOption, NoteOption
from accord.core.follow_through import STATUSES
from accord.store.followups import SuggestionRow, list_suggestions
from accord.track.authors import author_name
from accord.track.followup_suggestions import confirm, dismiss, refresh_followups

followups_app = typer.Typer(
    help="Follow-up suggestions: restated promises and reported progress, to confirm or dismiss.",
    no_args_is_help=False,
)
STATES = ("open", "confirmed", "dismissed", "all")
SuggestionArgument = Annotated[
    int,
    typer.Argument(
        metavar="SUGGESTION", **ID_RANGE, help="Suggestion id (see 'accord followups')."
    ),
]


def register(app: typer.Typer) -> None:
    """Add the ``followups`` command group to the ``accord`` app."""
    app.add_typer(followups_app, name="followups")


@followups_app.callback(invoke_without_command=True)
def followups_command(
    ctx: typer.Context,
    commission: CommissionOption = None,
    state: Annotated[str, typer.Option(help="open, confirmed, dismissed or all.")] = "open",
    commitment: Annotated[
        int | None, typer.Option(**ID_RANGE, help="Only those of this commitment.")
    ] = None,
    limit: LimitOption = 100,
    db: DbOption = None,
    json_output: JsonOption = False,
) -> None:
    """List follow-up suggestions (open ones by default), by document and sentence."""
    if ctx.invoked_subcommand is not None:
        return
    choice(state, "--state", STATES)
    with opened(db) as database:
        rows = list_suggestions(
            database,
            None if state == "all" else state,
            commission,
            commitment_id=commitment,
            limit=limit or None,
        )
    if json_output:
        print_rows_json(rows)
        return
    if not rows:
        console.print(f"no follow-up suggestions ({state})", markup=False)
        return
    table = list_table(
        "Follow-ups",
        "id",
        "kind",
        ListColumn("status", optional=True),
        ListColumn("score", justify="right", optional=True),
        ListColumn("document", wide=True, optional=True),
        ListColumn("sentence", wide=True),
        ListColumn("commitment", wide=True),
    )
    for row in rows:
        table.add_row(
            str(row.id),
            row.kind if row.state == "open" else f"{row.kind} ({row.state})",
            row.suggested_status or "",
            f"{row.score:.2f}",
            row.document_title or row.document,
            row.text,
            f"{row.commitment_id} {row.commitment_session}: {row.commitment_text}",
        )
    print_list(table)


def _print_decision(row: SuggestionRow, json_output: bool) -> None:
    if json_output:
        print_json(row.to_json())
    else:
        console.print(
            f"suggestion {row.id}: {row.state} ({row.kind} of commitment {row.commitment_id})",
            markup=False,
            highlight=False,
        )


@followups_app.command("confirm")
def confirm_command(
    suggestion: SuggestionArgument,
    status: Annotated[
        str | None,
        typer.Option(
            help=f"The status to record instead of the suggested one: {', '.join(STATUSES)}."
        ),
    ] = None,
    note: NoteOption = None,
    author: AuthorOption = None,
    db: DbOption = None,
    json_output: JsonOption = False,
) -> None:
    """Confirm: a restatement is linked (recurring), progress becomes a status update."""
    with opened(db) as database, options_named():
        row = confirm(database, suggestion, author_name(author), status, note)
    _print_decision(row, json_output)


@followups_app.command("dismiss")
def dismiss_command(
    suggestion: SuggestionArgument,
    note: NoteOption = None,
    author: AuthorOption = None,
    db: DbOption = None,
    json_output: JsonOption = False,
) -> None:
    """Dismiss: the suggestion leaves the open list and is not proposed again."""
    with opened(db) as database:
        row = dismiss(database, suggestion, author_name(author), note)
    _print_decision(row, json_output)


@followups_app.command("refresh")
def refresh_command(
    commission: CommissionOption = None,
    gazetteer: GazetteerOption = None,
    db: DbOption = None,
    json_output: JsonOption = False,
) -> None:
    """Match every stored session report again; only new suggestions are added."""
    with opened(db) as database:
        added = refresh_followups(database, commission, gazetteer_files=tuple(gazetteer or ()))
    if json_output:
        print_json({"suggestions": added})
    else:
        console.print(f"{added} new follow-up suggestions", markup=False, highlight=False)
