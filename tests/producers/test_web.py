"""Web intake through the real broker: 202 only after Kafka acknowledged, bad input never written."""

import json

import pytest
from fastapi.testclient import TestClient
from kafka import KafkaConsumer, TopicPartition

from aduan.api import create_app
from aduan.core.settings import Settings
from schemas.events import Complaint
from schemas.topics import RAW
from tests.servers import read_topic

pytestmark = pytest.mark.integration


@pytest.fixture
def client(settings):
    with TestClient(create_app(settings)) as test_client:
        yield test_client


def end_offsets(bootstrap: str, topic: str) -> dict:
    consumer = KafkaConsumer(bootstrap_servers=bootstrap)
    try:
        parts = [TopicPartition(topic, p) for p in consumer.partitions_for_topic(topic)]
        return consumer.end_offsets(parts)
    finally:
        consumer.close()


def test_accepted_complaint_is_on_the_raw_topic(client, servers):
    body = {"text": "Jalan berlubang di depan SDN 2 Cibiru", "subject": "Jalan rusak",
            "reporter": {"name": "Siti", "phone": "0812 3456 7890", "email": "Siti@Example.ID"},
            "privacy": "anonim", "location": {"text": "Cibiru, Kota Bandung", "region_code": "3273"}}
    response = client.post("/v1/complaints", json=body)
    assert response.status_code == 202, response.text
    accepted = response.json()
    records = read_topic(servers.kafka, RAW["web"].name,
                         until=lambda rs: any(r.key == accepted["complaint_id"].encode() for r in rs))
    [record] = [r for r in records if r.key == accepted["complaint_id"].encode()]
    complaint = Complaint.model_validate_json(record.value)
    assert complaint.tracking_number == accepted["tracking_number"]
    assert complaint.reporter.phone == "+6281234567890" and complaint.reporter.email == "siti@example.id"
    assert complaint.privacy == "anonim" and complaint.location.region_code == "3273"
    assert complaint.raw_ref and complaint.raw_ref.startswith("sha256:")


def test_idempotency_key_maps_a_resend_to_the_same_complaint(client):
    first = client.post("/v1/complaints", json={"text": "Sampah menumpuk"}, headers={"Idempotency-Key": "form-77"})
    again = client.post("/v1/complaints", json={"text": "Sampah menumpuk"}, headers={"Idempotency-Key": "form-77"})
    other = client.post("/v1/complaints", json={"text": "Sampah menumpuk"})
    assert first.json() == again.json()
    assert other.json()["complaint_id"] != first.json()["complaint_id"]


@pytest.mark.parametrize(("payload", "status", "field"), [
    (b"{not json", 400, None),
    (b"[1, 2]", 422, None),
    (json.dumps({}).encode(), 422, "text"),
    (json.dumps({"text": ""}).encode(), 422, "text"),
    (json.dumps({"text": "   "}).encode(), 422, "text"),
    (json.dumps({"text": "x" * 20_001}).encode(), 422, "text"),
    (json.dumps({"text": 42}).encode(), 422, "text"),
    (json.dumps({"text": "ok", "privacy": "umum"}).encode(), 422, "privacy"),
    (json.dumps({"text": "ok", "reporter": {"phone": "abc"}}).encode(), 422, "reporter.phone"),
    (json.dumps({"text": "ok", "extra": 1}).encode(), 422, "extra"),
    (b"\xff\xfe", 400, None),
    (b"[" * 100_000, 400, None),
])
def test_bad_input_is_a_4xx_naming_the_field_and_nothing_is_written(client, servers, payload, status, field):
    before = end_offsets(servers.kafka, RAW["web"].name)
    response = client.post("/v1/complaints", content=payload, headers={"content-type": "application/json"})
    assert response.status_code == status, response.text
    error = response.json()
    assert error["error"]
    if field:
        assert field in [d["field"] for d in error["detail"]]
    assert end_offsets(servers.kafka, RAW["web"].name) == before


def test_oversize_body_is_refused(client):
    response = client.post("/v1/complaints", content=b"{" + b" " * 300_000 + b"}",
                           headers={"content-type": "application/json"})
    assert response.status_code == 413


def test_broker_unreachable_the_journal_answers_and_without_room_it_is_503(servers, tmp_path):
    down = Settings(kafka_bootstrap="127.0.0.1:9", elasticsearch_url=servers.elasticsearch,
                    data_dir=tmp_path / "a", kafka_timeout_s=1)
    with TestClient(create_app(down)) as client:
        response = client.post("/v1/complaints", json={"text": "Lampu jalan mati"})
        pending = client.app.state.publisher.journal.pending()
    assert response.status_code == 202  # on disk, synced: the forwarder publishes it once Kafka answers
    assert [record.entry.key.decode() for record in pending] == [response.json()["complaint_id"]]

    full = down.model_copy(update={"data_dir": tmp_path / "b", "journal_max_bytes": 100})
    with TestClient(create_app(full)) as client:
        response = client.post("/v1/complaints", json={"text": "Lampu jalan mati"})
    assert response.status_code == 503 and int(response.headers["Retry-After"]) > 0

    unjournaled = down.model_copy(update={"data_dir": tmp_path / "c", "journal": False})
    with TestClient(create_app(unjournaled)) as client:
        response = client.post("/v1/complaints", json={"text": "Lampu jalan mati"})
    assert response.status_code == 503 and int(response.headers["Retry-After"]) > 0
