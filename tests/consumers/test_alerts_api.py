"""Surge alerts served: the alert sink writes the latest state of each alert, GET /v1/alerts reads them
by role (operators and analysts all, a unit its jurisdiction), ids and counts only."""

from __future__ import annotations

import json
import threading
import uuid
from datetime import datetime, timedelta, timezone
from types import SimpleNamespace

import pytest
from elasticsearch import Elasticsearch
from fastapi.testclient import TestClient

from aduan.api import create_app
from aduan.core.settings import Settings
from consumers.read.access import Principal
from consumers.read.alerts import jurisdiction
from consumers.sinks.alerts import AlertWriter, ensure_alerts_index
from schemas.events import SurgeAlert
from schemas.topics import ALERTS

KEYS = {"op-key": {"role": "operator", "name": "Operator"}, "an-key": {"role": "analyst", "name": "Analis"},
        "bdg-key": {"role": "unit", "unit": "DINKES.3273", "name": "Dinkes Kota Bandung"},
        "sby-key": {"role": "unit", "unit": "DINKES.3578", "name": "Dinkes Kota Surabaya"}}


def test_a_unit_sees_its_region_a_national_unit_and_staff_everything():
    assert jurisdiction(Principal("unit", "u", "DINKES.3273")) == "3273"
    assert jurisdiction(Principal("unit", "u", "DINAS-PENDIDIKAN.32")) == "32"
    assert jurisdiction(Principal("unit", "u", "KEMENKES")) is None
    # A kecamatan's unit its kecamatan: its code names a region, so it is no national unit seeing every alert.
    assert jurisdiction(Principal("unit", "u", "PUSKESMAS.327301")) == "327301"
    assert jurisdiction(Principal("analyst", "a")) is None


def alert(alert_id: str, state: str, region: str, at: datetime, count: int) -> SurgeAlert:
    return SurgeAlert(alert_id=alert_id, kind="topic_kecamatan", state=state, topic="infrastruktur",
                      region_code=region, region_name="Coblong", window_minutes=60, count=count, baseline=0.1,
                      message=f"Infrastruktur: {count} laporan dari Kec. Coblong dalam 60 menit (biasanya 0,1)",
                      member_ids=[f"c{i}" for i in range(count)], opened_at=at, updated_at=at + timedelta(minutes=count),
                      closed_at=at + timedelta(hours=2) if state == "closed" else None)


@pytest.mark.integration
def test_the_sink_keeps_the_latest_state_and_the_api_filters_by_role(servers, tmp_path):
    index = f"aduan-alerts-{uuid.uuid4().hex[:6]}"
    es = Elasticsearch(servers.elasticsearch)
    ensure_alerts_index(es, index)
    ensure_alerts_index(es, index)  # idempotent: every indexer replica calls it
    at = datetime(2026, 12, 1, 3, tzinfo=timezone.utc)
    bandung, surabaya = str(uuid.uuid4()), str(uuid.uuid4())
    events = [alert(bandung, "open", "327302", at, 3), alert(bandung, "updated", "327302", at, 9),
              alert(surabaya, "open", "357801", at, 4), alert(surabaya, "closed", "357801", at, 5)]
    records = [SimpleNamespace(topic=ALERTS.name, partition=0, offset=i, key=e.alert_id.encode(),
                               value=e.model_dump_json().encode(), headers=[], timestamp=0) for i, e in enumerate(events)]
    records.append(SimpleNamespace(topic=ALERTS.name, partition=0, offset=9, key=b"x", value=b"{}", headers=[], timestamp=0))
    result = AlertWriter(es, index).write(records, threading.Event())
    assert list(result.letters) == [4]  # the invalid one is dead-lettered, the rest written
    settings = Settings(kafka_bootstrap=servers.kafka, elasticsearch_url=servers.elasticsearch, data_dir=tmp_path,
                        alerts_index=index, api_keys=json.dumps(KEYS))
    with TestClient(create_app(settings)) as client:
        def get(key: str, **params) -> dict:
            response = client.get("/v1/alerts", params=params, headers={"X-API-Key": key})
            assert response.status_code == 200, response.text
            return response.json()

        staff = get("op-key", state="all")
        assert [a["alert_id"] for a in staff["alerts"]] == [bandung, surabaya]  # latest update first
        assert staff["alerts"][0]["state"] == "updated" and staff["alerts"][0]["count"] == 9
        assert set(staff["alerts"][0]) >= {"member_ids", "message"} and "text" not in staff["alerts"][0]
        assert [a["alert_id"] for a in get("an-key")["alerts"]] == [bandung]  # open = open or updated
        assert [a["alert_id"] for a in get("bdg-key", state="all")["alerts"]] == [bandung]
        assert [a["alert_id"] for a in get("sby-key", state="all")["alerts"]] == [surabaya]
        assert get("sby-key")["alerts"] == []
        assert get("op-key", state="all", region="3578")["total"] == 1
        assert client.get("/v1/alerts").status_code == 401


def test_webhook_operators_receive_surge_alerts_and_units_do_not():
    from consumers.sinks.webhooks.events import ComplaintDirectory, payload, to_event
    from consumers.sinks.webhooks.subscriptions import Subscription

    event = to_event(ALERTS.name, alert("a-1", "open", "327302", datetime(2026, 12, 1, tzinfo=timezone.utc), 4)
                     .model_dump_json().encode(), ComplaintDirectory())
    operators = Subscription(unit_code="*", url="https://ops.example/hook", secret_env="S", events=("surge.alert",))
    unit = Subscription(unit_code="DINKES.3273", url="https://unit.example/hook", secret_env="S", events=("*",))
    assert operators.wants(event) and not unit.wants(event)
    body = json.loads(payload(event, operators, "d-1"))
    assert body["event"] == "surge.alert" and body["data"]["member_ids"] == ["c0", "c1", "c2", "c3"]
