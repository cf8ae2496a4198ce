"""Agreement matching: parties by name or acronym, subjects for planned ones, one-to-one."""

from __future__ import annotations

from typing import Any

import pytest

from accord.core.agreement_scoring import (
    PartyNames,
    agreement_matches,
    party_matches,
    score_agreements,
    subjects_match,
)
from accord.core.gold import GoldAgreement, GoldParty
from accord.core.records import Agreement, Evidence, Party
from accord.core.score_sheets import Tally

COUNTRIES = ("Pakistan", "Pakistani", "Russia", "Russian", "Russian Federation")
NAMES = PartyNames(COUNTRIES)
EVIDENCE = Evidence(text="x", start=0, end=1)


def gold_agreement(
    status: str = "signed", parties: Any = (), subject: str | None = None
) -> GoldAgreement:
    return GoldAgreement.model_validate(
        {
            "kind": "mou",
            "status": status,
            "parties": [{"name": p[0], "acronym": p[1] if len(p) > 1 else None} for p in parties],
            "subject": subject,
        }
    )


def predicted(status: str = "signed", parties: Any = (), subject: str | None = None) -> Agreement:
    return Agreement(
        kind="mou",
        status=status,
        parties=[Party(name=p[0], acronym=p[1] if len(p) > 1 else None) for p in parties],
        subject=subject,
        evidence=EVIDENCE,
    )


def matches(gold_name: str, predicted_name: str, *, gold_acronym: str | None = None,
            predicted_acronym: str | None = None) -> bool:  # fmt: skip
    return party_matches(
        GoldParty(name=gold_name, acronym=gold_acronym),
        Party(name=predicted_name, acronym=predicted_acronym),
        NAMES,
    )


@pytest.mark.parametrize(
    "predicted_name",
    ["Russia's Sputnik", "Russia’s Sputnik", "the Russian Sputnik", "SPUTNIK", "Sputnik"],
)
def test_party_matches_drops_leading_country_possessive_and_the(predicted_name: str) -> None:
    assert matches("Sputnik", predicted_name)


def test_party_matches_drops_multiword_country_name() -> None:
    assert matches(
        "Ministry of Emergency Situations",
        "the Russian Federation's Ministry of Emergency Situations",
    )


def test_party_matches_keeps_country_that_is_part_of_the_name() -> None:
    assert matches("Pakistan Railways", "Pakistan Railways")
    assert matches("Russian Railways", "the Russian Railways")
    # Dropping the country from both sides would make these one "railways".
    assert not matches("Pakistan Railways", "Russian Railways")


def test_party_matches_by_acronym_either_way() -> None:
    assert matches(
        "Pakistan Standards and Quality Control Authority", "PSQCA", gold_acronym="PSQCA"
    )
    assert matches("Competition Commission of Pakistan", "the Commission", gold_acronym="CCP",
                   predicted_acronym="ccp")  # fmt: skip
    assert not matches("Competition Commission of Pakistan", "CPP", gold_acronym="CCP")


def test_party_matches_fuzzy_85_boundary() -> None:
    # Ratio (40 - 6) / 40 = 85%: counts; (40 - 8) / 40 = 80%: does not.
    assert matches("Northern Grain Board", "Northern Grain Boxyz")
    assert not matches("Northern Grain Board", "Northern Grain Bwxyz")


def test_party_matches_trailing_country_is_not_dropped() -> None:
    # The spec drops a leading country only; this pair scores 84.8.
    assert not matches("Federal Antimonopoly Service", "Federal Antimonopoly Service of Russia")


def test_agreement_matches_needs_every_gold_party() -> None:
    gold = gold_agreement(parties=[("Associated Press of Pakistan", "APP"), ("Sputnik",)])
    assert agreement_matches(gold, predicted(parties=[("APP",), ("Russia's Sputnik",)]), NAMES)
    assert agreement_matches(gold, predicted(parties=[("APP",), ("Sputnik",), ("Dawn",)]), NAMES)
    assert not agreement_matches(gold, predicted(parties=[("Sputnik",)]), NAMES)


def test_agreement_matches_needs_same_status() -> None:
    gold = gold_agreement(parties=[("Sputnik",)])
    assert not agreement_matches(gold, predicted("planned", parties=[("Sputnik",)]), NAMES)


@pytest.mark.parametrize(
    ("gold_subject", "predicted_subject", "expected"),
    [
        ("higher education", "Higher Education", True),
        ("mutual recognition of degrees", "the mutual recognition of degrees", True),
        ("mutual recognition of degrees", "an agreement on mutual recognition of degrees", True),
        ("scientific and technical cooperation", "scientific cooperation", False),
        ("scientific cooperation", "space research", False),
        ("education", "higher education", True),
        ("education", "educational exchanges", False),
        ("scientific cooperation", None, False),
    ],
)
def test_subjects_match(gold_subject: str, predicted_subject: str | None, expected: bool) -> None:
    assert subjects_match(gold_subject, predicted_subject) is expected


def test_planned_agreement_without_parties_matches_on_subject() -> None:
    gold = gold_agreement("planned", subject="mutual recognition of degrees")
    found = predicted("planned", subject="an agreement on mutual recognition of degrees")
    assert agreement_matches(gold, found, NAMES)
    assert not agreement_matches(gold, predicted("planned", subject="higher education"), NAMES)


def test_score_agreements_counts_each_status_separately() -> None:
    gold = [
        gold_agreement(parties=[("PSQCA",), ("Rosstandart",)]),
        gold_agreement(parties=[("APP",), ("Sputnik",)]),
        gold_agreement("planned", subject="higher education"),
        gold_agreement("planned", subject="scientific cooperation"),
    ]
    found = [
        predicted(parties=[("PSQCA",), ("Rosstandart",)]),  # signed tp
        predicted(parties=[("NDMA",), ("EMERCOM",)]),  # signed fp; APP/Sputnik is a fn
        predicted("planned", subject="higher education"),  # planned tp
        predicted("planned", subject="energy"),  # planned fp; science is a fn
        predicted("planned", subject="a roadmap"),  # planned fp
    ]
    score, issues = score_agreements(gold, found, COUNTRIES)
    assert score.signed == Tally(tp=1, fp=1, fn=1)
    assert score.planned == Tally(tp=1, fp=2, fn=1)
    assert score.planned.precision == pytest.approx(1 / 3)
    assert score.planned.recall == pytest.approx(1 / 2)
    assert sorted(i.kind for i in issues) == ["false_negative"] * 2 + ["false_positive"] * 3


def test_score_agreements_matches_one_to_one() -> None:
    # Two MoUs between the same two bodies; one prediction can stand for one only.
    gold = [
        gold_agreement(parties=[("PSQCA",), ("Rosstandart",)], subject="metrology"),
        gold_agreement(parties=[("PSQCA",), ("Rosstandart",)], subject="standards"),
    ]
    score, _ = score_agreements(
        gold, [predicted(parties=[("PSQCA",), ("Rosstandart",)])], COUNTRIES
    )
    assert score.signed == Tally(tp=1, fp=0, fn=1)


def test_score_agreements_maximum_matching_not_first_come() -> None:
    # Gold 1 accepts either prediction, gold 2 only the first: both can be matched.
    gold = [
        gold_agreement(parties=[("Sputnik",)]),
        gold_agreement(parties=[("Sputnik",), ("APP",)]),
    ]
    found = [predicted(parties=[("Sputnik",), ("APP",)]), predicted(parties=[("Sputnik",)])]
    score, _ = score_agreements(gold, found, COUNTRIES)
    assert score.signed == Tally(tp=2, fp=0, fn=0)
