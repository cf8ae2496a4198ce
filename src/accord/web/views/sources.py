"""The sources page: each followed source with its last poll, and the entries that wait,
were skipped or failed; adding a source, and the addresses a person gives to ingest."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from pydantic import BaseModel, Field

from accord.errors import IngestError
from accord.ingest import AddressPolicy, link_pattern, screen_address
from accord.store.database import Database
from accord.store.sources import (
    FollowedSourceRow,
    SourceEntryRow,
    add_source,
    list_entries,
    list_sources,
)
from accord.track.source_polls import interval_seconds
from accord.web.errors import WebError
from accord.web.inputs import NoNul
from accord.web.params import Blank

# The entries the page lists when no status is asked for: those a person may act on.
ATTENTION = ("new", "skipped", "error")
# At most this many addresses in one request.
MAX_ADDRESSES = 100


class AddressRefused(WebError):
    """An address the app will not fetch: not http(s), no host, or not a public address."""

    code = "address_refused"


@dataclass(frozen=True)
class SourcesPage:
    sources: list[FollowedSourceRow]
    entries: list[SourceEntryRow]
    status: str | None
    source: str | None


class SourceRequest(BaseModel):
    """A feed to follow: RSS, Atom, a sitemap, or a listing page with a link pattern."""

    name: Annotated[str, NoNul, Field(min_length=1, max_length=200)]
    url: Annotated[str, NoNul, Field(min_length=1, max_length=2000)]
    every: Annotated[
        Annotated[str, NoNul, Field(max_length=20)] | None,
        Blank,
        Field(description="30m, 6h, 1d, 2w"),
    ] = None
    pattern: Annotated[Annotated[str, NoNul, Field(max_length=500)] | None, Blank] = None


def sources_view(
    database: Database, status: str | None, source: str | None, limit: int
) -> SourcesPage:
    statuses = (status,) if status else ATTENTION
    entries = list_entries(database, source=source, statuses=statuses, limit=limit)
    return SourcesPage(list_sources(database), entries, status, source)


def screened(addresses: list[str], policy: AddressPolicy) -> list[str]:
    """The addresses tidied, or AddressRefused naming the first the app will not fetch."""
    given = [address.strip() for address in addresses if address.strip()]
    if not given:
        raise AddressRefused("give at least one address (http:// or https://)")
    if len(given) > MAX_ADDRESSES:
        raise AddressRefused(f"at most {MAX_ADDRESSES} addresses at once")
    try:
        return [screen_address(address, policy) for address in given]
    except IngestError as exc:
        raise AddressRefused(str(exc)) from exc


def follow_source(
    database: Database, request: SourceRequest, policy: AddressPolicy, user: str
) -> FollowedSourceRow:
    """Add a source after checking its address, interval and pattern."""
    [url] = screened([request.url], policy)
    seconds = interval_seconds(request.every) if request.every else None
    if request.pattern:
        link_pattern(request.pattern)
    with database.writing() as session:
        added = add_source(
            session,
            name=request.name,
            url=url,
            pattern=request.pattern,
            every_seconds=seconds,
            added_by=user,
        )
        name = added.name
    return next(row for row in list_sources(database) if row.name == name)
