"""`aduan tail TOPIC`: follow one topic as compact, privacy-safe lines.

A plain consumer without a group (it commits nothing and never steals partitions from the
workers), decoding every record with the registry's value model. Contacts are masked and
``rahasia`` text is withheld: the lines are meant for terminals and screenshots.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import timezone
from typing import Callable, Iterator

from kafka import KafkaConsumer, TopicPartition
from pydantic import BaseModel, ValidationError

from schemas.contact import mask
from schemas.topics import TopicSpec, by_name

TEXT_CHARS = 80
POLL_MS = 200
# The first field an event has is its time; routed complaints are shown at routing, not at receipt.
TIME_FIELDS = ("at", "routed_at", "detected_at", "failed_at", "received_at")


@dataclass(frozen=True)
class Filters:
    unit: str | None = None
    topic_code: str | None = None

    @property
    def active(self) -> bool:
        return bool(self.unit or self.topic_code)

    def unsupported(self, model: type[BaseModel]) -> list[str]:
        """Filters that cannot apply to ``model`` (it has no such field): they let every event through."""
        wanted = (("--unit", self.unit, "unit_code"), ("--topic-code", self.topic_code, "topic"))
        return [flag for flag, value, name in wanted if value and name not in model.model_fields]

    def matches(self, event: BaseModel) -> bool:
        fields = type(event).model_fields
        if self.unit and "unit_code" in fields and event.unit_code != self.unit:
            return False
        if self.topic_code and "topic" in fields and event.topic != self.topic_code:
            return False
        return True


Reader = Callable[[], KafkaConsumer]  # a group-less consumer (aduan.core.connections)


def tail(reader: Reader, topic_name: str, unit: str | None = None, topic_code: str | None = None,
         from_beginning: bool = False, stop: threading.Event | None = None, limit: int | None = None) -> Iterator[str]:
    """Printable lines for the events on ``topic_name`` from now on (or from the beginning).

    Ends when ``stop`` is set or after ``limit`` events; otherwise follows the topic forever.
    """
    spec = by_name(topic_name)
    consumer = open_consumer(reader, spec, from_beginning)
    try:
        yield from follow(consumer, spec, Filters(unit, topic_code), stop, limit)
    finally:
        consumer.close()


def open_consumer(reader: Reader, spec: TopicSpec, from_beginning: bool = False) -> KafkaConsumer:
    """A group-less consumer already positioned: records published after this returns are seen."""
    consumer = reader()
    try:
        partitions = sorted(consumer.partitions_for_topic(spec.name) or ())
        if not partitions:
            raise LookupError(f"topic {spec.name} does not exist (run `aduan topics create`)")
        assigned = [TopicPartition(spec.name, p) for p in partitions]
        consumer.assign(assigned)
        if from_beginning:
            consumer.seek_to_beginning(*assigned)
        else:
            consumer.seek_to_end(*assigned)
        for tp in assigned:
            consumer.position(tp)  # resolve the lazy seek now, not at the first poll
    except BaseException:
        consumer.close()
        raise
    return consumer


def follow(consumer: KafkaConsumer, spec: TopicSpec, filters: Filters = Filters(),
           stop: threading.Event | None = None, limit: int | None = None) -> Iterator[str]:
    for flag in filters.unsupported(spec.value_model):
        yield f"# {flag} does not apply to {spec.value_model.__name__} events on {spec.name}: not filtered"
    shown = 0
    while (stop is None or not stop.is_set()) and (limit is None or shown < limit):
        for records in consumer.poll(timeout_ms=POLL_MS).values():
            for record in records:
                line = render(spec, record.key, record.value, filters)
                if line is None:
                    continue
                yield line
                shown += 1
                if limit is not None and shown >= limit:
                    return


def render(spec: TopicSpec, key: bytes | None, value: bytes | None, filters: Filters = Filters()) -> str | None:
    """One line for a record, or None when the filters exclude it.

    Undecodable records are shown unless a filter is set: they cannot be attributed to a unit or topic.
    """
    key_text = key.decode("utf-8", "replace") if key is not None else "-"
    try:
        event = spec.value_model.model_validate_json(value or b"")
    except ValidationError as exc:
        if filters.active:
            return None
        # Only the error summary: the input may hold contacts in clear.
        return (f"{'-':<20} {spec.name} key={key_text} INVALID {spec.value_model.__name__}: "
                f"{exc.error_count()} errors, first: {exc.errors(include_input=False)[0]['msg']}")
    if not filters.matches(event):
        return None
    return format_event(spec.name, key_text, event)


def format_event(topic_name: str, key: str, event: BaseModel) -> str:
    """``time topic key=… tracking channel topic-code unit [details] "text…" contacts``; '-' when absent."""
    def get(name: str):
        return getattr(event, name, None)

    when = next((get(name) for name in TIME_FIELDS if get(name) is not None), None)
    columns = [
        when.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ") if when else "-",
        topic_name,
        f"key={key}",
        get("tracking_number") or "-",
        get("channel") or "-",
        get("topic") or "-",
        get("unit_code") or "-",
    ]
    columns += [f"{name}={get(name)}" for name in _details(event) if get(name) is not None]
    columns.append(_quoted(_text(event)))
    contacts = _masked_contacts(event)
    if contacts:
        columns.append(contacts)
    return " ".join(columns)


def _details(event: BaseModel) -> tuple[str, ...]:
    # The few fields that say what happened, per event type.
    return {
        "Complaint": ("privacy",),
        "RoutedComplaint": ("privacy", "status", "confidence", "duplicate_of"),
        "DuplicateReport": ("duplicate_of",),
        "StatusEvent": ("status", "actor_role"),
        "SlaEvent": ("stage", "kind", "elapsed_working_days"),
        "DeadLetter": ("stage", "source_topic", "partition", "offset"),
    }.get(type(event).__name__, ())


def _text(event: BaseModel) -> str:
    if getattr(event, "privacy", None) == "rahasia":
        return "[rahasia]"
    text = getattr(event, "text", None) or getattr(event, "reason", None) or ""
    flat = " ".join(str(text).split())
    return flat if len(flat) <= TEXT_CHARS else flat[:TEXT_CHARS - 1] + "…"


def _quoted(text: str) -> str:
    return '"' + text.replace('"', "'") + '"'


def _masked_contacts(event: BaseModel) -> str:
    reporter = getattr(event, "reporter", None)
    if reporter is None:
        return ""
    if getattr(event, "privacy", None) in ("anonim", "rahasia"):
        return "contact=[withheld]" if reporter.contacts() else ""
    return " ".join(f"{kind}={mask(value)}" for kind, value in reporter.contacts().items())
