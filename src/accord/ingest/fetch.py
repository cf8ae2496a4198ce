"""Polite, safe HTTP(S) fetching: one address to its bytes, or a one-line IngestError.

Polite: a User-Agent naming Accord, robots.txt honoured (with its Crawl-delay), a pause
between requests to one host, conditional requests. Safe: only http and https, public
addresses unless allowed (checked at every connection, so on every redirect too), a
bounded number of redirects, timeouts, and a size limit enforced while the body streams.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass
from types import TracebackType

import httpx

from accord.errors import IngestError
from accord.ingest.address_policy import AddressPolicy, RefusedAddress, resolve_host
from accord.ingest.fetch_settings import ROBOTS_AGENT, FetchSettings
from accord.ingest.fetched import FetchedPage, NotModified, Validators
from accord.ingest.guarded_transport import GuardedTransport
from accord.ingest.host_rate_limit import HostRateLimit
from accord.ingest.options import readable_size
from accord.ingest.robots_rules import ALLOW_ALL, ROBOTS_MAX_BYTES, RobotsCache, RobotsRules

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_ACCEPT = (
    "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
    "application/xml;q=0.9,text/xml;q=0.9,application/pdf;q=0.8,text/plain;q=0.8,*/*;q=0.5"
)
_PRIVATE_HINT = "only public addresses are fetched unless private addresses are allowed"


@dataclass(frozen=True)
class _Response:
    status: int
    reason: str
    url: httpx.URL
    headers: httpx.Headers
    content: bytes


class Fetcher:
    """Fetches addresses with one connection pool, one robots cache and one pace per host.

    Safe to share between threads; close it (or use it as a context manager) when done.
    """

    def __init__(self, settings: FetchSettings | None = None) -> None:
        self.settings = settings = settings or FetchSettings()
        self._client = httpx.Client(
            transport=GuardedTransport(settings.policy),
            timeout=httpx.Timeout(
                connect=settings.connect_timeout,
                read=settings.read_timeout,
                write=settings.read_timeout,
                pool=settings.connect_timeout,
            ),
            headers={"User-Agent": settings.user_agent, "Accept": _ACCEPT},
            follow_redirects=False,
            trust_env=False,
        )
        self._pace = HostRateLimit(settings.host_interval)
        self._robots = RobotsCache(settings.robots_ttl)

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def fetch(
        self, address: str, validators: Validators | None = None
    ) -> FetchedPage | NotModified:
        """The body at ``address`` (after redirects), or NotModified when ``validators`` still hold.

        Raises an IngestError naming ``address`` for anything else: a refused address,
        robots.txt disallowing it, an HTTP error status, a timeout, a body over the limit.
        """
        conditional = (validators or Validators()).headers()
        url = _checked_url(address)
        response = self._follow(address, url, conditional, obey_robots=True)
        fetched_at = dt.datetime.now(dt.UTC)
        if response.status == 304:
            return NotModified(address=address, url=str(response.url), fetched_at=fetched_at)
        if not 200 <= response.status < 300:
            problem = f"HTTP {response.status} {response.reason}".rstrip()
            if response.status in REDIRECT_STATUSES:
                problem += " without a Location to follow"
            if response.url != url:
                problem = f"(redirected to {response.url}) {problem}"
            raise IngestError(address, problem)
        content_type = response.headers.get("content-type", "")
        media_type = content_type.split(";", 1)[0].strip().lower() or None
        return FetchedPage(
            address=address,
            url=str(response.url),
            content=response.content,
            media_type=media_type,
            charset=_charset(content_type),
            validators=Validators(
                etag=response.headers.get("etag"),
                last_modified=response.headers.get("last-modified"),
            ),
            fetched_at=fetched_at,
        )

    def _follow(
        self,
        address: str,
        url: httpx.URL,
        headers: dict[str, str],
        *,
        obey_robots: bool,
        max_bytes: int | None = None,
    ) -> _Response:
        """GET ``url``, following redirects; each hop is checked and paced on its own."""
        origin = url
        for _hop in range(self.settings.max_redirects + 1):
            where = "" if url == origin else f"(redirected to {url}) "
            delay = self._check_robots(address, url, where) if obey_robots else None
            self._pace.wait(_site(url), delay)
            response = self._exchange(address, url, where, headers, max_bytes)
            location = response.headers.get("location")
            if response.status not in REDIRECT_STATUSES or not location:
                return response
            url = _redirect_target(address, url, location)
        raise IngestError(address, f"too many redirects (more than {self.settings.max_redirects})")

    def _exchange(
        self,
        address: str,
        url: httpx.URL,
        where: str,
        headers: dict[str, str],
        max_bytes: int | None,
    ) -> _Response:
        try:
            with self._client.stream("GET", url, headers=headers) as response:
                content = b""
                if 200 <= response.status_code < 300:
                    content = self._read_body(address, where, response, max_bytes)
                return _Response(
                    response.status_code, response.reason_phrase, url, response.headers, content
                )
        except RefusedAddress as exc:
            raise IngestError(address, f"{where}refused: {exc}; {_PRIVATE_HINT}") from exc
        except httpx.TimeoutException as exc:
            raise IngestError(address, where + _timeout_problem(exc, self.settings)) from exc
        except httpx.HTTPError as exc:
            raise IngestError(address, f"{where}cannot fetch ({exc})") from exc

    def _read_body(
        self, address: str, where: str, response: httpx.Response, max_bytes: int | None
    ) -> bytes:
        """The body, refused as soon as it passes the size limit or the total time.

        ``max_bytes`` given means "cut the body there" (robots.txt); otherwise a body
        over the fetch limit is an error.
        """
        limit = self.settings.max_bytes if max_bytes is None else max_bytes
        declared = response.headers.get("content-length", "")
        too_large = f"{where}too large (the limit is {readable_size(limit)})"
        if max_bytes is None and declared.isdigit() and int(declared) > limit:
            raise IngestError(address, too_large)
        deadline = time.monotonic() + self.settings.total_timeout
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            chunks.append(chunk)
            if size > limit:
                if max_bytes is None:
                    raise IngestError(address, too_large)
                break
            if time.monotonic() > deadline:
                problem = f"took longer than {self.settings.total_timeout:g}s to arrive"
                raise IngestError(address, where + problem)
        return b"".join(chunks)[:limit]

    def _check_robots(self, address: str, url: httpx.URL, where: str) -> float | None:
        """Raise unless the site's robots.txt lets Accord fetch ``url``; its Crawl-delay."""
        site = _site(url)
        rules = self._robots.rules(site, lambda: self._load_robots(address, url, where))
        if not rules.allows(ROBOTS_AGENT, str(url)):
            why = rules.unavailable or f"the robots.txt of {url.host} disallows it for Accord"
            raise IngestError(address, f"{where}not fetched: {why}")
        return rules.crawl_delay(ROBOTS_AGENT)

    def _load_robots(self, address: str, url: httpx.URL, where: str) -> RobotsRules:
        # RFC 9309: a 4xx answer means no rules; a 5xx or no answer means "assume all
        # is disallowed" until the site answers.
        robots_url = url.copy_with(path="/robots.txt", query=None, fragment=None)
        try:
            response = self._follow(
                address, robots_url, {}, obey_robots=False, max_bytes=ROBOTS_MAX_BYTES
            )
        except IngestError as exc:
            if isinstance(exc.__cause__, RefusedAddress):
                raise IngestError(address, where + exc.problem) from exc.__cause__
            problem = f"{where}robots.txt could not be read ({exc.problem})"
            raise IngestError(address, problem) from exc
        if 200 <= response.status < 300:
            return RobotsRules.parse(response.content.decode("utf-8", errors="replace"))
        if response.status >= 500:
            return RobotsRules(unavailable=f"robots.txt answered HTTP {response.status}")
        return ALLOW_ALL


