"""Documents signed at the meeting, or announced as planned, with their signatories.

Each mention of a document noun (MoU, agreement, protocol, minutes, ...) in a
sentence is a candidate. Its status comes from the words around it ("signed",
"were signed:", a list after "The agreements signed included:", or "finalise",
"negotiations on" for planned ones); a document signed earlier ("signed in
2022", "signed at the 17th session") is left out. Signatories are the
organisations after "between", "by" or "with"; the subject is what follows
the noun ("on X", "amending X") or the parties ("to strengthen cooperation in X").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from accord.core.records import Agreement, Evidence, Party
from accord.extract.gazetteer import Gazetteer
from accord.extract.organisations import OrganisationFinder, OrgMention
from accord.extract.sectors import classify_sectors
from accord.extract.sentences import Sentence

_KINDS: list[tuple[str, str]] = [
    ("mou", r"memorand(?:um|a)(?: of understanding)?|MoUs?|MOUs?|letters? of intent"),
    ("protocol", r"protocols?"),
    (
        "programme",
        r"(?:work |cooperation |joint |action |executive )?program(?:me)?s?(?= of| on| for)",
    ),
    ("roadmap", r"road ?maps?|action plans?|plans? of action"),
    ("declaration", r"(?:joint )?declarations?|communiqués?"),
    ("contract", r"contracts?|deals?"),
    ("other", r"minutes|exchanges? of notes"),
    ("agreement", r"agreements?|accords?|treat(?:y|ies)|conventions?|documents"),
]
NOUN = re.compile(
    "|".join(f"(?P<{kind}>\\b(?:{pattern})\\b)" for kind, pattern in _KINDS), re.IGNORECASE
)
SIGNED = re.compile(
    r"\b(?:signed|inked|initialled|initialed|penned|exchanged)\b|\bsigning\b|"
    r"\b(?:among|including) the documents\b|\bdocuments (?:were|included)\b",
    re.IGNORECASE,
)
PLANNED_BEFORE = re.compile(
    r"\b(?:finali[sz]\w*|negotiat\w*|conclude|concluding|to (?:be )?sign|will (?:be )?sign|draft\w*|prepar\w+|"
    r"expedite|work(?:ing)? (?:on|towards)|agreed to sign|early signing of|"
    r"plans? to (?:sign|finali[sz]e|conclude)|develop(?:ing)?|elaborat\w*|consider(?:ing)?|"
    r"agreed on the text of|initial(?:l)?ing)\b[^.;]{0,80}$",
    re.IGNORECASE,
)
PLANNED_AFTER = re.compile(
    r"^[^.;]{0,60}\b(?:is|are|was|were) (?:expected|due|scheduled|set|to be) (?:to be )?(?:signed|finali[sz]ed|concluded)",
    re.I,
)
EARLIER_AFTER = re.compile(
    r"^[^.;]{0,80}?\b(?:signed|concluded|adopted|agreed) (?:in (?:(?:January|February|March|April|May|June|July|"
    r"August|September|October|November|December) )?(?:19|20)\d\d|at the (?:\d+(?:st|nd|rd|th)|\w+th|previous|last)|"
    r"last year|earlier|previously|(?:on|in) \w+ (?:19|20)\d\d)|^[^.;]{0,20}?\bsigned[^.;]{0,30}\b(?:last year|earlier|"
    r"there|in (?:\w+ )?(?:19|20)\d\d|previously|in (?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December))\b",
    re.IGNORECASE,
)
EARLIER_BEFORE = re.compile(
    r"\b(?:implementation of|recalled|reviewed|under|in line with|pursuant to|in accordance with|"
    r"amending|amend|existing|previous|earlier|last year's|the \d{4})\b[^.;]{0,40}$|\bsince\b[^.;]{0,90}$",
    re.IGNORECASE,
)
CONTINUATION = re.compile(
    r"^\s*(?:The\s+)?(?:first|second|third|fourth|fifth|sixth|another|other|last|final|remaining)\s+"
    r"(?:MoU|memorandum|agreement|protocol|document|contract|one)\b",
    re.IGNORECASE,
)
HAD_SIGNED = re.compile(
    r"\b(?:had|have|has) (?:already )?(?:been )?signed\b|\balready signed\b", re.I
)
LIST_OPENER = re.compile(
    r"\b(?:signed|exchanged|inked|documents?|agreements?|MoUs?|memoranda|instruments)\b[^.]*:\s*$",
    re.IGNORECASE,
)
LIST_ITEM = re.compile(
    r"^\s*(?:[-•*▪–]|\d{1,2}[.)]|\(?[a-z]\)|\(?(?:i|ii|iii|iv|v|vi|vii|viii|ix|x)\))\s+"
)
COUNT = re.compile(
    r"\b(?P<n>two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
_NUM = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}
AFTER_NOUN = re.compile(
    r"^\s*(?P<lead>on|for|regarding|concerning|covering|amending|allowing|waiving|establishing|"
    r"providing for|in the (?:field|area|sphere)s? of|of cooperation in|of|to)\s+(?P<s>[^;:]+)",
    re.IGNORECASE,
)
SUBJECT_AFTER_PARTIES = re.compile(
    r"^[\s,]*(?:(?:to|will|would|shall|in order to|aimed at|aiming to|that will) (?:strengthen|enhance|"
    r"support|promote|boost|expand|develop|deepen|facilitate|foster|advance|improve|intensify)(?:ing)?\s+"
    r"(?:(?:bilateral |mutual |joint )?(?:collaboration|cooperation|ties|exchanges|partnership)\s+"
    r"(?:in|on|between)\s+(?:the (?:fields?|areas?|spheres?) of\s+)?)?|(?:on|for|regarding|concerning|"
    r"covering|focusing on)\s+(?:cooperation in\s+)?)(?P<s>[^;:]+)",
    re.IGNORECASE,
)
_SUBJECT_END = re.compile(
    r",?\s+(?:between|signed by|signed|was|were|which|who|while|as well as|along with|alongside|"
    r"by (?:the )?\w+ (?:ministers?|sides|agencies|companies)|in the presence)\b|[—–]|,\s+(?:focusing|"
    r"worth|covering|and (?:a|an|the) )|\.$|\.\s"
)
_LIST_SPLIT = re.compile(
    r",\s*(?:and\s+|as well as\s+)?(?:the\s+)?|\s+and\s+(?:the\s+)?|\s+as well as\s+"
)
_PARTY_GAP = re.compile(
    r"^[\s,]*(?:and|&|as well as|,)?\s*(?:the\s+)?(?:[A-Z][\w ]*?[’']s\s+)?(?:state-run\s+|national\s+)?$"
)
_BRACKETED = re.compile(r"^\s*\((?:MoUs?|MOUs?|[A-Z][A-Za-z]{1,8})\)")
_NAME_BEFORE = re.compile(r"(?:\b(?:[A-Z][\w-]*|and|of|on|for|the)\s+)*?(?:[A-Z][\w-]*\s+)+$")
_PHRASE_BEFORE = re.compile(
    r"\b(?:a|an|the)\s+(?P<mods>(?:(?!(?:a|an|the)\b)[\w-]+\s+){0,3})$", re.IGNORECASE
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


def find_agreements(
    sentences: list[Sentence],
    doc_text: str,
    gazetteer: Gazetteer,
    orgs: OrganisationFinder,
    skip: set[int],
) -> tuple[list[Agreement], set[int]]:
    """Agreements signed or planned, and the indexes of the sentences that report signings."""
    drafts: list[_Draft] = []
    signing: set[int] = set()
    list_mode = False
    last_signing = -10
    for sentence in sentences:
        text = sentence.text
        in_list = list_mode and bool(LIST_ITEM.match(text))
        continues = bool(CONTINUATION.search(text)) and sentence.index - last_signing <= 3
        list_mode = in_list or bool(LIST_OPENER.search(text))
        if sentence.index in skip:
            continue
        sentence_signed = (
            in_list or continues or (bool(SIGNED.search(text)) and not HAD_SIGNED.search(text))
        )
        found = _in_sentence(sentence, sentence_signed, orgs)
        if any(d.status == "signed" for d in found) or (
            sentence_signed and LIST_OPENER.search(text)
        ):
            signing.add(sentence.index)
            last_signing = sentence.index
        drafts += found
    return _resolve_counts(drafts, gazetteer), signing


def _in_sentence(sentence: Sentence, signed: bool, orgs: OrganisationFinder) -> list[_Draft]:
    text = sentence.text
    nouns = list(NOUN.finditer(text))
    mentions = [m for m in orgs.find(text) if not _is_commission(m)]
    drafts: list[_Draft] = []
    consumed = 0
    evidence = Evidence(text=text, start=sentence.start, end=sentence.end)
    for i, noun in enumerate(nouns):
        if noun.start() < consumed or any(m.start < noun.start() < m.end for m in mentions):
            continue
        next_start = nouns[i + 1].start() if i + 1 < len(nouns) else len(text)
        before = text[consumed : noun.start()]
        noun_end = noun.end() + (m.end() if (m := _BRACKETED.match(text[noun.end() :])) else 0)
        after = text[noun_end:]
        if EARLIER_AFTER.match(after) or EARLIER_BEFORE.search(before):
            consumed = noun_end
            signed = signed and bool(SIGNED.search(text, noun_end))
            continue
        planned = bool(PLANNED_BEFORE.search(before) or PLANNED_AFTER.match(after))
        if not planned and not signed:
            continue
        kind = noun.lastgroup or "other"
        parties, parties_end = _parties(text, noun_end, next_start, mentions)
        with_party = bool(_WITH.match(text, noun_end))
        if signed and not planned and (not parties or with_party):
            before_verb = _parties_before(text, consumed, noun.start(), mentions, with_party)
            parties = before_verb + parties
        subject, subject_end = _subject(text, noun, noun_end, parties_end)
        count_match = COUNT.search(text[max(consumed, noun.start() - 30) : noun.start()])
        word = noun.group(0).lower()
        plural = "memoranda" in word or (
            word.endswith("s") and word not in {"minutes", "exchange of notes"}
        )
        count = 0
        if count_match and plural and not parties:
            raw = count_match.group("n").lower()
            count = int(raw) if raw.isdigit() else _NUM.get(raw, 0)
        status = "planned" if planned else "signed"
        cue = "planned" if planned else "signed"
        if planned and plural and subject and not parties:
            for part in _split_list(subject):
                drafts.append(_Draft(kind, status, (), part, evidence, 0.7, cue))
        elif plural and not count and not parties and not (planned and subject):
            continue
        else:
            confidence = 0.85 if len(parties) >= 2 else 0.65
            drafts.append(
                _Draft(kind, status, tuple(parties), subject, evidence, confidence, cue, count)
            )
        consumed = max(noun_end, subject_end, parties_end)
    return drafts


def _is_commission(m: OrgMention) -> bool:
    return bool(
        re.search(
            r"Intergovernmental|Joint (?:\w+ )*(?:Commission|Committee)|\bIGC\b|\bJCC\b", m.name
        )
    )


def _parties(
    text: str, start: int, stop: int, mentions: list[OrgMention]
) -> tuple[list[Party], int]:
    """Signatories after "between", "by" or "with" following the noun, and where they end."""
    window = text[start:stop]
    anchor = re.search(r"\b(?:between|signed by|by|with)\b", window)
    if anchor is None:
        return [], start
    cursor = start + anchor.end()
    found: list[OrgMention] = []
    for m in mentions:
        if m.start < cursor or m.start >= stop:
            continue
        gap = text[cursor : m.start]
        if found and not _PARTY_GAP.match(gap):
            break
        if not found and (len(gap) > 45 or re.search(r"[.;:]", gap)):
            break
        found.append(m)
        cursor = m.end
    zone_end = _zone_end(text, cursor if found else start + anchor.end(), stop)
    found += _unlisted_parties(text, start + anchor.end(), zone_end, found)
    found.sort(key=lambda m: m.start)
    unique: list[OrgMention] = []
    for m in found:
        if all(m.name != o.name for o in unique):
            unique.append(m)
    parties = [Party(name=m.name, acronym=m.acronym, country=m.country) for m in unique]
    return parties, (unique[-1].end if unique else start)


_WITH = re.compile(r"[^.;]{0,40}?\bwith\b")
_PARTY_STOP = re.compile(
    r"\s+(?:to|on|for|in order|aimed|aiming|that|which|covering|focusing|worth|was|were)\b|[;:]|,\s+(?:to|which|focusing|worth)\b|\.$"
)
_RUN = re.compile(
    r"(?:(?P<poss>[A-Z][\w]*)[’']s\s+)?(?P<name>(?:[A-Z][\w’'.&-]*)(?:\s+(?:of\s+|for\s+|and\s+(?=[A-Z][\w-]*\s+[A-Z]))?[A-Z][\w’'.&-]*)*(?:\s*\([A-Z][\w-]{1,10}\))?)"
)


def _zone_end(text: str, start: int, stop: int) -> int:
    m = _PARTY_STOP.search(text, start, stop)
    return m.start() if m else stop


def _unlisted_parties(text: str, start: int, end: int, found: list[OrgMention]) -> list[OrgMention]:
    """Capitalised names between the anchor and the subject that no organisation pattern knew."""
    extra: list[OrgMention] = []
    for m in _RUN.finditer(text, start, end):
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
    text: str, since: int, noun_start: int, mentions: list[OrgMention], any_name: bool = False
) -> list[Party]:
    """Signatories named before the verb: "A and B signed an MoU"."""
    verbs = list(re.finditer(r"\b(?:signed|inked)\b", text[since:noun_start]))
    if not verbs:
        return []
    verb = verbs[-1]
    found = [m for m in mentions if since <= m.start and m.end <= since + verb.start()]
    if not found and any_name:
        # "Silesia Mining Equipment signed a contract with ...": the subject is a party.
        found = _unlisted_parties(text, since, since + verb.start(), [])[-1:]
    return [Party(name=m.name, acronym=m.acronym, country=m.country) for m in found[-2:]]


def _subject(
    text: str, noun: re.Match[str], noun_end: int, parties_end: int
) -> tuple[str | None, int]:
    """What the document is about, and where that phrase ends in the sentence."""
    after = text[noun_end:]
    direct = AFTER_NOUN.match(after)
    if direct and not re.match(
        r"(?:the )?(?:two|both) (?:sides|countries|governments)", direct.group("s")
    ):
        lead = direct.group("lead").lower()
        body = _cut(direct.group("s"))
        if lead in {"amending", "waiving", "allowing", "establishing"}:
            body = f"{lead} {body}"
        elif lead == "of" and re.match(r"(?:the )?(?:\d+\w*|\w+th) (?:session|meeting|\w+)", body):
            body = f"{noun.group(0)} of {body}"
        if body:
            return body, noun_end + direct.start("s") + len(_cut(direct.group("s")))
    if parties_end > noun_end:
        later = SUBJECT_AFTER_PARTIES.match(text[parties_end:])
        if later:
            body = _cut(later.group("s"))
            return (body or None), parties_end + later.start("s") + len(body)
    return _named(text, noun), noun_end


def _named(text: str, noun: re.Match[str]) -> str | None:
    """A document known by its name or description: "a Bilateral Investment Treaty"."""
    before = text[: noun.start()]
    name = _NAME_BEFORE.search(before)
    if name and name.group(0).strip() and not re.match(r"(?:The|A|An)\s*$", name.group(0).strip()):
        words = re.sub(r"^(?:the|a|an)\s+", "", name.group(0).strip(), flags=re.I)
        return f"{words} {noun.group(0)}"
    phrase = _PHRASE_BEFORE.search(before)
    if phrase and phrase.group("mods").strip():
        return f"{phrase.group('mods').strip()} {noun.group(0)}"
    return None


def _cut(subject: str) -> str:
    end = _SUBJECT_END.search(subject)
    if end:
        subject = subject[: end.start()]
    return subject.strip(" ,.”\"'’") or ""


def _split_list(subject: str) -> list[str]:
    return [s.strip(" ,.") for s in _LIST_SPLIT.split(subject) if s and s.strip(" ,.")]


def _resolve_counts(drafts: list[_Draft], gazetteer: Gazetteer) -> list[Agreement]:
    """A count ("signed three MoUs") stands for the detailed documents, or for its listed subjects."""
    detailed = [d for d in drafts if not d.count]
    out: list[Agreement] = []
    for d in drafts:
        if d.count:
            subjects = _split_list(d.subject or "")
            if not any(x.status == d.status for x in detailed) and len(subjects) == d.count:
                out += [_agreement(d, s, gazetteer) for s in subjects]
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
