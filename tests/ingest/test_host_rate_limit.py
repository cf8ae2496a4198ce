"""The pause between two requests to one host, measured on a clock the test controls."""

from __future__ import annotations

from accord.ingest.host_rate_limit import HostRateLimit


class SteppedClock:
    """A clock that moves only when slept on (or told to)."""

    def __init__(self) -> None:
        self.now = 100.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


def test_host_rate_limit_spaces_requests_to_one_host() -> None:
    clock = SteppedClock()
    limit = HostRateLimit(2.0, clock=clock, sleep=clock.sleep)
    assert [limit.wait("a.example") for _ in range(3)] == [0.0, 2.0, 2.0]
    assert clock.slept == [2.0, 2.0]


def test_host_rate_limit_does_not_hold_up_other_hosts() -> None:
    clock = SteppedClock()
    limit = HostRateLimit(2.0, clock=clock, sleep=clock.sleep)
    assert [limit.wait(host) for host in ("a.example", "b.example", "c.example")] == [0, 0, 0]


def test_host_rate_limit_counts_time_already_passed() -> None:
    clock = SteppedClock()
    limit = HostRateLimit(2.0, clock=clock, sleep=clock.sleep)
    limit.wait("a.example")
    clock.now += 1.5
    assert limit.wait("a.example") == 0.5


def test_host_rate_limit_longer_interval_of_a_site_wins() -> None:
    clock = SteppedClock()
    limit = HostRateLimit(1.0, clock=clock, sleep=clock.sleep)
    limit.wait("a.example", 5.0)
    assert limit.wait("a.example") == 5.0
    limit.wait("b.example", 0.1)
    assert limit.wait("b.example") == 1.0
