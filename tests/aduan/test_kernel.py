"""The kernel's pure logic: dead-letter keys and counting, backoff, the runtime's commit rule."""

from __future__ import annotations

import asyncio
import random
import threading
from dataclasses import dataclass

import pytest
from kafka import OffsetAndMetadata, TopicPartition
from prometheus_client import REGISTRY
from pydantic import ValidationError

from aduan.core import deadletters
from aduan.core.backoff import Backoff, Retrying
from aduan.core.runtime import BatchResult, ConsumerRuntime, SinkUnavailable
from schemas.events import Complaint
from schemas.topics import DEADLETTER, RAW


def counted(stage: str, channel: str) -> float:
    return REGISTRY.get_sample_value("aduan_dead_letters_total", {"stage": stage, "channel": channel}) or 0.0


@dataclass
class Record:
    topic: str
    partition: int
    offset: int
    value: bytes = b"{}"
    key: bytes = b"k"


def test_dead_letters_are_keyed_by_their_source_topic_as_the_registry_says():
    assert DEADLETTER.key == "source topic"
    refused = deadletters.for_input("producers.sms", "sms", b"Body=", "empty message")
    assert refused.source_topic == RAW["sms"].name and deadletters.key(refused) == "complaints.raw.sms"
    assert refused.channel == "sms" and refused.raw == b"Body="
    letter = deadletters.for_record("consumers.sinks.indexer", Record("complaints.routed", 2, 41, b"\x00"), "bad")
    assert deadletters.key(letter) == "complaints.routed" and (letter.partition, letter.offset) == (2, 41)
    assert letter.channel is None
    assert deadletters.for_record("streams.stage", Record("complaints.raw.email", 0, 1), "x").channel == "email"
    topic, key, value = deadletters.as_output(letter)
    assert (topic, key) == ("complaints.deadletter", b"complaints.routed") and b'"stage":"consumers.sinks.indexer"' in value


def test_one_reason_format_for_validation_errors():
    with pytest.raises(ValidationError) as caught:
        Complaint.model_validate_json(b'{"text": "no ids"}')
    reason = deadletters.reason("invalid Complaint", caught.value)
    assert reason.startswith("invalid Complaint: ") and reason.count(";") == 2  # the first three problems
    assert len(deadletters.reason("x" * 5000)) == deadletters.MAX_REASON_CHARS


def test_a_letter_is_counted_by_stage_and_channel():
    before = counted("tests.kernel", "web"), counted("tests.kernel", "-")
    deadletters.counted(deadletters.for_input("tests.kernel", "web", b"", "r"))
    deadletters.counted(deadletters.for_record("tests.kernel", Record("complaints.status", 0, 0), "r"))
    assert (counted("tests.kernel", "web"), counted("tests.kernel", "-")) == (before[0] + 1, before[1] + 1)


def test_the_stream_stage_counts_its_letters_once_the_broker_took_them():
    from streams.app import Batch, forward_batches

    letter = deadletters.for_record("tests.stage", Record("complaints.raw.sms", 0, 7, b"nope"), "invalid")
    sent: list[tuple] = []

    class Topic:
        async def send(self, key, value, force):
            sent.append((key, value))
            future = asyncio.get_running_loop().create_future()
            future.set_result(None)
            return future

    class Stream:
        async def take_events(self, *_args, **_kwargs):
            assert counted("tests.stage", "sms") == before  # not counted before the ack
            yield ["one event"]

    before = counted("tests.stage", "sms")
    asyncio.run(forward_batches(Stream(), lambda events: Batch([deadletters.as_output(letter)], [letter]),
                                {"complaints.deadletter": Topic()}))
    assert len(sent) == 1 and counted("tests.stage", "sms") == before + 1


def test_backoff_doubles_up_to_its_cap_and_jitters_below_the_nominal_delay():
    backoff = Backoff(initial_s=0.5, max_s=4)
    assert [backoff.nominal(n) for n in range(1, 6)] == [0.5, 1, 2, 4, 4]
    jittered = Backoff(initial_s=1, max_s=60, jitter=0.5)
    rng = random.Random(3)
    assert all(0.5 * jittered.nominal(n) <= jittered.delay(n, rng) <= jittered.nominal(n) for n in range(1, 9))
    retrying = Retrying(backoff)
    assert [retrying.next_delay() for _ in range(3)] == [0.5, 1, 2]
    retrying.reset()
    assert retrying.next_delay() == 0.5


