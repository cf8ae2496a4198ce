"""Files and pages -> SourceDocument (plain text + metadata; offsets index the text).

The public API: ``expand_sources`` turns arguments into files, ``load_document`` loads
one, ``iter_documents`` loads many and reports failures as values.
"""

from accord.ingest.loader import iter_documents, load_document
from accord.ingest.options import (
    MAX_FILE_BYTES,
    MAX_TEXT_CHARS,
    SUPPORTED_SUFFIXES,
    LoadOptions,
    MetadataOverrides,
)
from accord.ingest.sources import expand_sources
from accord.ingest.text_metadata import Dateline, TextMetadata, read_text_metadata

__all__ = [
    "MAX_FILE_BYTES",
    "MAX_TEXT_CHARS",
    "SUPPORTED_SUFFIXES",
    "Dateline",
    "LoadOptions",
    "MetadataOverrides",
    "TextMetadata",
    "expand_sources",
    "iter_documents",
    "load_document",
    "read_text_metadata",
]
