"""Which sentences of a document are read for commitments: signings, and texts without a meeting."""

from __future__ import annotations

from pathlib import Path

from accord.core.documents import SourceDocument
from accord.extract.commitments import best_cue
from accord.extract.gazetteer import load_gazetteer_files
from accord.extract.pipeline import extract


def commitment_texts(text: str) -> list[str]:
    document = SourceDocument(source="test.txt", kind="text", text=text, published=None)
    return [c.text for c in extract(document).commitments]


def test_commitment_in_signing_sentence_needs_a_decision() -> None:
    decided = "The two sides decided to open a barter market under the agreement signed in 2019."
    aimed = "The ministers signed a memorandum on projects that aim to support farmers."
    text = f"Pakistan and Iran held the 9th session of their joint commission. {decided} {aimed}"
    assert commitment_texts(text) == [decided]


def test_commitments_in_text_naming_two_countries_without_a_meeting() -> None:
    text = (
        "Pakistan and Iran reiterated their commitment to expanding trade in fuel. "
        "The minister said there was a dire need to increase imports of gas from Iran."
    )
    assert len(commitment_texts(text)) == 2


def test_no_commitments_in_text_about_one_country() -> None:
    text = "The provincial government said it would recruit 12,000 teachers in Sindh next year."
    assert commitment_texts(text) == []


def test_gazetteer_file_adds_not_cue_phrases_and_portfolios(tmp_path: Path) -> None:
    extra = tmp_path / "mine.yaml"
    extra.write_text(
        "not_cue:\n  - '\\bwill\\s+showcase\\b'\nportfolios:\n  - Space Research\n",
        encoding="utf-8",
    )
    gazetteer = load_gazetteer_files((extra,))
    assert best_cue("The ministries will showcase new rockets.", gazetteer) is None
    assert "Space Research" in gazetteer.portfolios
