"""Roles through every reading route, against the real index, the real broker and the real app.

An analyst never sees a ``rahasia`` complaint nor a clear phone or e-mail (search, detail, both
exports, the live feed, the dashboard figures); a unit never reads another unit's complaint; an
operator sees everything; no key is 401 and an unknown key 403.
"""

from __future__ import annotations

import json
import time
import uuid

import pytest
from elasticsearch import Elasticsearch
from fastapi.testclient import TestClient

from aduan.api import create_app
from aduan.core.settings import Settings
from consumers.sinks.index import ensure_index
from schemas.events import Reporter
from tests import factories as make
from tests.consumers.test_live import LiveClient, publish, serving
from tests.consumers.test_search_api import indexed, with_dashboard

pytestmark = pytest.mark.integration

KEYS = {"op": {"role": "operator"}, "an": {"role": "analyst"},
        "ua": {"role": "unit", "unit": "UNIT.A"}, "ub": {"role": "unit", "unit": "UNIT.B"}}
PHONE, EMAIL, ANON_PHONE = "+6281234567890", "budi@mail.example.id", "+6281399998888"
CLEAR = (PHONE, EMAIL, ANON_PHONE, "Siti Anonim", "rk-secret")


@pytest.fixture(scope="module")
def alias(servers):
    es = Elasticsearch(servers.elasticsearch)
    name = f"test-roles-{uuid.uuid4().hex[:8]}"
    ensure_index(es, name)
    docs = [
        indexed(complaint_id="pub-a", privacy="publik", unit_code="UNIT.A", text="Jalan rusak dekat pasar",
                reporter={"name": "Budi", "phone": PHONE, "email": EMAIL}, reporter_key="rk-secret",
                cluster_id="clu-1"),
        indexed(complaint_id="anon-a", privacy="anonim", unit_code="UNIT.A", text="Jalan gelap tanpa lampu",
                reporter={"name": "Siti Anonim", "phone": ANON_PHONE}, reporter_key="rk-secret"),
        indexed(complaint_id="secret-b", privacy="rahasia", unit_code="UNIT.B", text="Pungli jalan di kantor camat",
                reporter={"name": "Rina", "email": EMAIL}, cluster_id="clu-1"),
        indexed(complaint_id="pub-b", privacy="publik", unit_code="UNIT.B", text="Jalan banjir setiap hujan",
                reporter={"name": "Agus", "phone": PHONE}, cluster_id="clu-1"),
    ]
    for doc in docs:
        es.index(index=name, id=doc["complaint_id"], document=doc)
    es.indices.refresh(index=name)
    es.close()
    return name


@pytest.fixture(scope="module")
def app(servers, alias, tmp_path_factory):
    settings = Settings(kafka_bootstrap=servers.kafka, elasticsearch_url=servers.elasticsearch, index_alias=alias,
                        data_dir=tmp_path_factory.mktemp("roles"), api_keys=json.dumps(KEYS))
    return with_dashboard(create_app(settings))


@pytest.fixture(scope="module")
def http(app):
    with TestClient(app) as client:
        yield client


def read_all(http, key: str) -> dict[str, str]:
    """Every reading route's answer for this key, as text."""
    headers = {"X-API-Key": key}
    answers = {"search": http.get("/v1/search", params={"q": "jalan", "size": 100}, headers=headers).text,
               "browse": http.get("/v1/search", params={"size": 100}, headers=headers).text,
               "csv": http.get("/v1/export.csv", headers=headers).text,
               "jsonl": http.get("/v1/export.jsonl", headers=headers).text,
               "stats": http.get("/v1/stats", headers=headers).text}
    for cid in ("pub-a", "anon-a", "secret-b", "pub-b"):
        response = http.get(f"/v1/complaints/{cid}", headers=headers)
        answers[cid] = response.text if response.status_code == 200 else str(response.status_code)
    return answers


def ids(text: str) -> set[str]:
    return {cid for cid in ("pub-a", "anon-a", "secret-b", "pub-b") if cid in text}


def test_analyst_never_sees_rahasia_nor_clear_contacts(http):
    answers = read_all(http, "an")
    for route in ("search", "browse", "csv", "jsonl"):
        assert ids(answers[route]) == {"pub-a", "anon-a", "pub-b"}, route
        assert "rahasia" not in answers[route] and "Pungli" not in answers[route], route
    assert answers["secret-b"] == "404"
    assert "pub-b" in answers["pub-a"] and "secret-b" not in answers["pub-a"]  # not even as a cluster member
    assert "Pungli" not in answers["stats"]
    for route, text in answers.items():
        for clear in CLEAR:
            assert clear not in text, (route, clear)
    shown = json.loads(answers["pub-a"])["reporter"]
    assert shown["name"] == "Budi" and shown["phone"].startswith("+62812") and "*" in shown["phone"]
    assert json.loads(answers["anon-a"])["reporter"] == {}


