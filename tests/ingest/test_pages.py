"""Fetched pages read as documents: the article, the page's metadata, the final address."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from accord.errors import IngestError
from accord.ingest import Fetcher, MetadataOverrides, load_page
from accord.ingest.fetched import FetchedPage

from .conftest import MakePdf
from .local_site import LocalSite, Reply
from .samples import ENGLISH, article_page


def fetch_page(fetcher: Fetcher, address: str) -> FetchedPage:
    page = fetcher.fetch(address)
    assert isinstance(page, FetchedPage)
    return page


def test_load_page_reads_the_article_and_its_metadata(
    fetcher: Fetcher, local_site: LocalSite
) -> None:
    final = local_site.serve("/news/2025/11/28/mous", article_page())
    address = local_site.redirect("/s/1", final, 301)
    page = fetch_page(fetcher, address)
    document = load_page(page)
    assert document.kind == "html"
    assert f"ISLAMABAD: {ENGLISH}" in document.text
    assert "Home" not in document.text and "Copyright" not in document.text
    assert (document.title, document.outlet) == ("Pakistan, Russia sign three MoUs", "Dawn")
    assert document.published == dt.date(2025, 11, 28)
    assert (document.source, document.url) == (address, final)
    assert document.fetched_at == page.fetched_at
    assert document.raw == article_page().encode()


def test_load_page_raw_bytes_stay_out_of_the_record(
    fetcher: Fetcher, local_site: LocalSite
) -> None:
    document = load_page(fetch_page(fetcher, local_site.serve("/news/1", article_page())))
    dumped = document.model_dump(mode="json")
    assert "raw" not in dumped
    assert dumped["fetched_at"] == document.fetched_at.isoformat().replace("+00:00", "Z")


def test_load_page_overrides_win(fetcher: Fetcher, local_site: LocalSite) -> None:
    page = fetch_page(fetcher, local_site.serve("/news/1", article_page()))
    overrides = MetadataOverrides(outlet="APP", url="https://app.example/1")
    document = load_page(page, overrides)
    assert (document.outlet, document.url) == ("APP", "https://app.example/1")


def test_load_page_date_from_the_address_when_the_markup_has_none(
    fetcher: Fetcher, local_site: LocalSite
) -> None:
    address = local_site.serve("/news/2025/11/28/talks", article_page(published=None))
    assert load_page(fetch_page(fetcher, address)).published == dt.date(2025, 11, 28)


def test_load_page_plain_text_in_its_declared_charset(
    fetcher: Fetcher, local_site: LocalSite
) -> None:
    text = f"Moscow café talks. {ENGLISH}"
    reply = Reply(body=text.encode("latin-1"), content_type="text/plain; charset=iso-8859-1")
    document = load_page(fetch_page(fetcher, local_site.serve("/note", reply)))
    assert (document.kind, document.text) == ("text", text)


def test_load_page_pdf_by_media_type(
    fetcher: Fetcher, local_site: LocalSite, make_pdf: MakePdf
) -> None:
    pdf: Path = make_pdf("protocol.pdf", [[ENGLISH[:90], ENGLISH[90:]]])
    reply = Reply(body=pdf.read_bytes(), content_type="application/pdf")
    document = load_page(fetch_page(fetcher, local_site.serve("/download?id=7", reply)))
    assert document.kind == "pdf"
    assert "reaffirmed their resolve" in document.text


def test_load_page_unknown_type_read_by_suffix(fetcher: Fetcher, local_site: LocalSite) -> None:
    reply = Reply(body=ENGLISH.encode(), content_type="application/octet-stream")
    document = load_page(fetch_page(fetcher, local_site.serve("/files/note.txt", reply)))
    assert document.kind == "text"


@pytest.mark.parametrize(
    ("reply", "problem"),
    [
        (
            Reply(body=b"\x89PNG....", content_type="image/png"),
            "unsupported content type (image/png); pages, PDF and DOCX files are read",
        ),
        (Reply(body=b"   ", content_type="text/html"), "empty response (no content)"),
        (
            Reply(body=b"<html><body><nav>Home</nav></body></html>"),
            "no article text found",
        ),
    ],
    ids=["image", "empty", "no-article"],
)
def test_load_page_unreadable_pages_name_the_address(
    fetcher: Fetcher, local_site: LocalSite, reply: Reply, problem: str
) -> None:
    address = local_site.serve("/thing", reply)
    with pytest.raises(IngestError) as caught:
        load_page(fetch_page(fetcher, address))
    assert str(caught.value) == f"{address}: {problem}"
