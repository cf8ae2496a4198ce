"""What each format's reader returns: the document text and the metadata the file carried."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from accord.ingest.found_metadata import FoundMetadata

_TRAILING_SPACE = re.compile(r"[ \t]+$", re.MULTILINE)
_BLANK_RUNS = re.compile(r"\n{3,}")


@dataclass(frozen=True)
class LoadedText:
    """A reader's result.

    ``metadata`` outranks what the text itself says; ``fallback`` is weaker than the
    text (a site name that is only the host name, say).
    """

    text: str
    metadata: FoundMetadata = field(default_factory=FoundMetadata)
    fallback: FoundMetadata = field(default_factory=FoundMetadata)


def join_blocks(blocks: list[str]) -> str:
    """Blocks (paragraphs, pages) as one readable text: blank-line separated, tidy line ends.

    Used for formats whose text the loader produces (HTML, PDF, DOCX), never for plain
    text files, whose text must stay exactly as written.
    """
    text = "\n\n".join(block.strip() for block in blocks if block.strip())
    text = normalise_newlines(text)
    text = _TRAILING_SPACE.sub("", text)
    return _BLANK_RUNS.sub("\n\n", text)


def normalise_newlines(text: str) -> str:
    """``\\r\\n`` and lone ``\\r`` as ``\\n``."""
    return text.replace("\r\n", "\n").replace("\r", "\n")
