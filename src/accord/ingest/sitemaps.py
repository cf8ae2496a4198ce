"""Sitemaps (sitemaps.org): a ``urlset`` of pages or a ``sitemapindex`` of sitemaps.

Read with the standard library's ElementTree (its expat refuses entity expansion
bombs); a document with a DOCTYPE is refused outright, since no sitemap needs one.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass

from accord.errors import IngestError


@dataclass(frozen=True)
class SitemapEntry:
    """A ``<url>`` (or ``<sitemap>``): its address, and a date and title when given."""

    url: str
    published: dt.date | None = None
    title: str | None = None


@dataclass(frozen=True)
class Sitemap:
    """``is_index``: the entries are sitemaps to read in turn, not pages."""

    is_index: bool
    entries: tuple[SitemapEntry, ...]


def sitemap_root(data: bytes) -> str | None:
    """ "urlset" or "sitemapindex" when ``data`` is a sitemap, else None (without parsing all)."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if not head.startswith(b"<"):
        return None
    for root in ("urlset", "sitemapindex"):
        if f"<{root}".encode() in head or f":{root}".encode() in head:
            return root
    return None


def parse_sitemap(data: bytes, source: str) -> Sitemap:
    """The entries of a sitemap or sitemap index, in document order."""
    if b"<!DOCTYPE" in data[:4096].upper():
        raise IngestError(source, "sitemap with a DOCTYPE (refused: sitemaps need none)")
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as exc:
        raise IngestError(source, f"not a readable sitemap ({exc})") from exc
    is_index = _local(root.tag) == "sitemapindex"
    item = "sitemap" if is_index else "url"
    entries = []
    for element in root:
        if _local(element.tag) != item:
            continue
        fields = _fields(element)
        loc = fields.get("loc")
        if loc:
            published = fields.get("publication_date") or fields.get("lastmod")
            entries.append(
                SitemapEntry(url=loc, published=w3c_date(published), title=fields.get("title"))
            )
    return Sitemap(is_index=is_index, entries=tuple(entries))


def w3c_date(value: str | None) -> dt.date | None:
    """The date of a W3C datetime ("2025-11-28", "2025-11-28T07:00:00+05:00"), or None."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def _fields(element: ElementTree.Element) -> dict[str, str]:
    # Children and grandchildren by local name: <loc>, <lastmod>, and Google News'
    # <news:news><news:title>, <news:publication_date>.
    found: dict[str, str] = {}
    for child in element.iter():
        if child is not element and child.text and child.text.strip():
            found.setdefault(_local(child.tag), " ".join(child.text.split()))
    return found


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]
