"""The events that travel between stages. Every event carries ``schema_version``.

Producers publish ``Complaint`` on ``complaints.raw.<channel>``; the stream worker publishes
``RoutedComplaint`` (and ``DuplicateReport``); units and timers publish ``StatusEvent`` and
``SlaEvent``; anything that cannot be processed becomes a ``DeadLetter``.
"""

from __future__ import annotations

import base64
import hashlib
import json
from datetime import datetime, timezone
from typing import Annotated, Any, Literal

from pydantic import (
    AwareDatetime, BaseModel, BeforeValidator, ConfigDict, Field, PlainSerializer, WithJsonSchema, model_validator,
)

from schemas.contact import mask
from schemas.ids import complaint_id as derive_complaint_id
from schemas.ids import tracking_number as derive_tracking_number

Channel = Literal["web", "sms", "social", "email"]
CHANNELS: tuple[Channel, ...] = ("web", "sms", "social", "email")
Privacy = Literal["publik", "anonim", "rahasia"]
Status = Literal[
    "diterima", "terverifikasi", "ditunda", "bukan_wewenang", "diarsipkan",
    "terdisposisi", "ditindaklanjuti", "selesai",
]
# Where a complaint's life ends (both can be reopened): no SLA clock runs, Open311 says "closed".
CLOSED_STATUSES: frozenset[str] = frozenset({"selesai", "diarsipkan"})
SlaStage = Literal["verifikasi", "tindak_lanjut", "penutupan"]

MAX_TEXT_CHARS = 20_000
# The Reporter fields that reach a person: masked for analysts, withheld for anonim, never logged in clear.
CONTACT_FIELDS = ("email", "phone", "handle", "bsuid")
# The fields of a Complaint that are what the citizen sent (Complaint.content_digest). Not
# ``language``: the stream stage detects it, so a routed complaint's digest equals its raw one and the
# API can ask the index whether an id was accepted with other content.
CONTENT_FIELDS = ("channel", "provider_message_id", "reporter", "privacy", "subject", "text", "location",
                  "attachments", "in_reply_to")


def _from_base64(value: object) -> object:
    return base64.b64decode(value, validate=True) if isinstance(value, str) else value


# bytes in Python, standard base64 in JSON, so any payload (invalid UTF-8 included) survives the trip.
RawBytes = Annotated[
    bytes,
    BeforeValidator(_from_base64),
    PlainSerializer(lambda raw: base64.b64encode(raw).decode("ascii"), return_type=str, when_used="json"),
    WithJsonSchema({"type": "string", "contentEncoding": "base64"}),
]


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class Event(BaseModel):
    # Strict within a schema version: an unknown field is a producer bug, not data to keep.
    model_config = ConfigDict(extra="forbid")

    schema_version: Literal[1] = 1


class Reporter(BaseModel):
    """Normalised contact. ``repr`` masks it so contacts never reach logs in clear."""

    model_config = ConfigDict(extra="forbid")

    name: str | None = Field(None, max_length=200)
    email: str | None = Field(None, max_length=320, description="lower-cased address")
    phone: str | None = Field(None, max_length=20, description="E.164, e.g. +6281234567890")
    handle: str | None = Field(None, max_length=120, description="platform:handle, e.g. x:budi_s")
    # WhatsApp users who adopt a username arrive with a business-scoped user id and no phone number;
    # it is an address we can reply to, so it is a contact like the others (masked, never in clear
    # outside operator views).
    bsuid: str | None = Field(None, max_length=200, description="WhatsApp business-scoped user id (username users)")

    def __repr__(self) -> str:
        parts = ", ".join(f"{k}={mask(v)!r}" for k, v in self.contacts().items())
        return f"Reporter({parts})"

    __str__ = __repr__

    def contacts(self) -> dict[str, str]:
        return {name: value for name in CONTACT_FIELDS if (value := getattr(self, name))}

    def primary_contact(self) -> str | None:
        return self.phone or self.email or self.handle or self.bsuid


