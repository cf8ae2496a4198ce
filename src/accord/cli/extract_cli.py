"""`accord extract`: documents in, `accord.extraction/1` records out."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
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
from accord.cli.gazetteer_option import GazetteerOption
from accord.cli.output import console, error_console
from accord.core.records import Extraction
from accord.errors import AccordError, ConfigError
from accord.extract.batch import BatchItem, extract_batch
from accord.extract.pipeline import DEFAULT_EXTRACTOR
from accord.ingest import expand_sources


def register(app: typer.Typer) -> None:
    """Add the ``extract`` command to the ``accord`` app."""
    app.command("extract")(extract_command)


def extract_command(
    sources: Annotated[
        list[str],
        typer.Argument(
            help="Files, folders or globs (.txt .md .html .pdf .docx).", show_default=False
        ),
    ],
    output_format: Annotated[
        str,
        typer.Option(
            "--format",
            help="json (pretty; an array for many), jsonl (one record a line), table (for people); "
            "auto: json for one document, jsonl for many.",
        ),
    ] = "auto",
    with_text: Annotated[
        bool, typer.Option("--with-text", help="Include the plain text as document.text.")
    ] = False,
    published: PublishedOption = None,
    outlet: OutletOption = None,
    title: TitleOption = None,
    url: UrlOption = None,
    gazetteer: GazetteerOption = None,
    extractor: ExtractorOption = DEFAULT_EXTRACTOR,
    workers: WorkersOption = 1,
    cluster: ClusterOption = None,
) -> None:
    """Extract grounded records (accord.extraction/1) from documents.

    Each file that cannot be read or extracted is reported on one line on
    stderr; the others are still extracted, and the exit code is 1.
    """
    if output_format not in ("auto", "json", "jsonl", "table"):
        raise ConfigError(f"--format: expected auto, json, jsonl or table, got {output_format!r}")
    overrides = metadata_overrides(published, outlet, title, url)
    paths = expand_sources(sources)
    fmt = output_format
    if fmt == "auto":
        fmt = "json" if len(paths) == 1 else "jsonl"
    failures = 0
    records: list[dict[str, Any]] = []
    for item in extract_batch(
        paths,
        overrides,
        workers=workers,
        cluster=cluster,
        extractor=extractor,
        gazetteer_files=tuple(gazetteer or ()),
    ):
        for note in item.document.notes if item.document is not None else ():
            error_console.print(f"warning: {item.path}: {note}", markup=False, highlight=False)
        if item.extraction is None:
            failures += 1
            error_console.print(f"error: {item.error}", markup=False, highlight=False)
            continue
        if fmt == "jsonl":
            typer.echo(json.dumps(record_json(item, with_text), ensure_ascii=False))
        elif fmt == "json":
            records.append(record_json(item, with_text))
        else:
            print_table(item.path, item.extraction)
    if fmt == "json" and records:
        payload: object = records[0] if len(paths) == 1 else records
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    if failures:
        raise AccordError(f"{failures} of {len(paths)} documents failed")


def record_json(item: BatchItem, with_text: bool) -> dict[str, Any]:
    """One record as JSON data; ``document.text`` only when asked for."""
    assert item.extraction is not None
    data = item.extraction.to_json_dict()
    if with_text and item.document is not None:
        data["document"]["text"] = item.document.text
    return data


def print_table(path: Path, extraction: Extraction) -> None:
    """A person's view of one extraction."""
    console.rule(f"[bold]{path}[/bold]")
    meeting = extraction.meeting
    if meeting is None:
        console.print("meeting: none reported")
    else:
        chairs = "; ".join(
            f"{c.name} ({c.post or '?'}, {c.country or '?'})" for c in meeting.co_chairs
        )
        console.print(
            f"meeting: {meeting.kind}, {meeting.commission.name or '(unnamed)'} "
            f"[{'-'.join(meeting.commission.parties)}], ordinal {meeting.ordinal}, "
            f"{meeting.start} .. {meeting.end}, {meeting.venue.city}, {meeting.venue.country}",
            markup=False,
        )
        console.print(f"co-chairs: {chairs or 'none found'}", markup=False)
    if extraction.agreements:
        table = Table("status", "kind", "parties", "subject", title="Agreements")
        for a in extraction.agreements:
            parties = "; ".join(
                f"{p.name}{f' ({p.acronym})' if p.acronym else ''} [{p.country or '?'}]"
                for p in a.parties
            )
            table.add_row(a.status, a.kind, parties, a.subject or "")
        console.print(table)
    if extraction.commitments:
        table = Table("id", "strength", "sectors", "due", "text", title="Commitments")
        for c in extraction.commitments:
            table.add_row(c.id, c.strength, ", ".join(c.sectors), c.due or "", c.text)
        console.print(table)
    nxt = extraction.next_meeting
    if nxt is not None:
        console.print(
            f"next meeting: ordinal {nxt.ordinal}, {nxt.city}, {nxt.country}, {nxt.when}",
            markup=False,
        )
