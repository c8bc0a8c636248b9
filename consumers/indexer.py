"""The indexer: every complaint event from Kafka folded into its Elasticsearch document.

One consumer group over ``complaints.routed``, ``.duplicates``, ``.status`` and ``.sla``. Each
poll is one batch (flushed by size via ``max_records`` and by time via the poll timeout):

1. the events are grouped by the complaint they concern;
2. the current documents are read (``mget``) and each folded with its events (consumers.document);
3. SLA signals the fold discovered are published (at-least-once: before the document records them);
4. the documents are written with optimistic concurrency (``if_seq_no``/``if_primary_term``, or
   ``create`` for new ones); a conflict — another indexer wrote first — re-reads and re-folds;
5. only then are the offsets committed.

While Elasticsearch is unreachable the partitions are paused and the same batch is retried with
backoff: nothing is committed, nothing is skipped. Malformed records and documents Elasticsearch
refuses go to ``complaints.deadletter``.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timezone

from elasticsearch import ApiError, Elasticsearch, TransportError, helpers
from kafka import KafkaConsumer, OffsetAndMetadata, TopicPartition
from kafka.errors import CommitFailedError, IllegalGenerationError, RebalanceInProgressError, UnknownMemberIdError
from kafka.consumer.fetcher import ConsumerRecord
from pydantic import BaseModel, ValidationError

from aduan.observability import CONSUMER_LAG, DEAD_LETTERS, SLA_SIGNALS
from consumers.document import auto_close_event, fold, remember_published, sla_event
from producers.publisher import Publisher
from schemas.events import DeadLetter, DuplicateReport
from schemas.topics import DEADLETTER, DUPLICATES, ROUTED, SLA, STATUS, TopicSpec, by_name

log = logging.getLogger(__name__)

SOURCES: tuple[TopicSpec, ...] = (ROUTED, DUPLICATES, STATUS, SLA)
MAX_BACKOFF_S = 10.0
MAX_CONFLICT_ROUNDS = 10
LAG_EVERY_S = 10.0


class Unavailable(RuntimeError):
    """Elasticsearch did not take the batch (unreachable, overloaded, 5xx)."""


@dataclass
class IndexerStats:
    events: int = 0
    documents_written: int = 0
    conflicts: int = 0
    dead_lettered: int = 0
    signals_published: int = 0
    batches: int = 0
    retries: int = 0
    last_error: str | None = None
    started_at: float = field(default_factory=time.monotonic)


def target_id(event: BaseModel) -> str:
    """The document an event belongs to: a duplicate report raises its original's report count."""
    return event.duplicate_of if isinstance(event, DuplicateReport) else event.complaint_id


