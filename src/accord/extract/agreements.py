"""Documents signed at the meeting, or announced as planned, with their signatories."""

from __future__ import annotations

import re
from dataclasses import dataclass

from accord.core.records import Agreement, Evidence, Party
from accord.extract.gazetteer import Gazetteer
from accord.extract.organisations import OrganisationFinder, OrgMention
from accord.extract.places import PlaceFinder
from accord.extract.sectors import classify_sectors
from accord.extract.sentences import Sentence

_KINDS: list[tuple[str, str]] = [
    ("mou", r"memorand(?:um|a)(?: of understanding)?|MoUs?|MOUs?|letters? of intent"),
    ("protocol", r"protocols?"),
    ("programme", r"(?:work |cooperation |joint |action )?program(?:me)?s?(?= of cooperation| on| for)"),
    ("roadmap", r"road ?maps?|action plans?|plans? of action"),
    ("declaration", r"(?:joint )?declarations?"),
    ("contract", r"contracts?|deals?"),
    ("agreement", r"(?:framework |intergovernmental |inter-governmental |bilateral )?agreements?|accords?|treat(?:y|ies)|conventions?"),
]
NOUN = re.compile("|".join(f"(?P<{kind}>\\b(?:{pattern})\\b)" for kind, pattern in _KINDS), re.IGNORECASE)
SIGNED = re.compile(
    r"\b(?:signed|inked|concluded|exchanged|initialled|initialed|penned)\b|\bsigning\b(?! of)|"
    r"\bwere (?:also )?(?:signed|inked)\b",
    re.IGNORECASE,
)
PLANNED = re.compile(
    r"\b(?:finali[sz]e|finali[sz]ing|negotiat\w*|to (?:be )?sign(?:ed)?|will (?:be )?sign|draft(?:ing)?|"
    r"prepar\w+|expedite|work(?:ing)? on|conclude|to be concluded|agreed to sign|early signing|"
    r"sign(?:ing)? (?:of )?(?:the|an?) \w+ (?:at|during) the next|under (?:consideration|discussion))\b",
    re.IGNORECASE,
)
EARLIER = re.compile(
    r"\b(?:last year|previous(?:ly)?|earlier|in (?:19|20)\d\d(?! on)|had (?:been )?signed|already (?:been )?signed|"
    r"(?:the )?(?:\d+(?:st|nd|rd|th)|\w+th) (?:session|meeting) (?:held )?in (?:19|20)\d\d|signed (?:in|on) (?:19|20)\d\d|"
    r"implementation of (?:the )?(?:agreements?|MoUs?|memorand)|since (?:the )?(?:signing|(?:19|20)\d\d))\b",
    re.IGNORECASE,
)
CONTINUATION = re.compile(
    r"^\s*(?:The\s+)?(?:first|second|third|fourth|fifth|sixth|another|other|last|final|remaining)\s+"
    r"(?:MoU|memorandum|agreement|protocol|document|one)|^\s*(?:The|These)\s+(?:\w+\s+)?(?:MoUs|agreements|documents)\s+(?:signed|included|cover)",
    re.IGNORECASE,
)
COUNT = re.compile(
    r"\b(?P<n>two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})\s+(?:\w+\s+){0,2}"
    r"(?:memoranda|MoUs|MOUs|agreements|documents|protocols|accords|contracts)\b",
    re.IGNORECASE,
)
_NUM = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
        "ten": 10, "eleven": 11, "twelve": 12}
