"""The named cases of ingest/data/metadata_patterns.yaml: each through the reader, every entry decisive."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from accord.ingest import read_text_metadata
from accord.ingest.metadata_patterns import MetadataPatterns, metadata_patterns
from extract.case_tables import Case, load_table

TABLE = load_table(Path(__file__).resolve().parent / "cases" / "metadata_patterns.yaml")
LISTS = ("publication_leads", "date_labels", "not_datelines", "placeholder_titles")


def outcome(case: Case, patterns: MetadataPatterns | None = None) -> Any:
    patterns = patterns or metadata_patterns()
    if case.rule == "placeholder_titles":
        return patterns.is_placeholder_title(case.text)
    found = read_text_metadata(case.text, patterns)
    return {
        "outlet": found.outlet,
        "published": found.published,
        "dateline": found.dateline.city if found.dateline else None,
    }


@pytest.mark.parametrize("case", TABLE, ids=lambda c: c.id)
def test_metadata_pattern_case(case: Case) -> None:
    expected = case.expect
    if isinstance(expected, dict) and isinstance(expected["published"], str):
        expected = {**expected, "published": dt.date.fromisoformat(expected["published"])}
    assert outcome(case) == expected


def without_each_entry() -> Iterator[tuple[str, str, MetadataPatterns]]:
    patterns = metadata_patterns()
    for code in patterns.wire_agencies:
        rest = {c: name for c, name in patterns.wire_agencies.items() if c != code}
        yield "wire_agencies", code, patterns.model_copy(update={"wire_agencies": rest})
    for name in LISTS:
        for entry in getattr(patterns, name):
            rest_list = [e for e in getattr(patterns, name) if e != entry]
            yield name, entry, patterns.model_copy(update={name: rest_list})


def test_every_metadata_pattern_decides_a_case_of_its_list() -> None:
    missing = []
    for rule, entry, patterns in without_each_entry():
        cases = [c for c in TABLE if c.rule == rule]
        if not any(outcome(c, patterns) != outcome(c) for c in cases):
            missing.append(f"{rule}: {entry}")
    assert missing == [], f"metadata_patterns.yaml entries without a named case: {missing}"
