"""What the social providers share: the batch a delivery turns into, defensive access to signed
payloads of any shape, provider times, the complaint they build, the signature check on the body
and the answer that waits for Kafka.

One delivery may carry many events; the answer is 200 only after every complaint in it was
acknowledged by Kafka (and every unusable event dead-lettered, every answer, preference and
revision recorded). Otherwise 503: the provider redelivers the batch, and what was already
published maps to the same ids.

A parser's outcome for one event is a ``Complaint``, a ``WithMedia`` (a complaint and the provider
media to fetch into the blob store before it is published, ``producers.media``), a ``Lookup`` (an
event whose content must first be read from the provider's API: Instagram mentions), a record
(``CitizenAnswer``, ``ContactPreference``, ``ComplaintRevision``) or a reason it is ignored.
"""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import Request
from fastapi.responses import JSONResponse, Response
from pydantic import ValidationError

from aduan.core.connections import BrokerUnavailable
from producers.http import load_json_text, read_body, rejected_response, rejections, string_parameter, unavailable
from producers.intake import Intake, Record, Rejected
from producers.media import Failed, MediaFetcher, MediaRef, Refused
from schemas.events import (MAX_TEXT_CHARS, CitizenAnswer, Complaint, ComplaintRevision, ContactPreference,
                            LocationHint, Reporter, utcnow)

CHANNEL = "social"
STAGE = "producers.social"
MAX_SOCIAL_BYTES = 1024 * 1024


class InvalidEvent(Exception):
    """A signed, parseable event that cannot become a complaint: dead-lettered."""


@dataclass
class WithMedia:
    complaint: Complaint
    media: list[MediaRef]


@dataclass
class Lookup:
    """An event whose text is fetched from the provider's API before it can be a complaint."""

    resolve: Callable[[MediaFetcher], Awaitable[WithMedia]]
    replay: bytes = b""


@dataclass
class Batch:
    """What one delivery turned into."""

    complaints: list[Complaint] = field(default_factory=list)
    invalid: list[tuple[str, bytes]] = field(default_factory=list)  # (reason, replayable single-event payload)
    ignored: list[str] = field(default_factory=list)
    records: list[Record] = field(default_factory=list)  # answers, preferences, revisions
    media: dict[str, list[MediaRef]] = field(default_factory=dict)  # complaint_id → media to fetch
    lookups: list[Lookup] = field(default_factory=list)

    def summary(self) -> dict[str, int]:
        counts = {"accepted": len(self.complaints), "dead_lettered": len(self.invalid), "ignored": len(self.ignored)}
        return counts | ({"recorded": len(self.records)} if self.records else {})  # answers, opt-outs, revisions

    def add_complaint(self, complaint: Complaint, media: list[MediaRef] = ()) -> None:
        self.complaints.append(complaint)
        if media:
            self.media[complaint.complaint_id] = list(media)


# --- defensive access: a signed payload may still have any shape ----------------------------------

def as_dict(value: object) -> dict:
    return value if isinstance(value, dict) else {}


def as_list(value: object) -> list:
    return value if isinstance(value, list) else []


def as_str(value: object) -> str:
    if isinstance(value, bool) or value is None:
        return ""
    return str(value) if isinstance(value, (str, int)) else ""


def agency_ids(configured: str) -> frozenset[str]:
    return frozenset(part.strip() for part in configured.split(",") if part.strip())


def addressed_to(account_id: str, agency: frozenset[str]) -> bool:
    return bool(account_id) and (not agency or account_id in agency)


def parse_time(value: object) -> datetime:
    """Provider time (epoch s/ms, ISO 8601 or X's ``created_at``), or now when absent or implausible."""
    now = utcnow()
    parsed: datetime | None = None
    text = as_str(value).strip()
    try:
        if text.isdigit():
            number = int(text)
            parsed = datetime.fromtimestamp(number / 1000 if number > 10**11 else number, timezone.utc)
        elif text:
            for fmt in ("%Y-%m-%dT%H:%M:%S%z", "%a %b %d %H:%M:%S %z %Y"):
                try:
                    parsed = datetime.strptime(text, fmt)
                    break
                except ValueError:
                    continue
    except (OverflowError, OSError, ValueError):
        parsed = None
    if parsed is None or parsed > now + timedelta(days=1) or parsed.year < 2006:
        return now
    return parsed.astimezone(timezone.utc)


def event_text(value: object) -> str:
    text = as_str(value).replace("\x00", "").strip()
    if not text:
        raise InvalidEvent("empty text")
    if len(text) > MAX_TEXT_CHARS:
        raise InvalidEvent(f"text longer than {MAX_TEXT_CHARS} characters")
    return text


def social_complaint(provider_message_id: str, reporter: Reporter, text: str, when: object,
                     meta: dict[str, Any], location: LocationHint | None = None) -> Complaint:
    meta = {k: v for k, v in meta.items() if v not in (None, "", [], {})}
    return Complaint.new(channel=CHANNEL, provider_message_id=provider_message_id, received_at=parse_time(when),
                         reporter=reporter, text=text, location=location, channel_meta=meta)


def display_name(value: object) -> str | None:
    return as_str(value).strip()[:200] or None


