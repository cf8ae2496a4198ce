"""`accord evaluate` on an anchored gold set kept like the real one: manifest, splits, minimums.

The texts lie outside the set (ACCORD_REAL_TEXTS), the gold files hold anchors
instead of quotes, and the records are hand-made so the figures can be counted.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from accord.errors import ConfigError

from .test_evaluate_cli import BODY, S1, S2, S3, on, record, run, write_extractions


def anchored(sentence: str) -> dict[str, str]:
    words = sentence.split()
    return {"head": " ".join(words[:4]), "tail": " ".join(words[-3:])}


def write_set(root: Path, texts: Path, splits: dict[str, str]) -> None:
    (root / "gold").mkdir(parents=True)
    (root / "manifest").mkdir()
    texts.mkdir(exist_ok=True)
    rows = []
    for name, part in splits.items():
        (texts / f"{name}.txt").write_text(BODY, encoding="utf-8")
        gold = {
            "schema": "accord.gold/1",
            "source_file": f"texts/{name}.txt",
            "sentences": [
                {"anchor": anchored(S1), "label": "commitment", "strength": ["decision"],
                 "sectors": ["transport"]},
                {"anchor": anchored(S2), "label": "commitment", "strength": ["exploration"],
                 "sectors": ["industry"]},
            ],
        }  # fmt: skip
        (root / "gold" / f"{name}.gold.json").write_text(json.dumps(gold), encoding="utf-8")
        rows.append(json.dumps({"id": name, "url": f"https://example.org/{name}", "split": part}))
    (root / "manifest" / "a.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")


@pytest.fixture
def real_set(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    texts = tmp_path / "local-texts"
    monkeypatch.setenv("ACCORD_REAL_TEXTS", str(texts))
    write_set(tmp_path / "real", texts, {"one": "dev", "two": "holdout"})
    return tmp_path / "real"


@pytest.fixture
def records(tmp_path: Path) -> Path:
    """S1 right, S3 a false positive, S2 missed: precision, recall and F1 are 0.5."""
    return write_extractions(tmp_path / "r.jsonl", record(BODY, on(BODY, S1), on(BODY, S3)))


def test_evaluate_anchored_gold_reads_texts_from_the_local_folder(
    real_set: Path, records: Path
) -> None:
    code, out, err = run(str(real_set / "gold"), "--json", "--extractions", str(records))
    assert code == 0, err
    data = json.loads(out)
    commitments = data["overall"]["micro"]["commitments"]
    assert (commitments["tp"], commitments["fp"], commitments["fn"]) == (2, 2, 2)
    assert set(data["splits"]) == {"dev", "holdout"}
    assert data["splits"]["dev"]["documents"] == 1


def test_evaluate_split_scores_only_that_part(real_set: Path, records: Path) -> None:
    code, out, _ = run(
        str(real_set / "gold"), "--json", "--split", "holdout", "--extractions", str(records)
    )
    assert code == 0
    data = json.loads(out)
    assert [Path(d["gold"]).name for d in data["documents"]] == ["two.gold.json"]
    assert list(data["splits"]) == ["holdout"]


def test_evaluate_minimums_fail_below_the_floor(
    real_set: Path, records: Path, tmp_path: Path
) -> None:
    floors = tmp_path / "minimums.json"
    floors.write_text(json.dumps({"dev": {"commitments_f1": 0.6, "grounding": 1.0}}))
    code, _, err = run(
        str(real_set / "gold"), "--extractions", str(records), "--minimums", str(floors)
    )
    assert code == 1
    assert "dev: commitments_f1 is 0.500, below its minimum 0.600" in err
    floors.write_text(json.dumps({"dev": {"commitments_f1": 0.5}, "holdout": {"grounding": 1.0}}))
    code, out, err = run(
        str(real_set / "gold"), "--extractions", str(records), "--minimums", str(floors)
    )
    assert code == 0, err
    assert "By part of the set" in out


def test_evaluate_names_the_texts_folder_when_a_text_is_missing(
    real_set: Path, records: Path, tmp_path: Path
) -> None:
    (tmp_path / "local-texts" / "one.txt").unlink()
    code, _, err = run(str(real_set / "gold"), "--extractions", str(records))
    assert code == 1
    assert "one.gold.json" in err
    assert str(tmp_path / "local-texts") in err


def test_evaluate_reports_an_anchor_that_does_not_resolve(real_set: Path, records: Path) -> None:
    gold_path = real_set / "gold" / "one.gold.json"
    gold = json.loads(gold_path.read_text())
    gold["sentences"][0]["anchor"]["head"] = "The three sides agreed"
    gold_path.write_text(json.dumps(gold))
    code, _, err = run(str(real_set / "gold"), "--extractions", str(records))
    assert code == 1
    assert "anchor head 'The three sides agreed' not found" in err


def test_evaluate_rejects_an_unknown_minimum_figure(
    real_set: Path, records: Path, tmp_path: Path
) -> None:
    floors = tmp_path / "minimums.json"
    floors.write_text(json.dumps({"dev": {"commitment_f1": 0.5}}))
    with pytest.raises(ConfigError, match="unknown figure 'commitment_f1'"):
        run(str(real_set / "gold"), "--extractions", str(records), "--minimums", str(floors))
