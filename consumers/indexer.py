"""The indexer: routed complaints from Kafka into Elasticsearch, offsets committed after the ack.

Each poll becomes one bulk request (flushed by size via ``max_records`` and by time via
the poll timeout). The document id is the complaint id, so a replayed record overwrites
its own document. While Elasticsearch is unreachable the partitions are paused and the
same batch is retried with backoff: nothing is committed, nothing is skipped.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field

from elasticsearch import ApiError, Elasticsearch, TransportError, helpers
from kafka import KafkaConsumer, OffsetAndMetadata, TopicPartition
from kafka.consumer.fetcher import ConsumerRecord
from pydantic import ValidationError

from producers.publisher import Publisher
from schemas.events import DeadLetter, RoutedComplaint
from schemas.topics import DEADLETTER, ROUTED, TopicSpec

log = logging.getLogger(__name__)

SOURCES: tuple[TopicSpec, ...] = (ROUTED,)
MAX_BACKOFF_S = 10.0


@dataclass
class IndexerStats:
    indexed: int = 0
    dead_lettered: int = 0
    batches: int = 0
    retries: int = 0
    last_error: str | None = None
    started_at: float = field(default_factory=time.monotonic)


class Indexer:
    def __init__(self, consumer: KafkaConsumer, es: Elasticsearch, alias: str, deadletters: Publisher,
                 batch_size: int = 1000, poll_timeout_ms: int = 200) -> None:
        self.consumer = consumer
        self.es = es
        self.alias = alias
        self.deadletters = deadletters
        self.batch_size = batch_size
        self.poll_timeout_ms = poll_timeout_ms
        self.stats = IndexerStats()

    def run(self, stop: threading.Event) -> None:
        while not stop.is_set():
            self.run_once(stop)

    def run_once(self, stop: threading.Event | None = None) -> int:
        batch = self.consumer.poll(timeout_ms=self.poll_timeout_ms, max_records=self.batch_size)
        records = [record for partition_records in batch.values() for record in partition_records]
        if not records:
            return 0
        self._index_until_acknowledged(records, stop)
        self.consumer.commit(_next_offsets(records))
        self.stats.batches += 1
        return len(records)

    def _index_until_acknowledged(self, records: list[ConsumerRecord], stop: threading.Event | None) -> None:
        actions, invalid = [], []
        for record in records:
            try:
                routed = RoutedComplaint.model_validate_json(record.value)
            except ValidationError as exc:
                invalid.append((record, f"invalid {ROUTED.value_model.__name__}: {exc.error_count()} errors: "
                                        f"{exc.errors(include_input=False)[0]['msg']}"))
                continue
            actions.append((record, {"_op_type": "index", "_index": self.alias, "_id": routed.complaint_id,
                                     "_source": routed.model_dump(mode="json")}))
        backoff = 0.5
        while True:
            try:
                failed = self._bulk(actions)
                break
            except (TransportError, ApiError) as exc:
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
        self.stats.indexed += len(actions) - len(failed)
        for record, reason in invalid + failed:
            self._dead_letter(record, reason)

    def _bulk(self, actions: list[tuple[ConsumerRecord, dict]]) -> list[tuple[ConsumerRecord, str]]:
        if not actions:
            return []
        _, items = helpers.bulk(self.es.options(request_timeout=30), [action for _, action in actions],
                                raise_on_error=False, raise_on_exception=True, stats_only=False)
        by_id = {action["_id"]: record for record, action in actions}
        failed = []
        for item in items:
            result = next(iter(item.values()))
            status = result.get("status", 500)
            if status == 409:  # an older version than the one indexed: correct to drop
                continue
            if status >= 500 or status == 429:
                raise TransportError(f"bulk item {result.get('_id')} failed with {status}")
            failed.append((by_id[result["_id"]], f"elasticsearch {status}: {result.get('error')}"[:1000]))
        return failed

    def _dead_letter(self, record: ConsumerRecord, reason: str) -> None:
        letter = DeadLetter(stage="consumers.indexer", reason=reason, source_topic=record.topic,
                            partition=record.partition, offset=record.offset, raw=record.value or b"")
        self.deadletters.publish(DEADLETTER, record.topic, letter)
        self.stats.dead_lettered += 1
        log.warning("dead-lettered %s[%s]@%s: %s", record.topic, record.partition, record.offset, reason)


def _next_offsets(records: list[ConsumerRecord]) -> dict[TopicPartition, OffsetAndMetadata]:
    offsets: dict[TopicPartition, int] = {}
    for record in records:
        tp = TopicPartition(record.topic, record.partition)
        offsets[tp] = max(offsets.get(tp, -1), record.offset + 1)
    return {tp: OffsetAndMetadata(offset, "", -1) for tp, offset in offsets.items()}


def create_consumer(bootstrap: str, group: str, topics: tuple[TopicSpec, ...] = SOURCES) -> KafkaConsumer:
    return KafkaConsumer(
        *(spec.name for spec in topics),
        bootstrap_servers=bootstrap.split(","),
        group_id=group,
        client_id=f"{group}-consumer",
        enable_auto_commit=False,
        auto_offset_reset="earliest",
        max_poll_records=1000,
        # The local emulator ignores fetch size limits and may answer with a large response.
        receive_message_max_bytes=256 * 1024 * 1024,
        fetch_max_bytes=64 * 1024 * 1024,
        max_partition_fetch_bytes=16 * 1024 * 1024,
    )
