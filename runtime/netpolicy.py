"""Where `fetch` may connect: public addresses, plus what the user allowed.

Loopback, private, link-local, metadata and other non-global addresses are refused unless an allow
entry names them. Entries come from JSENGINE_FETCH_ALLOW (comma-separated) and `--allow-host`:
`host`, `host:port`, `[v6]:port`, an IP address, a CIDR network (`10.0.0.0/8`), or `*` for anything.
The check runs on the addresses a name resolves to, right before connecting, on every redirect hop.
"""

from __future__ import annotations

import ipaddress
import os
import socket
from collections.abc import Iterable
from dataclasses import dataclass

from runtime.errors import UserError

ENV_ALLOW = "JSENGINE_FETCH_ALLOW"
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

_METADATA = {
    ipaddress.ip_address("169.254.169.254"),  # AWS, GCP, Azure, OpenStack...
    ipaddress.ip_address("169.254.170.2"),  # AWS ECS task metadata
    ipaddress.ip_address("100.100.100.200"),  # Alibaba Cloud
    ipaddress.ip_address("fd00:ec2::254"),  # AWS IPv6
}


class FetchBlocked(Exception):
    """A connection the policy refuses; the message says why and how to allow it."""


@dataclass(frozen=True)
class AllowEntry:
    """One allow-list entry: a host name, an address or a network, optionally with a port."""

    host: str | None = None
    network: ipaddress.IPv4Network | ipaddress.IPv6Network | None = None
    port: int | None = None
    anything: bool = False

    def allows(self, host: str, port: int, ip: IPAddress | None) -> bool:
        """True when this entry lets `host:port` (resolved to `ip`) through."""
        if self.anything:
            return True
        if self.port is not None and self.port != port:
            return False
        if self.network is not None:
            return ip is not None and ip.version == self.network.version and ip in self.network
        return self.host == host.lower().rstrip(".")


def parse_entry(text: str) -> AllowEntry:
    """Parse `host`, `host:port`, `[v6]:port`, an address, a CIDR network, or `*`."""
    raw = text.strip()
    if raw == "*":
        return AllowEntry(anything=True)
    host, port = raw, None
    if raw.startswith("["):
        end = raw.find("]")
        if end < 0:
            raise UserError(f"bad allowed host {text!r}: missing ']'")
        host, rest = raw[1:end], raw[end + 1:]
        if rest:
            if not rest.startswith(":"):
                raise UserError(f"bad allowed host {text!r}")
            port = rest[1:]
    elif raw.count(":") == 1:
        host, port = raw.split(":")
    port_num = None
    if port is not None:
        if not port.isdigit() or not 0 < int(port) < 65536:
            raise UserError(f"bad allowed host {text!r}: the port must be a number from 1 to 65535")
        port_num = int(port)
    if not host:
        raise UserError(f"bad allowed host {text!r}: no host")
    try:
        network = ipaddress.ip_network(host, strict=False)
    except ValueError:
        return AllowEntry(host=host.lower().rstrip("."), port=port_num)
    return AllowEntry(network=network, port=port_num)


def classify(ip: IPAddress) -> str | None:
    """Why an address is internal ("loopback", "private", ...), or None for a public address."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if ip in _METADATA:
        return "cloud metadata"
    if ip.is_loopback:
        return "loopback"
    if ip.is_link_local:
        return "link-local"
    if ip.is_unspecified:
        return "unspecified"
    if ip.is_multicast:
        return "multicast"
    if ip.is_private:
        return "private"
    if not ip.is_global:
        return "non-public"
    return None


class NetworkPolicy:
    """The allow list of one run, and the check applied before each connection."""

    def __init__(self, allow: Iterable[str] = ()) -> None:
        self.entries = [parse_entry(e) for e in allow if e.strip()]

    @classmethod
    def from_env(cls, extra: Iterable[str] = (), environ: dict[str, str] | None = None) -> NetworkPolicy:
        """JSENGINE_FETCH_ALLOW plus `extra` (from --allow-host)."""
        env = os.environ if environ is None else environ
        items = [e for e in env.get(ENV_ALLOW, "").split(",") if e.strip()]
        return cls([*items, *extra])

    def allowed(self, host: str, port: int, ip: IPAddress | None) -> bool:
        """True when an entry explicitly allows this destination."""
        return any(e.allows(host, port, ip) for e in self.entries)

    def check(self, host: str, port: int, ip_text: str) -> None:
        """Raise FetchBlocked unless connecting to `ip_text` for `host:port` is allowed."""
        ip = ipaddress.ip_address(ip_text.split("%", 1)[0])
        reason = classify(ip)
        if reason is None or self.allowed(host, port, ip):
            return
        shown = f"[{host}]" if ":" in host else host
        where = host if host == str(ip) else f"{host} ({ip})"
        raise FetchBlocked(
            f"refused to connect to {where}: {reason} address; allow it with "
            f"--allow-host {shown}:{port} or {ENV_ALLOW}={shown}:{port}"
        )

    def resolve(self, host: str, port: int) -> list[tuple[int, tuple]]:
        """The (family, sockaddr) pairs of `host` that the policy allows; FetchBlocked if none is."""
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        allowed: list[tuple[int, tuple]] = []
        refusal: FetchBlocked | None = None
        for family, _type, _proto, _canon, sockaddr in infos:
            try:
                self.check(host, port, str(sockaddr[0]))
            except FetchBlocked as exc:
                refusal = refusal or exc
                continue
            if (family, sockaddr) not in allowed:
                allowed.append((family, sockaddr))
        if not allowed:
            raise refusal or FetchBlocked(f"no address found for {host}")
        return allowed
