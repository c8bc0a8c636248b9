"""Surge alerts kept queryable: complaints.alerts → the Elasticsearch index ``ADUAN_ALERTS_INDEX``.

One document per alert (``_id`` = alert_id), its latest state: the topic has one partition and is
compacted on the alert id, so records arrive in order and a replay from the beginning ends at the same
documents. Runs in the indexer process beside the complaint index (its own consumer group), on the
kernel's consumer runtime: a document is written before its offset is committed.
"""

from __future__ import annotations

import threading

from elasticsearch import ApiError, Elasticsearch, TransportError, helpers
from kafka.consumer.fetcher import ConsumerRecord
from pydantic import ValidationError

from aduan.core import deadletters
from aduan.core.connections import Publisher
from aduan.core.runtime import BatchResult, ConsumerRuntime, SinkUnavailable
from schemas.events import SurgeAlert
from schemas.topics import ALERTS

STAGE = "consumers.sinks.alerts"
SOURCES = (ALERTS,)

MAPPING = {
    "dynamic": "strict",
    "properties": {
        "schema_version": {"type": "integer"},
        "alert_id": {"type": "keyword"}, "kind": {"type": "keyword"}, "state": {"type": "keyword"},
        "topic": {"type": "keyword"}, "region_code": {"type": "keyword"},
        "region_name": {"type": "text", "fields": {"keyword": {"type": "keyword"}}},
        "cluster_id": {"type": "keyword"}, "window_minutes": {"type": "integer"}, "count": {"type": "integer"},
        "baseline": {"type": "float"}, "message": {"type": "text"}, "member_ids": {"type": "keyword"},
        "opened_at": {"type": "date"}, "updated_at": {"type": "date"}, "closed_at": {"type": "date"},
    },
}


def ensure_alerts_index(es: Elasticsearch, index: str) -> None:
    if not es.indices.exists(index=index):
        try:
            es.indices.create(index=index, mappings=MAPPING)
        except ApiError as exc:  # another indexer replica created it first
            if exc.status_code != 400 or "already_exists" not in str(exc):
                raise


class AlertWriter:
    stage = STAGE

    def __init__(self, es: Elasticsearch, index: str) -> None:
        self.es = es
        self.index = index

    def write(self, records: list[ConsumerRecord], stop: threading.Event) -> BatchResult:
        result, latest = BatchResult(), {}
        for index, record in enumerate(records):
            try:
                alert = SurgeAlert.model_validate_json(record.value)
            except ValidationError as exc:
                result.letters[index] = [deadletters.for_record(STAGE, record, deadletters.reason("invalid SurgeAlert", exc))]
                continue
            latest[alert.alert_id] = alert  # in topic order: the last state wins
        actions = [{"_op_type": "index", "_index": self.index, "_id": aid, "_source": alert.model_dump(mode="json")}
                   for aid, alert in latest.items()]
        if not actions:
            return result
        try:
            _, errors = helpers.bulk(self.es, actions, raise_on_error=False, refresh="wait_for")
        except (TransportError, ApiError) as exc:
            raise SinkUnavailable(f"elasticsearch: {type(exc).__name__}") from exc
        if errors:
            raise SinkUnavailable(f"{len(errors)} alert documents not written: {errors[0]}")
        return result

    def close(self) -> None:
        pass  # the caller owns the client


def alert_indexer(consumer, es: Elasticsearch, index: str, publisher: Publisher) -> ConsumerRuntime:
    return ConsumerRuntime(consumer, AlertWriter(es, index), publisher, max_records=500)
