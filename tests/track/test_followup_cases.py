"""The named cases of track/data/followups.yaml: each through the matcher, every entry decisive."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from accord.track.followup_vocabulary import (
    FollowupsFile,
    FollowupVocabulary,
    compile_followups,
    load_followup_vocabulary_files,
    read_built_in,
)
from accord.track.followups import NewSentence, OpenCommitment, match_followups
from extract.case_tables import Case, load_table

TABLE = load_table(Path(__file__).resolve().parent / "cases" / "followups.yaml")
DATA = read_built_in()
BUILT_IN = load_followup_vocabulary_files(())
STATUS_RULES = tuple(DATA.status.model_dump())


def outcome(case: Case, vocabulary: FollowupVocabulary = BUILT_IN) -> dict[str, Any] | None:
    """The suggestion the matcher makes for the case's sentence and earlier commitment."""
    sentence = NewSentence(0, len(case.text), case.text, case.fields.get("is_commitment", False))
    earlier = OpenCommitment("c1", case.fields["earlier"], tuple(case.fields.get("topics", ())))
    found = match_followups([sentence], [earlier], vocabulary=vocabulary)
    if not found:
        return None
    [suggestion] = found
    return {
        "kind": suggestion.kind,
        "status": suggestion.suggested_status,
        "cue": suggestion.cue,
        "score": suggestion.score,
    }


@pytest.mark.parametrize("case", TABLE, ids=lambda c: c.id)
def test_followup_case(case: Case) -> None:
    found = outcome(case)
    if case.expect is None:
        assert found is None
    else:
        assert found is not None
        assert {k: found[k] for k in ("kind", "status", "cue")} == case.expect


def without(data: FollowupsFile, rule: str, entry: str) -> FollowupVocabulary:
    if rule in STATUS_RULES:
        kept = [p for p in getattr(data.status, rule) if p != entry]
        data = data.model_copy(update={"status": data.status.model_copy(update={rule: kept})})
    else:
        data = data.model_copy(update={rule: [p for p in getattr(data, rule) if p != entry]})
    return compile_followups(data, countries=BUILT_IN.countries)


def every_entry() -> Iterator[tuple[str, str]]:
    for rule in ("generic_words", "restated", "progress"):
        for entry in getattr(DATA, rule):
            yield rule, entry
    for rule in STATUS_RULES:
        for entry in getattr(DATA.status, rule):
            yield rule, entry


def test_every_followup_entry_decides_a_case_of_its_rule() -> None:
    missing = []
    for rule, entry in every_entry():
        vocabulary = without(DATA, rule, entry)
        cases = [c for c in TABLE if c.rule == rule]
        if not any(outcome(c, vocabulary) != outcome(c) for c in cases):
            missing.append(f"{rule}: {entry}")
    assert missing == [], f"followups.yaml entries without a named case: {missing}"
