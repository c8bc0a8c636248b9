"""Deterministic identifiers: a resend of the same provider message maps to the same complaint."""

from __future__ import annotations

import hashlib
import uuid

# Fixed namespace so every aduan deployment derives the same id for the same provider message.
COMPLAINT_NAMESPACE = uuid.UUID("5f0b7f4e-8d4c-4c39-9a53-6a7d3a1c2b10")

# Crockford base32: no I, L, O, U, so a citizen reading it over the phone cannot confuse 0/O or 1/I.
_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def complaint_id(channel: str, provider_message_id: str) -> str:
    if not provider_message_id:
        raise ValueError("provider_message_id must not be empty")
    return str(uuid.uuid5(COMPLAINT_NAMESPACE, f"{channel}:{provider_message_id}"))


def tracking_number(complaint_id_: str) -> str:
    """Short citizen-facing number, e.g. ``ADU-7K3M-Q9XD`` (40 bits, derived from the complaint id)."""
    value = int.from_bytes(hashlib.sha256(complaint_id_.encode()).digest()[:5], "big")
    chars = "".join(_CROCKFORD[(value >> shift) & 31] for shift in range(35, -1, -5))
    return f"ADU-{chars[:4]}-{chars[4:]}"


def notification_reference(notification_id: str, complaint_id_: str, template: str) -> str:
    """What aduan asks a provider to echo in its delivery receipts (Twilio's status callback URL, WhatsApp's
    ``biz_opaque_callback_data``), so the receiver can write a whole ``NotificationRecord`` without a lookup."""
    return f"{notification_id}|{complaint_id_}|{template}"


def parse_notification_reference(value: str) -> tuple[str, str, str] | None:
    parts = value.split("|")
    return (parts[0], parts[1], parts[2]) if len(parts) == 3 and all(parts) and len(value) <= 512 else None


def receipt_key(notification_id: str, result: str) -> str:
    """The ``complaints.notifications`` key of a provider receipt: one key per notification and result, beside
    the notifier's own record (keyed by the bare notification id). The topic is compacted: were receipts and
    the notifier's ``sent`` on one key, whichever came last would erase the other (a fast ``delivered`` lost
    under a late ``sent``, an early ``read`` under a late ``delivered``); on keys of their own each survives and
    readers fold them in any order (``consumers/notify/ledger.py``)."""
    return f"{notification_id}/{result}"
