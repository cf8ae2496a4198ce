"""The settings of the web app: one frozen value handed to ``create_app``."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
# Uploads larger than this are refused before they are read whole.
DEFAULT_MAX_UPLOAD_BYTES = 25 * 1024 * 1024


@dataclass(frozen=True)
class WebSettings:
    """What the app needs to run: the database, cookie security, upload and fetch limits.

    ``database`` is a SQLite path or a database URL, as ``--db`` takes it (None:
    the ``ACCORD_DATABASE_URL`` setting, else the default file). Cookies are
    sent with ``Secure`` unless ``secure_cookies`` is off (plain HTTP on another
    host than localhost). Addresses given to the app ("add by address", sources)
    are fetched only from public hosts unless ``allow_private_addresses``: the
    app must not become a way to reach the hosts of its own network. Requests
    to one host are ``fetch_interval`` seconds apart.
    """

    database: str | None = None
    secure_cookies: bool = True
    max_upload_bytes: int = DEFAULT_MAX_UPLOAD_BYTES
    ingest_workers: int = 1
    allow_private_addresses: bool = False
    fetch_interval: float = 1.0
