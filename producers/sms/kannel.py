"""Kannel's ``sms-service`` callback: ``GET|POST /v1/sms/kannel``, and the joining of long SMS it
hands over one part at a time.

Kannel calls its ``get-url`` or ``post-url``; the body of the answer is what Kannel texts back, so
it is the tracking number. The shipped configuration is ``deploy/kannel/aduan-sms-service.conf`` (Kannel
user guide, "SMS Service configuration", "Parameters (Escape Codes)" and "Kannel POST"): ``post-url``, so
the text is the body in the message's own coding, declared by ``Content-Type`` (UCS-2:
``text/plain; charset=UTF-16BE``), and the rest comes as Kannel's ``X-Kannel-From`` (with
``send-sender``), ``-To``, ``-Time``, ``-UDH`` (hex), ``-SMSC``, ``-Coding``, ``-Service``, ``-MClass``,
``-PID``, ``-Alt-DCS``, ``-MWI`` headers; Kannel sends no message-id header, so ``%I`` is put in the URL.
A ``get-url`` is read too: ``text=%b`` (raw bytes) with ``coding=%c&charset=%C`` is exact; ``text=%a`` still
works but is lossy (Kannel splits the words on whitespace: newlines are lost and UCS-2 can be cut).
The shared secret is checked as ``producers/sms/common.py`` describes.

Idempotency: Kannel's ``%I`` message id is the provider message id; without one the sender, time,
text and UDH are hashed. A part of a concatenated SMS (UDH, ``producers/sms/parts.py``) is stored
and answered 202; the part that completes its group publishes the joined text.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from email.message import Message
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import PlainTextResponse, Response

from aduan.core.connections import BrokerUnavailable
from aduan.core.settings import Settings
from producers.http import (form_schema, get_intake, get_settings, read_body, rejected_response, rejections, resource,
                            string_parameter, unavailable)
from producers.intake import Intake, Rejected
from producers.sms.common import (CHANNEL, GATEWAY_SECRET_PARAMETERS, MAX_SMS_BYTES, InvalidSms, accept,
                                  accepted_reply, check_gateway_secret, complaint_text, content_hash, dead_letter,
                                  query_bytes, sender_phone, sms_complaint, without_secret)
from producers.sms.parts import Concat, Group, Part, PartStore, concat_from_udh, group_key

router = APIRouter(tags=["intake"])


@dataclass
class KannelMessage:
    sender: str
    text: bytes
    recipient: str = ""
    time: str = ""
    smsc: str = ""
    message_id: str = ""
    udh: bytes = b""
    coding: str = ""
    charset: str = ""
    extra: dict[str, str] = field(default_factory=dict)


# The post-url headers Kannel sends (user guide, table "X-Kannel Post Headers"); X-Kannel-Charset is not one
# of them (the charset is in Content-Type) but proxies that turn Kannel's MO into a POST of their own use it.
_KANNEL_HEADERS = {"from": "X-Kannel-From", "to": "X-Kannel-To", "time": "X-Kannel-Time", "udh": "X-Kannel-UDH",
                   "smsc": "X-Kannel-SMSC", "coding": "X-Kannel-Coding", "charset": "X-Kannel-Charset",
                   "service": "X-Kannel-Service", "mclass": "X-Kannel-MClass", "pid": "X-Kannel-PID",
                   "alt_dcs": "X-Kannel-Alt-DCS", "mwi": "X-Kannel-MWI"}


def kannel_message(query: dict[str, bytes], headers: dict[str, str], body: bytes | None,
                   content_type: str = "") -> KannelMessage:
    """One Kannel callback: ``get-url`` query, ``post-url`` body + ``X-Kannel-*`` headers, or a form POST."""
    values: dict[str, bytes] = {}
    lowered = {k.lower(): v for k, v in headers.items()}
    for name, header in _KANNEL_HEADERS.items():
        if header.lower() in lowered:
            values[name] = lowered[header.lower()].encode("latin-1", "replace")
    charset = _content_charset(content_type)
    if body is not None:
        if "application/x-www-form-urlencoded" in content_type:
            values.update(query_bytes(body.decode("latin-1")))
        else:
            values["text"] = body
            if charset:
                values["charset"] = charset.encode()
            elif "application/octet-stream" in content_type:
                values.setdefault("charset", b"binary")
    values.update({k: v for k, v in query.items() if k != "secret"})
    if not values.get("from"):
        raise Intake.reject(CHANNEL, 400, "not_a_kannel_message", "sender (from=%p or X-Kannel-From) required")
    if "text" not in values and "binary" not in values:
        raise Intake.reject(CHANNEL, 400, "not_a_kannel_message", "text (text=%a or body) required")
    text = values.get("text", values.get("binary", b""))

    def s(name: str) -> str:
        return values.get(name, b"").decode("utf-8", "replace").strip()

    known = {"from", "to", "text", "binary", "time", "smsc", "id", "udh", "coding", "charset"}
    return KannelMessage(sender=s("from"), text=text, recipient=s("to"), time=s("time"), smsc=s("smsc"),
                         message_id=s("id")[:200], udh=_udh_bytes(values.get("udh", b"")), coding=s("coding"),
                         charset=s("charset"),
                         extra={k: v.decode("utf-8", "replace")[:200] for k, v in values.items() if k not in known})


def _content_charset(content_type: str) -> str:
    if not content_type:
        return ""
    message = Message()
    message["content-type"] = content_type
    return message.get_param("charset") or ""


def _udh_bytes(value: bytes) -> bytes:
    # X-Kannel-UDH is hex; %u in a get-url is the raw header percent-encoded. A raw UDH starts
    # with its length byte (< 0x20), so it is never mistaken for hex digits.
    stripped = value.strip()
    if stripped and len(stripped) % 2 == 0 and all(c in b"0123456789abcdefABCDEF" for c in stripped):
        return bytes.fromhex(stripped.decode())
    return value


def decode_sms_text(raw: bytes, charset: str = "", coding: str = "") -> str:
    """Text from the bytes Kannel sent: UCS-2 when it says so, else UTF-8, else ISO-8859-1."""
    name = charset.strip().lower()
    # Kannel's %C says "UTF16-BE" for UCS-2 (coding 2); its post-url Content-Type says "UTF-16BE".
    if name in {"utf-16be", "utf16-be", "utf16be", "ucs-2", "ucs2", "utf-16"} or (not name and coding == "2"):
        try:
            return raw.decode("utf-16-be")
        except UnicodeDecodeError as exc:
            raise InvalidSms("text declared UCS-2 is not valid UTF-16BE") from exc
    if name and name not in {"gsm", "binary", "utf-8", "utf8"}:
        try:
            return raw.decode(name)
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def kannel_provider_id(message: KannelMessage, text: str) -> str:
    if message.message_id:
        return f"kannel:{message.message_id}"
    return "kannel:" + content_hash(message.sender, message.recipient, message.time, message.smsc, text,
                                    message.udh.hex())


def kannel_meta(message: KannelMessage, **more: Any) -> dict[str, Any]:
    meta = {"provider": "kannel", "to": message.recipient or None, "smsc": message.smsc or None,
            "sent_at": message.time or None, "coding": message.coding or None, **message.extra, **more}
    return {k: v for k, v in meta.items() if v is not None}


# Created by the API's lifespan (one store per process, under <data_dir>/sms-parts).
get_part_store = resource("sms_part_store")


_KANNEL_RESPONSES: dict = {200: {"content": {"text/plain": {}}}, 202: {}, **rejections(400, 401, 403, 413),
                           503: {}}
_KANNEL_QUERY = {"from": "sender (%p)", "to": "receiver (%P)", "text": "text (%b; %a is lossy)", "time": "sent at (%t)",
                 "smsc": "SMSC id (%i)", "id": "message id (%I)", "udh": "user data header (%u)",
                 "coding": "coding (%c)", "charset": "charset (%C)"}
_KANNEL_GET = {"parameters": [*GATEWAY_SECRET_PARAMETERS,
                              *(string_parameter(name, "query", text) for name, text in _KANNEL_QUERY.items())]}
_KANNEL_POST = {"parameters": [*GATEWAY_SECRET_PARAMETERS,
                               *(string_parameter(header, "header", f"post-url {name}")
                                 for name, header in _KANNEL_HEADERS.items())],
                "requestBody": {"content": {
                    "text/plain": {"schema": {"type": "string"}},
                    "application/x-www-form-urlencoded": {"schema": form_schema(_KANNEL_QUERY)}}}}


# Two routes, not one with two methods, so each gets its own OpenAPI operation id.
@router.get("/v1/sms/kannel", responses=_KANNEL_RESPONSES, openapi_extra=_KANNEL_GET)
@router.post("/v1/sms/kannel", responses=_KANNEL_RESPONSES, openapi_extra=_KANNEL_POST)
async def kannel_webhook(
    request: Request,
    intake: Annotated[Intake, Depends(get_intake)],
    settings: Annotated[Settings, Depends(get_settings)],
    parts: Annotated[PartStore, Depends(get_part_store)],
) -> Response:
    raw = b""
    try:
        query = query_bytes(request.url.query)
        check_gateway_secret(request, settings, query)
        body = await read_body(request, MAX_SMS_BYTES, CHANNEL) if request.method == "POST" else None
        raw = _raw_record(request, body)
        message = kannel_message(query, dict(request.headers), body, request.headers.get("content-type", ""))
        phone = sender_phone(message.sender)
        text = decode_sms_text(message.text, message.charset, message.coding)
        concat = concat_from_udh(message.udh)
    except Rejected as exc:
        return rejected_response(exc)
    except InvalidSms as exc:
        return await dead_letter(intake, raw, exc, PlainTextResponse(""))
    await sweep_expired_parts(parts, intake)
    if concat is not None and concat.total > 1:
        return await _kannel_part(intake, parts, raw, message, phone, text, concat)
    try:
        complaint = sms_complaint(kannel_provider_id(message, text), phone, complaint_text(text), kannel_meta(message))
    except InvalidSms as exc:
        return await dead_letter(intake, raw, exc, PlainTextResponse(exc.reply or ""))
    complaint = await accept(intake, complaint, raw)
    return PlainTextResponse(accepted_reply(complaint.tracking_number))


def _raw_record(request: Request, body: bytes | None) -> bytes:
    """What to keep as the raw payload: the query (minus the secret), Kannel headers and the body."""
    query = without_secret(request.url.query)
    headers = {k: v for k, v in request.headers.items() if k.lower().startswith("x-kannel-")}
    head = json.dumps({"method": request.method, "query": query, "headers": headers}, ensure_ascii=False)
    return head.encode() + b"\n" + (body or b"")


async def _kannel_part(intake: Intake, parts: PartStore, raw: bytes, message: KannelMessage, phone: str,
                       text: str, concat: Concat) -> Response:
    key = group_key(phone, message.recipient, message.smsc, concat)
    if parts.is_done(key):
        return Response(status_code=202)  # late redelivery of a part already published
    try:
        group = parts.add(key, concat.total, Part(concat.sequence, text, message.message_id or None,
                                                  {"raw": raw.decode("utf-8", "replace")[:4000], "phone": phone,
                                                   "meta": kannel_meta(message)}))
    except OSError as exc:
        raise unavailable(BrokerUnavailable(f"part store not writable: {exc}")) from exc
    if not group.complete:
        return Response(status_code=202)
    return await publish_group(intake, parts, group, reply=True)


async def publish_group(intake: Intake, parts: PartStore, group: Group, reply: bool) -> Response:
    """Publish a joined (or expired, incomplete) group, then mark it done."""
    first = min(group.parts, key=lambda p: p.sequence)
    meta = dict(first.meta.get("meta", {}))
    phone = first.meta.get("phone") or ""
    joined = group.joined_text()
    raw = "\n".join(p.meta.get("raw", "") for p in sorted(group.parts, key=lambda p: p.sequence)).encode()
    meta.update({"concatenated": True, "parts_total": group.total, "parts_received": len(group.parts)})
    if not group.complete:
        meta.update({"incomplete": True, "parts_missing": group.missing})
    provider_id = "kannel:concat:" + content_hash(phone, group.key, joined)
    try:
        complaint = sms_complaint(provider_id, phone, complaint_text(joined), meta)
    except InvalidSms as exc:
        answer = await dead_letter(intake, raw, exc, PlainTextResponse((exc.reply or "") if reply else ""))
        parts.mark_done(group.key)
        return answer
    complaint = await accept(intake, complaint, raw)
    parts.mark_done(group.key)
    return PlainTextResponse(accepted_reply(complaint.tracking_number) if reply else "")


async def sweep_expired_parts(parts: PartStore, intake: Intake, now: float | None = None) -> int:
    """Publish groups whose remaining parts never came (or whose publish failed); drop old markers."""
    swept = 0
    for key in parts.expired(now):
        if parts.is_done(key):
            parts.remove(key)
            continue
        group = parts.load(key)
        if not group.parts:
            parts.remove(key)
            continue
        try:
            await publish_group(intake, parts, group, reply=False)
        except Exception:  # noqa: BLE001 - a sweep must never fail the request that triggered it
            break
        parts.remove(key)
        swept += 1
    return swept
