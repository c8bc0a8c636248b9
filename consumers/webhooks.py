"""Signed webhook delivery: routed complaints, status changes and SLA events pushed to units over HTTP.

A consumer group (``aduan-webhooks``) reads ``complaints.routed``, ``complaints.status`` and
``complaints.sla``. For each record the matching subscriptions (per unit, or ``"*"`` for operators) get
one POST each, signed Stripe-style (``X-Aduan-Signature: t=<unix>,v1=<hex HMAC-SHA256(secret, "t.body")>``).
A failed delivery is retried with exponential backoff and jitter; after the last attempt the record
goes to ``complaints.deadletter`` naming the subscription. An offset is committed only once every
delivery for its record was acknowledged (2xx) or dead-lettered, so a crash redelivers (same
``X-Aduan-Delivery`` id: receivers dedupe) and never drops. Deliveries of one poll run concurrently,
so the order of events per unit is not preserved: receivers order by the event's own timestamps.

The format, the privacy rule and the verification recipe are in WEBHOOKS.md next to this file.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import logging
import os
import random
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any, Awaitable, Callable, Literal, Mapping

import httpx
from kafka import KafkaConsumer, OffsetAndMetadata, TopicPartition
from kafka.consumer.fetcher import ConsumerRecord
from kafka.errors import CommitFailedError, KafkaError
from prometheus_client import Counter
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from producers.publisher import BrokerUnavailable, Publisher
from schemas.events import DeadLetter, Privacy, RoutedComplaint, SlaEvent, StatusEvent
from schemas.topics import DEADLETTER, ROUTED, SLA, STATUS, TopicSpec

log = logging.getLogger(__name__)

STAGE = "consumers.webhooks"
DEFAULT_GROUP = "aduan-webhooks"
USER_AGENT = "aduan-webhooks/0.1"
OPERATORS = "*"
SOURCES: tuple[TopicSpec, ...] = (ROUTED, STATUS, SLA)
EVENT_KINDS: dict[str, str] = {ROUTED.name: "complaint.routed", STATUS.name: "complaint.status",
                               SLA.name: "complaint.sla"}
MIN_SECRET_BYTES = 16

DELIVERIES = Counter("aduan_webhook_deliveries_total",
                     "Webhook delivery outcomes: delivered, retried (one per retry), dead_lettered",
                     ["outcome", "unit"])


# -- subscriptions ------------------------------------------------------------------------------------------

class Subscription(BaseModel):
    """One endpoint. ``unit_code`` ``"*"`` is an operators' subscription: every unit, never contacts."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[A-Za-z0-9._:-]{1,100}$",
                    description="stable id, part of X-Aduan-Delivery; default derived from unit_code and url")
    unit_code: str = Field(min_length=1, max_length=100)
    url: str = Field(max_length=2000)
    secret_env: str = Field(pattern=r"^[A-Z_][A-Z0-9_]*$", description="environment variable holding the HMAC secret")
    events: tuple[str, ...] = Field(min_length=1, description="topic names, event kinds, or '*'")
    topic_codes: tuple[str, ...] | None = Field(None, description="only complaints classified under these topics")
    description: str | None = Field(None, max_length=500)

    @model_validator(mode="before")
    @classmethod
    def _default_id(cls, data: Any) -> Any:
        if isinstance(data, dict) and not data.get("id") and data.get("unit_code") and data.get("url"):
            digest = hashlib.sha256(f"{data['unit_code']}\n{data['url']}".encode()).hexdigest()[:12]
            data = {**data, "id": f"sub-{digest}"}
        return data

    @field_validator("url")
    @classmethod
    def _http_url(cls, url: str) -> str:
        parsed = httpx.URL(url)
        if parsed.scheme not in ("http", "https") or not parsed.host:
            raise ValueError("url must be an absolute http(s) URL")
        return url

    @field_validator("events")
    @classmethod
    def _known_events(cls, events: tuple[str, ...]) -> tuple[str, ...]:
        known = {"*", *EVENT_KINDS, *EVENT_KINDS.values()}
        unknown = [e for e in events if e not in known]
        if unknown:
            raise ValueError(f"unknown events {unknown}; use {sorted(known)}")
        return events

    def wants(self, event: WebhookEvent) -> bool:
        if not ({"*", event.kind, event.source_topic} & set(self.events)):
            return False
        if self.unit_code != OPERATORS and self.unit_code not in event.units:
            return False
        # Unknown topic (a status event whose complaint we cannot place) never passes a topic filter.
        return self.topic_codes is None or event.topic in self.topic_codes

    def owns(self, event: WebhookEvent) -> bool:
        return self.unit_code != OPERATORS and self.unit_code in event.units


class SubscriptionFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    comment: str | None = Field(None, alias="$comment")
    subscriptions: list[Subscription]

    @model_validator(mode="after")
    def _unique_ids(self) -> SubscriptionFile:
        ids = [s.id for s in self.subscriptions]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ValueError(f"duplicate subscription ids {duplicates}")
        return self


def load_subscriptions(path: str | Path) -> list[Subscription]:
    """Read and validate a subscription file (format in WEBHOOKS.md). Secrets are not read here."""
    return SubscriptionFile.model_validate_json(Path(path).read_bytes()).subscriptions


def resolve_secrets(subscriptions: list[Subscription], environ: Mapping[str, str] | None = None) -> dict[str, bytes]:
    """Secret per subscription id from the environment. Fails closed: no unsigned delivery, ever."""
    environ = os.environ if environ is None else environ
    secrets, problems = {}, []
    for sub in subscriptions:
        value = environ.get(sub.secret_env, "")
        if len(value.encode()) < MIN_SECRET_BYTES:
            problems.append(f"{sub.id}: ${sub.secret_env} " + ("not set" if not value else "shorter than 16 bytes"))
        secrets[sub.id] = value.encode()
    if problems:
        raise ValueError("webhook secrets missing: " + "; ".join(problems))
    return secrets


# -- signatures ---------------------------------------------------------------------------------------------

