"""A complaint's indexed document, as a pure function of its events.

The index is built only from the event stream, so it cannot drift from it. Folding is
order-independent and idempotent, so redelivered or out-of-order events never regress a
document:

- a complaint's content is written once: the first routing (``RoutedComplaint``) folded sets its content
  and its routing and records ``content_digest``; a later routing with the same digest is a replay and
  changes nothing; one with another digest (a second submission under the same provider id, which
  would rewrite text, reporter, privacy or unit) is a conflict: ignored, its digest remembered in
  ``content_conflicts``, never visible as content. Re-routing is a status event (``bukan_wewenang``);
- next to the clear free text the document keeps its redacted copies (consumers.redaction), made here,
  at write time, so that non-operators are searched and served only from them;
- status events form a set keyed by ``event_id``; the history is that set ordered by time,
  and the current status, unit and SLA clock are recomputed from it on every fold;
- exact duplicates form a set of complaint ids: ``report_count`` = 1 + its size;
- SLA signals already published are remembered by key, so each is published once;
- what happened to the source message after intake (``ComplaintRevision``: a provider's edit, deletion
  or hide, and the stream's "joined" for a caption sent as a second message) is a set keyed by
  ``revision_id``, kept as ``source_history`` ordered by time, beside the status ``history`` rather than
  in it: the status history is what the lifecycle, the SLA clock and Open311 recompute the status from,
  and a revision is not a status. It never changes the first content, privacy or reporter; edited and
  joined texts are searchable (``source_texts``, with redacted copies like all free text), and
  ``source_state`` says whether the source is ``active``, ``hidden`` or ``withdrawn``. One revision does
  change the routing: a joined text on a complaint that had only media (``_apply_initial_routing``);
- the unit is the last re-route's (its name from the routing table), else the initial routing's;
- the messages sent to the reporter (``NotificationRecord``, the notifier's compacted topic) are a set
  keyed by ``notification_id``, each kept at its furthest state by the notifier ledger's own monotone
  fold (a late ``sent`` never undoes a ``delivered``), as ``notifications`` ordered by time: the
  operator's complaint page shows what the citizen was told and whether it arrived;
- operators' corrections (``ComplaintCorrection``) are a set keyed by ``correction_id``, kept as
  ``corrections`` ordered by time and applied over the stream's decision on every fold
  (``_derive_corrections``): the latest topic correction is the topic (the classifier's stays in
  ``routed_topic``), the latest merge or split is the cluster (the stream's in ``routed_cluster_id``).
  Re-routing and a routing folded after a correction keep them; the citizen's content is untouched.
- the written document holds nothing twice and no null (``_compact``): the stage's routing
  (``routed_fields``) is kept only where it differs from the document's own routing fields, and null
  fields are left out (a null and a missing field search alike). The local search emulator rewrites its
  whole state every second, so every byte of every document costs every later second (README
  "How much the local stack holds").
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from typing import Any

from pydantic import BaseModel

from consumers.cases.lifecycle import region_of_unit
from consumers.cases.sla import SlaClock, SlaSignal
from consumers.notify.ledger import fold as fold_notification
from consumers.redaction import copies, reason_copy, scrub_text
from schemas.categories import load_categories
from schemas.events import (
    Complaint, ComplaintCorrection, ComplaintRevision, DuplicateReport, NotificationRecord, Routing, RoutedComplaint,
    SlaEvent, StatusEvent,
)
from schemas.ids import tracking_number
from schemas.units import unit_name

ROUTED_FIELDS = frozenset(RoutedComplaint.model_fields)
# What a routing decides (the stage's, or a joined text's), as opposed to the content.
ROUTING_FIELDS = tuple(Routing.model_fields)
COMPLAINT_FIELDS = frozenset(Complaint.model_fields)
AUTO_CLOSE_REASON = "Ditutup otomatis: tidak ada tanggapan pelapor dalam batas waktu penutupan."


@dataclass
class Folded:
    doc: dict[str, Any]
    signals: list[SlaSignal] = field(default_factory=list)  # new: to publish before the document is written


def fold(doc: dict[str, Any] | None, events: list[BaseModel], now: datetime,
         pseudonym_key: str | None = None) -> Folded:
    """``doc`` with ``events`` folded in; ``pseudonym_key`` keys the readers' ``provider_ref`` (none without it)."""
    doc = dict(doc or {})
    doc.setdefault("history", [])
    doc.setdefault("duplicate_ids", [])
    doc.setdefault("sla_signals", [])
    for event in events:
        if isinstance(event, RoutedComplaint):
            _apply_routing(doc, event, pseudonym_key)
        elif isinstance(event, StatusEvent):
            _apply_status(doc, event)
        elif isinstance(event, DuplicateReport):
            if event.complaint_id not in doc["duplicate_ids"]:
                doc["duplicate_ids"] = sorted({*doc["duplicate_ids"], event.complaint_id})
        elif isinstance(event, ComplaintRevision):
            _apply_revision(doc, event)
        elif isinstance(event, NotificationRecord):
            _apply_notification(doc, event)
        elif isinstance(event, ComplaintCorrection):
            _apply_correction(doc, event)
        elif isinstance(event, SlaEvent):
            _remember(doc, signal_key(event.stage, event.kind, event.due_at))
            now = max(now, event.at)  # a timer's signal carries the moment it fired: the document is at least that late
        else:
            raise TypeError(f"cannot fold {type(event).__name__}")
    _complete_copies(doc, pseudonym_key)
    folded = _derive(doc, now)
    _compact(folded.doc)
    return folded


