"""Vocabulary files: a bad entry is named with its file; a gazetteer file extends the data."""

from __future__ import annotations

import copy
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import yaml

from accord.core.documents import SourceDocument
from accord.errors import ConfigError
from accord.extract.agreement_vocabulary import AgreementsFile
from accord.extract.gazetteer import load_gazetteer
from accord.extract.pipeline import extract
from accord.extract.vocabulary_files import validated

from .case_tables import OPENING, PUBLISHED

BUILT_IN = yaml.safe_load(
    (resources.files("accord.extract") / "data" / "agreements.yaml").read_text(encoding="utf-8")
)


def changed(path: list[str | int], value: Any) -> Any:
    data = copy.deepcopy(BUILT_IN)
    target = data
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    return data


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (
            ["cues", "signed", 1],
            "(unclosed",
            r"^agreements\.yaml: cues\.signed\[1\]: bad pattern '\(unclosed' \(missing \), ",
        ),
        (
            ["documents", 3, "kind"],
            "treaty",
            r"^agreements\.yaml: documents\[3\]\.kind: Input should be 'mou', .* \(got 'treaty'\)$",
        ),
        (
            ["confidence", "two_parties"],
            1.5,
            r"^agreements\.yaml: confidence\.two_parties: Input should be less than or equal to 1 "
            r"\(got 1\.5\)$",
        ),
        (
            ["grammar", "subject_after_parties"],
            "on (.+)",
            r"^agreements\.yaml: grammar\.subject_after_parties: pattern 'on \(\.\+\)' must "
            r"capture \(\?P<s>\.\.\.\)$",
        ),
        (
            ["cues", "planned_after"],
            [],
            r"^agreements\.yaml: cues\.planned_after: List should have",
        ),
    ],
)
def test_agreements_file_errors_name_the_file_and_the_entry(
    path: list[str | int], value: Any, message: str
) -> None:
    with pytest.raises(ConfigError, match=message):
        validated(AgreementsFile, changed(path, value), "agreements.yaml")


def test_agreements_file_as_shipped_is_valid() -> None:
    assert validated(AgreementsFile, BUILT_IN, "agreements.yaml").numbers["twelve"] == 12


EXTRA = """\
agreements:
  documents:
    - {kind: other, pattern: 'aide-m[eé]moires?'}
  cues:
    signed: ['\\bsealed\\b']
"""
SEALED = (
    "An aide-memoire on water sharing was sealed between the State Revenue Committee and "
    "the Customs Committee of Uzbekistan."
)


def found_agreements(files: list[Path]) -> list[tuple[str, str, str | None]]:
    text = OPENING + SEALED
    document = SourceDocument(source="x.txt", kind="text", text=text, published=PUBLISHED)
    extraction = extract(document, gazetteer_files=files)
    return [(a.kind, a.status, a.subject) for a in extraction.agreements]


def test_gazetteer_file_adds_agreement_nouns_and_cues(tmp_path: Path) -> None:
    extra = tmp_path / "agreements.yaml"
    extra.write_text(EXTRA, encoding="utf-8")
    assert found_agreements([]) == []
    assert found_agreements([extra]) == [("other", "signed", "water sharing")]


def test_gazetteer_setting_adds_agreement_nouns_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    extra = tmp_path / "from-setting.yaml"
    extra.write_text(EXTRA, encoding="utf-8")
    monkeypatch.setenv("ACCORD_GAZETTEER", str(extra))
    words = load_gazetteer().agreements
    noun = words.noun.search("an aide-mémoire on water")
    assert noun is not None and noun.lastgroup == "other"
    assert words.signed.search("it was sealed")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "agreements:\n  documents:\n    - {kind: accord, pattern: 'accords?'}\n",
            r"bad\.yaml: agreements\.documents\[0\]\.kind: Input should be 'mou'",
        ),
        (
            "agreements:\n  grammar:\n    list_item: '-'\n",
            r"bad\.yaml: agreements\.grammar: Extra inputs are not permitted",
        ),
        (
            "agreements:\n  cues:\n    signed: ['(']\n",
            r"bad\.yaml: agreements\.cues\.signed\[0\]: bad pattern '\('",
        ),
        (
            "treaties: []\n",
            r"bad\.yaml: unknown sections \['treaties'\]; valid: countries, .*, agreements, followups",
        ),
    ],
)
def test_gazetteer_file_errors_name_the_file_and_the_entry(
    tmp_path: Path, text: str, message: str
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_gazetteer([bad])
