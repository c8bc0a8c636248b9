"""HTTP glue shared by the channel endpoints: the intake dependency and error answers."""

from __future__ import annotations

from fastapi import HTTPException, Request
from fastapi.responses import JSONResponse

from aduan.settings import Settings
from producers.intake import Intake, Rejected
from producers.publisher import BrokerUnavailable

RETRY_AFTER_S = 5


def get_intake(request: Request) -> Intake:
    return request.app.state.intake


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


def unavailable(exc: BrokerUnavailable) -> HTTPException:
    return HTTPException(503, detail={"error": "broker_unavailable", "message": "complaint not accepted, try again"},
                         headers={"Retry-After": str(RETRY_AFTER_S)})


def rejected_response(exc: Rejected) -> JSONResponse:
    return JSONResponse({"error": exc.reason, "detail": exc.detail}, status_code=exc.status_code)


async def read_body(request: Request, limit: int, channel: str) -> bytes:
    """Read at most ``limit`` bytes; a larger body is refused before it is buffered whole."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise Intake.reject(channel, 413, "payload_too_large", f"body exceeds {limit} bytes")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise Intake.reject(channel, 413, "payload_too_large", f"body exceeds {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)
