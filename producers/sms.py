"""SMS channel: Twilio's messaging webhook and the self-hosted Indonesian gateways (Kannel, Gammu).

``POST /v1/sms/twilio``  form POST signed with ``X-Twilio-Signature``; answered with TwiML that
                          texts the citizen the tracking number. Twilio delivers long SMS already
                          joined (``NumSegments`` > 1, kept in ``channel_meta``).
``GET|POST /v1/sms/kannel`` Kannel ``sms-service`` callback (``get-url`` or ``post-url``). The body of
                          the answer is what Kannel texts back, so it is the tracking number.
``POST /v1/sms/gammu``    a ``RunOnReceive`` forwarder posting Gammu SMSD's environment
                          (``SMS_1_NUMBER``, ``SMS_1_TEXT``, ``DECODED_1_TEXT``…) as JSON or form.

Gateways authenticate with the shared secret ``ADUAN_SMS_GATEWAY_SECRET``, in the
``X-Aduan-Gateway-Secret`` header or, since Kannel cannot add headers to its requests, a
``secret`` query parameter (keep such URLs out of access logs).

Kannel configuration (escape codes of the Kannel user guide, "Parameters (Escape Codes)")::

    group = sms-service
    keyword = default
    catch-all = true
    get-url = "https://aduan.example.go.id/v1/sms/kannel?secret=…&from=%p&to=%P&text=%a&time=%t&smsc=%i&id=%I&udh=%u&coding=%c&charset=%C"
    omit-empty = true          # a stored part of a long SMS is answered with an empty body
    max-messages = 1

and in the ``smsbox`` group ``http-request-retry`` / ``http-queue-delay`` so a 503 is retried.
With ``post-url`` Kannel sends the text as the body and the rest as ``X-Kannel-*`` headers;
both forms are read.

Answers: success only after Kafka acknowledged; 503 + ``Retry-After`` when it did not;
4xx for unauthenticated or unparseable requests (nothing kept); 200 for a parseable message
that cannot be a complaint (empty text, sender is not a phone number), which is sent to the
dead-letter topic so the gateway does not retry it forever.

Idempotency: Twilio's ``MessageSid``, Kannel's ``%I`` message id and Gammu's backend ids are the
provider message ids; without an id the sender, time, text and UDH are hashed. A redelivery
therefore maps to the same complaint id.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from email.message import Message
from typing import Annotated, Any
from urllib.parse import parse_qsl, unquote_to_bytes
from xml.sax.saxutils import escape

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse, PlainTextResponse, Response

from aduan.core.settings import Settings
from producers.http import (resource, form_schema, get_intake, get_settings, load_json_text, read_body, rejected_response,
                            rejections, string_parameter, unavailable)
from producers.intake import Intake, Rejected
from aduan.core.connections import BrokerUnavailable
from producers.signatures import constant_time_equal, secret_value, verify_twilio
from producers.sms_parts import Concat, Group, Part, PartStore, concat_from_udh, group_key
from schemas.contact import normalise_phone
from schemas.events import MAX_TEXT_CHARS, Complaint, Reporter, utcnow

router = APIRouter(tags=["intake"])

CHANNEL = "sms"
STAGE = "producers.sms"
MAX_SMS_BYTES = 64 * 1024
GATEWAY_SECRET_HEADER = "X-Aduan-Gateway-Secret"
MAX_PARTS = 255


def accepted_reply(tracking_number: str) -> str:
    # One GSM-7 segment: no characters outside the default alphabet, under 160 characters.
    return f"Aduan Anda diterima. Nomor pelacakan: {tracking_number}. Terima kasih."


EMPTY_REPLY = "Pesan Anda kosong. Silakan kirim aduan Anda dalam bentuk teks."


class InvalidSms(Exception):
    """Parseable but not a complaint: dead-lettered and answered 2xx."""

    def __init__(self, reason: str, reply: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.reply = reply


def sender_phone(raw: str) -> str:
    number = raw.strip()
    for scheme in ("whatsapp:", "tel:", "sms:"):
        if number.lower().startswith(scheme):
            number = number[len(scheme):]
    if not number or any(ch.isalpha() for ch in number):
        raise InvalidSms("sender is not a phone number (alphanumeric sender id)")
    try:
        return normalise_phone(number)
    except ValueError as exc:
        raise InvalidSms(f"sender is not a phone number: {exc.__class__.__name__}") from exc


def complaint_text(text: str) -> str:
    text = text.replace("\x00", "").strip()
    if not text:
        raise InvalidSms("empty message text", reply=EMPTY_REPLY)
    if len(text) > MAX_TEXT_CHARS:
        raise InvalidSms(f"message text longer than {MAX_TEXT_CHARS} characters")
    return text


def sms_complaint(provider_message_id: str, phone: str, text: str, meta: dict[str, Any]) -> Complaint:
    if len(provider_message_id) > 300:  # the schema's limit; a hash keeps an over-long id unique
        provider_message_id = provider_message_id[:200] + ":" + content_hash(provider_message_id)
    return Complaint.new(channel=CHANNEL, provider_message_id=provider_message_id, received_at=utcnow(),
                         reporter=Reporter(phone=phone), text=text, channel_meta=meta)


def content_hash(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:32]


# --- Twilio --------------------------------------------------------------------------------------

def parse_form(raw: bytes) -> list[tuple[str, str]]:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise Intake.reject(CHANNEL, 400, "invalid_form", "form body is not UTF-8") from exc
    return parse_qsl(text, keep_blank_values=True)


def twilio_complaint(params: list[tuple[str, str]]) -> Complaint:
    """A Twilio incoming-message webhook (form fields ``MessageSid``, ``From``, ``Body``…) as a complaint."""
    fields = dict(params)
    sid = fields.get("MessageSid") or fields.get("SmsMessageSid") or fields.get("SmsSid")
    if not sid or not fields.get("From"):
        raise Intake.reject(CHANNEL, 400, "not_a_twilio_message", "MessageSid and From are required")
    phone = sender_phone(fields["From"])
    text = complaint_text(fields.get("Body", ""))
    media = [{"url": fields[f"MediaUrl{i}"], "content_type": fields.get(f"MediaContentType{i}")}
             for i in range(_int(fields.get("NumMedia"), 0, 10)) if fields.get(f"MediaUrl{i}")]
    meta = {
        "provider": "twilio",
        "medium": "whatsapp" if fields["From"].lower().startswith("whatsapp:") else "sms",
        "to": fields.get("To"),
        "account_sid": fields.get("AccountSid"),
        "num_segments": _int(fields.get("NumSegments"), 1, 1000),
        "num_media": _int(fields.get("NumMedia"), 0, 1000),
        "media": media,
        "from_country": fields.get("FromCountry"),
    }
    return sms_complaint(sid, phone, text, {k: v for k, v in meta.items() if v not in (None, [])})


def twiml(message: str | None) -> Response:
    inner = f"<Message>{escape(message)}</Message>" if message else ""
    return Response(f'<?xml version="1.0" encoding="UTF-8"?><Response>{inner}</Response>',
                    media_type="application/xml")


def signed_url(request: Request, settings: Settings) -> str:
    """The URL Twilio signed: the public base URL (behind a proxy) plus path and query."""
    if not settings.public_base_url:
        return str(request.url)
    query = request.url.query
    return settings.public_base_url.rstrip("/") + request.url.path + (f"?{query}" if query else "")


_TWILIO_FIELDS = {"MessageSid": "message id (idempotency)", "AccountSid": "account", "From": "sender",
                  "To": "agency number", "Body": "text", "NumMedia": "attached media", "NumSegments": "SMS segments"}
_GATEWAY_SECRET_PARAMETERS = [
    string_parameter(GATEWAY_SECRET_HEADER, "header", "gateway shared secret"),
    string_parameter("secret", "query", "gateway shared secret, for gateways that cannot send headers"),
]


@router.post("/v1/sms/twilio",
             responses={200: {"content": {"application/xml": {}}}, **rejections(400, 401, 403, 413, 415), 503: {}},
             openapi_extra={
                 "parameters": [string_parameter("X-Twilio-Signature", "header", "Twilio request signature", True)],
                 "requestBody": {"required": True, "content": {"application/x-www-form-urlencoded": {
                     "schema": form_schema(_TWILIO_FIELDS, required=("MessageSid", "From"))}}}})
async def twilio_webhook(
    request: Request,
    intake: Annotated[Intake, Depends(get_intake)],
    settings: Annotated[Settings, Depends(get_settings)],
) -> Response:
    try:
        raw = await read_body(request, MAX_SMS_BYTES, CHANNEL)
        if "application/x-www-form-urlencoded" not in request.headers.get("content-type", ""):
            raise Intake.reject(CHANNEL, 415, "unsupported_media_type", "expected application/x-www-form-urlencoded")
        params = parse_form(raw)
        signature = request.headers.get("X-Twilio-Signature")
        if not signature:
            raise Intake.reject(CHANNEL, 401, "missing_signature", "X-Twilio-Signature required")
        token = secret_value(settings.twilio_auth_token)
        if not verify_twilio(token, signed_url(request, settings), params, signature):
            raise Intake.reject(CHANNEL, 403, "invalid_signature" if token else "channel_not_configured")
        complaint = twilio_complaint(params)
    except Rejected as exc:
        return rejected_response(exc)
    except InvalidSms as exc:
        return await _dead_letter(intake, raw, exc, twiml(exc.reply))
    try:
        complaint = await intake.accept(complaint, raw)
    except BrokerUnavailable as exc:
        raise unavailable(exc) from exc
    return twiml(accepted_reply(complaint.tracking_number))


async def _dead_letter(intake: Intake, raw: bytes, exc: InvalidSms, answer: Response) -> Response:
    try:
        await intake.dead_letter(CHANNEL, raw, exc.reason, stage=STAGE)
    except BrokerUnavailable as broker:
        raise unavailable(broker) from broker
    return answer


def _int(value: object, default: int, ceiling: int) -> int:
    try:
        return max(0, min(int(str(value)), ceiling))
    except (TypeError, ValueError):
        return default


# --- gateways: shared secret ---------------------------------------------------------------------

def check_gateway_secret(request: Request, settings: Settings, query: dict[str, bytes]) -> None:
    expected = secret_value(settings.sms_gateway_secret)
    given = request.headers.get(GATEWAY_SECRET_HEADER)
    if given is None and "secret" in query:
        given = query["secret"].decode("utf-8", "replace")
    if not given:
        raise Intake.reject(CHANNEL, 401, "missing_secret", f"{GATEWAY_SECRET_HEADER} or secret= required")
    if not expected:
        raise Intake.reject(CHANNEL, 403, "channel_not_configured")
    if not constant_time_equal(given, expected):
        raise Intake.reject(CHANNEL, 403, "invalid_secret")


def query_bytes(query: str) -> dict[str, bytes]:
    """Query parameters as raw bytes: Kannel percent-encodes UCS-2 text and binary UDH, not UTF-8."""
    params: dict[str, bytes] = {}
    for pair in query.split("&"):
        if not pair:
            continue
        name, _, value = pair.partition("=")
        key = unquote_to_bytes(name.replace("+", " ")).decode("utf-8", "replace")
        params.setdefault(key, unquote_to_bytes(value.replace("+", " ")))
    return params


# --- Kannel --------------------------------------------------------------------------------------

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


_KANNEL_HEADERS = {"from": "X-Kannel-From", "to": "X-Kannel-To", "time": "X-Kannel-Time", "udh": "X-Kannel-UDH",
                   "smsc": "X-Kannel-SMSC", "coding": "X-Kannel-Coding", "id": "X-Kannel-Message-Id"}


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
                values.setdefault("charset", charset.encode())
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
                         message_id=s("id"), udh=_udh_bytes(values.get("udh", b"")), coding=s("coding"),
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
    if name in {"utf-16be", "utf16-be", "ucs-2", "ucs2", "utf-16"} or (not name and coding == "2"):
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
_KANNEL_QUERY = {"from": "sender (%p)", "to": "receiver (%P)", "text": "text (%a)", "time": "sent at (%t)",
                 "smsc": "SMSC id (%i)", "id": "message id (%I)", "udh": "user data header (%u)",
                 "coding": "coding (%c)", "charset": "charset (%C)"}
_KANNEL_GET = {"parameters": [*_GATEWAY_SECRET_PARAMETERS,
                              *(string_parameter(name, "query", text) for name, text in _KANNEL_QUERY.items())]}
_KANNEL_POST = {"parameters": [*_GATEWAY_SECRET_PARAMETERS,
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
        return await _dead_letter(intake, raw, exc, PlainTextResponse(""))
    await sweep_expired_parts(parts, intake)
    if concat is not None and concat.total > 1:
        return await _kannel_part(intake, parts, raw, message, phone, text, concat)
    try:
        complaint = sms_complaint(kannel_provider_id(message, text), phone, complaint_text(text), kannel_meta(message))
    except InvalidSms as exc:
        return await _dead_letter(intake, raw, exc, PlainTextResponse(exc.reply or ""))
    return await _accept_plain(intake, complaint, raw)


async def _accept_plain(intake: Intake, complaint: Complaint, raw: bytes) -> Response:
    try:
        complaint = await intake.accept(complaint, raw)
    except BrokerUnavailable as exc:
        raise unavailable(exc) from exc
    return PlainTextResponse(accepted_reply(complaint.tracking_number))


def _raw_record(request: Request, body: bytes | None) -> bytes:
    """What to keep as the raw payload: the query (minus the secret), Kannel headers and the body."""
    query = "&".join(p for p in request.url.query.split("&") if not p.startswith("secret="))
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
        answer = await _dead_letter(intake, raw, exc, PlainTextResponse((exc.reply or "") if reply else ""))
        parts.mark_done(group.key)
        return answer
    try:
        complaint = await intake.accept(complaint, raw)
    except BrokerUnavailable as exc:
        raise unavailable(exc) from exc
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


# --- Gammu ---------------------------------------------------------------------------------------

def gammu_fields(raw: bytes, content_type: str) -> dict[str, str]:
    if "application/json" in content_type:
        try:
            data = load_json_text(raw)
        except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
            raise Intake.reject(CHANNEL, 400, "invalid_json", str(exc)[:200]) from exc
        if not isinstance(data, dict):
            raise Intake.reject(CHANNEL, 400, "invalid_json", "expected a JSON object")
        return {str(k): v if isinstance(v, str) else json.dumps(v) for k, v in data.items()}
    if "application/x-www-form-urlencoded" in content_type:
        return dict(parse_form(raw))
    raise Intake.reject(CHANNEL, 415, "unsupported_media_type", "expected application/json or a form")


def gammu_complaint(fields: dict[str, str]) -> Complaint:
    """Gammu SMSD ``RunOnReceive`` environment (gammu-smsd-run(7)) as a complaint.

    Gammu links the parts of a long SMS itself (``MultipartTimeout``): ``DECODED_n_TEXT`` holds
    the joined text, else the ``SMS_n_TEXT`` of the physical messages are concatenated.
    """
    if not fields.get("SMS_1_NUMBER"):
        raise Intake.reject(CHANNEL, 400, "not_a_gammu_message", "SMS_1_NUMBER required")
    phone = sender_phone(fields["SMS_1_NUMBER"])
    messages = _int(fields.get("SMS_MESSAGES"), 1, MAX_PARTS) or 1
    decoded = _int(fields.get("DECODED_PARTS"), 0, MAX_PARTS)
    texts = [fields[f"DECODED_{i}_TEXT"] for i in range(1, decoded + 1) if fields.get(f"DECODED_{i}_TEXT")]
    if not texts:
        texts = [fields.get(f"SMS_{i}_TEXT", "") for i in range(1, messages + 1)]
    text = complaint_text("".join(texts))
    ids = " ".join(fields.get("ids", "").split())
    phone_id = fields.get("PHONE_ID", "")
    if ids:
        provider_id = f"gammu:{phone_id}:{ids}"
    else:
        provider_id = "gammu:" + content_hash(phone, phone_id, fields.get("received_at", ""), text)
    meta = {"provider": "gammu", "phone_id": phone_id or None, "sms_messages": messages, "decoded_parts": decoded,
            "class": fields.get("SMS_1_CLASS"), "reference": fields.get("SMS_1_REFERENCE"),
            "backend_ids": ids.split() or None, "sent_at": fields.get("received_at")}
    return sms_complaint(provider_id, phone, text, {k: v for k, v in meta.items() if v is not None})


_GAMMU_FIELDS = {"SMS_1_NUMBER": "sender", "SMS_1_TEXT": "text of part 1", "SMS_MESSAGES": "physical messages",
                 "DECODED_PARTS": "decoded parts", "DECODED_1_TEXT": "joined text", "PHONE_ID": "modem",
                 "ids": "backend message ids", "received_at": "received at"}
_GAMMU_ANSWER = {"type": "object", "properties": {
    "complaint_id": {"type": "string"}, "tracking_number": {"type": "string"},
    "status": {"type": "string", "enum": ["dead_lettered"]}, "reason": {"type": "string"},
    "reply": {"type": ["string", "null"]}}}


@router.post("/v1/sms/gammu",
             responses={200: {"content": {"application/json": {"schema": _GAMMU_ANSWER}}},
                        **rejections(400, 401, 403, 413, 415), 503: {}},
             openapi_extra={"parameters": _GATEWAY_SECRET_PARAMETERS, "requestBody": {"required": True, "content": {
                 "application/json": {"schema": form_schema(_GAMMU_FIELDS, required=("SMS_1_NUMBER",))},
                 "application/x-www-form-urlencoded": {"schema": form_schema(_GAMMU_FIELDS)}}}})
async def gammu_webhook(
    request: Request,
    intake: Annotated[Intake, Depends(get_intake)],
    settings: Annotated[Settings, Depends(get_settings)],
) -> Response:
    raw = b""
    try:
        check_gateway_secret(request, settings, query_bytes(request.url.query))
        raw = await read_body(request, MAX_SMS_BYTES, CHANNEL)
        complaint = gammu_complaint(gammu_fields(raw, request.headers.get("content-type", "")))
    except Rejected as exc:
        return rejected_response(exc)
    except InvalidSms as exc:
        return await _dead_letter(intake, raw, exc, JSONResponse({"status": "dead_lettered", "reason": exc.reason,
                                                                   "reply": exc.reply}))
    try:
        complaint = await intake.accept(complaint, raw)
    except BrokerUnavailable as exc:
        raise unavailable(exc) from exc
    return JSONResponse({"complaint_id": complaint.complaint_id, "tracking_number": complaint.tracking_number,
                         "reply": accepted_reply(complaint.tracking_number)})
