"""Co-chairs of the reported meeting: who, in which post, for which side.

Names come from spaCy's PERSON entities and from the patterns around posts
("Energy Minister Awais Leghari", "Shri X, Additional Secretary, ..."), since
the model misses many non-English names. A co-chair's post is the title
next to the name; the side is the country named in the words before it
("Egypt's", "his Russian counterpart", "the Uzbek side was led by") or in the
post ("Minister of Foreign Affairs of Malaysia").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from accord.core.records import CoChair, Evidence
from accord.extract.places import PlaceFinder
from accord.extract.sentences import Sentence

CHAIR_CUE = re.compile(
    r"co-?chair|chaired|\bled by\b|\bheaded by\b|\bcounterpart\b|\bled the\b|\bheaded the\b|"
    r"\bpresided\b|\bheld talks with\b|\bmet (?:with )?(?:his|her)\b|\breceived\b|\bhosted\b",
    re.IGNORECASE,
)
POST_WORD = (
    r"(?:Prime Minister|Minister|Secretary|Adviser|Advisor|Ambassador|Chairman|Chairperson|"
    r"Governor|President|Vice[- ]President|Vice Chairman|Commissioner|Director[- ]General|Envoy|"
    r"Cabinet Secretary|Chancellor|Premier|King|Emir|Crown Prince|Sultan)"
)
HONORIFIC = (
    r"(?:H\.\s?E\.|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Prof\.?|Shri|Smt\.?|Hon\.?|the Rt\.? Hon\.?|Rt\.? Hon\.?|"
    r"Sir|Dame|Dato['’] Seri|Dato['’]|Datuk Seri|Datuk|Tan Sri|Ato|Sheikh|Eng\.?|Engr\.?|Ambassador)"
)
# A name word is capitalised; "Dr." and other abbreviations are not name words.
_NAME_WORD = r"(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’\-]*[\w](?!\.\s)|[A-Z]\.)"
_NAME = rf"{_NAME_WORD}(?:\s+(?:(?:al|el|bin|ibn|van|von|de|da|der)[- ])?{_NAME_WORD}){{1,3}}"
_POST_HEAD = (
    rf"(?:First |Deputy |Vice |Federal |State |Foreign |Chief |Special |Senior |Additional |"
    rf"Joint |Prime |Union |Permanent )*(?:[A-Z][a-z]+ ){{0,3}}{POST_WORD}"
)
_POST_OF = r"\s+(?:of|for|on)\s+(?:the\s+)?[A-Z][\w&’'-]*"
_POST_MORE = r",?\s+(?:and\s+|&\s+|(?:of|for|on)\s+(?:the\s+)?)?[A-Z][\w&’'-]+\b"
# Before a name the post is as short as possible ("Minister of Kazakhstan Nurlan Abenov"
# must leave the name); after a name it runs to the end of the apposition.
_POST_PHRASE = rf"(?:{_POST_HEAD}(?:{_POST_OF}(?:{_POST_MORE}){{0,6}}?)??)"
_POST_PHRASE_FULL = rf"(?:{_POST_HEAD}(?:{_POST_OF}(?:{_POST_MORE}){{0,8}})?(?:,\s+[A-Z][^,;()]*)?)"
POST_THEN_NAME = re.compile(
    rf"(?P<post>{_POST_PHRASE}),?\s+(?:(?:{HONORIFIC})\s+)*(?P<name>{_NAME})"
)
NAME_THEN_POST = re.compile(
    rf"(?:(?:{HONORIFIC})\s+)*(?P<name>{_NAME})(?:\s*\([A-Z]{{2,4}}\))?,\s+(?:the\s+)?(?P<post>{_POST_PHRASE_FULL})"
)
_STRIP_HONORIFIC = re.compile(rf"^(?:(?:{HONORIFIC})\s+)+")
_NOT_NAME = re.compile(
    rf"\b(?:{POST_WORD}|Ministry|Commission|Committee|Meeting|Session|Council|Republic|Federation|"
    r"Government|Department|Affairs|Side|Delegation|Trade|Industry|Energy|Economy|Development|"
    r"Deputy|Prime|First|Vice|Chief|Senior|Acting|Federal|State|Honourable|Co-Chairman|Co-Chair|"
    r"Cooperation|Integration|Relations|Economic|International|National|Foreign|Internal|External)\b"
)
_SIDE = re.compile(r"\b(?:side|delegation|team)\b", re.IGNORECASE)


@dataclass(frozen=True)
class _Found:
    name: str
    post: str | None
    country: str | None
    start: int
    end: int


def find_co_chairs(
    sentences: list[Sentence],
    doc_text: str,
    places: PlaceFinder,
    parties: list[str],
    kind: str = "commission_session",
) -> tuple[list[CoChair], list[Sentence]]:
    """Co-chairs named in the chairing sentences, and those sentences (as evidence).

    At a summit or a meeting of ministers the principals are the co-chairs:
    when the chairing sentences name fewer than two, the lead sentences that
    name people with their posts fill in.
    """
    found: list[_Found] = []
    used: list[Sentence] = []
    for sentence in sentences:
        if not (
            CHAIR_CUE.search(sentence.text) or re.search(r"co-?chairs? of", sentence.text, re.I)
        ):
            continue
        here = _people(sentence, doc_text, places)
        if here:
            found.extend(here)
            used.append(sentence)
        if len(_unique(found)) >= 2:
            break
    if len(_unique(found)) < 2 and kind in {"summit", "ministerial_meeting"}:
        for sentence in sentences[:4]:
            if sentence not in used:
                found.extend(f for f in _people(sentence, doc_text, places) if f.post)
    found = [_fuller(f, doc_text) for f in _unique(found)[:2]]
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


def _people(sentence: Sentence, doc_text: str, places: PlaceFinder) -> list[_Found]:
    """People named in one sentence with their posts and sides, in order."""
    text = sentence.text
    spans: list[tuple[int, int, str | None]] = []
    for m in POST_THEN_NAME.finditer(text):
        spans.append((m.start("name"), m.end("name"), m.group("post")))
    for m in NAME_THEN_POST.finditer(text):
        spans.append((m.start("name"), m.end("name"), m.group("post")))
    for ent in sentence.span.ents:
        if ent.label_ == "PERSON":
            spans.append((ent.start_char - sentence.start, ent.end_char - sentence.start, None))
    people: list[tuple[int, int, str | None]] = []
    for start, end, post in sorted(spans, key=lambda s: (s[0], -(s[1] - s[0]))):
        start, end = _clean(text, start, end, places)
        if end - start < 3 or len(text[start:end].split()) < 2:
            continue
        if any(start < e and end > s for s, e, _ in people):
            # Same person seen twice: keep the longer name, and any post found.
            people = [
                (min(s, start), max(e, end), p or post) if start < e and end > s else (s, e, p)
                for s, e, p in people
            ]
            continue
        people.append((start, end, post))
    out: list[_Found] = []
    previous_end = 0
    for start, end, post in people:
        before = text[previous_end:start]
        post = post or _post_after(text[end:])
        post, post_country = _clean_post(post, places)
        country = post_country or _side_before(before, places)
        name = text[start:end]
        out.append(_Found(name, post, country, sentence.start + start, sentence.start + end))
        previous_end = end
    return out


def _clean(text: str, start: int, end: int, places: PlaceFinder) -> tuple[int, int]:
    name = text[start:end]
    honorific = _STRIP_HONORIFIC.match(name)
    if honorific:
        start += honorific.end()
        name = name[honorific.end() :]
    # Skip leading words that are a post, an institution or a place; cut at the next one.
    words = list(re.finditer(r"\S+", name))
    first = 0
    while first < len(words) and _not_a_name(words[first].group(0), places):
        first += 1
    keep = words[first].start() if first < len(words) else len(name)
    lead = keep
    for w in words[first:]:
        if _not_a_name(w.group(0), places):
            break
        keep = w.end()
    start, end = start + lead, start + keep
    while end > start and text[end - 1] in ",’'":
        end -= 1
    if text[start:end].endswith(("’s", "'s")):
        end -= 2
    return start, end


def _not_a_name(word: str, places: PlaceFinder) -> bool:
    word = word.strip(",")
    return (
        bool(_NOT_NAME.search(word)) or places.country_of(word) is not None or word in {"MP", "and"}
    )


def fuller_name(name: str, doc_text: str) -> tuple[str, int] | None:
    """A longer form of a name elsewhere in the text ("N. Belov" -> "Nikolai Belov")."""
    surname = name.split()[-1]
    best: tuple[str, int] | None = None
    pattern = rf"(?<![\w.])((?:[A-ZÀ-Þ][a-zà-ÿ'’\-]+\s+){{1,3}}){re.escape(surname)}\b"
    for m in re.finditer(pattern, doc_text):
        candidate = m.group(0)
        if _NOT_NAME.search(candidate) or len(candidate) <= len(name):
            continue
        if best is None or len(candidate) > len(best[0]):
            best = (candidate, m.start())
    return best


def _post_after(after: str) -> str | None:
    m = re.match(rf"^\s*,\s*(?:the\s+)?(?P<post>{_POST_PHRASE_FULL})", after)
    return m.group("post") if m else None


def _clean_post(post: str | None, places: PlaceFinder) -> tuple[str | None, str | None]:
    """A post without its country ("Minister of Energy of Pakistan" -> PAK, "Minister of Energy")."""
    if not post:
        return None, None
    post = post.strip(" ,.")
    country = None
    suffix = re.search(r"\s+of\s+(?:the\s+)?(?P<place>(?:[A-Z][\w]*\s*)+)$", post)
    if suffix:
        place = re.sub(
            r"^(?:Federal Democratic |Islamic |People's |Democratic |Socialist )*(?:Republic of |Kingdom of |State of )?",
            "",
            suffix.group("place").strip(),
        )
        code = places.country_of(place) or places.country_of(suffix.group("place").strip())
        if code:
            country = code
            post = post[: suffix.start()]
            post = re.sub(
                r"\s+of\s+the\s+(?:[A-Z][\w']*\s+)*(?:Republic|Kingdom|State|Sultanate|Federation)$",
                "",
                post,
            )
    first = post.split(" ", 1)
    if len(first) == 2 and places.country_of(first[0]):
        country = country or places.country_of(first[0])
        post = first[1]
    return post.strip(" ,") or None, country


def _side_before(before: str, places: PlaceFinder) -> str | None:
    """The country the words before a name point at: the nearest one not in a hyphenated pair."""
    candidates = []
    for place in places.find(before):
        if place.kind in {"capital", "city"}:
            continue
        joined = (place.start > 0 and before[place.start - 1] in "-–") or (
            place.end < len(before) and before[place.end] in "-–"
        )
        if not joined:
            candidates.append(place)
    if not candidates:
        return None
    return candidates[-1].iso3


def _fuller(found: _Found, doc_text: str) -> _Found:
    if not re.search(r"\b[A-Z]\.", found.name):
        return found
    longer = fuller_name(found.name, doc_text)
    if longer is None:
        return found
    name, start = longer
    return _Found(name, found.post, found.country, start, start + len(name))


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
            found[1] = _Found(
                b.name, b.post, next(p for p in parties if p != a.country), b.start, b.end
            )
        elif b.country in parties and a.country is None:
            found[0] = _Found(
                a.name, a.post, next(p for p in parties if p != b.country), a.start, a.end
            )
    a, b = found
    if b.post is None and a.post:
        found[1] = _Found(b.name, a.post, b.country, b.start, b.end)