def _apply_routing(doc: dict[str, Any], routed: RoutedComplaint, pseudonym_key: str | None) -> None:
    digest = routed.content_digest()
    written = doc.get("content_digest") or _legacy_digest(doc)
    if written == digest:
        return  # the same submission again (a redelivery, a replayed stream stage): nothing changes
    if written is not None:
        # Another submission under this complaint's id. Whoever sent it (a provider reusing an id, a
        # guessed Idempotency-Key) must not rewrite what the citizen reported, nor who reported it.
        doc["content_conflicts"] = sorted({*doc.get("content_conflicts", ()), digest})
        return
    incoming = routed.model_dump(mode="json")
    doc.update({name: incoming[name] for name in ROUTED_FIELDS})
    doc["content_digest"] = digest
    doc["routed_unit_code"] = routed.unit_code
    doc["routed_fields"] = {name: incoming[name] for name in ROUTING_FIELDS}
    doc["redacted"] = copies(incoming, pseudonym_key)


def _apply_revision(doc: dict[str, Any], revision: ComplaintRevision) -> None:
    entries = doc.get("source_history") or []
    if any(entry["revision_id"] == revision.revision_id for entry in entries):
        return  # a redelivery
    entry = revision.model_dump(mode="json", include={"revision_id", "kind", "text", "provider", "at",
                                                      "source_complaint_id", "attachments", "routing"})
    entry["text_redacted"] = scrub_text(revision.text)
    entry["attachment_filenames_redacted"] = [scrub_text(a.filename) for a in revision.attachments]
    if revision.source_complaint_id:
        entry["source_tracking_number"] = tracking_number(revision.source_complaint_id)
    entries = sorted([*entries, entry], key=lambda e: (e["at"], e["revision_id"]))
    doc["source_history"] = entries
    doc["source_texts"] = [e["text"] for e in entries if e.get("text")]
    doc["source_texts_redacted"] = [e["text_redacted"] for e in entries if e.get("text")]
    doc["joined_ids"] = sorted({e["source_complaint_id"] for e in entries if e["kind"] == "joined"})
    doc["joined_tracking_numbers"] = sorted({e["source_tracking_number"] for e in entries if e["kind"] == "joined"})
    doc["source_state"] = source_state(entries)


NOTIFICATION_FIELDS = {"notification_id", "channel", "provider", "template", "result", "provider_message_id",
                       "attempts", "error", "at"}


def _apply_notification(doc: dict[str, Any], record: NotificationRecord) -> None:
    entries = {e["notification_id"]: e for e in doc.get("notifications") or []}
    held = entries.get(record.notification_id)
    current = NotificationRecord.model_validate({**held, "complaint_id": record.complaint_id}) if held else None
    # The document cannot tell a receipt from the notifier's own record (the Kafka key does, which the fold
    # does not get): it keeps the highest-ranked of the two, the ledger's rule for receipts.
    kept = fold_notification(None, [r for r in (current, record) if r is not None])
    if current is not None:
        # The ledger keeps the further state whole; what the other record knew is kept too, so the
        # document is the same whichever of a receipt and the notifier's "sent" came first.
        other = record if kept is current else current
        kept = kept.model_copy(update={"provider_message_id": kept.provider_message_id or other.provider_message_id,
                                       "attempts": max(kept.attempts, other.attempts),
                                       "error": kept.error or (other.error if kept.result == "failed" else None)})
    entries[record.notification_id] = kept.model_dump(mode="json", include=NOTIFICATION_FIELDS)
    doc["notifications"] = sorted(entries.values(), key=lambda e: (e["at"], e["notification_id"]))


