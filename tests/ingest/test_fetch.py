"""Fetching addresses from a real HTTP server on 127.0.0.1: polite, bounded and safe."""

from __future__ import annotations

import datetime as dt

import pytest

from accord import __version__
from accord.errors import IngestError
from accord.ingest import (
    AddressPolicy,
    Fetcher,
    FetchSettings,
    NotModified,
    Validators,
    screen_address,
)
from accord.ingest.fetched import FetchedPage

from .local_site import LocalSite, Reply, loopback_settings
from .samples import article_page


def fetched_page(
    fetcher: Fetcher, address: str, validators: Validators | None = None
) -> FetchedPage:
    result = fetcher.fetch(address, validators)
    assert isinstance(result, FetchedPage)
    return result


def test_fetch_page_gives_bytes_type_and_time(fetcher: Fetcher, local_site: LocalSite) -> None:
    page = article_page()
    address = local_site.serve("/news/1", page)
    before = dt.datetime.now(dt.UTC)
    result = fetched_page(fetcher, address)
    assert result.content == page.encode()
    assert (result.address, result.url) == (address, address)
    assert (result.media_type, result.charset) == ("text/html", "utf-8")
    assert before <= result.fetched_at <= dt.datetime.now(dt.UTC)


def test_fetch_sends_a_user_agent_naming_accord(fetcher: Fetcher, local_site: LocalSite) -> None:
    fetcher.fetch(local_site.serve("/news/1", article_page()))
    agents = {request.headers["User-Agent"] for request in local_site.requests}
    assert agents == {
        f"Accord/{__version__} (follow-through records of intergovernmental "
        "commissions; honours robots.txt)"
    }


def test_fetch_loopback_refused_unless_allowed(local_site: LocalSite) -> None:
    address = local_site.serve("/news/1", article_page())
    with Fetcher(FetchSettings(host_interval=0.0)) as fetcher, pytest.raises(IngestError) as caught:
        fetcher.fetch(address)
    assert str(caught.value) == (
        f"{address}: refused: 127.0.0.1 is a loopback address; only public addresses are "
        "fetched unless private addresses are allowed"
    )
    assert local_site.requests == []


def test_fetch_loopback_by_name_refused_unless_allowed(local_site: LocalSite) -> None:
    address = local_site.serve("/news/1", article_page())
    with Fetcher(FetchSettings(host_interval=0.0)) as fetcher, pytest.raises(IngestError) as caught:
        fetcher.fetch(local_site.url("/news/1", host="localhost"))
    assert "refused: localhost (" in str(caught.value)
    assert "is a loopback address" in str(caught.value)
    assert local_site.requests == []
    with Fetcher(loopback_settings()) as allowed:
        assert fetched_page(allowed, address).url == address


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
def test_fetch_follows_a_redirect_to_the_final_address(
    fetcher: Fetcher, local_site: LocalSite, status: int
) -> None:
    final = local_site.serve("/news/final", article_page())
    address = local_site.redirect("/news/old", "/news/final", status)
    result = fetched_page(fetcher, address)
    assert (result.address, result.url) == (address, final)


def test_fetch_redirects_are_bounded(local_site: LocalSite) -> None:
    address = local_site.redirect("/loop", "/loop")
    with (
        Fetcher(loopback_settings(max_redirects=3)) as fetcher,
        pytest.raises(IngestError) as caught,
    ):
        fetcher.fetch(address)
    assert str(caught.value) == f"{address}: too many redirects (more than 3)"
    assert local_site.paths().count("/loop") == 4


def test_fetch_redirect_to_a_disallowed_address_is_refused(
    fetcher: Fetcher, local_site: LocalSite
) -> None:
    # Only 127.0.0.1 is allowed: another loopback address is refused before connecting.
    target = local_site.url("/inside", host="127.0.0.2")
    address = local_site.redirect("/out", target)
    with pytest.raises(IngestError) as caught:
        fetcher.fetch(address)
    assert str(caught.value) == (
        f"{address}: (redirected to {target}) refused: 127.0.0.2 is a loopback address; "
        "only public addresses are fetched unless private addresses are allowed"
    )
    assert local_site.paths() == ["/robots.txt", "/out"]


@pytest.mark.parametrize(
    "location", ["ftp://127.0.0.1/file", "file:///etc/passwd", "gopher://127.0.0.1/"]
)
def test_fetch_redirect_to_another_scheme_is_refused(
    fetcher: Fetcher, local_site: LocalSite, location: str
) -> None:
    address = local_site.redirect("/out", location)
    with pytest.raises(IngestError, match=r"which is not an http\(s\) address"):
        fetcher.fetch(address)


@pytest.mark.parametrize(
    ("address", "problem"),
    [
        ("ftp://example.org/report.txt", "only http:// and https:// addresses are fetched"),
        ("file:///etc/passwd", "only http:// and https:// addresses are fetched"),
        ("report.html", "only http:// and https:// addresses are fetched"),
        ("http:///path-only", "the address names no host"),
        ("http://user:secret@127.0.0.1/", "addresses with a user name or password are not fetched"),
    ],
    ids=["ftp", "file", "relative", "no-host", "credentials"],
)
def test_fetch_only_plain_http_addresses(fetcher: Fetcher, address: str, problem: str) -> None:
    with pytest.raises(IngestError) as caught:
        fetcher.fetch(address)
    assert str(caught.value) == f"{address}: {problem}"


def test_fetch_not_modified_by_etag(fetcher: Fetcher, local_site: LocalSite) -> None:
    address = local_site.serve("/feed", Reply(body=b"<rss/>", etag='"v1"'))
    first = fetched_page(fetcher, address)
    assert first.validators == Validators(etag='"v1"')
    second = fetcher.fetch(address, first.validators)
    assert isinstance(second, NotModified)
    assert second.url == address
    assert local_site.requests[-1].headers["If-None-Match"] == '"v1"'


