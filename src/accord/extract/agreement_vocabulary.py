"""The agreement vocabulary of ``data/agreements.yaml``: validated, extended, compiled.

The built-in file holds everything ``agreements.py`` matches; a gazetteer file
may add document nouns, cues, subject leads and numbers under ``agreements:``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from accord.core.records import AgreementKind
from accord.extract.vocabulary_files import Confidence, Pattern, any_of, with_groups

AGREEMENTS_FILE = "agreements.yaml"

Rule = Annotated[list[Pattern], Field(min_length=1)]


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class DocumentNoun(_Strict):
    kind: AgreementKind
    pattern: Pattern


class AgreementConfidence(_Strict):
    two_parties: Confidence
    fewer_parties: Confidence
    planned_list_item: Confidence


class AgreementCues(_Strict):
    signed: Rule
    already_signed: Rule
    planned_before: Rule
    planned_after: Rule
    earlier_before: Rule
    earlier_after: Rule
    continuation: Rule
    list_opener: Rule
    not_a_party: Rule


class AgreementCueAdditions(_Strict):
    signed: list[Pattern] = []
    already_signed: list[Pattern] = []
    planned_before: list[Pattern] = []
    planned_after: list[Pattern] = []
    earlier_before: list[Pattern] = []
    earlier_after: list[Pattern] = []
    continuation: list[Pattern] = []
    list_opener: list[Pattern] = []
    not_a_party: list[Pattern] = []


class AgreementGrammar(_Strict):
    list_item: Pattern
    party_anchor: Pattern
    party_with: Pattern
    party_gap: Pattern
    party_stop: Pattern
    name_run: Annotated[Pattern, AfterValidator(with_groups("poss", "name"))]
    signing_verb: Pattern
    bracketed_acronym: Pattern
    subject_after_parties: Annotated[Pattern, AfterValidator(with_groups("s"))]
    subject_end: Pattern
    list_split: Pattern
    name_before: Pattern
    phrase_before: Annotated[Pattern, AfterValidator(with_groups("mods"))]


Count = Annotated[int, Field(ge=1)]


class AgreementsFile(_Strict):
    """The schema of ``data/agreements.yaml``."""

    confidence: AgreementConfidence
    documents: Annotated[list[DocumentNoun], Field(min_length=1)]
    cues: AgreementCues
    subject_leads: Rule
    leads_kept_in_subject: list[str]
    numbers: dict[str, Count]
    grammar: AgreementGrammar


class AgreementAdditions(_Strict):
    """What the ``agreements:`` section of a gazetteer file may add."""

    documents: list[DocumentNoun] = []
    cues: AgreementCueAdditions = AgreementCueAdditions()
    subject_leads: list[Pattern] = []
    numbers: dict[str, Count] = {}


@dataclass(frozen=True)
class GrammarPatterns:
    """The ``grammar`` patterns, compiled as written."""

    list_item: re.Pattern[str]
    party_anchor: re.Pattern[str]
    party_with: re.Pattern[str]
    party_gap: re.Pattern[str]
    party_stop: re.Pattern[str]
    name_run: re.Pattern[str]
    signing_verb: re.Pattern[str]
    bracketed_acronym: re.Pattern[str]
    subject_after_parties: re.Pattern[str]
    subject_end: re.Pattern[str]
    list_split: re.Pattern[str]
    name_before: re.Pattern[str]
    phrase_before: re.Pattern[str]


@dataclass(frozen=True)
class AgreementVocabulary:
    """Everything ``find_agreements`` matches, compiled once."""

    noun: re.Pattern[str]
    signed: re.Pattern[str]
    already_signed: re.Pattern[str]
    planned_before: re.Pattern[str]
    planned_after: re.Pattern[str]
    earlier_before: re.Pattern[str]
    earlier_after: re.Pattern[str]
    continuation: re.Pattern[str]
    list_opener: re.Pattern[str]
    not_a_party: re.Pattern[str]
    subject_lead: re.Pattern[str]
    leads_kept_in_subject: frozenset[str]
    count: re.Pattern[str]
    numbers: Mapping[str, int]
    grammar: GrammarPatterns
    confidence: AgreementConfidence


def _nouns(documents: Sequence[DocumentNoun]) -> re.Pattern[str]:
    """One alternation with a group per kind, in the order the kinds first appear."""
    by_kind: dict[str, list[str]] = {}
    for noun in documents:
        by_kind.setdefault(noun.kind, []).append(noun.pattern)
    groups = (f"(?P<{kind}>\\b(?:{'|'.join(patterns)})\\b)" for kind, patterns in by_kind.items())
    return re.compile("|".join(groups), re.IGNORECASE)


def compile_agreements(
    built_in: AgreementsFile, additions: Sequence[AgreementAdditions] = ()
) -> AgreementVocabulary:
    """The built-in vocabulary with each gazetteer file's additions appended."""

    def cue(name: str) -> re.Pattern[str]:
        listed = list(getattr(built_in.cues, name))
        for extra in additions:
            listed += getattr(extra.cues, name)
        return any_of(listed)

    numbers = dict(built_in.numbers)
    leads = list(built_in.subject_leads)
    documents = list(built_in.documents)
    for extra in additions:
        numbers.update(extra.numbers)
        leads += extra.subject_leads
        documents += extra.documents
    count = rf"\b(?P<n>{'|'.join(map(re.escape, numbers))}|\d{{1,2}})\s+(?:\w+\s+){{0,2}}$"
    grammar = {name: re.compile(p) for name, p in built_in.grammar.model_dump().items()}
    return AgreementVocabulary(
        noun=_nouns(documents),
        signed=cue("signed"),
        already_signed=cue("already_signed"),
        planned_before=cue("planned_before"),
        planned_after=cue("planned_after"),
        earlier_before=cue("earlier_before"),
        earlier_after=cue("earlier_after"),
        continuation=cue("continuation"),
        list_opener=cue("list_opener"),
        not_a_party=cue("not_a_party"),
        subject_lead=re.compile(rf"^\s*(?P<lead>{'|'.join(leads)})\s+(?P<s>[^;:]+)", re.IGNORECASE),
        leads_kept_in_subject=frozenset(w.lower() for w in built_in.leads_kept_in_subject),
        count=re.compile(count, re.IGNORECASE),
        numbers={word.lower(): value for word, value in numbers.items()},
        grammar=GrammarPatterns(**grammar),
        confidence=built_in.confidence,
    )
