"""Changing a complaint's status through the API: lifecycle and role checks, then a StatusEvent on Kafka."""

import json
import socket
import time
from datetime import datetime, timezone

import pytest
from elasticsearch import Elasticsearch
from fastapi.testclient import TestClient
from pydantic import SecretStr

from aduan.api import create_app
from consumers.cases.document import fold
from consumers.sinks.index import ensure_index
from schemas.events import StatusEvent
from schemas.topics import STATUS
from tests import factories as make
from tests.consumers.test_live import serving
from tests.servers import read_topic

pytestmark = pytest.mark.integration

KEYS = {"op-key": {"role": "operator", "name": "desk"}, "an-key": {"role": "analyst", "name": "analis"},
        "unit-a": {"role": "unit", "unit": "DPUPR.3273", "name": "PU Bandung"},
        "unit-b": {"role": "unit", "unit": "DINKES.3204", "name": "Dinkes Kab Bandung"}}


@pytest.fixture
def complaint_doc(servers, settings):
    es = Elasticsearch(servers.elasticsearch)
    ensure_index(es, settings.index_alias)
    routed = make.routed(text="Jalan rusak di Cibiru", unit_code="DPUPR.3273", region_code="3273")
    doc = fold(None, [routed], datetime.now(timezone.utc)).doc
    es.index(index=settings.index_alias, id=routed.complaint_id, document=doc, refresh="wait_for")
    yield doc
    es.close()


@pytest.fixture
def client(settings):
    with TestClient(create_app(settings.model_copy(update={"api_keys": SecretStr(json.dumps(KEYS))}))) as http:
        yield http


def post(client, doc, key, body, **headers):
    return client.post(f"/v1/complaints/{doc['complaint_id']}/status", json=body,
                       headers={"X-API-Key": key, **headers} if key else headers)


def test_the_routed_unit_acts_and_the_event_reaches_kafka(client, complaint_doc, servers):
    response = post(client, complaint_doc, "unit-a", {"status": "terverifikasi", "reason": "lokasi dicek"},
                    **{"Idempotency-Key": "k1"})
    assert response.status_code == 202, response.text
    event_id = response.json()["event_id"]
    again = post(client, complaint_doc, "unit-a", {"status": "terverifikasi"}, **{"Idempotency-Key": "k1"})
    assert again.json()["event_id"] == event_id  # a retried request is the same event
    records = read_topic(servers.kafka, STATUS.name, until=lambda rs: any(
        StatusEvent.model_validate_json(r.value).event_id == event_id for r in rs))
    event = next(StatusEvent.model_validate_json(r.value) for r in records
                 if StatusEvent.model_validate_json(r.value).event_id == event_id)
    assert (event.status, event.actor, event.actor_role, event.reason) == ("terverifikasi", "PU Bandung", "unit",
                                                                          "lokasi dicek")


def test_the_tracking_number_works_too(client, complaint_doc):
    response = client.post(f"/v1/complaints/{complaint_doc['tracking_number']}/status", json={"status": "ditunda"},
                           headers={"X-API-Key": "op-key"})
    assert response.status_code == 202


@pytest.mark.parametrize(("key", "body", "code"), [
    (None, {"status": "terverifikasi"}, 401),
    ("nope", {"status": "terverifikasi"}, 403),
    ("an-key", {"status": "terverifikasi"}, 403),
    ("unit-b", {"status": "terverifikasi"}, 404),  # another unit's complaint does not exist for it
    ("unit-a", {"status": "selesai"}, 409),  # not a lifecycle step from diterima
    ("unit-a", {"status": "diarsipkan"}, 409),  # the desk archives, units do not
    ("op-key", {"status": "bukan_wewenang"}, 409),  # re-routing needs its target unit
    ("op-key", {"status": "hilang"}, 422),
])
def test_refusals(client, complaint_doc, key, body, code):
    assert post(client, complaint_doc, key, body).status_code == code


def test_unknown_complaint_is_404(client):
    assert client.post("/v1/complaints/ADU-0000-0000/status", json={"status": "ditunda"},
                       headers={"X-API-Key": "op-key"}).status_code == 404


def test_a_reroute_names_a_unit_of_the_routing_table(client, complaint_doc):
    refused = post(client, complaint_doc, "unit-a", {"status": "bukan_wewenang", "unit_code": "UNIT.GHAIB"})
    assert refused.status_code == 422 and refused.json()["detail"][0]["loc"] == ["body", "unit_code"]
    assert post(client, complaint_doc, "unit-a", {"status": "bukan_wewenang", "unit_code": "DINKES.3204"}).status_code == 202


def _answer_while_streaming(base: str, path: str, key: str | None, limit_bytes: int) -> tuple[int, int]:
    """Send a chunked body to a real server, chunk by chunk, until it answers; (status, bytes sent)."""
    host, port = base.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        head = f"POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
        sock.sendall((head + (f"X-API-Key: {key}\r\n" if key else "") + "\r\n").encode())
        sock.setblocking(False)
        chunk, sent = b" " * 65536, 0
        while sent < limit_bytes:
            try:
                answer = sock.recv(4096)
                if answer:
                    return int(answer.split(b" ", 2)[1]), sent
            except BlockingIOError:
                pass
            try:
                sent += sock.send(b"%x\r\n%s\r\n" % (len(chunk), chunk)) and len(chunk)
            except (BlockingIOError, BrokenPipeError, ConnectionResetError):
                time.sleep(0.01)
        return 0, sent


def test_the_body_is_read_only_after_authentication_and_within_the_cap(client, complaint_doc, settings):
    path = f"/v1/complaints/{complaint_doc['complaint_id']}/status"
    app = create_app(settings.model_copy(update={"api_keys": SecretStr(json.dumps(KEYS))}))
    with serving(app) as base:
        # 1 GiB offered each time; the answer must come after the headers (or one chunk over the cap).
        for key, code in ((None, 401), ("nope", 403), ("an-key", 403), ("op-key", 413)):
            status, sent = _answer_while_streaming(base, path, key, 1 << 30)
            assert status == code, key
            assert sent < 16 * 1024 * 1024, (key, sent)  # socket buffers, not the body
    declared = client.post(path, content=b"{}", headers={"X-API-Key": "op-key", "Content-Length": str(1 << 30)})
    assert declared.status_code == 413
    assert post(client, complaint_doc, "op-key", "not an object").status_code == 422
    not_json = client.post(path, content=b"S,\xff", headers={"X-API-Key": "op-key", "Content-Type": "application/json"})
    assert not_json.status_code == 422 and not_json.json()["detail"][0]["type"] == "json_invalid"
