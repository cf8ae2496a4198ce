"""What a caller can set when loading: metadata that wins, and the limits a file must fit."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from accord.core.documents import SourceKind
from accord.errors import IngestError

SUPPORTED_SUFFIXES: Mapping[str, SourceKind] = MappingProxyType(
    {
        ".txt": "text",
        ".md": "markdown",
        ".html": "html",
        ".htm": "html",
        ".pdf": "pdf",
        ".docx": "docx",
    }
)

# Limits: a bigger input is almost always a mistake (a data dump, a whole book).
MAX_FILE_BYTES = 20_000_000
MAX_TEXT_CHARS = 5_000_000
# Language detection reads the start of the text, and only when there is enough to judge.
LANGUAGE_SAMPLE_CHARS = 2_000
LANGUAGE_MIN_WORDS = 20


@dataclass(frozen=True)
class MetadataOverrides:
    """Metadata given by the user: each field set here wins over anything found in the file."""

    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None


@dataclass(frozen=True)
class LoadOptions:
    """The limits a document must fit and the checks it must pass to be loaded."""

    max_file_bytes: int = MAX_FILE_BYTES
    max_text_chars: int = MAX_TEXT_CHARS
    require_english: bool = True


def readable_size(size: int) -> str:
    """A byte count as a user reads it: "812 bytes", "12.5 kB", "20.0 MB"."""
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB"
    if size >= 1_000:
        return f"{size / 1_000:.1f} kB"
    return f"{size} bytes"


def supported_suffixes_text() -> str:
    """The supported suffixes as a user reads them: ".txt, .md, ..."."""
    return ", ".join(SUPPORTED_SUFFIXES)


def is_supported(path: Path) -> bool:
    return path.suffix.lower() in SUPPORTED_SUFFIXES


def source_kind(path: Path) -> SourceKind:
    """The kind of document a path holds, judged by its suffix."""
    kind = SUPPORTED_SUFFIXES.get(path.suffix.lower())
    if kind is None:
        shown = f"'{path.suffix}'" if path.suffix else "no suffix"
        raise IngestError(
            str(path), f"unsupported file type ({shown}); supported: {supported_suffixes_text()}"
        )
    return kind
