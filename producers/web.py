"""Web channel: ``POST /v1/complaints`` (JSON).

The citizen gets ``202 {complaint_id, tracking_number}`` only after Kafka acknowledged.
A client may send ``Idempotency-Key``: a retry with the same key and the same content maps to the same
complaint and gets the same answer; the same key with other content is ``409 idempotency_conflict``
(as payment APIs answer), and the complaint first accepted under it stays as it was.
"""

from __future__ import annotations

import json
import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Header, Request
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from producers.http import get_intake, inline_schema, read_body, rejections, unavailable
from producers.intake import Conflict, Intake, validation_detail
from aduan.core.connections import BrokerUnavailable
from schemas.contact import normalise_email, normalise_phone
from schemas.events import MAX_TEXT_CHARS, Attachment, Complaint, LocationHint, Privacy, Reporter, utcnow

router = APIRouter(tags=["intake"])

MAX_JSON_BYTES = 256 * 1024


class ReporterIn(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    name: str | None = Field(None, max_length=200)
    email: str | None = Field(None, max_length=320)
    phone: str | None = Field(None, max_length=40)

    @field_validator("email")
    @classmethod
    def _email(cls, value: str | None) -> str | None:
        return normalise_email(value) if value else None

    @field_validator("phone")
    @classmethod
    def _phone(cls, value: str | None) -> str | None:
        return normalise_phone(value) if value else None


class ComplaintIn(BaseModel):
    """What a citizen submits through the web form or API."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, strict=True)

    text: str = Field(min_length=1, max_length=MAX_TEXT_CHARS)
    subject: str | None = Field(None, max_length=500)
    reporter: ReporterIn | None = None
    privacy: Privacy = "publik"
    location: LocationHint | None = None

    @model_validator(mode="before")
    @classmethod
    def _without_nul(cls, data: object) -> object:
        # NUL is never text a citizen meant; the SMS and social channels drop it too.
        return _strip_nul(data)


def _strip_nul(value: object) -> object:
    if isinstance(value, str):
        return value.replace("\x00", "")
    if isinstance(value, dict):
        return {key: _strip_nul(item) for key, item in value.items()}
    return value


class Accepted(BaseModel):
    complaint_id: str
    tracking_number: str


def to_complaint(body: ComplaintIn, provider_message_id: str, attachments: list[Attachment] = ()) -> Complaint:
    reporter = Reporter(**body.reporter.model_dump()) if body.reporter else Reporter()
    return Complaint.new(
        channel="web", provider_message_id=provider_message_id, received_at=utcnow(), reporter=reporter,
        privacy=body.privacy, subject=body.subject or None, text=body.text, location=body.location,
        attachments=list(attachments),
    )


@router.post("/v1/complaints", status_code=202, response_model=Accepted,
             responses={**rejections(400, 409, 413), 422: {}, 503: {}},
             openapi_extra={"requestBody": {"required": True, "content": {"application/json": {
                 "schema": inline_schema(ComplaintIn)}}}})
async def submit_complaint(
    request: Request,
    intake: Annotated[Intake, Depends(get_intake)],
    idempotency_key: Annotated[str | None, Header(max_length=200)] = None,
) -> Accepted:
    raw = await read_body(request, MAX_JSON_BYTES, "web")
    body = parse_complaint_json(raw)
    complaint = to_complaint(body, idempotency_key or str(uuid.uuid4()))
    try:
        # Only a client-chosen id can have been used before: a fresh one needs no ledger claim nor index lookup.
        complaint = await (intake.accept_once(complaint, raw) if idempotency_key else intake.accept(complaint, raw))
    except BrokerUnavailable as exc:
        raise unavailable(exc) from exc
    except Conflict as exc:
        raise Intake.reject("web", 409, "idempotency_conflict",
                       "this Idempotency-Key was already used for a complaint with other content; "
                       "the first one stands, send a new key for a new complaint") from exc
    return Accepted(complaint_id=complaint.complaint_id, tracking_number=complaint.tracking_number)


def parse_complaint_json(raw: bytes) -> ComplaintIn:
    try:
        data = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise Intake.reject("web", 400, "invalid_json", str(exc)[:200]) from exc
    if not isinstance(data, dict):
        raise Intake.reject("web", 422, "invalid_complaint", [{"field": None, "message": "expected a JSON object"}])
    try:
        return ComplaintIn.model_validate(data)
    except ValidationError as exc:
        raise Intake.reject("web", 422, "invalid_complaint", validation_detail(exc)) from exc
