"""What fetching an address gives: a page with its bytes, or word that it has not changed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Validators:
    """What a server said identifies a response, sent back to ask "has it changed?"."""

    etag: str | None = None
    last_modified: str | None = None

    def headers(self) -> dict[str, str]:
        """The conditional request headers these validators make."""
        found: dict[str, str] = {}
        if self.etag:
            found["If-None-Match"] = self.etag
        if self.last_modified:
            found["If-Modified-Since"] = self.last_modified
        return found


@dataclass(frozen=True)
class FetchedPage:
    """A response body as received, from ``url`` (the address after redirects)."""

    address: str
    url: str
    content: bytes
    media_type: str | None
    charset: str | None
    validators: Validators
    fetched_at: dt.datetime


@dataclass(frozen=True)
class NotModified:
    """The server answered 304: what was fetched before with these validators still holds."""

    address: str
    url: str
    fetched_at: dt.datetime
