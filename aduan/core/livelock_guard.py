"""faust's livelock detector must not crash a worker whose partition is being repositioned.

Every ``2.5 × broker_commit_interval`` faust (0.15.3) checks each assigned partition for a stalled
stream, and reads ``TopicPartitionState.position`` from aiokafka to do so. aiokafka (0.14.0) asserts
that property is set, but it is unset whenever a partition awaits an offset reset: right after
assignment, and after an ``OffsetOutOfRange`` when retention or DeleteRecords removed the records
the consumer stood at (the local stack's retention and changelog compaction do exactly that, as
Kafka's retention does). The ``AssertionError`` then crashes the consumer and the whole worker: seen
once in CI, in the surge detector recovering from a compacted changelog.

A partition without a position has nothing to verify yet (it is fetching its starting point), so
the check is skipped for it until it has one; every other partition is checked as before. Installed
once per process by ``streams.app.faust_app``; tests/test_livelock_guard.py reproduces the crash
with the unguarded method.
"""

from __future__ import annotations

import functools

from aiokafka import TopicPartition
from faust.transport.drivers.aiokafka import AIOKafkaConsumerThread

_installed = False


def install() -> None:
    global _installed
    if _installed:
        return
    _installed = True
    AIOKafkaConsumerThread.verify_event_path = guarded(AIOKafkaConsumerThread.verify_event_path)


def guarded(verify_event_path):
    @functools.wraps(verify_event_path)
    def verify_positioned_partitions(self, now: float, tp) -> None:
        subscription = self._ensure_consumer()._fetcher._subscriptions.subscription
        assignment = subscription.assignment if subscription else None
        state = assignment.state_value(TopicPartition(tp.topic, tp.partition)) if assignment else None
        if state is not None and not state.has_valid_position:
            return None
        return verify_event_path(self, now, tp)

    verify_positioned_partitions.unguarded = verify_event_path
    return verify_positioned_partitions
