"""robots.txt: what a site allows Accord to fetch, read once per site and kept a while."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.robotparser import RobotFileParser

# A robots.txt bigger than this is cut here (RFC 9309 asks crawlers to read 500 KiB).
ROBOTS_MAX_BYTES = 512_000
# A Crawl-delay above this is read as this: a site asking for an hour between pages
# would otherwise stall a whole poll.
MAX_CRAWL_DELAY = 30.0


@dataclass(frozen=True)
class RobotsRules:
    """One site's rules. ``unavailable`` says why everything is refused (a 5xx answer)."""

    parser: RobotFileParser | None = None
    unavailable: str | None = None

    @classmethod
    def parse(cls, text: str) -> RobotsRules:
        parser = RobotFileParser()
        parser.parse(text.splitlines())
        return cls(parser=parser)

    def allows(self, agent: str, url: str) -> bool:
        if self.unavailable is not None:
            return False
        return self.parser is None or self.parser.can_fetch(agent, url)

    def crawl_delay(self, agent: str) -> float | None:
        if self.parser is None:
            return None
        delay = self.parser.crawl_delay(agent)
        return None if delay is None else min(float(delay), MAX_CRAWL_DELAY)


ALLOW_ALL = RobotsRules()


class RobotsCache:
    """Each site's rules, loaded on first use and kept for ``ttl`` seconds.

    A site's rules are loaded by one thread at a time; other sites are not held up.
    """

    def __init__(self, ttl: float, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.ttl = ttl
        self._clock = clock
        self._rules: dict[str, tuple[RobotsRules, float]] = {}
        self._site_locks: dict[str, threading.Lock] = {}
        self._lock = threading.Lock()

    def rules(self, site: str, load: Callable[[], RobotsRules]) -> RobotsRules:
        """``site``'s rules (``scheme://host:port``), calling ``load`` when none are fresh."""
        with self._lock:
            site_lock = self._site_locks.setdefault(site, threading.Lock())
        with site_lock:
            cached = self._rules.get(site)
            if cached is not None and cached[1] > self._clock():
                return cached[0]
            rules = load()
            self._rules[site] = (rules, self._clock() + self.ttl)
            return rules
