"""People named in a sentence, with the post and the country the words around them give.

Names come from spaCy's PERSON entities and from the patterns around posts
("Energy Minister Awais Leghari", "Shri X, Additional Secretary, ..."), since
the model misses many non-English names. A name keeps its initials ("S.
Jaishankar", "Retno L.P. Marsudi", "Zh. Khodzhaev") and drops honorifics,
ranks and letters after it ("the Hon Rimbink Pato LLB OBE MP" is "Rimbink
Pato"). A person's country is read, in order, from the post ("Minister of
Energy of Pakistan", "Iran's oil minister", "head of the Iranian side"), the
words right after the name ("Tokayev of Kazakhstan", "on behalf of Russia"),
else the nearest country before it that is not half of a pair ("his Russian
counterpart", not "Pakistan-Russia").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from accord.extract.places import PlaceFinder
from accord.extract.sentences import Sentence

POST_WORD = (
    r"(?:Prime Minister|Minister|Secretary|Adviser|Advisor|Ambassador|Chairman|Chairperson|"
    r"Chairwoman|Governor|President|Vice[- ]President|Vice Chairman|Commissioner|Director[- ]General|"
    r"Envoy|Cabinet Secretary|Chancellor|Premier|Vice Premier|King|Emir|Crown Prince|Sultan|"
    r"Undersecretary|Under[- ]Secretary|Secretary[- ]General|Speaker)"
)
HONORIFIC = (
    r"(?:H\.\s?E\.|His Excellency|Her Excellency|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Prof\.?|Professor|Shri|"
    r"Smt\.?|Hon\.?|Honourable|the Rt\.? Hon\.?|Rt\.? Hon\.?|Sir|Dame|Dato['’] Seri|Dato['’]|Datuk Seri|"
    r"Datuk|Tan Sri|Ato|Sheikh|Eng\.?|Engr\.?|Ambassador|Amb\.?|Lt\.?|Gen\.?|Col\.?|Maj\.?|Brig\.?|"
    r"Adm\.?|Capt\.?)"
)
# A name word is capitalised, or an initial ("S.", "Zh.", "L.P.", "S" before a name).
_NAME_WORD = r"(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’\-]*[\w](?!\.\s)|[A-Z][a-z]?\.(?:[A-Z]\.)*|[A-Z](?=\s+[A-ZÀ-Þ][a-zà-ÿ]))"
_NAME = (
    rf"(?!(?:{POST_WORD}|Deputy|Vice|First|Federal|State|Foreign|Chief|Special|Senior|Acting)\b)"
    rf"{_NAME_WORD}(?:\s+(?:(?:al|el|bin|ibn|van|von|de|da|der)[- ])?{_NAME_WORD}){{1,3}}"
    r"(?:\s+(?:Jr|Sr)\.?)?"
)
_POST_HEAD = (
    rf"(?:First |Deputy |Vice |Federal |State |Foreign |Chief |Special |Senior |Additional |"
    rf"Joint |Prime |Union |Permanent )*(?:[A-Z][a-z]+ ){{0,3}}{POST_WORD}"
)
_POST_OF = r"\s+(?:of|for|on|to)\s+(?:the\s+)?[A-Z][\w&’'-]*"
# ", and Alexei Overchuk, Deputy Prime Minister": a comma and "and" start the next person.
_POST_MORE = (
    r"(?:\s+(?:and|&)\s+|,?\s+(?:of|for|on)\s+(?:the\s+)?|,\s+(?!and\b)|\s+)"
    r"(?!(?:His|Her|H\.E|Mr|Mrs|Ms|Dr)\b)[A-Z][\w&’'-]+\b"
)
# "head of the Iranian side", "head of the Pakistani delegation".
_HEAD_OF_SIDE = (
    r"(?:[Hh]ead of the (?:[A-Z][\w-]+ )?(?:side|delegation|part)(?: of the commission)?)"
)
# Before a name the post is as short as possible ("Minister of Kazakhstan Nurlan Abenov"
# must leave the name); after a name it runs to the end of the apposition.
_POST_PHRASE = rf"(?:{_POST_HEAD}(?:{_POST_OF}(?:{_POST_MORE}){{0,6}}?)??)"
# After a name the post may name its body's country ("... Commission (NDRC) of China") or its
# ministry ("Additional Secretary, Ministry of External Affairs").
_POST_PHRASE_FULL = (
    rf"(?:{_HEAD_OF_SIDE}|{_POST_HEAD}(?:{_POST_OF}(?:{_POST_MORE}){{0,8}})?"
    r"(?:\s*\([A-Z]{2,6}\)\s+of\s+(?:the\s+)?[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)?"
    r"(?:,\s+(?:Ministry|Department|Government|Office|Division|Embassy|Cabinet)\b[^,;()]*)?)"
)
POST_THEN_NAME = re.compile(
    rf"(?P<post>{_POST_PHRASE})(?:\s*\([A-Z]{{2,5}}\))?,?\s+(?:(?:{HONORIFIC})\s+)*(?P<name>{_NAME})"
)
NAME_THEN_POST = re.compile(
    rf"(?:(?:{HONORIFIC})\s+)*(?P<name>{_NAME})(?:\s*\([A-Z]{{2,4}}\))?,\s+(?:the\s+)?"
    rf"(?:(?P<who>[A-Z][\w-]+)['’]s\s+)?(?P<post>{_POST_PHRASE_FULL})"
)
_PATRONYMIC = re.compile(r"(?<=\S) [A-Z][a-z]+(?:ovich|evich|ovna|evna|ichna)(?= \S)")
_NEXT_PERSON = re.compile(rf",?\s+(?:{_POST_PHRASE},?\s+)?(?:(?:{HONORIFIC})\s+)*{_NAME}\b")
_STRIP_HONORIFIC = re.compile(rf"^(?:(?:{HONORIFIC})\s+)+")
_NOT_NAME = re.compile(
    rf"\b(?:{POST_WORD}|Ministry|Commission|Committee|Meeting|Session|Council|Republic|Federation|"
    r"Government|Department|Affairs|Side|Delegation|Trade|Industry|Energy|Economy|Development|"
    r"Deputy|Prime|First|Vice|Chief|Senior|Acting|Federal|State|Honourable|Co-Chairman|Co-Chair|"
    r"Cooperation|Integration|Relations|Economic|International|National|Foreign|Internal|External|"
    r"Excellency|His|Her|The|African|Asian|European|Arab|Southern|Northern|Eastern|Western|Central|"
    r"Diaspora|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)
# Letters after a name: degrees, honours, a member of parliament.
_POSTNOMINAL = re.compile(r"^(?:MP|MNA|MPA|LLB|LLM|OBE|MBE|CBE|KBE|GCMG|KC|QC|PhD|JP|MSc|MA|BA)$")
_AFTER_NAME_COUNTRY = re.compile(
    r"^\s*(?:,\s*)?(?:of|from|on behalf of)\s+(?:the\s+)?(?P<place>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,3})"
)


@dataclass(frozen=True)
class Person:
    """A person named in a sentence; ``start``/``end`` are the name's offsets in the document."""

    name: str
    post: str | None
    country: str | None
    start: int
    end: int
    # The country comes from the person's own words (post, apposition), not a nearby one.
    sure: bool = False


