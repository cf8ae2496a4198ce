"""`accord evaluate`: finding gold files, the table, JSON, listed errors and exit codes.

The records scored are hand-made and given with --extractions, so the
expected figures can be counted by hand.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from accord.cli import evaluate_cli
from accord.cli.evaluate_cli import find_gold_files
from accord.core.documents import document_id, text_sha256
from accord.core.records import Commitment, DocumentInfo, Extraction
from accord.errors import ConfigError

S1 = "The two sides agreed to build a pilot rail link between the two capitals."
S2 = "They will explore joint ventures in mining and heavy machinery."
S3 = "The session was chaired by the two ministers of energy and their deputies."
BODY = f"{S1} {S2} {S3}\n"
GOLD = {
    "schema": "accord.gold/1",
    "source_file": "seeds/doc.txt",
    "sentences": [
        {"quote": S1, "label": "commitment", "strength": ["decision"], "sectors": ["transport"]},
        {"quote": S2, "label": "commitment", "strength": ["exploration"], "sectors": ["industry"]},
        {"quote": S3, "label": "none"},
    ],
}


def make_app() -> typer.Typer:
    app = typer.Typer()

    @app.callback()
    def root() -> None:
        """The test app, holding only the evaluate command."""

    evaluate_cli.register(app)
    return app


def write_corpus(root: Path, name: str = "doc") -> Path:
    (root / "seeds").mkdir(exist_ok=True)
    (root / "gold").mkdir(exist_ok=True)
    (root / "seeds" / f"{name}.txt").write_text(BODY, encoding="utf-8")
    path = root / "gold" / f"{name}.gold.json"
    path.write_text(json.dumps({**GOLD, "source_file": f"seeds/{name}.txt"}), encoding="utf-8")
    return path


def on(text: str, phrase: str, shift: int = 0) -> Commitment:
    start = text.index(phrase) + shift
    return Commitment(
        id=f"c{start}", text=phrase, start=start, end=start + len(phrase),
        strength="decision", sectors=["transport"],
    )  # fmt: skip


def record(text: str, *commitments: Commitment) -> Extraction:
    sha = text_sha256(text)
    return Extraction(
        document=DocumentInfo(id=document_id(sha), text_sha256=sha), commitments=list(commitments)
    )


def write_extractions(path: Path, *records: Extraction) -> Path:
    path.write_text("".join(json.dumps(r.to_json_dict()) + "\n" for r in records), "utf-8")
    return path


@pytest.fixture
def records(tmp_path: Path) -> Path:
    """Predict S1 (right) and S3 (a "none" sentence) of BODY: tp 1, fp 1, fn 1."""
    return write_extractions(tmp_path / "records.jsonl", record(BODY, on(BODY, S1), on(BODY, S3)))


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(make_app(), ["evaluate", *args])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def test_evaluate_json_for_a_folder(tmp_path: Path, records: Path) -> None:
    write_corpus(tmp_path)
    code, out, _ = run(str(tmp_path / "gold"), "--json", "--extractions", str(records))
    assert code == 0
    data = json.loads(out)
    assert data["schema"] == "accord.evaluation/1"
    assert [Path(d["gold"]).name for d in data["documents"]] == ["doc.gold.json"]
    commitments = data["overall"]["micro"]["commitments"]
    assert (commitments["tp"], commitments["fp"], commitments["fn"]) == (1, 1, 1)
    assert commitments["precision"] == 0.5
    assert data["overall"]["micro"]["grounding"]["share"] == 1.0
    assert data["failures"] == []


def test_evaluate_prints_tables(tmp_path: Path, records: Path) -> None:
    gold = write_corpus(tmp_path)
    code, out, _ = run(str(gold), "--extractions", str(records))
    assert code == 0
    assert "Per document" in out
    assert "commitments precision" in out
    assert "50.0%" in out
    assert "co-chair F1" in out
    assert "grounding" in out


def test_evaluate_show_errors_lists_false_positives_and_negatives(
    tmp_path: Path, records: Path
) -> None:
    gold = write_corpus(tmp_path)
    code, out, _ = run(str(gold), "--show-errors", "--extractions", str(records))
    assert code == 0
    assert "commitment false_positive" in out
    assert "[predicted decision]" in out
    assert "commitment false_negative" in out
    assert S2[:40] in out


def test_evaluate_bad_gold_file_exits_1_after_the_rest(tmp_path: Path, records: Path) -> None:
    write_corpus(tmp_path)
    (tmp_path / "gold" / "bad.gold.json").write_text("[1, 2", encoding="utf-8")
    code, out, err = run(str(tmp_path / "gold"), "--json", "--extractions", str(records))
    assert code == 1
    data = json.loads(out)
    assert len(data["documents"]) == 1
    assert len(data["failures"]) == 1
    assert "bad.gold.json: invalid JSON" in err


def test_evaluate_ungrounded_span_exits_1(tmp_path: Path) -> None:
    shifted = record(BODY, on(BODY, S1), on(BODY, S2, shift=1))
    path = write_extractions(tmp_path / "shifted.jsonl", shifted)
    code, _, err = run(str(write_corpus(tmp_path)), "--extractions", str(path))
    assert code == 1
    assert "grounding 50.0%: 1 of 2 spans" in err


def test_evaluate_missing_record_is_reported_and_the_rest_scored(
    tmp_path: Path, records: Path
) -> None:
    write_corpus(tmp_path, "a")
    other = write_corpus(tmp_path, "b")
    other_body = BODY + "A closing sentence that no record was made for.\n"
    (tmp_path / "seeds" / "b.txt").write_text(other_body, encoding="utf-8")
    code, out, err = run(str(tmp_path / "gold"), "--json", "--extractions", str(records))
    assert code == 1
    data = json.loads(out)
    assert [Path(d["gold"]).name for d in data["documents"]] == ["a.gold.json"]
    commitments = data["overall"]["micro"]["commitments"]
    assert (commitments["tp"], commitments["fp"], commitments["fn"]) == (1, 1, 1)
    expected = (
        f"{other}: no extraction record for {tmp_path / 'seeds' / 'b.txt'} "
        f"(text_sha256 {text_sha256(other_body)})"
    )
    assert data["failures"] == [{"gold": str(other), "error": expected}]
    assert f"error: {expected}" in err.splitlines()


def test_evaluate_malformed_extractions_line_is_one_line_error(tmp_path: Path) -> None:
    write_corpus(tmp_path)
    path = write_extractions(tmp_path / "records.jsonl", record(BODY, on(BODY, S1)))
    path.write_text(path.read_text(encoding="utf-8") + "{not a record}\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "accord", "evaluate", "gold", "--extractions", "records.jsonl"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "error: records.jsonl: line 2: invalid JSON "
        "(Expecting property name enclosed in double quotes)"
    ]


def test_evaluate_extractor_and_extractions_together_is_an_error(
    tmp_path: Path, records: Path
) -> None:
    gold = str(write_corpus(tmp_path))
    with pytest.raises(ConfigError, match="--extractor and --extractions"):
        run(gold, "--extractions", str(records), "--extractor", "accord.rules.v1")


def test_evaluate_unknown_extractor_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"unknown extractor 'no\.such\.v9'"):
        run(str(write_corpus(tmp_path)), "--extractor", "no.such.v9")


def test_evaluate_help_documents_extractions() -> None:
    code, out, _ = run("--help")
    assert code == 0
    assert "--extractions" in out
    assert "--extractor" in out


def test_evaluate_glob_pattern(
    tmp_path: Path, records: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_corpus(tmp_path, "one")
    write_corpus(tmp_path, "two")
    monkeypatch.chdir(tmp_path)
    code, out, _ = run("gold/*.gold.json", "--json", "--extractions", str(records))
    assert code == 0
    assert [d["gold"] for d in json.loads(out)["documents"]] == [
        "gold/one.gold.json",
        "gold/two.gold.json",
    ]


def test_evaluate_folder_without_gold_files_exits_1(tmp_path: Path, records: Path) -> None:
    (tmp_path / "empty").mkdir()
    code, out, err = run(str(tmp_path / "empty"), "--extractions", str(records))
    assert code == 1
    assert "No gold file could be scored." in out
    assert "no *.gold.json files found" in err


def test_find_gold_files_recurses_and_keeps_each_file_once(tmp_path: Path) -> None:
    top = write_corpus(tmp_path, "a")
    nested = tmp_path / "gold" / "more" / "b.gold.json"
    nested.parent.mkdir()
    nested.write_text("{}", encoding="utf-8")
    (tmp_path / "gold" / "notes.json").write_text("{}", encoding="utf-8")
    paths, empty = find_gold_files([str(tmp_path / "gold"), str(top)])
    assert paths == [top, nested]
    assert empty == []


def test_find_gold_files_keeps_missing_path_to_report_it(tmp_path: Path) -> None:
    missing = tmp_path / "nope.gold.json"
    assert find_gold_files([str(missing)]) == ([missing], [])
    assert find_gold_files([str(tmp_path / "*.gold.json")]) == ([], [str(tmp_path / "*.gold.json")])
