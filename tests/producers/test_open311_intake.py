"""Open311 ``POST requests``: a civic-tech client app submits, reads back by token and id, finds it in aduan.

The end-to-end test uses ``georeport`` (PyPI), an existing GeoReport v2 client, against a real uvicorn
server of the API, the real stream worker and indexer; the POST follows the spec's form arguments
(georeport 0.3.1 has no create call).
"""

from __future__ import annotations

import json
import time
from xml.etree import ElementTree

import georeport
import httpx
import pytest
from elasticsearch import Elasticsearch
from fastapi.testclient import TestClient

from aduan.api import create_app
from consumers.read.search import search
from producers.open311 import client_for, to_complaint
from schemas.open311 import Open311Error
from schemas.topics import RAW
from tests import factories as make
from tests.consumers.test_live import serving
from tests.servers import read_topic
from tests.workers import own_groups, running_together

KEYS = json.dumps({"k-civic-app-0001": "civic-app"})
FORM = {"api_key": "k-civic-app-0001", "service_code": "infrastruktur", "lat": "-6.9147", "long": "107.6098",
        "description": "Jalan berlubang besar di depan Gedung Sate", "email": "Warga@Example.ID",
        "first_name": "Siti", "last_name": "Rahma", "phone": "0812-3456-7890", "device_id": "ios-7F3A",
        "media_url": "https://photos.example.org/lubang.jpg"}


# --- arguments ------------------------------------------------------------------------------------

def test_the_form_becomes_a_complaint_with_its_reporter_location_and_kept_extras():
    complaint = to_complaint({k: v for k, v in FORM.items() if k != "api_key"}, "civic-app")
    assert complaint.channel == "web" and complaint.provider_message_id.startswith("open311:")
    assert complaint.reporter.model_dump(exclude_none=True) == {
        "name": "Siti Rahma", "email": "warga@example.id", "phone": "+6281234567890"}
    assert (complaint.location.lat, complaint.location.lon) == (-6.9147, 107.6098)
    assert complaint.channel_meta == {"via": "open311", "client": "civic-app", "service_code": "infrastruktur",
                                      "media_url": "https://photos.example.org/lubang.jpg", "device_id": "ios-7F3A"}


@pytest.mark.parametrize("change, message", [
    ({"service_code": None}, "service_code is required"),
    ({"service_code": "potholes"}, "not found"),
    ({"lat": None, "long": None}, "a location is required"),
    ({"long": None}, "lat and long go together"),
    ({"lat": "91"}, "lat must be between"),
    ({"long": "nan"}, "long must be between"),
    ({"lat": "1e999"}, "lat must be between"),
    ({"lat": "selatan"}, "lat must be a decimal number"),
    ({"description": None}, "description is required"),
    ({"description": "x" * 20_001}, "longer than"),
    ({"phone": "bukan nomor"}, "phone is not valid"),
    ({"email": "not-an-address"}, "email is not valid"),
    ({"media_url": "file:///etc/passwd"}, r"media_url must be an http\(s\) URL"),
])
def test_every_wrong_argument_is_a_400_that_names_it(change, message):
    values = {k: v for k, v in {**FORM, **change}.items() if v is not None and k != "api_key"}
    with pytest.raises(Open311Error, match=message) as raised:
        to_complaint(values, "civic-app")
    assert raised.value.code == 400


def test_an_address_alone_is_a_location():
    values = {k: v for k, v in FORM.items() if k not in ("lat", "long", "api_key")}
    complaint = to_complaint({**values, "address_string": "Jl. Diponegoro 22, Bandung"}, "civic-app")
    assert complaint.location.text == "Jl. Diponegoro 22, Bandung" and complaint.location.lat is None


@pytest.mark.parametrize("key", [None, "", "k-civic-app-0002", "k-civic-app-000", "K-CIVIC-APP-0001"])
def test_only_a_configured_api_key_creates_requests(key):
    with pytest.raises(Open311Error) as raised:
        client_for(key, KEYS)
    assert raised.value.code == 403
    assert client_for("k-civic-app-0001", KEYS) == "civic-app"
    with pytest.raises(Open311Error):
        client_for("k-civic-app-0001", "")  # nothing configured: every key is refused


# --- through the app and the real broker ----------------------------------------------------------

@pytest.fixture
def open311_settings(settings):
    return settings.model_copy(update={"open311_api_keys": settings.open311_api_keys.__class__(KEYS),
                                       "intake_rate_per_minute": 0})


