"""Delivery receipts of the notifier's messages, folded into ``complaints.notifications``.

``POST /v1/notify/twilio/status?ref=…``  Twilio's status callback (form ``MessageSid``, ``MessageStatus``,
``ErrorCode``; signed with ``X-Twilio-Signature`` over the full URL, the ``ref`` query included, so the
reference cannot be forged). ``POST /v1/notify/meta/statuses``: a WhatsApp Cloud webhook delivery
(``X-Hub-Signature-256``) whose ``statuses[]`` carry ``biz_opaque_callback_data`` = the reference.

A WhatsApp Business account has one webhook URL: ``POST /v1/social/meta`` (``producers/social/meta.py``)
turns the ``statuses[]`` of its deliveries into receipts with ``whatsapp_status`` too; this endpoint is
for a deployment that subscribes a second app to the statuses alone.

A receipt is a ``NotificationRecord`` with result ``sent``/``delivered``/``read``/``failed``, published
on a key of its own (``schemas.ids.receipt_key``): readers fold records in any order
(``consumers/notify/ledger.py``), so an early, late or repeated receipt is harmless.
"""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, Request
from pydantic import ValidationError
from fastapi.responses import Response

from aduan.core.connections import BrokerUnavailable
from aduan.core.deps import PublisherDep, SettingsDep
from producers.http import read_body, rejections, unavailable
from producers.intake import Intake, record_topic
from producers.signatures import secret_value, verify_meta, verify_twilio
from producers.sms.common import parse_form
from producers.sms.twilio import signed_url
from schemas.events import NotificationRecord, utcnow
from schemas.ids import parse_notification_reference

router = APIRouter(tags=["notifications"])
MAX_RECEIPT_BYTES = 64 * 1024
TWILIO_RESULTS = {"queued": "sent", "accepted": "sent", "sending": "sent", "sent": "sent", "delivered": "delivered",
                  "read": "read", "failed": "failed", "undelivered": "failed"}
WHATSAPP_RESULTS = {"sent": "sent", "delivered": "delivered", "read": "read", "failed": "failed"}
PROVIDER_CHANNEL = {"twilio": "sms", "whatsapp": "social"}


def receipt(ref: str, provider: str, result: str, provider_message_id: str | None, error: str | None = None,
            channel: str | None = None) -> NotificationRecord | None:
    parsed = parse_notification_reference(ref)
    if parsed is None:
        return None
    notification_id, complaint_id, template = parsed
    try:
        return NotificationRecord(notification_id=notification_id, complaint_id=complaint_id,
                                  channel=channel or PROVIDER_CHANNEL[provider], provider=provider, template=template,
                                  result=result, error=error, at=utcnow(),
                                  provider_message_id=(provider_message_id or None) and provider_message_id[:300])
    except ValidationError:  # a reference aduan never wrote (too long a template): no receipt of ours
        return None


def whatsapp_status(status: Any) -> NotificationRecord | None:
    """One entry of a WhatsApp Cloud webhook's ``statuses[]``: a receipt when it answers one of aduan's own
    messages (its ``biz_opaque_callback_data`` is a notification reference), else None."""
    if not isinstance(status, dict):
        return None
    result = WHATSAPP_RESULTS.get(str(status.get("status")))
    if result is None:
        return None
    errors = status.get("errors") if isinstance(status.get("errors"), list) else []
    first = errors[0] if errors and isinstance(errors[0], dict) else {}
    error = str(first.get("title") or first.get("code") or "provider error")[:1000] if errors else None
    return receipt(str(status.get("biz_opaque_callback_data") or ""), "whatsapp", result, str(status.get("id") or ""),
                   error)


def whatsapp_receipts(payload: Any) -> list[NotificationRecord]:
    """The ``statuses[]`` of a WhatsApp Cloud webhook payload that answer aduan's own messages."""
    found = []
    for entry in (payload or {}).get("entry") or []:
        for change in (entry or {}).get("changes") or []:
            for status in ((change or {}).get("value") or {}).get("statuses") or []:
                if (record := whatsapp_status(status)) is not None:
                    found.append(record)
    return found


async def _publish(publisher, records: list[NotificationRecord]) -> None:
    try:
        for record in records:
            await publisher.publish_async(*record_topic(record), record)
    except BrokerUnavailable as exc:
        raise unavailable(exc) from exc


@router.post("/v1/notify/twilio/status", status_code=204, responses=rejections(400, 401, 403, 413, 503))
async def twilio_status(request: Request, settings: SettingsDep, publisher: PublisherDep) -> Response:
    signature = request.headers.get("X-Twilio-Signature")
    if not signature:
        raise Intake.reject("sms", 401, "missing_signature")
    raw = await read_body(request, MAX_RECEIPT_BYTES, "sms")
    params = parse_form(raw)
    if not verify_twilio(secret_value(settings.twilio_auth_token), signed_url(request, settings), params, signature):
        raise Intake.reject("sms", 403, "invalid_signature")
    fields = dict(params)
    result = TWILIO_RESULTS.get(fields.get("MessageStatus", ""))
    error = f"Twilio error {fields['ErrorCode']}" if fields.get("ErrorCode") else None
    record = receipt(request.query_params.get("ref", ""), "twilio", result, fields.get("MessageSid"), error) \
        if result else None
    await _publish(publisher, [record] if record else [])
    return Response(status_code=204)


@router.post("/v1/notify/meta/statuses", status_code=200, responses=rejections(400, 401, 403, 413, 503))
async def whatsapp_statuses(request: Request, settings: SettingsDep, publisher: PublisherDep) -> Response:
    signature = request.headers.get("X-Hub-Signature-256")
    if not signature:
        raise Intake.reject("social", 401, "missing_signature")
    raw = await read_body(request, MAX_RECEIPT_BYTES * 16, "social")
    if not verify_meta(secret_value(settings.meta_app_secret), raw, signature):
        raise Intake.reject("social", 403, "invalid_signature")
    try:
        payload = json.loads(raw)
    except ValueError:
        raise Intake.reject("social", 400, "invalid_json") from None
    await _publish(publisher, whatsapp_receipts(payload if isinstance(payload, dict) else {}))
    return Response(status_code=200)
