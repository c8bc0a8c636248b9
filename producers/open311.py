"""Open311 GeoReport v2 intake: ``POST /open311/v2/requests.{xml,json}`` from civic-tech client apps.

Spec: https://wiki.open311.org/GeoReport_v2#POST_Service_Request. A client application has an
``api_key`` (``ADUAN_OPEN311_API_KEYS``); its request goes through the same intake as every channel
(journal, Kafka acknowledgement, write-once content, redaction on the read side) and is answered
with the spec's list of one request: ``service_request_id`` (the tracking number, known at once, so
the service type is ``realtime``) and ``token`` (the complaint id, for clients that poll
``GET tokens/{token}``).

Arguments (``application/x-www-form-urlencoded``, UTF-8): ``service_code`` (a topic; aduan still
classifies the text, the client's choice is kept beside it), a location — ``lat`` and ``long``, or
``address_string`` (``address_id`` is not used by aduan, kept) —, ``description`` (required: a
complaint is what the citizen wrote), ``email``/``phone``/``first_name``/``last_name`` (the
reporter), ``device_id``/``account_id`` and ``attribute[…]`` (kept for operators), ``media_url``
(kept as a link; aduan does not fetch URLs a client names).
"""

from __future__ import annotations

import hmac
import json
import math
import uuid
from functools import lru_cache
from typing import Annotated, Any
from urllib.parse import parse_qsl

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from aduan.core.connections import BrokerUnavailable
from aduan.core.deps import SettingsDep
from aduan.core.http import BodyTooLarge, read_capped
from aduan.core.metrics import INTAKE_REJECTED
from producers.http import RETRY_AFTER_S, get_intake
from producers.intake import Intake
from schemas.categories import load_categories
from schemas.contact import normalise_email, normalise_phone
from schemas.events import MAX_TEXT_CHARS, Complaint, LocationHint, Reporter, utcnow
from schemas.open311 import FORMATS, Open311Error, encode, error_body, response_format

router = APIRouter(prefix="/open311/v2", tags=["open311"])

# A form of a 20,000-character description, percent-encoded (up to 9 bytes a character), and the rest.
MAX_FORM_BYTES = 256 * 1024
MAX_MEDIA_URL = 2000
CHANNEL = "web"
KEPT_FOR_OPERATORS = ("device_id", "account_id", "address_id", "jurisdiction_id")


@lru_cache(maxsize=4)
def _clients(raw: str) -> dict[str, str]:
    """``ADUAN_OPEN311_API_KEYS``: api_key → client application name."""
    if not raw.strip():
        return {}
    clients = json.loads(raw)
    if not isinstance(clients, dict) or not all(isinstance(v, str) for v in clients.values()):
        raise ValueError('ADUAN_OPEN311_API_KEYS must be a JSON object {"<api_key>": "<client name>"}')
    return clients


def client_for(api_key: str | None, configured: str) -> str:
    """The client application an ``api_key`` belongs to; ``Open311Error(403)`` otherwise."""
    if not api_key:
        raise Open311Error(403, "api_key is required to create a service request")
    for key, name in _clients(configured).items():
        if hmac.compare_digest(key.encode(), api_key.encode()):
            return name
    raise Open311Error(403, "invalid api_key")


def _float(value: str | None, name: str, bound: float) -> float | None:
    if value is None or not value.strip():
        return None
    try:
        number = float(value)
    except ValueError as exc:
        raise Open311Error(400, f"{name} must be a decimal number; got {value[:40]!r}") from exc
    if not math.isfinite(number) or abs(number) > bound:
        raise Open311Error(400, f"{name} must be between -{bound:g} and {bound:g}; got {value[:40]!r}")
    return number


def _single(pairs: list[tuple[str, str]]) -> dict[str, str]:
    values: dict[str, str] = {}
    for name, value in pairs:
        if name in values and not name.startswith("attribute["):
            raise Open311Error(400, f"{name} given more than once")
        values[name] = value.replace("\x00", "").strip()
    return values


