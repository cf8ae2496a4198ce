"""Files and pages -> SourceDocument (plain text + metadata; offsets index the text).

The public API: ``expand_sources`` turns arguments into files, ``load_document`` loads
one, ``iter_documents`` loads many and reports failures as values. From the network:
a ``Fetcher`` fetches an address (politely, and only public addresses unless its
``AddressPolicy`` allows more), ``load_page`` reads what it fetched, ``read_feed``
lists a feed's, sitemap's or listing page's entries.
"""

from accord.ingest.address_policy import AddressPolicy
from accord.ingest.feeds import Feed, FeedEntry, link_pattern, parse_feed, read_feed
from accord.ingest.fetch import Fetcher, screen_address
from accord.ingest.fetch_settings import FetchSettings, user_agent
from accord.ingest.fetched import FetchedPage, NotModified, Validators
from accord.ingest.loader import iter_documents, load_document
from accord.ingest.options import (
    MAX_FILE_BYTES,
    MAX_TEXT_CHARS,
    SUPPORTED_SUFFIXES,
    LoadOptions,
    MetadataOverrides,
)
from accord.ingest.pages import fetch_document, is_address, load_page
from accord.ingest.sources import expand_sources
from accord.ingest.text_metadata import Dateline, TextMetadata, read_text_metadata

__all__ = [
    "MAX_FILE_BYTES",
    "MAX_TEXT_CHARS",
    "SUPPORTED_SUFFIXES",
    "AddressPolicy",
    "Dateline",
    "Feed",
    "FeedEntry",
    "FetchSettings",
    "FetchedPage",
    "Fetcher",
    "LoadOptions",
    "MetadataOverrides",
    "NotModified",
    "TextMetadata",
    "Validators",
    "expand_sources",
    "fetch_document",
    "is_address",
    "iter_documents",
    "link_pattern",
    "load_document",
    "load_page",
    "parse_feed",
    "read_feed",
    "read_text_metadata",
    "screen_address",
    "user_agent",
]
