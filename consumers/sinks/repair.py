"""Index repair: fold the events of a recent window into the index again.

The indexer commits an offset only after Elasticsearch acknowledged the write, but a search server
that loses acknowledged writes (the local emulator rewrites its state files about once a second,
Kafka's and Elasticsearch's at different moments, so a power cut can leave the index older than
the committed offsets) is never re-read by the indexer's group. Repair reads every indexed topic
from a point in time with a group-less consumer, up to the ends it found when it started, and
writes through the indexer's own sink: the fold is idempotent and optimistic concurrency protects
documents the indexer writes meanwhile, so repair is safe at any time, also against production.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass

from kafka import KafkaConsumer, TopicPartition

from aduan.core.runtime import SinkUnavailable
from consumers.sinks.indexer import SOURCES, IndexWriter

log = logging.getLogger(__name__)


@dataclass
class RepairReport:
    partitions: int = 0
    events: int = 0
    documents_written: int = 0
    dead_letters: int = 0


def repair(consumer: KafkaConsumer, writer: IndexWriter, since_ms: int, stop: threading.Event | None = None,
           batch: int = 1000) -> RepairReport:
    """Re-fold every event on the indexed topics with a timestamp ≥ ``since_ms`` (Unix ms)."""
    stop = stop or threading.Event()
    parts = [TopicPartition(spec.name, p) for spec in SOURCES for p in sorted(consumer.partitions_for_topic(spec.name) or ())]
    consumer.assign(parts)
    starts = consumer.offsets_for_times({tp: since_ms for tp in parts})
    ends = consumer.end_offsets(parts)
    todo = {}
    for tp in parts:
        found = starts.get(tp)
        if found is not None and found.offset < ends[tp]:
            consumer.seek(tp, found.offset)
            todo[tp] = ends[tp]
    report = RepairReport(partitions=len(todo))
    before = writer.stats.documents_written
    while todo and not stop.is_set():
        records = [r for rs in consumer.poll(timeout_ms=500, max_records=batch).values() for r in rs
                   if TopicPartition(r.topic, r.partition) in todo and r.offset < todo[TopicPartition(r.topic, r.partition)]]
        if records:
            while True:
                try:
                    result = writer.write(records, stop)
                    break
                except SinkUnavailable as exc:
                    log.warning("repair: %s; retrying", exc)
                    if stop.wait(1.0):
                        return report
            report.events += len(records)
            report.dead_letters += sum(len(letters) for letters in result.letters.values())
        for tp in list(todo):
            if consumer.position(tp) >= todo[tp]:
                del todo[tp]
    report.documents_written = writer.stats.documents_written - before
    return report
