"""What a lifecycle event tells the reporter, and where: pure functions, no I/O.

* ``notification_id`` is a UUIDv5 of the causing event and the template: the first routing of a complaint
  (``ack``) or a status event's ``event_id``. A redelivered event, a replayed stream stage or a restarted
  notifier computes the same id, and the ledger (``complaints.notifications``) has it already.
* ``destination`` answers in the channel and thread the complaint came from: the SMS provider that
  delivered it (Twilio SMS or WhatsApp, Kannel, Gammu), WhatsApp Cloud, Messenger (Facebook and
  Instagram messaging; a Facebook comment or post gets a private reply), an X direct message, or an
  e-mail reply (``In-Reply-To``/``References``). Web complaints are answered by e-mail when the reporter
  left an address, else by SMS through ``ADUAN_NOTIFY_WEB_SMS_PROVIDER``.
* Twilio and Kannel already answered the incoming SMS with the tracking number (TwiML, the sendsms
  reply of the gateway's ``get-url``): a second acknowledgement would cost the citizen a message, so
  ``ack`` is not planned for them.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from consumers.redaction import scrub_text

NAMESPACE = uuid.UUID("5b0d9a52-7c1b-4f7e-9d87-2f6f0c8f1a13")
STATUS_TEMPLATES = {"terverifikasi": "verified", "bukan_wewenang": "rerouted", "terdisposisi": "dispatched",
                    "ditindaklanjuti": "followed_up", "selesai": "closed"}
# The reason of these statuses is the unit's note to the citizen (redacted); every other reason is internal.
PUBLIC_NOTE_STATUSES = frozenset({"ditindaklanjuti", "selesai"})
SYNC_ACKNOWLEDGED = frozenset({"twilio", "kannel"})
SMS_PROVIDERS = frozenset({"twilio", "kannel", "gammu"})
# Only these reach a citizen who opted out: the acknowledgement of a complaint they have just sent.
SENT_DESPITE_OPT_OUT = frozenset({"ack"})


def notification_id(cause: str, template: str) -> str:
    return str(uuid.uuid5(NAMESPACE, f"{cause}:{template}"))


def ack_id(complaint_id: str) -> str:
    return notification_id(f"routed:{complaint_id}", "ack")


def status_notification_id(event_id: str, template: str) -> str:
    return notification_id(f"status:{event_id}", template)


@dataclass(frozen=True)
class Destination:
    provider: str  # twilio, kannel, gammu, whatsapp, messenger, x, smtp
    address: str  # E.164 phone, wa_id, PSID, X user id, e-mail address, "comment:<id>" for a private reply
    contact_key: str  # channel:kind:value, the key of complaints.preferences and complaints.answers
    sms: bool = False  # one GSM-7 segment
    medium: str = ""  # twilio: sms or whatsapp
    thread: dict[str, Any] = field(default_factory=dict)  # e-mail: message_id, references, subject


def contact_key(channel: str, kind: str, value: str) -> str:
    return f"{channel}:{kind}:{value}"


def destination(complaint: dict[str, Any], web_sms_provider: str = "") -> Destination | None:
    """Where ``complaint`` (its routed record or indexed document, JSON form) is answered; None: nowhere."""
    channel = complaint.get("channel")
    meta = complaint.get("channel_meta") or {}
    reporter = complaint.get("reporter") or {}
    phone, email = reporter.get("phone"), reporter.get("email")
    if channel == "sms" and phone:
        provider = meta.get("provider") if meta.get("provider") in SMS_PROVIDERS else "gammu"
        medium = meta.get("medium", "sms") if provider == "twilio" else "sms"
        return Destination(provider, phone, contact_key("sms", "phone", phone), sms=medium == "sms", medium=medium)
    if channel == "email" and email:
        thread = {"message_id": meta.get("message_id"), "references": list(meta.get("references") or []),
                  "subject": complaint.get("subject")}
        return Destination("smtp", email, contact_key("email", "email", email), thread=thread)
    if channel == "social":
        platform, author = meta.get("platform"), str(meta.get("author_id") or "")
        if platform == "whatsapp" and (phone or reporter.get("bsuid")):
            address = phone.lstrip("+") if phone else reporter["bsuid"]
            key = contact_key("social", "phone", phone) if phone else contact_key("social", "bsuid", address)
            return Destination("whatsapp", address, key, thread={"phone_number_id": meta.get("phone_number_id")})
        if platform in ("messenger", "instagram") and author:
            return Destination("messenger", author, contact_key("social", "handle", reporter.get("handle") or author))
        if platform == "facebook" and meta.get("kind") in ("comment", "post"):
            provider_id = str(complaint.get("provider_message_id") or "")
            comment = provider_id.rsplit(":", 1)[-1]
            if comment and author:
                return Destination("messenger", f"comment:{comment}",
                                   contact_key("social", "handle", reporter.get("handle") or author))
        if platform == "x" and author:
            return Destination("x", author, contact_key("social", "handle", reporter.get("handle") or author))
        return None
    if channel == "web":
        if email:
            return Destination("smtp", email, contact_key("web", "email", email))
        if phone and web_sms_provider in SMS_PROVIDERS:
            return Destination(web_sms_provider, phone, contact_key("web", "phone", phone), sms=True, medium="sms")
    return None


@dataclass(frozen=True)
class Planned:
    notification_id: str
    complaint_id: str
    template: str
    cause: str  # "routed" or the status event's id
    unit_code: str | None = None
    note: str = ""  # the unit's public note, already redacted


def for_routed(routed: dict[str, Any]) -> Planned | None:
    """The acknowledgement of a complaint's first routing (a re-route is a status event, not a routing)."""
    if (routed.get("channel_meta") or {}).get("provider") in SYNC_ACKNOWLEDGED and routed.get("channel") == "sms":
        return None
    if routed.get("duplicate_of"):
        return None  # an exact resend: the original was acknowledged
    return Planned(ack_id(routed["complaint_id"]), routed["complaint_id"], "ack", "routed",
                   unit_code=routed.get("unit_code"))


def for_status(event: dict[str, Any]) -> Planned | None:
    template = STATUS_TEMPLATES.get(event["status"])
    if template is None:
        return None
    if event["status"] == "terdisposisi" and event.get("actor_role") == "citizen":
        template = "reopened"  # the citizen's BELUM: back to the unit
    note = (scrub_text(event.get("reason")) or "") if event["status"] in PUBLIC_NOTE_STATUSES else ""
    return Planned(status_notification_id(event["event_id"], template), event["complaint_id"], template,
                   event["event_id"], unit_code=event.get("unit_code"), note=note)

