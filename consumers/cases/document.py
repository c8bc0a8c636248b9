"""A complaint's indexed document, as a pure function of its events.

The index is built only from the event stream, so it cannot drift from it. Folding is
order-independent and idempotent, so redelivered or out-of-order events never regress a
document:

- the routing (``RoutedComplaint``) with the latest ``routed_at`` wins;
- status events form a set keyed by ``event_id``; the history is that set ordered by time,
  and the current status, unit and SLA clock are recomputed from it on every fold;
- exact duplicates form a set of complaint ids: ``report_count`` = 1 + its size;
- SLA signals already published are remembered by key, so each is published once.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from pydantic import BaseModel

from consumers.cases.lifecycle import region_of_unit
from consumers.cases.sla import SlaClock, SlaSignal
from schemas.events import DuplicateReport, RoutedComplaint, SlaEvent, StatusEvent

ROUTED_FIELDS = frozenset(RoutedComplaint.model_fields)
AUTO_CLOSE_REASON = "Ditutup otomatis: tidak ada tanggapan pelapor dalam batas waktu penutupan."


@dataclass
class Folded:
    doc: dict[str, Any]
    signals: list[SlaSignal] = field(default_factory=list)  # new: to publish before the document is written


def fold(doc: dict[str, Any] | None, events: list[BaseModel], now: datetime) -> Folded:
    doc = dict(doc or {})
    doc.setdefault("history", [])
    doc.setdefault("duplicate_ids", [])
    doc.setdefault("sla_signals", [])
    for event in events:
        if isinstance(event, RoutedComplaint):
            _apply_routing(doc, event)
        elif isinstance(event, StatusEvent):
            _apply_status(doc, event)
        elif isinstance(event, DuplicateReport):
            if event.complaint_id not in doc["duplicate_ids"]:
                doc["duplicate_ids"] = sorted({*doc["duplicate_ids"], event.complaint_id})
        elif isinstance(event, SlaEvent):
            _remember(doc, signal_key(event.stage, event.kind, event.due_at))
            now = max(now, event.at)  # a timer's signal carries the moment it fired: the document is at least that late
        else:
            raise TypeError(f"cannot fold {type(event).__name__}")
    return _derive(doc, now)


def _apply_routing(doc: dict[str, Any], routed: RoutedComplaint) -> None:
    current = doc.get("routed_at")
    incoming = routed.model_dump(mode="json")
    if current and current > incoming["routed_at"]:
        return  # an older routing replayed after a newer one
    doc.update({name: incoming[name] for name in ROUTED_FIELDS})
    doc["routed_unit_code"] = routed.unit_code


def _apply_status(doc: dict[str, Any], event: StatusEvent) -> None:
    if any(entry["event_id"] == event.event_id for entry in doc["history"]):
        return
    entry = event.model_dump(mode="json", include={"event_id", "status", "actor", "actor_role", "reason",
                                                   "unit_code", "at"})
    doc["history"] = sorted([*doc["history"], entry], key=lambda e: (e["at"], e["event_id"]))


def _derive(doc: dict[str, Any], now: datetime) -> Folded:
    history = doc["history"]
    doc["report_count"] = 1 + len(doc["duplicate_ids"])
    doc["status"] = history[-1]["status"] if history else "diterima"
    doc["status_updated_at"] = history[-1]["at"] if history else doc.get("routed_at")
    reroutes = [entry["unit_code"] for entry in history if entry["status"] == "bukan_wewenang" and entry["unit_code"]]
    if "routed_unit_code" in doc:
        doc["unit_code"] = reroutes[-1] if reroutes else doc["routed_unit_code"]
    if "received_at" not in doc:
        return Folded(doc)  # status or duplicates arrived before the routing: a stub, not searchable yet

    clock = SlaClock(region_code=doc.get("region_code"), unit_code=doc["routed_unit_code"], topic=doc.get("topic"))
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
