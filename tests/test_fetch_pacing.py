"""Idle consumers of both client libraries pace their empty fetches against the local broker,
and a record produced during an idle spell still arrives promptly."""

from __future__ import annotations

import asyncio
import time
import uuid

import pytest
from aiokafka import AIOKafkaConsumer
from kafka import KafkaConsumer, KafkaProducer

from aduan.core import fetch_pacing
from schemas.topics import RAW

pytestmark = pytest.mark.integration

IDLE_S = 2.0
TOPIC = RAW["web"].name


@pytest.fixture
def pause_20ms():
    before = fetch_pacing.pause_s()
    fetch_pacing.install(20)
    yield
    fetch_pacing.install(before * 1000)


def produce_marker(bootstrap: str) -> bytes:
    marker = f"pacing-{uuid.uuid4().hex[:8]}".encode()
    producer = KafkaProducer(bootstrap_servers=bootstrap, acks="all")
    producer.send(TOPIC, key=marker, value=b"{}").get(10)
    producer.close()
    return marker


def test_idle_kafka_python_consumer_sends_few_fetches_and_still_gets_new_records(servers, pause_20ms):
    consumer = KafkaConsumer(TOPIC, bootstrap_servers=servers.kafka, group_id=None, auto_offset_reset="latest",
                             enable_auto_commit=False)
    sent = []
    send_fetches = consumer._fetcher.send_fetches
    consumer._fetcher.send_fetches = lambda: sent.extend(send_fetches()) or sent
    try:
        consumer.poll(timeout_ms=1000)  # joined, positioned at the end
        sent.clear()
        deadline = time.monotonic() + IDLE_S
        while time.monotonic() < deadline:
            assert not consumer.poll(timeout_ms=200)
        idle_fetches = len(sent)
        marker = produce_marker(servers.kafka)
        produced_at = time.monotonic()
        received = []
        while not received and time.monotonic() - produced_at < 5:
            received = [r for rs in consumer.poll(timeout_ms=200).values() for r in rs if r.key == marker]
        delay = time.monotonic() - produced_at
    finally:
        consumer.close()
    print(f"kafka-python: {idle_fetches} fetch requests in {IDLE_S:.0f} s idle; new record after {delay * 1000:.0f} ms")
    # Unpaced against the emulator: thousands a second. Paced at 20 ms: at most ~50 a second.
    assert idle_fetches <= 60 * IDLE_S
    assert received and delay < 1.0


def test_idle_aiokafka_consumer_sends_few_fetches_and_still_gets_new_records(servers, pause_20ms):
    async def scenario() -> tuple[int, float, bool]:
        consumer = AIOKafkaConsumer(TOPIC, bootstrap_servers=servers.kafka, group_id=None,
                                    auto_offset_reset="latest", enable_auto_commit=False)
        await consumer.start()
        try:
            await consumer.getmany(timeout_ms=1000)
            requests = 0
            client_send = consumer._client.send

            async def counting_send(node_id, request, *args, **kwargs):
                nonlocal requests
                requests += type(request).__name__.startswith("FetchRequest")
                return await client_send(node_id, request, *args, **kwargs)

            consumer._client.send = counting_send
            assert not any((await consumer.getmany(timeout_ms=int(IDLE_S * 1000))).values())
            idle_fetches = requests
            marker = await asyncio.to_thread(produce_marker, servers.kafka)
            produced_at = time.monotonic()
            received = False
            while not received and time.monotonic() - produced_at < 5:
                batch = await consumer.getmany(timeout_ms=200)
                received = any(r.key == marker for rs in batch.values() for r in rs)
            return idle_fetches, time.monotonic() - produced_at, received
        finally:
            await consumer.stop()

    idle_fetches, delay, received = asyncio.run(scenario())
    print(f"aiokafka: {idle_fetches} fetch requests in {IDLE_S:.0f} s idle; new record after {delay * 1000:.0f} ms")
    assert idle_fetches <= 60 * IDLE_S
    assert received and delay < 1.0


def test_a_consumer_slowed_on_its_own_pauses_longer_than_the_process(servers, pause_20ms):
    """``fetch_pacing.slow``: one consumer (the alert indexer's) paces by its own pause, the others keep 20 ms."""
    fast, slowed = (KafkaConsumer(TOPIC, bootstrap_servers=servers.kafka, group_id=None, auto_offset_reset="latest",
                                  enable_auto_commit=False) for _ in range(2))
    fetch_pacing.slow(slowed, 250)
    counts = {}
    try:
        for name, consumer in (("fast", fast), ("slowed", slowed)):
            sent = []
            send_fetches = consumer._fetcher.send_fetches
            consumer._fetcher.send_fetches = lambda f=send_fetches, s=sent: s.extend(f()) or s
            consumer.poll(timeout_ms=1000)
            sent.clear()
            deadline = time.monotonic() + IDLE_S
            while time.monotonic() < deadline:
                consumer.poll(timeout_ms=200)
            counts[name] = len(sent)
    finally:
        fast.close()
        slowed.close()
    print(f"fetch requests in {IDLE_S:.0f} s idle: {counts}")
    assert counts["slowed"] <= 5 * IDLE_S < counts["fast"]
