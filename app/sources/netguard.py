"""Which addresses a server-side fetch may connect to (SSRF protection).

A :class:`FetchPolicy` says which schemes, ports and address kinds are allowed.
``FetchPolicy.server()`` is what the web app and the queue use: only http and
https on the default ports, only public (global unicast) addresses. It refuses
loopback, private, link-local (169.254.169.254, the cloud metadata address),
multicast, reserved, unspecified, shared (100.64/10), IPv6 site-local (fec0::/10)
and documentation addresses, in IPv4 and IPv6, and looks inside IPv4-mapped, 6to4 and Teredo
IPv6 addresses. ``FetchPolicy.local()`` is the command line's: the person at
the terminal may read their own intranet.

Settings for the server policy: ``VORLESER_FETCH_PORTS`` (e.g. ``80,443,8080``)
and, for tests only, ``VORLESER_FETCH_ALLOW_LOOPBACK=1`` (loopback addresses, on
any port; nothing else changes).
"""
from __future__ import annotations

import ipaddress
import os
import socket
from dataclasses import dataclass, field

from .. import envconfig
from ..errors import InputError

MB = 1024 * 1024
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


@dataclass(frozen=True)
class FetchPolicy:
    ports: frozenset[int] | None = frozenset({80, 443})  # None: any port
    public_only: bool = True
    allow_loopback: bool = False  # tests: a local server, on any port
    allow_exact: frozenset[tuple[str, int]] = field(default_factory=frozenset)  # tests: one (ip, port) pair
    max_bytes: int = 5 * MB
    max_redirects: int = 5
    connect_timeout: float = 10.0
    read_timeout: float = 15.0

    @classmethod
    def server(cls, environ=os.environ) -> "FetchPolicy":
        ports = envconfig.ports("VORLESER_FETCH_PORTS", frozenset({80, 443}), environ)
        loopback = envconfig.flag("VORLESER_FETCH_ALLOW_LOOPBACK", False, environ)
        return cls(ports=ports, allow_loopback=loopback)

    @classmethod
    def local(cls) -> "FetchPolicy":
        """The command line's policy: any address and port, 10 MB."""
        return cls(ports=None, public_only=False, max_bytes=10 * MB)

    def as_dict(self) -> dict:
        return {"ports": sorted(self.ports) if self.ports is not None else None, "public_only": self.public_only,
                "allow_loopback": self.allow_loopback, "allow_exact": sorted(list(p) for p in self.allow_exact),
                "max_bytes": self.max_bytes}

    @classmethod
    def from_dict(cls, data: dict) -> "FetchPolicy":
        ports = data.get("ports")
        return cls(ports=frozenset(ports) if ports is not None else None, public_only=bool(data.get("public_only", True)),
                   allow_loopback=bool(data.get("allow_loopback")),
                   allow_exact=frozenset(tuple(p) for p in data.get("allow_exact", [])),
                   max_bytes=int(data.get("max_bytes", 5 * MB)))


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    if ip.ipv4_mapped:
        return ip.ipv4_mapped
    if ip.sixtofour:
        return ip.sixtofour
    if ip.teredo:
        return ip.teredo[1]
    if ip in ipaddress.ip_network("64:ff9b::/96"):  # NAT64: the last 32 bits are the IPv4 address
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def address_problem(ip: IPAddress) -> str | None:
    """Why ``ip`` is not a public address (None if it is)."""
    if isinstance(ip, ipaddress.IPv6Address):
        inner = _embedded_ipv4(ip)
        if inner is not None:
            problem = address_problem(inner)
            return f"{problem} (inside the IPv6 address {ip})" if problem else None
    for attribute, kind in (("is_loopback", "a loopback address"), ("is_link_local", "a link-local address"),
                            ("is_multicast", "a multicast address"), ("is_unspecified", "the unspecified address"),
                            ("is_reserved", "a reserved address"), ("is_private", "a private network address"),
                            ("is_site_local", "a site-local address")):  # fec0::/10: Python counts it global
        if getattr(ip, attribute, False):
            return kind
    if not ip.is_global:
        return "not a public address"
    return None


def check_address(ip: IPAddress, port: int, policy: FetchPolicy) -> None:
    """Raise InputError if ``policy`` forbids connecting to ``ip``:``port``."""
    if (str(ip), port) in policy.allow_exact:
        return
    if policy.allow_loopback and ip.is_loopback:
        return
    if policy.public_only:
        problem = address_problem(ip)
        if problem:
            raise InputError(f"refusing to fetch from {ip}: {problem}",
                             "only public web addresses can be fetched by the server; "
                             "upload the page as a file instead")
    check_port(port, policy)


def check_port(port: int, policy: FetchPolicy) -> None:
    if policy.ports is not None and port not in policy.ports:
        raise InputError(f"port {port} is not allowed for fetching",
                         f"only ports {', '.join(map(str, sorted(policy.ports)))} are fetched; "
                         "an administrator can allow more with VORLESER_FETCH_PORTS")


def resolve(host: str, port: int, policy: FetchPolicy) -> list[IPAddress]:
    """Every address ``host`` resolves to, each checked; refuses the host if any is forbidden
    (a name that also points inside the network must not be usable half the time)."""
    if not policy.allow_loopback and not policy.allow_exact:
        check_port(port, policy)  # before asking DNS anything
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise InputError(f"could not reach {host}: the name does not resolve",
                         "check the address or your connection; use a saved file instead") from exc
    found: list[IPAddress] = []
    for info in infos:
        ip = ipaddress.ip_address(info[4][0].split("%", 1)[0])
        if ip not in found:
            found.append(ip)
    if not found:
        raise InputError(f"could not reach {host}: no address", "check the address; use a saved file instead")
    for ip in found:
        check_address(ip, port, policy)
    return found
