"""Index repair through the real broker and search server: a lost document comes back, nothing else changes."""

from __future__ import annotations

import time

import pytest
from elasticsearch import Elasticsearch
from kafka import KafkaProducer

from aduan.core.connections import Publisher, kafka_consumer
from consumers.sinks.index import ensure_index
from consumers.sinks.indexer import IndexWriter
from consumers.sinks.repair import repair
from schemas.topics import ROUTED, STATUS
from tests import factories as make

pytestmark = pytest.mark.integration


def test_repair_brings_back_what_the_search_server_lost_and_is_idempotent(servers):
    alias = f"repair-{make.marker()}"
    es = Elasticsearch(servers.elasticsearch)
    ensure_index(es, alias)
    publisher = Publisher(servers.kafka, timeout_s=5)
    writer = IndexWriter(es, alias, publisher)
    since_ms = int(time.time() * 1000) - 1000
    complaints = [make.routed(text=f"Jalan rusak {make.marker()}") for _ in range(3)]
    verified = make.status(complaints[0].complaint_id, "terverifikasi")
    producer = KafkaProducer(bootstrap_servers=servers.kafka, acks="all")
    for c in complaints:
        producer.send(ROUTED.name, key=c.complaint_id.encode(), value=c.model_dump_json().encode()).get(10)
    producer.send(STATUS.name, key=verified.complaint_id.encode(), value=verified.model_dump_json().encode()).get(10)
    producer.close()
    try:
        first = repair(kafka_consumer(servers.kafka, group=None, client_id="test-repair"), writer, since_ms)
        assert first.events >= 4
        ids = [c.complaint_id for c in complaints]
        docs = {d["_id"]: d["_source"] for d in es.mget(index=alias, ids=ids)["docs"] if d.get("found")}
        assert set(docs) == set(ids) and docs[ids[0]]["status"] == "terverifikasi"

        es.delete(index=alias, id=ids[1], refresh=True)  # the search server lost an acknowledged write
        again = repair(kafka_consumer(servers.kafka, group=None, client_id="test-repair"), writer, since_ms)
        restored = {d["_id"]: d["_source"] for d in es.mget(index=alias, ids=ids)["docs"] if d.get("found")}
        assert set(restored) == set(ids)
        strip = lambda doc: {k: v for k, v in doc.items() if k != "indexed_at"}
        assert strip(restored[ids[1]]) == strip(docs[ids[1]])
        assert strip(restored[ids[0]]) == strip(docs[ids[0]])  # the others folded to the same document
        assert again.events >= 4  # other tests share the topics: their events of the window come too
    finally:
        publisher.close()
        es.close()
