"""The indexer under faults: killed mid-bulk, or with the search server gone for 30 s."""

import os
import signal
import threading
import time
import uuid
from datetime import datetime, timezone

import pytest
from elasticsearch import Elasticsearch
from kafka import KafkaProducer

from consumers.sinks.index import ensure_index
from schemas.events import RoutedComplaint
from schemas.topics import DUPLICATES, ROUTED
from tests import factories as make
from tests.workers import running

pytestmark = [pytest.mark.integration, pytest.mark.faults]


def batch(run: str, count: int) -> list[RoutedComplaint]:
    now = datetime.now(timezone.utc)
    return [make.routed(received_at=now, text=f"Lampu mati {run} {i}", topic="energi", unit_code="PLN.3273")
            for i in range(count)]


def count(es: Elasticsearch, alias: str, run: str) -> int:
    es.indices.refresh(index=alias)
    return es.count(index=alias, query={"match": {"text": run}})["count"]


def report_counts(es: Elasticsearch, alias: str, run: str) -> dict[int, int]:
    response = es.search(index=alias, query={"match": {"text": run}}, size=0,
                         aggs={"counts": {"terms": {"field": "report_count"}}})
    return {b["key"]: b["doc_count"] for b in response["aggregations"]["counts"]["buckets"]}


@pytest.fixture
def indexer_env(server_env):
    return {**server_env, "ADUAN_INDEXER_GROUP": f"idx-{uuid.uuid4().hex[:6]}"}


@pytest.fixture
def es(servers, settings):
    """The search server, with the index the indexer writes to."""
    client = Elasticsearch(servers.elasticsearch, request_timeout=30)
    ensure_index(client, settings.index_alias)
    yield client
    client.close()


@pytest.fixture
def producer(servers):
    client = KafkaProducer(bootstrap_servers=servers.kafka, acks="all", linger_ms=5)
    yield client
    client.close()


def test_killed_mid_bulk_and_restarted_every_complaint_indexed_exactly_once(indexer_env, settings, es, producer,
                                                                             tmp_path):
    run, total = f"kill{uuid.uuid4().hex[:6]}", 6000
    docs = batch(run, total)
    for doc in docs:
        producer.send(ROUTED.name, key=doc.complaint_id.encode(), value=doc.model_dump_json().encode())
    for doc in docs[:100]:  # each of these is reported again once: report_count must end at exactly 2
        dup = make.duplicate(doc.complaint_id, complaint_id=f"{doc.complaint_id}-again", received_at=doc.received_at)
        producer.send(DUPLICATES.name, key=doc.complaint_id.encode(), value=dup.model_dump_json().encode())
    producer.flush()
    with running("indexer", indexer_env, tmp_path) as indexer:
        deadline = time.monotonic() + 60
        while not 0 < count(es, settings.index_alias, run) < total:
            assert time.monotonic() < deadline
            time.sleep(0.05)
        os.killpg(indexer.process.pid, signal.SIGKILL)  # no goodbye: mid-batch, offsets not committed
        indexer.process.wait()
        at_kill = count(es, settings.index_alias, run)
    with running("indexer", indexer_env, tmp_path):
        deadline = time.monotonic() + 120
        while count(es, settings.index_alias, run) < total or report_counts(es, settings.index_alias, run).get(2) != 100:
            assert time.monotonic() < deadline, (count(es, settings.index_alias, run),
                                                 report_counts(es, settings.index_alias, run))
            time.sleep(0.5)
    counts = report_counts(es, settings.index_alias, run)
    print(f"accepted {total}, indexed at kill {at_kill}, indexed after restart {count(es, settings.index_alias, run)}, "
          f"report counts {counts}, duplicates = 0")
    assert count(es, settings.index_alias, run) == total
    assert counts == {1: total - 100, 2: 100}


def test_search_server_down_for_30s_under_load_loses_nothing(servers, indexer_env, settings, es, producer, tmp_path):
    run, total = f"down{uuid.uuid4().hex[:6]}", 3000
    docs = batch(run, total)

    def load():  # a steady stream of complaints for the whole outage
        for i, doc in enumerate(docs):
            producer.send(ROUTED.name, key=doc.complaint_id.encode(), value=doc.model_dump_json().encode())
            if i % 50 == 0:
                time.sleep(0.5)
        producer.flush()

    with running("indexer", indexer_env, tmp_path) as indexer:
        sender = threading.Thread(target=load)
        sender.start()
        time.sleep(2)
        servers.service("stop", "elasticsearch")
        try:
            time.sleep(30)
            assert indexer.alive(), "the indexer must wait for the search server, not die"
        finally:
            servers.service("start", "elasticsearch")
        sender.join()
        deadline = time.monotonic() + 120
        while count(es, settings.index_alias, run) < total:
            assert time.monotonic() < deadline, count(es, settings.index_alias, run)
            time.sleep(0.5)
    print(f"accepted {total}, indexed {count(es, settings.index_alias, run)} after a 30 s outage, duplicates = 0")
    assert count(es, settings.index_alias, run) == total
