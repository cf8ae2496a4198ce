"""Co-chairs of the reported meeting: who, in which post, for which side.

The chairing sentences are read first ("co-chaired by", "led by", "head of
the Iranian side", "on behalf of Russia"), then the sentences that pair two
people ("X and his counterpart Y", "X met Y", "a meeting between X and Y", "X
held the session with Y"). A sentence about another meeting ("the previous
session was co-chaired by") or one still to come ("will co-chair") names no
co-chair of this one. "The two ministers co-chaired" names the people of the
sentence before it. At a summit or a meeting of ministers the principals are
the co-chairs: when the chairing sentences name fewer than two, the lead
sentences that name people with their posts fill in. A surname alone takes
its fuller form and its side from elsewhere in the text.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from accord.core.records import CoChair, Evidence
from accord.extract.gazetteer import Gazetteer
from accord.extract.meeting_vocabulary import meeting_vocabulary
from accord.extract.people import Person, apposition_of, fuller_name, not_a_name, people_in
from accord.extract.places import PlaceFinder
from accord.extract.sentences import Sentence

CHAIR_CUE = re.compile(
    r"co-?chair|\bchaired\b|\bpresided\b|\bchairmanship\b|\bled by\b|\bheaded by\b|\bled the\b|"
    r"\bheaded the\b|\bhead(?:s|ed)? (?:of )?the (?:\w+ )?(?:side|delegation|part)\b|"
    r"\bon behalf of\b|\bat the invitation of\b",
    re.IGNORECASE,
)
PAIR_CUE = re.compile(
    r"\bcounterpart\b|\bheld talks with\b|\bmet (?:\w+ )?(?:with )?\b|\bmeets\b|\breceived\b|\bhosted\b|"
    r"\b(?:meeting|talks|conversation|call) (?:\w+ ){0,3}?(?:with|between|of)\b|"
    r"\bheld (?:the|a|an) [^.;]{0,100}\bwith\b|\bbetween (?:the )?(?:[\w’']+ ){0,2}(?:minister|president)",
    re.IGNORECASE,
)
# The head of a side speaks for it: "X said", "X, Minister of ..., made this known".
_SPEAKS = re.compile(
    r"[^.;]{0,70}?\b(?:said|says|stated|noted|told|made|emphasi[sz]ed|highlighted|stressed|"
    r"expressed|thanked|announced|called|delivered|addressed|assured|underlined|welcomed)\b"
)
_HEADS = re.compile(r"Minister|Secretary|Chairman|Chairperson|Premier|[Hh]ead of")
_ENVOY = re.compile(r"Ambassador|Consul|High Commissioner|Envoy|Spokes")
_MEMBERS = re.compile(
    r"\b(?:included|including|includes|comprising|accompanied by|consisting of|members)\b", re.I
)
# "The two ministers co-chaired the session": the people of the sentence before.
_THE_TWO = re.compile(
    r"\b(?:the two|both) (?:leaders|ministers|sides|co-?chairs|officials|heads)\b|\bthey\b", re.I
)


def find_co_chairs(
    sentences: list[Sentence],
    doc_text: str,
    places: PlaceFinder,
    parties: list[str],
    kind: str = "commission_session",
    gazetteer: Gazetteer | None = None,
) -> tuple[list[CoChair], list[Sentence]]:
    """Co-chairs named in the chairing sentences, and those sentences (as evidence)."""
    vocabulary = meeting_vocabulary()
    seen: dict[int, list[Person]] = {}

    def people(sentence: Sentence) -> list[Person]:
        if sentence.index not in seen:
            seen[sentence.index] = people_in(sentence, places, doc_text)
        return seen[sentence.index]

    known_cache: list[dict[str, Person]] = []

    def known() -> dict[str, Person]:
        if not known_cache:
            known_cache.append(_known_people(sentences, people))
        return known_cache[0]

    def whole(found_here: list[Person]) -> list[Person]:
        """Each named in full, with a side and post from elsewhere; a lone word unknown
        in full is no one."""
        made = [_fuller(p, doc_text, sentences, places, known, people) for p in found_here]
        return [p for p in made if len(p.name.split()) > 1]

    found: list[Person] = []
    used: list[Sentence] = []
    by_index = {s.index: s for s in sentences}
    for cue in (CHAIR_CUE, PAIR_CUE):
        for sentence in sentences:
            if len(_unique(found)) >= 2:
                break
            match = cue.search(sentence.text)
            if match is None or sentence in used or vocabulary.is_future(sentence.text):
                continue
            if gazetteer and gazetteer.other_meeting_markers.search(sentence.text[: match.start()]):
                continue
            here = _with_surnames(sentence, people(sentence), known, places)
            # "led by X and included Y and Z": the members are not the leaders.
            members = _MEMBERS.search(sentence.text)
            if members and any(p.start < sentence.start + members.start() for p in here):
                here = [p for p in here if p.start < sentence.start + members.start()]
            if not here and cue is CHAIR_CUE and _THE_TWO.search(sentence.text):
                previous = by_index.get(sentence.index - 1)
                here = people(previous) if previous else []
            here = whole(here)
            if here:
                found.extend(here)
                used.append(sentence)
    if len(_unique(found)) < 2 and kind in {"summit", "ministerial_meeting"}:
        for sentence in sentences[:4]:
            if sentence not in used:
                found.extend(whole([p for p in people(sentence) if p.post]))
    elif len(_unique(found)) < 2 and len(parties) == 2 and kind != "other":
        # A session whose chairs go unnamed as such: the lead's minister of a side that has
        # none yet heads it ("Foreign Secretary X said at the close of the 4th session").
        for sentence in sentences[:8]:
            for person in whole([p for p in people(sentence) if p.post]):
                sides = {p.country for p in _unique(found)}
                if (
                    person.country in parties
                    and person.country not in sides
                    and _HEADS.search(person.post or "")
                    and not _ENVOY.search(person.post or "")
                    and _SPEAKS.match(doc_text, person.end, person.end + 80)
                ):
                    found.append(person)
    chairs = _unique(found)[:2]
    _complete(chairs, parties)
    return [
        CoChair(
            name=p.name,
            post=p.post,
            country=p.country,
            evidence=Evidence(text=doc_text[p.start : p.end], start=p.start, end=p.end),
        )
        for p in chairs
    ], used


def _known_people(
    sentences: list[Sentence], people: Callable[[Sentence], list[Person]]
) -> dict[str, Person]:
    """The people the text names in full, by surname ("Manturov" -> Denis Manturov)."""
    known: dict[str, Person] = {}
    for sentence in sentences:
        for person in people(sentence):
            words = person.name.split()
            if len(words) > 1 and not re.fullmatch(r"[A-Z]\.?", words[-1]):
                previous = known.get(words[-1])
                if previous is None or (person.sure and not previous.sure):
                    known[words[-1]] = person
    return known


def _with_surnames(
    sentence: Sentence,
    here: list[Person],
    known: Callable[[], dict[str, Person]],
    places: PlaceFinder,
) -> list[Person]:
    """The people of a sentence, with those it names by surname alone ("S Jaishankar and
    Manturov co-chaired"), in the order they are named."""
    placed = [(p.start, p) for p in here]
    for m in re.finditer(r"\b[A-ZÀ-Þ][a-zà-ÿ’'-]+\b", sentence.text):
        start = sentence.start + m.start()
        if any(p.start <= start < p.end for p in here) or not_a_name(m.group(0), places):
            continue
        person = known().get(m.group(0))
        if person is None:
            continue
        if any(p.name.split()[-1] == m.group(0) for _, p in placed):
            continue
        placed.append((start, person))
    return [p for _, p in sorted(placed, key=lambda item: item[0])]


def _fuller(
    person: Person,
    doc_text: str,
    sentences: list[Sentence],
    places: PlaceFinder,
    known: Callable[[], dict[str, Person]],
    people: Callable[[Sentence], list[Person]],
) -> Person:
    """The fullest form of the name in the text, and a side and post from its other mentions."""
    name, start, end = person.name, person.start, person.end
    if len(name.split()) == 1:
        # "Naveed said": a first name or surname of someone the text names in full.
        same = [p for p in known().values() if name in p.name.split()]
        if len(same) == 1:
            return same[0]
    if re.search(r"\b[A-Z]\.", name) or len(name.split()) == 1:
        longer = fuller_name(name, doc_text, places)
        if longer is not None:
            name, start = " ".join(longer[0].split()), longer[1]
            end = start + len(longer[0])
    country, post, sure = person.country, person.post, person.sure
    if not sure or post is None:
        surname = name.split()[-1]
        own_post, own_country = apposition_of(surname, doc_text, places)
        post = post or own_post
        if own_country and not sure:
            country, sure = own_country, True
        for sentence in sentences:
            if surname not in sentence.text:
                continue
            for other in people(sentence):
                if other.name.split()[-1] == surname:
                    if other.sure and not sure:
                        country, sure = other.country, True
                    post = post or other.post
    return Person(name, post, country, start, end, sure)


def _unique(found: list[Person]) -> list[Person]:
    seen: set[str] = set()
    out = []
    for person in found:
        key = person.name.split()[-1].lower()
        if key not in seen:
            seen.add(key)
            out.append(person)
    return out


def _complete(found: list[Person], parties: list[str]) -> None:
    """Fill what the pair implies: the other side's country; a counterpart's post."""
    if len(found) != 2:
        return
    a, b = found
    if len(parties) == 2:
        if a.country in parties and b.country is None:
            other = next(p for p in parties if p != a.country)
            found[1] = Person(b.name, b.post, other, b.start, b.end)
        elif b.country in parties and a.country is None:
            other = next(p for p in parties if p != b.country)
            found[0] = Person(a.name, a.post, other, a.start, a.end)
    a, b = found
    if b.post is None and a.post:
        found[1] = Person(b.name, a.post, b.country, b.start, b.end)
