"""The webhook sink: each record delivered to every matching subscription, on the kernel's consumer runtime.

Deliveries of one poll run concurrently (so the order of events per unit is not preserved: receivers
order by the event's own timestamps). A record is finished when every delivery for it was
acknowledged (2xx) or gave up; one that gave up is a dead letter naming the subscription, and the
runtime commits the record only once the broker has that letter. A delivery interrupted by a stop
leaves its record pending: it is delivered again after the restart, with the same
``X-Aduan-Delivery`` id (receivers dedupe).
"""

from __future__ import annotations

import asyncio
import logging
import random
import threading
import time
from typing import Awaitable, Callable, Mapping

import httpx
from kafka import KafkaConsumer
from kafka.consumer.fetcher import ConsumerRecord
from pydantic import ValidationError

from aduan.core import deadletters
from aduan.core.connections import Publisher
from aduan.core.metrics import WEBHOOK_DELIVERIES
from aduan.core.runtime import BatchResult, ConsumerRuntime
from consumers.sinks.webhooks.delivery import RetryPolicy, deliver
from consumers.sinks.webhooks.events import ComplaintDirectory, WebhookEvent, payload, to_event
from consumers.sinks.webhooks.signing import delivery_id
from consumers.sinks.webhooks.subscriptions import EVENT_KINDS, Subscription, resolve_secrets
from schemas.events import DeadLetter
from schemas.topics import ROUTED

log = logging.getLogger(__name__)

STAGE = "consumers.sinks.webhooks"
DEFAULT_GROUP = "aduan-webhooks"
# A poll's deliveries may retry for up to RetryPolicy.max_elapsed_s before the next poll.
MAX_POLL_INTERVAL_MS = 600_000

Done = bool | DeadLetter  # True: finished; False: read again; a letter: gave up


class WebhookSink:
    stage = STAGE

    def __init__(self, subscriptions: list[Subscription], *, policy: RetryPolicy = RetryPolicy(),
                 environ: Mapping[str, str] | None = None, directory: ComplaintDirectory | None = None,
                 max_in_flight: int = 64, clock: Callable[[], float] = time.time, rng: random.Random | None = None,
                 transport: httpx.AsyncBaseTransport | None = None) -> None:
        self.subscriptions = list(subscriptions)
        self.secrets = resolve_secrets(self.subscriptions, environ)
        self.policy = policy
        self.directory = directory or ComplaintDirectory()
        self.clock = clock
        self.rng = rng or random.Random()
        self.delivered = 0
        # One loop for the sink's life, so the HTTP connection pool survives between polls.
        self._runner = asyncio.Runner()
        self._max_in_flight = max_in_flight
        self._transport = transport
        self._client: httpx.AsyncClient | None = None
        self._in_flight: asyncio.Semaphore | None = None

    def write(self, records: list[ConsumerRecord], stop: threading.Event) -> BatchResult:
        return self._runner.run(self._process(records, stop))

    def close(self) -> None:
        if self._client is not None:
            self._runner.run(self._client.aclose())
            self._client = None
        self._runner.close()

    async def _process(self, records: list[ConsumerRecord], stop: threading.Event) -> BatchResult:
        if self._client is None:
            self._client = httpx.AsyncClient(timeout=httpx.Timeout(self.policy.timeout_s), follow_redirects=False,
                                             transport=self._transport)
            self._in_flight = asyncio.Semaphore(self._max_in_flight)
        # Routed records first: they teach the directory where the complaints of this poll's status events are.
        order = sorted(range(len(records)), key=lambda i: records[i].topic != ROUTED.name)
        plans = {i: self._plan(records[i], stop) for i in order}
        flat = [(i, job) for i in range(len(records)) for job in plans[i]]
        outcomes = await asyncio.gather(*(job for _, job in flat), return_exceptions=True)
        result = BatchResult()
        for (i, _), outcome in zip(flat, outcomes):
            if isinstance(outcome, BaseException):
                log.error("delivery for %s[%s]@%s failed unexpectedly", records[i].topic, records[i].partition,
                          records[i].offset, exc_info=outcome)
                result.pending.add(i)
            elif outcome is False:
                result.pending.add(i)
            elif isinstance(outcome, DeadLetter):
                result.letters.setdefault(i, []).append(outcome)
        for i in result.pending:
            result.letters.pop(i, None)  # read again whole: its letters come again too
        return result

    def _plan(self, record: ConsumerRecord, stop: threading.Event) -> list[Awaitable[Done]]:
        if record.topic not in EVENT_KINDS or record.value is None:
            return []  # a tombstone on the compacted routed topic is not an event
        try:
            event = to_event(record.topic, record.value or b"", self.directory)
        except ValidationError as exc:
            WEBHOOK_DELIVERIES.labels("dead_lettered", "-").inc()
            return [_ready(deadletters.for_record(STAGE, record, deadletters.reason(f"invalid {record.topic} record",
                                                                                   exc)))]
        except Exception as exc:  # the context lookup failed: keep the record for the next poll
            log.warning("cannot place %s[%s]@%s: %r", record.topic, record.partition, record.offset, exc)
            return [_ready(False)]
        return [self._deliver(record, event, sub, stop) for sub in self.subscriptions if sub.wants(event)]

    async def _deliver(self, record: ConsumerRecord, event: WebhookEvent, sub: Subscription,
                       stop: threading.Event) -> Done:
        delivery = delivery_id(sub.id, record.topic, record.partition, record.offset)
        body = payload(event, sub, delivery)
        assert self._client is not None and self._in_flight is not None
        result = await deliver(self._client, sub, self.secrets[sub.id], body, event.kind, delivery, self.policy,
                               rng=self.rng, sleep=lambda s: _sleep_unless_stopped(s, stop), clock=self.clock,
                               limit=self._in_flight)
        if result.delivered:
            self.delivered += 1
            return True
        if result.aborted:
            return False
        WEBHOOK_DELIVERIES.labels("dead_lettered", sub.unit_code).inc()
        return deadletters.for_record(STAGE, record, f"subscription {sub.id} (unit {sub.unit_code}) delivery "
                                                     f"{delivery} failed: {result.last_error}")


async def _ready(value: Done) -> Done:
    return value


async def _sleep_unless_stopped(seconds: float, stop: threading.Event) -> bool:
    deadline = time.monotonic() + seconds
    while (remaining := deadline - time.monotonic()) > 0:
        if stop.is_set():
            return True
        await asyncio.sleep(min(remaining, 0.1))
    return stop.is_set()


def dispatcher(consumer: KafkaConsumer, subscriptions: list[Subscription], publisher: Publisher, *,
               max_records: int = 100, poll_timeout_ms: int = 200, **options) -> ConsumerRuntime:
    """The webhook dispatcher process's loop: ``WebhookSink`` on the consumer runtime."""
    return ConsumerRuntime(consumer, WebhookSink(subscriptions, **options), publisher,
                           max_records=max_records, poll_timeout_ms=poll_timeout_ms)
