"""A breach shows up with no traffic at all: the timer fires, the indexer folds its signal."""

import time
import uuid
from datetime import datetime, timedelta, timezone

import pytest
from elasticsearch import Elasticsearch
from kafka import KafkaProducer

from consumers.sinks.index import ensure_index
from consumers.sinks.indexer import indexer as indexer_runtime
from consumers.cases.sla_timer import SlaTimer
from aduan.core.connections import Publisher
from schemas.events import SlaEvent
from schemas.topics import ROUTED, SLA
from tests import factories as make
from tests.servers import read_topic
from tests.workers import indexer_consumer

pytestmark = pytest.mark.integration


@pytest.fixture
def indexer(servers):
    """An indexer on its own alias that starts at the end of the topics: this test's documents only."""
    alias = f"sla-test-{uuid.uuid4().hex[:6]}"
    es = Elasticsearch(servers.elasticsearch)
    ensure_index(es, alias)
    consumer = indexer_consumer(servers.kafka, f"idx-{alias}")
    while not consumer.assignment():
        consumer.poll(timeout_ms=200)
    consumer.seek_to_end()
    for partition in consumer.assignment():
        consumer.position(partition)  # resolve the reset now, before this test produces
    running = indexer_runtime(consumer, es, alias, Publisher(servers.kafka))
    yield running
    running.close()


def test_breach_visible_within_one_timer_period_without_new_traffic(servers, indexer):
    es, alias = indexer.sink.es, indexer.sink.alias
    received = datetime.now(timezone.utc)
    c = make.routed(channel="sms", received_at=received, text="Air PDAM mati di Tembalang", topic="air_bersih",
                    confidence=0.9, unit_code="PDAM.3374", region_code="3374")
    KafkaProducer(bootstrap_servers=servers.kafka, acks="all").send(
        ROUTED.name, key=c.complaint_id.encode(), value=c.model_dump_json().encode()).get(10)
    doc = _index_until(indexer, c.complaint_id, lambda d: "sla" in d)
    due = datetime.fromisoformat(doc["sla"]["due_at"])
    assert doc["sla"]["breached"] is False and due > received

    # No complaint, no status change: only time passes. One tick of the timer, at a moment past the deadline.
    timer = SlaTimer(es, alias, Publisher(servers.kafka))
    fired_at = due + timedelta(seconds=1)
    es.indices.refresh(index=alias)
    published = timer.tick(now=fired_at)
    ticked = time.monotonic()
    doc = _index_until(indexer, c.complaint_id, lambda d: d["sla"]["breached"])
    print(f"timer published {published} event(s); breach indexed {time.monotonic() - ticked:.2f}s after the tick")
    assert published == 1
    events = [SlaEvent.model_validate_json(r.value) for r in read_topic(
        servers.kafka, SLA.name, until=lambda rs: any(r.key == c.complaint_id.encode() for r in rs))
        if r.key == c.complaint_id.encode()]
    assert [(e.stage, e.kind) for e in events] == [("verifikasi", "breached")]
    assert doc["sla"]["stage"] == "verifikasi" and any(k.startswith("verifikasi:breached") for k in doc["sla_signals"])
    es.indices.refresh(index=alias)
    assert timer.tick(now=fired_at) == 0  # a second tick finds nothing new to say


def _index_until(indexer, cid, ready, timeout_s=20):
    deadline = time.monotonic() + timeout_s
    while True:
        indexer.run_once()
        found = indexer.sink.es.options(ignore_status=404).get(index=indexer.sink.alias, id=cid)
        if found.get("found") and ready(found["_source"]):
            return found["_source"]
        assert time.monotonic() < deadline, found
