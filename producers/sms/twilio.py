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
"""

from __future__ import annotations

import re
from typing import Annotated
from xml.sax.saxutils import escape

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from aduan.core.settings import Settings
from producers.http import (form_schema, get_intake, get_settings, read_body, rejected_response, rejections,
                            string_parameter)
from producers.intake import Intake, Rejected
from producers.signatures import secret_value, verify_twilio
from producers.sms.common import (CHANNEL, MAX_SMS_BYTES, InvalidSms, accept, accepted_reply, bounded_int,
                                  complaint_text, dead_letter, parse_form, sender_phone, sms_complaint)
from schemas.events import Complaint

router = APIRouter(tags=["intake"])

MESSAGE_SID = re.compile(r"^(SM|MM)[0-9a-fA-F]{32}$")


def twilio_complaint(params: list[tuple[str, str]]) -> Complaint:
    """A Twilio incoming-message webhook (form fields ``MessageSid``, ``From``, ``Body``…) as a complaint."""
    fields = dict(params)
    sid = fields.get("MessageSid") or fields.get("SmsMessageSid") or fields.get("SmsSid")
    if not sid or not fields.get("From"):
        raise Intake.reject(CHANNEL, 400, "not_a_twilio_message", "MessageSid and From are required")
    if not MESSAGE_SID.fullmatch(sid) or any(fields.get(name, sid) != sid for name in ("SmsMessageSid", "SmsSid")):
        raise Intake.reject(CHANNEL, 400, "not_a_twilio_message", "MessageSid is not a Twilio message sid")
    phone = sender_phone(fields["From"])
    text = complaint_text(fields.get("Body", ""))
    media = [{"url": fields[f"MediaUrl{i}"], "content_type": fields.get(f"MediaContentType{i}")}
             for i in range(bounded_int(fields.get("NumMedia"), 0, 10)) if fields.get(f"MediaUrl{i}")]
    meta = {
        "provider": "twilio",
        "medium": "whatsapp" if fields["From"].lower().startswith("whatsapp:") else "sms",
        "to": fields.get("To"),
        "account_sid": fields.get("AccountSid"),
        "num_segments": bounded_int(fields.get("NumSegments"), 1, 1000),
        "num_media": bounded_int(fields.get("NumMedia"), 0, 1000),
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
        # What can be checked before the body is read is checked first: the signature itself covers
        # the parsed parameters, so it is verified right after parsing, before anything else.
        signature = request.headers.get("X-Twilio-Signature")
        if not signature:
            raise Intake.reject(CHANNEL, 401, "missing_signature", "X-Twilio-Signature required")
        token = secret_value(settings.twilio_auth_token)
        if not token:
            raise Intake.reject(CHANNEL, 403, "channel_not_configured")
        raw = await read_body(request, MAX_SMS_BYTES, CHANNEL)
        if "application/x-www-form-urlencoded" not in request.headers.get("content-type", ""):
            raise Intake.reject(CHANNEL, 415, "unsupported_media_type", "expected application/x-www-form-urlencoded")
        params = parse_form(raw)
        if not verify_twilio(token, signed_url(request, settings), params, signature):
            raise Intake.reject(CHANNEL, 403, "invalid_signature")
        complaint = twilio_complaint(params)
    except Rejected as exc:
        return rejected_response(exc)
    except InvalidSms as exc:
        return await dead_letter(intake, raw, exc, twiml(exc.reply))
    complaint = await accept(intake, complaint, raw)
    return twiml(accepted_reply(complaint.tracking_number))
