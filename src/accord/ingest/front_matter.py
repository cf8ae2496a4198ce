"""The optional front-matter block at the top of a text or Markdown file.

A ``---`` line, ``key: value`` lines, a ``---`` line. The document text is exactly what
follows the newline that ends the closing ``---`` line: offsets index that remainder.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from accord.ingest.date_phrases import DATE_PHRASE, PartialDate, parse_date_phrase
from accord.ingest.found_metadata import FoundMetadata, clean_value

# The keys each field is read from, the field's own name first; other keys are ignored.
_KEYS = {
    "title": ("title",),
    "url": ("url",),
    "published": ("published", "date"),
    "outlet": ("outlet", "source"),
}
_FENCE = re.compile(r"---[ \t]*")
_KEY_VALUE = re.compile(r"(?P<key>[A-Za-z_][\w-]*)[ \t]*:[ \t]*(?P<value>.*?)[ \t]*")
# Lines a YAML block may hold besides "key: value": blanks, comments, nested values.
_SKIPPABLE = re.compile(r"[ \t]*(?:#.*)?|[ \t]+\S.*|-[ \t].*")
_YEAR_MONTH = re.compile(r"(?P<year>\d{4})-(?P<month>0[1-9]|1[0-2])")
_DATE_VALUE = re.compile(rf"(?P<date>{DATE_PHRASE})(?:[T ]\d{{2}}:\d{{2}}\S*)?")


@dataclass(frozen=True)
class FrontMatter:
    """The block's ``key: value`` pairs (keys lower-cased) and where the document text starts."""

    pairs: dict[str, str]
    body_start: int


def find_front_matter(text: str) -> FrontMatter | None:
    """The front-matter block at the very start of ``text``; None when there is none."""
    if not text.startswith("---"):
        return None
    lines = text.split("\n")
    if not _FENCE.fullmatch(lines[0]):
        return None
    pairs: dict[str, str] = {}
    offset = len(lines[0]) + 1
    for line in lines[1:]:
        if _FENCE.fullmatch(line):
            return FrontMatter(pairs=pairs, body_start=min(offset + len(line) + 1, len(text)))
        offset += len(line) + 1
        pair = _KEY_VALUE.fullmatch(line)
        if pair is not None:
            pairs[pair["key"].lower()] = _unquote(pair["value"]).strip()
        elif not _SKIPPABLE.fullmatch(line):
            return None
    return None


def front_matter_metadata(front: FrontMatter, source: str) -> FoundMetadata:
    """The metadata a front-matter block gives.

    A published value that is no date ("unknown", "soon") does not cost the
    document: the date is left unknown, to be read from the text if it has one,
    and a note says why.
    """
    published = _field(front, "published")
    partial = _parse_published(published) if published else None
    notes: tuple[str, ...] = ()
    if published and partial is None:
        notes = (f"front matter: published {published!r} is not a date; left unknown",)
    return FoundMetadata(
        title=clean_value(_field(front, "title")),
        outlet=clean_value(_field(front, "outlet")),
        url=clean_value(_field(front, "url")),
        published=partial.full() if partial else None,
        partial=partial,
        notes=notes,
    )


def _field(front: FrontMatter, field: str) -> str | None:
    return next((front.pairs[key] for key in _KEYS[field] if front.pairs.get(key)), None)


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    return value


def _parse_published(value: str) -> PartialDate | None:
    """A whole or partial date (``2025``, ``2025-11``, ``28 Nov 2025``), or None."""
    text = value.strip()
    year_month = _YEAR_MONTH.fullmatch(text)
    if year_month:
        return PartialDate(int(year_month["year"]), int(year_month["month"]), None)
    match = _DATE_VALUE.fullmatch(text)
    return parse_date_phrase(match["date"]) if match else None
