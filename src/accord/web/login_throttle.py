"""Slowing password guessing: failed logins counted per account and per address.

After ``per_account`` failures for one user name, or ``per_address`` from one
address, within ``window_s`` seconds, further attempts are refused (HTTP 429
with ``Retry-After``) until the oldest failure in the window ages out; the
password is then not even checked. A successful login clears its account's
count. Counts live in the server process: a restart forgets them.
"""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

ACCOUNT_FAILURES = 5
ADDRESS_FAILURES = 20
WINDOW_S = 15 * 60
# Past this many names and addresses, those with no recent failure are forgotten.
MAX_KEYS = 10_000


@dataclass
class LoginThrottle:
    """Failure times per account and per address, oldest first, within the window."""

    per_account: int = ACCOUNT_FAILURES
    per_address: int = ADDRESS_FAILURES
    window_s: float = WINDOW_S
    clock: Callable[[], float] = time.monotonic
    _failures: dict[tuple[str, str], deque[float]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def _keys(self, username: str, address: str) -> list[tuple[tuple[str, str], int]]:
        return [
            (("account", username.lower()), self.per_account),
            (("address", address), self.per_address),
        ]

    def attempt(self, username: str, address: str) -> int | None:
        """Count an attempt as failed until it succeeds; or, when over a limit, the seconds to wait.

        Checking and counting happen under one lock, so parallel guesses cannot
        all slip in before the first is counted.
        """
        now = self.clock()
        with self._lock:
            wait = 0.0
            for key, limit in self._keys(username, address):
                times = self._recent(key, now)
                if len(times) >= limit:
                    wait = max(wait, times[len(times) - limit] + self.window_s - now)
            if wait > 0:
                return max(1, math.ceil(wait))
            for key, _ in self._keys(username, address):
                self._recent(key, now).append(now)
            if len(self._failures) > MAX_KEYS:
                for key in [k for k in self._failures if not self._recent(k, now)]:
                    del self._failures[key]
        return None

    def succeeded(self, username: str, address: str) -> None:
        """The attempt was right: clear the account's failures, and uncount it for the address."""
        with self._lock:
            self._failures.pop(("account", username.lower()), None)
            times = self._failures.get(("address", address))
            if times:
                times.pop()

    def _recent(self, key: tuple[str, str], now: float) -> deque[float]:
        times = self._failures.setdefault(key, deque())
        while times and times[0] <= now - self.window_s:
            times.popleft()
        return times