def sign(secret: bytes | str, body: bytes, timestamp: int) -> str:
    """The X-Aduan-Signature value: the timestamp is inside the MAC, so a captured request cannot be replayed later."""
    key = secret.encode() if isinstance(secret, str) else secret
    mac = hmac.new(key, f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={mac}"


def verify_signature(secret: bytes | str, header: str | None, body: bytes, tolerance_s: float = 300,
                     now: float | None = None) -> bool:
    """True if ``header`` signs exactly ``body`` with ``secret`` and its timestamp is within ``tolerance_s``.

    ``body`` must be the raw request bytes, before any JSON parsing. Several ``v1`` values are accepted
    (one of them must match), so a sender may sign with an old and a new secret during rotation.
    """
    if not header:
        return False
    timestamp, candidates = None, []
    for item in header.split(","):
        key, _, value = item.strip().partition("=")
        if key == "t" and value.isdigit():
            timestamp = int(value)
        elif key == "v1":
            candidates.append(value)
    if timestamp is None or not candidates:
        return False
    if abs((time.time() if now is None else now) - timestamp) > tolerance_s:
        return False
    expected = sign(secret, body, timestamp).rpartition("v1=")[2]
    return any(hmac.compare_digest(expected, candidate) for candidate in candidates)


def delivery_id(subscription_id: str, topic: str, partition: int, offset: int) -> str:
    """Same record, same subscription → same id, across retries, restarts and rebalances."""
    return hashlib.sha256(f"{subscription_id}\n{topic}\n{partition}\n{offset}".encode()).hexdigest()[:32]


# -- events and privacy -------------------------------------------------------------------------------------

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
    if topic == ROUTED.name:
        routed = RoutedComplaint.model_validate_json(value)
        directory.remember(routed.complaint_id, ComplaintContext(routed.unit_code, routed.topic, routed.privacy))
        return WebhookEvent(kind, topic, routed.complaint_id, (routed.unit_code,), routed.topic, routed.privacy, routed)
    model: StatusEvent | SlaEvent = (StatusEvent if topic == STATUS.name else SlaEvent).model_validate_json(value)
    context = directory.lookup(model.complaint_id) or ComplaintContext(None, None, None)
    units = tuple(dict.fromkeys(u for u in (context.unit_code, model.unit_code) if u))
    if isinstance(model, StatusEvent) and model.unit_code and model.unit_code != context.unit_code:
        # Re-routed (bukan_wewenang): later events belong to the new unit.
        directory.remember(model.complaint_id, ComplaintContext(model.unit_code, context.topic, context.privacy))
    return WebhookEvent(kind, topic, model.complaint_id, units, context.topic, context.privacy, model)


# Fields that identify or reach the reporter, and fields that carry what the complaint says.
REPORTER_FIELDS = ("reporter", "reporter_key", "provider_message_id", "channel_meta", "raw_ref", "in_reply_to")
CONTENT_FIELDS = ("subject", "text", "normalised_text", "location", "attachments")


def redact(event: WebhookEvent, subscription: Subscription) -> tuple[dict[str, Any], list[str]]:
    """The event as ``subscription`` may see it, and the names of the fields withheld.

    Contacts go only to the unit the complaint is routed to, and only for ``publik`` complaints.
    Content of a ``rahasia`` complaint (or of one this worker cannot place) goes only to that unit.
    Operators' (``"*"``) endpoints therefore never receive contacts.
    """
    data = event.model.model_dump(mode="json")
    owner = subscription.owns(event)
    contacts_allowed = owner and event.privacy == "publik"
    content_allowed = owner or event.privacy in ("publik", "anonim")
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
    return data, withheld


def payload(event: WebhookEvent, subscription: Subscription, delivery: str) -> bytes:
    """The request body: deterministic for a record and subscription, so a redelivery is byte-identical."""
    data, withheld = redact(event, subscription)
    envelope = {"delivery_id": delivery, "event": event.kind, "subscription_id": subscription.id,
                "complaint_id": event.complaint_id, "unit_codes": list(event.units), "withheld": withheld,
                "data": data}
    return json.dumps(envelope, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode()


# -- retry policy -------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class RetryPolicy:
    max_attempts: int = 8
    base_delay_s: float = 1.0
    max_delay_s: float = 60.0
    max_elapsed_s: float = 180.0  # from the first attempt; keep well below the consumer's max_poll_interval
    jitter: float = 0.5  # each delay is drawn from [nominal * (1 - jitter), nominal]
    timeout_s: float = 10.0  # per request

    def nominal_delay(self, retry: int) -> float:
        """Delay before retry number ``retry`` (1-based): base, 2·base, 4·base … capped."""
        return min(self.max_delay_s, self.base_delay_s * 2 ** (retry - 1))

    def delay(self, retry: int, rng: random.Random) -> float:
        # Jitter spreads the retries of many deliveries that failed together (a unit's server restarting).
        return self.nominal_delay(retry) * (1 - self.jitter * rng.random())

    def schedule(self) -> list[float]:
        return [self.nominal_delay(n) for n in range(1, self.max_attempts)]


def retryable(status: int) -> bool:
    return status in (408, 429) or status >= 500


def retry_after_s(value: str | None, now: float | None = None) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or HTTP-date); None if absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


@dataclass
class DeliveryResult:
    delivered: bool
    attempts: int
    last_error: str = ""
    aborted: bool = False  # stopped while waiting to retry: neither delivered nor dead-lettered


Sleeper = Callable[[float], Awaitable[bool]]  # returns True when asked to stop


async def deliver(client: httpx.AsyncClient, subscription: Subscription, secret: bytes, body: bytes, kind: str,
                  delivery: str, policy: RetryPolicy, *, rng: random.Random, sleep: Sleeper,
                  clock: Callable[[], float] = time.time, monotonic: Callable[[], float] = time.monotonic,
                  limit: asyncio.Semaphore | None = None) -> DeliveryResult:
    """POST until a 2xx, a non-retryable answer, or the policy's attempts or time run out.

    ``limit`` bounds concurrent requests; it is not held while waiting to retry.
    """
    started, attempt, last = monotonic(), 0, ""
    while True:
        attempt += 1
        wait_at_least = 0.0
        headers = {"Content-Type": "application/json", "User-Agent": USER_AGENT, "X-Aduan-Event": kind,
                   "X-Aduan-Delivery": delivery, "X-Aduan-Signature": sign(secret, body, int(clock()))}
        try:
            if limit is None:
                response = await client.post(subscription.url, content=body, headers=headers)
            else:
                async with limit:
                    response = await client.post(subscription.url, content=body, headers=headers)
        except httpx.TransportError as exc:  # connection refused or reset, DNS, timeouts
            last, again = f"{type(exc).__name__}: {exc}"[:300], True
        except httpx.HTTPError as exc:
            last, again = f"{type(exc).__name__}: {exc}"[:300], False
        else:
            if 200 <= response.status_code < 300:
                DELIVERIES.labels("delivered", subscription.unit_code).inc()
                return DeliveryResult(True, attempt)
            last, again = f"HTTP {response.status_code}", retryable(response.status_code)
            wait_at_least = retry_after_s(response.headers.get("retry-after")) or 0.0
        if not again:
            return DeliveryResult(False, attempt, f"{last} (not retried)")
        if attempt >= policy.max_attempts:
            return DeliveryResult(False, attempt, f"{last} after {attempt} attempts")
        delay = max(policy.delay(attempt, rng), wait_at_least)
        if monotonic() - started + delay > policy.max_elapsed_s:
            return DeliveryResult(False, attempt, f"{last} after {attempt} attempts; next retry in {delay:.1f}s "
                                                  f"would pass max_elapsed_s={policy.max_elapsed_s:g}")
        DELIVERIES.labels("retried", subscription.unit_code).inc()
        log.info("webhook %s to %s: %s; retry %d in %.2fs", delivery, subscription.id, last, attempt, delay)
        if await sleep(delay):
            return DeliveryResult(False, attempt, last, aborted=True)


# -- the worker ---------------------------------------------------------------------------------------------

@dataclass
class WebhookStats:
    records: int = 0
    delivered: int = 0
    dead_lettered: int = 0
    invalid: int = 0
    uncommitted: int = 0  # records left for the next poll (stopped, or the dead-letter topic unreachable)
    started_at: float = field(default_factory=time.monotonic)


Done = Literal["done", "pending"]


class WebhookDispatcher:
    """Poll → match → deliver concurrently → commit what is finished. The caller owns the consumer."""

    def __init__(self, consumer: KafkaConsumer, subscriptions: list[Subscription], deadletters: Publisher, *,
                 policy: RetryPolicy = RetryPolicy(), environ: Mapping[str, str] | None = None,
                 directory: ComplaintDirectory | None = None, max_in_flight: int = 64, max_records: int = 100,
                 poll_timeout_ms: int = 200, clock: Callable[[], float] = time.time,
                 rng: random.Random | None = None, transport: httpx.AsyncBaseTransport | None = None,
                 own_clients: bool = False) -> None:
        self.consumer = consumer
        self.subscriptions = list(subscriptions)
        self.secrets = resolve_secrets(self.subscriptions, environ)
        self.deadletters = deadletters
        self.policy = policy
        self.directory = directory or ComplaintDirectory()
        self.max_records = max_records
        self.poll_timeout_ms = poll_timeout_ms
        self.clock = clock
        self.rng = rng or random.Random()
        self.stats = WebhookStats()
        # One loop for the dispatcher's life, so the HTTP connection pool survives between polls.
        self._runner = asyncio.Runner()
        self._max_in_flight = max_in_flight
        self._transport = transport
        self._client: httpx.AsyncClient | None = None
        self._in_flight: asyncio.Semaphore | None = None
        self._own_clients = own_clients  # close the consumer and the publisher too (build_dispatcher)

    # -- loop

    def run(self, stop: threading.Event) -> None:
        while not stop.is_set():
            self.run_once(stop)

    def run_once(self, stop: threading.Event | None = None) -> int:
        """One poll. Returns the number of records whose offsets were committed."""
        batch = self.consumer.poll(timeout_ms=self.poll_timeout_ms, max_records=self.max_records)
        records = [record for partition_records in batch.values() for record in partition_records]
        if not records:
            return 0
        done = self._runner.run(self._process(records, stop))
        committed = self._commit_finished(records, done)
        if committed < len(records) and stop is not None and not stop.is_set():
            stop.wait(1.0)  # the dead-letter topic or the context lookup is failing: don't spin
        return committed

    def close(self) -> None:
        if self._client is not None:
            self._runner.run(self._client.aclose())
            self._client = None
        self._runner.close()
        if self._own_clients:
            self.consumer.close()
            self.deadletters.close()

    # -- one batch

    async def _process(self, records: list[ConsumerRecord], stop: threading.Event | None) -> list[Done]:
        if self._client is None:
            self._client = httpx.AsyncClient(timeout=httpx.Timeout(self.policy.timeout_s), follow_redirects=False,
                                             transport=self._transport)
            self._in_flight = asyncio.Semaphore(self._max_in_flight)
        # Routed records first: they teach the directory where the complaints of this poll's status events are.
        order = sorted(range(len(records)), key=lambda i: records[i].topic != ROUTED.name)
        plans: dict[int, list[Awaitable[Done]]] = {}
        for i in order:
            plans[i] = self._plan(records[i], stop)
        flat = [(i, job) for i in range(len(records)) for job in plans[i]]
        results = await asyncio.gather(*(job for _, job in flat), return_exceptions=True)
        done: list[Done] = ["done"] * len(records)
        for (i, _), result in zip(flat, results):
            if isinstance(result, BaseException):
                log.error("delivery for %s[%s]@%s failed unexpectedly", records[i].topic, records[i].partition,
                          records[i].offset, exc_info=result)
            if result != "done":
                done[i] = "pending"
        self.stats.records += len(records)
        return done

    def _plan(self, record: ConsumerRecord, stop: threading.Event | None) -> list[Awaitable[Done]]:
        if record.topic not in EVENT_KINDS or record.value is None:
            return []  # a tombstone on the compacted routed topic is not an event
        try:
            event = to_event(record.topic, record.value or b"", self.directory)
        except ValidationError as exc:
            self.stats.invalid += 1
            first = exc.errors(include_input=False)[0]["msg"]
            reason = f"invalid {record.topic} record: {exc.error_count()} errors: {first}"
            return [self._dead_letter(record, reason, unit="-")]
        except Exception as exc:  # the context lookup failed: keep the record for the next poll
            log.warning("cannot place %s[%s]@%s: %r", record.topic, record.partition, record.offset, exc)
            return [_pending()]
        return [self._deliver(record, event, sub, stop) for sub in self.subscriptions if sub.wants(event)]

    async def _deliver(self, record: ConsumerRecord, event: WebhookEvent, sub: Subscription,
                       stop: threading.Event | None) -> Done:
        delivery = delivery_id(sub.id, record.topic, record.partition, record.offset)
        body = payload(event, sub, delivery)
        assert self._client is not None and self._in_flight is not None
        result = await deliver(self._client, sub, self.secrets[sub.id], body, event.kind, delivery, self.policy,
                               rng=self.rng, sleep=lambda s: _sleep_unless_stopped(s, stop), clock=self.clock,
                               limit=self._in_flight)
        if result.delivered:
            self.stats.delivered += 1
            return "done"
        if result.aborted:
            return "pending"
        reason = (f"subscription {sub.id} (unit {sub.unit_code}) delivery {delivery} failed: {result.last_error}")
        return await self._dead_letter(record, reason, unit=sub.unit_code)

    async def _dead_letter(self, record: ConsumerRecord, reason: str, unit: str) -> Done:
        letter = DeadLetter(stage=STAGE, reason=reason[:2000], source_topic=record.topic, partition=record.partition,
                            offset=record.offset, raw=record.value or b"")
        try:
            await self.deadletters.publish_async(DEADLETTER, record.topic, letter)
        except BrokerUnavailable as exc:
            log.warning("dead letter for %s[%s]@%s not acknowledged: %s", record.topic, record.partition,
                        record.offset, exc)
            return "pending"
        DELIVERIES.labels("dead_lettered", unit).inc()
        self.stats.dead_lettered += 1
        log.warning("dead-lettered %s[%s]@%s: %s", record.topic, record.partition, record.offset, reason)
        return "done"

    def _commit_finished(self, records: list[ConsumerRecord], done: list[Done]) -> int:
        """Commit, per partition, up to the first unfinished record, and rewind to it so it comes again."""
        by_partition: dict[TopicPartition, list[tuple[ConsumerRecord, Done]]] = {}
        for record, state in zip(records, done):
            by_partition.setdefault(TopicPartition(record.topic, record.partition), []).append((record, state))
        offsets, committed = {}, 0
        for tp, items in by_partition.items():
            items.sort(key=lambda item: item[0].offset)
            finished = 0
            while finished < len(items) and items[finished][1] == "done":
                finished += 1
            if finished:
                offsets[tp] = OffsetAndMetadata(items[finished - 1][0].offset + 1, "", -1)
                committed += finished
            if finished < len(items):
                self.stats.uncommitted += len(items) - finished
                try:
                    self.consumer.seek(tp, items[finished][0].offset)
                except (ValueError, KafkaError) as exc:  # revoked meanwhile: the new owner starts there
                    log.info("not rewinding %s: %r", tp, exc)
        if offsets:
            try:
                self.consumer.commit(offsets)
            except (CommitFailedError, KafkaError) as exc:
                # Rebalanced away mid-batch: the new owner redelivers; receivers dedupe by X-Aduan-Delivery.
                log.warning("commit failed, records will be redelivered: %r", exc)
                return 0
        return committed


async def _pending() -> Done:
    return "pending"


async def _sleep_unless_stopped(seconds: float, stop: threading.Event | None) -> bool:
    deadline = time.monotonic() + seconds
    while (remaining := deadline - time.monotonic()) > 0:
        if stop is not None and stop.is_set():
            return True
        await asyncio.sleep(min(remaining, 0.1))
    return stop is not None and stop.is_set()


def create_consumer(bootstrap: str, group: str = DEFAULT_GROUP, topics: tuple[TopicSpec, ...] = SOURCES,
                    start: Literal["earliest", "latest"] = "earliest",
                    max_poll_interval_ms: int = 600_000) -> KafkaConsumer:
    """A new group starts at ``earliest`` so events published before the first start are not lost."""
    return KafkaConsumer(
        *(spec.name for spec in topics),
        bootstrap_servers=bootstrap.split(","),
        group_id=group,
        client_id=f"{group}-consumer",
        enable_auto_commit=False,
        auto_offset_reset=start,
        # A poll's deliveries may retry for up to RetryPolicy.max_elapsed_s before the next poll.
        max_poll_interval_ms=max_poll_interval_ms,
        # The local emulator ignores fetch size limits and may answer with a large response.
        receive_message_max_bytes=256 * 1024 * 1024,
        fetch_max_bytes=64 * 1024 * 1024,
        max_partition_fetch_bytes=16 * 1024 * 1024,
    )


def build_dispatcher(bootstrap: str, subscriptions_path: str | Path, *, group: str = DEFAULT_GROUP,
                     policy: RetryPolicy = RetryPolicy(), context: ContextLookup | None = None,
                     kafka_timeout_s: float = 10.0, **options: Any) -> WebhookDispatcher:
    """Everything ``aduan webhooks`` needs: subscriptions, secrets (fail fast), consumer, dead-letter publisher."""
    subscriptions = load_subscriptions(subscriptions_path)
    resolve_secrets(subscriptions, options.get("environ"))  # before joining the group
    consumer = create_consumer(bootstrap, group)
    publisher = Publisher(bootstrap, kafka_timeout_s, client_id=f"{group}-deadletters")
    return WebhookDispatcher(consumer, subscriptions, publisher, policy=policy,
                             directory=ComplaintDirectory(fallback=context), own_clients=True, **options)
