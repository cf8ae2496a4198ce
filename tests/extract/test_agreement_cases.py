"""The named cases of extract/data/agreements.yaml: each through the extractor, every entry decisive."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from importlib import resources
from typing import Any

import pytest
import yaml

from accord.extract.agreement_vocabulary import AgreementsFile, compile_agreements
from accord.extract.vocabulary_files import validated

from .case_tables import CASES, Case, Parsed, built_in_gazetteer, load_table, parse_all

TABLE = load_table(CASES / "agreements.yaml")
SOURCE = resources.files("accord.extract") / "data" / "agreements.yaml"
DATA = validated(AgreementsFile, yaml.safe_load(SOURCE.read_text(encoding="utf-8")), "agreements")
CUE_RULES = tuple(DATA.cues.model_dump())
GRAMMAR = tuple(DATA.grammar.model_dump())
NEVER = r"(?!)"


@pytest.fixture(scope="module")
def parsed() -> dict[str, Parsed]:
    return dict(zip((c.id for c in TABLE), parse_all(c.text for c in TABLE), strict=True))


def outcome(document: Parsed, data: AgreementsFile = DATA) -> list[dict[str, Any]]:
    """The agreements found in a case's text, with the vocabulary ``data``."""
    gazetteer = built_in_gazetteer()
    if data is not DATA:
        gazetteer = replace(gazetteer, agreements=compile_agreements(data))
    return [
        {
            "kind": a.kind,
            "status": a.status,
            "parties": [p.name for p in a.parties],
            "subject": a.subject,
            "confidence": a.confidence,
        }
        for a in document.extract(gazetteer).agreements
        if a.evidence.start >= document.offset
    ]


@pytest.mark.parametrize("case", TABLE, ids=lambda c: c.id)
def test_agreement_case(case: Case, parsed: dict[str, Parsed]) -> None:
    found = outcome(parsed[case.id])
    shown = [{k: item[k] for k in wanted} for item, wanted in zip(found, case.expect, strict=False)]
    assert len(found) == len(case.expect)
    assert shown == case.expect


def without_each_entry() -> Iterator[tuple[str, str, AgreementsFile]]:
    """(rule, entry, the vocabulary without that entry) for every entry of the file."""
    for i, noun in enumerate(DATA.documents):
        rest = DATA.documents[:i] + DATA.documents[i + 1 :]
        yield "documents", noun.kind, DATA.model_copy(update={"documents": rest})
    for rule in CUE_RULES:
        patterns = getattr(DATA.cues, rule)
        for i, pattern in enumerate(patterns):
            cues = DATA.cues.model_copy(update={rule: patterns[:i] + patterns[i + 1 :]})
            yield rule, pattern, DATA.model_copy(update={"cues": cues})
    for i, lead in enumerate(DATA.subject_leads):
        rest = DATA.subject_leads[:i] + DATA.subject_leads[i + 1 :]
        yield "subject_leads", lead, DATA.model_copy(update={"subject_leads": rest})
    for word in DATA.leads_kept_in_subject:
        kept = [w for w in DATA.leads_kept_in_subject if w != word]
        yield (
            "subject_leads",
            f"kept: {word}",
            DATA.model_copy(update={"leads_kept_in_subject": kept}),
        )
    for word in DATA.numbers:
        numbers = {w: n for w, n in DATA.numbers.items() if w != word}
        yield "numbers", word, DATA.model_copy(update={"numbers": numbers})
    for name in GRAMMAR:
        grammar = DATA.grammar.model_copy(update={name: NEVER})
        yield name, name, DATA.model_copy(update={"grammar": grammar})
    for name, value in DATA.confidence.model_dump().items():
        confidence = DATA.confidence.model_copy(update={name: value / 2})
        yield "confidence", name, DATA.model_copy(update={"confidence": confidence})


def test_every_agreement_entry_decides_a_case_of_its_rule(parsed: dict[str, Parsed]) -> None:
    missing = []
    for rule, entry, data in without_each_entry():
        cases = [parsed[c.id] for c in TABLE if c.rule == rule]
        if not any(outcome(p, data) != outcome(p) for p in cases):
            missing.append(f"{rule}: {entry}")
    assert missing == [], f"agreements.yaml entries without a named case: {missing}"
