"""Sentences as verbatim spans of the document text, from the spaCy parse."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

# A dateline or date stamp opening a sentence: "ISLAMABAD:", "MOSCOW, March 3 (TASS) -".
_DATELINE = re.compile(
    r"^\s*(?:date\s+\d{4}-\d{2}-\d{2}\s+)?"
    r"(?:[A-Z][A-Z.'\-]+(?:\s+[A-Z][A-Z.'\-]+){0,3})"
    r"(?:\s*,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:\s*,\s*\d{4})?|\s*,\s*\d{1,2}\s+[A-Z][a-z]{2,8}\.?(?:\s+\d{4})?)?"
    r"\s*(?:\([A-Za-z][\w .&-]{0,30}\))?\s*[:—–-]+\s+"
)
_ENUMERATOR = re.compile(r"^\s*(?:\(?\d{1,3}[.)]|\(?[a-z][.)]|[-•*▪–])\s+")
_QUOTED = re.compile(
    r"^[“\"](?P<inner>.+?)[,.]?[”\"]\s*,?\s+(?:an? |the )?[\w\s'’-]{0,60}\b(?:said|says|stated|added|read|noted)\b.*$",
    re.S,
)


@dataclass(frozen=True)
class Sentence:
    """One sentence: its span in the document text and its parse."""

    index: int
    start: int
    end: int
    text: str
    span: Span

    def core(self) -> tuple[int, int]:
        """The span without a leading dateline or enumerator, or a trailing attribution.

        A quoted statement with its attribution (“...,” an official statement
        said) is reduced to the quoted words, which carry the commitment.
        """
        text = self.text
        offset = 0
        for pattern in (_DATELINE, _ENUMERATOR):
            match = pattern.match(text)
            if match and match.end() < len(text) - 10:
                offset += match.end()
                text = text[match.end() :]
        quoted = _QUOTED.match(text)
        if quoted:
            inner_start = quoted.start("inner")
            inner = quoted.group("inner").rstrip(",. ")
            return self.start + offset + inner_start, self.start + offset + inner_start + len(inner)
        return self.start + offset, self.end


def split_sentences(doc: Doc, text: str) -> list[Sentence]:
    """The document's sentences, trimmed of surrounding white space, in order."""
    found: list[Sentence] = []
    for span in doc.sents:
        start, end = span.start_char, span.end_char
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end - start < 2 or not re.search(r"\w", text[start:end]):
            continue
        found.append(Sentence(len(found), start, end, text[start:end], span))
    return found
