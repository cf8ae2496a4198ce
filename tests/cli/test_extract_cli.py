import json
import subprocess
import sys
from pathlib import Path

import pytest

SEED_TEXT = (
    "TASHKENT, March 5 - Uzbekistan and Kazakhstan held the 9th meeting of the Joint "
    "Intergovernmental Commission in Tashkent on 3-4 March 2026. The two sides agreed to "
    "launch a joint logistics hub at the border by the end of 2027.\n"
)


def accord(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "accord", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def batch(tmp_path: Path) -> Path:
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "a-good.txt").write_text(SEED_TEXT, encoding="utf-8")
    (folder / "b-empty.txt").write_text("   \n", encoding="utf-8")
    (folder / "c-binary.txt").write_bytes(b"\x00\x01\x02binary\x00" * 20)
    (folder / "d-good.md").write_text(
        "---\ntitle: Brief\npublished: 2026-03-06\n---\n" + SEED_TEXT, encoding="utf-8"
    )
    return folder


def test_extract_cli_batch_reports_bad_files_and_goes_on(batch: Path, tmp_path: Path) -> None:
    result = accord("extract", str(batch), cwd=tmp_path)
    assert result.returncode == 1
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["schema"] for r in records] == ["accord.extraction/1"] * 2
    assert records[1]["document"]["title"] == "Brief"
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert any("b-empty.txt" in line for line in errors)
    assert any("c-binary.txt" in line for line in errors)
    assert "2 of 4 documents failed" in result.stderr


def test_extract_cli_single_file_prints_pretty_json_with_text(tmp_path: Path) -> None:
    path = tmp_path / "brief.txt"
    path.write_text(SEED_TEXT, encoding="utf-8")
    result = accord("extract", str(path), "--with-text", "--published", "2026-03-06", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["document"]["text"] == SEED_TEXT
    assert record["document"]["published"] == "2026-03-06"
    assert record["meeting"]["ordinal"] == 9
    assert record["extractor"]["name"] == "accord.rules.v1"
    for commitment in record["commitments"]:
        assert SEED_TEXT[commitment["start"] : commitment["end"]] == commitment["text"]


def test_extract_cli_table_format_is_for_people(tmp_path: Path) -> None:
    path = tmp_path / "brief.txt"
    path.write_text(SEED_TEXT, encoding="utf-8")
    result = accord(
        "extract", str(path), "--format", "table", "--published", "2026-03-06", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert "commission_session" in result.stdout
    assert "logistics hub" in result.stdout


def test_extract_cli_bad_option_value_is_one_line_error(tmp_path: Path) -> None:
    path = tmp_path / "brief.txt"
    path.write_text(SEED_TEXT, encoding="utf-8")
    result = accord("extract", str(path), "--published", "28/11/2025", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "error: --published: expected a date as YYYY-MM-DD, got '28/11/2025'"
    ]


def test_extract_cli_missing_path_names_it(tmp_path: Path) -> None:
    result = accord("extract", "nowhere/*.txt", cwd=tmp_path)
    assert result.returncode == 1
    assert "nowhere/*.txt" in result.stderr


def test_extract_cli_unknown_extractor_lists_registered(tmp_path: Path) -> None:
    path = tmp_path / "brief.txt"
    path.write_text(SEED_TEXT, encoding="utf-8")
    result = accord("extract", str(path), "--extractor", "accord.magic.v9", cwd=tmp_path)
    assert result.returncode == 1
    assert "accord.rules.v1" in result.stderr


def test_extract_cli_bad_published_metadata_is_a_warning_and_the_document_is_kept(
    tmp_path: Path,
) -> None:
    path = tmp_path / "undated.md"
    path.write_text("---\ntitle: Brief\npublished: unknown\n---\n" + SEED_TEXT, encoding="utf-8")
    result = accord("extract", str(path), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["document"]["title"] == "Brief"
    assert record["document"]["published"] is None
    assert record["meeting"]["ordinal"] == 9
    assert f"warning: {path}: front matter: published 'unknown' is not a date" in result.stderr
