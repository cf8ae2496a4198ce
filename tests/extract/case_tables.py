"""Tables of named cases: YAML files of sentences and what the finders should make of them.

A table maps each rule (a section of the data file under test) to its cases;
each case has a ``name`` that reads as a sentence, a ``text`` and an ``expect``.
The tests run every case through the real extractor or matcher, and check that
every entry of the data file is exercised by a case of its own rule.
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml
from spacy.tokens import Doc

from accord.core.documents import SourceDocument
from accord.core.records import Extraction
from accord.extract.gazetteer import Gazetteer, load_gazetteer_files
from accord.extract.nlp import parse_text
from accord.extract.rules import RulesExtractor

CASES = Path(__file__).resolve().parent / "cases"
PUBLISHED = dt.date(2026, 3, 6)
# A report of a meeting, so that the rules look for agreements and commitments after it.
OPENING = (
    "The fifth session of the Kazakhstan-Uzbekistan Intergovernmental Commission was held "
    "in Tashkent on 3 March 2026.\n\n"
)


@dataclass(frozen=True)
class Case:
    rule: str
    name: str
    text: str
    expect: Any
    fields: dict[str, Any]

    @property
    def id(self) -> str:
        return f"{self.rule}: {self.name}"


def load_table(path: Path) -> list[Case]:
    """The cases of one table, rule by rule, in file order."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    cases = []
    for rule, rows in data.items():
        for row in rows:
            extra = {k: v for k, v in row.items() if k not in {"name", "text", "expect"}}
            cases.append(Case(rule, row["name"], row["text"], row.get("expect"), extra))
    names = [c.id for c in cases]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    assert not duplicates, f"{path.name}: case names must be unique: {duplicates}"
    return cases


def built_in_gazetteer() -> Gazetteer:
    """The shipped data only, whatever ACCORD_GAZETTEER says."""
    return load_gazetteer_files(())


@functools.cache
def extractor() -> RulesExtractor:
    found = RulesExtractor()
    found.gazetteer = built_in_gazetteer()
    return found


@dataclass(frozen=True)
class Parsed:
    """A case's document, parsed once, so that it can be extracted with other data."""

    document: SourceDocument
    doc: Doc
    offset: int

    def extract(self, gazetteer: Gazetteer | None = None) -> Extraction:
        rules = extractor()
        if gazetteer is not None:
            rules = copy.copy(rules)
            rules.gazetteer = gazetteer
        return rules.apply(self.document, self.doc)


def parse_all(texts: Iterable[str], opening: str = OPENING) -> list[Parsed]:
    """Each text after ``opening``, as a parsed document."""
    documents = [
        SourceDocument(source="case.txt", kind="text", text=opening + t, published=PUBLISHED)
        for t in texts
    ]
    nlp = extractor().nlp
    docs = nlp.pipe(parse_text(d.text) for d in documents)
    return [Parsed(d, doc, len(opening)) for d, doc in zip(documents, docs, strict=True)]


def with_data(gazetteer: Gazetteer, **changes: Any) -> Gazetteer:
    return replace(gazetteer, **changes)
