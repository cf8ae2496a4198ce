"""An httpx transport whose every TCP connection is checked against an AddressPolicy.

The host is resolved once, every address it resolves to is checked, and the connection
is made to a checked address, never to the name again: a name that changes its answer
between the check and the connection (DNS rebinding) cannot slip through.
"""

from __future__ import annotations

import socket
from collections.abc import Iterable

import httpcore
import httpx

from accord.ingest.address_policy import AddressPolicy, resolve_host

# The socket options httpcore's backend accepts (the type it names is not exported).
SocketOption = (
    tuple[int, int, int] | tuple[int, int, bytes | bytearray] | tuple[int, int, None, int]
)


class GuardedNetworkBackend(httpcore.SyncBackend):
    """httpcore's own socket backend, connecting only to addresses the policy allows."""

    def __init__(self, policy: AddressPolicy) -> None:
        self.policy = policy

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[SocketOption] | None = None,
    ) -> httpcore.NetworkStream:
        try:
            addresses = resolve_host(host, port)
        except (socket.gaierror, UnicodeError) as exc:
            raise httpcore.ConnectError(f"cannot resolve the host name {host}") from exc
        self.policy.check(host, addresses)
        failure: httpcore.ConnectError | httpcore.ConnectTimeout | None = None
        for address in addresses:
            try:
                return super().connect_tcp(
                    str(address), port, timeout, local_address, list(socket_options or ())
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                failure = exc
        raise failure or httpcore.ConnectError(f"no address for {host}")


class GuardedTransport(httpx.HTTPTransport):
    """httpx's HTTP transport over a GuardedNetworkBackend, ignoring proxy variables.

    Proxies are never used: through a proxy the connection goes to the proxy, and the
    policy could not see where the request really goes.
    """

    def __init__(self, policy: AddressPolicy, *, max_connections: int = 20) -> None:
        super().__init__(trust_env=False)
        # httpx has no public hook for the network backend; its pool is replaced by
        # the same pool built with the guarded backend (httpx is pinned, and a test
        # proves the guard is in effect).
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=False),
            max_connections=max_connections,
            max_keepalive_connections=max_connections,
            keepalive_expiry=5.0,
            network_backend=GuardedNetworkBackend(policy),
        )
