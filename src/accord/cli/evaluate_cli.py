"""`accord evaluate`: score extractions against gold files and print the figures."""

from __future__ import annotations

import glob
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from accord.cli.output import console, error_console
from accord.core.score_sheets import (
    MEETING_FIELDS,
    NEXT_MEETING_FIELDS,
    DocumentScore,
    Issue,
    OverallScore,
    Ratio,
    Tally,
    aggregate,
)
from accord.errors import ConfigError
from accord.extract.evaluate import (
    GOLD_SUFFIX,
    EvaluationReport,
    evaluate_many,
    load_extractions,
)
from accord.extract.gold_sets import (
    FIGURES,
    below_minimums,
    figure_value,
    gold_id,
    read_manifest,
    read_minimums,
    set_root,
    texts_folder,
)
from accord.extract.pipeline import DEFAULT_EXTRACTOR


def register(app: typer.Typer) -> None:
    """Add the ``evaluate`` command to the ``accord`` app."""
    app.command("evaluate")(evaluate_command)


def evaluate_command(
    gold: Annotated[
        list[str],
        typer.Argument(
            help=f"Gold files, folders (each *{GOLD_SUFFIX} inside, recursively) or globs.",
            show_default=False,
        ),
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    show_errors: Annotated[
        bool,
        typer.Option(
            "--show-errors", help="List each false positive, false negative and mismatch."
        ),
    ] = False,
    extractions: Annotated[
        Path | None,
        typer.Option(
            "--extractions",
            metavar="FILE",
            help="Score these accord.extraction/1 records (JSON Lines, a JSON array or one "
            "record, as accord extract writes them) instead of running an extractor; each "
            "gold file's record is the one whose document.text_sha256 is its source's.",
            show_default=False,
        ),
    ] = None,
    extractor: Annotated[
        str | None,
        typer.Option(
            "--extractor",
            metavar="NAME",
            help=f"Registered extractor to run (default {DEFAULT_EXTRACTOR}); "
            "not with --extractions.",
            show_default=False,
        ),
    ] = None,
    split: Annotated[
        str | None,
        typer.Option(
            "--split",
            metavar="dev|holdout",
            help="Only the gold files of this part of a set with a manifest "
            "(tests/data/real/manifest/*.jsonl); without it each part is also summed apart.",
            show_default=False,
        ),
    ] = None,
    minimums: Annotated[
        Path | None,
        typer.Option(
            "--minimums",
            metavar="FILE",
            help="Fail (exit 1) when an overall figure of a part is below its floor in FILE "
            '({"dev": {"commitments_f1": 0.8, ...}, "holdout": {...}}).',
            show_default=False,
        ),
    ] = None,
) -> None:
    """Score extractions against gold files (accord.gold/1).

    By default the extractor runs on each gold file's source document; with
    --extractions FILE the records in FILE, made earlier or by another tool, are
    scored instead, and a gold file whose source has no record there fails.

    Exits with 1 when a gold file cannot be scored or a span is not grounded.
    """
    if extractions is not None and extractor is not None:
        raise ConfigError("--extractor and --extractions cannot be used together")
    if split is not None and split not in ("dev", "holdout"):
        raise ConfigError(f"--split must be dev or holdout, not {split!r}")
    floors = [] if minimums is None else read_minimums(minimums)
    records = None if extractions is None else load_extractions(extractions)
    paths, empty = find_gold_files(gold)
    splits = splits_of(paths)
    if split is not None:
        paths = [p for p in paths if splits.get(p) == split]
    report = evaluate_many(paths, extractions=records, extractor=extractor or DEFAULT_EXTRACTOR)
    by_split = {
        part: aggregate([d for d in report.documents if splits.get(Path(d.gold)) == part])
        for part in ("dev", "holdout")
        if any(splits.get(Path(d.gold)) == part for d in report.documents)
    }
    if as_json:
        data = report.to_json_dict()
        data["splits"] = {part: overall.to_json_dict() for part, overall in by_split.items()}
        typer.echo(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        print_report(report, show_errors=show_errors)
        if by_split:
            console.print(_splits_table(by_split))
    problems = [f"{pattern}: no *{GOLD_SUFFIX} files found" for pattern in empty]
    problems += [_missing_text_hint(failure.error) for failure in report.failures]
    problems += [_ungrounded_message(d) for d in report.ungrounded]
    problems += below_minimums(by_split, floors)
    for problem in problems:
        error_console.print(f"error: {problem}", markup=False, highlight=False)
    if problems:
        raise typer.Exit(1)


def splits_of(paths: Sequence[Path]) -> dict[Path, str]:
    """The manifest split of each gold file that belongs to a set with a manifest."""
    manifests: dict[Path, dict[str, str]] = {}
    found: dict[Path, str] = {}
    for path in paths:
        root = set_root(path)
        if root not in manifests:
            manifests[root] = {k: e.split for k, e in read_manifest(root).items()}
        part = manifests[root].get(gold_id(path))
        if part is not None:
            found[path] = part
    return found


def _missing_text_hint(error: str) -> str:
    if "source_file" in error and "not found" in error:
        return (
            f"{error} (texts of third-party pages are kept out of git, in {texts_folder()}; "
            "see tests/data/real/README.md to rebuild them)"
        )
    return error


def _splits_table(by_split: dict[str, OverallScore]) -> Table:
    table = Table(title="By part of the set (micro)")
    table.add_column("figure")
    for part, overall in by_split.items():
        table.add_column(f"{part} ({overall.documents})", justify="right")
    for figure, label in FIGURES.items():
        table.add_row(label, *(_percent(figure_value(o, figure)) for o in by_split.values()))
    return table


def find_gold_files(arguments: Sequence[str]) -> tuple[list[Path], list[str]]:
    """Expand files, folders and globs into gold paths, and list the arguments that found none.

    A path that does not exist and is no glob is kept, so that it is reported
    as a gold file that cannot be read.
    """
    paths: list[Path] = []
    empty: list[str] = []
    for argument in arguments:
        found = _expand(argument)
        if not found:
            empty.append(argument)
        paths += [p for p in found if p not in paths]
    return paths, empty


def _expand(argument: str) -> list[Path]:
    path = Path(argument)
    if path.is_dir():
        return _gold_files_in(path)
    if path.exists() or not glob.has_magic(argument):
        return [path]
    found: list[Path] = []
    for match in sorted(glob.glob(argument, recursive=True)):
        candidate = Path(match)
        found += _gold_files_in(candidate) if candidate.is_dir() else [candidate]
    return found


def _gold_files_in(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob(f"*{GOLD_SUFFIX}") if p.is_file())


def _ungrounded_message(document: DocumentScore) -> str:
    spans = document.sheet.grounding.spans
    bad = spans.total - spans.correct
    return (
        f"{document.gold}: grounding {_percent(document.sheet.grounding.share)}: "
        f"{bad} of {spans.total} spans do not equal the document text at their offsets "
        "(an extractor bug)"
    )


def _percent(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.1f}%"


def _whole_percent(value: float | None) -> str:
    """A rounded percentage, so that the per-document table fits a terminal."""
    return "–" if value is None else f"{100 * value:.0f}%"


def _counts(tally: Tally) -> str:
    return f"tp {tally.tp}, fp {tally.fp}, fn {tally.fn}"


def _of(ratio: Ratio) -> str:
    return f"{ratio.correct}/{ratio.total}"


def _short_name(gold: str) -> str:
    name = Path(gold).name
    return name.removesuffix(GOLD_SUFFIX)


def print_report(report: EvaluationReport, *, show_errors: bool) -> None:
    """The per-document table, the overall block and, if asked, every issue."""
    if report.documents:
        console.print(_documents_table(report.documents))
        console.print(_overall_table(report.overall))
    else:
        console.print("No gold file could be scored.", markup=False)
    if show_errors:
        for document in report.documents:
            _print_issues(document)


def _documents_table(documents: Sequence[DocumentScore]) -> Table:
    table = Table(title="Per document")
    table.add_column("document", overflow="fold", min_width=12)
    for header in ("commit P", "commit R", "commit F1", "strength", "sector", "signed F1",
                   "planned F1", "meeting", "co-chair F1", "next", "grounding"):  # fmt: skip
        table.add_column(header.replace(" ", "\n"), justify="right", min_width=4)
    for document in documents:
        sheet = document.sheet
        matches = sheet.commitments.matches
        rates = (
            matches.precision,
            matches.recall,
            matches.f1,
            sheet.commitments.strength.value,
            sheet.commitments.sector.value,
            sheet.agreements.signed.f1,
            sheet.agreements.planned.f1,
        )
        table.add_row(
            _short_name(document.gold),
            *(_whole_percent(rate) for rate in rates),
            _of(sheet.meeting.fields_correct),
            _whole_percent(sheet.meeting.co_chairs.f1),
            _of(sheet.next_meeting.fields_correct),
            _whole_percent(sheet.grounding.share),
        )
    return table


def _overall_table(overall: OverallScore) -> Table:
    count = f"{overall.documents} document{'' if overall.documents == 1 else 's'}"
    table = Table(title=f"Overall, {count}: micro sums the counts, macro averages the documents")
    for header in ("figure", "micro", "counts", "macro"):
        table.add_column(header, justify="left" if header in ("figure", "counts") else "right")
    micro, macro = overall.micro, overall.macro
    commitments = micro.commitments
    rows: list[tuple[str, float | None, str, float | None]] = [
        ("commitments precision", commitments.matches.precision, _counts(commitments.matches),
         macro.commitment_precision),
        ("commitments recall", commitments.matches.recall, "", macro.commitment_recall),
        ("commitments F1", commitments.matches.f1, f"{commitments.neutral} on neutral sentences",
         macro.commitment_f1),
        ("strength accuracy", commitments.strength.value, _of(commitments.strength), None),
        ("sector accuracy", commitments.sector.value, _of(commitments.sector), None),
        ("due date (extra)", commitments.due.value, _of(commitments.due), None),
    ]  # fmt: skip
    for status in ("signed", "planned"):
        tally: Tally = getattr(micro.agreements, status)
        rows += [
            (f"{status} agreements precision", tally.precision, _counts(tally), None),
            (f"{status} agreements recall", tally.recall, "", None),
            (f"{status} agreements F1", tally.f1, "",
             macro.signed_f1 if status == "signed" else macro.planned_f1),
        ]  # fmt: skip
    for name in MEETING_FIELDS:
        ratio: Ratio = getattr(micro.meeting, name)
        rows.append((f"meeting {name}", ratio.value, _of(ratio), None))
    rows += [
        ("meeting fields", micro.meeting.fields_correct.value, _of(micro.meeting.fields_correct),
         macro.meeting_fields),
        ("meeting kind (extra)", micro.meeting.kind.value, _of(micro.meeting.kind), None),
        ("commission name (extra)", micro.meeting.commission_name.value,
         _of(micro.meeting.commission_name), None),
        ("co-chair F1", micro.meeting.co_chairs.f1, _counts(micro.meeting.co_chairs),
         macro.co_chair_f1),
        ("co-chair country", micro.meeting.co_chair_country.value,
         _of(micro.meeting.co_chair_country), None),
    ]  # fmt: skip
    for name in NEXT_MEETING_FIELDS:
        ratio = getattr(micro.next_meeting, name)
        rows.append((f"next meeting {name}", ratio.value, _of(ratio), None))
    next_fields = micro.next_meeting.fields_correct
    rows += [
        ("next meeting", next_fields.value, _of(next_fields), macro.next_meeting_fields),
        ("grounding", micro.grounding.share, f"{_of(micro.grounding.spans)} spans",
         macro.grounding),
    ]  # fmt: skip
    for figure, value, counts, macro_value in rows:
        table.add_row(figure, _percent(value), counts, _percent(macro_value))
    return table


def _print_issues(document: DocumentScore) -> None:
    console.print(f"\n{document.gold}: {len(document.issues)} issues", markup=False)
    for issue in document.issues:
        console.print(_issue_line(issue), markup=False, highlight=False)


def _issue_line(issue: Issue) -> str:
    where = f" @{issue.start}:{issue.end}" if issue.start is not None else ""
    text = issue.text if len(issue.text) <= 100 else issue.text[:100] + "…"
    line = f"  {issue.area} {issue.kind}{where}: {text!r}"
    if issue.kind == "false_positive" and issue.predicted is not None:
        line += f" [predicted {issue.predicted}]"
    if issue.detail:
        line += f" — {issue.detail}"
    return line