class FakeConsumer:
    """Just enough of kafka-python's consumer for the runtime's loop (a unit test: no broker semantics)."""

    def __init__(self, batches):
        self.batches = list(batches)
        self.commits, self.seeks, self.paused_parts, self.config = [], [], set(), {"group_id": "g"}

    def poll(self, timeout_ms=0, max_records=None):
        if self.paused_parts or not self.batches:
            return {}
        records = self.batches.pop(0)
        out = {}
        for r in records:
            out.setdefault(TopicPartition(r.topic, r.partition), []).append(r)
        return out

    def assignment(self):
        return {TopicPartition("t", 0), TopicPartition("t", 1)}

    def pause(self, *parts):
        self.paused_parts |= set(parts)

    def paused(self):
        return set(self.paused_parts)

    def resume(self, *parts):
        self.paused_parts -= set(parts)

    def commit(self, offsets):
        self.commits.append(offsets)

    def seek(self, tp, offset):
        self.seeks.append((tp, offset))

    def end_offsets(self, parts):
        return {tp: 0 for tp in parts}

    def position(self, tp):
        return 0

    def close(self, autocommit=False):
        pass


class FakePublisher:
    def __init__(self, fail=False):
        self.fail, self.sent = fail, []

    def publish_many(self, items):
        from aduan.core.connections import BrokerUnavailable

        if self.fail:
            raise BrokerUnavailable("down")
        self.sent += items

    def close(self):
        pass


class Sink:
    stage = "tests.sink"

    def __init__(self, results):
        self.results = list(results)
        self.calls = 0

    def write(self, records, stop):
        self.calls += 1
        result = self.results.pop(0)
        if isinstance(result, Exception):
            raise result
        return result

    def close(self):
        pass


def test_only_the_finished_prefix_of_each_partition_is_committed_and_the_rest_is_read_again():
    records = [Record("t", 0, 10), Record("t", 0, 11), Record("t", 0, 12), Record("t", 1, 5)]
    consumer = FakeConsumer([records])
    runtime = ConsumerRuntime(consumer, Sink([BatchResult(pending={1})]), FakePublisher(), poll_timeout_ms=0)
    assert runtime.run_once(threading.Event()) == 2
    [offsets] = consumer.commits
    assert offsets == {TopicPartition("t", 0): OffsetAndMetadata(11, "", -1), TopicPartition("t", 1): OffsetAndMetadata(6, "", -1)}
    assert consumer.seeks == [(TopicPartition("t", 0), 11)] and runtime.stats.uncommitted == 2


def test_dead_letters_finish_a_record_only_once_the_broker_has_them():
    records = [Record("t", 0, 1), Record("t", 0, 2)]
    letter = deadletters.for_record("tests.sink", records[0], "never")
    down = ConsumerRuntime(FakeConsumer([records]), Sink([BatchResult(letters={0: [letter]})]), FakePublisher(fail=True),
                           poll_timeout_ms=0)
    stop = threading.Event()
    stop.set()  # skip the pause after an unfinished batch
    assert down.run_once(stop) == 0 and down.consumer.commits == [] and down.stats.dead_lettered == 0
    up = ConsumerRuntime(FakeConsumer([records]), Sink([BatchResult(letters={0: [letter]})]), FakePublisher(),
                         poll_timeout_ms=0)
    assert up.run_once(threading.Event()) == 2 and up.stats.dead_lettered == 1
    assert [key for _, key, _ in up.deadletters.sent] == ["t"]


def test_an_unavailable_sink_holds_the_batch_and_a_stop_ends_the_wait_without_committing():
    records = [Record("t", 0, 1)]
    sink = Sink([SinkUnavailable("es down"), BatchResult()])
    runtime = ConsumerRuntime(FakeConsumer([records]), sink, FakePublisher(), poll_timeout_ms=0,
                              backoff=Backoff(initial_s=0.01, max_s=0.01))
    assert runtime.run_once(threading.Event()) == 1 and sink.calls == 2 and runtime.stats.retries == 1
    assert not runtime.consumer.paused()  # resumed after the retry succeeded

    stopping = threading.Event()
    stuck = Sink([SinkUnavailable("es down")] * 3)
    runtime = ConsumerRuntime(FakeConsumer([records]), stuck, FakePublisher(), poll_timeout_ms=0,
                              backoff=Backoff(initial_s=5, max_s=5))
    threading.Timer(0.2, stopping.set).start()
    assert runtime.run_once(stopping) == 0  # returns (no SystemExit) once asked to stop
    assert runtime.consumer.commits == [] and runtime.consumer.seeks == [(TopicPartition("t", 0), 1)]
