"""`accord review`: the queue of drafts, and accepting, correcting or rejecting them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated

import typer

from accord.cli.input_options import ID_RANGE, due_text, line_text, name_text, review_text
from accord.cli.output import SECTORS_WIDTH, ListColumn, console, list_table, print_list
from accord.cli.phrasing import options_named
from accord.cli.store_options import (
    DbOption,
    JsonOption,
    LimitOption,
    choice,
    opened,
    print_rows_json,
)
from accord.cli.track_options import AuthorOption, CommissionOption
from accord.store.review_queue import ReviewItem, ReviewKind, review_queue
from accord.track.authors import author_name
from accord.track.review import Correction, ReviewAction, decide, organisation_ref

review_app = typer.Typer(
    help="Review extracted items: list drafts, then accept, correct or reject them.",
    no_args_is_help=False,
)
AgreementFlag = Annotated[
    bool, typer.Option("--agreement", help="The ids are agreements (default: commitments).")
]
IdsArgument = Annotated[
    list[int],
    typer.Argument(**ID_RANGE, help="Commitment (or agreement) ids.", show_default=False),
]
STATES = ("draft", "accepted", "rejected")


def register(app: typer.Typer) -> None:
    """Add the ``review`` command group to the ``accord`` app."""
    app.add_typer(review_app, name="review")


@review_app.callback(invoke_without_command=True)
def review_command(
    ctx: typer.Context,
    commission: CommissionOption = None,
    session: Annotated[
        int | None, typer.Option(**ID_RANGE, help="Session id (see 'accord sessions').")
    ] = None,
    kind: Annotated[
        str | None, typer.Option(help="commitment or agreement (default: both).")
    ] = None,
    state: Annotated[str, typer.Option(help="draft, accepted or rejected.")] = "draft",
    limit: LimitOption = 100,
    db: DbOption = None,
    json_output: JsonOption = False,
) -> None:
    """List items waiting for review (drafts), oldest first; subcommands decide them."""
    if ctx.invoked_subcommand is not None:
        return
    choice(kind, "--kind", ("commitment", "agreement"))
    choice(state, "--state", STATES)
    kinds: tuple[ReviewKind, ...] = ("commitment", "agreement")
    if kind is not None:
        kinds = tuple(k for k in kinds if k == kind)
    with opened(db) as database:
        rows = review_queue(database, kinds, state, commission, session, limit=limit or None)
    if json_output:
        print_rows_json(rows)
        return
    _print_items(rows, f"Review queue ({state})")


def _print_items(rows: Sequence[ReviewItem], title: str) -> None:
    if not rows:
        console.print(f"no items: {title.lower()}", markup=False)
        return
    table = list_table(
        title,
        "kind",
        "id",
        ListColumn("session", wide=True, optional=True),
        ListColumn("state", optional=True),
        "strength/kind",
        ListColumn("sectors", optional=True, max_width=SECTORS_WIDTH),
        "due",
        ListColumn("text", wide=True),
    )
    for row in rows:
        table.add_row(
            row.kind,
            str(row.id),
            row.session,
            row.review_state,
            row.detail,
            ", ".join(row.sectors),
            row.due or "",
            row.text,
        )
    print_list(table)


def _decide(
    ids: list[int],
    action: ReviewAction,
    agreement: bool,
    author: str | None,
    db: str | None,
    json_output: bool,
    correction: Correction | None = None,
) -> None:
    kind: ReviewKind = "agreement" if agreement else "commitment"
    options = options_named(kind="--agreement-kind", status="--agreement-status")
    with opened(db) as database, options:
        rows = decide(database, kind, ids, action, author_name(author), correction)
    if json_output:
        print_rows_json(rows)
        return
    for row in rows:
        console.print(f"{row.kind} {row.id}: {row.review_state}", markup=False, highlight=False)


@review_app.command("accept")
def accept_command(
    ids: IdsArgument,
    agreement: AgreementFlag = False,
    author: AuthorOption = None,
    db: DbOption = None,
    json_output: JsonOption = False,
) -> None:
    """Accept items as extracted."""
    _decide(ids, "accept", agreement, author, db, json_output)


@review_app.command("reject")
def reject_command(
    ids: IdsArgument,
    agreement: AgreementFlag = False,
    author: AuthorOption = None,
    db: DbOption = None,
    json_output: JsonOption = False,
) -> None:
    """Reject items: they stay rejected when their documents are extracted again."""
    _decide(ids, "reject", agreement, author, db, json_output)


@review_app.command("correct")
def correct_command(
    item_id: Annotated[
        int, typer.Argument(metavar="ID", **ID_RANGE, help="Commitment (or agreement) id.")
    ],
    text: Annotated[
        str | None, typer.Option(callback=review_text, help="The corrected text.")
    ] = None,
    strength: Annotated[
        str | None, typer.Option(help="decision, intention or exploration.")
    ] = None,
    sector: Annotated[
        list[str] | None, typer.Option(help="A sector (repeatable; replaces the sectors).")
    ] = None,
    actor: Annotated[
        list[str] | None,
        typer.Option(
            callback=line_text,
            help="An acting organisation, NAME or NAME@ISO3 (repeatable; replaces them).",
        ),
    ] = None,
    owner: Annotated[
        list[str] | None,
        typer.Option(
            callback=line_text,
            help="An owning agency, NAME or NAME@ISO3 side (repeatable; replaces them).",
        ),
    ] = None,
    due: Annotated[
        str | None, typer.Option(callback=due_text, help="Due date: YYYY, YYYY-MM or YYYY-MM-DD.")
    ] = None,
    no_due: Annotated[bool, typer.Option("--no-due", help="Remove the due date.")] = False,
    subject: Annotated[
        str | None, typer.Option(callback=line_text, help="An agreement's subject.")
    ] = None,
    agreement_kind: Annotated[
        str | None, typer.Option(callback=name_text, help="An agreement's kind (mou, ...).")
    ] = None,
    agreement_status: Annotated[str | None, typer.Option(help="signed or planned.")] = None,
    agreement: AgreementFlag = False,
    author: AuthorOption = None,
    db: DbOption = None,
    json_output: JsonOption = False,
) -> None:
    """Correct an item (and so accept it); corrected fields survive re-extraction."""
    correction = Correction(
        text=text,
        strength=strength,
        due=due,
        clear_due=no_due,
        sectors=tuple(sector or ()),
        actors=tuple(organisation_ref(a) for a in actor or ()),
        owners=tuple(organisation_ref(o) for o in owner or ()),
        subject=subject,
        kind=agreement_kind,
        status=agreement_status,
    )
    _decide([item_id], "correct", agreement, author, db, json_output, correction)