def collect(batch: Batch, build, replay: dict) -> None:
    """Run one event's parser; file its outcome in the batch."""
    try:
        outcome = build()
    except InvalidEvent as exc:
        batch.invalid.append((str(exc), json.dumps(replay, ensure_ascii=False).encode()))
        return
    except (ValidationError, ValueError, TypeError, KeyError) as exc:
        reason = f"unexpected event shape: {type(exc).__name__}"
        batch.invalid.append((reason, json.dumps(replay, ensure_ascii=False).encode()))
        return
    if isinstance(outcome, Complaint):
        batch.add_complaint(outcome)
    elif isinstance(outcome, WithMedia):
        batch.add_complaint(outcome.complaint, outcome.media)
    elif isinstance(outcome, Lookup):
        outcome.replay = json.dumps(replay, ensure_ascii=False).encode()
        batch.lookups.append(outcome)
    elif isinstance(outcome, (CitizenAnswer, ContactPreference, ComplaintRevision)):
        batch.records.append(outcome)
    else:
        batch.ignored.append(outcome)


# --- HTTP ----------------------------------------------------------------------------------------

def parse_json(raw: bytes) -> object:
    try:
        return load_json_text(raw)
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise Intake.reject(CHANNEL, 400, "invalid_json", str(exc)[:200]) from exc


async def resolve_lookups(intake: Intake, batch: Batch) -> None:
    """Read what the provider's API says for each ``Lookup``; one that keeps failing is dead-lettered
    with its replayable payload (an operator can replay it once the API answers)."""
    async def one(lookup: Lookup) -> None:
        if intake.media is None:
            batch.invalid.append(("provider lookup not configured (no media fetcher)", lookup.replay))
            return
        try:
            found = await lookup.resolve(intake.media)
        except (Failed, Refused, InvalidEvent) as exc:
            batch.invalid.append((f"provider lookup failed: {exc}", lookup.replay))
            return
        except (ValidationError, ValueError, TypeError, KeyError) as exc:
            batch.invalid.append((f"unexpected lookup answer: {type(exc).__name__}", lookup.replay))
            return
        batch.add_complaint(found.complaint, found.media)

    await asyncio.gather(*(one(lookup) for lookup in batch.lookups))
    batch.lookups.clear()


async def publish_batch(intake: Intake, batch: Batch, raw: bytes) -> JSONResponse:
    """Answer 200 only once every complaint is acknowledged (its media fetched or marked unavailable
    with a dead letter), every unusable event dead-lettered and every record published."""
    await resolve_lookups(intake, batch)
    fetched = await asyncio.gather(*(intake.with_media(c, batch.media.get(c.complaint_id, []))
                                     for c in batch.complaints))
    batch.complaints = [complaint for complaint, _ in fetched]
    letters = [letter for _, some in fetched for letter in some]
    try:
        await asyncio.gather(*(intake.accept(c, raw) for c in batch.complaints),
                             *(intake.record(r, raw) for r in batch.records),
                             *(intake.dead_letter(CHANNEL, one, reason, stage=STAGE) for reason, one in batch.invalid),
                             intake.media_dead_letters(CHANNEL, letters))
    except BrokerUnavailable as exc:
        raise unavailable(exc) from exc
    return JSONResponse(batch.summary())


_SUMMARY = {200: {"content": {"application/json": {"schema": {
    "type": "object", "required": ["accepted", "dead_lettered", "ignored"],
    "properties": {name: {"type": "integer", "minimum": 0}
                   for name in ("accepted", "dead_lettered", "ignored", "recorded")}}}}}}
_ANY_JSON = {"required": True, "content": {"application/json": {"schema": {}}}}
# OpenAPI of a signed webhook delivery (``receive_batch``).
WEBHOOK_RESPONSES = {**_SUMMARY, **rejections(400, 401, 403, 413), 503: {}}


def webhook_openapi(signature_header: str, description: str) -> dict[str, Any]:
    """``openapi_extra`` of a signed webhook delivery: any JSON body, the provider's signature header."""
    return {"requestBody": _ANY_JSON, "parameters": [string_parameter(signature_header, "header", description, True)]}


async def signed_body(request: Request, header: str, secret: str, verify) -> bytes:
    """The body, once its provider signature checks out: 401 without one, 403 with a wrong one
    (or when the channel has no secret configured: fail closed). Nothing is read without a signature
    to check it against; the body is capped while read, and verified before it is parsed."""
    signature = request.headers.get(header)
    if not signature:
        raise Intake.reject(CHANNEL, 401, "missing_signature", f"{header} required")
    if not secret:
        raise Intake.reject(CHANNEL, 403, "channel_not_configured")
    raw = await read_body(request, MAX_SOCIAL_BYTES, CHANNEL)
    if not verify(secret, raw, signature):
        raise Intake.reject(CHANNEL, 403, "invalid_signature")
    return raw


async def receive_batch(request: Request, intake: Intake, header: str, secret: str, verify: Callable[..., bool],
                        to_batch: Callable[[object, frozenset[str]], Batch], agency: frozenset[str]) -> Response:
    """One signed webhook delivery: check the signature, turn the JSON into a batch, publish it."""
    try:
        raw = await signed_body(request, header, secret, verify)
        batch = to_batch(parse_json(raw), agency)
    except Rejected as exc:
        return rejected_response(exc)
    return await publish_batch(intake, batch, raw)
