"""Options of the commands that fetch from addresses: which addresses, and how politely."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated

import typer

from accord.errors import ConfigError
from accord.ingest import AddressPolicy, Fetcher, FetchSettings

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


def fetch_settings(allow_private: bool) -> FetchSettings:
    """The settings the CLI fetches with: the policy asked for, the pace of the setting."""
    interval = os.environ.get(INTERVAL_SETTING, "").strip()
    try:
        seconds = float(interval) if interval else FetchSettings().host_interval
    except ValueError:
        raise ConfigError(f"{INTERVAL_SETTING}: expected seconds, got {interval!r}") from None
    if seconds < 0:
        raise ConfigError(f"{INTERVAL_SETTING}: expected seconds, got {interval!r}")
    return FetchSettings(policy=AddressPolicy(allow_private=allow_private), host_interval=seconds)


@contextmanager
def opened_fetcher(allow_private: bool) -> Iterator[Fetcher]:
    """A Fetcher for the command's duration."""
    with Fetcher(fetch_settings(allow_private)) as fetcher:
        yield fetcher
