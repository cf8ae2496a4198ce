"""Evaluating gold files end to end: real gold and source files, a stand-in extractor.

The extractor is replaced by one that returns hand-made records, so that the
expected scores can be counted by hand and stay fixed while the rules change.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from accord.core.documents import SourceDocument
from accord.core.records import Commitment, DocumentInfo, Extraction
from accord.core.scores import Ratio, Tally
from accord.core.scoring import locate_sentences
from accord.errors import GoldError
from accord.extract import evaluate
from accord.extract.evaluate import (
    evaluate_gold_file,
    evaluate_many,
    load_country_names,
    load_gold,
    load_source,
    source_path,
)

S1 = "The two sides agreed to build a pilot rail link between the two capitals."
S2 = "They will explore joint ventures in mining and heavy machinery."
S3 = "Three memoranda of understanding were signed at the close of the session."
S4 = "The session was chaired by the two ministers of energy and their deputies."
BODY = f"{S1} {S2}\n\n{S3} {S4}\n"


def gold_json(source_file: str = "seeds/doc.txt", **changes: Any) -> str:
    data: dict[str, Any] = {
        "schema": "accord.gold/1",
        "source_file": source_file,
        "document": {"published": "2025-11-28", "outlet": "Dawn"},
        "meeting": None,
        "agreements": [],
        "sentences": [
            {
                "quote": S1,
                "label": "commitment",
                "strength": ["decision"],
                "sectors": ["transport"],
            },
            {
                "quote": S2,
                "label": "commitment",
                "strength": ["exploration"],
                "sectors": ["industry"],
            },
            {"quote": S3, "label": "neutral", "why": "signed documents"},
            {"quote": S4, "label": "none"},
        ],
        "next_meeting": None,
    }
    data.update(changes)
    return json.dumps(data)


def write_corpus(root: Path, body: str = BODY, name: str = "doc", **gold: Any) -> Path:
    (root / "seeds").mkdir(exist_ok=True)
    (root / "gold").mkdir(exist_ok=True)
    (root / "seeds" / f"{name}.txt").write_text(body, encoding="utf-8")
    path = root / "gold" / f"{name}.gold.json"
    path.write_text(gold_json(f"seeds/{name}.txt", **gold), encoding="utf-8")
    return path


def commitment_on(text: str, phrase: str, strength: str, sector: str) -> Commitment:
    start = text.index(phrase)
    return Commitment.model_validate(
        {"id": f"c{start}", "text": phrase, "start": start, "end": start + len(phrase),
         "strength": strength, "sectors": [sector]}
    )  # fmt: skip


@pytest.fixture
def seen(monkeypatch: pytest.MonkeyPatch) -> list[SourceDocument]:
    """Stand in for the extractor: S1 right, S4 (a "none" sentence) wrong; record inputs."""
    documents: list[SourceDocument] = []

    def fake(document: SourceDocument) -> Extraction:
        documents.append(document)
        text = document.text
        return Extraction(
            document=DocumentInfo(id=document.id, text_sha256=document.sha256),
            commitments=[
                commitment_on(text, S1, "decision", "transport"),
                commitment_on(text, S4, "intention", "general"),
            ],
        )

    monkeypatch.setattr(evaluate, "extract", fake)
    return documents


def test_evaluate_gold_file_scores_the_extraction(
    tmp_path: Path, seen: list[SourceDocument]
) -> None:
    score = evaluate_gold_file(write_corpus(tmp_path))
    commitments = score.sheet.commitments
    # S1 matched, S4 is a "none" sentence, S2 missed.
    assert commitments.matches == Tally(tp=1, fp=1, fn=1)
    assert commitments.strength == Ratio(1, 1)
    assert score.sheet.meeting.fields_correct == Ratio(7, 7)
    assert score.sheet.next_meeting.fields_correct == Ratio(3, 3)
    assert score.sheet.grounding.spans == Ratio(2, 2)
    assert {(i.kind, i.text) for i in score.issues} == {
        ("false_positive", S4),
        ("false_negative", S2),
    }


def test_evaluate_gold_file_finds_source_beside_gold_folder(
    tmp_path: Path, seen: list[SourceDocument], monkeypatch: pytest.MonkeyPatch
) -> None:
    write_corpus(tmp_path)
    monkeypatch.chdir(tmp_path / "gold")
    evaluate_gold_file(Path("doc.gold.json"))
    assert Path(seen[0].source).resolve() == (tmp_path / "seeds" / "doc.txt").resolve()


def test_source_path_is_relative_to_gold_folder_parent(tmp_path: Path) -> None:
    gold_path = write_corpus(tmp_path)
    assert source_path(gold_path, load_gold(gold_path)) == tmp_path / "seeds" / "doc.txt"


def test_evaluate_gold_file_gold_metadata_fills_missing_metadata(
    tmp_path: Path, seen: list[SourceDocument]
) -> None:
    evaluate_gold_file(write_corpus(tmp_path))
    assert seen[0].published == dt.date(2025, 11, 28)
    assert seen[0].outlet == "Dawn"


def test_evaluate_gold_file_file_metadata_wins_over_gold(
    tmp_path: Path, seen: list[SourceDocument]
) -> None:
    body = "---\npublished: 2025-01-02\n---\n" + BODY
    evaluate_gold_file(write_corpus(tmp_path, body=body))
    assert seen[0].published == dt.date(2025, 1, 2)
    assert seen[0].outlet == "Dawn"
    # Offsets index the text after the front matter, so the quotes are still found.
    assert seen[0].text == BODY


def test_evaluate_many_reports_failures_and_goes_on(
    tmp_path: Path, seen: list[SourceDocument]
) -> None:
    good = write_corpus(tmp_path)
    bad_json = tmp_path / "gold" / "bad.gold.json"
    bad_json.write_text("{not json", encoding="utf-8")
    no_source = tmp_path / "gold" / "gone.gold.json"
    no_source.write_text(gold_json("seeds/gone.txt"), encoding="utf-8")
    wrong_quote = write_corpus(
        tmp_path, body=BODY.replace("pilot rail", "pilot road"), name="other"
    )
    missing = tmp_path / "gold" / "missing.gold.json"

    report = evaluate_many([bad_json, good, no_source, wrong_quote, missing])

    assert [d.gold for d in report.documents] == [str(good)]
    failures = {f.gold: f.error for f in report.failures}
    assert list(failures) == [str(bad_json), str(no_source), str(wrong_quote), str(missing)]
    assert failures[str(bad_json)].startswith(f"{bad_json}: invalid JSON")
    assert "seeds/gone.txt" in failures[str(no_source)]
    assert "quote not found" in failures[str(wrong_quote)]
    assert "cannot read" in failures[str(missing)]
    assert report.overall.documents == 1
    assert report.overall.micro.commitments.matches == Tally(tp=1, fp=1, fn=1)
    assert not report.ok


def test_evaluate_many_micro_averages_documents(tmp_path: Path, seen: list[SourceDocument]) -> None:
    first = write_corpus(tmp_path, name="one")
    second = write_corpus(tmp_path, name="two")
    report = evaluate_many([first, second])
    assert report.overall.micro.commitments.matches == Tally(tp=2, fp=2, fn=2)
    assert report.ok


def test_evaluate_many_flags_ungrounded_spans(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def shifted(document: SourceDocument) -> Extraction:
        good = commitment_on(document.text, S1, "decision", "transport")
        bad = good.model_copy(update={"start": good.start + 1, "end": good.end + 1})
        return Extraction(
            document=DocumentInfo(id=document.id, text_sha256=document.sha256), commitments=[bad]
        )

    monkeypatch.setattr(evaluate, "extract", shifted)
    report = evaluate_many([write_corpus(tmp_path)])
    assert report.documents[0].sheet.grounding.spans == Ratio(0, 1)
    assert report.ungrounded == report.documents
    assert not report.ok


def test_load_gold_bad_shape_names_file(tmp_path: Path) -> None:
    path = tmp_path / "x.gold.json"
    path.write_text(json.dumps({"schema": "accord.gold/1"}), encoding="utf-8")
    with pytest.raises(
        GoldError, match=r"x\.gold\.json: not a valid accord\.gold/1 file: source_file"
    ):
        load_gold(path)


def test_load_country_names_has_names_and_demonyms() -> None:
    names = load_country_names()
    assert {"Pakistan", "Russia", "Russian"} <= names


GOLD_DATA = Path(__file__).parent.parent / "data" / "gold"


@pytest.mark.parametrize("gold_path", sorted(GOLD_DATA.glob("*.gold.json")), ids=lambda p: p.name)
def test_gold_data_fits_its_documents(gold_path: Path) -> None:
    gold = load_gold(gold_path)
    document = load_source(gold_path, gold)
    located = locate_sentences(document.text, gold.sentences, str(gold_path))
    assert len(located) == len(gold.sentences)
