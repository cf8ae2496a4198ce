"""Options of the commands that fetch from addresses: which addresses, and how politely."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated

import typer

from accord.errors import ConfigError

if TYPE_CHECKING:
    from accord.ingest import Fetcher

# The pause between two requests to one host when the setting is not given (seconds).
DEFAULT_INTERVAL = 1.0
INTERVAL_SETTING = "ACCORD_FETCH_INTERVAL"

AllowPrivateOption = Annotated[
    bool,
    typer.Option(
        "--allow-private-addresses",
        envvar="ACCORD_ALLOW_PRIVATE_ADDRESSES",
        help="Also fetch from loopback, private and link-local addresses (an intranet; "
        "off by default).",
    ),
]


def fetch_interval() -> float:
    """The pause between two requests to one host: the setting, else one second."""
    interval = os.environ.get(INTERVAL_SETTING, "").strip()
    try:
        seconds = float(interval) if interval else DEFAULT_INTERVAL
    except ValueError:
        raise ConfigError(f"{INTERVAL_SETTING}: expected seconds, got {interval!r}") from None
    if seconds < 0:
        raise ConfigError(f"{INTERVAL_SETTING}: expected seconds, got {interval!r}")
    return seconds


@contextmanager
def opened_fetcher(allow_private: bool) -> Iterator[Fetcher]:
    """A Fetcher for the command's duration: the address policy asked for, the setting's pace."""
    from accord.ingest import AddressPolicy, Fetcher, FetchSettings

    policy = AddressPolicy(allow_private=allow_private)
    with Fetcher(FetchSettings(policy=policy, host_interval=fetch_interval())) as fetcher:
        yield fetcher
