"""Token buckets per key: the one rate limiter (public intake per client, the status page per client,
the notifier per provider). In-process state: each replica enforces its own share."""

from __future__ import annotations

import ipaddress
import time
from collections import OrderedDict

MAX_TRACKED_CLIENTS = 100_000
# What one IPv6 customer holds at least (an ISP's or a cloud's delegation): its own 2^64 addresses.
IPV6_CLIENT_PREFIX = 64


def client_key(address: str) -> str:
    """The bucket of a client address: an IPv4 address itself (also written IPv4-mapped), an IPv6 address
    its /64 network. Counted per IPv6 address, one customer could send from 2^64 clients: no limit at all."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address  # not an address (a test client, "unknown"): itself
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/{IPV6_CLIENT_PREFIX}", strict=False))
    return str(ip)


class TokenBuckets:
    def __init__(self, rate_per_minute: int, clock=time.monotonic) -> None:
        self.capacity = float(rate_per_minute)
        self.refill_per_s = rate_per_minute / 60.0
        self.clock = clock
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()

    def take(self, client: str) -> float:
        """Take one token; return 0 when allowed, else the seconds until a token is available."""
        now = self.clock()
        tokens, last = self._buckets.pop(client, (self.capacity, now))
        tokens = min(self.capacity, tokens + (now - last) * self.refill_per_s)
        if tokens >= 1.0:
            self._buckets[client] = (tokens - 1.0, now)
            wait = 0.0
        else:
            self._buckets[client] = (tokens, now)
            wait = (1.0 - tokens) / self.refill_per_s
        while len(self._buckets) > MAX_TRACKED_CLIENTS:
            self._buckets.popitem(last=False)
        return wait
