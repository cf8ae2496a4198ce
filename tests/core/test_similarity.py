"""When two reports of one session describe the same commitment or agreement."""

from __future__ import annotations

from accord.core.similarity import (
    AgreementKey,
    CommitmentKey,
    same_agreement,
    same_commitment,
    topics_overlap,
)

PILOT_A = CommitmentKey.of(
    "The two delegations confirmed their intention to operationalise a pilot train.",
    ["transport"],
    ["pilot train"],
)


def test_same_commitment_matches_near_identical_text() -> None:
    other = CommitmentKey.of(
        "The two delegations confirmed their intention to operationalise a pilot train, "
        "marking a tangible step.",
        ["transport"],
        [],
    )
    assert same_commitment(PILOT_A, other)


def test_same_commitment_matches_same_sector_and_topics_in_other_words() -> None:
    other = CommitmentKey.of(
        "Both sides agreed to launch a pilot train service.", ["transport"], ["pilot train service"]
    )
    assert same_commitment(PILOT_A, other)


def test_same_commitment_refuses_other_topics_or_sectors() -> None:
    insulin = CommitmentKey.of(
        "The sides will also work on insulin localisation.", ["health"], ["insulin localisation"]
    )
    rail_elsewhere = CommitmentKey.of("They will study a port.", ["industry"], ["pilot train"])
    assert not same_commitment(PILOT_A, insulin)
    assert not same_commitment(PILOT_A, rail_elsewhere)


def test_topics_overlap_is_the_matched_share_of_the_shorter_list() -> None:
    assert topics_overlap(["pilot train"], ["pilot train service", "corridors"]) == 1.0
    assert topics_overlap(["lng", "lpg"], ["lng supply", "hydropower", "coal"]) == 0.5
    assert topics_overlap([], ["lng"]) == 0.0


def test_same_agreement_by_parties_subject_or_contained_parties() -> None:
    signed = AgreementKey.of("mou", "signed", [1, 2], "standardisation and metrology")
    assert same_agreement(signed, AgreementKey.of("mou", "signed", [2, 1], None))
    assert same_agreement(
        signed, AgreementKey.of("agreement", "signed", [], "metrology and standardisation")
    )
    assert same_agreement(signed, AgreementKey.of("mou", "signed", [1], None))
    assert not same_agreement(signed, AgreementKey.of("mou", "planned", [1, 2], None))
    assert not same_agreement(signed, AgreementKey.of("mou", "signed", [3, 4], None))
