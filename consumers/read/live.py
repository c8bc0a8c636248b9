"""The live feed: newly routed complaints pushed to dashboards as Server-Sent Events (``GET /v1/live``).

One kafka-python consumer per API process reads ``complaints.routed`` from its end (no consumer
group: every API process sees everything, and nothing is committed) in a background thread, and
fans each record out to the connected subscribers through their asyncio queues. Each subscriber
only ever receives what its role may see (the same rules as ``access.visibility_filter``) in the
redacted form (free text from consumers.redaction's copies for who may not read it in clear), and
only a summary: no reporter data at all.

Clients authenticate with the ``X-API-Key`` header (browsers use ``fetch()`` streaming, which can
send headers, rather than ``EventSource``, which cannot): keys stay out of URLs and access logs.
A slow subscriber loses its oldest events rather than slowing the others down.
"""

from __future__ import annotations

import asyncio
import json
import logging
import threading
from dataclasses import dataclass, field
from typing import Annotated, Any, Callable

from fastapi import APIRouter, Depends, FastAPI
from fastapi.responses import StreamingResponse
from kafka import KafkaConsumer, TopicPartition
from kafka.errors import KafkaError

from aduan.core.deps import resource
from consumers.read.access import Principal, authenticate
from consumers.read.references import keep_only
from consumers.read.search import present
from consumers.redaction import copies
from schemas.topics import ROUTED

log = logging.getLogger(__name__)

HEARTBEAT_S = 15.0
QUEUE_SIZE = 256
READY_TIMEOUT_S = 30.0
TEXT_CHARS = 500
LIVE_FIELDS = ("complaint_id", "tracking_number", "received_at", "routed_at", "channel", "privacy", "status",
               "subject", "text", "topic", "topic_label", "unit_code", "unit_name", "region_name", "cluster_id",
               "report_count", "needs_triage")

router = APIRouter(tags=["live"])


def visible_to(principal: Principal, doc: dict[str, Any]) -> bool:
    """``access.visibility_filter`` for one document in memory (the feed has no query to put it in)."""
    if not doc.get("text"):
        return False
    if principal.role == "analyst":
        return doc.get("privacy") != "rahasia"
    if principal.role == "unit":
        return doc.get("unit_code") == principal.unit_code
    return principal.role == "operator"


def live_event(principal: Principal, doc: dict[str, Any]) -> dict[str, Any] | None:
    """What this subscriber receives for a routed complaint, or None if it may not see it."""
    if not visible_to(principal, doc):
        return None
    shown = present(principal, doc)
    # The feed has no query to ask which complaints the subscriber may see (consumers.read.references):
    # a non-operator gets a cluster's id only when this complaint heads it.
    if principal.role != "operator":
        keep_only([shown], set())
    event = {name: shown.get(name) for name in LIVE_FIELDS if name in shown}
    if isinstance(event.get("text"), str) and len(event["text"]) > TEXT_CHARS:
        event["text"] = event["text"][:TEXT_CHARS] + "…"
    return event


@dataclass(eq=False)
class Subscription:
    principal: Principal
    loop: asyncio.AbstractEventLoop
    queue: asyncio.Queue = field(default_factory=lambda: asyncio.Queue(QUEUE_SIZE))
    dropped: int = 0

    def offer(self, event: dict[str, Any]) -> None:
        """Runs on the subscriber's loop; drops the oldest event when the client does not keep up."""
        if self.queue.full():
            self.queue.get_nowait()
            self.dropped += 1
        self.queue.put_nowait(event)


