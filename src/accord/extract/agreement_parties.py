"""Signed agreements get their parties from the sentences that report the signing.

The signatories come from the agreement's own sentence, else from the line
that opened the list it stands in, else from the sentence after ("It was
signed by ..."); parties that are people or posts give way to them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from accord.core.records import Agreement, Party
from accord.extract.sentences import Sentence
from accord.extract.signatories import TITLE, SignatoryFinder, SigningContext


def looks_like_a_person(party: Party, sentence: Sentence) -> bool:
    """A party that is a person or a post ("Minister of Petroleum Javad Owji"), not an organisation."""
    if TITLE.search(party.name) or re.search(r"[’']s?$", party.name):
        return True
    # A person's name run together with an organisation: "Hossam Zaki of SCZONE".
    people = [e.text for e in sentence.span.ents if e.label_ == "PERSON" and e.text != party.name]
    return any(party.name.startswith(p) or party.name.endswith(p) for p in people)


def assign_signatories(
    agreements: Sequence[Agreement],
    sentences: Sequence[Sentence],
    finder: SignatoryFinder,
    context: SigningContext,
) -> list[Agreement]:
    """Signed agreements get the organisations their sentence names as signatories.

    Parties that are people or posts are replaced; a list item takes the
    signatories of the sentence that opened the list.
    """
    by_start = {s.start: s for s in sentences}
    out: list[Agreement] = []
    for agreement in agreements:
        sentence = by_start.get(agreement.evidence.start)
        if agreement.status != "signed" or sentence is None:
            out.append(agreement)
            continue
        kept = [p for p in agreement.parties if not looks_like_a_person(p, sentence)]
        if len(kept) >= 2:
            out.append(agreement.model_copy(update={"parties": kept}))
            continue
        found = finder.parties(sentence, context, _anchor(agreement, sentence, finder))
        if not found and not kept:
            # The signatories in a list's opening line, or in the sentence after
            # ("The document was signed on Monday. It was endorsed by A and B.").
            opener = _list_opener(sentences, sentence)
            found = finder.parties(opener, context) if opener else []
            after = _following(sentences, sentence)
            if not found and after is not None and _SIGNED_BY_PRONOUN.match(after.text):
                found = finder.parties(after, context)
        parties = found if len(found) >= len(kept) else kept
        out.append(agreement.model_copy(update={"parties": parties}))
    return out


def _anchor(agreement: Agreement, sentence: Sentence, finder: SignatoryFinder) -> int | None:
    """Where the sentence names the document: its subject, else its noun."""
    if agreement.subject:
        at = sentence.text.find(agreement.subject)
        if at >= 0:
            return at
    for m in finder.gazetteer.agreements.noun.finditer(sentence.text):
        if m.lastgroup == agreement.kind:
            return m.start()
    return None


_SIGNED_BY_PRONOUN = re.compile(
    r"^\s*(?:It|They|The (?:document|memorandum|agreement|protocol)s?) (?:was|were) "
    r"(?:also )?(?:signed|endorsed|initial(?:l)?ed|inked) by\b"
)


def _following(sentences: Sequence[Sentence], sentence: Sentence) -> Sentence | None:
    index = next(i for i, s in enumerate(sentences) if s is sentence)
    return sentences[index + 1] if index + 1 < len(sentences) else None


def _list_opener(sentences: Sequence[Sentence], item: Sentence) -> Sentence | None:
    """The sentence ending in a colon that opens the list holding ``item``."""
    index = next(i for i, s in enumerate(sentences) if s is item)
    for earlier in reversed(sentences[max(0, index - 8) : index]):
        if earlier.text.rstrip().endswith(":"):
            return earlier
    return None
