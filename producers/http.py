"""HTTP glue shared by the channel endpoints: the intake dependency and error answers."""

from __future__ import annotations

import json
import re
from typing import Annotated, Any

from fastapi import Depends, HTTPException, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from aduan.core.deps import SettingsDep, resource  # noqa: F401  (SettingsDep: re-exported for the channel routers)
from aduan.core.http import BodyTooLarge, read_capped
from producers.intake import Intake, Rejected
from aduan.core.connections import BrokerUnavailable

RETRY_AFTER_S = 5
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


class Rejection(BaseModel):
    """The body of every 4xx an intake endpoint answers itself."""

    error: str
    detail: Any = None


def rejections(*codes: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` entries for the 4xx answers of ``rejected_response``."""
    return {code: {"model": Rejection} for code in codes}


def string_parameter(name: str, where: str, description: str, required: bool = False) -> dict[str, Any]:
    """An OpenAPI parameter the handler reads itself (declared for clients and API fuzzers)."""
    return {"name": name, "in": where, "required": required, "description": description, "schema": {"type": "string"}}


def form_schema(fields: dict[str, str], required: tuple[str, ...] = ()) -> dict[str, Any]:
    """A form (or flat JSON object) of string fields, other fields allowed."""
    schema: dict[str, Any] = {"type": "object", "additionalProperties": {"type": "string"},
                              "properties": {name: {"type": "string", "description": text}
                                             for name, text in fields.items()}}
    if required:
        schema["required"] = list(required)
    return schema


def inline_schema(model: type[BaseModel]) -> dict[str, Any]:
    """The model's JSON schema with its ``$defs`` inlined, for ``openapi_extra``.

    Pydantic's schema refers to nested models as ``#/$defs/…``; pasted into an OpenAPI document those
    references point at the document root, where nothing is, so generators and validators cannot use
    the schema. The intake models are not recursive, so inlining terminates."""
    schema = model.model_json_schema()
    defs = schema.pop("$defs", {})

    def resolve(node: Any) -> Any:
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/$defs/"):
                return resolve({**defs[ref.removeprefix("#/$defs/")], **{k: v for k, v in node.items() if k != "$ref"}})
            return {key: resolve(value) for key, value in node.items()}
        if isinstance(node, list):
            return [resolve(item) for item in node]
        return node

    return resolve(schema)


get_intake = resource("intake")
get_settings = resource("settings")
IntakeDep = Annotated[Intake, Depends(get_intake)]


def unavailable(exc: BrokerUnavailable) -> HTTPException:
    return HTTPException(503, detail={"error": "broker_unavailable", "message": "complaint not accepted, try again"},
                         headers={"Retry-After": str(RETRY_AFTER_S)})


def rejected_response(exc: Rejected) -> JSONResponse:
    return JSONResponse({"error": exc.reason, "detail": exc.detail}, status_code=exc.status_code)


async def read_body(request: Request, limit: int, channel: str) -> bytes:
    """Read at most ``limit`` bytes (``aduan.core.http.read_capped``); a larger body is a 413, refused
    at the chunk that crosses the limit, chunked or not."""
    try:
        return await read_capped(request, limit)
    except BodyTooLarge as exc:
        raise too_large(channel, exc) from exc


def too_large(channel: str, exc: BodyTooLarge) -> Rejected:
    return Intake.reject(channel, 413, "payload_too_large", str(exc))


def load_json_text(raw: bytes) -> Any:
    """``json.loads`` for provider payloads, with every lone surrogate replaced by U+FFFD.

    JSON may spell a lone surrogate (``"\\ud800"``); Python decodes it into a ``str`` that cannot be
    encoded as UTF-8, so the complaint built from it could not be serialised for Kafka (a 500 after
    the signature was accepted). Replacing it keeps the rest of the delivery, as the byte decoders
    of the other channels do with ``errors="replace"``. Raises what ``json.loads`` raises."""
    holder = [json.loads(raw)]
    stack: list[list | dict] = [holder]
    while stack:  # iterative: a payload may nest as deep as the decoder allows
        node = stack.pop()
        entries = list(node.items()) if isinstance(node, dict) else list(enumerate(node))
        if isinstance(node, dict):
            node.clear()
        for key, item in entries:
            if isinstance(item, str):
                item = _LONE_SURROGATE.sub("\ufffd", item)
            elif isinstance(item, (list, dict)):
                stack.append(item)
            if isinstance(key, str):
                key = _LONE_SURROGATE.sub("\ufffd", key)
            node[key] = item
    return holder[0]
