"""Evaluating gold files end to end: real gold and source files, hand-made extractions.

The records scored are made by hand and read back from a JSON Lines file, as
records made by another tool or an older Accord would be, so that the expected
scores can be counted by hand and stay fixed while the extractor's rules change.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from accord.core.documents import document_id, text_sha256
from accord.core.extraction_scoring import locate_sentences
from accord.core.records import Commitment, DocumentInfo, Extraction
from accord.core.score_sheets import Ratio, Tally
from accord.errors import ConfigError, GoldError
from accord.extract.evaluate import (
    evaluate_gold_file,
    evaluate_many,
    load_country_names,
    load_extractions,
    load_gold,
    load_source,
    source_path,
)
from accord.extract.pipeline import DEFAULT_EXTRACTOR

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


def record(text: str, *commitments: Commitment) -> Extraction:
    """A hand-made extraction of ``text``."""
    sha = text_sha256(text)
    return Extraction(
        document=DocumentInfo(id=document_id(sha), text_sha256=sha), commitments=list(commitments)
    )


def expected_record(text: str = BODY) -> Extraction:
    """S1 right, S4 (a "none" sentence) wrong, S2 missed: tp 1, fp 1, fn 1."""
    return record(
        text,
        commitment_on(text, S1, "decision", "transport"),
        commitment_on(text, S4, "intention", "general"),
    )


def write_extractions(path: Path, *records: Extraction) -> Path:
    """The records as JSON Lines, as ``accord extract --format jsonl`` writes them."""
    lines = [json.dumps(r.to_json_dict(), ensure_ascii=False) + "\n" for r in records]
    path.write_text("".join(lines), encoding="utf-8")
    return path


@pytest.fixture
def records(tmp_path: Path) -> dict[str, Extraction]:
    """The hand-made record of BODY, read back from a JSON Lines file."""
    return load_extractions(write_extractions(tmp_path / "records.jsonl", expected_record()))


def test_evaluate_gold_file_scores_the_extraction(
    tmp_path: Path, records: dict[str, Extraction]
) -> None:
    score = evaluate_gold_file(write_corpus(tmp_path), extractions=records)
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
    tmp_path: Path, records: dict[str, Extraction], monkeypatch: pytest.MonkeyPatch
) -> None:
    write_corpus(tmp_path)
    monkeypatch.chdir(tmp_path / "gold")
    score = evaluate_gold_file(Path("doc.gold.json"), extractions=records)
    assert Path(score.source).resolve() == (tmp_path / "seeds" / "doc.txt").resolve()
    assert score.sheet.commitments.matches == Tally(tp=1, fp=1, fn=1)


def test_source_path_is_relative_to_gold_folder_parent(tmp_path: Path) -> None:
    gold_path = write_corpus(tmp_path)
    assert source_path(gold_path, load_gold(gold_path)) == tmp_path / "seeds" / "doc.txt"


def test_load_source_gold_metadata_fills_missing_metadata(tmp_path: Path) -> None:
    gold_path = write_corpus(tmp_path)
    document = load_source(gold_path, load_gold(gold_path))
    assert document.published == dt.date(2025, 11, 28)
    assert document.outlet == "Dawn"


def test_evaluate_gold_file_file_metadata_wins_over_gold(
    tmp_path: Path, records: dict[str, Extraction]
) -> None:
    body = "---\npublished: 2025-01-02\n---\n" + BODY
    gold_path = write_corpus(tmp_path, body=body)
    document = load_source(gold_path, load_gold(gold_path))
    assert document.published == dt.date(2025, 1, 2)
    assert document.outlet == "Dawn"
    # Offsets index the text after the front matter, so the quotes are still found
    # and the record made from that text is the one scored.
    assert document.text == BODY
    score = evaluate_gold_file(gold_path, extractions=records)
    assert score.sheet.commitments.matches == Tally(tp=1, fp=1, fn=1)
    assert score.sheet.grounding.spans == Ratio(2, 2)


def test_evaluate_many_reports_failures_and_goes_on(
    tmp_path: Path, records: dict[str, Extraction]
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

    report = evaluate_many([bad_json, good, no_source, wrong_quote, missing], extractions=records)

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


def test_evaluate_many_micro_averages_documents(
    tmp_path: Path, records: dict[str, Extraction]
) -> None:
    first = write_corpus(tmp_path, name="one")
    second = write_corpus(tmp_path, name="two")
    report = evaluate_many([first, second], extractions=records)
    assert report.overall.micro.commitments.matches == Tally(tp=2, fp=2, fn=2)
    assert report.ok


def test_evaluate_many_flags_ungrounded_spans(tmp_path: Path) -> None:
    good = commitment_on(BODY, S1, "decision", "transport")
    bad = good.model_copy(update={"start": good.start + 1, "end": good.end + 1})
    path = write_extractions(tmp_path / "shifted.jsonl", record(BODY, bad))
    report = evaluate_many([write_corpus(tmp_path)], extractions=load_extractions(path))
    assert report.documents[0].sheet.grounding.spans == Ratio(0, 1)
    assert report.ungrounded == report.documents
    assert not report.ok


def test_evaluate_many_missing_record_fails_that_file_only(
    tmp_path: Path, records: dict[str, Extraction]
) -> None:
    good = write_corpus(tmp_path)
    other_body = BODY + "A closing sentence that no record was made for.\n"
    other = write_corpus(tmp_path, body=other_body, name="other")

    report = evaluate_many([other, good], extractions=records)

    assert [d.gold for d in report.documents] == [str(good)]
    source = tmp_path / "seeds" / "other.txt"
    assert [(f.gold, f.error) for f in report.failures] == [
        (
            str(other),
            f"{other}: no extraction record for {source} (text_sha256 {text_sha256(other_body)})",
        )
    ]
    assert report.overall.micro.commitments.matches == Tally(tp=1, fp=1, fn=1)
    assert not report.ok


def test_evaluate_many_runs_a_registered_extractor_by_name(tmp_path: Path) -> None:
    report = evaluate_many([write_corpus(tmp_path)], extractor=DEFAULT_EXTRACTOR)
    assert report.failures == ()
    assert [d.sheet.grounding.share for d in report.documents] == [1.0]


def test_evaluate_many_unknown_extractor_fails_before_any_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"unknown extractor 'no\.such\.v9'"):
        evaluate_many([write_corpus(tmp_path)], extractor="no.such.v9")


def test_load_extractions_keys_records_by_text_sha256(tmp_path: Path) -> None:
    other_text = "Another text entirely, with nothing committed."
    path = write_extractions(tmp_path / "r.jsonl", expected_record(), record(other_text))
    loaded = load_extractions(path)
    assert loaded == {
        text_sha256(BODY): expected_record(),
        text_sha256(other_text): record(other_text),
    }


def test_load_extractions_reads_a_json_array_and_a_single_record(tmp_path: Path) -> None:
    array = tmp_path / "array.json"
    array.write_text(json.dumps([expected_record().to_json_dict()], indent=2), encoding="utf-8")
    single = tmp_path / "single.json"
    single.write_text(json.dumps(expected_record().to_json_dict(), indent=2), encoding="utf-8")
    expected = {text_sha256(BODY): expected_record()}
    assert load_extractions(array) == expected
    assert load_extractions(single) == expected


def test_load_extractions_malformed_line_names_file_and_line(tmp_path: Path) -> None:
    path = write_extractions(tmp_path / "r.jsonl", expected_record())
    path.write_text(path.read_text(encoding="utf-8") + '{"schema": "accord.extraction/1",\n')
    with pytest.raises(ConfigError) as caught:
        load_extractions(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: line 2: invalid JSON (")
    assert "\n" not in message


def test_load_extractions_invalid_record_names_file_line_and_field(tmp_path: Path) -> None:
    data = expected_record().to_json_dict()
    data["commitments"][0]["strength"] = "maybe"
    path = write_extractions(tmp_path / "r.jsonl", record("Another text."))
    path.write_text(path.read_text(encoding="utf-8") + "\n" + json.dumps(data) + "\n")
    with pytest.raises(ConfigError) as caught:
        load_extractions(path)
    message = str(caught.value)
    assert message.startswith(
        f"{path}: line 3: not a valid accord.extraction/1 record: commitments.0.strength:"
    )
    assert "\n" not in message


def test_load_extractions_rejects_another_schema(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    path.write_text(
        json.dumps({**expected_record().to_json_dict(), "schema": "accord.extraction/2"})
    )
    with pytest.raises(ConfigError, match=r"line 1: schema is 'accord\.extraction/2'"):
        load_extractions(path)


def test_load_extractions_two_different_records_for_one_text(tmp_path: Path) -> None:
    path = write_extractions(tmp_path / "r.jsonl", expected_record(), record(BODY))
    with pytest.raises(
        ConfigError, match=r"line 2: a second, different record for text_sha256 .* line 1\)"
    ):
        load_extractions(path)


def test_load_extractions_unreadable_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"nope\.jsonl: cannot read the extractions file"):
        load_extractions(tmp_path / "nope.jsonl")


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
