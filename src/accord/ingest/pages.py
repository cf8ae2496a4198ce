"""A fetched page to a SourceDocument, read like a saved file of the same kind.

The reader is chosen by the media type the server declared (by the address's suffix
when it declared none); the page's bytes, the address after redirects and the time of
fetching are kept on the document.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import PurePosixPath
from types import MappingProxyType
from urllib.parse import urlsplit

from accord.core.documents import SourceDocument, SourceKind
from accord.errors import IngestError
from accord.ingest.fetch import Fetcher
from accord.ingest.fetched import FetchedPage
from accord.ingest.found_metadata import FoundMetadata
from accord.ingest.html_pages import read_html_page
from accord.ingest.loaded_text import LoadedText
from accord.ingest.loader import READERS, assemble_document
from accord.ingest.options import SUPPORTED_SUFFIXES, LoadOptions, MetadataOverrides

MEDIA_TYPES: Mapping[str, SourceKind] = MappingProxyType(
    {
        "text/html": "html",
        "application/xhtml+xml": "html",
        "text/plain": "text",
        "text/markdown": "markdown",
        "application/pdf": "pdf",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    }
)
# Servers that do not know a file's type say so with these; the suffix decides then.
_UNKNOWN_TYPES = frozenset({None, "application/octet-stream", "binary/octet-stream"})


def page_kind(page: FetchedPage) -> SourceKind:
    """The kind of document a fetched page holds, or an IngestError naming its type."""
    kind = MEDIA_TYPES.get(page.media_type or "")
    if kind is not None:
        return kind
    if page.media_type in _UNKNOWN_TYPES:
        by_suffix = SUPPORTED_SUFFIXES.get(PurePosixPath(urlsplit(page.url).path).suffix.lower())
        if by_suffix is not None:
            return by_suffix
        if page.content.lstrip()[:15].lower().startswith((b"<!doctype html", b"<html")):
            return "html"
    shown = page.media_type or "no type given"
    raise IngestError(
        page.address, f"unsupported content type ({shown}); pages, PDF and DOCX files are read"
    )


def load_page(
    page: FetchedPage,
    overrides: MetadataOverrides | None = None,
    *,
    options: LoadOptions | None = None,
) -> SourceDocument:
    """Read a fetched page as a document; the address after redirects is its ``url``.

    Metadata comes, strongest first, from ``overrides``, the final address, the page's
    own markup (title, date, site name), then the text.
    """
    options = options or LoadOptions()
    kind = page_kind(page)
    if not page.content.strip():
        raise IngestError(page.address, "empty response (no content)")
    loaded = _read(page, kind)
    return assemble_document(
        loaded,
        source=page.address,
        kind=kind,
        overrides=overrides,
        options=options,
        known=FoundMetadata(url=page.url),
        fetched_at=page.fetched_at,
        raw=page.content,
    )


def _read(page: FetchedPage, kind: SourceKind) -> LoadedText:
    if kind == "html":
        return read_html_page(page.content, page.address, url=page.url)
    content = page.content
    if kind in ("text", "markdown") and page.charset not in (None, "utf-8", "utf8", "us-ascii"):
        # A saved text file must be UTF-8; a served one says its encoding.
        try:
            content = content.decode(page.charset or "utf-8").encode("utf-8")
        except (LookupError, UnicodeDecodeError) as exc:
            raise IngestError(page.address, f"not valid {page.charset} text") from exc
    return READERS[kind](content, page.address)


def fetch_document(
    fetcher: Fetcher,
    address: str,
    overrides: MetadataOverrides | None = None,
    *,
    options: LoadOptions | None = None,
) -> SourceDocument:
    """Fetch ``address`` and read it as a document, or raise an IngestError naming it."""
    page = fetcher.fetch(address)
    if not isinstance(page, FetchedPage):  # no validators were sent: a 304 is the server's error
        raise IngestError(address, "the server answered 304 Not Modified to a plain request")
    return load_page(page, overrides, options=options)


def is_address(argument: str) -> bool:
    """Whether a command-line argument names a web address rather than a file."""
    return argument.strip().lower().startswith(("http://", "https://"))