def to_complaint(values: dict[str, str], client: str) -> Complaint:
    """The form as a complaint; ``Open311Error(400)`` names the first argument that is wrong."""
    service_code = values.get("service_code", "")
    if not service_code:
        raise Open311Error(400, "service_code is required")
    if service_code not in load_categories():
        raise Open311Error(400, f"service_code {service_code[:60]!r} not found; see services.xml")
    lat, lon = _float(values.get("lat"), "lat", 90), _float(values.get("long"), "long", 180)
    if (lat is None) != (lon is None):
        raise Open311Error(400, "lat and long go together")
    address = values.get("address_string") or None
    if lat is None and not address and not values.get("address_id"):
        raise Open311Error(400, "a location is required: lat and long, or address_string")
    description = values.get("description", "")
    if not description:
        raise Open311Error(400, "description is required")
    if len(description) > MAX_TEXT_CHARS:
        raise Open311Error(400, f"description is longer than {MAX_TEXT_CHARS} characters")
    media_url = values.get("media_url") or None
    if media_url and (len(media_url) > MAX_MEDIA_URL or not media_url.lower().startswith(("https://", "http://"))):
        raise Open311Error(400, "media_url must be an http(s) URL of at most 2000 characters")
    try:
        reporter = Reporter(
            name=" ".join(part for part in (values.get("first_name"), values.get("last_name")) if part)[:200] or None,
            email=normalise_email(values["email"]) if values.get("email") else None,
            phone=normalise_phone(values["phone"]) if values.get("phone") else None,
        )
    except ValueError as exc:
        field = "email" if "mail" in str(exc).lower() else "phone"
        raise Open311Error(400, f"{field} is not valid") from exc
    meta: dict[str, Any] = {"via": "open311", "client": client, "service_code": service_code}
    if media_url:
        meta["media_url"] = media_url
    meta.update({name: values[name][:200] for name in KEPT_FOR_OPERATORS if values.get(name)})
    attributes = {name: value[:500] for name, value in values.items() if name.startswith("attribute[")}
    if attributes:
        meta["attributes"] = attributes
    return Complaint.new(
        channel=CHANNEL, provider_message_id=f"open311:{uuid.uuid4()}", received_at=utcnow(), reporter=reporter,
        text=description, location=LocationHint(text=address[:500] if address else None, lat=lat, lon=lon),
        channel_meta=meta,
    )


def _answer(data: Any, fmt: str, status_code: int = 200, headers: dict[str, str] | None = None) -> Response:
    document = "service_requests" if status_code < 400 else "errors"
    body, media_type = encode(document, data, fmt if fmt in FORMATS else "json")
    return Response(body, status_code=status_code, media_type=media_type, headers=headers)


def _error(error: Open311Error, fmt: str, headers: dict[str, str] | None = None) -> Response:
    return _answer(error_body(error.code, error.description), fmt, error.code, headers)


@router.post(
    "/requests.{fmt}",
    summary="GeoReport v2: create a service request",
    description="A complaint from a client application (form-encoded arguments as in the spec; `api_key` "
                "as an argument, or in the query string to be checked before the body is read). Answers "
                "`[{service_request_id, token, service_notice, account_id}]` once the complaint is "
                "durable. Errors in the spec's shape: 400 (argument), 403 (api_key), 413, 503 (retry).",
    responses={400: {}, 403: {}, 404: {}, 413: {}, 503: {}},
    openapi_extra={"requestBody": {"required": True, "content": {"application/x-www-form-urlencoded": {
        "schema": {"type": "object", "required": ["api_key", "service_code", "description"], "properties": {
            name: {"type": "string"} for name in (
                "api_key", "service_code", "lat", "long", "address_string", "address_id", "email", "device_id",
                "account_id", "first_name", "last_name", "phone", "description", "media_url")}}}}}},
)
async def create_request(request: Request, fmt: str, settings: SettingsDep,
                         intake: Annotated[Intake, Depends(get_intake)]) -> Response:
    try:
        response_format(fmt)
        # A key in the query string is checked before a byte of the body is read.
        query_key = request.query_params.get("api_key")
        client = client_for(query_key, settings.open311_api_keys.get_secret_value()) if query_key else None
        try:
            raw = await read_capped(request, MAX_FORM_BYTES)
        except BodyTooLarge as exc:
            raise Open311Error(413, str(exc)) from exc
        values = _single(parse_qsl(raw.decode("utf-8", "replace"), keep_blank_values=True))
        if client is None:
            client = client_for(values.get("api_key"), settings.open311_api_keys.get_secret_value())
        complaint = to_complaint(values, client)
    except Open311Error as error:
        INTAKE_REJECTED.labels(CHANNEL, f"open311_{error.code}").inc()
        return _error(error, fmt)
    # The stored raw request is the arguments without the key (a secret is never kept).
    record = json.dumps({k: v for k, v in values.items() if k != "api_key"}, ensure_ascii=False).encode()
    try:
        complaint = await intake.accept(complaint, record)
    except BrokerUnavailable:
        return _error(Open311Error(503, "service request not accepted; try again"), fmt,
                      headers={"Retry-After": str(RETRY_AFTER_S)})
    return _answer([{"service_request_id": complaint.tracking_number, "token": complaint.complaint_id,
                     "service_notice": "Simpan nomor ini untuk memantau pengaduan Anda.", "account_id": None}], fmt)
