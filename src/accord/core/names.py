"""Name normalisation and the rules that decide when two names mean one thing.

Pure functions over strings: the store's resolver hands them the country
vocabulary and the rows it found, and decides what to write. Keeping the
rules here lets them be tested, and reused by the tracker, without a database.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

from rapidfuzz import fuzz

# Small words that neither carry identity nor count in an acronym.
STOPWORDS = frozenset({"the", "of", "and", "for", "on", "in", "to", "a", "an", "de", "at"})
# A person's honorifics and titles, dropped before names are compared.
HONORIFICS = frozenset(
    {"mr", "mrs", "ms", "dr", "prof", "h", "e", "he", "his", "her", "excellency", "sardar", "sir"}
)
# A fuzzy score at or above this makes two organisation names of one country one organisation.
ORGANISATION_FUZZY_MIN = 90
PERSON_FUZZY_MIN = 90

_POSSESSIVE = re.compile(r"['’]s\b")
_BRACKETED_ACRONYM = re.compile(r"\s*\(\s*([A-Z][A-Za-z0-9&.\-]{1,14})\s*\)")
_ACRONYM = re.compile(r"^(?=(?:.*[A-Z]){2})[A-Z][A-Za-z0-9&.\-]{1,11}$")


def normalise(text: str) -> str:
    """Casefolded text without accents, possessives or punctuation, words single-spaced.

    "the Pakistan–Russia IGC's" and "The Pakistan-Russia IGC" both become
    "the pakistan russia igc": the form every comparison in Accord uses.
    """
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = _POSSESSIVE.sub("", plain.replace("&", " and ")).casefold()
    plain = re.sub(r"[\W_]+", " ", plain)
    return " ".join(plain.split())


def looks_like_acronym(name: str) -> bool:
    """True for a one-word name in capitals ("PSQCA", "NDMA", "IGC")."""
    return bool(_ACRONYM.match(name.strip()))


def initials(name: str) -> str:
    """The capitals an acronym of ``name`` would have: small words skipped."""
    return "".join(w[0] for w in normalise(name).split() if w not in STOPWORDS).upper()


@dataclass(frozen=True)
class CountryNames:
    """Country names, aliases and demonyms (normalised) mapped to ISO 3166-1 alpha-3 codes."""

    by_name: Mapping[str, str]

    def country_of(self, words: str) -> str | None:
        """The ISO3 code ``words`` names ("Russia", "the Russian Federation", "Pakistani")."""
        key = normalise(words)
        if key.startswith("the "):
            key = key[4:]
        return self.by_name.get(key)

    def countries_in(self, text: str) -> list[str]:
        """Every country ``text`` names, in order of first mention ("Pak-Russia IGC": PAK, RUS)."""
        words = normalise(text).split()
        found: list[str] = []
        for i in range(len(words)):
            hit = self.leading_country(words[i:])
            if hit is not None and hit[0] not in found:
                found.append(hit[0])
        return found

    def leading_country(self, words: list[str]) -> tuple[str, int] | None:
        """The country named by the first words of ``words`` and how many words name it."""
        for size in (3, 2, 1):
            code = self.by_name.get(" ".join(words[:size])) if len(words) >= size else None
            if code is not None:
                return code, size
        return None


@dataclass(frozen=True)
class OrganisationName:
    """An organisation's name taken apart: what to show, what to compare, acronym, country."""

    name: str
    key: str
    acronym: str | None
    country: str | None

    @property
    def is_acronym_only(self) -> bool:
        return self.acronym is not None and normalise(self.acronym) == self.key


def parse_organisation(
    name: str, acronym: str | None, country: str | None, countries: CountryNames
) -> OrganisationName:
    """Split a party name into display name, comparison key, acronym and country.

    The key drops a leading "the", a bracketed acronym, a country possessive
    ("Russia's"), a leading country name or adjective and an "of Pakistan"
    suffix; the country they name is kept separately when none was given.
    """
    display = " ".join(name.split())
    found = _BRACKETED_ACRONYM.search(display)
    if found:
        acronym = acronym or found.group(1)
        display = (display[: found.start()] + display[found.end() :]).strip()
    if looks_like_acronym(display):
        acronym = acronym or display
    display = re.sub(r"^(?:the)\s+", "", display, flags=re.IGNORECASE)
    named_country: str | None = None
    possessive = re.match(r"^(.+?)['’]s\s+(.+)$", display)
    if possessive and countries.country_of(possessive.group(1)):
        named_country = countries.country_of(possessive.group(1))
        display = possessive.group(2)
    words = normalise(display).split()
    suffix = re.match(r"^(.+)\s+of\s+((?:the\s+)?[\w .'’-]+)$", display, flags=re.IGNORECASE)
    if suffix and countries.country_of(suffix.group(2)) and len(words) > 2:
        named_country = named_country or countries.country_of(suffix.group(2))
        words = normalise(suffix.group(1)).split()
    leading = countries.leading_country(words) if len(words) > 1 else None
    if leading is not None:
        named_country = named_country or leading[0]
        words = words[leading[1] :]
    if words and words[0] == "the":
        words = words[1:]
    key = " ".join(words) or normalise(display)
    return OrganisationName(
        name=display or name.strip(),
        key=key,
        acronym=acronym.strip() if acronym else None,
        country=country or named_country,
    )


