"""`accord ingest`: documents in, one clean record out."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from accord.cli.extraction_options import (
    ClusterOption,
    ExtractorOption,
    OutletOption,
    PublishedOption,
    TitleOption,
    UrlOption,
    WorkersOption,
    metadata_overrides,
)
from accord.cli.fetch_options import AllowPrivateOption, opened_fetcher
from accord.cli.gazetteer_option import GazetteerOption
from accord.cli.output import console, error_console
from accord.cli.store_options import DbOption, JsonOption, opened, print_json
from accord.cli.track_options import AuthorOption
from accord.extract.pipeline import DEFAULT_EXTRACTOR
from accord.ingest import is_address
from accord.track.authors import author_name
from accord.track.ingestion import (
    IngestEvent,
    IngestOptions,
    IngestReport,
    collect_sources,
    ingest_addresses,
    ingest_paths,
)


def register(app: typer.Typer) -> None:
    """Add the ``ingest`` command to the ``accord`` app."""
    app.command("ingest")(ingest_command)


def ingest_command(
    sources: Annotated[
        list[str],
        typer.Argument(
            help="Files, folders, globs (.txt .md .html .pdf .docx) or web addresses "
            "(http:// or https://).",
            show_default=False,
        ),
    ],
    db: DbOption = None,
    workers: WorkersOption = 1,
    cluster: ClusterOption = None,
    published: PublishedOption = None,
    outlet: OutletOption = None,
    title: TitleOption = None,
    url: UrlOption = None,
    gazetteer: GazetteerOption = None,
    extractor: ExtractorOption = DEFAULT_EXTRACTOR,
    auto_accept: Annotated[
        bool, typer.Option("--auto-accept", help="Accept the extracted items without review.")
    ] = False,
    followups: Annotated[
        bool,
        typer.Option(
            help="Match each stored document against the open commitments of earlier sessions."
        ),
    ] = True,
    allow_private: AllowPrivateOption = False,
    author: AuthorOption = None,
    json_output: JsonOption = False,
) -> None:
    """Ingest documents: load, extract, resolve and store each one in its own transaction.

    A document already stored is recognised by its text and not stored twice;
    one stored by an older extractor is updated, keeping every human edit.
    Each file that fails is reported on one line on stderr, the others are
    still ingested, and the exit code is 1. Run the same command again to
    resume an interrupted batch. Each stored document is then matched against
    the open commitments of its commission's earlier sessions, and the
    follow-ups found wait in 'accord followups'. A web address is fetched
    (politely: robots.txt is honoured) and its page kept beside its document;
    an address stored before is not fetched again.
    """
    options = IngestOptions(
        overrides=metadata_overrides(published, outlet, title, url),
        workers=workers,
        cluster=cluster,
        extractor=extractor,
        gazetteer_files=tuple(gazetteer or ()),
        actor=author_name(author),
        auto_accept=auto_accept,
        followups=followups,
    )
    addresses = [source for source in sources if is_address(source)]
    paths, unreadable = collect_sources([s for s in sources if not is_address(s)])
    for event in unreadable:
        _print_error(event)
    total = len(paths) + len(addresses)
    with opened(db) as database, _progress(total) as progress:
        task = progress.add_task("ingesting", total=total)

        def on_event(event: IngestEvent) -> None:
            progress.advance(task)
            for problem in (event.error, event.follow_through_error):
                if problem is not None:
                    progress.console.print(f"error: {problem}", markup=False, highlight=False)

        report = ingest_paths(database, paths, options, on_event)
        if addresses:
            with opened_fetcher(allow_private) as fetcher:
                fetched = ingest_addresses(database, addresses, fetcher, options, on_event)
            report.events += fetched.events
    report.events[:0] = unreadable
    if json_output:
        print_json(report.to_json())
    else:
        print_summary(report)
        console.print(
            f"{report.accepted} items accepted, {report.suggestions} follow-up suggestions "
            "(see 'accord review' and 'accord followups')",
            markup=False,
            highlight=False,
        )
    if report.failures or report.follow_through_failures:
        raise typer.Exit(1)


def _progress(total: int) -> Progress:
    return Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=error_console,
        transient=True,
        disable=total < 2,
    )


def _print_error(event: IngestEvent) -> None:
    error_console.print(f"error: {event.error}", markup=False, highlight=False)


def print_summary(report: IngestReport) -> None:
    """The batch in a few lines: documents new, updated, already known, failed and why."""
    table = Table("documents", "count", title="Ingest summary", title_justify="left")
    table.add_row("new", str(report.count("new")))
    table.add_row("updated (newer extractor)", str(report.count("updated")))
    table.add_row("already known", str(report.count("known")))
    table.add_row("failed", str(report.count("failed")))
    console.print(table)
    if report.failures:
        failures = Table("file or address", "reason", title="Failed", title_justify="left")
        for event in report.failures:
            reason = (event.error or "").removeprefix(f"{event.source}: ")
            failures.add_row(event.source, reason)
        console.print(failures)
