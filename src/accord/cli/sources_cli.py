"""`accord sources`: feeds followed by polling (RSS, Atom, sitemaps, listing pages).

Listing sources and entries reads the store only; fetching and extraction are
imported by the commands that fetch (so that listing starts fast).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from accord.cli.fetch_options import AllowPrivateOption, opened_fetcher
from accord.cli.output import ListColumn, console, error_console, list_table, print_list
from accord.cli.store_options import (
    DbOption,
    JsonOption,
    LimitOption,
    choice,
    opened,
    print_json,
    print_rows_json,
)
from accord.cli.track_options import AuthorOption
from accord.store.models import ENTRY_STATES
from accord.store.sources import add_source, list_entries, list_sources, remove_source
from accord.track.authors import author_name

if TYPE_CHECKING:
    from accord.track.source_polls import EntryOutcome, PollReport

sources_app = typer.Typer(
    help="Feeds followed by polling: add, list and remove them, poll them, see their entries.",
    no_args_is_help=False,
)
AutoAcceptOption = Annotated[
    bool, typer.Option("--auto-accept", help="Accept the extracted items without review.")
]


def register(app: typer.Typer) -> None:
    """Add the ``sources`` command group to the ``accord`` app."""
    app.add_typer(sources_app, name="sources")


@sources_app.callback(invoke_without_command=True)
def sources_command(
    ctx: typer.Context, db: DbOption = None, json_output: JsonOption = False
) -> None:
    """List the sources followed, with their last poll and their entries by status."""
    if ctx.invoked_subcommand is not None:
        return
    with opened(db) as database:
        rows = list_sources(database)
    if json_output:
        print_rows_json(rows)
        return
    if not rows:
        console.print("no sources (add one with 'accord sources add URL --name NAME')")
        return
    table = list_table(
        "Sources",
        "name",
        ListColumn("address", wide=True),
        ListColumn("every", optional=True),
        ListColumn("last poll", optional=True),
        "new",
        "ingested",
        "skipped",
        "errors",
    )
    for row in rows:
        poll = "never"
        if row.polled_at is not None:
            poll = f"{row.polled_at:%Y-%m-%d %H:%M} {row.poll_status}"
        table.add_row(
            row.name,
            row.url,
            _every(row.every_seconds),
            poll,
            str(row.new),
            str(row.ingested),
            str(row.skipped),
            str(row.error),
        )
    print_list(table)
    for row in rows:
        if row.poll_error:
            error_console.print(f"{row.name}: {row.poll_error}", markup=False, highlight=False)


@sources_app.command("add")
def add_command(
    url: Annotated[str, typer.Argument(help="The feed, sitemap or listing page (http/https).")],
    name: Annotated[str, typer.Option(help="A short name to refer to the source by.")],
    every: Annotated[
        str | None,
        typer.Option(help="Poll at most this often: 30m, 6h, 1d, 2w (default: every poll)."),
    ] = None,
    pattern: Annotated[
        str | None,
        typer.Option(
            help="A regular expression links must match (needed for a listing page; "
            "narrows a feed or sitemap)."
        ),
    ] = None,
    allow_private: AllowPrivateOption = False,
    author: AuthorOption = None,
    db: DbOption = None,
    json_output: JsonOption = False,
) -> None:
    """Follow a feed: RSS, Atom, a sitemap, or a listing page with --pattern."""
    from accord.ingest import AddressPolicy, link_pattern, screen_address
    from accord.track.source_polls import interval_seconds

    address = screen_address(url, AddressPolicy(allow_private=allow_private))
    seconds = interval_seconds(every) if every else None
    if pattern is not None:
        link_pattern(pattern)
    with opened(db) as database, database.writing() as session:
        source = add_source(
            session,
            name=name,
            url=address,
            pattern=pattern,
            every_seconds=seconds,
            added_by=author_name(author),
        )
        added = {"id": source.id, "name": source.name, "url": source.url}
    if json_output:
        print_json(added)
    else:
        console.print(f"source {added['name']} added; 'accord sources poll' reads it", markup=False)


@sources_app.command("remove")
def remove_command(
    source: Annotated[str, typer.Argument(help="The source's name (or id).")],
    db: DbOption = None,
) -> None:
    """Stop following a source (its entries go; documents stored from them stay)."""
    with opened(db) as database, database.writing() as session:
        name = remove_source(session, source)
    console.print(f"source {name} removed", markup=False)


@sources_app.command("poll")
def poll_command(
    sources: Annotated[
        list[str] | None,
        typer.Argument(help="Poll only these sources, due or not (default: every due source)."),
    ] = None,
    allow_private: AllowPrivateOption = False,
    auto_accept: AutoAcceptOption = False,
    author: AuthorOption = None,
    db: DbOption = None,
    json_output: JsonOption = False,
) -> None:
    """Poll due sources once (for cron): keep new entries, ingest those about a meeting.

    Entries that report no bilateral meeting are kept as skipped, with the reason
    ('accord sources entries --status skipped'; 'accord sources ingest ID' takes one
    anyway). A source that cannot be read, or an entry that cannot be fetched, is
    reported on one line and the others go on; the exit code is then 1.
    """
    from accord.track.ingestion import IngestOptions
    from accord.track.source_polls import poll_sources

    options = IngestOptions(actor=author, auto_accept=auto_accept)
    with opened(db) as database, opened_fetcher(allow_private) as fetcher:
        report = poll_sources(
            database, fetcher, options, names=sources or (), on_entry=_print_problem
        )
    if json_output:
        print_json(report.to_json())
    else:
        _print_report(report)
    if report.failed:
        raise typer.Exit(1)


@sources_app.command("entries")
def entries_command(
    source: Annotated[str | None, typer.Argument(help="Only this source's entries.")] = None,
    status: Annotated[str, typer.Option(help=f"{', '.join(ENTRY_STATES)} or all.")] = "all",
    limit: LimitOption = 100,
    db: DbOption = None,
    json_output: JsonOption = False,
) -> None:
    """List the entries sources listed, newest first, with what became of each and why."""
    choice(status, "--status", (*ENTRY_STATES, "all"))
    statuses = () if status == "all" else (status,)
    with opened(db) as database:
        rows = list_entries(database, source=source, statuses=statuses, limit=limit or 1_000_000)
    if json_output:
        print_rows_json(rows)
        return
    if not rows:
        console.print(f"no entries ({status})", markup=False)
        return
    table = list_table(
        "Entries",
        "id",
        ListColumn("source", optional=True),
        "status",
        ListColumn("title", wide=True, optional=True),
        ListColumn("address", wide=True),
        ListColumn("reason", wide=True, optional=True),
    )
    for row in rows:
        table.add_row(
            str(row.id),
            row.source,
            row.status,
            row.title or "",
            row.url,
            row.document or row.reason or "",
        )
    print_list(table)


@sources_app.command("ingest")
def ingest_command(
    entries: Annotated[list[int], typer.Argument(help="Entry ids (see 'accord sources entries').")],
    allow_private: AllowPrivateOption = False,
    auto_accept: AutoAcceptOption = False,
    author: AuthorOption = None,
    db: DbOption = None,
    json_output: JsonOption = False,
) -> None:
    """Fetch and ingest entries anyway: skipped ones, or ones that failed before."""
    from accord.track.ingestion import IngestOptions
    from accord.track.source_polls import ingest_entries

    options = IngestOptions(actor=author, auto_accept=auto_accept)
    with opened(db) as database, opened_fetcher(allow_private) as fetcher:
        outcomes = ingest_entries(database, fetcher, entries, options, on_entry=_print_problem)
    if json_output:
        print_rows_json(outcomes)
    else:
        for outcome in outcomes:
            if outcome.status != "error":
                console.print(_outcome_line(outcome), markup=False, highlight=False)
    if any(outcome.status == "error" for outcome in outcomes):
        raise typer.Exit(1)


def _print_problem(outcome: EntryOutcome) -> None:
    if outcome.status == "error":
        error_console.print(
            f"error: {outcome.url}: {outcome.reason}", markup=False, highlight=False
        )


def _outcome_line(outcome: EntryOutcome) -> str:
    what = outcome.document or outcome.reason or ""
    return f"entry {outcome.id}: {outcome.status} ({what})" if what else f"entry {outcome.id}"


def _print_report(report: PollReport) -> None:
    if not report.polls:
        console.print("no source is due a poll", markup=False)
        return
    for poll in report.polls:
        if poll.status == "error":
            error_console.print(f"error: {poll.source}: {poll.error}", markup=False)
            continue
        read = "unchanged" if poll.status == "not_modified" else f"{poll.found} new entries"
        console.print(f"{poll.source}: {read}", markup=False, highlight=False)
        if poll.error:
            error_console.print(f"warning: {poll.source}: {poll.error}", markup=False)
    console.print(
        f"{report.count('ingested')} ingested, {report.count('skipped')} skipped "
        f"(no bilateral meeting), {report.count('error')} errors",
        markup=False,
        highlight=False,
    )


def _every(seconds: int | None) -> str:
    if seconds is None:
        return "each poll"
    for unit, size in (("w", 604800), ("d", 86400), ("h", 3600)):
        if seconds % size == 0:
            return f"{seconds // size}{unit}"
    return f"{seconds // 60}m"
