"""Lists print one line per item within the terminal's width; detail views print text whole."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from rich.cells import cell_len
from typer.testing import CliRunner

from accord.cli.main import app
from accord.cli.output import ListColumn, fit_columns, list_table
from accord.store.database import open_database, sqlite_url
from accord.track.names import record_names
from store.factories import app_report, dawn_report, save
from track.records import FIRST, save_first, save_second

LISTS = [
    ["commitments"],
    ["sessions"],
    ["agreements"],
    ["commissions"],
    ["search", "train"],
    ["review"],
    ["followups"],
]


@pytest.fixture(scope="module")
def record(tmp_path_factory: pytest.TempPathFactory) -> str:
    """Two commissions with long names and long commitments, drafts to review and follow-ups."""
    url = sqlite_url(tmp_path_factory.mktemp("lists") / "record.sqlite3")
    database = open_database(url, names=record_names)
    try:
        for build in (dawn_report, app_report):
            save(database, *build())
        save_first(database)
        save_second(database)
    finally:
        database.dispose()
    refreshed = CliRunner().invoke(app, ["followups", "refresh", "--db", url])
    assert refreshed.exit_code == 0, refreshed.output
    return url


def accord(args: list[str], width: int) -> str:
    """What ``accord ARGS`` prints in a fresh process on a terminal ``width`` columns wide."""
    result = subprocess.run(
        [sys.executable, "-m", "accord", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": str(width)},
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("width", [80, 160])
@pytest.mark.parametrize("args", LISTS, ids=lambda args: args[0])
def test_list_prints_each_item_on_one_line_within_the_width(
    record: str, args: list[str], width: int
) -> None:
    items = json.loads(accord([*args, "--db", record, "--json"], width))
    assert items, "the record has something to list"
    lines = accord([*args, "--db", record], width).splitlines()
    assert max(cell_len(line) for line in lines) <= width
    rule = next(i for i, line in enumerate(lines) if line.startswith("─"))
    rows = [line for line in lines[rule + 1 :] if line.strip()]
    assert len(rows) == len(items)
    for row, item in zip(rows, items, strict=True):
        assert str(item["id"]) in row.split()[:2]


def test_list_cuts_long_text_with_an_ellipsis_and_json_keeps_it_whole(record: str) -> None:
    items = json.loads(accord(["commitments", "--db", record, "--json"], 80))
    longest = max(items, key=lambda item: len(item["text"]))
    assert len(longest["text"]) > 80
    narrow = accord(["commitments", "--db", record], 80)
    assert longest["text"] not in narrow
    assert "…" in narrow
    assert json.loads(accord(["commitments", "--db", record, "--json"], 160)) == items


def test_list_wide_terminal_shows_more_than_a_narrow_one(record: str) -> None:
    narrow = accord(["sessions", "--db", record], 80)
    wide = accord(["sessions", "--db", record], 160)
    assert "venue" not in narrow and "venue" in wide
    assert "Kazakhstan-Uzbekistan Intergovernmental Commission " in wide


def test_detail_view_prints_the_text_whole_at_80_columns(record: str) -> None:
    items = json.loads(accord(["commitments", "--db", record, "--json", "--limit", "0"], 80))
    visa = next(item for item in items if "tourist visa" in item["text"])
    shown = accord(["status", str(visa["id"]), "--db", record], 80)
    assert "The sides will explore a joint tourist visa." in " ".join(shown.split())
    assert "joint tourist visa" in FIRST


def test_list_fit_gives_the_text_the_room_the_other_columns_leave() -> None:
    table = list_table(
        "Commitments",
        "id",
        ListColumn("sources", optional=True),
        ListColumn("text", wide=True),
    )
    table.add_row("7", "2", "word " * 40)
    assert fit_columns(table, 160) == {0: 2, 1: 7, 2: 160 - 2 - 7 - 2 * 2}
    assert fit_columns(table, 30) == {0: 2, 2: 26}
