"""One agreement per document signed, however often a report mentions it.

Reports name a document several times: a count first ("signed one agreement
and three MoUs"), then each document ("an agreement on hydropower exports"),
then again by a definite mention ("The two secretaries signed the agreement").
A count is left out when the documents are also named one by one; a definite
mention without a subject of its own adds its signatories to the document it
refers back to; two mentions with the same subject are one document.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from accord.core.records import Agreement, Party
from accord.extract.agreement_vocabulary import AgreementVocabulary

# How far back (in characters) a definite mention looks for the document it names.
_REACH = 1200
_DEFINITE = re.compile(
    r"\b(?:the|this|that)\s+(?:(?:signed|new|joint|said|final|cooperation)\s+)?$", re.I
)
_ANOTHER = re.compile(
    r"\b(?:another|other|second|third|fourth|fifth|sixth|remaining|further|additional)"
    r"\s+(?:[\w-]+\s+)?$",
    re.I,
)
# Subjects that name nothing: "to this end".
_EMPTY_SUBJECT = re.compile(r"^(?:this|that|the same) (?:end|effect|purpose)$", re.I)


def merge_mentions(agreements: Sequence[Agreement], words: AgreementVocabulary) -> list[Agreement]:
    """The agreements with counts and repeated mentions folded into the documents they name.

    A draft to be finalised that the report also says was signed ("finalised
    the draft protocol ... signed the protocols") is the signed document.
    """
    named = [a for a in agreements if not _is_count(a, words)]
    out: list[Agreement] = []
    for agreement in agreements:
        if _is_count(agreement, words) and any(n.status == agreement.status for n in named):
            continue
        if (
            agreement.status == "planned"
            and not _real_subject(agreement, words)
            and any(n.status == "signed" and n.kind == agreement.kind for n in named)
        ):
            continue
        if agreement.subject and _EMPTY_SUBJECT.match(agreement.subject):
            agreement = agreement.model_copy(update={"subject": None})
        target = _antecedent(agreement, out, words)
        if target is None:
            out.append(agreement)
        else:
            out[target] = _merged(out[target], agreement, words)
    return out


def _nouns(agreement: Agreement, words: AgreementVocabulary) -> list[re.Match[str]]:
    return [
        m for m in words.noun.finditer(agreement.evidence.text) if m.lastgroup == agreement.kind
    ]


def _is_count(agreement: Agreement, words: AgreementVocabulary) -> bool:
    """A subject-less mention that only counts documents: "signed one agreement and three MoUs"."""
    if agreement.subject or (agreement.parties and _specific(agreement.parties)):
        return False
    text = agreement.evidence.text
    numbers = "|".join(map(re.escape, [*words.numbers, "one", "a pair of"]))
    return any(
        re.search(rf"\b(?:{numbers}|\d{{1,2}})\s+(?:[\w-]+\s+){{0,2}}$", text[: m.start()], re.I)
        for m in _nouns(agreement, words)
    )


def _definite(agreement: Agreement, words: AgreementVocabulary) -> bool:
    text = agreement.evidence.text
    return any(_DEFINITE.search(text[: m.start()]) for m in _nouns(agreement, words))


def _antecedent(
    agreement: Agreement, earlier: Sequence[Agreement], words: AgreementVocabulary
) -> int | None:
    """The index of the earlier document this mention names again, if any."""
    for i in range(len(earlier) - 1, -1, -1):
        other = earlier[i]
        if other.status != agreement.status:
            continue
        if other.kind != agreement.kind and not (_generic(other) or _generic(agreement)):
            continue
        if other.evidence.start == agreement.evidence.start or _another(agreement, words):
            continue
        near = agreement.evidence.start - other.evidence.end < _REACH
        mine, theirs = _real_subject(agreement, words), _real_subject(other, words)
        if mine and theirs and _same_subject(mine, theirs):
            return i
        if not near or (mine and theirs) or _conflict(agreement.parties, other.parties):
            continue
        # Said again without a subject, or a subject given to the document named before
        # ("the memorandum ... is entitled X"; "a cooperation agreement ... a cooperation
        # agreement in the field of X").
        if not mine or (not theirs and (_definite(agreement, words) or _repeats(other, agreement))):
            return i
    return None


def _another(agreement: Agreement, words: AgreementVocabulary) -> bool:
    """A mention that says it is a further document: "the second MoU", "another agreement"."""
    text = agreement.evidence.text
    return any(_ANOTHER.search(text[: m.start()]) for m in _nouns(agreement, words))


def _repeats(first: Agreement, again: Agreement) -> bool:
    """The later mention repeats the words the first was named by ("cooperation agreement")."""
    name = (first.subject or "").casefold()
    return len(name.split()) > 1 and name in again.evidence.text.casefold()


def _generic(agreement: Agreement) -> bool:
    """A mention as "the document", which may be any kind of document."""
    return agreement.kind == "agreement" and bool(
        re.search(r"\b(?:the|this|that)\s+document\b", agreement.evidence.text, re.I)
    )


def _real_subject(agreement: Agreement, words: AgreementVocabulary) -> str | None:
    """The subject, unless it is only common words before the noun ("the joint memorandum").

    A document's name ("Revised Double Taxation Avoidance Agreement") is a subject.
    """
    subject = agreement.subject
    if not subject:
        return None
    *before, last = subject.split()
    if words.noun.fullmatch(last) and not any(w[:1].isupper() for w in before):
        return None
    return subject


def _conflict(a: Sequence[Party], b: Sequence[Party]) -> bool:
    """Two lists of signatories that name different organisations."""
    x = {p.name for p in a if not p.name.startswith("Government of")}
    y = {p.name for p in b if not p.name.startswith("Government of")}
    return bool(x and y and not (x <= y or y <= x))


def _key(subject: str) -> str:
    return re.sub(r"\W+", " ", re.sub(r"^(?:the|a|an)\s+", "", subject.casefold())).strip()


def _same_subject(a: str, b: str) -> bool:
    x, y = _key(a), _key(b)
    return bool(x and y) and (x == y or f" {x} " in f" {y} " or f" {y} " in f" {x} ")


def _specific(parties: Sequence[Party]) -> int:
    """How many parties are named organisations rather than whole governments."""
    return sum(not p.name.startswith("Government of") for p in parties)


def _merged(first: Agreement, again: Agreement, words: AgreementVocabulary) -> Agreement:
    """The first mention, completed by what the later one adds."""
    parties = first.parties
    if len(again.parties) > len(parties) or (
        len(again.parties) == len(parties) and _specific(again.parties) > _specific(parties)
    ):
        parties = again.parties
    subject = _real_subject(first, words) or _real_subject(again, words)
    subject = subject or first.subject or again.subject
    return first.model_copy(update={"parties": parties, "subject": subject})


def name_session_documents(
    agreements: Sequence[Agreement], ordinal: int | None, text: str, words: AgreementVocabulary
) -> list[Agreement]:
    """A signed protocol or minutes with no subject of its own is the session's.

    "The relevant protocol was signed" in a report of the 17th meeting is the
    protocol of the 17th meeting; the meeting is called what the report calls it.
    """
    if ordinal is None:
        return list(agreements)
    suffix = (
        "th" if 10 <= ordinal % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(ordinal % 10, "th")
    )
    called = re.search(rf"\b{ordinal}{suffix}\s+(session|meeting|sitting)\b", text, re.I)
    name = f"the {ordinal}{suffix} {called.group(1).lower() if called else 'session'}"
    out: list[Agreement] = []
    for agreement in agreements:
        if (
            agreement.status == "signed"
            and agreement.kind in {"protocol", "other"}
            and not _real_subject(agreement, words)
        ):
            noun = "protocol" if agreement.kind == "protocol" else "minutes"
            agreement = agreement.model_copy(update={"subject": f"{noun} of {name}"})
        out.append(agreement)
    return out
