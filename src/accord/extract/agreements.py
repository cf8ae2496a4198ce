"""Documents signed at the meeting, or announced as planned, with their signatories.

Each mention of a document noun (MoU, agreement, protocol, minutes, ...) in a
sentence is a candidate. Its status comes from the words around it ("signed",
"were signed:", a list after "The agreements signed included:", or "finalise",
"negotiations on" for planned ones); a document signed earlier ("signed in
2022", "signed at the 17th session") is left out. Signatories are the
organisations after "between", "by" or "with"; the subject is what follows
the noun ("on X", "amending X") or the parties ("to strengthen cooperation in X").
Every word and pattern comes from ``data/agreements.yaml`` (``gazetteer.agreements``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from accord.core.records import Agreement, Evidence, Party
from accord.extract.agreement_vocabulary import AgreementVocabulary
from accord.extract.gazetteer import Gazetteer
from accord.extract.organisations import OrganisationFinder, OrgMention
from accord.extract.sectors import classify_sectors
from accord.extract.sentences import Sentence

# "the relevant protocols", "the final documents": a meeting's documents named together.
_DEFINITE_BEFORE = re.compile(
    r"(?:\bthe\s+|^\s*)(?:relevant|final|related|necessary|said)\s+(?:[\w-]+\s+)?$", re.I
)


_FURTHER = re.compile(r"\b(?:other|more|further|additional)\b", re.I)
_NUMBER_ONLY = re.compile(r"^\s*\(?(?:\d{1,2}|[ivx]{1,4}|[a-z])[.)]\s*$")
# A document named together with the one before it: "X — as well as a bilateral Y".
_COORDINATED = re.compile(
    r"^[\s,—–-]*(?:as well as|and(?: also)?|or)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}$", re.I
)
# "contracts on the sidelines of the forum", "on behalf of", "on Wednesday": not the subject.
_OCCASION = re.compile(
    r"(?:the\s+)?(?:sidelines|margins|occasion|eve|behalf)\b|(?:Monday|Tuesday|Wednesday|Thursday|"
    r"Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|"
    r"October|November|December)\b",
    re.I,
)


@dataclass(frozen=True)
class _Draft:
    kind: str
    status: str
    parties: tuple[Party, ...]
    subject: str | None
    evidence: Evidence
    confidence: float
    cue: str
    count: int = 0
    # "two other documents": counted documents besides those named one by one.
    further: bool = False


def find_agreements(
    sentences: list[Sentence],
    doc_text: str,
    gazetteer: Gazetteer,
    orgs: OrganisationFinder,
    skip: set[int],
) -> tuple[list[Agreement], set[int]]:
    """Agreements signed or planned, and the indexes of the sentences that report signings."""
    words = gazetteer.agreements
    drafts: list[_Draft] = []
    signing: set[int] = set()
    list_mode = False
    numbered = False
    last_signing = -10
    for sentence in sentences:
        text = sentence.text
        in_list = list_mode and (numbered or bool(words.grammar.list_item.match(text)))
        continues = bool(words.continuation.search(text)) and sentence.index - last_signing <= 3
        # An item's number parsed as a sentence of its own ("(i)") keeps the list open.
        numbered = list_mode and bool(_NUMBER_ONLY.match(text))
        list_mode = in_list or numbered or bool(words.list_opener.search(text))
        if sentence.index in skip or numbered:
            continue
        sentence_signed = (
            in_list
            or continues
            or (bool(words.signed.search(text)) and not words.already_signed.search(text))
        )
        found = _in_sentence(sentence, sentence_signed, orgs, words)
        if any(d.status == "signed" for d in found) or (
            sentence_signed and words.list_opener.search(text)
        ):
            signing.add(sentence.index)
            last_signing = sentence.index
        drafts += found
    return _resolve_counts(drafts, gazetteer), signing


def _in_sentence(
    sentence: Sentence, signed: bool, orgs: OrganisationFinder, words: AgreementVocabulary
) -> list[_Draft]:
    text = sentence.text
    nouns = list(words.noun.finditer(text))
    mentions = [m for m in orgs.find(text) if not words.not_a_party.search(m.name)]
    drafts: list[_Draft] = []
    consumed = 0
    evidence = Evidence(text=text, start=sentence.start, end=sentence.end)
    for i, noun in enumerate(nouns):
        if noun.start() < consumed or any(m.start < noun.start() < m.end for m in mentions):
            continue
        next_start = nouns[i + 1].start() if i + 1 < len(nouns) else len(text)
        before = text[consumed : noun.start()]
        bracketed = words.grammar.bracketed_acronym.match(text[noun.end() :])
        noun_end = noun.end() + (bracketed.end() if bracketed else 0)
        after = text[noun_end:]
        if words.earlier_after.match(after) or words.earlier_before.search(before):
            consumed = noun_end
            signed = signed and bool(words.signed.search(text, noun_end))
            continue
        planned = bool(words.planned_before.search(before) or words.planned_after.match(after))
        if drafts and _COORDINATED.match(before):
            # "an FTA — as well as an agreement on services": the status carries over.
            planned = drafts[-1].status == "planned"
        if not planned and not signed:
            continue
        kind = noun.lastgroup or "other"
        parties, parties_end = _parties(text, noun_end, next_start, mentions, words)
        with_party = bool(words.grammar.party_with.match(text, noun_end))
        if signed and not planned and (not parties or with_party):
            before_verb = _parties_before(text, consumed, noun.start(), mentions, words, with_party)
            parties = before_verb + parties
        subject, subject_end = _subject(text, noun, noun_end, parties_end, words)
        count_match = words.count.search(text[max(consumed, noun.start() - 30) : noun.start()])
        word = noun.group(0).lower()
        plural = "memoranda" in word or (
            word.endswith("s") and word not in {"minutes", "exchange of notes"}
        )
        count = 0
        if count_match and plural and not parties:
            raw = count_match.group("n").lower()
            count = int(raw) if raw.isdigit() else words.numbers.get(raw, 0)
        status = "planned" if planned else "signed"
        cue = "planned" if planned else "signed"
        # A subject after the noun ("agreements on X and Y") may list documents; one
        # before it ("the following documents") names them together.
        listed = subject is not None and subject_end > noun_end and not _OCCASION.match(subject)
        parts = _split_list(subject, words) if subject and listed else []
        counted = bool(count_match) and count not in {0, len(parts)}
        if plural and listed and not parties and not count and not counted:
            # Documents listed by subject: "agreements on nuclear power and on medicines".
            for part in parts:
                confidence = words.confidence.planned_list_item
                drafts.append(_Draft(kind, status, (), part, evidence, confidence, cue))
        elif plural and not count and not parties and not (planned and subject):
            # "signed the relevant protocols": the documents of the meeting, taken as one.
            if listed or not _DEFINITE_BEFORE.search(text[: noun.start()]):
                continue
            confidence = words.confidence.fewer_parties
            drafts.append(_Draft(kind, status, (), subject, evidence, confidence, cue))
        else:
            confidence = (
                words.confidence.two_parties
                if len(parties) >= 2
                else words.confidence.fewer_parties
            )
            further = bool(count_match and _FURTHER.search(count_match.group(0)))
            drafts.append(
                _Draft(
                    kind, status, tuple(parties), subject, evidence, confidence, cue, count, further
                )
            )
        consumed = max(noun_end, subject_end, parties_end)
    return drafts


def _parties(
    text: str, start: int, stop: int, mentions: list[OrgMention], words: AgreementVocabulary
) -> tuple[list[Party], int]:
    """Signatories after "between", "by" or "with" following the noun, and where they end."""
    window = text[start:stop]
    anchor = words.grammar.party_anchor.search(window)
    if anchor is None:
        return [], start
    cursor = start + anchor.end()
    found: list[OrgMention] = []
    for m in mentions:
        if m.start < cursor or m.start >= stop:
            continue
        gap = text[cursor : m.start]
        if found and not words.grammar.party_gap.match(gap):
            break
        if not found and (len(gap) > 45 or re.search(r"[.;:]", gap)):
            break
        found.append(m)
        cursor = m.end
    zone_start = cursor if found else start + anchor.end()
    stop_match = words.grammar.party_stop.search(text, zone_start, stop)
    zone_end = stop_match.start() if stop_match else stop
    found += _unlisted_parties(text, start + anchor.end(), zone_end, found, words)
    found.sort(key=lambda m: m.start)
    unique: list[OrgMention] = []
    for m in found:
        if all(m.name != o.name for o in unique):
            unique.append(m)
    parties = [Party(name=m.name, acronym=m.acronym, country=m.country) for m in unique]
    return parties, (unique[-1].end if unique else start)


def _unlisted_parties(
    text: str, start: int, end: int, found: list[OrgMention], words: AgreementVocabulary
) -> list[OrgMention]:
    """Capitalised names between the anchor and the subject that no organisation pattern knew."""
    extra: list[OrgMention] = []
    for m in words.grammar.name_run.finditer(text, start, end):
        if any(m.start("name") < f.end and m.end() > f.start for f in found):
            continue
        name = re.sub(r"\s*\([^)]*\)$", "", m.group("name")).strip()
        bracketed = name != m.group("name").strip()
        if len(name) < 3 or (len(name.split()) < 2 and not bracketed and not m.group("poss")):
            continue
        acronym = re.search(r"\(([A-Z][\w-]{1,10})\)$", m.group("name"))
        extra.append(
            OrgMention(name, acronym.group(1) if acronym else None, None, m.start("name"), m.end())
        )
    return extra


def _parties_before(
    text: str,
    since: int,
    noun_start: int,
    mentions: list[OrgMention],
    words: AgreementVocabulary,
    any_name: bool = False,
) -> list[Party]:
    """Signatories named before the verb: "A and B signed an MoU"."""
    verbs = list(words.grammar.signing_verb.finditer(text[since:noun_start]))
    if not verbs:
        return []
    verb = verbs[-1]
    found = [m for m in mentions if since <= m.start and m.end <= since + verb.start()]
    if not found and any_name:
        # "Silesia Mining Equipment signed a contract with ...": the subject is a party.
        found = _unlisted_parties(text, since, since + verb.start(), [], words)[-1:]
    return [Party(name=m.name, acronym=m.acronym, country=m.country) for m in found[-2:]]


def _subject(
    text: str, noun: re.Match[str], noun_end: int, parties_end: int, words: AgreementVocabulary
) -> tuple[str | None, int]:
    """What the document is about, and where that phrase ends in the sentence."""
    after = text[noun_end:]
    direct = words.subject_lead.match(after)
    if direct and not re.match(
        r"(?:the )?(?:two|both) (?:sides|countries|governments)", direct.group("s")
    ):
        lead = direct.group("lead").lower()
        body = _cut(direct.group("s"), words)
        if lead in words.leads_kept_in_subject:
            body = f"{lead} {body}"
        elif lead == "of":
            body = f"{noun.group(0)} of {body}"
        if body and not _OCCASION.match(body):
            return body, noun_end + direct.start("s") + len(_cut(direct.group("s"), words))
    if parties_end > noun_end:
        later = words.grammar.subject_after_parties.match(text[parties_end:])
        if later:
            body = _cut(later.group("s"), words)
            return (body or None), parties_end + later.start("s") + len(body)
    return _named(text, noun, words), noun_end


def _named(text: str, noun: re.Match[str], words: AgreementVocabulary) -> str | None:
    """A document known by its name or description: "a Bilateral Investment Treaty"."""
    before = text[: noun.start()]
    name = words.grammar.name_before.search(before)
    if name and name.group(0).strip() and not re.match(r"(?:The|A|An)\s*$", name.group(0).strip()):
        named = re.sub(r"^(?:the|a|an)\s+", "", name.group(0).strip(), flags=re.I)
        return f"{named} {noun.group(0)}"
    phrase = words.grammar.phrase_before.search(before)
    if phrase and phrase.group("mods").strip():
        return f"{phrase.group('mods').strip()} {noun.group(0)}"
    return None


def _cut(subject: str, words: AgreementVocabulary) -> str:
    end = words.grammar.subject_end.search(subject)
    if end:
        subject = subject[: end.start()]
    # An aside in brackets is no part of the subject; an acronym is ("(HICDP)").
    subject = re.sub(r"\s*\([^()]*\s[^()]*\)", "", subject)
    return subject.strip(" ,.“”\"'‘’") or ""


def _split_list(subject: str, words: AgreementVocabulary) -> list[str]:
    """The subjects of a list; phrases joined by "and in"/"and on" are split there first."""
    phrases = re.split(r",?\s+and\s+(?=(?:in|on|for)\s)", subject)
    if len(phrases) > 1:
        parts = [re.sub(r"^in (?:the )?(?:areas?|fields?|spheres?) of\s+", "", p) for p in phrases]
    else:
        parts = words.grammar.list_split.split(subject)
    return [s.strip(" ,.") for s in parts if s and s.strip(" ,.")]


def _comma_list(subject: str) -> list[str]:
    """The subjects of a list split at commas only: "A and B, C, D and E" keeps "A and B"."""
    parts = re.split(r",\s*(?:and\s+)?(?:the\s+)?", subject)
    return [s.strip(" ,.") for s in parts if s.strip(" ,.")]


def _resolve_counts(drafts: list[_Draft], gazetteer: Gazetteer) -> list[Agreement]:
    """A count ("signed three MoUs") stands for the detailed documents, or for its listed subjects."""
    detailed = [d for d in drafts if not d.count]
    out: list[Agreement] = []
    for d in drafts:
        if d.count:
            subjects = _split_list(d.subject or "", gazetteer.agreements)
            if len(subjects) != d.count:
                subjects = _comma_list(d.subject or "")
            named_apart = any(x.status == d.status for x in detailed) and not d.further
            if len(subjects) == d.count and not named_apart:
                out += [_agreement(d, s, gazetteer) for s in subjects]
            elif d.status == "planned" and d.subject:
                # "seventeen protocols covering banking, shipping and ...": one set of documents.
                out.append(_agreement(d, d.subject, gazetteer))
            continue
        out.append(_agreement(d, d.subject, gazetteer))
    return out


def _agreement(d: _Draft, subject: str | None, gazetteer: Gazetteer) -> Agreement:
    about = " ".join([subject or "", *(p.name for p in d.parties)])
    return Agreement(
        kind=d.kind,
        status=d.status,
        parties=list(d.parties),
        subject=subject,
        sectors=classify_sectors(about, gazetteer) if about.strip() else [],
        evidence=d.evidence,
        confidence=d.confidence,
        cue=d.cue,
    )
