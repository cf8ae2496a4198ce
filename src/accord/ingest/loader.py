"""One file to one SourceDocument: read, pick the reader by suffix, check, gather metadata."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path

from accord.core.documents import SourceDocument, SourceKind
from accord.errors import IngestError
from accord.ingest.docx_files import read_docx
from accord.ingest.found_metadata import FoundMetadata, clean_value, resolve_metadata
from accord.ingest.html_pages import read_html_page
from accord.ingest.loaded_text import LoadedText
from accord.ingest.options import LoadOptions, MetadataOverrides, readable_size, source_kind
from accord.ingest.pdf_files import read_pdf
from accord.ingest.text_checks import check_text
from accord.ingest.text_files import read_text_file
from accord.ingest.text_metadata import read_text_metadata

Reader = Callable[[bytes, str], LoadedText]

READERS: Mapping[SourceKind, Reader] = {
    "text": read_text_file,
    "markdown": read_text_file,
    "html": read_html_page,
    "pdf": read_pdf,
    "docx": read_docx,
}


def load_document(
    path: Path, overrides: MetadataOverrides | None = None, *, options: LoadOptions | None = None
) -> SourceDocument:
    """Load one file as plain text and metadata, or raise an IngestError saying why not.

    Metadata comes, strongest first, from ``overrides``, then the file's own (front
    matter, page markup, document properties), then the text (a date line, dateline or
    "Published in ..." line).
    """
    options = options or LoadOptions()
    source = str(path)
    kind = source_kind(path)
    loaded = READERS[kind](read_file(path, options), source)
    return assemble_document(loaded, source=source, kind=kind, overrides=overrides, options=options)


def assemble_document(
    loaded: LoadedText,
    *,
    source: str,
    kind: SourceKind,
    overrides: MetadataOverrides | None,
    options: LoadOptions,
    known: FoundMetadata | None = None,
    fetched_at: dt.datetime | None = None,
    raw: bytes | None = None,
) -> SourceDocument:
    """A reader's result as a checked SourceDocument, its metadata merged strongest first.

    ``known`` is what the caller knows for sure beyond the user's overrides (the address
    a page was fetched from), ranked above what the file says.
    """
    check_text(loaded.text, source, options)
    given = _overrides_metadata(overrides or MetadataOverrides())
    found = resolve_metadata(
        [
            given,
            known or FoundMetadata(),
            loaded.metadata,
            read_text_metadata(loaded.text).found(),
            loaded.fallback,
        ]
    )
    return SourceDocument(
        source=source,
        kind=kind,
        text=loaded.text,
        title=found.title,
        outlet=found.outlet,
        url=found.url,
        published=found.published,
        language="en",
        notes=tuple(note for layer in (given, loaded.metadata) for note in layer.notes),
        fetched_at=fetched_at,
        raw=raw,
    )


def iter_documents(
    paths: Iterable[Path],
    overrides: MetadataOverrides | None = None,
    *,
    options: LoadOptions | None = None,
) -> Iterator[tuple[Path, SourceDocument | IngestError]]:
    """Load each path in turn; a file that cannot be loaded yields its error, not an exception."""
    for path in paths:
        try:
            yield path, load_document(path, overrides, options=options)
        except IngestError as exc:
            yield path, exc


def read_file(path: Path, options: LoadOptions) -> bytes:
    """A file's bytes, refusing folders, unreadable files and files over the size limit."""
    source = str(path)
    if path.is_dir():
        raise IngestError(source, "is a folder, not a file")
    try:
        size = path.stat().st_size
        if size > options.max_file_bytes:
            raise IngestError(
                source,
                f"file too large ({readable_size(size)}; the limit is {readable_size(options.max_file_bytes)})",
            )
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise IngestError(source, "no such file") from exc
    except OSError as exc:
        raise IngestError(source, f"cannot read the file ({exc.strerror or exc})") from exc
    if not data:
        raise IngestError(source, "empty file")
    return data


def _overrides_metadata(overrides: MetadataOverrides) -> FoundMetadata:
    return FoundMetadata(
        title=clean_value(overrides.title),
        outlet=clean_value(overrides.outlet),
        url=clean_value(overrides.url),
        published=overrides.published,
    )
