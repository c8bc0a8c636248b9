"""faust's livelock check skips a partition that awaits an offset reset instead of crashing the worker
(aduan/core/livelock_guard.py), and checks a positioned one as before."""

from __future__ import annotations

import asyncio
import functools
import logging
import time
from types import SimpleNamespace

import pytest
from aiokafka import TopicPartition
from aiokafka.consumer.subscription_state import Assignment
from faust.transport.drivers.aiokafka import AIOKafkaConsumerThread
from faust.types import TP

from aduan.core import livelock_guard

PARTITION = TopicPartition("aduan-streams-surge-surge-state-changelog", 0)


def consumer_thread(assignment: Assignment) -> SimpleNamespace:
    """What faust's check reads of its consumer thread: the aiokafka assignment, the app's monitor."""
    aiokafka_consumer = SimpleNamespace(_fetcher=SimpleNamespace(_subscriptions=SimpleNamespace(
        subscription=SimpleNamespace(assignment=assignment))))
    app = SimpleNamespace(monitor=SimpleNamespace(stream_inbound_time={}),
                          topics=SimpleNamespace(acks_enabled_for=lambda topic: True))
    thread = SimpleNamespace(_ensure_consumer=lambda: aiokafka_consumer, consumer=SimpleNamespace(app=app),
                             time_started=time.monotonic(), tp_fetch_request_timeout_secs=300.0,
                             tp_stream_timeout_secs=300.0, log=logging.getLogger("test"))
    thread._verify_aiokafka_event_path = functools.partial(AIOKafkaConsumerThread._verify_aiokafka_event_path, thread)
    return thread


@pytest.fixture
def repositioning() -> tuple[SimpleNamespace, object]:
    """A partition fetched from (highwater and poll time known) whose position was dropped for a
    reset, as after an OffsetOutOfRange once the records it stood at were deleted."""
    async def assigned() -> Assignment:  # aiokafka builds its futures in a running loop
        return Assignment([PARTITION])

    assignment = asyncio.run(assigned())
    state = assignment.state_value(PARTITION)
    state.highwater, state.timestamp = 40, time.time() * 1000
    state.await_reset(0)
    return consumer_thread(assignment), state


def unguarded():
    method = AIOKafkaConsumerThread.verify_event_path
    return getattr(method, "unguarded", method)


def test_the_unguarded_check_crashes_on_a_partition_awaiting_reset(repositioning):
    thread, _ = repositioning
    with pytest.raises(AssertionError):
        unguarded()(thread, time.monotonic(), TP(PARTITION.topic, PARTITION.partition))


def test_the_guarded_check_skips_it_and_checks_it_again_once_positioned(repositioning):
    thread, state = repositioning
    check = livelock_guard.guarded(unguarded())
    tp = TP(PARTITION.topic, PARTITION.partition)
    assert check(thread, time.monotonic(), tp) is None
    calls = []
    spied = livelock_guard.guarded(lambda self, now, tp: calls.append(tp))
    spied(thread, time.monotonic(), tp)
    assert calls == []
    state.reset_to(12)
    spied(thread, time.monotonic(), tp)
    assert calls == [tp]
    assert check(thread, time.monotonic(), tp) is None  # positioned: faust's own check runs, and passes


def test_every_faust_app_of_the_project_is_guarded():
    from aduan.core.settings import Settings
    from streams.app import faust_app

    faust_app(Settings(kafka_bootstrap="127.0.0.1:9", elasticsearch_url="http://127.0.0.1:9"))
    assert getattr(AIOKafkaConsumerThread.verify_event_path, "unguarded", None) is not None
