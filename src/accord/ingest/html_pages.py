"""HTML pages: the main article text and the page's own metadata, through trafilatura."""

from __future__ import annotations

import datetime as dt
import re

import trafilatura
from trafilatura.settings import Document

from accord.errors import IngestError
from accord.ingest.found_metadata import FoundMetadata, clean_value
from accord.ingest.loaded_text import LoadedText, join_blocks

# Fewer words than this is navigation or a stub, not an article: trafilatura falls back
# to whatever text a page has when it finds no main content.
MIN_ARTICLE_WORDS = 20
# Dates only from the page's markup and URL: a search of the body text guesses.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}
_HOST_NAME = re.compile(r"(?:[a-z0-9-]+\.)+[a-z]{2,}", re.IGNORECASE)


def read_html_page(data: bytes, source: str, *, url: str | None = None) -> LoadedText:
    """The article text of an HTML page, one paragraph per block, and its metadata.

    ``url`` is the address the page was fetched from, when it was: it gives the site's
    host when the page names no site, and a date when the address carries one.
    """
    if b"\x00" in data:
        raise IngestError(source, "binary file (contains NUL bytes), not HTML")
    page = trafilatura.bare_extraction(
        data,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        date_extraction_params=_DATE_PARAMS,
    )
    text = join_blocks((page.text or "").split("\n")) if isinstance(page, Document) else ""
    if not isinstance(page, Document) or len(text.split()) < MIN_ARTICLE_WORDS:
        raise IngestError(source, "no article text found")
    sitename = clean_value(page.sitename)
    # Without a declared site name trafilatura names the site after its host: weaker
    # evidence of the outlet than a "Published in ..." line in the text.
    from_host = sitename is not None and _HOST_NAME.fullmatch(sitename) is not None
    return LoadedText(
        text=text,
        metadata=FoundMetadata(
            title=clean_value(page.title),
            outlet=None if from_host else sitename,
            url=clean_value(page.url),
            published=_page_date(page.date),
        ),
        fallback=FoundMetadata(outlet=sitename if from_host else None),
    )


def _page_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
