"""Per-IP rate limiting on the public web intake, as ASGI middleware.

Only citizen-facing paths are limited: SMS gateways and social platforms call from a few
addresses on behalf of many citizens, and they authenticate with signatures instead.

A token bucket per client address: ``rate_per_minute`` sustained, bursts up to the same
number. In-process state: behind several API replicas each enforces its own share, which
is the usual trade-off for a limit whose job is to blunt floods, not to meter exactly.
"""

from __future__ import annotations

import math
import time
from collections import OrderedDict

from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from aduan.core.metrics import INTAKE_REJECTED

MAX_TRACKED_CLIENTS = 100_000


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


class RateLimitMiddleware:
    def __init__(self, app: ASGIApp, rate_per_minute: int, paths: tuple[str, ...]) -> None:
        self.app = app
        self.paths = paths
        self.buckets = TokenBuckets(rate_per_minute) if rate_per_minute > 0 else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (self.buckets is None or scope["type"] != "http" or scope["method"] != "POST"
                or scope["path"] not in self.paths):
            await self.app(scope, receive, send)
            return
        client = (scope.get("client") or ("unknown", 0))[0]
        wait = self.buckets.take(client)
        if wait > 0:
            INTAKE_REJECTED.labels("web", "rate_limited").inc()
            response = JSONResponse({"error": "rate_limited", "detail": "too many complaints from this address"},
                                    status_code=429, headers={"Retry-After": str(math.ceil(wait))})
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)