class LiveFeed:
    def __init__(self, consumer_factory: Callable[[], KafkaConsumer], topic: str = ROUTED.name) -> None:
        self.topic = topic
        self._consumer_factory = consumer_factory  # a group-less reader (aduan.core.connections)
        self._subscribers: set[Subscription] = set()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.ready = threading.Event()  # positioned at the end: from now on nothing routed is missed
        self.delivered = 0

    # -- lifecycle ----------------------------------------------------------------------------------------

    def start(self) -> None:
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="aduan-live", daemon=True)
                self._thread.start()

    def stop(self, timeout_s: float = 5.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout_s)

    # -- subscribers (called on the event loop) ---------------------------------------------------------

    def subscribe(self, principal: Principal) -> Subscription:
        subscription = Subscription(principal, asyncio.get_running_loop())
        with self._lock:
            self._subscribers.add(subscription)
        return subscription

    def unsubscribe(self, subscription: Subscription) -> None:
        with self._lock:
            self._subscribers.discard(subscription)

    @property
    def subscribers(self) -> int:
        return len(self._subscribers)

    # -- the consumer thread ------------------------------------------------------------------------------

    def publish(self, doc: dict[str, Any]) -> None:
        with self._lock:
            subscribers = list(self._subscribers)
        if subscribers and "redacted" not in doc:
            # A routed record, not a document: its redacted copies made once (consumers.redaction), as the
            # indexer makes them, for every subscriber who may not read the clear text.
            doc = {**doc, "redacted": copies(doc, None)}
        for subscription in subscribers:
            event = live_event(subscription.principal, doc)
            if event is None:
                continue
            try:
                subscription.loop.call_soon_threadsafe(subscription.offer, event)
                self.delivered += 1
            except RuntimeError:  # its loop is closed: the client is gone
                self.unsubscribe(subscription)

    def _run(self) -> None:
        while not self._stop.is_set():
            consumer = None
            try:
                consumer = self._consumer_factory()
                self._position_at_end(consumer)
                self.ready.set()
                while not self._stop.is_set():
                    for records in consumer.poll(timeout_ms=200).values():
                        for record in records:
                            self._handle(record.value)
            except Exception as exc:  # the feed must outlive a broker restart or a bad record
                log.warning("live feed: %s; reconnecting", exc, exc_info=not isinstance(exc, KafkaError))
                self._stop.wait(2.0)
            finally:
                if consumer is not None:
                    consumer.close()

    def _position_at_end(self, consumer: KafkaConsumer) -> None:
        partitions = consumer.partitions_for_topic(self.topic)
        while not partitions and not self._stop.is_set():
            self._stop.wait(1.0)  # the topic is created by `aduan topics create`; wait for it
            partitions = consumer.partitions_for_topic(self.topic)
        assigned = [TopicPartition(self.topic, p) for p in sorted(partitions or ())]
        consumer.assign(assigned)
        consumer.seek_to_end(*assigned)
        for tp in assigned:
            consumer.position(tp)  # resolve the lazy seek now, so "ready" really means "from here on"

    def _handle(self, value: bytes | None) -> None:
        try:
            doc = json.loads(value) if value else None
        except (UnicodeDecodeError, json.JSONDecodeError):
            return  # poison records are the indexer's to dead-letter, not the dashboard's
        if isinstance(doc, dict):
            self.publish(doc)


# -- app wiring -------------------------------------------------------------------------------------------
# The API's lifespan creates one LiveFeed (not started) as the "live" resource and stops it at shutdown;
# the feed's consumer starts with the first subscriber (``LiveFeed.start`` is idempotent).

LiveDep = Annotated[LiveFeed, Depends(resource("live"))]


def stop_live(app: FastAPI) -> None:
    feed = getattr(app.state, "live", None)
    if feed is not None:
        feed.stop()


def sse(event: str, data: dict[str, Any], event_id: str | None = None) -> str:
    lines = [f"event: {event}"]
    if event_id:
        lines.append(f"id: {event_id}")
    # JSON has no raw newlines, so one data line always carries the whole payload.
    lines.append("data: " + json.dumps(data, ensure_ascii=False, separators=(",", ":")))
    return "\n".join(lines) + "\n\n"


@router.get("/v1/live", response_class=StreamingResponse,
            responses={200: {"content": {"text/event-stream": {}},
                             "description": "`ready` once subscribed, then one `complaint` event per routed "
                                            "complaint the role may see; `: keepalive` comments every 15 s"},
                       401: {}, 403: {}})
async def live(feed: LiveDep, principal: Principal = Depends(authenticate)) -> StreamingResponse:
    """Newly routed complaints as Server-Sent Events, filtered and redacted for the caller's role."""
    feed.start()
    subscription = feed.subscribe(principal)

    async def stream():
        try:
            yield "retry: 3000\n\n"
            waited = 0.0
            while not feed.ready.is_set() and waited < READY_TIMEOUT_S:
                await asyncio.sleep(0.1)
                waited += 0.1
            yield sse("ready", {"role": principal.role, "unit_code": principal.unit_code,
                                "connected": feed.ready.is_set()})
            while True:
                try:
                    event = await asyncio.wait_for(subscription.queue.get(), HEARTBEAT_S)
                except asyncio.TimeoutError:
                    yield ": keepalive\n\n"
                    continue
                yield sse("complaint", event, event.get("complaint_id"))
        finally:
            feed.unsubscribe(subscription)

    return StreamingResponse(stream(), media_type="text/event-stream",
                             headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})
