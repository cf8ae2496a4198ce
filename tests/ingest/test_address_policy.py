"""The address policy: public addresses only, unless the user allows private ones."""

from __future__ import annotations

import ipaddress

import httpcore
import pytest

from accord.ingest import AddressPolicy
from accord.ingest.address_policy import RefusedAddress, address_kind
from accord.ingest.guarded_transport import GuardedNetworkBackend

from .local_site import LocalSite

KINDS = [
    ("93.184.215.14", "public"),
    ("2606:4700::6810:85e5", "public"),
    ("127.0.0.1", "loopback"),
    ("127.8.9.10", "loopback"),
    ("::1", "loopback"),
    ("10.0.0.1", "private"),
    ("172.16.5.4", "private"),
    ("192.168.1.1", "private"),
    ("fd12:3456::1", "private"),
    ("169.254.169.254", "link-local"),
    ("fe80::1", "link-local"),
    ("0.0.0.0", "unspecified"),
    ("::", "unspecified"),
    ("224.0.0.1", "multicast"),
    ("240.0.0.1", "reserved"),
    ("100.64.0.1", "non-public"),
    ("::ffff:10.0.0.1", "private"),
    ("::ffff:127.0.0.1", "loopback"),
]


@pytest.mark.parametrize(("address", "kind"), KINDS, ids=[f"{a}-{k}" for a, k in KINDS])
def test_address_kind_names_what_an_address_is(address: str, kind: str) -> None:
    assert address_kind(ipaddress.ip_address(address)) == kind


@pytest.mark.parametrize(("address", "kind"), KINDS, ids=[f"{a}-{k}" for a, k in KINDS])
def test_address_policy_refuses_every_non_public_address_by_default(
    address: str, kind: str
) -> None:
    refusal = AddressPolicy().refusal(ipaddress.ip_address(address))
    assert refusal == (None if kind == "public" else kind)


@pytest.mark.parametrize(("address", "kind"), KINDS, ids=[f"{a}-{k}" for a, k in KINDS])
def test_address_policy_allow_private_allows_everything(address: str, kind: str) -> None:
    assert AddressPolicy(allow_private=True).refusal(ipaddress.ip_address(address)) is None


def test_address_policy_allowed_network_lets_only_that_network_in() -> None:
    policy = AddressPolicy.allowing("127.0.0.1/32", "10.1.0.0/16")
    allowed = ["127.0.0.1", "10.1.2.3", "8.8.8.8"]
    refused = ["127.0.0.2", "10.2.0.1", "::1"]
    assert [policy.refusal(ipaddress.ip_address(a)) for a in allowed] == [None, None, None]
    assert [policy.refusal(ipaddress.ip_address(a)) for a in refused] == [
        "loopback",
        "private",
        "loopback",
    ]


def test_address_policy_checks_every_address_of_a_host() -> None:
    addresses = [ipaddress.ip_address("93.184.215.14"), ipaddress.ip_address("10.0.0.7")]
    with pytest.raises(RefusedAddress) as caught:
        AddressPolicy().check("mixed.example", addresses)
    assert str(caught.value) == "mixed.example (10.0.0.7) is a private address"


def test_guarded_backend_refuses_before_connecting(local_site: LocalSite) -> None:
    backend = GuardedNetworkBackend(AddressPolicy())
    with pytest.raises(RefusedAddress, match=r"127\.0\.0\.1 is a loopback address"):
        backend.connect_tcp("127.0.0.1", local_site.port, timeout=2.0)
    allowed = GuardedNetworkBackend(AddressPolicy.allowing("127.0.0.1/32"))
    stream = allowed.connect_tcp("127.0.0.1", local_site.port, timeout=2.0)
    stream.close()


def test_guarded_backend_unresolvable_host_is_a_connect_error() -> None:
    backend = GuardedNetworkBackend(AddressPolicy())
    with pytest.raises(httpcore.ConnectError, match="cannot resolve the host name"):
        backend.connect_tcp("no..such", 80, timeout=2.0)  # refused locally, no DNS query
