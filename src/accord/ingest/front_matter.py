"""The optional front-matter block at the top of a text or Markdown file.

A ``---`` line, ``key: value`` lines, a ``---`` line. The document text is exactly what
follows the newline that ends the closing ``---`` line: offsets index that remainder.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from accord.errors import IngestError
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
    """The metadata a front-matter block gives; a published value that is no date is an error."""
    published = _field(front, "published")
    partial = _parse_published(published, source) if published else None
    return FoundMetadata(
        title=clean_value(_field(front, "title")),
        outlet=clean_value(_field(front, "outlet")),
        url=clean_value(_field(front, "url")),
        published=partial.full() if partial else None,
        partial=partial,
    )


def _field(front: FrontMatter, field: str) -> str | None:
    return next((front.pairs[key] for key in _KEYS[field] if front.pairs.get(key)), None)


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    return value


def _parse_published(value: str, source: str) -> PartialDate:
    match = _DATE_VALUE.fullmatch(value.strip())
    parsed = parse_date_phrase(match["date"]) if match else None
    if parsed is None:
        raise IngestError(
            source, f"front matter: published date {value!r} is not a date (write YYYY-MM-DD)"
        )
    return parsed
