"""Scoring predicted agreements against gold ones (see "Scoring" in the spec).

A predicted agreement matches a gold one with the same status when every
gold party is matched by a predicted party, by name or acronym, ignoring
case, a leading "the" and a leading country qualifier such as "Russia's" or
"Russian"; a fuzzy ratio of 85 or more counts. A gold agreement without
parties matches on its subject instead. Matching is one-to-one.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from accord.core.gold import GoldAgreement, GoldParty
from accord.core.matching import fuzzy_equal, match_one_to_one
from accord.core.records import Agreement, Party
from accord.core.score_sheets import AgreementScore, Issue, Tally

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'"})
_SPACES = re.compile(r"\s+")
_NON_WORD = re.compile(r"[^\w]+")
_LEADING_THE = "the "


class PartyNames:
    """Turns party names into comparison keys, knowing which words name a country.

    ``country_names`` holds country names, aliases and demonyms ("Russia",
    "Russian Federation", "Russian"); they are matched whole-word, longest first.
    """

    def __init__(self, country_names: Collection[str]) -> None:
        keys = {_basic_key(name) for name in country_names}
        self._countries = sorted((k for k in keys if k), key=len, reverse=True)

    def gold_key(self, name: str) -> str:
        """A gold name as written, without case, spacing noise or a leading "the"."""
        return _drop_the(_basic_key(name))

    def predicted_keys(self, name: str) -> set[str]:
        """A predicted name as written, and without its leading country qualifier.

        Both are tried, so "Russian Railways" still matches itself while
        "Russia's Sputnik" and "Russian Sputnik" match "Sputnik". The qualifier
        is dropped from the prediction only: dropping it from both sides would
        make "Pakistan Railways" match "Russian Railways".
        """
        key = _drop_the(_basic_key(name))
        return {key, self._drop_country(key)} - {""}

    def _drop_country(self, key: str) -> str:
        for country in self._countries:
            if not key.startswith(country):
                continue
            rest = key[len(country) :]
            for possessive in ("'s ", "' ", " "):
                if rest.startswith(possessive) and rest[len(possessive) :].strip():
                    return _drop_the(rest[len(possessive) :].strip())
        return key


def _basic_key(name: str) -> str:
    text = _SPACES.sub(" ", name.translate(_APOSTROPHES)).strip(" .,;:\"'()")
    return text.casefold()


def _drop_the(key: str) -> str:
    if key.startswith(_LEADING_THE) and key[len(_LEADING_THE) :].strip():
        return key[len(_LEADING_THE) :].strip()
    return key


def subject_key(subject: str | None) -> str:
    """A subject without case, punctuation or a leading "the", for loose comparison."""
    if not subject:
        return ""
    return _drop_the(_SPACES.sub(" ", _NON_WORD.sub(" ", subject.casefold())).strip())


def subjects_match(gold: str | None, predicted: str | None) -> bool:
    """Fuzzy ratio >= 85, or one subject containing the other as whole words."""
    a, b = subject_key(gold), subject_key(predicted)
    if not a or not b:
        return False
    return fuzzy_equal(a, b) or f" {a} " in f" {b} " or f" {b} " in f" {a} "


def party_matches(gold: GoldParty, predicted: Party, names: PartyNames) -> bool:
    """Whether a predicted party names the gold party, by name or acronym."""
    gold_keys = {names.gold_key(gold.name)}
    if gold.acronym:
        gold_keys.add(names.gold_key(gold.acronym))
    predicted_keys = names.predicted_keys(predicted.name)
    if predicted.acronym:
        predicted_keys |= names.predicted_keys(predicted.acronym)
    return any(fuzzy_equal(g, p) for g in gold_keys for p in predicted_keys)


def agreement_matches(gold: GoldAgreement, predicted: Agreement, names: PartyNames) -> bool:
    """The spec's match rule for one gold and one predicted agreement."""
    if gold.status != predicted.status:
        return False
    if not gold.parties:
        # Without parties "every gold party is matched" would hold vacuously.
        return subjects_match(gold.subject, predicted.subject)
    return all(
        any(party_matches(party, candidate, names) for candidate in predicted.parties)
        for party in gold.parties
    )


def score_agreements(
    gold: Sequence[GoldAgreement], predicted: Sequence[Agreement], country_names: Collection[str]
) -> tuple[AgreementScore, list[Issue]]:
    """Match agreements one-to-one and count them separately for each status."""
    names = PartyNames(country_names)
    pairs = match_one_to_one(gold, predicted, lambda g, p: agreement_matches(g, p, names))
    matched_gold = {i for i, _ in pairs}
    matched_predicted = {j for _, j in pairs}
    tallies = {"signed": Tally(), "planned": Tally()}
    issues: list[Issue] = []
    for i, _ in pairs:
        tallies[gold[i].status] += Tally(tp=1)
    for i, agreement in enumerate(gold):
        if i not in matched_gold:
            tallies[agreement.status] += Tally(fn=1)
            issues.append(_gold_issue(agreement))
    for j, prediction in enumerate(predicted):
        if j not in matched_predicted:
            tallies[prediction.status] += Tally(fp=1)
            issues.append(_predicted_issue(prediction))
    return AgreementScore(signed=tallies["signed"], planned=tallies["planned"]), issues


def _describe(kind: str, status: str, parties: Sequence[str], subject: str | None) -> str:
    who = "; ".join(parties) if parties else "no parties"
    return f"{status} {kind} between {who} on {subject or 'no subject'}"


def _gold_issue(agreement: GoldAgreement) -> Issue:
    parties = [f"{p.name} ({p.acronym})" if p.acronym else p.name for p in agreement.parties]
    description = _describe(agreement.kind, agreement.status, parties, agreement.subject)
    return Issue(
        area="agreement",
        kind="false_negative",
        text=description,
        detail="no predicted agreement matches it",
        expected=agreement.status,
    )


def _predicted_issue(agreement: Agreement) -> Issue:
    parties = [f"{p.name} ({p.acronym})" if p.acronym else p.name for p in agreement.parties]
    description = _describe(agreement.kind, agreement.status, parties, agreement.subject)
    return Issue(
        area="agreement",
        kind="false_positive",
        text=agreement.evidence.text,
        detail=description,
        predicted=agreement.status,
        start=agreement.evidence.start,
        end=agreement.evidence.end,
    )
