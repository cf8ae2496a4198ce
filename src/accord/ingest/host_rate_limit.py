"""A per-host pause between requests, so that fetching many pages never hammers one site."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable


class HostRateLimit:
    """At least ``interval`` seconds between the starts of two requests to one host.

    Safe across threads: each caller reserves the next free slot of its host under a
    lock, then sleeps outside it, so requests to other hosts are never held up.
    """

    def __init__(
        self,
        interval: float,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.interval = interval
        self._clock = clock
        self._sleep = sleep
        self._next_free: dict[str, float] = {}
        self._lock = threading.Lock()

    def wait(self, host: str, interval: float | None = None) -> float:
        """Wait for ``host``'s turn (``interval`` overrides the default); the seconds waited."""
        gap = self.interval if interval is None else max(self.interval, interval)
        with self._lock:
            now = self._clock()
            start = max(now, self._next_free.get(host, now))
            self._next_free[host] = start + gap
        waited = start - now
        if waited > 0:
            self._sleep(waited)
        return waited
