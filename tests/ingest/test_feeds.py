"""Feeds served on 127.0.0.1: RSS, Atom, sitemaps, sitemap indexes and listing pages."""

from __future__ import annotations

import datetime as dt

import pytest

from accord.errors import ConfigError, IngestError
from accord.ingest import Feed, FeedEntry, Fetcher, NotModified, link_pattern, parse_feed, read_feed

from .local_site import LocalSite, Reply

RSS = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Ministry of Foreign Affairs</title>
<link>https://mofa.example/</link><description>Press releases</description>
<item><title>Pakistan and Russia hold the 10th IGC</title><link>/press/10th-igc</link>
<pubDate>Fri, 28 Nov 2025 07:00:00 GMT</pubDate></item>
<item><title>Weekly briefing</title><link>https://mofa.example/press/briefing#top</link>
<pubDate>Thu, 27 Nov 2025 10:00:00 GMT</pubDate></item>
<item><title>No link at all</title></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Trade Monitor</title>
<id>urn:trade-monitor</id><updated>2025-12-02T00:00:00Z</updated>
<entry><title>Kazakhstan and Uzbekistan sign a roadmap</title>
<link href="https://monitor.example/2025/12/roadmap"/><id>urn:1</id>
<updated>2025-12-01T09:00:00Z</updated></entry>
<entry><title>Markets</title><link href="https://monitor.example/markets"/><id>urn:2</id>
<published>2025-11-30T09:00:00Z</published><updated>2025-12-02T09:00:00Z</updated></entry>
</feed>"""

SITEMAP = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>https://news.example/2025/igc-session</loc><lastmod>2025-11-28T07:00:00+05:00</lastmod>
<news:news><news:publication_date>2025-11-27</news:publication_date>
<news:title>IGC session ends with three MoUs</news:title></news:news></url>
<url><loc>https://news.example/about</loc></url>
</urlset>"""


def sitemap_of(*urls: str) -> bytes:
    items = "".join(f"<url><loc>{url}</loc></url>" for url in urls)
    return (
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"{items}</urlset>"
    ).encode()


def read(fetcher: Fetcher, address: str, pattern: str | None = None) -> Feed:
    feed = read_feed(fetcher, address, pattern=link_pattern(pattern) if pattern else None)
    assert isinstance(feed, Feed)
    return feed


def test_read_feed_rss_entries(fetcher: Fetcher, local_site: LocalSite) -> None:
    address = local_site.serve("/rss", Reply(body=RSS, content_type="application/rss+xml"))
    feed = read(fetcher, address)
    assert (feed.kind, feed.title, feed.url) == ("rss", "Ministry of Foreign Affairs", address)
    assert feed.entries == (
        FeedEntry(
            local_site.url("/press/10th-igc"),
            "Pakistan and Russia hold the 10th IGC",
            dt.date(2025, 11, 28),
        ),
        FeedEntry("https://mofa.example/press/briefing", "Weekly briefing", dt.date(2025, 11, 27)),
    )


def test_read_feed_atom_entries(fetcher: Fetcher, local_site: LocalSite) -> None:
    address = local_site.serve("/atom", Reply(body=ATOM, content_type="application/atom+xml"))
    feed = read(fetcher, address)
    assert (feed.kind, feed.title) == ("atom", "Trade Monitor")
    assert feed.entries == (
        FeedEntry(
            "https://monitor.example/2025/12/roadmap",
            "Kazakhstan and Uzbekistan sign a roadmap",
            dt.date(2025, 12, 1),
        ),
        FeedEntry("https://monitor.example/markets", "Markets", dt.date(2025, 11, 30)),
    )


def test_read_feed_sitemap_entries_with_news_titles(
    fetcher: Fetcher, local_site: LocalSite
) -> None:
    address = local_site.serve("/sitemap.xml", Reply(body=SITEMAP, content_type="application/xml"))
    feed = read(fetcher, address)
    assert feed.kind == "sitemap"
    assert feed.entries == (
        FeedEntry(
            "https://news.example/2025/igc-session",
            "IGC session ends with three MoUs",
            dt.date(2025, 11, 27),
        ),
        FeedEntry("https://news.example/about"),
    )