def people_in(sentence: Sentence, places: PlaceFinder, doc_text: str = "") -> list[Person]:
    """People named in one sentence with their posts and sides, in order.

    A post may run past a sentence break the parser put inside it ("Turkey's |
    Minister of Trade"): the words after the sentence are read for it.
    """
    length = len(sentence.text)
    text = doc_text[sentence.start : sentence.end + 120] if doc_text else sentence.text
    spans: list[tuple[int, int, str | None, str | None]] = []
    # A post after the name is its own apposition; one before may end another's.
    for m in NAME_THEN_POST.finditer(text):
        # "Cavusoglu, Kazakhstan's Deputy Prime Minister, Foreign Minister Tleuberdi": the
        # post is the next person's.
        if m.start("name") < length and not _NEXT_PERSON.match(text, m.end()):
            spans.append((m.start("name"), m.end("name"), m.group("post"), m.group("who")))
    for m in POST_THEN_NAME.finditer(text):
        if m.start("name") < length:
            spans.append((m.start("name"), m.end("name"), m.group("post"), None))
    for ent in sentence.span.ents:
        if ent.label_ == "PERSON":
            spans.append(
                (ent.start_char - sentence.start, ent.end_char - sentence.start, None, None)
            )
    people: list[tuple[int, int, str | None, str | None]] = []
    for start, end, post, who in sorted(spans, key=lambda s: (s[0], -(s[1] - s[0]))):
        start, end = _clean(text, start, end, places)
        # One word is a surname ("Manturov"), to be made whole from elsewhere in the text.
        one_word = len(text[start:end].split()) < 2
        if end - start < 3 or (one_word and text[start:end].isupper()):
            continue
        if any(start < e and end > s for s, e, _, _ in people):
            # Same person seen twice: keep the longer name, and any post found.
            people = [
                (min(s, start), max(e, end), p or post, w or who)
                if start < e and end > s
                else (s, e, p, w)
                for s, e, p, w in people
            ]
            continue
        people.append((start, end, post, who))
    out: list[Person] = []
    previous_end = 0
    for start, end, post, who in people:
        before = text[previous_end:start]
        if post is None:
            post, who = _post_after(text[end:])
        post, post_country = _clean_post(post, places)
        own = (
            post_country
            or (places.country_of(who) if who else None)
            or _country_after(text[end:], places)
        )
        country = own or _side_before(before, places)
        name = " ".join(text[start:end].split())
        # "Denis Valentinovich Manturov", called "Denis Manturov" elsewhere in the text.
        short = _PATRONYMIC.sub("", name)
        if short != name and short in doc_text:
            name = short
        out.append(
            Person(
                name, post, country, sentence.start + start, sentence.start + end, own is not None
            )
        )
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
    while first < len(words) and not_a_name(words[first].group(0), places):
        first += 1
    keep = words[first].start() if first < len(words) else len(name)
    lead = keep
    for w in words[first:]:
        if not_a_name(w.group(0), places) or _POSTNOMINAL.match(w.group(0).strip(",")):
            break
        keep = w.end()
    start, end = start + lead, start + keep
    while end > start and text[end - 1] in ",’'":
        end -= 1
    if text[start:end].endswith(("’s", "'s")):
        end -= 2
    return start, end


