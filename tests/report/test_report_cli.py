"""`accord report` and `accord export`: thin commands writing the same files as the library."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from icalendar import Calendar
from openpyxl import load_workbook
from typer.testing import CliRunner, Result

from accord.cli.main import app
from accord.errors import ConfigError, NotFoundError

from .conftest import Record
from .readers import read_docx, read_pdf


def run(*args: str) -> Result:
    return CliRunner().invoke(app, list(args))


def test_report_session_prints_markdown_by_default(record: Record) -> None:
    result = run("report", "session", "Kazakhstan–Uzbekistan #19", "--db", record.db.url)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# Session brief: 19th session of the Kazakhstan–Uzbekistan")
    assert "Nurlan Abenov" in result.stdout


def test_report_status_writes_the_format_its_output_names(record: Record, tmp_path: Path) -> None:
    for suffix in ("docx", "pdf", "html", "md"):
        output = tmp_path / f"status.{suffix}"
        result = run(
            "report", "status", "Kazakhstan–Uzbekistan", "--as-of", "2026-03-01",
            "--output", str(output), "--db", record.db.url,
        )  # fmt: skip
        assert result.exit_code == 0, result.output
    assert read_docx((tmp_path / "status.docx").read_bytes()).headings[1][0] == "Summary"
    assert "37.5%" in read_pdf((tmp_path / "status.pdf").read_bytes())[1]
    assert (tmp_path / "status.html").read_text().startswith("<!DOCTYPE html>")
    assert "37.5%" in (tmp_path / "status.md").read_text()


def test_report_refuses_binary_formats_on_the_terminal(record: Record) -> None:
    result = run("report", "session", "1", "--format", "docx", "--db", record.db.url)
    assert isinstance(result.exception, ConfigError)
    assert "DOCX is a binary format: name the file to write with --output" in str(result.exception)
    result = run("report", "status", "1", "--format", "odt", "--db", record.db.url)
    assert isinstance(result.exception, ConfigError)
    assert "--format: expected one of md, html, docx, pdf" in str(result.exception)
    result = run("report", "status", "Atlantis", "--db", record.db.url)
    assert isinstance(result.exception, NotFoundError)


def test_export_commitments_and_calendar(record: Record, tmp_path: Path) -> None:
    result = run("export", "commitments", "--db", record.db.url)
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout.lstrip("\ufeff"))))
    assert rows and "status_history" in rows[0]
    xlsx = tmp_path / "commitments.xlsx"
    assert run("export", "commitments", "-o", str(xlsx), "--db", record.db.url).exit_code == 0
    assert load_workbook(xlsx).sheetnames[0] == "Commitments"
    ics = tmp_path / "due.ics"
    result = run(
        "export",
        "calendar",
        "--commission",
        "Pakistan-Russia",
        "-o",
        str(ics),
        "--db",
        record.db.url,
    )
    assert result.exit_code == 0, result.output
    assert Calendar.from_ical(ics.read_bytes()).walk("VEVENT")


def test_export_without_a_subcommand_still_exports_the_whole_record(
    record: Record, tmp_path: Path
) -> None:
    assert run("export", str(tmp_path / "all.jsonl"), "--db", record.db.url).exit_code == 0
    assert (
        run("export", "record", str(tmp_path / "again.jsonl"), "--db", record.db.url).exit_code == 0
    )
    first = (tmp_path / "all.jsonl").read_text().splitlines()
    assert first[0].startswith('{"format": "accord.export/1"')
    assert first[1:] == (tmp_path / "again.jsonl").read_text().splitlines()[1:]
