"""What a record becomes for a subscriber: the complaint it concerns, and only what the subscriber may see."""

from __future__ import annotations

import json
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any, Callable

from pydantic import BaseModel

from consumers.read.references import keep_only
from consumers.redaction import reason_copy, sees_clear, view
from consumers.sinks.webhooks.subscriptions import EVENT_KINDS, OPERATORS, Subscription
from schemas.events import Privacy, RoutedComplaint, SlaEvent, StatusEvent, SurgeAlert
from schemas.topics import ALERTS, ROUTED, STATUS


@dataclass(frozen=True)
class ComplaintContext:
    """What matching needs to know about a complaint that a status or SLA event does not carry."""

    unit_code: str | None
    topic: str | None
    privacy: Privacy | None


ContextLookup = Callable[[str], ComplaintContext | None]


class ComplaintDirectory:
    """Complaint id → unit, topic, privacy: learnt from the routed records this worker reads, then ``fallback``.

    The routed topic and the status topic have the same key and partition count, so with the default range
    assignor the worker that gets a status event usually saw its complaint; after a restart (offsets
    committed, routed records not re-read) the fallback, typically the search index, answers.
    A fallback that raises makes the record wait (not committed, retried on the next poll).
    """

    def __init__(self, fallback: ContextLookup | None = None, capacity: int = 100_000) -> None:
        self._known: OrderedDict[str, ComplaintContext] = OrderedDict()
        self._fallback = fallback
        self._capacity = capacity

    def remember(self, complaint_id: str, context: ComplaintContext) -> None:
        self._known[complaint_id] = context
        self._known.move_to_end(complaint_id)
        while len(self._known) > self._capacity:
            self._known.popitem(last=False)

    def lookup(self, complaint_id: str) -> ComplaintContext | None:
        if complaint_id in self._known:
            self._known.move_to_end(complaint_id)
            return self._known[complaint_id]
        context = self._fallback(complaint_id) if self._fallback else None
        if context is not None:
            self.remember(complaint_id, context)
        return context


def elasticsearch_context(es: Any, alias: str) -> ContextLookup:
    """A ``ComplaintDirectory`` fallback reading the indexed complaint document."""
    from elasticsearch import NotFoundError

    def lookup(complaint_id: str) -> ComplaintContext | None:
        try:
            doc = es.get(index=alias, id=complaint_id, source_includes=["unit_code", "topic", "privacy"])
        except NotFoundError:
            return None
        source = doc["_source"]
        return ComplaintContext(source.get("unit_code"), source.get("topic"), source.get("privacy"))

    return lookup


@dataclass(frozen=True)
class WebhookEvent:
    kind: str
    source_topic: str
    complaint_id: str
    units: tuple[str, ...]  # the unit(s) the complaint is routed to; a re-route adds the new unit
    topic: str | None
    privacy: Privacy | None  # None: the complaint is unknown here, treated as the strictest
    model: BaseModel


def to_event(topic: str, value: bytes, directory: ComplaintDirectory) -> WebhookEvent:
    """Parse a record and place it (raises ValidationError on a malformed record)."""
    kind = EVENT_KINDS[topic]
    if topic == ALERTS.name:  # no complaint and no unit: the alert id stands in the complaint's place
        alert = SurgeAlert.model_validate_json(value)
        return WebhookEvent(kind, topic, alert.alert_id, (), alert.topic, "publik", alert)
    if topic == ROUTED.name:
        routed = RoutedComplaint.model_validate_json(value)
        directory.remember(routed.complaint_id, ComplaintContext(routed.unit_code, routed.topic, routed.privacy))
        return WebhookEvent(kind, topic, routed.complaint_id, (routed.unit_code,), routed.topic, routed.privacy, routed)
    model: StatusEvent | SlaEvent = (StatusEvent if topic == STATUS.name else SlaEvent).model_validate_json(value)
    context = directory.lookup(model.complaint_id) or ComplaintContext(None, None, None)
    # Of status events only a re-route names another unit: a unit code on any other status is not one.
    named = None if isinstance(model, StatusEvent) and model.status != "bukan_wewenang" else model.unit_code
    units = tuple(dict.fromkeys(u for u in (context.unit_code, named) if u))
    if isinstance(model, StatusEvent) and named and named != context.unit_code:
        # Re-routed (bukan_wewenang): later events belong to the new unit.
        directory.remember(model.complaint_id, ComplaintContext(named, context.topic, context.privacy))
    return WebhookEvent(kind, topic, model.complaint_id, units, context.topic, context.privacy, model)


# Fields that identify or reach the reporter, and fields that carry what the complaint says.
REPORTER_FIELDS = ("reporter", "reporter_key", "provider_message_id", "channel_meta", "raw_ref", "in_reply_to")
CONTENT_FIELDS = ("subject", "text", "normalised_text", "location", "attachments")


def redact(event: WebhookEvent, subscription: Subscription) -> tuple[dict[str, Any], list[str]]:
    """The event as ``subscription`` may see it, and the names of the fields withheld.

    Contacts go only to the unit the complaint is routed to, and only for ``publik`` complaints.
    Content of a ``rahasia`` complaint (or of one this worker cannot place) goes only to that unit.
    Free text in clear goes only to that unit, and not for ``anonim`` complaints; everyone else gets
    its redacted copy (consumers.redaction). Operators' (``"*"``) endpoints therefore never receive
    contacts, in fields or in the text.
    """
    data = event.model.model_dump(mode="json")
    owner = subscription.owns(event)
    contacts_allowed = owner and event.privacy == "publik"
    content_allowed = owner or event.privacy in ("publik", "anonim")
    if content_allowed and not sees_clear("unit", event.privacy, owner):
        if isinstance(event.model, RoutedComplaint):
            data = {k: v for k, v in view(data, clear=False).items() if k in data}
        elif isinstance(event.model, StatusEvent):
            data["reason"] = reason_copy(data.get("reason"))
    withheld: list[str] = []
    if isinstance(event.model, RoutedComplaint):
        if not contacts_allowed:
            withheld += REPORTER_FIELDS
        if not content_allowed:
            withheld += CONTENT_FIELDS
    elif isinstance(event.model, StatusEvent):
        if event.model.actor_role == "citizen" and not contacts_allowed:
            withheld.append("actor")  # a citizen actor is the reporter's contact or name
        if not content_allowed:
            withheld.append("reason")  # free text written about the case, may quote it
    for name in withheld:
        data.pop(name, None)
    if isinstance(event.model, RoutedComplaint) and subscription.unit_code != OPERATORS:
        # The cluster's head may be another unit's complaint, whose id opens its status page
        # (consumers.read.references); the dispatcher has no index to ask: a unit gets it only as the head.
        keep_only([data], set())
    return data, withheld


def payload(event: WebhookEvent, subscription: Subscription, delivery: str) -> bytes:
    """The request body: deterministic for a record and subscription, so a redelivery is byte-identical."""
    data, withheld = redact(event, subscription)
    envelope = {"delivery_id": delivery, "event": event.kind, "subscription_id": subscription.id,
                "complaint_id": event.complaint_id, "unit_codes": list(event.units), "withheld": withheld,
                "data": data}
    return json.dumps(envelope, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode()
