"""The named cases of extract/data/meetings.yaml: each through the extractor, every entry decisive."""

from __future__ import annotations

import re
from dataclasses import replace
from importlib import resources
from typing import Any

import pytest
import yaml

from accord.core.records import Meeting

from .case_tables import CASES, Case, Parsed, built_in_gazetteer, load_table, parse_all

TABLE = load_table(CASES / "meetings.yaml")
DATA = yaml.safe_load(
    (resources.files("accord.extract") / "data" / "meetings.yaml").read_text(encoding="utf-8")
)


@pytest.fixture(scope="module")
def parsed() -> dict[str, Parsed]:
    return dict(zip((c.id for c in TABLE), parse_all((c.text for c in TABLE), ""), strict=True))


def outcome(meeting: Meeting | None) -> dict[str, Any] | None:
    if meeting is None:
        return None
    return {"kind": meeting.kind, "ordinal": meeting.ordinal}


@pytest.mark.parametrize("case", TABLE, ids=lambda c: c.id)
def test_meeting_case(case: Case, parsed: dict[str, Parsed]) -> None:
    found = outcome(parsed[case.id].extract().meeting)
    expected = None if case.expect is None else {"ordinal": None, **case.expect}
    assert found == expected


def test_every_meeting_kind_pattern_is_first_to_match_a_case() -> None:
    kinds = built_in_gazetteer().meeting_kinds
    decided = set()
    for case in TABLE:
        if case.rule == "kinds":
            index = next(i for i, (_, pattern) in enumerate(kinds) if pattern.search(case.text))
            assert kinds[index][0] == case.expect["kind"], case.id
            decided.add(index)
    missing = [DATA["kinds"][i] for i in range(len(kinds)) if i not in decided]
    assert missing == [], f"meetings.yaml kinds without a named case: {missing}"


def test_every_other_meeting_marker_decides_a_case(parsed: dict[str, Parsed]) -> None:
    markers = DATA["other_meeting_markers"]
    gazetteer = built_in_gazetteer()
    decisive = set()
    for case in TABLE:
        if case.rule != "other_meeting_markers":
            continue
        document = parsed[case.id]
        with_all = outcome(document.extract().meeting)
        for marker in markers:
            rest = re.compile("|".join(m for m in markers if m != marker), re.IGNORECASE)
            without = replace(gazetteer, other_meeting_markers=rest)
            if outcome(document.extract(without).meeting) != with_all:
                decisive.add(marker)
    missing = [m for m in markers if m not in decisive]
    assert missing == [], f"meetings.yaml other_meeting_markers without a named case: {missing}"


def test_every_session_noun_gives_the_ordinal_of_a_case(parsed: dict[str, Parsed]) -> None:
    nouns = tuple(DATA["session_nouns"])
    gazetteer = built_in_gazetteer()
    decisive = set()
    for case in TABLE:
        if case.rule != "session_nouns":
            continue
        document = parsed[case.id]
        for noun in nouns:
            without = replace(gazetteer, session_nouns=tuple(n for n in nouns if n != noun))
            meeting = document.extract(without).meeting
            if meeting is None or meeting.ordinal != case.expect["ordinal"]:
                decisive.add(noun)
    missing = [n for n in nouns if n not in decisive]
    assert missing == [], f"meetings.yaml session_nouns without a named case: {missing}"
