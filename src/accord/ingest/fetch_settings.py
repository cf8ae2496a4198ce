"""What a caller can set for fetching: the address policy, limits, timeouts and pacing."""

from __future__ import annotations

from dataclasses import dataclass, field

from accord import __version__
from accord.ingest.address_policy import AddressPolicy

# The product token sites can name in robots.txt ("User-agent: Accord").
ROBOTS_AGENT = "Accord"
FETCH_MAX_BYTES = 10_000_000


def user_agent(contact: str | None = None) -> str:
    """The User-Agent Accord sends: its name and version, what it is, and a contact if set."""
    about = "follow-through records of intergovernmental commissions; honours robots.txt"
    if contact:
        about += f"; +{contact}"
    return f"{ROBOTS_AGENT}/{__version__} ({about})"


@dataclass(frozen=True)
class FetchSettings:
    """Limits and manners of fetching. The defaults suit fetching from public sites.

    ``host_interval`` is the pause between two requests to one host (a site's own
    ``Crawl-delay`` lengthens it); ``total_timeout`` bounds one response however slowly
    it trickles in; ``max_bytes`` bounds a body as received (after decompression).
    """

    policy: AddressPolicy = field(default_factory=AddressPolicy)
    user_agent: str = field(default_factory=user_agent)
    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    total_timeout: float = 120.0
    max_bytes: int = FETCH_MAX_BYTES
    max_redirects: int = 5
    host_interval: float = 1.0
    robots_ttl: float = 3600.0
