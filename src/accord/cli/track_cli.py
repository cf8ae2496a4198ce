"""`accord status|history|scorecard`, plus the `review` and `followups` groups: follow-through.

Each command is a thin wrapper over ``accord.track``: a table for people, or
with ``--json`` the same data for scripts.
"""

from __future__ import annotations

from typing import Annotated, cast

import typer
from rich.table import Table

from accord.cli import followups_cli, review_cli
from accord.cli.input_options import ID_RANGE, line_text, past_date
from accord.cli.output import console
from accord.cli.phrasing import options_named
from accord.cli.store_options import (
    DbOption,
    JsonOption,
    choice,
    date_option,
    opened,
    print_json,
    print_rows_json,
)
from accord.cli.track_options import AuthorOption, CommissionOption, NoteOption
from accord.core.follow_through import STATUSES, WITHDRAWN
from accord.errors import TrackError
from accord.store.statuses import CommitmentStatus
from accord.track.authors import author_name
from accord.track.scorecard import GROUPINGS, Grouping, scorecard
from accord.track.status import commitment_history, set_status

CommitmentArgument = Annotated[
    int,
    typer.Argument(
        metavar="COMMITMENT", **ID_RANGE, help="Commitment id (see 'accord commitments')."
    ),
]


def register(app: typer.Typer) -> None:
    """Add the follow-through commands to the ``accord`` app."""
    review_cli.register(app)
    app.command("status")(status_command)
    app.command("history")(history_command)
    followups_cli.register(app)
    app.command("scorecard")(scorecard_command)


def _print_status(row: CommitmentStatus) -> None:
    owners = "; ".join(
        f"{o['name']}{' @' + str(o['side']) if o['side'] else ''}"
        + (" (suggested)" if o["origin"] == "suggested" else "")
        for o in row.owners
    )
    table = Table(show_header=False, title=f"Commitment {row.id}", title_justify="left")
    for name, value in (
        ("text", row.text),
        ("session", f"{row.commission or '?'} {row.session}"),
        ("status", row.status),
        ("due", row.due or ""),
        ("owners", owners),
        ("sectors", ", ".join(row.sectors)),
        ("review", row.review_state),
        ("updates", str(len(row.history))),
    ):
        table.add_row(name, value)
    console.print(table)


def status_command(
    commitment: CommitmentArgument,
    set_: Annotated[
        str | None, typer.Option("--set", help=f"The new status: {', '.join(STATUSES)}.")
    ] = None,
    note: NoteOption = None,
    evidence: Annotated[
        str | None,
        typer.Option(
            callback=line_text,
            help="A URL, or a span of a stored document: DOC:START-END (id or doc-… key).",
        ),
    ] = None,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of", callback=past_date, help="The date the status holds from (default: today)."
        ),
    ] = None,
    replaces: Annotated[
        int | None,
        typer.Option(
            **ID_RANGE, metavar="UPDATE", help="A mistaken status update this one corrects."
        ),
    ] = None,
    withdraw: Annotated[
        int | None,
        typer.Option(
            **ID_RANGE, metavar="UPDATE", help="Withdraw a mistaken status update (with --note)."
        ),
    ] = None,
    author: AuthorOption = None,
    db: DbOption = None,
    json_output: JsonOption = False,
) -> None:
    """Show a commitment's status, or record a new one (--set) with a note and evidence.

    A mistaken update is corrected by a new entry: --set STATUS --replaces UPDATE, or
    --withdraw UPDATE; both stay in the history and the audit log.
    """
    if withdraw is not None and (set_ is not None or replaces is not None):
        raise TrackError("--withdraw goes without --set and --replaces")
    if withdraw is not None:
        set_, replaces = WITHDRAWN, withdraw
    if set_ is None and (note or evidence or as_of or replaces):
        raise TrackError("--note, --evidence, --as-of and --replaces go with --set STATUS")
    with opened(db) as database, options_named(status="--set"):
        if set_ is not None:
            set_status(
                database,
                commitment,
                set_,
                author_name(author),
                note=note,
                evidence=evidence,
                as_of=date_option(as_of, "--as-of"),
                replaces=replaces,
            )
        row, _audit = commitment_history(database, commitment)
    if json_output:
        print_json(row.to_json())
    else:
        _print_status(row)


def history_command(
    commitment: CommitmentArgument,
    db: DbOption = None,
    json_output: JsonOption = False,
) -> None:
    """A commitment's status history (oldest first) and every audited change to it."""
    with opened(db) as database:
        row, audit = commitment_history(database, commitment)
    if json_output:
        print_json({"commitment": row.to_json(), "audit": [a.to_json() for a in audit]})
        return
    _print_status(row)
    updates = Table("as of", "status", "by", "note", "evidence", title="Status history")
    for update in row.history:
        evidence = update["evidence_url"] or update["evidence_text"] or ""
        updates.add_row(
            str(update["as_of"]),
            str(update["status"]),
            str(update["author"]),
            str(update["note"] or ""),
            str(evidence),
        )
    console.print(updates if row.history else "no status updates: no_evidence", markup=False)
    changes = Table("when", "who", "action", "before", "after", title="Audit log")
    for entry in audit:
        changes.add_row(
            entry.at.isoformat(timespec="seconds"),
            entry.actor,
            entry.action,
            str(entry.before or ""),
            str(entry.after or ""),
        )
    if audit:
        console.print(changes)


def scorecard_command(
    commission: CommissionOption = None,
    by: Annotated[str, typer.Option(help="session, sector, agency or side.")] = "session",
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", help="Judge overdue items on this date (default: today)."),
    ] = None,
    db: DbOption = None,
    json_output: JsonOption = False,
) -> None:
    """Delivery per session, sector, agency or side, with the compliance score.

    Compliance: completed +1, in progress 0, not started / stalled / dropped −1;
    percentage = (mean + 1) / 2 × 100. Items with no evidence are not scored
    but counted apart.
    """
    grouping = cast(Grouping, choice(by, "--by", GROUPINGS))
    with opened(db) as database:
        rows = scorecard(database, grouping, commission, date_option(as_of, "--as-of"))
    if json_output:
        print_rows_json(rows)
        return
    table = Table(
        by,
        "commitments",
        *(s.replace("_", " ") for s in STATUSES),
        "overdue",
        "recurring",
        "compliance",
        title="Scorecard",
    )
    for row in rows:
        table.add_row(
            row.group,
            str(row.commitments),
            *(str(row.by_status[s]) for s in STATUSES),
            str(row.overdue),
            str(row.recurring),
            "" if row.compliance_percent is None else f"{row.compliance_percent:.1f}%",
        )
    console.print(table)