def _apply_correction(doc: dict[str, Any], correction: ComplaintCorrection) -> None:
    entries = doc.get("corrections") or []
    if any(entry["correction_id"] == correction.correction_id for entry in entries):
        return  # a redelivery
    entry = correction.model_dump(mode="json", include={"correction_id", "kind", "topic", "cluster_id", "actor",
                                                        "actor_role", "reason", "at"})
    if correction.kind == "split":  # out of its cluster: the head of its own (see correction_api)
        entry["cluster_id"] = correction.complaint_id
    entry["reason_redacted"] = reason_copy(correction.reason)
    doc["corrections"] = sorted([*entries, entry], key=lambda e: (e["at"], e["correction_id"]))


@lru_cache(maxsize=1)
def _topic_labels() -> dict[str, dict]:
    return load_categories()


def _derive_corrections(doc: dict[str, Any]) -> None:
    """The operators' latest topic and cluster over the stream's. Run on every fold, so a routing folded
    after a correction (which writes the classifier's topic and the stream's cluster) never undoes it."""
    entries = doc.get("corrections") or []
    if "text" not in doc or not entries:
        return  # no routing yet (the corrections wait in the stub), or nothing corrected: the stream's stands
    # The stream's decision, which a correction overrides: its topic is recomputed from the routing on every
    # fold (a joined text may change it); its cluster is written only by the first routing, so captured once.
    doc["routed_topic"] = doc.get("topic")
    doc.setdefault("routed_cluster_id", doc.get("cluster_id"))
    topics = [e["topic"] for e in entries if e["kind"] == "topic"]
    clusters = [e["cluster_id"] for e in entries if e["kind"] in ("merge", "split")]
    if topics:
        doc["topic"] = topics[-1]
        doc["topic_label"] = _topic_labels().get(topics[-1], {}).get("label", topics[-1])
        doc["needs_triage"] = False  # a person decided the topic: the classifier's doubt is settled
    if clusters:
        doc["cluster_id"] = clusters[-1]


def source_state(entries: list[dict[str, Any]]) -> str:
    """A deleted source stays withdrawn (the provider cannot undelete); hide and unhide alternate by time."""
    if any(e["kind"] == "withdrawn" for e in entries):
        return "withdrawn"
    shown = [e["kind"] for e in entries if e["kind"] in ("hidden", "unhidden")]
    return "hidden" if shown and shown[-1] == "hidden" else "active"


def _legacy_digest(doc: dict[str, Any]) -> str | None:
    """The digest of a document folded before content digests were recorded (its content is written too)."""
    if "text" not in doc:
        return None
    try:
        return Complaint.model_validate({k: doc[k] for k in COMPLAINT_FIELDS if k in doc}).content_digest()
    except ValueError:
        return "unreadable"  # still written: no routing may replace it


def _complete_copies(doc: dict[str, Any], pseudonym_key: str | None) -> None:
    """A document folded before redacted copies existed gets them with its next event."""
    if "text" in doc and "redacted" not in doc:
        doc["redacted"] = copies(doc, pseudonym_key)
    if any("reason_redacted" not in entry for entry in doc["history"]):
        doc["history"] = [{**entry, "reason_redacted": reason_copy(entry.get("reason"))} for entry in doc["history"]]


def _apply_status(doc: dict[str, Any], event: StatusEvent) -> None:
    if any(entry["event_id"] == event.event_id for entry in doc["history"]):
        return
    entry = event.model_dump(mode="json", include={"event_id", "status", "actor", "actor_role", "reason",
                                                   "unit_code", "at"})
    entry["reason_redacted"] = reason_copy(event.reason)
    doc["history"] = sorted([*doc["history"], entry], key=lambda e: (e["at"], e["event_id"]))


