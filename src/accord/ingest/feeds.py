"""Feeds: what a source lists, as entries (address, title, date).

A source is an RSS or Atom feed (read with feedparser), a sitemap or sitemap index,
or a listing page whose links are picked by a pattern. A pattern given with a feed or
a sitemap narrows its entries the same way.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import time
from dataclasses import dataclass
from typing import Literal

import feedparser

from accord.errors import ConfigError, IngestError
from accord.ingest.fetch import Fetcher
from accord.ingest.fetched import FetchedPage, NotModified, Validators
from accord.ingest.listing_pages import absolute_http_url, listed_links
from accord.ingest.sitemaps import parse_sitemap, sitemap_root

FeedKind = Literal["rss", "atom", "sitemap", "listing"]
# A sitemap index names at most this many sitemaps that are read (the newest come first
# in most indexes); the rest are reported, not fetched.
MAX_CHILD_SITEMAPS = 20


@dataclass(frozen=True)
class FeedEntry:
    url: str
    title: str | None = None
    published: dt.date | None = None


@dataclass(frozen=True)
class ParsedFeed:
    """One document's entries; ``sitemaps`` are the sitemaps an index names."""

    kind: FeedKind
    title: str | None
    entries: tuple[FeedEntry, ...]
    sitemaps: tuple[str, ...] = ()


@dataclass(frozen=True)
class Feed:
    """A source as read now: its entries (child sitemaps included), and what went wrong."""

    address: str
    url: str
    kind: FeedKind
    title: str | None
    entries: tuple[FeedEntry, ...]
    validators: Validators
    problems: tuple[str, ...] = ()


def link_pattern(pattern: str) -> re.Pattern[str]:
    """A link pattern as a compiled regular expression, or a ConfigError saying why not."""
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise ConfigError(f"link pattern {pattern!r}: not a regular expression ({exc})") from exc


def parse_feed(data: bytes, url: str, *, pattern: re.Pattern[str] | None = None) -> ParsedFeed:
    """The entries of a feed, sitemap or (with ``pattern``) listing page fetched from ``url``."""
    if sitemap_root(data) is not None:
        sitemap = parse_sitemap(data, url)
        entries = _kept(
            [FeedEntry(_absolute(url, e.url) or "", e.title, e.published) for e in sitemap.entries],
            None if sitemap.is_index else pattern,
        )
        if sitemap.is_index:
            return ParsedFeed("sitemap", None, (), tuple(entry.url for entry in entries))
        return ParsedFeed("sitemap", None, entries)
    parsed = feedparser.parse(
        io.BytesIO(data), response_headers={"content-location": url}, sanitize_html=False
    )
    if parsed.get("version"):
        kind: FeedKind = "atom" if str(parsed.version).startswith("atom") else "rss"
        entries = _kept([_feed_entry(url, entry) for entry in parsed.entries], pattern)
        return ParsedFeed(kind, _clean(parsed.feed.get("title")), entries)
    if pattern is None:
        raise IngestError(
            url, "not a feed (RSS, Atom or a sitemap); a listing page needs a link pattern"
        )
    links = listed_links(data.decode("utf-8", errors="replace"), url, pattern)
    return ParsedFeed("listing", None, tuple(FeedEntry(link.url, link.text) for link in links))


def read_feed(
    fetcher: Fetcher,
    address: str,
    *,
    pattern: re.Pattern[str] | None = None,
    validators: Validators | None = None,
) -> Feed | NotModified:
    """Fetch a source and read its entries; a sitemap index's sitemaps are read in turn.

    NotModified when ``validators`` still hold. A sitemap of an index that cannot be
    read is a problem on the Feed, and the other sitemaps still count.
    """
    fetched = fetcher.fetch(address, validators)
    if isinstance(fetched, NotModified):
        return fetched
    parsed = parse_feed(fetched.content, fetched.url, pattern=pattern)
    entries = list(parsed.entries)
    problems: list[str] = []
    for child in parsed.sitemaps[:MAX_CHILD_SITEMAPS]:
        try:
            entries += _child_sitemap(fetcher, child, pattern)
        except IngestError as exc:
            problems.append(str(exc))
    if len(parsed.sitemaps) > MAX_CHILD_SITEMAPS:
        skipped = len(parsed.sitemaps) - MAX_CHILD_SITEMAPS
        problems.append(
            f"{fetched.url}: {skipped} more sitemaps not read (at most {MAX_CHILD_SITEMAPS})"
        )
    return Feed(
        address=address,
        url=fetched.url,
        kind=parsed.kind,
        title=parsed.title,
        entries=_unique(entries),
        validators=fetched.validators,
        problems=tuple(problems),
    )


def _child_sitemap(
    fetcher: Fetcher, address: str, pattern: re.Pattern[str] | None
) -> tuple[FeedEntry, ...]:
    fetched = fetcher.fetch(address)
    assert isinstance(fetched, FetchedPage)  # no validators were sent
    if sitemap_root(fetched.content) is None:
        raise IngestError(address, "named by a sitemap index but not a sitemap")
    parsed = parse_feed(fetched.content, fetched.url, pattern=pattern)
    if parsed.sitemaps:
        raise IngestError(address, "a sitemap index inside a sitemap index (not followed)")
    return parsed.entries


def _feed_entry(base: str, entry: feedparser.FeedParserDict) -> FeedEntry:
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    published = dt.date(*stamp[:3]) if isinstance(stamp, time.struct_time) else None
    return FeedEntry(
        _absolute(base, entry.get("link")) or "", _clean(entry.get("title")), published
    )


def _kept(entries: list[FeedEntry], pattern: re.Pattern[str] | None) -> tuple[FeedEntry, ...]:
    """Entries with an http(s) address (that ``pattern`` finds, when given), each once."""
    return _unique(
        [e for e in entries if e.url and (pattern is None or pattern.search(e.url) is not None)]
    )


def _unique(entries: list[FeedEntry]) -> tuple[FeedEntry, ...]:
    seen: set[str] = set()
    unique: list[FeedEntry] = []
    for entry in entries:
        if entry.url not in seen:
            seen.add(entry.url)
            unique.append(entry)
    return tuple(unique)


def _absolute(base: str, link: object) -> str | None:
    return absolute_http_url(base, link) if isinstance(link, str) and link.strip() else None


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    return " ".join(value.split()) or None
