"""The indexer through the real broker and search server."""

import time
from datetime import datetime, timezone

import pytest
from elasticsearch import Elasticsearch
from kafka import KafkaProducer, TopicPartition
from prometheus_client import REGISTRY

from consumers.sinks.index import ensure_index
from consumers.sinks.indexer import SOURCES
from consumers.sinks.indexer import indexer as indexer_runtime
from consumers.read.search import search
from aduan.core.connections import Publisher
from schemas.topics import DUPLICATES, ROUTED, STATUS
from tests import factories as make
from tests.servers import await_dead_letter
from tests.workers import indexer_consumer, start_at_end

pytestmark = pytest.mark.integration


@pytest.fixture
def es(servers):
    client = Elasticsearch(servers.elasticsearch)
    ensure_index(client, "aduan-complaints")
    yield client
    client.close()


def test_indexes_routed_complaints_and_commits_after_the_ack(servers, es, tmp_path):
    group = f"indexer-test-{time.monotonic_ns()}"
    start_at_end(servers.kafka, group, [spec.name for spec in SOURCES])  # this test's records only
    docs = [make.routed(text=f"Listrik padam {group} nomor {i}", topic="energi", unit_code="PLN.3273")
            for i in range(3)]
    producer = KafkaProducer(bootstrap_servers=servers.kafka, acks="all")
    for doc in docs + [docs[0]]:  # a redelivered record must not create a second document
        producer.send(ROUTED.name, key=doc.complaint_id.encode(), value=doc.model_dump_json().encode()).get(10)
    poison = producer.send(ROUTED.name, key=b"poison", value=b"\x00not json").get(10)

    consumer = indexer_consumer(servers.kafka, group)
    publisher = Publisher(servers.kafka, 5)
    indexer = indexer_runtime(consumer, es, "aduan-complaints", publisher)
    letters_before = REGISTRY.get_sample_value("aduan_dead_letters_total", {"stage": "consumers.sinks.indexer",
                                                                           "channel": "-"}) or 0.0
    deadline = time.monotonic() + 20
    while indexer.stats.dead_lettered < 1 or indexer.sink.stats.events < 5:
        indexer.run_once()
        assert time.monotonic() < deadline, indexer.stats
    es.indices.refresh(index="aduan-complaints")

    hits = search(es, "aduan-complaints", group, size=10)
    assert sorted(h["complaint_id"] for h in hits["hits"]) == sorted(d.complaint_id for d in docs)
    committed = consumer.committed(TopicPartition(ROUTED.name, poison.partition))
    assert committed is not None and committed > poison.offset
    letter = await_dead_letter(servers.kafka, ROUTED.name, poison.partition, poison.offset)
    assert letter.stage == "consumers.sinks.indexer" and letter.raw == b"\x00not json"
    assert REGISTRY.get_sample_value("aduan_dead_letters_total", {"stage": "consumers.sinks.indexer",
                                                                  "channel": "-"}) == letters_before + 1
    consumer.close()
    publisher.close()


def minute(n: int) -> datetime:
    return datetime(2026, 3, 2, 9, n, tzinfo=timezone.utc)


def test_out_of_order_status_events_and_duplicates_fold_to_the_right_final_state(servers, es):
    group = f"indexer-fold-{time.monotonic_ns()}"
    start_at_end(servers.kafka, group, [spec.name for spec in SOURCES])
    base = make.routed(text=f"Jalan rusak {group}")
    cid = base.complaint_id
    flow = [make.status(cid, "terverifikasi", at=minute(1)), make.status(cid, "terdisposisi", at=minute(2)),
            make.status(cid, "ditindaklanjuti", at=minute(3))]
    duplicate = make.duplicate(cid, complaint_id=f"dup-{group}", channel="sms", received_at=base.received_at)
    producer = KafkaProducer(bootstrap_servers=servers.kafka, acks="all")
    # Worst order: the follow-up first, the routing last, everything twice.
    for spec, value in [(STATUS, flow[2]), (DUPLICATES, duplicate), (STATUS, flow[0]), (STATUS, flow[1]),
                        (ROUTED, base), (STATUS, flow[2]), (DUPLICATES, duplicate), (STATUS, flow[0])]:
        producer.send(spec.name, key=cid.encode(), value=value.model_dump_json().encode()).get(10)

    consumer = indexer_consumer(servers.kafka, group)
    publisher = Publisher(servers.kafka, 5)
    indexer = indexer_runtime(consumer, es, "aduan-complaints", publisher)
    deadline = time.monotonic() + 30
    while True:
        indexer.run_once()
        doc = es.options(ignore_status=404).get(index="aduan-complaints", id=cid)
        if doc.get("found") and len(doc["_source"].get("history", [])) == 3 and doc["_source"].get("text") \
                and doc["_source"].get("report_count") == 2:
            break
        assert time.monotonic() < deadline, doc
    source = doc["_source"]
    assert source["status"] == "ditindaklanjuti"
    assert [h["status"] for h in source["history"]] == ["terverifikasi", "terdisposisi", "ditindaklanjuti"]
    assert source["report_count"] == 2 and source["duplicate_ids"] == [f"dup-{group}"]
    assert source["sla"]["stage"] == "penutupan"
    consumer.close()
    publisher.close()


def test_index_is_strict_and_behind_an_alias(es):
    aliases = es.indices.get_alias(name="aduan-complaints")
    [(index, _)] = aliases.items()
    assert index == "aduan-complaints-v1"
    mapping = es.indices.get_mapping(index=index)[index]["mappings"]
    assert mapping["dynamic"] == "strict"
    assert mapping["properties"]["text"]["analyzer"] == "indonesian"
    assert mapping["properties"]["text"]["fields"]["keyword"]["type"] == "keyword"
    assert mapping["properties"]["unit_code"]["type"] == "keyword"
