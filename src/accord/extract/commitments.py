"""Commitments: sentences in which the sides say what they will do, with strength and sectors."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from accord.core.records import Actor, Commitment
from accord.extract.dates import find_due
from accord.extract.gazetteer import Cue, Gazetteer
from accord.extract.organisations import OrgMention
from accord.extract.sectors import classify_sectors
from accord.extract.sentences import Sentence

# A cue at or above this priority survives a veto phrase in the same sentence.
STRONG_CUE = 65
_GENERIC_TOPIC = re.compile(
    r"^(?:the |their |its |a |an |both |all )?(?:two )?(?:sides?|parties|countries|nations|"
    r"delegations?|importance|significance|need|potential|opportunities|cooperation|"
    r"collaboration|areas?|fields?|sectors?|ways|means|avenues|intention|plans?|resolve|"
    r"commitment|session|meeting|commission|discussions?|dialogue|initiatives?|they|it|them|"
    r"this regard|regard|view|peoples?|relations|ties|partnership|readiness|steps?|measures)$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class CueHit:
    cue: Cue
    start: int
    end: int


def best_cue(
    text: str, gazetteer: Gazetteer, is_verb: Callable[[int], bool] | None = None
) -> CueHit | None:
    """The commitment cue that decides a sentence's strength, if any fires.

    A match inside a masking phrase (a prediction, a meeting's purpose, an
    earlier decision) is no cue (only its group ``masked`` when it has one); a cue that must be a verb counts only where
    ``is_verb`` says the parse has a verb at its first character.
    """
    masks = [
        m.span("masked") if "masked" in mask.groupindex else m.span()
        for mask in gazetteer.cue_masks
        for m in mask.finditer(text)
    ]
    best: CueHit | None = None
    for cue in gazetteer.cues:
        for m in cue.pattern.finditer(text):
            if any(m.start() < end and start < m.end() for start, end in masks):
                continue
            if cue.verb and is_verb is not None and not is_verb(m.start()):
                continue
            hit = CueHit(cue, m.start(), m.end())
            if best is None or (cue.priority, -m.start()) > (best.cue.priority, -best.start):
                best = hit
            break
    return best


def _verb_at(sentence: Sentence, start: int) -> Callable[[int], bool]:
    """Whether the parse has a verb or auxiliary at ``start + offset`` in the document."""
    verbs = {t.idx for t in sentence.span if t.pos_ in {"VERB", "AUX"}}
    return lambda offset: start + offset in verbs


_ACTOR_WORDS = re.compile(
    r"\b(?:sides?|parties|countries|governments?|ministers?|ministr(?:y|ies)|delegations?|commission|"
    r"committee|council|leaders|presidents?|co-?chairs?|we|they|both|officials|agenc(?:y|ies)|"
    r"authorit(?:y|ies)|railways?|compan(?:y|ies)|banks?|corporations?|funds?|[A-Z][a-z]+(?:ian|ese|i|ish))\b"
)
_HEDGE = re.compile(r"\b(?:whether|doubt|if|unless|might|may|could|test)\b", re.IGNORECASE)


def _names_an_actor(before: str, orgs: list[OrgMention], start: int, cue_at: int) -> bool:
    """Weak cues need a subject that acts: the sides, a country, an agency; and no hedge."""
    if _HEDGE.search(before):
        return False
    if _ACTOR_WORDS.search(before) or any(start <= o.start < cue_at for o in orgs):
        return True
    # A thing as the subject ("The railway will be completed by 2027") still commits,
    # but an opinion ("The real test will be ...") does not: those start with a judgement.
    return not re.match(
        r"\s*(?:The|This|That|It)\s+(?:real|main|key|big|only|next)?\s*(?:test|question|issue|problem|point)\b",
        before,
    )


_OPENING_PHRASE = re.compile(
    r"^\s*(?:At|As|During|While|When|After|Before|On|In|Speaking|Addressing|Following)\b[^,;:]*,"
)


def is_vetoed(text: str, gazetteer: Gazetteer, cue_start: int | None = None) -> bool:
    """Whether a veto phrase rules the sentence out.

    With ``cue_start``, a veto inside an opening adverbial phrase that ends
    before the cue ("At the session co-chaired by X, he said the pact must
    be finalised") does not count: it sets the scene, the main clause speaks.
    """
    opening = _OPENING_PHRASE.match(text)
    for veto in gazetteer.vetoes:
        for m in veto.finditer(text):
            if cue_start is None or opening is None or not m.end() <= opening.end() <= cue_start:
                return True
    return False


def find_commitment(
    sentence: Sentence,
    doc_text: str,
    gazetteer: Gazetteer,
    orgs: list[OrgMention],
    published: dt.date | None,
    number: int,
    *,
    reports_signing: bool = False,
) -> Commitment | None:
    """The commitment a sentence states, or None when it states none.

    A sentence that reports a signing is an agreement, not a commitment,
    unless a strong decision cue says more ("decided to work together ...
    as per the agreement signed between ...").
    """
    start, end = sentence.core()
    text = doc_text[start:end]
    # Cues are phrases; a line break inside one (hard-wrapped text) is a space.
    flat = text.replace("\n", " ")
    hit = best_cue(flat, gazetteer, _verb_at(sentence, start))
    if hit is None:
        return None
    if reports_signing and (hit.cue.priority < STRONG_CUE or hit.cue.strength != "decision"):
        return None
    if hit.cue.priority < STRONG_CUE and is_vetoed(flat, gazetteer, hit.start):
        return None
    if hit.cue.actor and not _names_an_actor(flat[: hit.start], orgs, start, start + hit.start):
        return None
    if re.search(r"\?\s*$", text):
        return None
    sectors = classify_sectors(flat, gazetteer)
    actors = [
        Actor(name=o.name, country=o.country)
        for o in orgs
        if start <= o.start and o.end <= end and o.start < start + hit.start
    ]
    return Commitment(
        id=f"c{number}",
        text=text,
        start=start,
        end=end,
        strength=hit.cue.strength,
        sectors=sectors,
        actors=actors,
        topics=_topics(sentence, start + hit.end, end),
        due=find_due(flat, published),
        confidence=hit.cue.confidence,
        cue=text[hit.start : hit.end],
    )


def _topics(sentence: Sentence, after: int, end: int) -> list[str]:
    """The concrete objects the commitment is about: noun chunks after the cue."""
    topics: list[str] = []
    doc = sentence.span.doc
    try:
        chunks = list(sentence.span.noun_chunks)
    except ValueError:
        return topics
    for chunk in chunks:
        if chunk.start_char < after or chunk.end_char > end:
            continue
        words = [t for t in chunk if not t.is_stop or t.i != chunk.start]
        if not words:
            continue
        phrase = doc.text[words[0].idx : chunk.end_char].strip(" ,;")
        phrase = re.sub(r"^(?:the|their|its|a|an|both|all)\s+", "", phrase, flags=re.I)
        if (
            len(phrase) < 3
            or _GENERIC_TOPIC.match(phrase)
            or phrase.lower() in {t.lower() for t in topics}
        ):
            continue
        topics.append(phrase)
    return topics[:6]