class Indexer:
    def __init__(self, consumer: KafkaConsumer, es: Elasticsearch, alias: str, publisher: Publisher,
                 batch_size: int = 1000, poll_timeout_ms: int = 200) -> None:
        self.consumer = consumer
        self.es = es
        self.alias = alias
        self.publisher = publisher
        self.batch_size = batch_size
        self.poll_timeout_ms = poll_timeout_ms
        self.stats = IndexerStats()
        self._lag_measured = 0.0

    def run(self, stop: threading.Event) -> None:
        while not stop.is_set():
            self.run_once(stop)

    def run_once(self, stop: threading.Event | None = None) -> int:
        batch = self.consumer.poll(timeout_ms=self.poll_timeout_ms, max_records=self.batch_size)
        if time.monotonic() - self._lag_measured > LAG_EVERY_S:
            self._measure_lag()
        records = [record for partition_records in batch.values() for record in partition_records]
        if not records:
            return 0
        self._index_until_acknowledged(records, stop)
        try:
            self.consumer.commit(_next_offsets(records))
        except (CommitFailedError, IllegalGenerationError, RebalanceInProgressError, UnknownMemberIdError) as exc:
            # The group moved on while this batch was written (a slow bulk, a broker restart): the
            # partitions come back after the rejoin and the batch is read again. Writing it twice
            # changes nothing (the fold is idempotent), so this is not worth dying for.
            log.warning("offsets not committed (%s); the batch will be read again", type(exc).__name__)
            return len(records)
        self.stats.batches += 1
        self.stats.events += len(records)
        return len(records)

    def _measure_lag(self) -> None:
        self._lag_measured = time.monotonic()
        assigned = self.consumer.assignment()
        if not assigned:
            return
        ends = self.consumer.end_offsets(list(assigned))
        behind: dict[str, int] = defaultdict(int)
        for tp in assigned:
            behind[tp.topic] += max(0, ends[tp] - self.consumer.position(tp))
        group = self.consumer.config["group_id"]
        for topic, lag in behind.items():
            CONSUMER_LAG.labels(group, topic).set(lag)

    def _index_until_acknowledged(self, records: list[ConsumerRecord], stop: threading.Event | None) -> None:
        events: dict[str, list[tuple[ConsumerRecord, BaseModel]]] = defaultdict(list)
        for record in records:
            try:
                event = by_name(record.topic).value_model.model_validate_json(record.value)
            except ValidationError as exc:
                first = exc.errors(include_input=False)[0]
                self._dead_letter(record, f"invalid {by_name(record.topic).value_model.__name__}: "
                                          f"{'.'.join(map(str, first['loc']))}: {first['msg']}")
                continue
            events[target_id(event)].append((record, event))
        backoff = 0.5
        while True:
            try:
                self._write(events)
                break
            except (Unavailable, TransportError, ApiError) as exc:
                # Unreachable or overloaded: hold the batch, keep the group membership, try again.
                self.stats.retries += 1
                self.stats.last_error = repr(exc)[:300]
                log.warning("elasticsearch not acknowledging (%s); retrying in %.1fs", type(exc).__name__, backoff)
                self.consumer.pause(*self.consumer.assignment())
                if stop is not None and stop.wait(backoff):
                    raise SystemExit(0) from exc
                if stop is None:
                    time.sleep(backoff)
                self.consumer.poll(timeout_ms=0)
                backoff = min(backoff * 2, MAX_BACKOFF_S)
        if self.consumer.paused():
            self.consumer.resume(*self.consumer.paused())

    def _write(self, events: dict[str, list[tuple[ConsumerRecord, BaseModel]]]) -> None:
        pending = set(events)
        for _ in range(MAX_CONFLICT_ROUNDS):
            if not pending:
                return
            pending = self._write_round({cid: events[cid] for cid in pending})
            self.stats.conflicts += len(pending)
        raise Unavailable(f"{len(pending)} documents still conflicting after {MAX_CONFLICT_ROUNDS} rounds")

    def _write_round(self, events: dict[str, list[tuple[ConsumerRecord, BaseModel]]]) -> set[str]:
        """Read, fold, publish signals, write; returns the ids that lost a concurrent write."""
        current = {doc["_id"]: doc for doc in self.es.mget(index=self.alias, ids=list(events))["docs"]
                   if doc.get("found")}
        now = datetime.now(timezone.utc)
        actions, outgoing = [], []
        for cid, items in events.items():
            existing = current.get(cid)
            folded = fold(existing["_source"] if existing else None, [event for _, event in items], now)
            for signal in folded.signals:
                outgoing.append((STATUS, cid, auto_close_event(cid, signal)) if signal.kind == "auto_close"
                                else (SLA, cid, sla_event(cid, signal)))
            remember_published(folded.doc, folded.signals)
            folded.doc["indexed_at"] = now.isoformat()
            action = {"_index": self.alias, "_id": cid, "_source": folded.doc}
            if existing:
                action.update(_op_type="index", if_seq_no=existing["_seq_no"], if_primary_term=existing["_primary_term"])
            else:
                action["_op_type"] = "create"
            actions.append(action)
        if outgoing:
            self.publisher.publish_many(outgoing)
            self.stats.signals_published += len(outgoing)
            for _, _, event in outgoing:
                SLA_SIGNALS.labels(getattr(event, "stage", "penutupan"), getattr(event, "kind", "auto_close")).inc()
        _, items = helpers.bulk(self.es.options(request_timeout=30), actions, raise_on_error=False,
                                raise_on_exception=True, stats_only=False)
        conflicted = set()
        for item in items:
            result = next(iter(item.values()))
            status, cid = result.get("status", 500), result["_id"]
            if status in (200, 201):
                self.stats.documents_written += 1
            elif status == 409:
                conflicted.add(cid)
            elif status >= 500 or status == 429:
                raise Unavailable(f"bulk item {cid} failed with {status}")
            else:
                for record, _ in events[cid]:
                    self._dead_letter(record, f"elasticsearch {status}: {result.get('error')}"[:1000])
        return conflicted

    def _dead_letter(self, record: ConsumerRecord, reason: str) -> None:
        letter = DeadLetter(stage="consumers.indexer", reason=reason, source_topic=record.topic,
                            partition=record.partition, offset=record.offset, raw=record.value or b"")
        self.publisher.publish(DEADLETTER, record.topic, letter)
        self.stats.dead_lettered += 1
        DEAD_LETTERS.labels("consumers.indexer").inc()
        log.warning("dead-lettered %s[%s]@%s: %s", record.topic, record.partition, record.offset, reason,
                    extra={"stage": "consumers.indexer", "source_topic": record.topic})


def _next_offsets(records: list[ConsumerRecord]) -> dict[TopicPartition, OffsetAndMetadata]:
    offsets: dict[TopicPartition, int] = {}
    for record in records:
        tp = TopicPartition(record.topic, record.partition)
        offsets[tp] = max(offsets.get(tp, -1), record.offset + 1)
    return {tp: OffsetAndMetadata(offset, "", -1) for tp, offset in offsets.items()}


def create_consumer(bootstrap: str, group: str, topics: tuple[TopicSpec, ...] = SOURCES,
                    instance_id: str | None = None) -> KafkaConsumer:
    return KafkaConsumer(
        *(spec.name for spec in topics),
        bootstrap_servers=bootstrap.split(","),
        group_id=group,
        # Static membership: a restarted indexer replaces its crashed self at once. (The local emulator
        # never expires a killed member, so without it a restart after kill -9 would wait forever.)
        group_instance_id=f"{group}-{instance_id}" if instance_id else None,
        client_id=f"{group}-consumer",
        enable_auto_commit=False,
        auto_offset_reset="earliest",
        max_poll_records=1000,
        # Room for a slow bulk under load (18 s measured on the emulator); a crashed member does not
        # hold the group up for this long thanks to static membership below.
        max_poll_interval_ms=120_000,
        session_timeout_ms=10_000,
        # The local emulator ignores fetch size limits and may answer with a large response.
        receive_message_max_bytes=256 * 1024 * 1024,
        fetch_max_bytes=64 * 1024 * 1024,
        max_partition_fetch_bytes=16 * 1024 * 1024,
    )
