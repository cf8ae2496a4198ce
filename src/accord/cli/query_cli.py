"""`accord commissions|sessions|agreements|commitments|search`: reading the record.

Each command prints a table for people, or with ``--json`` the same rows as
JSON for scripts; both come from one query function in ``accord.store``.
"""

from __future__ import annotations

from typing import Annotated

import typer

from accord.cli.input_options import ID_RANGE, line_text
from accord.cli.output import SECTORS_WIDTH, ListColumn, list_table, print_list
from accord.cli.store_options import (
    DbOption,
    JsonOption,
    LimitOption,
    choice,
    date_option,
    opened,
    print_rows_json,
)
from accord.core.records import SECTORS, STRENGTHS
from accord.store.agreements import list_agreements
from accord.store.commissions import list_commissions
from accord.store.commitments import CommitmentFilter, list_commitments
from accord.store.models import COMMITMENT_STATUSES
from accord.store.search import DEFAULT_SEARCH_LIMIT, SEARCH_KINDS, SearchKind, search
from accord.store.sessions import list_sessions

AGREEMENT_STATUSES = ("signed", "planned")


def register(app: typer.Typer) -> None:
    """Add the query commands to the ``accord`` app."""
    app.command("commissions")(commissions_command)
    app.command("sessions")(sessions_command)
    app.command("agreements")(agreements_command)
    app.command("commitments")(commitments_command)
    app.command("search")(search_command)


def _dates(start: object, end: object) -> str:
    if start and end and start != end:
        return f"{start} .. {end}"
    return str(start or end or "")


def commissions_command(db: DbOption = None, json_output: JsonOption = False) -> None:
    """List the commissions in the record, with their parties, names seen and sessions."""
    with opened(db) as database:
        rows = list_commissions(database)
    if json_output:
        print_rows_json(rows)
        return
    table = list_table(
        "Commissions",
        "id",
        ListColumn("commission", wide=True),
        "parties",
        "sessions",
        "latest",
        ListColumn("also called", wide=True, optional=True),
    )
    for row in rows:
        others = [alias for alias in row.aliases if alias != row.name]
        table.add_row(
            str(row.id),
            row.name or "(unnamed)",
            "-".join(row.parties),
            str(row.sessions),
            str(row.latest_session or ""),
            "; ".join(others),
        )
    print_list(table)


def sessions_command(
    commission: Annotated[
        str | None,
        typer.Argument(help="Commission id, name, alias or countries (all when left out)."),
    ] = None,
    db: DbOption = None,
    json_output: JsonOption = False,
) -> None:
    """List sessions, newest first, with how many sources, agreements and commitments each has."""
    with opened(db) as database:
        rows = list_sessions(database, commission)
    if json_output:
        print_rows_json(rows)
        return
    table = list_table(
        "Sessions",
        "id",
        ListColumn("commission", wide=True),
        "#",
        ListColumn("kind", optional=True),
        "dates",
        ListColumn("venue", wide=True, optional=True),
        ListColumn("sources", justify="right", optional=True),
        ListColumn("agreements", justify="right", optional=True),
        ListColumn("commitments", justify="right"),
    )
    for row in rows:
        venue = ", ".join(v for v in (row.venue_city, row.venue_country) if v)
        table.add_row(
            str(row.id),
            row.commission or "-".join(row.parties),
            str(row.ordinal or ""),
            row.kind,
            _dates(row.start, row.end),
            venue,
            str(row.sources),
            str(row.agreements),
            str(row.commitments),
        )
    print_list(table)


