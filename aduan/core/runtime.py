"""The consumer runtime every kafka-python consumer process runs on (indexer, webhook dispatcher, …).

    poll ─► sink.write(batch) ─► dead-letter what can never succeed ─► commit the finished prefix
             │ SinkUnavailable                                            per partition, rewind
             └► pause, back off, keep the membership, write the same batch again

A sink keeps only its own write logic. It answers, per record, whether it is finished, must be
read again (``pending``), or can never succeed (``letters``: the runtime dead-letters it, and the
record counts as finished once the broker has the letter). Offsets are committed only up to the
first unfinished record of each partition, and the consumer is rewound to it, so nothing is
skipped and nothing is committed before the sink has it. A stop request (a signal handler setting
the event) ends the loop between batches or during a back-off wait; nothing raises ``SystemExit``.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Protocol

from kafka import KafkaConsumer, OffsetAndMetadata, TopicPartition
from kafka.consumer.fetcher import ConsumerRecord
from kafka.errors import KafkaError

from aduan.core import deadletters
from aduan.core.backoff import Backoff, Retrying
from aduan.core.connections import BrokerUnavailable, Publisher
from aduan.core.metrics import CONSUMER_LAG
from schemas.events import DeadLetter

log = logging.getLogger(__name__)

LAG_EVERY_S = 10.0
PENDING_PAUSE_S = 1.0  # something in the batch is not finished (a dependency failing): don't spin


class SinkUnavailable(RuntimeError):
    """The sink cannot take the batch now (unreachable, overloaded): retry the same batch later."""


@dataclass
class BatchResult:
    pending: set[int] = field(default_factory=set)  # indexes of records to read again
    letters: dict[int, list[DeadLetter]] = field(default_factory=dict)  # records that can never succeed


class Sink(Protocol):
    stage: str

    def write(self, records: list[ConsumerRecord], stop: threading.Event) -> BatchResult: ...

    def close(self) -> None: ...


@dataclass
class RuntimeStats:
    records: int = 0  # records whose offsets were committed
    batches: int = 0
    dead_lettered: int = 0
    retries: int = 0  # batches written again after SinkUnavailable
    uncommitted: int = 0  # records left for a later poll
    last_error: str | None = None
    started_at: float = field(default_factory=time.monotonic)


class ConsumerRuntime:
    def __init__(self, consumer: KafkaConsumer, sink: Sink, deadletter_publisher: Publisher, *,
                 max_records: int = 1000, poll_timeout_ms: int = 200,
                 backoff: Backoff = Backoff(initial_s=0.5, max_s=10.0)) -> None:
        self.consumer = consumer
        self.sink = sink
        self.deadletters = deadletter_publisher
        self.max_records = max_records
        self.poll_timeout_ms = poll_timeout_ms
        self.backoff = backoff
        self.stats = RuntimeStats()
        self._lag_measured = 0.0

    def run(self, stop: threading.Event, on_first_poll=None) -> None:
        """Until ``stop`` is set. ``on_first_poll`` runs once the first poll returned (ready files)."""
        first = True
        while not stop.is_set():
            self.run_once(stop)
            if first and on_first_poll is not None:
                on_first_poll()
            first = False

    def run_once(self, stop: threading.Event | None = None) -> int:
        """One poll and its batch; returns how many records were committed."""
        stop = stop or threading.Event()
        batch = self.consumer.poll(timeout_ms=self.poll_timeout_ms, max_records=self.max_records)
        if time.monotonic() - self._lag_measured > LAG_EVERY_S:
            self._measure_lag()
        records = [record for partition_records in batch.values() for record in partition_records]
        if not records:
            return 0
        result = self._write_until_taken(records, stop)
        if result is None:  # stopped while the sink was unavailable: read again after the restart
            self._rewind(records, set(range(len(records))))
            return 0
        pending = set(result.pending)
        letters = [letter for index in sorted(result.letters) for letter in result.letters[index]]
        try:
            deadletters.send(self.deadletters, letters)
            self.stats.dead_lettered += len(letters)
        except BrokerUnavailable as exc:
            log.warning("%d dead letters not acknowledged (%s); their records will be read again", len(letters), exc)
            pending |= set(result.letters)
        committed = self._commit_finished(records, pending)
        if committed < len(records) and not stop.is_set():
            stop.wait(PENDING_PAUSE_S)
        return committed

    def close(self) -> None:
        self.sink.close()
        self.consumer.close(autocommit=False)
        self.deadletters.close()

    # -- inside

    def _write_until_taken(self, records: list[ConsumerRecord], stop: threading.Event) -> BatchResult | None:
        retrying = Retrying(self.backoff)
        while True:
            try:
                result = self.sink.write(records, stop)
                break
            except SinkUnavailable as exc:
                # Hold the batch and the group membership (poll(0) while paused), try again.
                self.stats.retries += 1
                self.stats.last_error = repr(exc)[:300]
                delay = retrying.next_delay()
                log.warning("%s: sink not acknowledging (%s); retrying in %.1fs", self.sink.stage, exc, delay)
                self.consumer.pause(*self.consumer.assignment())
                if stop.wait(delay):
                    return None
                self.consumer.poll(timeout_ms=0)
        if self.consumer.paused():
            self.consumer.resume(*self.consumer.paused())
        return result

    def _commit_finished(self, records: list[ConsumerRecord], pending: set[int]) -> int:
        by_partition: dict[TopicPartition, list[tuple[int, ConsumerRecord]]] = defaultdict(list)
        for index, record in enumerate(records):
            by_partition[TopicPartition(record.topic, record.partition)].append((index, record))
        offsets, committed = {}, 0
        for tp, items in by_partition.items():
            items.sort(key=lambda item: item[1].offset)
            finished = 0
            while finished < len(items) and items[finished][0] not in pending:
                finished += 1
            if finished:
                offsets[tp] = OffsetAndMetadata(items[finished - 1][1].offset + 1, "", -1)
                committed += finished
            if finished < len(items):
                self.stats.uncommitted += len(items) - finished
                self._seek(tp, items[finished][1].offset)
        if offsets:
            try:
                self.consumer.commit(offsets)
            except KafkaError as exc:
                # The group moved on while this batch was written (a slow sink, a broker restart): the
                # partitions come back after the rejoin and the batch is read again; every sink is idempotent.
                log.warning("%s: offsets not committed (%s); the batch will be read again",
                            self.sink.stage, type(exc).__name__)
                return 0
        self.stats.batches += 1
        self.stats.records += committed
        return committed

    def _rewind(self, records: list[ConsumerRecord], indexes: set[int]) -> None:
        first: dict[TopicPartition, int] = {}
        for index in indexes:
            record = records[index]
            tp = TopicPartition(record.topic, record.partition)
            first[tp] = min(first.get(tp, record.offset), record.offset)
        for tp, offset in first.items():
            self._seek(tp, offset)

    def _seek(self, tp: TopicPartition, offset: int) -> None:
        try:
            self.consumer.seek(tp, offset)
        except (ValueError, KafkaError, AssertionError) as exc:  # revoked meanwhile: the new owner starts there
            log.info("not rewinding %s: %r", tp, exc)

    def _measure_lag(self) -> None:
        self._lag_measured = time.monotonic()
        try:
            assigned = self.consumer.assignment()
            if not assigned:
                return
            ends = self.consumer.end_offsets(list(assigned))
            behind: dict[str, int] = defaultdict(int)
            for tp in assigned:
                behind[tp.topic] += max(0, ends[tp] - self.consumer.position(tp))
        except KafkaError as exc:
            log.info("consumer lag not measured: %r", exc)
            return
        group = self.consumer.config["group_id"]
        for topic, lag in behind.items():
            CONSUMER_LAG.labels(group, topic).set(lag)
