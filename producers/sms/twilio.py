"""Twilio's incoming-message webhook: ``POST /v1/sms/twilio``.

A form POST (Twilio, "Messaging webhooks": ``MessageSid``, ``From``, ``To``, ``Body``, ``NumMedia``,
``NumSegments``…, https://www.twilio.com/docs/messaging/guides/webhook-request) signed with
``X-Twilio-Signature`` (Twilio, "Webhooks security": HMAC-SHA1 over the URL and the sorted
parameters, https://www.twilio.com/docs/usage/webhooks/webhooks-security). It is answered with
TwiML that texts the citizen the tracking number. Twilio delivers long SMS already joined
(``NumSegments`` > 1, kept in ``channel_meta``); ``MessageSid`` is the provider message id.

The signature covers the concatenation of names and values, not where one ends: a captured
``MessageSid=SM…&NumMedia=0`` re-sent as ``MessageSid=SM…NumMedia0`` verifies too. So a sid must
have Twilio's documented shape (``SM`` for SMS, ``MM`` for MMS, then 32 hex digits; Twilio's API
reference, Message resource, ``sid`` pattern ``^(SM|MM)[0-9a-fA-F]{32}$``): a swallowed parameter
can never become a new complaint id.

What else the webhook carries (same page, "WhatsApp-specific parameters" and "Media"):
``NumMedia``/``MediaUrl{N}``/``MediaContentType{N}`` (MMS and WhatsApp media, fetched with the
account credentials into the blob store, ``producers.media``), ``ProfileName`` and ``WaId``
(WhatsApp sender name and number), ``Latitude``/``Longitude``/``Address``/``Label`` (a shared
location), ``ButtonText``/``ButtonPayload`` (a tapped quick-reply button: a ``CitizenAnswer``), and,
with Advanced Opt-Out on the Messaging Service, ``OptOutType`` (``STOP``/``START``/``HELP``: a
``ContactPreference``, not a complaint). A bare ``STOP``/``BERHENTI`` or ``YA``/``BELUM`` without
``OptOutType`` is recognised too (``producers.answers``).

Twilio may be configured to call the webhook with ``GET``: the parameters are then the query, and
the signature is over the full URL alone (no parameters appended) — the same HMAC rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Annotated
from urllib.parse import parse_qsl
from xml.sax.saxutils import escape

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from aduan.core.settings import Settings
from producers import answers
from producers.http import (form_schema, get_intake, get_settings, read_body, rejected_response, rejections,
                            string_parameter)
from producers.intake import Intake, Record, Rejected
from producers.media import MediaRef, coordinate, kind_of, text_or_placeholder
from producers.signatures import secret_value, verify_twilio
from producers.sms.common import (CHANNEL, MAX_SMS_BYTES, InvalidSms, accept, accepted_reply, bounded_int,
                                  complaint_text, dead_letter, parse_form, sender_phone, sms_complaint)
from schemas.contact import normalise_phone
from schemas.events import Complaint, LocationHint, Reporter, utcnow

router = APIRouter(tags=["intake"])

MESSAGE_SID = re.compile(r"^(SM|MM)[0-9a-fA-F]{32}$")
MAX_MEDIA = 10  # Twilio: "up to 10 media files" per message
OPT_OUT_REPLY = "Anda tidak akan menerima pesan lagi dari nomor ini. Kirim MULAI untuk berlangganan kembali."
OPT_IN_REPLY = "Anda akan menerima pesan kembali dari nomor ini."


@dataclass
class TwilioMessage:
    """What one webhook request is: a complaint (with media to fetch), or an answer/preference record,
    or nothing to keep (``ignored``, e.g. ``OptOutType=HELP``, which Twilio answers itself)."""

    complaint: Complaint | None = None
    media: list[MediaRef] = field(default_factory=list)
    record: Record | None = None
    ignored: str | None = None
    account_sid: str | None = None


def _sid(fields: dict[str, str]) -> str:
    sid = fields.get("MessageSid") or fields.get("SmsMessageSid") or fields.get("SmsSid")
    if not sid or not fields.get("From"):
        raise Intake.reject(CHANNEL, 400, "not_a_twilio_message", "MessageSid and From are required")
    if not MESSAGE_SID.fullmatch(sid) or any(fields.get(name, sid) != sid for name in ("SmsMessageSid", "SmsSid")):
        raise Intake.reject(CHANNEL, 400, "not_a_twilio_message", "MessageSid is not a Twilio message sid")
    return sid


def _sender(fields: dict[str, str]) -> str:
    try:
        return sender_phone(fields["From"])
    except InvalidSms:
        wa_id = fields.get("WaId", "")  # WhatsApp: the sender's number, digits only
        if wa_id.isdigit():
            try:
                return normalise_phone("+" + wa_id)
            except ValueError:
                pass
        raise


def _location(fields: dict[str, str]) -> LocationHint | None:
    lat, lon = coordinate(fields.get("Latitude"), 90), coordinate(fields.get("Longitude"), 180)
    words = ", ".join(part.strip() for part in (fields.get("Label", ""), fields.get("Address", "")) if part.strip())
    if lat is None or lon is None:
        return LocationHint(text=words[:500]) if words else None
    return LocationHint(lat=lat, lon=lon, text=words[:500] or None)


def twilio_message(params: list[tuple[str, str]]) -> TwilioMessage:
    """A Twilio incoming-message webhook (form fields ``MessageSid``, ``From``, ``Body``…) as what it is."""
    fields = dict(params)
    sid = _sid(fields)
    phone = _sender(fields)
    whatsapp = fields["From"].lower().startswith("whatsapp:")
    name = fields.get("ProfileName", "").strip()[:200] or None
    reporter = Reporter(phone=phone, name=name)
    body = fields.get("Body", "").replace("\x00", "").strip()
    now = utcnow()
    opt_out = fields.get("OptOutType", "").strip().upper()
    if opt_out in ("STOP", "START"):
        return TwilioMessage(record=answers.preference(CHANNEL, Reporter(phone=phone), opt_out == "STOP", body or opt_out,
                                                       "provider", sid, now))
    if opt_out == "HELP":
        return TwilioMessage(ignored="OptOutType HELP (answered by Twilio)")
    context = fields.get("OriginalRepliedMessageSid") or None
    if fields.get("ButtonPayload") or fields.get("ButtonText"):
        made = answers.answer(CHANNEL, sid, reporter, "button", fields.get("ButtonPayload", ""),
                              fields.get("ButtonText") or body or None, now, context)
        return TwilioMessage(record=made) if not isinstance(made, str) else TwilioMessage(ignored=made)
    media = [MediaRef(provider="twilio", url=fields[f"MediaUrl{i}"], declared_type=fields.get(f"MediaContentType{i}"),
                      kind=kind_of(fields.get(f"MediaContentType{i}")))
             for i in range(bounded_int(fields.get("NumMedia"), 0, MAX_MEDIA)) if fields.get(f"MediaUrl{i}")]
    if not media:
        made = answers.from_keyword(CHANNEL, sid, Reporter(phone=phone), body, now, context)
        if made is not None:
            return TwilioMessage(record=made) if not isinstance(made, str) else TwilioMessage(ignored=made)
    location = _location(fields)
    text, media_only = text_or_placeholder(body, media, location is not None and location.lat is not None)
    text = complaint_text(text)  # an empty message without media or pin is still invalid
    meta = {
        "provider": "twilio",
        "medium": "whatsapp" if whatsapp else "sms",
        "to": fields.get("To"),
        "account_sid": fields.get("AccountSid"),
        "num_segments": bounded_int(fields.get("NumSegments"), 1, 1000),
        "num_media": bounded_int(fields.get("NumMedia"), 0, 1000),
        "message_type": fields.get("MessageType") or None,
        "reply_to": context,
        "from_country": fields.get("FromCountry"),
        "media_only": media_only or None,
        "sender_key": answers.contact_key(CHANNEL, reporter),
    }
    complaint = sms_complaint(sid, phone, text, {k: v for k, v in meta.items() if v not in (None, [])})
    complaint = complaint.model_copy(update={"reporter": reporter, "location": location})
    return TwilioMessage(complaint=complaint, media=media, account_sid=fields.get("AccountSid"))


def twilio_complaint(params: list[tuple[str, str]]) -> Complaint:
    """The complaint of a webhook that is one (``twilio_message`` for every kind of message)."""
    message = twilio_message(params)
    if message.complaint is None:
        raise InvalidSms(f"not a complaint: {message.ignored or type(message.record).__name__}")
    return message.complaint


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
                  "To": "agency number", "Body": "text", "NumMedia": "attached media", "NumSegments": "SMS segments",
                  "MediaUrl0": "first media URL", "MediaContentType0": "its type", "ProfileName": "WhatsApp name",
                  "WaId": "WhatsApp number", "Latitude": "shared location", "Longitude": "shared location",
                  "Address": "shared location address", "ButtonPayload": "tapped button", "OptOutType": "STOP/START/HELP"}
_SIGNATURE = [string_parameter("X-Twilio-Signature", "header", "Twilio request signature", True)]


def _reply(record: Record | None) -> str | None:
    if getattr(record, "opted_out", None) is True:
        return OPT_OUT_REPLY
    if getattr(record, "opted_out", None) is False:
        return OPT_IN_REPLY
    return None


async def _receive(request: Request, intake: Intake, settings: Settings, read_params) -> Response:
    try:
        # What can be checked before the body is read is checked first: the signature itself covers
        # the parsed parameters, so it is verified right after parsing, before anything else.
        signature = request.headers.get("X-Twilio-Signature")
        if not signature:
            raise Intake.reject(CHANNEL, 401, "missing_signature", "X-Twilio-Signature required")
        token = secret_value(settings.twilio_auth_token)
        if not token:
            raise Intake.reject(CHANNEL, 403, "channel_not_configured")
        raw, params, signed_params = await read_params(request)
        if not verify_twilio(token, signed_url(request, settings), signed_params, signature):
            raise Intake.reject(CHANNEL, 403, "invalid_signature")
        message = twilio_message(params)
    except Rejected as exc:
        return rejected_response(exc)
    except InvalidSms as exc:
        return await dead_letter(intake, raw, exc, twiml(exc.reply))
    if message.record is not None:
        await accept(intake, message.record, raw)
        return twiml(_reply(message.record))
    if message.complaint is None:
        return twiml(None)
    complaint, letters = await intake.with_media(message.complaint, message.media, message.account_sid)
    complaint = await accept(intake, complaint, raw, letters)
    return twiml(accepted_reply(complaint.tracking_number))


async def _form(request: Request) -> tuple[bytes, list[tuple[str, str]], list[tuple[str, str]]]:
    raw = await read_body(request, MAX_SMS_BYTES, CHANNEL)
    if "application/x-www-form-urlencoded" not in request.headers.get("content-type", ""):
        raise Intake.reject(CHANNEL, 415, "unsupported_media_type", "expected application/x-www-form-urlencoded")
    params = parse_form(raw)
    return raw, params, params


async def _query(request: Request) -> tuple[bytes, list[tuple[str, str]], list[tuple[str, str]]]:
    raw = request.url.query.encode()
    if len(raw) > MAX_SMS_BYTES:
        raise Intake.reject(CHANNEL, 413, "payload_too_large", f"query longer than {MAX_SMS_BYTES} bytes")
    return raw, parse_qsl(request.url.query, keep_blank_values=True), []  # GET: the URL alone is signed


@router.post("/v1/sms/twilio",
             responses={200: {"content": {"application/xml": {}}}, **rejections(400, 401, 403, 413, 415), 503: {}},
             openapi_extra={
                 "parameters": _SIGNATURE,
                 "requestBody": {"required": True, "content": {"application/x-www-form-urlencoded": {
                     "schema": form_schema(_TWILIO_FIELDS, required=("MessageSid", "From"))}}}})
async def twilio_webhook(
    request: Request,
    intake: Annotated[Intake, Depends(get_intake)],
    settings: Annotated[Settings, Depends(get_settings)],
) -> Response:
    return await _receive(request, intake, settings, _form)


@router.get("/v1/sms/twilio",
            responses={200: {"content": {"application/xml": {}}}, **rejections(400, 401, 403, 413), 503: {}},
            openapi_extra={"parameters": _SIGNATURE + [string_parameter(name, "query", text, name in ("MessageSid", "From"))
                                                       for name, text in _TWILIO_FIELDS.items()]})
async def twilio_webhook_get(
    request: Request,
    intake: Annotated[Intake, Depends(get_intake)],
    settings: Annotated[Settings, Depends(get_settings)],
) -> Response:
    """The same webhook configured with HTTP method GET (parameters in the query)."""
    return await _receive(request, intake, settings, _query)