def not_a_name(word: str, places: PlaceFinder) -> bool:
    """A word that is a post, an institution, a place or an honorific, not part of a name."""
    word = word.strip(",")
    # "PRESIDENT Samia": a word in capitals is read as the word it spells.
    plain = word.title() if word.isupper() and len(word) > 3 else word
    return (
        bool(_NOT_NAME.search(plain))
        or places.country_of(plain) is not None
        # "Tajik-Kyrgyz"
        or all(places.country_of(part) for part in plain.split("-"))
        or word in {"MP", "and", "&"}
        or bool(_STRIP_HONORIFIC.match(word + " "))
    )


def fuller_name(name: str, doc_text: str, places: PlaceFinder) -> tuple[str, int] | None:
    """A longer form of a name elsewhere in the text ("N. Belov" -> "Nikolai Belov",
    "Manturov" -> "Denis Manturov" out of "Deputy Prime Minister Denis Manturov")."""
    surname = name.split()[-1]
    best: tuple[str, int] | None = None
    word = r"(?:[A-ZÀ-Þ][a-zà-ÿ'’\-]+|[A-Z][a-z]?\.(?:[A-Z]\.)*|[A-Z])"
    pattern = rf"(?<![\w.])((?:{word}\s+){{1,5}}){re.escape(surname)}\b"
    for m in re.finditer(pattern, doc_text):
        words = list(re.finditer(r"\S+", m.group(0)))
        first = 0
        while first < len(words) - 1 and (
            not_a_name(words[first].group(0), places)
            or _STRIP_HONORIFIC.match(words[first].group(0) + " ")
        ):
            first += 1
        start = m.start() + words[first].start()
        candidate = doc_text[start : m.end()]
        if len(candidate.split()) < 2 or len(candidate) <= len(name):
            continue
        if best is None or len(candidate) > len(best[0]):
            best = (candidate, start)
    return best


def apposition_of(
    surname: str, doc_text: str, places: PlaceFinder
) -> tuple[str | None, str | None]:
    """The post and country a text gives a person named by surname alone ("Okello,
    Uganda's Minister of Trade, said")."""
    for m in re.finditer(rf"\b{re.escape(surname)}\b", doc_text):
        post, who = _post_after(doc_text[m.end() : m.end() + 200])
        if post:
            post, country = _clean_post(post, places)
            return post, country or (places.country_of(who) if who else None)
    return None, None


def _post_after(after: str) -> tuple[str | None, str | None]:
    """The apposition right after a name, unless it is the post of the name that follows."""
    m = re.match(
        rf"^\s*,\s*(?:the\s+)?(?:(?P<who>[A-Z][\w-]+)['’]s\s+)?(?P<post>{_POST_PHRASE_FULL})", after
    )
    if m is None or _NEXT_PERSON.match(after, m.end()):
        return None, None
    return m.group("post"), m.group("who")


def _country_after(after: str, places: PlaceFinder) -> str | None:
    """ "President Tokayev of Kazakhstan", "Alexander Novak on behalf of Russia"."""
    m = _AFTER_NAME_COUNTRY.match(after)
    if m is None:
        return None
    for place in places.find(m.group("place")):
        if place.start == 0 and place.kind in {"country", "demonym"}:
            return place.iso3
    return None


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
    if country is None:
        # "head of the Iranian side", "Vice Chairman of China's National Development and
        # Reform Commission"
        country = next(
            (
                p.iso3
                for p in places.find(post)
                if p.kind == "demonym" or post[p.end : p.end + 2] in {"'s", "’s"}
            ),
            None,
        )
    return post.strip(" ,") or None, country


def _side_before(before: str, places: PlaceFinder) -> str | None:
    """The country the words just before a name point at: the nearest one not in a pair
    ("his Russian counterpart", not "Pakistan-Russia" nor "India and Russia reviewed")."""
    candidates = []
    for place in places.find(before):
        if re.match(r"\s+and\s+[A-Z]", before[place.end :]) or re.search(
            r"[A-Z]\w+\s+and\s+$", before[: place.start]
        ):
            continue
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
