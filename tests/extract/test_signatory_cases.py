"""The named cases of who signed and of repeated mentions, each through the extractor."""

from __future__ import annotations

from typing import Any

import pytest

from accord.extract.signatories import SignatoryFinder, government, official_name

from .case_tables import CASES, Case, Parsed, built_in_gazetteer, extractor, load_table, parse_all

TABLE = load_table(CASES / "signatories.yaml")


@pytest.fixture(scope="module")
def parsed() -> dict[str, Parsed]:
    return dict(zip((c.id for c in TABLE), parse_all(c.text for c in TABLE), strict=True))


def signed(document: Parsed) -> list[dict[str, Any]]:
    return [
        {"parties": [p.name for p in a.parties], "subject": a.subject}
        for a in document.extract().agreements
        if a.evidence.start >= document.offset and a.status == "signed"
    ]


@pytest.mark.parametrize("case", TABLE, ids=lambda c: c.id)
def test_signatory_case(case: Case, parsed: dict[str, Parsed]) -> None:
    assert signed(parsed[case.id]) == case.expect


def test_every_portfolio_names_its_ministry() -> None:
    rules = extractor()
    finder = SignatoryFinder(built_in_gazetteer(), rules.places, rules.orgs)
    for portfolio in built_in_gazetteer().portfolios:
        assert (
            finder.ministry_of_post(f"Minister of {portfolio} Aidar Sultanov")
            == f"Ministry of {portfolio}"
        )


def test_government_is_named_by_the_official_name() -> None:
    gazetteer = built_in_gazetteer()
    russia = gazetteer.by_iso3["RUS"]
    assert official_name(russia) == "Russian Federation"
    party = government("KGZ", gazetteer)
    assert party is not None and (party.name, party.country) == (
        "Government of the Kyrgyz Republic",
        "KGZ",
    )