def test_read_feed_sitemap_index_reads_each_sitemap(
    fetcher: Fetcher, local_site: LocalSite
) -> None:
    local_site.serve("/sitemap-1.xml", Reply(body=sitemap_of("https://a.example/1")))
    local_site.serve("/sitemap-2.xml", Reply(body=sitemap_of("https://a.example/2")))
    index = (
        b'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        b"<sitemap><loc>/sitemap-1.xml</loc></sitemap>"
        b"<sitemap><loc>/sitemap-2.xml</loc><lastmod>2025-11-01</lastmod></sitemap>"
        b"<sitemap><loc>/sitemap-missing.xml</loc></sitemap></sitemapindex>"
    )
    feed = read(fetcher, local_site.serve("/sitemap.xml", Reply(body=index)))
    assert [entry.url for entry in feed.entries] == ["https://a.example/1", "https://a.example/2"]
    assert feed.problems == (f"{local_site.url('/sitemap-missing.xml')}: HTTP 404 Not Found",)


def test_read_feed_listing_page_links_by_pattern(fetcher: Fetcher, local_site: LocalSite) -> None:
    listing = """<html><head><title>Press releases</title></head><body>
    <a href="/press/2025/11/igc-10">The 10th IGC <b>concludes</b></a>
    <a href="/press/2025/11/igc-10#comments">comments</a>
    <a href="/about">About us</a>
    <a href="https://mofa.example/press/2025/12/jwg">Joint working group</a>
    <a href="mailto:press@mofa.example">Write to us</a>
    </body></html>"""
    feed = read(fetcher, local_site.serve("/press", listing), r"/press/\d{4}/")
    assert feed.kind == "listing"
    assert feed.entries == (
        FeedEntry(local_site.url("/press/2025/11/igc-10"), "The 10th IGC concludes"),
        FeedEntry("https://mofa.example/press/2025/12/jwg", "Joint working group"),
    )


def test_read_feed_pattern_narrows_a_feed(fetcher: Fetcher, local_site: LocalSite) -> None:
    address = local_site.serve("/rss", Reply(body=RSS, content_type="application/rss+xml"))
    feed = read(fetcher, address, "igc")
    assert [entry.title for entry in feed.entries] == ["Pakistan and Russia hold the 10th IGC"]


def test_read_feed_not_modified(fetcher: Fetcher, local_site: LocalSite) -> None:
    address = local_site.serve("/rss", Reply(body=RSS, etag='"rss-1"'))
    first = read(fetcher, address)
    assert isinstance(read_feed(fetcher, address, validators=first.validators), NotModified)


def test_read_feed_page_without_pattern_is_not_a_feed(
    fetcher: Fetcher, local_site: LocalSite
) -> None:
    address = local_site.serve("/press", "<html><body><a href='/x'>x</a></body></html>")
    with pytest.raises(IngestError) as caught:
        read_feed(fetcher, address)
    assert str(caught.value) == (
        f"{address}: not a feed (RSS, Atom or a sitemap); a listing page needs a link pattern"
    )


def test_parse_feed_never_reads_a_local_file_named_by_the_body() -> None:
    # feedparser opens a string that names a file; Accord hands it bytes as a stream.
    with pytest.raises(IngestError, match="not a feed"):
        parse_feed(b"/etc/hostname", "https://feeds.example/rss")


def test_parse_feed_sitemap_with_a_doctype_is_refused() -> None:
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE urlset [<!ENTITY a "aaaaaaaa">]>'
        b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>&a;</loc></url>'
        b"</urlset>"
    )
    with pytest.raises(IngestError, match="sitemap with a DOCTYPE"):
        parse_feed(bomb, "https://news.example/sitemap.xml")


def test_link_pattern_bad_regex_is_a_config_error() -> None:
    with pytest.raises(ConfigError) as caught:
        link_pattern("press/(")
    assert str(caught.value).startswith("link pattern 'press/(': not a regular expression")