# "to strengthen collaboration in X" -> X; "to enhance X" -> X; "on X", "for cooperation in X".
SUBJECT = re.compile(
    r"\b(?:(?:to|will|would|shall) (?:strengthen|enhance|support|promote|boost|expand|develop|deepen|"
    r"facilitate|foster|advance|improve)\s+(?:(?:bilateral |mutual |joint )?(?:collaboration|cooperation|"
    r"ties|exchanges|partnership)\s+(?:in|on|between)\s+(?:the (?:fields?|areas?|spheres?) of\s+)?)?|"
    r"(?:for|on) (?:cooperation|collaboration) (?:in|on)\s+(?:the (?:fields?|areas?|spheres?) of\s+)?|"
    r"in the (?:field|fields|area|areas|sphere|spheres) of\s+|(?:on|regarding|concerning|covering|for)\s+)"
    r"(?P<subject>[^.;]+)",
    re.IGNORECASE,
)
_LIST_SPLIT = re.compile(r",\s*(?:and\s+|as well as\s+)?(?:the\s+)?|\s+and\s+(?:the\s+)?|\s+as well as\s+")


@dataclass(frozen=True)
class _Draft:
    kind: str
    status: str
    parties: list[Party]
    subject: str | None
    evidence: Evidence
    confidence: float
    cue: str
    summary_count: int = 0


def find_agreements(
    sentences: list[Sentence],
    doc_text: str,
    gazetteer: Gazetteer,
    orgs: OrganisationFinder,
    places: PlaceFinder,
    skip: set[int],
) -> tuple[list[Agreement], set[int]]:
    """Agreements signed or planned, and the indexes of the sentences that report signings."""
    drafts: list[_Draft] = []
    signing_sentences: set[int] = set()
    last_signed = -10
    for sentence in sentences:
        if sentence.index in skip:
            continue
        text = sentence.text
        noun = NOUN.search(text)
        if noun is None:
            continue
        kind = noun.lastgroup or "other"
        continuation = bool(CONTINUATION.search(text)) and sentence.index - last_signed <= 3
        signed = bool(SIGNED.search(text)) or continuation
        planned = bool(PLANNED.search(text)) and not re.search(r"\b(?:were|was|have been|has been) signed\b", text)
        if signed and not planned:
            if EARLIER.search(text) and not continuation:
                continue
            signing_sentences.add(sentence.index)
            last_signed = sentence.index
            drafts += _signed(sentence, kind, doc_text, gazetteer, orgs)
        elif planned and not EARLIER.search(text):
            drafts += _planned(sentence, kind, noun, doc_text, gazetteer, orgs)
    return _resolve_summaries(drafts, gazetteer), signing_sentences


def _parties(
    sentence: Sentence, orgs: OrganisationFinder, doc_text: str
) -> tuple[list[Party], int]:
    """The signatories, and where (relative to the sentence) the last one ends."""
    text = sentence.text
    window_start = 0
    anchor = re.search(r"\bbetween\b|\bsigned by\b|\bby\b", text)
    if anchor:
        window_start = anchor.end()
    subject = SUBJECT.search(text, window_start)
    window_end = subject.start() if subject and subject.start() > window_start else len(text)
    mentions = [
        m
        for m in orgs.find(text, sentence.start)
        if window_start <= m.start - sentence.start < window_end and not _is_commission(m)
    ]
    if not anchor:
        signed = SIGNED.search(text)
        before = signed.start() if signed else len(text)
        mentions = [m for m in mentions if m.start - sentence.start < before]
    unique = _dedupe(mentions)
    parties = [Party(name=m.name, acronym=m.acronym, country=m.country) for m in unique]
    return parties, (unique[-1].end - sentence.start) if unique else 0


def _is_commission(m: OrgMention) -> bool:
    return bool(re.search(r"Intergovernmental|Joint (?:Economic )?Commission|\bIGC\b", m.name))


def _dedupe(mentions: list[OrgMention]) -> list[OrgMention]:
    out: list[OrgMention] = []
    for m in mentions:
        if all(m.name != o.name for o in out):
            out.append(m)
    return out


def _subject(text: str, after: int = 0) -> str | None:
    m = SUBJECT.search(text, after)
    if not m:
        return None
    subject = re.split(r"\s+(?:between|signed by|by)\s+|\s+[—–]\s+|,\s+(?:which|who|while|as)\b", m.group("subject"))[0]
    subject = subject.strip(" ,.”\"")
    return subject or None