@pytest.mark.integration
def test_post_answers_the_tracking_number_and_token_in_both_formats_and_keeps_no_key(open311_settings, servers):
    marker = make.marker()
    with TestClient(create_app(open311_settings)) as http:
        as_json = http.post("/open311/v2/requests.json", data={**FORM, "description": f"{FORM['description']} {marker}"})
        assert as_json.status_code == 200, as_json.text
        [answer] = as_json.json()
        assert answer["service_request_id"].startswith("ADU-") and answer["token"]
        as_xml = http.post("/open311/v2/requests.xml", data=FORM)
        assert as_xml.headers["content-type"] == "text/xml; charset=utf-8"
        request = ElementTree.fromstring(as_xml.content).find("request")
        assert request.findtext("service_request_id").startswith("ADU-") and request.findtext("token")
    records = read_topic(servers.kafka, RAW["web"].name, timeout_s=20,
                         until=lambda rs: any(marker.encode() in r.value for r in rs))
    [record] = [r for r in records if marker.encode() in r.value]
    assert record.key.decode() == answer["token"]
    assert b"k-civic-app-0001" not in record.value


@pytest.mark.integration
@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_refusals_are_open311_errors_in_the_requested_format(open311_settings, fmt):
    with TestClient(create_app(open311_settings)) as http:
        cases = [
            (http.post(f"/open311/v2/requests.{fmt}", data={k: v for k, v in FORM.items() if k != "api_key"}), 403),
            (http.post(f"/open311/v2/requests.{fmt}", data={**FORM, "api_key": "tebakan"}), 403),
            (http.post(f"/open311/v2/requests.{fmt}", data={**FORM, "service_code": "nope"}), 400),
            (http.post(f"/open311/v2/requests.{fmt}", data={**FORM, "description": "a" * 300_000}), 413),
            (http.post(f"/open311/v2/requests.{fmt}?api_key=tebakan", content=b"x" * 10_000_000,
                       headers={"Content-Type": "application/x-www-form-urlencoded"}), 403),
        ]
        for response, code in cases:
            assert response.status_code == code, response.text[:200]
            if fmt == "json":
                assert response.json()[0]["code"] == code
            else:
                error = ElementTree.fromstring(response.content).find("error")
                assert error.findtext("code") == str(code) and error.findtext("description")
        assert http.post("/open311/v2/requests.csv", data=FORM).status_code == 404


@pytest.mark.e2e
def test_an_open311_client_creates_reads_back_and_finds_it_searchable(open311_settings, servers, server_env, tmp_path):
    env = own_groups(servers.kafka, server_env, "open311")
    marker = make.marker()
    with running_together(["worker", "indexer"], env, tmp_path), \
            serving(create_app(open311_settings)) as base:
        root = f"{base}/open311/v2"
        created = httpx.post(f"{root}/requests.xml", data={**FORM, "description": f"Jembatan retak {marker}"})
        request = ElementTree.fromstring(created.content).find("request")
        tracking, token = request.findtext("service_request_id"), request.findtext("token")

        def by_token() -> str | None:
            response = httpx.get(f"{root}/tokens/{token}.xml")
            if response.status_code == 404:
                return None
            return ElementTree.fromstring(response.content).find("request").findtext("service_request_id")

        deadline = time.monotonic() + 60
        while (found := by_token()) is None and time.monotonic() < deadline:
            time.sleep(0.5)
        assert found == tracking

        for output_format in ("xml", "json"):
            client = georeport.GeoReport(root, output_format=output_format)
            one = client.get_service_request(tracking)
            assert one["service_request_id"] == tracking and marker in one["description"]
            assert one["status"] == "open" and str(one["lat"]).startswith("-6.91")
            listed = client.get_service_requests(service_request_id=tracking)
            listed = listed if isinstance(listed, list) else [listed]  # xmltodict: one element is a dict
            assert [r["service_request_id"] for r in listed] == [tracking]
            assert "warga@example.id" not in json.dumps(one) and "Siti" not in json.dumps(one)
            services = client.get_service_list()
            assert "infrastruktur" in {s["service_code"] for s in services}
    es = Elasticsearch(servers.elasticsearch)
    es.indices.refresh(index=open311_settings.index_alias)
    [hit] = search(es, open311_settings.index_alias, marker)["hits"]
    assert hit["tracking_number"] == tracking and hit["channel_meta"]["client"] == "civic-app"
