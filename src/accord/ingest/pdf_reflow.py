"""PDF text as paragraphs: the text layer comes as one line per printed line.

pypdf keeps the words of a page but not its shape: lines end where the printed
line ended, words are split by a hyphen at a line end, spaces are doubled, and
each page repeats its running header, footer and page number. Sentences then
break in the middle, and the extractor sees fragments. This module reflows the
lines of each page into paragraphs, joins hyphenated words and drops the lines
that repeat on every page.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Sequence

# A hyphen at a line end: ASCII, U+2010 (hyphen), U+00AD (soft hyphen), U+2011 (non-breaking).
_LINE_END_HYPHEN = re.compile(r"(?<=[^\W\d_])[-\u2010\u00ad\u2011]$")
_SPACES = re.compile(r"[ \t\u00a0]{2,}")
_PAGE_NUMBER = re.compile(r"(?i)^[-–—\s]*(?:page\s+)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?[-–—\s]*$")
_DIGITS = re.compile(r"\d+")
_BULLET = re.compile(r"^(?:[•▪◦●■\-–*]\s|\(?\d{1,2}[.)]\s|\(?[a-z][.)]\s)")
_SENTENCE_END = re.compile(r"[.!?:;\"”’)\]]$")
_HYPHENATED = re.compile(r"\b[^\W\d_]+-[^\W\d_]+\b")
_LAST_WORD = re.compile(r"([^\W\d_]+)[-\u2010\u00ad\u2011]$")
_FIRST_WORD = re.compile(r"^([^\W\d_]+)")
# How far from the top and bottom of a page a running header or footer may stand.
_EDGE_LINES = 3


def reflow_pages(pages: Sequence[str]) -> list[str]:
    """Each page's text as paragraphs (one per line), without running headers and footers."""
    page_lines = [_lines(page) for page in pages]
    repeated = _running_lines(page_lines)
    hyphenated = {word.lower() for page in pages for word in _HYPHENATED.findall(page)}
    return [_paragraphs(_without_furniture(lines, repeated), hyphenated) for lines in page_lines]


def _lines(page: str) -> list[str]:
    return [_SPACES.sub(" ", line).strip() for line in page.replace("\r", "\n").split("\n")]


def _shape(line: str) -> str:
    """A line with its numbers blanked, so that "Page 3" and "Page 4" look alike."""
    return _DIGITS.sub("#", line.lower())


def _running_lines(pages: list[list[str]]) -> set[str]:
    """Shapes of lines found near the top or bottom of at least half the pages (two or more)."""
    if len(pages) < 2:
        return set()
    seen: Counter[str] = Counter()
    for lines in pages:
        filled = [line for line in lines if line]
        edges = filled[:_EDGE_LINES] + filled[-_EDGE_LINES:]
        seen.update({_shape(line) for line in edges})
    return {shape for shape, count in seen.items() if count >= max(2, (len(pages) + 1) // 2)}


def _without_furniture(lines: list[str], repeated: set[str]) -> list[str]:
    filled = [i for i, line in enumerate(lines) if line]
    edges = set(filled[:_EDGE_LINES] + filled[-_EDGE_LINES:])
    kept: list[str] = []
    for index, line in enumerate(lines):
        if index in edges and (_PAGE_NUMBER.match(line) or _shape(line) in repeated):
            continue
        kept.append(line)
    return kept


def _paragraphs(lines: list[str], hyphenated: set[str]) -> str:
    """Join the lines of each paragraph; a blank line, a bullet or a short last line ends one.

    A line well short of the others ends its paragraph (a title, a dateline, the
    last line of a paragraph); a sentence's end ends one when the line is short.
    """
    widths = [len(line) for line in lines if line]
    if not widths:
        return ""
    typical = statistics.median(widths)
    paragraphs: list[str] = []
    current = ""
    previous = ""
    for line in lines:
        if not line:
            if current:
                paragraphs.append(current)
            current, previous = "", ""
            continue
        starts_new = bool(current) and (
            _BULLET.match(line) is not None
            or len(previous) < 0.5 * typical
            or (_SENTENCE_END.search(previous) is not None and len(previous) < 0.7 * typical)
        )
        if starts_new:
            paragraphs.append(current)
            current = ""
        current = _join(current, line, hyphenated) if current else line
        previous = line
    if current:
        paragraphs.append(current)
    return "\n".join(paragraphs)


def _join(text: str, line: str, hyphenated: set[str]) -> str:
    """Append a line: a word hyphenated across the break is joined, else one space.

    Before a capital the hyphen is kept ("Kazakhstan-" + "Mongolia"), and so is
    one the document writes elsewhere ("expert-" + "level" where "expert-level"
    occurs); a soft hyphen never is.
    """
    if _LINE_END_HYPHEN.search(text):
        before, after = _LAST_WORD.search(text), _FIRST_WORD.match(line)
        compound = f"{before[1]}-{after[1]}".lower() if before and after else ""
        if text[-1] != "\u00ad" and compound in hyphenated:
            return text[:-1] + "-" + line
        if line[:1].islower() or text[-1] == "\u00ad":
            return text[:-1] + line
        if line[:1].isupper():
            return text + line
    return f"{text} {line}"
