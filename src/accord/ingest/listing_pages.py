"""A listing page (a ministry's press-release index): the links whose address fits a pattern."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit, urlunsplit


@dataclass(frozen=True)
class ListedLink:
    url: str
    text: str | None


def listed_links(html: str, base_url: str, pattern: re.Pattern[str]) -> list[ListedLink]:
    """Each absolute http(s) link of the page that ``pattern`` finds, once, in page order.

    Links are made absolute against the page's address (or its ``<base href>``) and
    lose their fragment before the pattern is applied; the link's text is its title.
    """
    collector = _LinkCollector()
    collector.feed(html)
    collector.close()
    base = urljoin(base_url, collector.base) if collector.base else base_url
    found: dict[str, ListedLink] = {}
    for href, text in collector.links:
        url = absolute_http_url(base, href)
        if url is None or not pattern.search(url):
            continue
        if url not in found or (found[url].text is None and text):
            found[url] = ListedLink(url=url, text=text or None)
    return list(found.values())


def absolute_http_url(base: str, href: str) -> str | None:
    """``href`` made absolute against ``base``, without its fragment; None unless http(s)."""
    parts = urlsplit(urljoin(base, href.strip()))
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return urlunsplit(parts._replace(fragment=""))


class _LinkCollector(HTMLParser):
    """``<a href>`` links with their text, and the first ``<base href>``."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str]] = []
        self.base: str | None = None
        self._href: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        href = dict(attrs).get("href")
        if tag == "base" and self.base is None and href:
            self.base = href
        elif tag == "a":
            self._finish()
            self._href = href
            self._text = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "a":
            self._finish()

    def handle_data(self, data: str) -> None:
        if self._href is not None:
            self._text.append(data)

    def close(self) -> None:
        super().close()
        self._finish()

    def _finish(self) -> None:
        if self._href:
            self.links.append((self._href, " ".join(" ".join(self._text).split())))
        self._href = None
        self._text = []
