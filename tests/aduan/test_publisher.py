"""The Publisher's event-loop send: on the loop only while ``send()`` cannot block."""

from __future__ import annotations

import asyncio

import pytest
from kafka.errors import KafkaTimeoutError
from kafka.future import Future

from aduan.core.connections import BrokerUnavailable, Publisher
from schemas.topics import STATUS
from tests import factories as make


class Metadata:
    def __init__(self, known: bool) -> None:
        self.known = known

    def partitions_for_topic(self, _topic: str):
        return {0, 1} if self.known else None


class Producer:
    """Records which thread sent; futures settle only when the test says so."""

    def __init__(self, known: bool = True) -> None:
        self._metadata = Metadata(known)
        self.futures: list[Future] = []
        self.threads: list[str] = []

    def send(self, topic, key, value):
        import threading

        self.threads.append(threading.current_thread().name)
        future = Future()
        self.futures.append(future)
        return future

    def close(self, timeout=None):
        pass


def publisher_with(producer: Producer) -> Publisher:
    publisher = Publisher("127.0.0.1:9", timeout_s=0.2)
    publisher._producer = producer
    return publisher


def event():
    return make.status(make.complaint().complaint_id)


def test_sends_leave_the_loop_after_a_failure_with_unknown_metadata_and_with_many_records_in_flight():
    ready = publisher_with(Producer())
    assert ready._may_send_on_loop(STATUS) is ready._producer
    assert publisher_with(Producer(known=False))._may_send_on_loop(STATUS) is None
    failing = publisher_with(Producer())
    failing._failed(BrokerUnavailable("stalled"))
    assert failing._may_send_on_loop(STATUS) is None  # a stalled broker: every send from a thread
    busy = publisher_with(Producer())
    for _ in range(Publisher.ON_LOOP_MAX_IN_FLIGHT):
        busy._send(STATUS, "k", b"v", busy._producer)
    assert busy._may_send_on_loop(STATUS) is None
    busy._producer.futures[0].success(None)  # one settles: room again
    assert busy._may_send_on_loop(STATUS) is busy._producer
    for future in busy._producer.futures[1:]:
        future.failure(KafkaTimeoutError())
    assert busy._in_flight == 0


def test_an_acknowledged_send_runs_on_the_loop_and_after_an_unacknowledged_one_the_next_runs_off_it():
    producer = Producer()
    publisher = publisher_with(producer)

    async def publish_acknowledged():
        task = asyncio.ensure_future(publisher.publish_async(STATUS, "k", event()))
        while task.done() is False and len(producer.futures) == sent:
            await asyncio.sleep(0.005)
        producer.futures[-1].success(None)
        await task

    sent = 0
    asyncio.run(publish_acknowledged())
    assert producer.threads == ["MainThread"]
    with pytest.raises(BrokerUnavailable):
        asyncio.run(publisher.publish_async(STATUS, "k", event()))  # never acknowledged: times out
    sent = len(producer.futures)
    asyncio.run(publish_acknowledged())
    assert producer.threads[-1] != "MainThread"  # after the failure: sent from the executor
    assert publisher._may_send_on_loop(STATUS) is producer  # acknowledged again: back on the loop


def test_a_failure_on_the_loop_never_waits_for_a_producer_being_built(monkeypatch):
    """A stalled broker: after a reset the next client is built in an executor thread, blocking up to the
    timeout on its bootstrap. A send failing on the loop meanwhile must not wait for that build (it did,
    holding the API's event loop for seconds: /healthz answered after 5.6-10 s)."""
    import threading
    import time

    import aduan.core.connections as connections

    building, release = threading.Event(), threading.Event()

    def slow_producer(*_args, **_kwargs):
        building.set()
        release.wait(5)
        return Producer()

    monkeypatch.setattr(connections, "kafka_producer", slow_producer)
    publisher = Publisher("127.0.0.1:1", timeout_s=1.0)
    builder = threading.Thread(target=publisher._client, daemon=True)
    builder.start()
    assert building.wait(5)
    try:
        started = time.monotonic()
        publisher._failed(BrokerUnavailable("not acknowledged"))
        assert time.monotonic() - started < 0.5
    finally:
        release.set()
        builder.join(5)
    assert publisher._producer is not None
