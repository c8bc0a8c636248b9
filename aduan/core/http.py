"""Reading a request body within a limit, for endpoints that read their body themselves.

FastAPI reads and parses a declared body model before the route's dependencies run, so a route that
must authenticate first (or must not buffer an unbounded body) declares no body and calls
``read_capped`` after its checks. The ``Content-Length`` a client declares is refused up front; a
body without one (chunked) is counted while it streams and refused at the first byte over the limit,
so no more than ``limit`` bytes are ever held.
"""

from __future__ import annotations

from typing import Callable

from starlette.requests import Request


class BodyTooLarge(Exception):
    def __init__(self, limit: int) -> None:
        super().__init__(f"body exceeds {limit} bytes")
        self.limit = limit


async def read_capped(request: Request, limit: int,
                      too_large: Callable[[int], Exception] = BodyTooLarge) -> bytes:
    """At most ``limit`` bytes of the body; raises ``too_large(limit)`` as soon as there would be more."""
    declared = request.headers.get("content-length")
    if declared and declared.strip().isdigit() and int(declared) > limit:
        raise too_large(limit)
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise too_large(limit)
        chunks.append(chunk)
    return b"".join(chunks)