def _checked_url(address: str) -> httpx.URL:
    """``address`` as a URL, refused unless it is an absolute http(s) address with a host."""
    try:
        url = httpx.URL(address.strip())
    except httpx.InvalidURL as exc:
        raise IngestError(address, f"not a valid address ({exc})") from exc
    if url.scheme not in ("http", "https"):
        raise IngestError(address, "only http:// and https:// addresses are fetched")
    if not url.host:
        raise IngestError(address, "the address names no host")
    if url.userinfo:
        raise IngestError(address, "addresses with a user name or password are not fetched")
    return url.copy_with(fragment=None)


def _redirect_target(address: str, url: httpx.URL, location: str) -> httpx.URL:
    try:
        target = url.join(location)
    except httpx.InvalidURL as exc:
        raise IngestError(address, f"redirected to an invalid address ({location})") from exc
    if target.scheme not in ("http", "https"):
        raise IngestError(address, f"redirected to {target}, which is not an http(s) address")
    return target.copy_with(fragment=None)


def _site(url: httpx.URL) -> str:
    port = url.port or (443 if url.scheme == "https" else 80)
    return f"{url.scheme}://{url.host}:{port}"


def _timeout_problem(exc: httpx.TimeoutException, settings: FetchSettings) -> str:
    if isinstance(exc, httpx.ConnectTimeout | httpx.PoolTimeout):
        return f"timed out connecting (after {settings.connect_timeout:g}s)"
    return f"timed out waiting for the server (no data for {settings.read_timeout:g}s)"


def _charset(content_type: str) -> str | None:
    for parameter in content_type.split(";")[1:]:
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            return value.strip().strip('"').lower()
    return None


def screen_address(address: str, policy: AddressPolicy) -> str:
    """``address`` tidied, or an IngestError saying why it would not be fetched.

    For checking an address when it is given (a web form, ``sources add``), before
    anything is queued: the scheme and host, and every address the host resolves to
    against ``policy``. Fetching checks again at every connection.
    """
    url = _checked_url(address)
    host = url.host
    try:
        addresses = resolve_host(host, url.port or (443 if url.scheme == "https" else 80))
    except (OSError, UnicodeError) as exc:
        raise IngestError(address, f"cannot resolve the host name {host}") from exc
    try:
        policy.check(host, addresses)
    except RefusedAddress as exc:
        raise IngestError(address, f"refused: {exc}; {_PRIVATE_HINT}") from exc
    return str(url)
