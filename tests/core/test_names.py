"""Name rules: one organisation, commission or person under several names."""

from __future__ import annotations

import pytest

from accord.core.names import (
    CountryNames,
    OrganisationName,
    commission_names_differ,
    commission_parts,
    initials,
    normalise,
    parse_organisation,
    same_organisation,
    same_person,
)

COUNTRIES = CountryNames(
    {
        "pakistan": "PAK",
        "pakistani": "PAK",
        "russia": "RUS",
        "russian": "RUS",
        "russian federation": "RUS",
        "egypt": "EGY",
    }
)
ABBREVIATIONS = {
    "igc": "intergovernmental commission",
    "pak": "pakistan",
    "jwg": "joint working group",
}
FULL_IGC = (
    "Pakistan–Russia Intergovernmental Commission on Trade, Economic, Scientific and "
    "Technical Cooperation"
)


def org(name: str, acronym: str | None = None, country: str | None = None) -> OrganisationName:
    return parse_organisation(name, acronym, country, COUNTRIES)


def test_normalise_folds_case_accents_dashes_and_possessives() -> None:
    assert normalise("The Pakistan–Russia IGC's  Café") == "the pakistan russia igc cafe"


def test_initials_skip_small_words() -> None:
    assert initials("Pakistan Standards and Quality Control Authority") == "PSQCA"
    assert initials("Competition Commission of Pakistan") == "CCP"


def test_parse_organisation_takes_name_apart() -> None:
    parsed = org("the Pakistan Standards and Quality Control Authority (PSQCA)")
    assert parsed.name == "Pakistan Standards and Quality Control Authority"
    assert (parsed.key, parsed.acronym, parsed.country) == (
        "standards and quality control authority",
        "PSQCA",
        "PAK",
    )
    suffixed = org("Ministry of Emergency Situations of the Russian Federation")
    assert (suffixed.key, suffixed.country) == ("ministry of emergency situations", "RUS")
    possessive = org("Russia's Federal Agency for Technical Regulation and Metrology")
    assert (possessive.name, possessive.country) == (
        "Federal Agency for Technical Regulation and Metrology",
        "RUS",
    )


@pytest.mark.parametrize(
    "other",
    [
        "PSQCA",
        "Pakistan Standards and Quality Control Authority",
        "the Pakistan Standards and Quality Control Authority (PSQCA)",
        "Pakistan Standards & Quality Control Auth.",
    ],
)
def test_same_organisation_accepts_every_name_of_psqca(other: str) -> None:
    stored = org("Pakistan Standards and Quality Control Authority", country="PAK")
    assert same_organisation(org(other, country="PAK"), stored)


def test_same_organisation_refuses_other_bodies_and_other_countries() -> None:
    psqca = org("Pakistan Standards and Quality Control Authority")
    assert not same_organisation(org("Competition Commission of Pakistan"), psqca)
    assert not same_organisation(org("NDMA", country="PAK"), org("NDMA", country="EGY"))
    assert not same_organisation(org("CCP"), psqca)


def test_commission_parts_expand_abbreviations_and_drop_countries() -> None:
    assert commission_parts("Pak-Russia IGC", COUNTRIES, ABBREVIATIONS) == (
        "intergovernmental commission",
        "",
    )
    assert commission_parts(FULL_IGC, COUNTRIES, ABBREVIATIONS) == (
        "intergovernmental commission",
        "trade economic scientific and technical cooperation",
    )


@pytest.mark.parametrize(
    ("a", "b", "differ"),
    [
        ("Pak-Russia IGC", FULL_IGC, False),
        ("Pakistan-Russia Inter-Governmental Commission", FULL_IGC, False),
        (None, FULL_IGC, False),
        ("Pakistan-Russia Joint Working Group on Counter-Terrorism", FULL_IGC, True),
        ("Pak-Russia JWG on Energy", "Pakistan-Russia Joint Working Group on Railways", True),
    ],
)
def test_commission_names_differ_only_when_clearly_different(
    a: str | None, b: str, differ: bool
) -> None:
    assert commission_names_differ(a, b, COUNTRIES, ABBREVIATIONS) is differ


def test_same_person_needs_two_shared_words() -> None:
    assert same_person("Awais Leghari", "Sardar Awais Ahmad Khan Leghari")
    assert same_person("H.E. Mr. Sergei Tsivilev", "Sergei Tsivilev")
    assert not same_person("Khan", "Imran Khan")
    assert not same_person("Awais Leghari", "Sergei Tsivilev")
