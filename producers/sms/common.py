"""What the SMS providers share: the text and sender rules, the complaint they build, the replies
texted back, the dead-letter answer, form and query parsing, and the gateways' shared secret.

Gateways (Kannel, Gammu) authenticate with the shared secret ``ADUAN_SMS_GATEWAY_SECRET``, in the
``X-Aduan-Gateway-Secret`` header or, since Kannel cannot add headers to its requests, a
``secret`` query parameter (keep such URLs out of access logs). Twilio signs its requests instead
(``producers/sms/twilio.py``).

A parseable message that cannot be a complaint (empty text, sender is not a phone number) raises
``InvalidSms``: it is sent to the dead-letter topic and answered 2xx, so the gateway does not retry
it forever.
"""

from __future__ import annotations

import hashlib
from typing import Any
from urllib.parse import parse_qsl, unquote_to_bytes

from fastapi import Request
from fastapi.responses import Response

from aduan.core.connections import BrokerUnavailable
from aduan.core.settings import Settings
from producers.http import string_parameter, unavailable
from producers.intake import Intake, Record
from producers.signatures import constant_time_equal, secret_value
from schemas.contact import normalise_phone
from schemas.events import MAX_TEXT_CHARS, Complaint, Reporter, utcnow

CHANNEL = "sms"
STAGE = "producers.sms"
MAX_SMS_BYTES = 64 * 1024  # the largest request body any SMS provider may send
MAX_PARTS = 255  # a concatenated SMS has at most 255 parts (the UDH counts them in one byte)
GATEWAY_SECRET_HEADER = "X-Aduan-Gateway-Secret"


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


def bounded_int(value: object, default: int, ceiling: int) -> int:
    """A provider's count field as an int in ``0..ceiling``; ``default`` when it is not a number."""
    try:
        return max(0, min(int(str(value)), ceiling))
    except (TypeError, ValueError):
        return default


def parse_form(raw: bytes) -> list[tuple[str, str]]:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise Intake.reject(CHANNEL, 400, "invalid_form", "form body is not UTF-8") from exc
    return parse_qsl(text, keep_blank_values=True)


def query_pairs(query: str) -> list[tuple[str, str]]:
    """Each parameter of a query as (decoded name, the pair as sent)."""
    return [(unquote_to_bytes(pair.partition("=")[0].replace("+", " ")).decode("utf-8", "replace"), pair)
            for pair in query.split("&") if pair]


def query_bytes(query: str) -> dict[str, bytes]:
    """Query parameters as raw bytes: Kannel percent-encodes UCS-2 text and binary UDH, not UTF-8."""
    params: dict[str, bytes] = {}
    for name, pair in query_pairs(query):
        params.setdefault(name, unquote_to_bytes(pair.partition("=")[2].replace("+", " ")))
    return params


def without_secret(query: str) -> str:
    """The query minus every parameter that decodes to the name ``secret`` (``%73ecret`` included):
    the same decoding as the check, so whatever could authenticate is never stored."""
    return "&".join(pair for name, pair in query_pairs(query) if name != "secret")


async def accept(intake: Intake, item: Complaint | Record, raw: bytes,
                 media_letters: list[tuple[bytes, str]] = ()) -> Complaint | Record:
    """Publish the complaint (with the dead letters of its media fetches that failed) or an answer/
    preference record; 503 (``HTTPException``) when Kafka did not acknowledge it."""
    try:
        if not isinstance(item, Complaint):
            await intake.record(item, raw)
            return item
        accepted = await intake.accept(item, raw)
        await intake.media_dead_letters(CHANNEL, list(media_letters))
        return accepted
    except BrokerUnavailable as exc:
        raise unavailable(exc) from exc


async def dead_letter(intake: Intake, raw: bytes, exc: InvalidSms, answer: Response) -> Response:
    """Dead-letter a message that cannot be a complaint, then give the gateway its 2xx ``answer``."""
    try:
        await intake.dead_letter(CHANNEL, raw, exc.reason, stage=STAGE)
    except BrokerUnavailable as broker:
        raise unavailable(broker) from broker
    return answer


# --- gateways: shared secret ---------------------------------------------------------------------

GATEWAY_SECRET_PARAMETERS = [
    string_parameter(GATEWAY_SECRET_HEADER, "header", "gateway shared secret"),
    string_parameter("secret", "query", "gateway shared secret, for gateways that cannot send headers"),
]


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
