"""Which network addresses Accord may fetch from: public ones, unless the user allows more.

Fetching on a user's behalf must not become a way to reach hosts the user could not
reach from outside (a database on the LAN, a cloud metadata service on 169.254.169.254,
the machine itself). The check runs where connections are made, on every address a
host name resolves to, so a redirect or a host name that points inwards is caught too.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterable
from dataclasses import dataclass

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network


class RefusedAddress(Exception):
    """A connection the address policy does not allow (raised before any packet is sent)."""

    def __init__(self, host: str, address: IPAddress, kind: str) -> None:
        shown = host if host == str(address) else f"{host} ({address})"
        super().__init__(f"{shown} is a {kind} address")
        self.host = host
        self.address = address
        self.kind = kind


def address_kind(address: IPAddress) -> str:
    """What sort of address this is, in words: "public", "loopback", "private", ..."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address_kind(address.ipv4_mapped)
    checks = (
        ("unspecified", address.is_unspecified),
        ("loopback", address.is_loopback),
        ("link-local", address.is_link_local),
        ("multicast", address.is_multicast),
        ("reserved", address.is_reserved),
        ("private", address.is_private),
    )
    for kind, applies in checks:
        if applies:
            return kind
    # Shared address space (100.64.0.0/10), documentation ranges and the like.
    return "public" if address.is_global else "non-public"


@dataclass(frozen=True)
class AddressPolicy:
    """Public addresses only, unless ``allow_private`` (any address) or an allowed network.

    ``allowed_networks`` lets one intranet host or range in without opening every
    private address (tests allow ``127.0.0.1/32`` and nothing else).
    """

    allow_private: bool = False
    allowed_networks: tuple[IPNetwork, ...] = ()

    @classmethod
    def allowing(cls, *networks: str) -> AddressPolicy:
        """A policy that also allows the given networks ("127.0.0.1/32", "10.1.0.0/16")."""
        return cls(allowed_networks=tuple(ipaddress.ip_network(n) for n in networks))

    def refusal(self, address: IPAddress) -> str | None:
        """Why ``address`` may not be reached (its kind), or None when it may."""
        if self.allow_private or any(address in network for network in self.allowed_networks):
            return None
        kind = address_kind(address)
        return None if kind == "public" else kind

    def check(self, host: str, addresses: Iterable[IPAddress]) -> None:
        """Raise RefusedAddress when any address of ``host`` is not allowed.

        Every address counts, not only the first: a name that resolves to a public and a
        private address could be connected to either.
        """
        for address in addresses:
            kind = self.refusal(address)
            if kind is not None:
                raise RefusedAddress(host, address, kind)


def resolve_host(host: str, port: int) -> list[IPAddress]:
    """Every address ``host`` resolves to for a TCP connection, in the resolver's order."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    found: list[IPAddress] = []
    for _family, _type, _proto, _name, sockaddr in infos:
        # An IPv6 sockaddr may carry a zone ("fe80::1%eth0"), which ip_address refuses.
        address = ipaddress.ip_address(str(sockaddr[0]).split("%", 1)[0])
        if address not in found:
            found.append(address)
    return found