def _derive(doc: dict[str, Any], now: datetime) -> Folded:
    history = doc["history"]
    doc["report_count"] = 1 + len(doc["duplicate_ids"])
    doc["status"] = history[-1]["status"] if history else "diterima"
    doc["status_updated_at"] = history[-1]["at"] if history else doc.get("routed_at")
    reroutes = [entry["unit_code"] for entry in history if entry["status"] == "bukan_wewenang" and entry["unit_code"]]
    if "received_at" not in doc:
        return Folded(doc)  # status or duplicates arrived before the routing: a stub, not searchable yet
    initial_unit = _apply_initial_routing(doc)
    _derive_corrections(doc)  # after the routing is recomputed: a person's topic and cluster stand over it
    doc["unit_code"] = reroutes[-1] if reroutes else initial_unit
    if reroutes:  # the unit's name follows the re-route (the event names only the code)
        doc["unit_name"] = unit_name(reroutes[-1]) or reroutes[-1]

    clock = SlaClock(region_code=doc.get("region_code"), unit_code=initial_unit, topic=doc.get("topic"))
    signals = clock.apply("diterima", datetime.fromisoformat(doc["received_at"]))
    for entry in history:
        target = entry["unit_code"] if entry["status"] == "bukan_wewenang" else None
        signals += clock.apply(entry["status"], datetime.fromisoformat(entry["at"]),
                               region_code=region_of_unit(target), unit_code=target, reason=entry["reason"])
    signals += clock.tick(now)
    sla = clock.sla_doc(now)
    if sla:
        following = clock.next_timer()
        doc["sla"] = {**{k: v.isoformat() if isinstance(v, datetime) else v for k, v in sla.items()},
                      "next_timer_at": following.isoformat() if following else None}
    new = [s for s in signals if signal_key(s.stage, s.kind, s.due_at) not in doc["sla_signals"]]
    return Folded(doc, new)


# Sub-documents whose null fields are left out too; the readers take them with ``.get``.
_COMPACTED_PARTS = ("reporter", "redacted", "location")


def _compact(doc: dict[str, Any]) -> None:
    """The document as written: ``routed_fields`` as its difference from the routing fields (the nulls
    it sets kept), and no null field at the top or in ``_COMPACTED_PARTS``."""
    if "routed_fields" in doc:
        differs = {name: value for name, value in doc["routed_fields"].items() if doc.get(name) != value}
        if differs:
            doc["routed_fields"] = differs
        else:
            del doc["routed_fields"]
    for name in [name for name, value in doc.items() if value is None]:
        del doc[name]
    for part in _COMPACTED_PARTS:
        if isinstance(doc.get(part), dict):
            doc[part] = {name: value for name, value in doc[part].items() if value is not None}


def _stage_routing(doc: dict[str, Any]) -> dict[str, Any]:
    """The stage's routing: the document's routing fields, where ``routed_fields`` says it differed."""
    return {**{name: doc.get(name) for name in ROUTING_FIELDS}, **doc.get("routed_fields", {})}


def _apply_initial_routing(doc: dict[str, Any]) -> str:
    """The routing the complaint starts from, set on the document; returns its unit.

    The stage's routing, unless the complaint had only media (routed from a placeholder, ``needs_triage``) and
    the sender's text joined it: then the joined text's routing (the earliest, should there be several), so
    the complaint goes to the unit the citizen's words name, whichever of the two events was folded first.
    Recomputed from the stage's routing (``routed_fields``) on every fold: folding stays order-independent."""
    doc["routed_fields"] = _stage_routing(doc)  # whole again while folding; compacted when written
    routing = dict(doc["routed_fields"])
    if (doc.get("channel_meta") or {}).get("media_only"):
        joined = next((e["routing"] for e in doc.get("source_history") or () if e["kind"] == "joined"
                       and e.get("routing")), None)
        if joined:
            routing = {name: joined.get(name) for name in ROUTING_FIELDS}
    doc.update(routing)
    return routing["unit_code"] or doc["routed_unit_code"]


def signal_key(stage: str, kind: str, due_at: datetime) -> str:
    return f"{stage}:{kind}:{due_at.isoformat()}"


def _remember(doc: dict[str, Any], key: str) -> None:
    if key not in doc["sla_signals"]:
        doc["sla_signals"] = [*doc["sla_signals"], key]


def remember_published(doc: dict[str, Any], signals: list[SlaSignal]) -> None:
    for signal in signals:
        _remember(doc, signal_key(signal.stage, signal.kind, signal.due_at))


def auto_close_event(complaint_id: str, signal: SlaSignal) -> StatusEvent:
    """The system's ``selesai`` when the closing period ran out; its id is deterministic, so a
    repeated signal folds into the same history entry."""
    event_id = str(uuid.uuid5(uuid.NAMESPACE_URL, f"aduan:auto-close:{complaint_id}:{signal.due_at.isoformat()}"))
    return StatusEvent(event_id=event_id, complaint_id=complaint_id, status="selesai", actor="sistem",
                       actor_role="system", reason=AUTO_CLOSE_REASON, at=signal.due_at)


def sla_event(complaint_id: str, signal: SlaSignal) -> SlaEvent:
    return SlaEvent(complaint_id=complaint_id, **signal.event_fields())
