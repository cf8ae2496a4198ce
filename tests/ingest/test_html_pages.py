"""HTML pages: article text without boilerplate, and the page's metadata."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from accord.errors import IngestError
from accord.ingest import load_document

from .samples import ENGLISH

ARTICLE_PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Pakistan, Russia sign three MoUs - Newspaper - DAWN.COM</title>
<meta property="og:title" content="Pakistan, Russia sign three MoUs">
<meta property="og:site_name" content="Dawn">
<meta property="og:url" content="https://www.dawn.com/news/1958000">
<link rel="canonical" href="https://www.dawn.com/news/1958000">
<meta property="article:published_time" content="2025-11-28T07:00:00+05:00">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/business">Business Section Link</a></li>
<li><a href="/sport">Sport Menu Entry</a></li></ul></nav>
<header><div class="site-header">Subscribe to our newsletter today</div></header>
<main><article>
<h1>Pakistan, Russia sign three MoUs</h1>
<p>ISLAMABAD: {english}</p>
<p>At the conclusion of the three-day 10th Pakistan-Russia Intergovernmental Commission,
the two sides also signed three memoranda of understanding.</p>
<p>The two sides also decided to hold the 11th session of the commission in 2026.</p>
</article></main>
<footer><p>Copyright Dawn Media Group footer text. All rights reserved.</p>
<a href="/privacy">Privacy policy</a></footer>
</body></html>
"""


def write(path: Path, html: str) -> Path:
    path.write_text(html, encoding="utf-8")
    return path


def test_load_document_html_article_text_without_boilerplate(tmp_path: Path) -> None:
    document = load_document(write(tmp_path / "page.html", ARTICLE_PAGE.format(english=ENGLISH)))
    assert document.kind == "html"
    assert f"ISLAMABAD: {ENGLISH}" in document.text
    assert "the two sides also signed three memoranda of understanding." in document.text
    for boilerplate in ("Business Section Link", "Sport Menu", "Subscribe", "Copyright", "Privacy"):
        assert boilerplate not in document.text


def test_load_document_html_paragraphs_are_blank_line_separated(tmp_path: Path) -> None:
    document = load_document(write(tmp_path / "page.html", ARTICLE_PAGE.format(english=ENGLISH)))
    paragraphs = document.text.split("\n\n")
    assert paragraphs[0] == "Pakistan, Russia sign three MoUs"
    assert paragraphs[1] == f"ISLAMABAD: {ENGLISH}"
    assert paragraphs[-1] == (
        "The two sides also decided to hold the 11th session of the commission in 2026."
    )
    assert "\n\n\n" not in document.text
    assert not any(line != line.rstrip() for line in document.text.split("\n"))


def test_load_document_html_page_metadata_is_used(tmp_path: Path) -> None:
    document = load_document(write(tmp_path / "page.htm", ARTICLE_PAGE.format(english=ENGLISH)))
    assert document.title == "Pakistan, Russia sign three MoUs"
    assert document.outlet == "Dawn"
    assert document.url == "https://www.dawn.com/news/1958000"
    assert document.published == dt.date(2025, 11, 28)


def test_load_document_html_publication_line_beats_host_name(tmp_path: Path) -> None:
    page = (
        "<html><head><title>Talks</title>"
        "<link rel='canonical' href='https://nation.example.pk/news/talks'></head><body><article>"
        f"<p>{ENGLISH}</p><p>Published in The Nation, December 1st, 2025</p>"
        "</article></body></html>"
    )
    document = load_document(write(tmp_path / "nation.html", page))
    assert document.outlet == "The Nation"
    assert document.published == dt.date(2025, 12, 1)
    assert document.url == "https://nation.example.pk/news/talks"


def test_load_document_html_host_name_is_last_resort_outlet(tmp_path: Path) -> None:
    page = (
        "<html><head><title>Talks</title>"
        "<link rel='canonical' href='https://nation.example.pk/news/talks'></head>"
        f"<body><article><p>{ENGLISH}</p></article></body></html>"
    )
    document = load_document(write(tmp_path / "host.html", page))
    assert document.outlet == "nation.example.pk"


def test_load_document_html_without_article_is_error(tmp_path: Path) -> None:
    page = (
        "<html><head><title>Home</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a> <a href='/about'>About</a></nav>"
        "<footer>Copyright</footer></body></html>"
    )
    path = write(tmp_path / "nav.html", page)
    with pytest.raises(IngestError) as caught:
        load_document(path)
    assert str(caught.value) == f"{path}: no article text found"


def test_load_document_html_binary_is_error(tmp_path: Path) -> None:
    path = tmp_path / "binary.html"
    path.write_bytes(b"<html>\x00\x01\x02</html>")
    with pytest.raises(IngestError) as caught:
        load_document(path)
    assert "binary.html" in str(caught.value)
    assert "binary file (contains NUL bytes)" in str(caught.value)