def test_unit_reads_only_its_own_unit(http):
    answers = read_all(http, "ua")
    for route in ("search", "browse", "csv", "jsonl"):
        assert ids(answers[route]) == {"pub-a", "anon-a"}, route
    assert answers["secret-b"] == answers["pub-b"] == "404"
    assert json.loads(answers["anon-a"])["reporter"] == {}  # an anonymous reporter stays anonymous
    assert json.loads(answers["pub-a"])["reporter"]["phone"] == PHONE  # the unit must be able to call back
    assert "rk-secret" not in "".join(answers.values())
    stats = json.loads(answers["stats"])
    assert {u["unit_code"] for u in stats["backlog"]} == {"UNIT.A"}
    assert ids(read_all(http, "ub")["browse"]) == {"secret-b", "pub-b"}


def test_operator_sees_everything_in_clear(http):
    answers = read_all(http, "op")
    for route in ("browse", "csv", "jsonl"):
        assert ids(answers[route]) == {"pub-a", "anon-a", "secret-b", "pub-b"}, route
    assert PHONE in answers["csv"] and ANON_PHONE in answers["jsonl"]
    assert json.loads(answers["secret-b"])["privacy"] == "rahasia"


def test_missing_key_401_unknown_key_403(http):
    for path in ("/v1/search", "/v1/complaints/pub-a", "/v1/export.csv", "/v1/export.jsonl", "/v1/stats", "/v1/live"):
        assert http.get(path).status_code == 401
        assert http.get(path, headers={"X-API-Key": "nope"}).status_code == 403
        assert http.get(path, headers={"Authorization": "Bearer nope"}).status_code == 403


def test_live_feed_by_role(servers, app):
    marker = make.marker("roles")
    with serving(app) as base:
        clients = {key: LiveClient(base, key) for key in ("op", "an", "ua")}
        deadline = time.monotonic() + 30
        while not all(c.ready for c in clients.values()) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert all(c.ready for c in clients.values()), {k: c.raw for k, c in clients.items()}
        publish(servers.kafka,
                make.routed(text=f"Jalan rusak {marker} hubungi 081234567890", unit_code="UNIT.A",
                            reporter=Reporter(phone=PHONE, email=EMAIL), reporter_key="rk-secret"),
                make.routed(text=f"Pungli {marker}", unit_code="UNIT.B", privacy="rahasia",
                            reporter=Reporter(email=EMAIL), reporter_key="rk-secret"),
                make.routed(text=f"Lampu mati {marker}", unit_code="UNIT.A", privacy="anonim",
                            reporter=Reporter(name="Siti Anonim", phone=ANON_PHONE), reporter_key="rk-secret"))
        while len(clients["op"].complaints(marker)) < 3 and time.monotonic() < deadline + 20:
            time.sleep(0.1)
        time.sleep(1.0)  # let the filtered subscribers receive whatever they would
        seen = {key: sorted(e["text"].split(marker)[0].strip() for e in c.complaints(marker))
                for key, c in clients.items()}
        assert seen["op"] == ["Jalan rusak", "Lampu mati", "Pungli"]
        assert seen["an"] == ["Jalan rusak", "Lampu mati"]
        assert seen["ua"] == ["Jalan rusak", "Lampu mati"]
        for key in ("an", "ua"):
            for clear in (PHONE, EMAIL, ANON_PHONE, "Siti Anonim", "rk-secret"):
                assert clear not in clients[key].raw, (key, clear)
        assert "081234567890" not in clients["an"].raw  # contacts written in the text are masked too


@pytest.mark.parametrize("role, privacy", [("analyst", "publik"), ("unit", "anonim")])
def test_a_username_users_bsuid_and_a_providers_media_id_are_not_for_readers(role, privacy):
    """Contacts added later (WhatsApp's business-scoped user id) are masked for analysts and withheld
    for anonim like the others, and the handle on a provider's copy of a photo stays with operators."""
    from consumers.read.access import Principal, redact

    doc = {"complaint_id": "c1", "privacy": privacy, "unit_code": "DINKES.3273", "text": "Puskesmas tutup",
           "reporter": {"bsuid": "ID.1234567890abcdef", "name": "Budi"},
           "attachments": [{"filename": "foto.jpg", "content_type": "image/jpeg", "size_bytes": 10,
                            "sha256": "a" * 64, "kind": "image", "provider_media_id": "1234567890123456"}]}
    seen = redact(Principal(role=role, name=role, unit_code="DINKES.3273" if role == "unit" else None), doc)
    assert "ID.1234567890abcdef" not in json.dumps(seen)
    assert all("provider_media_id" not in a for a in seen["attachments"])
    assert seen["attachments"][0]["kind"] == "image"
    operator = redact(Principal(role="operator", name="op"), doc)
    assert operator["reporter"]["bsuid"] == "ID.1234567890abcdef"