class LocationHint(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(None, max_length=500, description="free text as the citizen wrote it")
    lat: float | None = Field(None, ge=-90, le=90)
    lon: float | None = Field(None, ge=-180, le=180)
    region_code: str | None = Field(None, pattern=r"^\d{2}(\d{2}(\d{2})?)?$", description="Kemendagri code without dots")


MediaKind = Literal["image", "video", "audio", "document", "sticker", "other"]


class Attachment(BaseModel):
    """A file the citizen sent. Only metadata travels through Kafka; the bytes are in the blob store.

    ``status="unavailable"`` is a provider's media that could not be fetched after every retry: the
    complaint keeps the mark (and a dead letter records the fetch), never loses the message."""

    model_config = ConfigDict(extra="forbid")

    filename: str = Field(max_length=255)
    content_type: str = Field(max_length=127)
    size_bytes: int = Field(ge=0)
    sha256: str | None = Field(None, pattern=r"^[0-9a-f]{64}$", description="blob address in the content-addressed store")
    kind: MediaKind | None = None
    status: Literal["stored", "unavailable"] = "stored"
    provider_media_id: str | None = Field(None, max_length=300, description="the provider's media id or URL path")

    @model_validator(mode="after")
    def _stored_has_blob(self) -> Attachment:
        if self.status == "stored" and self.sha256 is None:
            raise ValueError("a stored attachment needs its sha256 blob address")
        return self


class Complaint(Event):
    """The canonical complaint, the same shape whatever channel it came from."""

    complaint_id: str
    tracking_number: str
    channel: Channel
    provider_message_id: str = Field(min_length=1, max_length=300)
    received_at: AwareDatetime
    reporter: Reporter = Field(default_factory=Reporter)
    privacy: Privacy = "publik"
    subject: str | None = Field(None, max_length=500)
    text: str = Field(min_length=1, max_length=MAX_TEXT_CHARS)
    language: str | None = Field(None, max_length=8)
    location: LocationHint | None = None
    attachments: list[Attachment] = Field(default_factory=list, max_length=20)
    in_reply_to: str | None = Field(None, description="complaint_id this message continues (mail threads, replies)")
    channel_meta: dict[str, Any] = Field(default_factory=dict, description="channel specifics: mentions, hashtags, urls, thread ids")
    raw_ref: str | None = Field(None, description="sha256:<hex> of the raw payload in the blob store")

    @model_validator(mode="after")
    def _ids_are_derived(self) -> Complaint:
        expected = derive_complaint_id(self.channel, self.provider_message_id)
        if self.complaint_id != expected:
            raise ValueError("complaint_id is not derived from channel and provider_message_id")
        if self.tracking_number != derive_tracking_number(self.complaint_id):
            raise ValueError("tracking_number is not derived from complaint_id")
        return self

    def content_digest(self) -> str:
        """What the citizen sent, as one hash: the same submission again has the same digest.

        A complaint's content is written once: a later submission under the same id (same channel
        and provider message id) is an idempotent replay when its digest is equal, and a conflict
        when it is not. Left out: what intake stamps itself (``received_at``, ``raw_ref``, ids derived
        from the provider id) and ``channel_meta``, where providers put delivery details that a
        redelivery of the same message may change."""
        content = self.model_dump(mode="json", include=set(CONTENT_FIELDS))
        return hashlib.sha256(json.dumps(content, sort_keys=True, ensure_ascii=False).encode()).hexdigest()

    @classmethod
    def new(cls, *, channel: Channel, provider_message_id: str, **fields: Any) -> Complaint:
        cid = derive_complaint_id(channel, provider_message_id)
        return cls(complaint_id=cid, tracking_number=derive_tracking_number(cid), channel=channel,
                   provider_message_id=provider_message_id, **fields)


class SlaState(BaseModel):
    model_config = ConfigDict(extra="forbid")

    stage: SlaStage
    started_at: AwareDatetime
    due_at: AwareDatetime
    breached: bool = False
    elapsed_working_days: float = 0.0
    paused: bool = False


class Routing(BaseModel):
    """What the stage decides for a complaint: its topic, region and unit (a ``RoutedComplaint``'s, and a joined
    text's ``ComplaintRevision.routing``)."""

    model_config = ConfigDict(extra="forbid")

    topic: str
    topic_label: str | None = None
    confidence: float = Field(ge=0.0, le=1.0)
    needs_triage: bool = False
    region_code: str | None = None
    region_name: str | None = None
    instansi_code: str | None = None
    instansi_name: str | None = None
    unit_code: str
    unit_name: str | None = None


class RoutedComplaint(Complaint, Routing):
    """A complaint after normalising, locating, deduplicating, classifying and routing."""

    reporter_key: str | None = None
    normalised_text: str | None = None
    duplicate_of: str | None = None
    cluster_id: str | None = None
    report_count: int = Field(1, ge=1)
    status: Status = "diterima"
    sla: SlaState | None = None
    routed_at: AwareDatetime = Field(default_factory=utcnow)


class DuplicateReport(Event):
    """An exact duplicate: not a new case; the original's ``report_count`` grows."""

    complaint_id: str
    duplicate_of: str
    channel: Channel
    reason: Literal["same_provider_message", "same_reporter_same_text"]
    received_at: AwareDatetime
    detected_at: AwareDatetime = Field(default_factory=utcnow)


class StatusEvent(Event):
    event_id: str
    complaint_id: str
    status: Status
    actor: str = Field(max_length=200)
    actor_role: Literal["operator", "unit", "system", "citizen"]
    reason: str | None = Field(None, max_length=2000)
    unit_code: str | None = Field(None, description="target unit when re-routed (bukan_wewenang)")
    at: AwareDatetime


class SlaEvent(Event):
    complaint_id: str
    stage: SlaStage
    kind: Literal["warning", "breached", "met"]
    due_at: AwareDatetime
    elapsed_working_days: float
    unit_code: str | None = None
    at: AwareDatetime = Field(default_factory=utcnow)


AnswerKind = Literal["button", "list", "quick_reply", "keyword", "email_reply", "status_page"]


class CitizenAnswer(Event):
    """A citizen's structured answer: a tapped button, a quick reply, a bare keyword (``YA``/``BELUM``)
    or a reply to a question aduan asked. Not a complaint; the notifier matches it to the question."""

    answer_id: str = Field(description="derived from channel and provider message id, so a redelivery is one answer")
    contact_key: str = Field(description="channel:kind:value of the answering contact, the topic's key")
    channel: Channel
    provider_message_id: str = Field(min_length=1, max_length=300)
    reporter: Reporter = Field(default_factory=Reporter)
    kind: AnswerKind
    payload: str = Field(max_length=500, description="button/quick-reply payload or the normalised keyword")
    text: str | None = Field(None, max_length=2000, description="what the citizen saw or typed")
    complaint_id: str | None = Field(None, description="when the payload or the reply thread names the complaint")
    context_message_id: str | None = Field(None, max_length=300, description="provider id of the message answered")
    received_at: AwareDatetime


class ContactPreference(Event):
    """Opt-out (``STOP``, ``BERHENTI``, Twilio ``OptOutType``) or opt back in, per contact and channel."""

    contact_key: str = Field(description="channel:kind:value of the normalised contact, the topic's key")
    channel: Channel
    reporter: Reporter = Field(default_factory=Reporter)
    opted_out: bool
    keyword: str | None = Field(None, max_length=50)
    source: Literal["keyword", "provider"]
    provider_message_id: str | None = Field(None, max_length=300)
    at: AwareDatetime


class ComplaintRevision(Event):
    """What a provider says happened to the source message after intake: an edit, a deletion, a hide.

    The complaint's content stays as first received (written once); a revision is appended to its
    history. An edit carries the new text; it never changes privacy or reporter.

    ``joined``: the stream stage's join window (``streams.dedup.index``) found that another message of the
    same sender belongs to this complaint (a photo, then its caption as a second message): its text and
    attachments are appended, ``source_complaint_id`` names that message (its tracking number finds this
    complaint). A joined *text* also carries its ``routing``: a complaint that had only media was routed from a
    placeholder (``needs_triage``), and the citizen's words are what it is classified and routed by."""

    revision_id: str = Field(description="derived from channel, provider message id, kind and the provider's time")
    complaint_id: str
    channel: Channel
    kind: Literal["edited", "withdrawn", "hidden", "unhidden", "joined"]
    text: str | None = Field(None, max_length=MAX_TEXT_CHARS, description="the edited text (edited), the joined message's text (joined)")
    attachments: list[Attachment] = Field(default_factory=list, max_length=20, description="the joined message's media (joined only)")
    source_complaint_id: str | None = Field(None, description="the message joined to this complaint (joined only)")
    routing: Routing | None = Field(None, description="the joined text's classification and unit (joined only, "
                                                          "when the message has text): re-routes a media-only complaint")
    provider: str = Field(max_length=50, description="e.g. whatsapp, messenger, facebook, instagram, x")
    at: AwareDatetime


class NotificationRecord(Event):
    """One message to a reporter, as decided, sent and delivered. ``notification_id`` is derived from
    the event that caused it and the template, so a redelivered event is the same notification."""

    notification_id: str
    complaint_id: str
    channel: Channel
    provider: str = Field(max_length=50, description="twilio, kannel, gammu, whatsapp, messenger, x, smtp")
    template: str = Field(max_length=100)
    result: Literal["pending", "sent", "delivered", "read", "failed", "skipped_opted_out"]
    provider_message_id: str | None = Field(None, max_length=300)
    attempts: int = Field(0, ge=0)
    error: str | None = Field(None, max_length=1000)
    at: AwareDatetime


class SurgeAlert(Event):
    """Something is happening: far more complaints of one topic in one place (or one duplicate cluster
    growing) than the learned baseline says is normal. Raised, updated while it grows, closed when it
    subsides; the same ``alert_id`` throughout (the topic is compacted on it)."""

    alert_id: str
    kind: Literal["topic_kecamatan", "topic_kabkota", "cluster"]
    state: Literal["open", "updated", "closed"]
    topic: str | None = None
    region_code: str | None = Field(None, pattern=r"^\d{2}(\d{2}(\d{2})?)?$")
    region_name: str | None = None
    cluster_id: str | None = None
    window_minutes: int = Field(ge=1)
    count: int = Field(ge=0, description="complaints in the window")
    baseline: float = Field(ge=0, description="what the window usually holds at this hour of the week")
    message: str = Field(max_length=500, description='Indonesian, e.g. "Banjir: 25 laporan dari Kec. X dalam 60 menit (biasanya 0,4)"')
    member_ids: list[str] = Field(default_factory=list, max_length=500, description="complaint ids in the alert")
    opened_at: AwareDatetime
    updated_at: AwareDatetime
    closed_at: AwareDatetime | None = None


class ComplaintCorrection(Event):
    """An operator's correction of what the stream decided: the topic (``topic``), or the duplicate cluster
    (``merge`` into ``cluster_id``; ``split`` out to be its own cluster). What the citizen sent is never
    changed; the indexer folds corrections over the stream's decision, and they are the labelled examples
    ``aduan corrections export`` writes for training. ``correction_id`` is deterministic per request
    (the actor's Idempotency-Key), so a retried request is the same correction."""

    correction_id: str
    complaint_id: str
    kind: Literal["topic", "merge", "split"]
    topic: str | None = Field(None, max_length=100, description="the new topic code (kind topic)")
    cluster_id: str | None = Field(None, max_length=200, description="the target cluster (kind merge)")
    actor: str = Field(max_length=200)
    actor_role: Literal["operator"] = "operator"
    reason: str | None = Field(None, max_length=2000)
    at: AwareDatetime

    @model_validator(mode="after")
    def _one_target(self) -> "ComplaintCorrection":
        if (self.kind == "topic") != (self.topic is not None) or (self.kind == "merge") != (self.cluster_id is not None):
            raise ValueError("a topic correction names a topic, a merge names a cluster_id, a split neither")
        return self


class DeadLetter(Event):
    """Input that could not be processed, with everything needed to replay it by hand."""

    stage: str = Field(description="component that gave up, e.g. producers.web, streams.route, consumers.sinks.indexer")
    reason: str
    source_topic: str | None = None
    partition: int | None = None
    offset: int | None = None
    channel: Channel | None = None
    raw: RawBytes = Field(description="the original bytes, standard base64 (RFC 4648 §4) in JSON")
    failed_at: AwareDatetime = Field(default_factory=utcnow)
