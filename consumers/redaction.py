"""What a reader who may not see the reporter gets of a complaint: the one redaction module.

Citizens write their phone number, NIK or e-mail address into everything they type: the text, the
subject, where it happened, an attachment's file name, even the name field. Those readers (analysts,
a unit reading an ``anonim`` complaint, the public, webhooks that do not own the complaint) get
*redacted copies* of every such field, made once, when the indexer folds the routing into the
document (``copies``) and a status event into its history (``reason_copy``), with
``schemas.contact.scrub`` and a fixed placeholder. They are searched, highlighted and served only from
those copies, so a highlight can never cut a contact in two (``<mark>0812</mark>-3456-7890`` is no
longer a number a scrubber recognises) and no query can find a complaint by its reporter's number.

Provider identifiers (an SMS MessageSid, a WhatsApp wamid, a web Idempotency-Key, a mail Message-ID)
can reach or name the sender: readers get a keyed hash (``provider_ref``) instead.

The live feed (records of ``complaints.routed``, not documents) and webhook payloads go through the
same functions (``view`` computes the copies when a record has none).
"""

from __future__ import annotations

import hashlib
import hmac
from typing import Any

from schemas.contact import scrub

PLACEHOLDER = "[disembunyikan]"
# Never shown to anyone but operators: they reach, name or locate the reporter, or are the intake's own.
OPERATOR_ONLY_FIELDS = ("provider_message_id", "channel_meta", "raw_ref", "reporter_key", "redacted",
                        "content_digest", "content_conflicts", "source_texts_redacted")
CITIZEN_ACTOR = "pelapor"


def scrub_text(text: str | None) -> str | None:
    """``text`` with every contact replaced by the placeholder (not masked: no digit of it is left)."""
    return scrub(text, replace=lambda _contact: PLACEHOLDER) if isinstance(text, str) else text


def pseudonym(value: str | None, key: str) -> str | None:
    """A keyed hash: stable for the same provider id (so readers can still group by it), useless without ``key``."""
    if not value:
        return None
    return hmac.new(key.encode(), value.encode(), hashlib.sha256).hexdigest()[:32]


def copies(content: dict[str, Any], pseudonym_key: str | None) -> dict[str, Any]:
    """The redacted copies of a routed complaint's free text (``content``: its JSON form), for the document."""
    location = content.get("location") or {}
    reporter = content.get("reporter") or {}
    redacted = {
        "subject": scrub_text(content.get("subject")),
        "text": scrub_text(content.get("text")),
        "normalised_text": scrub_text(content.get("normalised_text")),
        "location_text": scrub_text(location.get("text")),
        "attachment_filenames": [scrub_text(a.get("filename")) for a in content.get("attachments") or ()],
        "reporter_name": scrub_text(reporter.get("name")),
    }
    if pseudonym_key is not None:
        redacted["provider_ref"] = pseudonym(content.get("provider_message_id"), pseudonym_key)
    return redacted


def reason_copy(reason: str | None) -> str | None:
    return scrub_text(reason)


def sees_clear(role: str, privacy: str | None, owner: bool) -> bool:
    """Whether this reader may read the clear free text: operators, and the unit the complaint is routed
    to unless the reporter asked to stay anonymous (``anonim``)."""
    return role == "operator" or (owner and privacy in ("publik", "rahasia"))


def view(doc: dict[str, Any], clear: bool) -> dict[str, Any]:
    """The document (or routed record) for a non-operator: operator-only fields gone, a pseudonymous
    ``provider_ref`` and, unless ``clear``, every free-text field replaced by its redacted copy."""
    redacted = doc.get("redacted") or copies(doc, None)  # a routed record, or a document folded before the copies
    out = {k: v for k, v in doc.items() if k not in OPERATOR_ONLY_FIELDS}
    if redacted.get("provider_ref"):
        out["provider_ref"] = redacted["provider_ref"]
    if isinstance(out.get("history"), list):
        out["history"] = [history_entry(entry, clear) for entry in out["history"]]
    if isinstance(out.get("corrections"), list):  # an operator's reason, like a status reason
        out["corrections"] = [history_entry(entry, clear) for entry in out["corrections"]]
    if isinstance(out.get("attachments"), list):
        out["attachments"] = without_media_ids(out["attachments"])
    if isinstance(out.get("source_history"), list):
        out["source_history"] = [source_entry(entry, clear) for entry in out["source_history"]]
    if isinstance(out.get("notifications"), list):
        # A provider's message id names the message, and its error text may quote the reporter's
        # number ("+62… is not a valid WhatsApp user"): operators only; others see what and whether.
        out["notifications"] = [{k: v for k, v in n.items() if k not in ("provider_message_id", "error")}
                                for n in out["notifications"] if isinstance(n, dict)]
    if clear:
        return out
    if "source_texts" in out:
        out["source_texts"] = doc.get("source_texts_redacted") or []
    for name in ("subject", "text", "normalised_text"):
        if name in out:
            out[name] = redacted.get(name)
    if isinstance(out.get("location"), dict):
        out["location"] = {**out["location"], "text": redacted.get("location_text")}
    if isinstance(out.get("attachments"), list):
        names = redacted.get("attachment_filenames") or []
        out["attachments"] = [{**a, "filename": names[i] if i < len(names) else PLACEHOLDER}
                              for i, a in enumerate(out["attachments"])]
    if isinstance(out.get("reporter"), dict) and "name" in out["reporter"]:
        out["reporter"] = {**out["reporter"], "name": redacted.get("reporter_name")}
    return out


def without_media_ids(attachments: list[Any]) -> list[Any]:
    """A provider's media id or URL path names the message (a Twilio media path holds the MessageSid):
    operators only, like the provider message id."""
    return [{k: v for k, v in a.items() if k != "provider_media_id"} if isinstance(a, dict) else a
            for a in attachments]


def source_entry(entry: dict[str, Any], clear: bool) -> dict[str, Any]:
    """A revision of the source message (an edit, a joined caption) for a reader: clear or its redacted copy."""
    shown = {k: v for k, v in entry.items() if k not in ("text_redacted", "attachment_filenames_redacted")}
    if isinstance(shown.get("attachments"), list):
        shown["attachments"] = without_media_ids(shown["attachments"])
    if not clear:
        shown["text"] = entry.get("text_redacted")
        names = entry.get("attachment_filenames_redacted") or []
        shown["attachments"] = [{**a, "filename": names[i] if i < len(names) else PLACEHOLDER}
                                for i, a in enumerate(shown.get("attachments") or ())]
    return shown


def history_entry(entry: dict[str, Any], clear: bool) -> dict[str, Any]:
    """A status history entry for a non-operator: a citizen actor is their name or contact, so "pelapor";
    the reason is the redacted copy unless ``clear``."""
    shown = {k: v for k, v in entry.items() if k != "reason_redacted"}
    if entry.get("actor_role") == "citizen":
        shown["actor"] = CITIZEN_ACTOR
    if not clear:
        shown["reason"] = entry["reason_redacted"] if "reason_redacted" in entry else reason_copy(entry.get("reason"))
    return shown
