"""Plain text and Markdown files: UTF-8 bytes to the exact text that offsets index.

The text is the file decoded as UTF-8 (a BOM dropped), with ``\\r\\n`` and lone ``\\r``
turned into ``\\n``, minus an optional front-matter block, and nothing else changed.
"""

from __future__ import annotations

import codecs
import re

from accord.errors import IngestError
from accord.ingest.front_matter import find_front_matter, front_matter_metadata
from accord.ingest.loaded_text import LoadedText, normalise_newlines

# More control characters than this share of the text means it is not text at all.
MAX_CONTROL_SHARE = 0.1
# Unicode control characters (category Cc) other than tab, newline, and the page breaks.
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_WIDE_BOMS = {
    codecs.BOM_UTF32_LE: "UTF-32",
    codecs.BOM_UTF32_BE: "UTF-32",
    codecs.BOM_UTF16_LE: "UTF-16",
    codecs.BOM_UTF16_BE: "UTF-16",
}


def read_text_file(data: bytes, source: str) -> LoadedText:
    """The text and front-matter metadata of a ``.txt`` or ``.md`` file's bytes."""
    text = normalise_newlines(decode_utf8(data, source))
    if not text.strip():
        raise IngestError(source, "empty document (only whitespace)")
    front = find_front_matter(text)
    if front is None:
        return LoadedText(text=text)
    body = text[front.body_start :]
    if not body.strip():
        raise IngestError(source, "empty document (no text after the front matter)")
    return LoadedText(text=body, metadata=front_matter_metadata(front, source))


def decode_utf8(data: bytes, source: str) -> str:
    """Bytes as UTF-8 text, refusing binary data and other encodings with a reason."""
    if not data:
        raise IngestError(source, "empty file")
    for bom, encoding in _WIDE_BOMS.items():
        if data.startswith(bom):
            raise IngestError(source, f"{encoding} text; save it as UTF-8")
    if b"\x00" in data:
        raise IngestError(source, "binary file (contains NUL bytes), not UTF-8 text")
    skipped = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        text = data[skipped:].decode("utf-8")
    except UnicodeDecodeError as exc:
        offset = skipped + exc.start
        raise IngestError(
            source,
            f"not valid UTF-8 (byte 0x{data[offset]:02X} at offset {offset}); save it as UTF-8",
        ) from exc
    controls = len(_CONTROLS.findall(text))
    if controls > MAX_CONTROL_SHARE * len(text):
        raise IngestError(source, f"binary file ({controls} control characters), not text")
    return text
