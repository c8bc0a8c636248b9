"""Per-IP rate limiting on the public web intake, as ASGI middleware.

Only citizen-facing paths are limited: SMS gateways and social platforms call from a few
addresses on behalf of many citizens, and they authenticate with signatures instead.

A token bucket per client (an IPv4 address, an IPv6 /64: aduan.core.ratelimit.client_key): ``rate_per_minute`` sustained, bursts up to the same
number. In-process state: behind several API replicas each enforces its own share, which
is the usual trade-off for a limit whose job is to blunt floods, not to meter exactly.
"""

from __future__ import annotations

import math

from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from aduan.core.metrics import INTAKE_REJECTED
from aduan.core.ratelimit import TokenBuckets, client_key


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
        client = client_key((scope.get("client") or ("unknown", 0))[0])
        wait = self.buckets.take(client)
        if wait > 0:
            INTAKE_REJECTED.labels("web", "rate_limited").inc()
            response = JSONResponse({"error": "rate_limited", "detail": "too many complaints from this address"},
                                    status_code=429, headers={"Retry-After": str(math.ceil(wait))})
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)

