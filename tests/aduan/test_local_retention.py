"""Local retention on the real emulator: DeleteRecords never passes a group's commit, the age floor or
the newest records kept; a partition a group of its topic has not committed on is left alone."""

from __future__ import annotations

import pytest
from kafka import TopicPartition
from kafka.admin import NewTopic
from kafka.structs import OffsetAndMetadata

from aduan.core.connections import kafka_admin, kafka_consumer, kafka_producer
from aduan.local_retention import LocalRetention, trimmed_topics
from schemas.topics import CORRECTIONS, DEADLETTER, RAW, ROUTED, STATUS
from tests import factories as make
from tests.servers import log_starts

pytestmark = pytest.mark.integration


def test_cut_is_the_lowest_of_committed_old_enough_and_kept():
    assert LocalRetention.cut(end=100, old_enough=80, committed=30, keep=10) == 30
    assert LocalRetention.cut(end=100, old_enough=50, committed=100, keep=10) == 50
    assert LocalRetention.cut(end=100, old_enough=100, committed=100, keep=10) == 90
    assert LocalRetention.cut(end=100, old_enough=None, committed=100, keep=10) is None  # too young
    assert LocalRetention.cut(end=100, old_enough=100, committed=None, keep=10) is None  # nobody committed


def test_only_the_per_complaint_topics_are_trimmed():
    names = set(trimmed_topics())
    assert ROUTED.name in names and all(spec.name in names for spec in RAW.values())
    assert not names & {DEADLETTER.name, STATUS.name, CORRECTIONS.name}


@pytest.fixture(params=["delete", "compact"])
def topic(servers, request):
    """complaints.routed is compacted (one record a complaint): the emulator refuses DeleteRecords on it
    until its policy says compact,delete."""
    name = f"retention.{make.marker('topik')}"
    admin = kafka_admin(servers.kafka)
    admin.create_topics([NewTopic(name, 2, 1, topic_configs={"cleanup.policy": request.param})])
    admin.close()
    producer = kafka_producer(servers.kafka, "retention-test")
    for i in range(100):
        producer.send(name, f"record {i}".encode(), key=f"k{i}".encode(), partition=i % 2)
    producer.flush()
    producer.close()
    return name


def commit(bootstrap: str, group: str, offsets: dict[TopicPartition, int]) -> None:
    consumer = kafka_consumer(bootstrap, group=group, client_id=group)
    consumer.assign(list(offsets))
    consumer.commit({tp: OffsetAndMetadata(offset, "", -1) for tp, offset in offsets.items()})
    consumer.close()


def test_never_past_the_slowest_groups_commit_nor_where_a_group_has_read_nothing(servers, topic):
    p0, p1 = TopicPartition(topic, 0), TopicPartition(topic, 1)
    commit(servers.kafka, make.marker("cepat"), {p0: 50, p1: 50})
    commit(servers.kafka, make.marker("lambat"), {p0: 20, p1: 45})
    late = make.marker("baru")
    commit(servers.kafka, late, {p1: 40})  # a group of the topic that has read nothing of p0 yet
    retention = LocalRetention(servers.kafka, keep_records=4, min_age_s=0, topics=[topic])
    assert retention.apply() == 40  # p1 up to the slowest commit; p0 not at all
    assert log_starts(servers.kafka, topic) == [0, 40]
    commit(servers.kafka, late, {p0: 30, p1: 40})
    assert retention.apply() == 20
    assert log_starts(servers.kafka, topic) == [20, 40]
    # What is left is read from the cut on, in order: nothing a slow group still needs went.
    consumer = kafka_consumer(servers.kafka, group=None, client_id="retention-read")
    consumer.assign([p0])
    consumer.seek_to_beginning(p0)
    first = next(iter(consumer.poll(timeout_ms=5000, max_records=1).values()))[0]
    consumer.close()
    assert (first.offset, first.value) == (20, b"record 40")
    assert retention.apply() == 0  # idempotent: nothing further may go


def test_keeps_the_newest_records_and_everything_younger_than_the_age_floor(servers, topic):
    p0, p1 = TopicPartition(topic, 0), TopicPartition(topic, 1)
    commit(servers.kafka, make.marker("semua"), {p0: 50, p1: 50})
    retention = LocalRetention(servers.kafka, keep_records=10, min_age_s=300, topics=[topic])
    assert retention.apply(now=1000.0) == 0  # first look: nothing is known to be 300 s old
    assert retention.apply(now=1200.0) == 0
    assert log_starts(servers.kafka, topic) == [0, 0]
    assert retention.apply(now=1301.0) == 90  # 45 of each partition: 5 kept of each (10 over two)
    assert log_starts(servers.kafka, topic) == [45, 45]
