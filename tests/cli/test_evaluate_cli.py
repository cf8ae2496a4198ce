"""`accord evaluate`: finding gold files, the table, JSON, listed errors and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from accord.cli import evaluate_cli
from accord.cli.evaluate_cli import find_gold_files
from accord.core.documents import SourceDocument
from accord.core.records import Commitment, DocumentInfo, Extraction
from accord.extract import evaluate

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


@pytest.fixture(autouse=True)
def fake_extract(monkeypatch: pytest.MonkeyPatch) -> None:
    """Predict S1 (right) and S3 (a "none" sentence): tp 1, fp 1, fn 1."""

    def fake(document: SourceDocument) -> Extraction:
        return Extraction(
            document=DocumentInfo(id=document.id, text_sha256=document.sha256),
            commitments=[on(document.text, S1), on(document.text, S3)],
        )

    monkeypatch.setattr(evaluate, "extract", fake)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(make_app(), ["evaluate", *args])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def test_evaluate_json_for_a_folder(tmp_path: Path) -> None:
    write_corpus(tmp_path)
    code, out, _ = run(str(tmp_path / "gold"), "--json")
    assert code == 0
    data = json.loads(out)
    assert data["schema"] == "accord.evaluation/1"
    assert [Path(d["gold"]).name for d in data["documents"]] == ["doc.gold.json"]
    commitments = data["overall"]["micro"]["commitments"]
    assert (commitments["tp"], commitments["fp"], commitments["fn"]) == (1, 1, 1)
    assert commitments["precision"] == 0.5
    assert data["overall"]["micro"]["grounding"]["share"] == 1.0
    assert data["failures"] == []


def test_evaluate_prints_tables(tmp_path: Path) -> None:
    gold = write_corpus(tmp_path)
    code, out, _ = run(str(gold))
    assert code == 0
    assert "Per document" in out
    assert "commitments precision" in out
    assert "50.0%" in out
    assert "co-chair F1" in out
    assert "grounding" in out


def test_evaluate_show_errors_lists_false_positives_and_negatives(tmp_path: Path) -> None:
    gold = write_corpus(tmp_path)
    code, out, _ = run(str(gold), "--show-errors")
    assert code == 0
    assert "commitment false_positive" in out
    assert "[predicted decision]" in out
    assert "commitment false_negative" in out
    assert S2[:40] in out


def test_evaluate_bad_gold_file_exits_1_after_the_rest(tmp_path: Path) -> None:
    write_corpus(tmp_path)
    (tmp_path / "gold" / "bad.gold.json").write_text("[1, 2", encoding="utf-8")
    code, out, err = run(str(tmp_path / "gold"), "--json")
    assert code == 1
    data = json.loads(out)
    assert len(data["documents"]) == 1
    assert len(data["failures"]) == 1
    assert "bad.gold.json: invalid JSON" in err


def test_evaluate_ungrounded_span_exits_1(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def shifted(document: SourceDocument) -> Extraction:
        return Extraction(
            document=DocumentInfo(id=document.id, text_sha256=document.sha256),
            commitments=[on(document.text, S1), on(document.text, S2, shift=1)],
        )

    monkeypatch.setattr(evaluate, "extract", shifted)
    code, _, err = run(str(write_corpus(tmp_path)))
    assert code == 1
    assert "grounding 50.0%: 1 of 2 spans" in err


def test_evaluate_glob_pattern(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_corpus(tmp_path, "one")
    write_corpus(tmp_path, "two")
    monkeypatch.chdir(tmp_path)
    code, out, _ = run("gold/*.gold.json", "--json")
    assert code == 0
    assert [d["gold"] for d in json.loads(out)["documents"]] == [
        "gold/one.gold.json",
        "gold/two.gold.json",
    ]


def test_evaluate_folder_without_gold_files_exits_1(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    code, out, err = run(str(tmp_path / "empty"))
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
