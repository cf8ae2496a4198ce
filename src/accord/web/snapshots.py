"""Figures that are costly to compute, served from the last computation and refreshed behind.

The dashboard's scorecard reads every commitment (seconds at 100,000); it is
computed once and served to every request until it is stale: a change was
made through the app, or it grew older than ``max_age`` (changes made by
other processes, such as ``accord ingest``). A stale value that was quick to
compute is computed again at once, so a small record is always exact; a slow
one is served while a background thread computes the next, so no request
waits seconds. Only the very first request for a key waits for a slow value.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

Value = TypeVar("Value")
# Distinct keys kept (one per dashboard filter asked for); the least used go first.
KEYS_KEPT = 32
# A value computed faster than this is recomputed in the request once stale.
QUICK_S = 0.3


class _Entry(Generic[Value]):
    def __init__(self, value: Value, at: float, cost: float) -> None:
        self.value = value
        self.at = at
        self.cost = cost
        self.refreshing = False


class Snapshots(Generic[Value]):
    """Values by key, each recomputed in the background once stale."""

    def __init__(self, max_age: float) -> None:
        self.max_age = max_age
        self._entries: OrderedDict[Hashable, _Entry[Value]] = OrderedDict()
        self._changed_at = 0.0
        self._lock = threading.Lock()
        self._first = threading.Lock()

    def get(self, key: Hashable, compute: Callable[[], Value]) -> Value:
        """The value for ``key``: fresh, or stale while a slow recomputation runs behind."""
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None:
                self._entries.move_to_end(key)
                if not self._stale(entry):
                    return entry.value
                if entry.cost >= QUICK_S:
                    if not entry.refreshing:
                        entry.refreshing = True
                        threading.Thread(
                            target=self._refresh, args=(key, compute), daemon=True
                        ).start()
                    return entry.value
        if entry is not None:
            return self._compute(key, compute)
        # A first computation: requests arriving meanwhile wait for it rather than repeat it.
        with self._first:
            with self._lock:
                entry = self._entries.get(key)
            if entry is not None:
                return entry.value
            return self._compute(key, compute)

    def _compute(self, key: Hashable, compute: Callable[[], Value]) -> Value:
        started = time.monotonic()
        value = compute()
        self._store(key, value, started)
        return value

    def changed(self) -> None:
        """Something was written: every value is stale from now."""
        with self._lock:
            self._changed_at = time.monotonic()

    def _stale(self, entry: _Entry[Value]) -> bool:
        return entry.at < self._changed_at or time.monotonic() - entry.at > self.max_age

    def _refresh(self, key: Hashable, compute: Callable[[], Value]) -> None:
        try:
            self._compute(key, compute)
        except Exception:
            with self._lock:
                if key in self._entries:
                    self._entries[key].refreshing = False

    def _store(self, key: Hashable, value: Value, started: float) -> None:
        with self._lock:
            self._entries[key] = _Entry(value, started, time.monotonic() - started)
            self._entries.move_to_end(key)
            while len(self._entries) > KEYS_KEPT:
                self._entries.popitem(last=False)