def test_fetch_not_modified_by_last_modified(fetcher: Fetcher, local_site: LocalSite) -> None:
    stamp = "Fri, 28 Nov 2025 07:00:00 GMT"
    address = local_site.serve("/feed", Reply(body=b"<rss/>", last_modified=stamp))
    first = fetched_page(fetcher, address)
    assert first.validators == Validators(last_modified=stamp)
    assert isinstance(fetcher.fetch(address, first.validators), NotModified)
    changed = fetcher.fetch(address, Validators(last_modified="Sat, 1 Nov 2025 07:00:00 GMT"))
    assert isinstance(changed, FetchedPage)


@pytest.mark.parametrize(
    ("status", "problem"),
    [(404, "HTTP 404 Not Found"), (500, "HTTP 500 Internal Server Error"), (410, "HTTP 410 Gone")],
)
def test_fetch_error_status_names_the_address(
    fetcher: Fetcher, local_site: LocalSite, status: int, problem: str
) -> None:
    address = local_site.serve("/gone", Reply(body=b"no", status=status))
    with pytest.raises(IngestError) as caught:
        fetcher.fetch(address)
    assert str(caught.value) == f"{address}: {problem}"


def test_fetch_error_after_a_redirect_names_where(fetcher: Fetcher, local_site: LocalSite) -> None:
    address = local_site.redirect("/old", "/missing")
    with pytest.raises(IngestError) as caught:
        fetcher.fetch(address)
    assert str(caught.value) == (
        f"{address}: (redirected to {local_site.url('/missing')}) HTTP 404 Not Found"
    )


def test_fetch_slow_server_times_out(local_site: LocalSite) -> None:
    address = local_site.serve("/slow", Reply(body=b"late", delay=30.0))
    settings = loopback_settings(read_timeout=0.3)
    with Fetcher(settings) as fetcher, pytest.raises(IngestError) as caught:
        fetcher.fetch(address)
    assert str(caught.value) == f"{address}: timed out waiting for the server (no data for 0.3s)"


def test_fetch_huge_body_stops_at_the_size_limit(local_site: LocalSite) -> None:
    address = local_site.serve("/huge", Reply(stream_bytes=50_000_000))
    with (
        Fetcher(loopback_settings(max_bytes=1_000_000)) as fetcher,
        pytest.raises(IngestError) as caught,
    ):
        fetcher.fetch(address)
    assert str(caught.value) == f"{address}: too large (the limit is 1.0 MB)"


def test_fetch_declared_size_over_the_limit_is_refused_unread(local_site: LocalSite) -> None:
    address = local_site.serve("/big", Reply(body=b"x" * 20_000))
    with (
        Fetcher(loopback_settings(max_bytes=10_000)) as fetcher,
        pytest.raises(IngestError, match=r"too large \(the limit is 10\.0 kB\)"),
    ):
        fetcher.fetch(address)


def test_fetch_robots_disallow_is_honoured(fetcher: Fetcher, local_site: LocalSite) -> None:
    local_site.serve(
        "/robots.txt",
        Reply(body=b"User-agent: *\nDisallow: /private/\n", content_type="text/plain"),
    )
    allowed = local_site.serve("/news/1", article_page())
    refused = local_site.serve("/private/1", article_page())
    assert fetched_page(fetcher, allowed).url == allowed
    with pytest.raises(IngestError) as caught:
        fetcher.fetch(refused)
    assert str(caught.value) == (
        f"{refused}: not fetched: the robots.txt of 127.0.0.1 disallows it for Accord"
    )
    assert local_site.paths() == ["/robots.txt", "/news/1"]


def test_fetch_robots_rules_for_accord_by_name(fetcher: Fetcher, local_site: LocalSite) -> None:
    rules = b"User-agent: Accord\nDisallow: /\n\nUser-agent: *\nAllow: /\n"
    local_site.serve("/robots.txt", Reply(body=rules, content_type="text/plain"))
    with pytest.raises(IngestError, match="disallows it for Accord"):
        fetcher.fetch(local_site.serve("/news/1", article_page()))


def test_fetch_robots_read_once_per_site(fetcher: Fetcher, local_site: LocalSite) -> None:
    local_site.serve("/robots.txt", Reply(body=b"User-agent: *\nAllow: /\n"))
    for number in range(3):
        fetcher.fetch(local_site.serve(f"/news/{number}", article_page()))
    assert local_site.paths() == ["/robots.txt", "/news/0", "/news/1", "/news/2"]


def test_fetch_robots_server_error_refuses_the_site(
    fetcher: Fetcher, local_site: LocalSite
) -> None:
    local_site.serve("/robots.txt", Reply(body=b"down", status=503))
    address = local_site.serve("/news/1", article_page())
    with pytest.raises(IngestError) as caught:
        fetcher.fetch(address)
    assert str(caught.value) == f"{address}: not fetched: robots.txt answered HTTP 503"
    assert local_site.paths() == ["/robots.txt"]


def test_screen_address_refuses_loopback_unless_allowed(local_site: LocalSite) -> None:
    address = local_site.url("/news/1")
    with pytest.raises(IngestError) as caught:
        screen_address(address, AddressPolicy())
    assert "refused: 127.0.0.1 is a loopback address" in str(caught.value)
    assert screen_address(f" {address}#top ", AddressPolicy(allow_private=True)) == address
    with pytest.raises(IngestError, match="only http:// and https://"):
        screen_address("file:///etc/passwd", AddressPolicy(allow_private=True))
    assert local_site.requests == []
