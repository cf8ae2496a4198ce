"""The named cases of extract/data/sectors.yaml: each through the extractor, every keyword hit."""

from __future__ import annotations

import re

import pytest
import yaml

from accord.core.records import Commitment
from accord.extract.sectors import keyword_hits

from .case_tables import CASES, Case, built_in_gazetteer, load_table, parse_all

TABLE = load_table(CASES / "sectors.yaml")
DATA = built_in_gazetteer().sector_patterns
# Never hit: "longer keywords first" sorts by the length of the pattern, so a shorter
# phrase with a longer pattern ("transport(?:ation)?") always takes the words first and
# "road transport" counts as "road" and "transport". Kept, with cases naming them, until
# the ordering is decided; a keyword that starts to hit must leave this list.
SHADOWED = [
    ("transport", "road transport"),
    ("health", "public health"),
    ("science_tech", "information technology"),
    ("science_tech", "technology transfer"),
    ("education", "higher education"),
    ("environment", "water management"),
    ("environment", "water resources"),
    ("regulation", "mutual legal assistance"),
]


@pytest.fixture(scope="module")
def found() -> dict[str, list[Commitment]]:
    parsed = parse_all(c.text for c in TABLE)
    return {
        case.id: [c for c in p.extract().commitments if c.start >= p.offset]
        for case, p in zip(TABLE, parsed, strict=True)
    }


@pytest.mark.parametrize("case", TABLE, ids=lambda c: c.id)
def test_sector_case(case: Case, found: dict[str, list[Commitment]]) -> None:
    [commitment] = found[case.id]
    assert commitment.sectors == case.expect


def keywords() -> dict[re.Pattern[str], tuple[str, str]]:
    """Each built-in keyword pattern with its sector and the keyword as written in the file."""
    from accord.extract import data

    path = data.__path__[0] + "/sectors.yaml"  # type: ignore[attr-defined]
    with open(path, encoding="utf-8") as stream:
        table = yaml.safe_load(stream)
    written = [(sector, k) for sector, words in table.items() for k in words]
    return {pattern: entry for (_, pattern), entry in zip(DATA, written, strict=True)}


def test_every_sector_keyword_hits_a_case_of_its_sector() -> None:
    gazetteer = built_in_gazetteer()
    named = keywords()
    hit: set[tuple[str, str]] = set()
    for case in TABLE:
        for sector, pattern, _ in keyword_hits(case.text, gazetteer):
            if sector == case.rule:
                hit.add(named[pattern])
    missing = [entry for entry in named.values() if entry not in hit]
    assert missing == SHADOWED, f"sectors.yaml keywords without a named case: {missing}"
    for sector, keyword in SHADOWED:
        assert any(c.rule == sector and re.search(keyword, c.text) for c in TABLE), (
            f"no case names the shadowed keyword {keyword!r}"
        )
