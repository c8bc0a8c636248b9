"""HTTP glue every HTTP stage shares: the one capped body reader, and trailing-slash redirects that
never trust the Host header.

``read_capped`` / ``stream_capped`` count bytes as they arrive, chunked or not: a declared
``Content-Length`` over the limit is refused before a byte is read, and a body that turns out larger
is refused at the chunk that crosses the limit, so no more than ``limit`` (plus one chunk) is ever
held. Call them only after the request is authenticated where it can be (a secret in a header or
the query): nothing is read before it is allowed.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

from fastapi.encoders import jsonable_encoder
from fastapi.exception_handlers import request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Match, Router
from starlette.types import ASGIApp, Receive, Scope, Send


class BodyTooLarge(Exception):
    """The body is longer than the endpoint accepts (answer 413)."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"body exceeds {limit} bytes")
        self.limit = limit


def declared_too_large(request: Request, limit: int) -> bool:
    declared = request.headers.get("content-length")
    return bool(declared and declared.isdigit() and int(declared) > limit)


async def stream_capped(request: Request, limit: int) -> AsyncIterator[bytes]:
    """The body's chunks as they arrive; ``BodyTooLarge`` as soon as more than ``limit`` came."""
    if declared_too_large(request, limit):
        raise BodyTooLarge(limit)
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise BodyTooLarge(limit)
        yield chunk


async def read_capped(request: Request, limit: int) -> bytes:
    """The whole body, at most ``limit`` bytes (``BodyTooLarge`` otherwise)."""
    return b"".join([chunk async for chunk in stream_capped(request, limit)])


class RelativeSlashRedirect:
    """Redirect ``/path/`` to ``/path`` (and back) when only the other spelling is a route, with a
    relative ``Location``. Starlette's own redirect builds an absolute URL from the Host header, so a
    forged Host turns any mistyped link into a redirect to another site; turn it off
    (``router.redirect_slashes = False``) and put this in front."""

    def __init__(self, app: ASGIApp, router: Router) -> None:
        self.app = app
        self.router = router

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"] != "/" and not self._matches(scope):
            path = scope["path"]
            other = path.rstrip("/") if path.endswith("/") else path + "/"
            # "//host" would be a network-path reference, i.e. another site: never redirect there.
            if other and not other.startswith(("//", "/\\")) and self._matches({**scope, "path": other}):
                query = scope.get("query_string", b"").decode("latin-1")
                location = other + (f"?{query}" if query else "")
                await Response(status_code=307, headers={"Location": location})(scope, receive, send)
                return
        await self.app(scope, receive, send)

    def _matches(self, scope: Scope) -> bool:
        return any(route.matches(scope)[0] != Match.NONE for route in self.router.routes)


async def bad_parameters_are_400(request: Request, exc: RequestValidationError) -> JSONResponse:
    """A bad query, path or header parameter is the client's mistake in the URL: ``400``.

    FastAPI answers every validation error ``422``; that stays for bodies (a well-formed request whose
    content is refused). The body keeps FastAPI's shape (``detail`` is the list of errors), so a
    client reads one format whatever the status."""
    errors = exc.errors()
    if errors and all(error.get("loc", ("body",))[0] in PARAMETER_LOCATIONS for error in errors):
        return JSONResponse({"error": "invalid_parameter", "detail": jsonable_encoder(errors)}, status_code=400)
    return await request_validation_exception_handler(request, exc)


PARAMETER_LOCATIONS = ("query", "path", "header", "cookie")
PARAMETER_ERROR = {
    "description": "A query, path or header parameter is invalid",
    "content": {"application/json": {"schema": {
        "type": "object", "required": ["error", "detail"], "title": "ParameterError",
        "properties": {"error": {"type": "string", "const": "invalid_parameter"},
                       "detail": {"type": "array", "items": {"type": "object"},
                                  "description": "FastAPI's validation errors (loc, msg, type)"}}}}},
}


def document_parameter_errors(schema: dict) -> dict:
    """Every operation that takes parameters documents the ``400`` ``bad_parameters_are_400`` answers
    (FastAPI documents only its own ``422``). A route's own ``400`` shape is kept: the body above also
    carries the ``error`` every intake rejection has."""
    for path in schema.get("paths", {}).values():
        for operation in path.values():
            if isinstance(operation, dict) and operation.get("parameters"):
                operation.setdefault("responses", {}).setdefault("400", PARAMETER_ERROR)
    return schema
