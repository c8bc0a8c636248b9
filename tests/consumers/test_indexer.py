"""The indexer through the real broker and search server."""

import time
from datetime import datetime, timezone

import pytest
from elasticsearch import Elasticsearch
from kafka import KafkaProducer, TopicPartition

from consumers.index import ensure_index
from consumers.indexer import Indexer, create_consumer
from consumers.search import search
from producers.publisher import Publisher
from schemas.events import Complaint, RoutedComplaint
from schemas.topics import ROUTED
from tests.servers import await_dead_letter

pytestmark = pytest.mark.integration


def routed(provider_id: str, text: str) -> RoutedComplaint:
    c = Complaint.new(channel="email", provider_message_id=provider_id, received_at=datetime.now(timezone.utc), text=text)
    return RoutedComplaint(**c.model_dump(), topic="energi", confidence=0.8, unit_code="PLN.3273")


@pytest.fixture
def es(servers):
    client = Elasticsearch(servers.elasticsearch)
    ensure_index(client, "aduan-complaints")
    yield client
    client.close()


def test_indexes_routed_complaints_and_commits_after_the_ack(servers, es, tmp_path):
    group = f"indexer-test-{time.monotonic_ns()}"
    docs = [routed(f"idx-{i}-{group}", f"Listrik padam {group} nomor {i}") for i in range(3)]
    producer = KafkaProducer(bootstrap_servers=servers.kafka, acks="all")
    for doc in docs + [docs[0]]:  # a redelivered record must not create a second document
        producer.send(ROUTED.name, key=doc.complaint_id.encode(), value=doc.model_dump_json().encode()).get(10)
    poison = producer.send(ROUTED.name, key=b"poison", value=b"\x00not json").get(10)

    consumer = create_consumer(servers.kafka, group)
    publisher = Publisher(servers.kafka, 5)
    indexer = Indexer(consumer, es, "aduan-complaints", publisher)
    deadline = time.monotonic() + 20
    while indexer.stats.dead_lettered < 1 or indexer.stats.indexed < 4:
        indexer.run_once()
        assert time.monotonic() < deadline, indexer.stats
    es.indices.refresh(index="aduan-complaints")

    hits = search(es, "aduan-complaints", group, size=10)
    assert sorted(h["complaint_id"] for h in hits["hits"]) == sorted(d.complaint_id for d in docs)
    committed = consumer.committed(TopicPartition(ROUTED.name, poison.partition))
    assert committed is not None and committed > poison.offset
    letter = await_dead_letter(servers.kafka, ROUTED.name, poison.partition, poison.offset)
    assert letter.stage == "consumers.indexer" and letter.raw == b"\x00not json"
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
