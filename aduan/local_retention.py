"""Retention for the local emulator's topics, which it never applies itself.

Apache Kafka deletes a topic's old segments by ``retention.ms`` / ``retention.bytes``; the emulator keeps
every record in memory and rewrites all of them to ``kafka.json`` about once a second, so on the local
stack every complaint ever routed makes every later second dearer (the 30-minute soak stopped the
emulator at ~15,000 complaints). ``aduan up`` therefore trims the topics itself, with DeleteRecords
(Kafka API 21, which the emulator implements), keeping of each partition at least:

- everything some consumer group has not committed yet (a stopped notifier or webhook dispatcher finds
  its backlog when it comes back; a partition one of the topic's groups has not committed on is left alone),
- everything younger than ``min_age_s`` (the recovery window: after an unclean stop ``aduan up`` folds
  that window of events into the index again, so it must still be there),
- the newest ``keep_records`` records.

Only the topics every complaint writes to are trimmed (``trimmed_topics``). ``complaints.routed`` is
among them although it is compacted (on Kafka it keeps every complaint's routed record for good, from
which the whole index can be rebuilt): on the local stack the index is the complaints' lasting record,
and the topic becomes ``compact,delete`` with unlimited retention so that DeleteRecords may trim it.
The other compacted topics (faust's changelogs, preferences, notifications, alerts) are state, not
history; dead letters wait for a person. What is trimmed is already in the index, which keeps every
complaint, and in the journal for its own retention; only a replay or ``aduan index repair`` reaching
further back than what is kept finds less. Against real Kafka (``ADUAN_KAFKA_BOOTSTRAP``) none of this
runs: the topics' own retention applies.
"""

from __future__ import annotations

import logging
import time
from collections import deque
from dataclasses import dataclass, field

from kafka import TopicPartition
from kafka.errors import KafkaError

from aduan.core.connections import delete_records, kafka_admin, kafka_consumer
from schemas.topics import DUPLICATES, RAW, REVISIONS, ROUTED

log = logging.getLogger(__name__)


def trimmed_topics() -> list[str]:
    """The topics every complaint writes to (~2.5 KB of its ~4.4 KB): raw, routed, duplicates, revisions.

    People's actions (status events, corrections, answers) are small, and corrections are exported as
    labelled examples from the topic's beginning: kept whole, like the dead letters."""
    return sorted(spec.name for spec in (*RAW.values(), ROUTED, DUPLICATES, REVISIONS))


@dataclass
class LocalRetention:
    bootstrap: str
    keep_records: int  # of each topic, spread over its partitions
    min_age_s: float
    topics: list[str] = field(default_factory=trimmed_topics)
    # Per partition, (monotonic time, end offset) as observed: the offset the partition had reached
    # ``min_age_s`` ago is the newest one old enough to go (no reliance on record timestamps).
    _seen: dict[TopicPartition, deque] = field(default_factory=dict)

    def apply(self, now: float | None = None) -> int:
        """Delete what may go; returns how many records were deleted. Never raises for the broker."""
        now = time.monotonic() if now is None else now
        consumer = admin = None
        try:
            consumer = kafka_consumer(self.bootstrap, group=None, client_id="aduan-up-retention")
            admin = kafka_admin(self.bootstrap, client_id="aduan-up-retention")
            partitions = [TopicPartition(topic, p) for topic in self.topics
                          for p in sorted(consumer.partitions_for_topic(topic) or ())]
            if not partitions:
                return 0
            counts = {topic: sum(1 for tp in partitions if tp.topic == topic) for topic in self.topics}
            ends = consumer.end_offsets(partitions)
            starts = consumer.beginning_offsets(partitions)
            committed = self._committed(admin, counts)
            cuts = {}
            for tp in partitions:
                end = ends[tp]
                seen = self._seen.setdefault(tp, deque())
                seen.append((now, end))
                while len(seen) > 1 and seen[1][0] <= now - self.min_age_s:
                    seen.popleft()
                old_enough = seen[0][1] if seen[0][0] <= now - self.min_age_s else None
                keep = -(-self.keep_records // counts[tp.topic])
                cut = self.cut(end, old_enough, committed.get(tp), keep)
                if cut is not None and cut > starts[tp]:
                    cuts[tp] = cut
            if not cuts:
                return 0
            delete_records(admin, cuts)
            deleted = sum(cut - starts[tp] for tp, cut in cuts.items())
            log.info("local retention: %d records deleted from %d partitions", deleted, len(cuts))
            return deleted
        except (KafkaError, OSError, ValueError) as exc:
            log.warning("local retention skipped this round: %s", exc)
            return 0
        finally:
            for client in (consumer, admin):
                if client is not None:
                    client.close()

    @staticmethod
    def cut(end: int, old_enough: int | None, committed: int | None, keep: int) -> int | None:
        """The offset below which a partition's records may go, or None (keep everything)."""
        if old_enough is None or committed is None:
            return None
        return min(old_enough, committed, end - keep)

    def _committed(self, admin, counts: dict[str, int]) -> dict[TopicPartition, int]:
        """Per partition, the lowest offset the groups reading its topic have committed. A partition is
        left out when one of them has committed on another partition of the topic but not on this one
        (it has read nothing there yet, and would start at the log's beginning)."""
        lowest: dict[TopicPartition, int] = {}
        missing: set[TopicPartition] = set()
        wanted = set(self.topics)
        for group in admin.list_groups():
            group_id = group["group_id"] if isinstance(group, dict) else group[0]
            # One group at a time: the emulator's OffsetFetch predates the multi-group form (v8).
            offsets = {tp: meta.offset for tp, meta in admin.list_group_offsets(group_id).get(group_id, {}).items()
                       if tp.topic in wanted and meta.offset >= 0}
            for tp, offset in offsets.items():
                lowest[tp] = min(offset, lowest.get(tp, offset))
            for topic in {tp.topic for tp in offsets}:
                missing.update(TopicPartition(topic, p) for p in range(counts[topic])
                               if TopicPartition(topic, p) not in offsets)
        return {tp: offset for tp, offset in lowest.items() if tp not in missing}
