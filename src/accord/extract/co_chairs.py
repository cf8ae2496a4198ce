"""Co-chairs of the reported meeting: who, in which post, for which side."""

from __future__ import annotations

import re
from dataclasses import dataclass

from accord.core.records import CoChair, Evidence
from accord.extract.places import PlaceFinder
from accord.extract.sentences import Sentence

CHAIR_CUE = re.compile(
    r"co-?chair|chaired|\bled by\b|\bheaded by\b|\bcounterpart\b|\bled the\b|\bheaded the\b|"
    r"\bside was led\b|\bdelegation was led\b|\bpresided\b",
    re.IGNORECASE,
)
_POST_WORDS = (
    r"(?:Deputy |First Deputy |Vice |Federal |State |Prime |Foreign |Chief |Special |Senior )*"
    r"(?:Prime Minister|Minister|Secretary|Adviser|Advisor|Ambassador|Chairman|Chairperson|Chair|"
    r"Governor|President|Vice-President|Deputy Prime Minister|Assistant|Commissioner|Director General|"
    r"Head|Envoy|Counsellor)"
)
# "Energy Minister", "Minister for Economic Affairs", "Deputy Prime Minister and Minister of X".
POST_BEFORE = re.compile(
    rf"(?:(?P<country>[A-Z][a-z]+(?:’s|'s))\s+)?(?P<post>(?:[A-Z][a-z]+\s+){{0,3}}{_POST_WORDS}"
    rf"(?:\s+(?:of|for|on)\s+(?:the\s+)?[A-Z][\w]+(?:\s+(?:and|of|&)?\s*[A-Z][\w]+){{0,4}})?)\s*,?\s*$"
)
POST_AFTER = re.compile(
    rf"^\s*,\s*(?:the\s+)?(?P<post>(?:[\w’']+\s+){{0,3}}?{_POST_WORDS}[^,;()]*?)\s*(?:,|\)|;|$|\s+and\s)"
)
COUNTERPART = re.compile(
    r"(?:his|her|their)\s+(?P<dem>[A-Z][a-z]+)\s+counterpart,?\s*$|counterpart\s+from\s+(?P<cty>[A-Z][\w ]+?),?\s*$"
)
SIDE_LED = re.compile(r"(?:the\s+)?(?P<dem>[A-Z][a-z]+)\s+(?:side|delegation)\s+(?:was\s+)?(?:led|headed)\s+by\s*$", re.I)
_HONORIFIC = re.compile(r"^(?:H\.E\.|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Prof\.?|Sir|Madam|Ambassador)\s+")


@dataclass(frozen=True)
class _Found:
    name: str
    post: str | None
    country: str | None
    start: int
    end: int


def find_co_chairs(
    sentences: list[Sentence], doc_text: str, places: PlaceFinder, parties: list[str]
) -> tuple[list[CoChair], list[Sentence]]:
    """Co-chairs named in the chairing sentences, and those sentences (as evidence)."""
    found: list[_Found] = []
    used: list[Sentence] = []
    for sentence in sentences:
        if not CHAIR_CUE.search(sentence.text):
            continue
        people = [e for e in sentence.span.ents if e.label_ == "PERSON"]
        if not people:
            continue
        here = [_describe(doc_text, e.start_char, e.end_char, sentence, places) for e in people]
        here = [f for f in here if f is not None]
        if len(here) >= 1:
            found.extend(here)
            used.append(sentence)
        if len(found) >= 2:
            break
    found = _unique(found)[:2]
    _complete(found, parties)
    chairs = [
        CoChair(
            name=f.name,
            post=f.post,
            country=f.country,
            evidence=Evidence(text=doc_text[f.start : f.end], start=f.start, end=f.end),
        )
        for f in found
    ]
    return chairs, used


def _describe(
    doc_text: str, start: int, end: int, sentence: Sentence, places: PlaceFinder
) -> _Found | None:
    name = _HONORIFIC.sub("", doc_text[start:end]).strip(" ,’'")
    name = re.sub(r"[’']s$", "", name)
    if len(name.split()) < 2 or places.country_of(name):
        return None
    before = doc_text[sentence.start : start]
    after = doc_text[end : sentence.end]
    post: str | None = None
    country: str | None = None
    m = POST_BEFORE.search(before)
    if m:
        post = m.group("post").strip()
        if m.group("country"):
            country = places.country_of(re.sub(r"[’']s$", "", m.group("country")))
    else:
        after_m = POST_AFTER.match(after)
        if after_m:
            post = after_m.group("post").strip()
    if post:
        # "Russian Deputy Prime Minister" / "Minister of Energy of Pakistan".
        for place in places.find(post):
            country = country or place.iso3
        post = re.sub(r"^(?:[A-Z][a-z]+(?:’s|'s)\s+)", "", post)
        leading = post.split(" ", 1)
        if len(leading) == 2 and places.country_of(leading[0]):
            post = leading[1]
    cp = COUNTERPART.search(before)
    if cp:
        country = country or places.country_of(cp.group("dem") or cp.group("cty") or "")
        post = post or "counterpart"
    side = SIDE_LED.search(before[-80:])
    if side:
        country = country or places.country_of(side.group("dem"))
    if post is None and not (cp or side or "co-chair" in sentence.text.lower()):
        return None
    return _Found(name, post, country, start, end)


def _unique(found: list[_Found]) -> list[_Found]:
    seen: set[str] = set()
    out = []
    for f in found:
        key = f.name.split()[-1].lower()
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def _complete(found: list[_Found], parties: list[str]) -> None:
    """Fill what the pair implies: the other side's country; a counterpart's post."""
    if len(found) != 2:
        return
    a, b = found
    if len(parties) == 2:
        if a.country in parties and b.country is None:
            found[1] = _Found(b.name, b.post, next(p for p in parties if p != a.country), b.start, b.end)
        elif b.country in parties and a.country is None:
            found[0] = _Found(a.name, a.post, next(p for p in parties if p != b.country), a.start, a.end)
    a, b = found
    if b.post == "counterpart":
        found[1] = _Found(b.name, a.post, b.country, b.start, b.end)
    elif a.post == "counterpart":
        found[0] = _Found(a.name, b.post, a.country, a.start, a.end)