def agreements_command(
    commission: Annotated[
        str | None, typer.Option(callback=line_text, help="Commission id, name or alias.")
    ] = None,
    session: Annotated[
        int | None, typer.Option(**ID_RANGE, help="Session id (see 'accord sessions').")
    ] = None,
    status: Annotated[str | None, typer.Option(help="signed or planned.")] = None,
    limit: LimitOption = 100,
    db: DbOption = None,
    json_output: JsonOption = False,
) -> None:
    """List agreements signed or planned at sessions, newest first."""
    choice(status, "--status", AGREEMENT_STATUSES)
    with opened(db) as database:
        rows = list_agreements(database, commission, session, status, limit or None)
    if json_output:
        print_rows_json(rows)
        return
    table = list_table(
        "Agreements",
        "id",
        "session",
        ListColumn("commission", wide=True, optional=True),
        "status",
        ListColumn("kind", optional=True),
        ListColumn("parties", wide=True, optional=True),
        ListColumn("subject", wide=True),
        ListColumn("sources", justify="right", optional=True),
    )
    for row in rows:
        table.add_row(
            str(row.id),
            f"{row.session_id} #{row.ordinal or '?'}",
            row.commission or "",
            row.status,
            row.kind,
            "; ".join(row.parties),
            row.subject or "",
            str(row.sources),
        )
    print_list(table)


def commitments_command(
    commission: Annotated[
        str | None, typer.Option(callback=line_text, help="Commission id, name or alias.")
    ] = None,
    session: Annotated[
        int | None, typer.Option(**ID_RANGE, help="Session id (see 'accord sessions').")
    ] = None,
    sector: Annotated[str | None, typer.Option(help=f"One of: {', '.join(SECTORS)}.")] = None,
    strength: Annotated[str | None, typer.Option(help=f"One of: {', '.join(STRENGTHS)}.")] = None,
    status: Annotated[
        str | None, typer.Option(help=f"One of: {', '.join(COMMITMENT_STATUSES)}.")
    ] = None,
    agency: Annotated[
        str | None,
        typer.Option(callback=line_text, help="An acting organisation: acronym, name or alias."),
    ] = None,
    since: Annotated[
        str | None, typer.Option(help="Only sessions on or after this date (YYYY-MM-DD).")
    ] = None,
    limit: LimitOption = 100,
    db: DbOption = None,
    json_output: JsonOption = False,
) -> None:
    """List commitments, newest first, narrowed by commission, session, sector, agency and more."""
    filters = CommitmentFilter(
        commission=commission,
        session=session,
        sector=choice(sector, "--sector", SECTORS),
        strength=choice(strength, "--strength", STRENGTHS),
        status=choice(status, "--status", COMMITMENT_STATUSES),
        agency=agency,
        since=date_option(since, "--since"),
        limit=limit or None,
    )
    with opened(db) as database:
        rows = list_commitments(database, filters)
    if json_output:
        print_rows_json(rows)
        return
    table = list_table(
        "Commitments",
        "id",
        "session",
        ListColumn("date", optional=True),
        "strength",
        ListColumn("sectors", optional=True, max_width=SECTORS_WIDTH),
        "status",
        "due",
        ListColumn("sources", justify="right", optional=True),
        ListColumn("text", wide=True),
    )
    for row in rows:
        table.add_row(
            str(row.id),
            f"{row.session_id} #{row.ordinal or '?'}",
            str(row.session_start or ""),
            row.strength,
            ", ".join(row.sectors),
            row.status,
            row.due or "",
            str(row.sources),
            row.text,
        )
    print_list(table)


def search_command(
    text: Annotated[
        str,
        typer.Argument(
            callback=line_text,
            help="Words to find (all of them, any form: 'train' finds 'trains').",
        ),
    ],
    kind: Annotated[
        str | None, typer.Option(help="Only this kind: commitment, agreement or document.")
    ] = None,
    limit: Annotated[int, typer.Option(min=1, help="At most this many hits of each kind.")] = (
        DEFAULT_SEARCH_LIMIT
    ),
    db: DbOption = None,
    json_output: JsonOption = False,
) -> None:
    """Full-text search over commitments, agreements and documents."""
    kinds: tuple[SearchKind, ...] = SEARCH_KINDS
    if choice(kind, "--kind", SEARCH_KINDS) is not None:
        kinds = tuple(k for k in SEARCH_KINDS if k == kind)
    with opened(db) as database:
        hits = search(database, text, kinds, limit)
    if json_output:
        print_rows_json(hits)
        return
    table = list_table(
        "Search results",
        "kind",
        "id",
        ListColumn("where", wide=True),
        ListColumn("match", wide=True),
    )
    for hit in hits:
        table.add_row(hit.kind, str(hit.id), hit.label, hit.snippet.replace("\n", " "))
    print_list(table)
