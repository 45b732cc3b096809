"""Refuse to fetch from the user's own network: only public addresses, unless allowed.

A feed is written by someone else, and its links (and the redirects behind them) can point
anywhere: at a router's admin page, a cloud's metadata service (169.254.169.254), a database on
localhost. Before every request, redirects included, the host's name is resolved and every address
it resolves to must be global; the request then goes to that checked address (the name is kept for
the Host header and TLS), so a name that resolves differently a moment later (DNS rebinding) does
not slip through. TINTUC_FETCH_ALLOW_PRIVATE=1 lifts the guard; TINTUC_FETCH_ALLOWED_ADDRESSES lets
chosen addresses or networks through (an intranet news server) and keeps it for the rest.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Iterable

Resolver = Callable[[str, int], list[str]]
Address = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network


class AddressRefused(ValueError):
    """The host resolves to an address tintuc does not fetch from."""


def resolve(host: str, port: int) -> list[str]:
    """Return the addresses a host name resolves to (an IP literal resolves to itself)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def networks(allowed: Iterable[str]) -> list[Network]:
    """Return the allowed addresses and networks as networks ("10.0.0.5" is 10.0.0.5/32)."""
    return [ipaddress.ip_network(entry.strip(), strict=False) for entry in allowed if entry.strip()]


def kind_of_address(address: Address) -> str | None:
    """Return what makes an address not public ("loopback", "private"…), or None for a global one."""
    mapped = getattr(address, "ipv4_mapped", None)  # ::ffff:10.0.0.1 reaches 10.0.0.1
    if mapped is not None:
        return kind_of_address(mapped)
    for kind in ("loopback", "link_local", "multicast", "unspecified", "reserved", "private"):
        if getattr(address, f"is_{kind}"):
            return kind.replace("_", "-")
    return None


def checked_address(
    host: str, port: int, allow_private: bool, allowed: list[Network], resolver: Resolver = resolve
) -> str:
    """Return the address to connect to for host, or raise AddressRefused saying why not."""
    try:
        addresses = resolver(host, port)
    except OSError as error:
        raise AddressRefused(f"the name {host} does not resolve ({error})") from error
    if not addresses:
        raise AddressRefused(f"the name {host} resolves to no address")
    for text in addresses:
        address = ipaddress.ip_address(text.split("%", 1)[0])
        kind = kind_of_address(address)
        if kind and not allow_private and not any(address in network for network in allowed):
            raise AddressRefused(
                f"{host} resolves to {address}, a {kind} address: refused, so a feed cannot lead into "
                "your own network (set TINTUC_FETCH_ALLOW_PRIVATE=1, or list the address in "
                "TINTUC_FETCH_ALLOWED_ADDRESSES, to fetch from it)"
            )
    return addresses[0]