def countries_compatible(a: str | None, b: str | None) -> bool:
    """Two countries agree when they are equal or either is unknown."""
    return a is None or b is None or a == b


def same_organisation(a: OrganisationName, b: OrganisationName) -> bool:
    """Whether two parsed names denote one organisation.

    Same country (or one unknown) and: the same key, the same acronym, one
    name being the other's acronym or initials, or a fuzzy ratio of at least
    90 between the keys of two names of the same known country.
    """
    if not countries_compatible(a.country, b.country):
        return False
    if a.key == b.key:
        return True
    if a.acronym and b.acronym:
        return a.acronym.upper() == b.acronym.upper()
    for short, full in ((a, b), (b, a)):
        if short.is_acronym_only and short.acronym and short.acronym.upper() in _acronyms(full):
            return True
    if a.is_acronym_only or b.is_acronym_only:
        return False
    both_known = a.country is not None and a.country == b.country
    return both_known and fuzz.ratio(a.key, b.key) >= ORGANISATION_FUZZY_MIN


def _acronyms(name: OrganisationName) -> set[str]:
    found = {initials(name.key), initials(name.name)}
    if name.acronym:
        found.add(name.acronym.upper())
    return {a for a in found if len(a) >= 2}


def organisation_lookup_keys(name: OrganisationName) -> set[str]:
    """The alias keys under which ``name`` is stored and found (names, acronyms, initials)."""
    keys = {name.key, normalise(name.name)}
    keys |= {a.lower() for a in _acronyms(name)}
    return {k for k in keys if k}


def person_key(name: str) -> str:
    """A person's name for comparison: normalised, titles and honorifics dropped."""
    return " ".join(w for w in normalise(name).split() if w not in HONORIFICS)


def same_person(a: str, b: str) -> bool:
    """Two names of one person: equal keys, or one contained in the other with two words or more.

    "Awais Leghari" and "Sardar Awais Ahmad Khan Leghari" are one person;
    a single shared word ("Khan") is never enough.
    """
    ka, kb = person_key(a), person_key(b)
    if ka == kb:
        return bool(ka)
    shorter = min(ka, kb, key=len)
    if len(shorter.split()) < 2:
        return False
    return fuzz.token_set_ratio(ka, kb) >= PERSON_FUZZY_MIN


# Two commission names "clearly differ" below these token-set scores.
COMMISSION_HEAD_MIN = 85
COMMISSION_QUALIFIER_MIN = 60


def expand_abbreviations(name: str, abbreviations: Mapping[str, str]) -> str:
    """``name`` normalised, each abbreviation ("igc", "pak") replaced by what it stands for."""
    joined = re.sub(r"\binter (?=governmental)", "inter", normalise(name))
    return " ".join(abbreviations.get(word, word) for word in joined.split())


def commission_parts(
    name: str, countries: CountryNames, abbreviations: Mapping[str, str]
) -> tuple[str, str]:
    """A commission name as (head, qualifier), abbreviations expanded and countries dropped.

    "Pak-Russia IGC" gives ("intergovernmental commission", ""); "Pakistan–Russia
    Intergovernmental Commission on Trade, Economic, Scientific and Technical
    Cooperation" gives the same head and "trade economic scientific and
    technical cooperation" as qualifier.
    """
    words = expand_abbreviations(name, abbreviations).split()
    kept: list[str] = []
    i = 0
    while i < len(words):
        hit = countries.leading_country(words[i:])
        if hit is not None:
            i += hit[1]
            continue
        if words[i] != "the":
            kept.append(words[i])
        i += 1
    head, _, qualifier = " ".join(kept).partition(" on ")
    return head.strip(), qualifier.strip()


def commission_names_differ(
    a: str | None, b: str | None, countries: CountryNames, abbreviations: Mapping[str, str]
) -> bool:
    """Whether two names of commissions between the same parties clearly name two bodies.

    An unknown name never differs; otherwise the heads ("intergovernmental
    commission", "joint working group") must agree, and so must the
    qualifiers ("on energy") when both names have one.
    """
    if not a or not b:
        return False
    head_a, qualifier_a = commission_parts(a, countries, abbreviations)
    head_b, qualifier_b = commission_parts(b, countries, abbreviations)
    if not head_a or not head_b:
        return False
    if fuzz.token_set_ratio(head_a, head_b) < COMMISSION_HEAD_MIN:
        return True
    both = qualifier_a and qualifier_b
    return bool(both) and fuzz.token_set_ratio(qualifier_a, qualifier_b) < COMMISSION_QUALIFIER_MIN