def _signed(
    sentence: Sentence, kind: str, doc_text: str, gazetteer: Gazetteer, orgs: OrganisationFinder
) -> list[_Draft]:
    text = sentence.text
    parties, parties_end = _parties(sentence, orgs, doc_text)
    subject = _subject(text, max(parties_end, _after_parties(text)))
    count = COUNT.search(text)
    n = 0
    if count and len(parties) < 2:
        raw = count.group("n").lower()
        n = int(raw) if raw.isdigit() else _NUM.get(raw, 0)
    evidence = Evidence(text=text, start=sentence.start, end=sentence.end)
    return [
        _Draft(kind, "signed", parties, subject, evidence, 0.85 if len(parties) >= 2 else 0.6,
               "signed", summary_count=n)
    ]


def _after_parties(text: str) -> int:
    m = re.search(r"\bbetween\b|\bsigned by\b", text)
    return m.end() if m else 0


def _planned(
    sentence: Sentence,
    kind: str,
    noun: re.Match[str],
    doc_text: str,
    gazetteer: Gazetteer,
    orgs: OrganisationFinder,
) -> list[_Draft]:
    text = sentence.text
    subject_match = re.match(
        r"\s*(?:on|for|regarding|concerning|in the field of|on cooperation in)\s+(?P<s>[^.;]+)",
        text[noun.end() :],
        re.IGNORECASE,
    )
    evidence = Evidence(text=text, start=sentence.start, end=sentence.end)
    parties = _parties(sentence, orgs, doc_text)[0] if re.search(r"\bbetween\b", text) else []
    if subject_match is None:
        subject = _subject(text, noun.end())
        subjects = [subject] if subject else []
    else:
        body = re.split(
            r",?\s+(?:alongside|along with|together with|while|which|in order to|so as to|by|before|at|during|within)\s+|\s+to\s+(?!the\b)",
            subject_match.group("s"),
        )[0]
        plural = noun.group(0).lower().endswith("s")
        subjects = [s.strip(" ,.") for s in _LIST_SPLIT.split(body)] if plural else [body.strip(" ,.")]
        subjects = [s for s in subjects if s]
    if not subjects:
        subjects = [noun.group(0)]
    return [
        _Draft(kind, "planned", parties, s, evidence, 0.7, PLANNED.search(text).group(0) if PLANNED.search(text) else "planned")  # type: ignore[union-attr]
        for s in subjects
    ]


def _resolve_summaries(drafts: list[_Draft], gazetteer: Gazetteer) -> list[Agreement]:
    """A count ("signed three MoUs") stands for the detailed ones, or becomes entries of its own."""
    detailed = [d for d in drafts if d.status == "signed" and d.parties]
    out: list[Agreement] = []
    for d in drafts:
        if d.status == "signed" and not d.parties:
            if d.summary_count and len(detailed) >= d.summary_count:
                continue
            if detailed and not d.summary_count:
                continue
            subjects = [s.strip() for s in _LIST_SPLIT.split(d.subject or "") if s.strip()]
            if d.summary_count and len(subjects) == d.summary_count:
                for subject in subjects:
                    out.append(_agreement(d, subject, gazetteer))
                continue
        out.append(_agreement(d, d.subject, gazetteer))
    return out


def _agreement(d: _Draft, subject: str | None, gazetteer: Gazetteer) -> Agreement:
    about = " ".join([subject or "", *(p.name for p in d.parties)])
    return Agreement(
        kind=d.kind,  # type: ignore[arg-type]
        status=d.status,  # type: ignore[arg-type]
        parties=d.parties,
        subject=subject,
        sectors=classify_sectors(about, gazetteer),  # type: ignore[arg-type]
        evidence=d.evidence,
        confidence=d.confidence,
        cue=d.cue,
    )
