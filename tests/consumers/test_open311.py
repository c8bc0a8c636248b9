"""Open311 GeoReport v2: pure mapping and query building, then the router against the real index."""

from __future__ import annotations

import json
import socket
from xml.etree import ElementTree
import time
from datetime import datetime, timedelta, timezone
from functools import partial

import pytest
from elasticsearch import Elasticsearch
from fastapi import FastAPI
from fastapi.testclient import TestClient

from aduan.core.settings import Settings
from consumers.sinks.index import ensure_index
from consumers.read.open311 import (
    DESCRIPTION_CHARS, MAX_RESULTS, PUBLIC_SOURCE_FIELDS, TOPIC_GROUPS, Open311Error, RequestsQuery, build_query,
    build_search, error_body, last_status_event, parse_requests_params, parse_w3c_datetime, public_description,
    request_window, router, service_definition, services, to_service_request,
)
from schemas.events import LocationHint
from schemas.categories import CATEGORY_CODES, load_categories
from consumers.redaction import copies, reason_copy, scrub_text
from tests import factories as make

NOW = datetime(2024, 6, 1, 12, 0, tzinfo=timezone.utc)
RESPONSE_FIELDS = {
    "service_request_id", "status", "status_notes", "service_name", "service_code", "description",
    "agency_responsible", "service_notice", "requested_datetime", "updated_datetime", "expected_datetime",
    "address", "address_id", "zipcode", "lat", "long", "media_url",
}
RAHASIA_EXCLUDED = {"term": {"privacy": "rahasia"}}


# --- services -------------------------------------------------------------------------------------


def test_services_are_the_topic_taxonomy_in_order():
    listed = services()
    topics = load_categories()
    assert [s["service_code"] for s in listed] == list(topics)
    energi = next(s for s in listed if s["service_code"] == "energi")
    assert energi["service_name"] == topics["energi"]["label"]
    assert energi["description"] == topics["energi"]["description"]
    assert (energi["type"], energi["metadata"], energi["group"]) == ("realtime", False, "Infrastruktur dan Utilitas")


def test_every_topic_has_a_group_and_no_group_names_a_missing_topic():
    assert set(TOPIC_GROUPS) == set(CATEGORY_CODES) == set(load_categories())


def test_keywords_are_the_code_parts_and_agency_acronyms():
    by_code = {s["service_code"]: s["keywords"].split(", ") for s in services()}
    assert by_code["korupsi_pungli"][:2] == ["korupsi", "pungli"]
    assert {"PTSL", "BPN", "ATR"} <= set(by_code["pertanahan"])
    assert "KTP-el" in by_code["kependudukan"]


def test_service_definition_has_no_attributes_and_unknown_codes_are_404():
    assert service_definition("pajak") == {"service_code": "pajak", "attributes": []}
    with pytest.raises(Open311Error) as raised:
        service_definition("pothole")
    assert raised.value.code == 404


# --- parameters -----------------------------------------------------------------------------------


@pytest.mark.parametrize("value, expected", [
    ("2024-05-01T08:00:00+07:00", datetime(2024, 5, 1, 1, 0, tzinfo=timezone.utc)),
    ("2024-05-01T01:00:00Z", datetime(2024, 5, 1, 1, 0, tzinfo=timezone.utc)),
    ("2024-05-01T01:00Z", datetime(2024, 5, 1, 1, 0, tzinfo=timezone.utc)),
    ("2024-05-01T01:00:00.250-05:00", datetime(2024, 5, 1, 6, 0, 0, 250_000, tzinfo=timezone.utc)),
])
def test_w3c_datetimes_with_a_zone_are_accepted(value, expected):
    assert parse_w3c_datetime(value, "start_date") == expected


@pytest.mark.parametrize("value", [
    "2024-05-01T08:00:00",        # no zone: ambiguous, the spec requires one
    "2024-05-01",
    "2024-05-01 08:00:00Z",
    "2024-05-01T08:00:00+0700",
    "2024-13-01T08:00:00Z",       # the right shape, not a date
    "yesterday",
])
def test_other_datetimes_are_a_400(value):
    with pytest.raises(Open311Error) as raised:
        parse_w3c_datetime(value, "end_date")
    assert raised.value.code == 400 and "end_date" in raised.value.description


def test_window_defaults_to_the_last_90_days():
    assert request_window(None, None, NOW) == (NOW - timedelta(days=90), NOW)


def test_one_bound_extends_90_days_from_it():
    start = datetime(2024, 1, 1, tzinfo=timezone.utc)
    assert request_window(start, None, NOW) == (start, start + timedelta(days=90))
    assert request_window(None, start, NOW) == (start - timedelta(days=90), start)


def test_window_may_span_90_days_but_not_more_nor_run_backwards():
    start = datetime(2024, 1, 1, tzinfo=timezone.utc)
    assert request_window(start, start + timedelta(days=90), NOW)[1] == start + timedelta(days=90)
    for end in (start + timedelta(days=90, seconds=1), start - timedelta(seconds=1)):
        with pytest.raises(Open311Error) as raised:
            request_window(start, end, NOW)
        assert raised.value.code == 400


def test_ids_override_every_other_parameter():
    query = parse_requests_params({"service_request_id": "ADU-AAAA-BBBB, ADU-CCCC-DDDD,,ADU-AAAA-BBBB",
                                   "service_code": "pajak", "status": "open", "start_date": "nonsense"}, NOW)
    assert query == RequestsQuery(service_request_ids=("ADU-AAAA-BBBB", "ADU-CCCC-DDDD"))


def test_filters_are_parsed():
    query = parse_requests_params({"service_code": "pajak,energi", "status": "closed",
                                   "start_date": "2024-05-01T00:00:00+07:00", "page": "2", "page_size": "50"}, NOW)
    assert query.service_codes == ("pajak", "energi")
    assert query.statuses == ("closed",)
    assert query.window[0] == datetime(2024, 4, 30, 17, tzinfo=timezone.utc)
    assert (query.page, query.page_size) == (2, 50)
    assert parse_requests_params({"status": "open,closed"}, NOW).statuses == ()
    assert parse_requests_params({}, NOW).page_size == MAX_RESULTS


@pytest.mark.parametrize("params", [
    {"status": "pending"}, {"page_size": "1001"}, {"page_size": "0"}, {"page": "-1"}, {"page": "abc"},
    {"page": "11", "page_size": "1000"}, {"start_date": "2024-05-01T00:00:00Z", "end_date": "2024-04-01T00:00:00Z"},
    # Edges that were a 500: the 90-day window left the calendar; isdigit() digits int() refuses.
    {"start_date": "0001-01-01T00:00:00Z"}, {"end_date": "9999-12-31T23:59:59Z"}, {"start_date": "9999-12-31T00:00:00Z"},
    {"page_size": "\u00b2"}, {"page_size": "\u0661\u0660"}, {"page": "\u2460"}, {"page_size": "1e3"},
])
def test_bad_parameters_are_a_400(params):
    with pytest.raises(Open311Error) as raised:
        parse_requests_params(params, NOW)
    assert raised.value.code == 400


# --- query ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("query", [
    RequestsQuery(),
    RequestsQuery(service_request_ids=("adu-aaaa-bbbb",)),
    RequestsQuery(service_codes=("pajak",), statuses=("open",), window=(NOW - timedelta(days=1), NOW)),
    RequestsQuery(statuses=("closed",)),
])
def test_every_query_excludes_rahasia_in_elasticsearch(query):
    assert RAHASIA_EXCLUDED in build_query(query)["bool"]["must_not"]


def test_ids_match_tracking_numbers_upper_case_and_complaint_ids_lower_case():
    [ids] = build_query(RequestsQuery(service_request_ids=("adu-aaaa-bbbb", "5F0B7F4E-0000")))["bool"]["filter"]
    should = ids["bool"]["should"]
    assert {"terms": {"tracking_number": ["ADU-AAAA-BBBB", "5F0B7F4E-0000"]}} in should
    assert {"terms": {"complaint_id": ["adu-aaaa-bbbb", "5f0b7f4e-0000"]}} in should
    assert ids["bool"]["minimum_should_match"] == 1


def test_status_topic_and_dates_become_filters():
    window = (datetime(2024, 5, 1, tzinfo=timezone.utc), datetime(2024, 5, 31, tzinfo=timezone.utc))
    closed = build_query(RequestsQuery(service_codes=("pajak",), window=window, statuses=("closed",)))["bool"]
    assert {"terms": {"topic": ["pajak"]}} in closed["filter"]
    assert {"terms": {"status": ["diarsipkan", "selesai"]}} in closed["filter"]
    assert {"range": {"received_at": {"gte": "2024-05-01T00:00:00+00:00", "lte": "2024-05-31T00:00:00+00:00"}}} \
        in closed["filter"]
    opened = build_query(RequestsQuery(statuses=("open",)))["bool"]
    # Open is "not closed", so a complaint with no status yet is open.
    assert {"terms": {"status": ["diarsipkan", "selesai"]}} in opened["must_not"]
    assert opened["filter"] == []


def test_search_fetches_only_public_fields_and_pages():
    search = build_search(RequestsQuery(page=3, page_size=20))
    assert (search["size"], search["from_"]) == (20, 40)
    assert search["sort"][0] == {"received_at": "desc"}
    fetched = {field.split(".")[0] for field in search["source_includes"]}
    assert not fetched & {"reporter", "reporter_key", "channel_meta", "raw_ref", "provider_message_id",
                          "in_reply_to", "normalised_text"}
    # Of the attachments only what media_url needs: never names or blob addresses.
    assert {f for f in search["source_includes"] if f.startswith("attachments")} == {
        "attachments.kind", "attachments.content_type", "attachments.status"}
    assert search["source_includes"] == list(PUBLIC_SOURCE_FIELDS)


# --- mapping --------------------------------------------------------------------------------------


def complaint_source(**overrides) -> dict:
    source = {
        "complaint_id": "0c8e1f0a-1111-5222-8333-444455556666", "tracking_number": "ADU-7K3M-Q9XD",
        "channel": "sms", "received_at": "2024-05-20T08:00:00+07:00",
        "reporter": {"name": "Budi Santoso", "phone": "+6281234567890", "email": "budi@example.id"},
        "reporter_key": "f" * 32, "privacy": "publik", "text": "Lampu PJU mati di Jl. Merdeka",
        "location": {"text": "Jl. Merdeka depan pasar", "lat": -6.9175, "lon": 107.6191, "region_code": "3273"},
        "attachments": [{"filename": "foto.jpg", "content_type": "image/jpeg", "size_bytes": 10, "sha256": "a" * 64}],
        "topic": "infrastruktur", "topic_label": "Infrastruktur dan Pekerjaan Umum", "region_name": "Kota Bandung",
        "unit_code": "DPU.3273", "unit_name": "Dinas PU Kota Bandung", "status": "ditindaklanjuti",
        "sla": {"stage": "tindak_lanjut", "started_at": "2024-05-21T01:00:00Z", "due_at": "2024-06-04T10:00:00Z"},
        "routed_at": "2024-05-20T01:00:05Z",
    }
    return with_copies({**source, **overrides})


def with_copies(source: dict) -> dict:
    """The source with the redacted copies the indexer's fold writes beside the clear text."""
    history = [{**entry, "reason_redacted": reason_copy(entry.get("reason"))} for entry in source.get("history") or ()]
    return {**source, "redacted": copies(source, None), **({"history": history} if history else {})}


def test_a_complaint_maps_to_every_open311_field():
    request = to_service_request(complaint_source())
    assert set(request) == RESPONSE_FIELDS
    assert request == {
        "service_request_id": "ADU-7K3M-Q9XD", "status": "open", "status_notes": None,
        "service_name": "Infrastruktur dan Pekerjaan Umum", "service_code": "infrastruktur",
        "description": "Lampu PJU mati di Jl. Merdeka", "agency_responsible": "Dinas PU Kota Bandung",
        "service_notice": None, "requested_datetime": "2024-05-20T08:00:00+07:00",
        "updated_datetime": "2024-05-20T01:00:05+00:00", "expected_datetime": "2024-06-04T10:00:00+00:00",
        "address": "Jl. Merdeka depan pasar", "address_id": None, "zipcode": None, "lat": -6.9175, "long": 107.6191,
        "media_url": "/open311/v2/requests/ADU-7K3M-Q9XD/media/0",
    }


def test_no_reporter_data_reaches_the_request_even_when_the_source_has_it():
    dumped = json.dumps(to_service_request(complaint_source()))
    for secret in ("Budi", "6281234567890", "budi@example.id", "f" * 32, "foto.jpg"):
        assert secret not in dumped


@pytest.mark.parametrize("status, expected", [
    ("selesai", "closed"), ("diarsipkan", "closed"), ("diterima", "open"), ("ditunda", "open"),
    ("bukan_wewenang", "open"), (None, "open"),
])
def test_only_finished_or_archived_complaints_are_closed(status, expected):
    assert to_service_request(complaint_source(status=status))["status"] == expected


def test_latest_status_event_gives_notes_and_update_time_whatever_the_list_order():
    history = [
        {"status": "selesai", "reason": "Lampu sudah diganti", "at": "2024-05-25T10:00:00+07:00", "actor": "Andi"},
        {"status": "diterima", "reason": None, "at": "2024-05-20T01:00:05Z", "actor": "system"},
        {"status": "ditindaklanjuti", "reason": "Tim dijadwalkan", "at": "2024-05-22T02:00:00Z", "actor": "Sari"},
    ]
    request = to_service_request(complaint_source(history=history, status="selesai"))
    assert request["status_notes"] == "Lampu sudah diganti"
    assert request["updated_datetime"] == "2024-05-25T10:00:00+07:00"
    assert "Andi" not in json.dumps(request)
    assert last_status_event([]) is None and last_status_event(None) is None


def test_address_falls_back_to_the_region_and_missing_location_is_null():
    request = to_service_request(complaint_source(location=None, sla=None))
    assert request["address"] == "Kota Bandung"
    assert (request["lat"], request["long"], request["expected_datetime"]) == (None, None, None)


def test_description_is_cut_and_contacts_in_the_text_are_redacted():
    text = ("Hubungi saya di 0812-3456-7890 atau +62 813 1111 2222 atau warga.rt05@mail.co.id, "
            "NIK 3273010101900001. " + "x" * 2000)
    description = public_description(to_service_request(complaint_source(text=text))["description"])
    assert len(description) == DESCRIPTION_CHARS
    for secret in ("7890", "2222", "warga.rt05", "3273010101900001"):
        assert secret not in description
    assert description.startswith("Hubungi saya di [disembunyikan] atau [disembunyikan] atau [disembunyikan]")
    # Amounts, dates and RT/RW numbers are not contacts.
    assert public_description(scrub_text("Pungli Rp 150.000 tanggal 12-05-2024 RT 05/RW 08")) == \
        "Pungli Rp 150.000 tanggal 12-05-2024 RT 05/RW 08"


def test_errors_are_an_array_of_code_and_description():
    assert error_body(400, "bad") == [{"code": 400, "description": "bad"}]


# --- the router against the real index ------------------------------------------------------------


def topic(code: str) -> dict:
    return {"topic": code, "topic_label": load_categories()[code]["label"]}


# Every complaint here is the same unit's, from a reporter who must never reach an Open311 answer.
routed = partial(make.routed, channel="sms", text="Listrik padam sejak pagi",
                 reporter=make.reporter(name="Siti Rahma", phone="+6285700001111"), **topic("energi"), confidence=0.9,
                 unit_code="PLN.3273", unit_name="PLN UP3 Bandung", reporter_key="e" * 32)


@pytest.fixture(scope="module")
def indexed(servers, tmp_path_factory):
    """Five complaints in a fresh alias: one confidential, one outside the default 90 days."""
    alias = f"open311-test-{time.monotonic_ns()}"
    es = Elasticsearch(servers.elasticsearch)
    ensure_index(es, alias)
    now = datetime.now(timezone.utc)
    docs = {
        "public_open": routed(received_at=now - timedelta(days=2),
                              location=LocationHint(text="Jl. Dago 12", lat=-6.89, lon=107.61),
                              sla=make.sla_state("tindak_lanjut", started_at=now - timedelta(days=2),
                                                 due_at=now + timedelta(days=5))),
        "public_closed": routed(received_at=now - timedelta(days=10), **topic("pajak"), status="selesai",
                                text="PBB salah hitung"),
        "confidential": routed(received_at=now - timedelta(days=1), privacy="rahasia", text="Oknum meminta suap"),
        "old_archived": routed(received_at=now - timedelta(days=100), privacy="anonim", status="diarsipkan"),
        "anonymous_open": routed(received_at=now - timedelta(days=5), privacy="anonim",
                                 text="Tiang listrik miring, telepon saya 085712345678"),
    }
    for doc in docs.values():
        es.index(index=alias, id=doc.complaint_id, document=with_copies(doc.model_dump(mode="json")))
    es.indices.refresh(index=alias)
    app = FastAPI()
    app.include_router(router)
    app.state.es = es
    app.state.settings = Settings(kafka_bootstrap=servers.kafka, elasticsearch_url=servers.elasticsearch,
                                  index_alias=alias, data_dir=tmp_path_factory.mktemp("open311"))
    with TestClient(app) as client:
        yield client, docs, now, es
    es.close()


def ids(response) -> set[str]:
    assert response.status_code == 200, response.text
    return {request["service_request_id"] for request in response.json()}


def numbers(docs, *names) -> set[str]:
    return {docs[name].tracking_number for name in names}


@pytest.mark.integration
def test_requests_default_to_public_complaints_of_the_last_90_days(indexed):
    client, docs, *_ = indexed
    response = client.get("/open311/v2/requests.json")
    assert ids(response) == numbers(docs, "public_open", "public_closed", "anonymous_open")
    listed = response.json()
    assert [r["service_request_id"] for r in listed] == [docs[n].tracking_number
                                                         for n in ("public_open", "anonymous_open", "public_closed")]
    first = listed[0]
    assert set(first) == RESPONSE_FIELDS
    assert (first["address"], first["lat"], first["long"]) == ("Jl. Dago 12", -6.89, 107.61)
    assert first["agency_responsible"] == "PLN UP3 Bandung" and first["service_name"] == "Energi dan Listrik"
    assert parse_w3c_datetime(first["expected_datetime"], "x") > parse_w3c_datetime(first["requested_datetime"], "x")
    body = response.text
    for secret in ("Siti", "6285700001111", "e" * 32, "085712345678", "suap"):
        assert secret not in body


@pytest.mark.integration
def test_the_index_hands_back_only_whitelisted_fields(indexed):
    client, docs, _, es = indexed
    alias = client.app.state.settings.index_alias
    hits = es.search(index=alias, **build_search(RequestsQuery()))["hits"]["hits"]
    assert len(hits) == 4  # no window given: every public complaint
    for hit in hits:
        assert {field.split(".")[0] for field in PUBLIC_SOURCE_FIELDS} >= set(hit["_source"])
        assert "reporter" not in hit["_source"] and "channel_meta" not in hit["_source"]
        for attachment in hit["_source"].get("attachments") or ():
            assert set(attachment) <= {"kind", "content_type", "status"}  # no names, no blob addresses


@pytest.mark.integration
def test_status_service_code_and_date_filters(indexed):
    client, docs, now, _ = indexed
    get = lambda **params: ids(client.get("/open311/v2/requests.json", params=params))  # noqa: E731
    assert get(status="closed") == numbers(docs, "public_closed")
    assert get(status="open") == numbers(docs, "public_open", "anonymous_open")
    assert get(status="open,closed") == numbers(docs, "public_open", "public_closed", "anonymous_open")
    assert get(service_code="pajak") == numbers(docs, "public_closed")
    assert get(service_code="energi", status="open") == numbers(docs, "public_open", "anonymous_open")
    jakarta = timezone(timedelta(hours=7))
    w3c = lambda moment: moment.astimezone(jakarta).isoformat(timespec="seconds")  # noqa: E731
    assert get(start_date=w3c(now - timedelta(days=120)), end_date=w3c(now - timedelta(days=40))) == \
        numbers(docs, "old_archived")
    assert get(start_date=w3c(now - timedelta(days=6)),
               end_date=(now - timedelta(days=3)).strftime("%Y-%m-%dT%H:%M:%SZ")) == numbers(docs, "anonymous_open")
    # Only an end: the 90 days before it, so the 100-day-old complaint stays out.
    assert get(end_date=w3c(now - timedelta(days=8))) == numbers(docs, "public_closed")
    assert get(start_date=w3c(now - timedelta(days=101))) == numbers(docs, "old_archived")


@pytest.mark.integration
def test_id_lookups_never_reach_a_confidential_complaint(indexed):
    client, docs, *_ = indexed
    wanted = [docs["confidential"].tracking_number, docs["public_open"].tracking_number.lower(),
              docs["old_archived"].complaint_id]
    assert ids(client.get("/open311/v2/requests.json", params={"service_request_id": ",".join(wanted)})) == \
        numbers(docs, "public_open", "old_archived")

    one = client.get(f"/open311/v2/requests/{docs['public_closed'].tracking_number}.json")
    assert one.status_code == 200 and len(one.json()) == 1 and one.json()[0]["status"] == "closed"
    by_complaint_id = client.get(f"/open311/v2/requests/{docs['public_closed'].complaint_id}.json")
    assert by_complaint_id.json() == one.json()

    for hidden in (docs["confidential"].tracking_number, docs["confidential"].complaint_id, "ADU-0000-0000"):
        response = client.get(f"/open311/v2/requests/{hidden}.json")
        assert response.status_code == 404
        [error] = response.json()
        assert error["code"] == 404 and set(error) == {"code", "description"}


@pytest.mark.integration
def test_bad_parameters_answer_an_open311_error_array(indexed):
    client, *_ = indexed
    for params in ({"start_date": "2024-05-01"}, {"end_date": "kemarin"}, {"status": "pending"},
                   {"start_date": "2024-01-01T00:00:00Z", "end_date": "2024-06-01T00:00:00Z"}):
        response = client.get("/open311/v2/requests.json", params=params)
        assert response.status_code == 400, params
        [error] = response.json()
        assert error["code"] == 400 and error["description"]


@pytest.mark.integration
def test_services_over_http(indexed):
    client, *_ = indexed
    listed = client.get("/open311/v2/services.json", params={"jurisdiction_id": "bandung"}).json()
    assert [s["service_code"] for s in listed] == list(CATEGORY_CODES)
    assert client.get("/open311/v2/services/energi.json").json() == {"service_code": "energi", "attributes": []}
    missing = client.get("/open311/v2/services/pothole.json")
    assert missing.status_code == 404 and missing.json()[0]["code"] == 404


@pytest.mark.integration
def test_an_unreachable_index_is_a_503_error_array(tmp_path):
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    app = FastAPI()
    app.include_router(router)
    app.state.es = Elasticsearch(f"http://127.0.0.1:{port}", max_retries=0, request_timeout=2)
    app.state.settings = Settings(kafka_bootstrap="127.0.0.1:1", elasticsearch_url=f"http://127.0.0.1:{port}",
                                  data_dir=tmp_path)
    response = TestClient(app).get("/open311/v2/requests.json")
    assert response.status_code == 503 and response.headers["Retry-After"] == "5"
    assert response.json()[0]["code"] == 503


def test_every_route_is_documented():
    app = FastAPI()
    app.include_router(router)
    paths = app.openapi()["paths"]
    assert set(paths) == {"/open311/discovery.{fmt}", "/open311/v2/services.{fmt}",
                          "/open311/v2/services/{service_code}.{fmt}", "/open311/v2/requests.{fmt}",
                          "/open311/v2/requests/{service_request_id}.{fmt}", "/open311/v2/tokens/{token}.{fmt}",
                          "/open311/v2/requests/{service_request_id}/media/{n}"}
    for path in paths.values():
        assert path["get"]["description"] and path["get"]["summary"].startswith("GeoReport v2")


# --- XML, the spec's required format ----------------------------------------------------------------

def xml(response) -> ElementTree.Element:
    assert response.headers["content-type"] == "text/xml; charset=utf-8", response.headers
    assert response.content.startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
    return ElementTree.fromstring(response.content)


@pytest.mark.integration
def test_every_endpoint_answers_xml_with_the_json_documents_content(indexed):
    client, docs, _, _ = indexed
    services = xml(client.get("/open311/v2/services.xml"))
    assert services.tag == "services"
    assert [s.findtext("service_code") for s in services] == [s["service_code"] for s in
                                                              client.get("/open311/v2/services.json").json()]
    assert services[0].findtext("metadata") == "false" and services[0].findtext("type") == "realtime"
    definition = xml(client.get("/open311/v2/services/energi.xml"))
    assert definition.tag == "service_definition" and definition.findtext("service_code") == "energi"
    assert definition.find("attributes") is not None and len(definition.find("attributes")) == 0

    as_json = client.get("/open311/v2/requests.json").json()
    requests = xml(client.get("/open311/v2/requests.xml"))
    assert requests.tag == "service_requests" and all(r.tag == "request" for r in requests)
    assert [r.findtext("service_request_id") for r in requests] == [r["service_request_id"] for r in as_json]
    one = docs["public_open"].tracking_number
    [request] = xml(client.get(f"/open311/v2/requests/{one}.xml"))
    expected = client.get(f"/open311/v2/requests/{one}.json").json()[0]
    for field, value in expected.items():
        assert request.findtext(field) == ("" if value is None else str(value)), field
    assert request.find("zipcode") is not None and request.findtext("zipcode") == ""  # null is an empty element


@pytest.mark.integration
def test_errors_in_xml_are_the_specs_errors_document(indexed):
    client, docs, _, _ = indexed
    for url, code in [("/open311/v2/requests.xml?start_date=yesterday", 400),
                      ("/open311/v2/services/nope.xml", 404),
                      (f"/open311/v2/requests/{docs['confidential'].tracking_number}.xml", 404)]:
        response = client.get(url)
        errors = xml(response)
        assert response.status_code == code and errors.tag == "errors"
        assert errors[0].tag == "error" and errors[0].findtext("code") == str(code) and errors[0].findtext("description")
    other = client.get("/open311/v2/services.csv")
    assert other.status_code == 404 and other.json()[0]["code"] == 404


@pytest.mark.integration
def test_citizen_text_that_xml_cannot_carry_still_gives_a_well_formed_document(servers, indexed):
    client, _, now, es = indexed
    doc = routed(received_at=now, text="Lampu mati \x01\x0b <b>&amp; \ud7ff")
    alias = client.app.state.settings.index_alias
    es.index(index=alias, id=doc.complaint_id, document=with_copies(doc.model_dump(mode="json")), refresh=True)
    [request] = xml(client.get(f"/open311/v2/requests/{doc.tracking_number}.xml"))
    assert request.findtext("description") == "Lampu mati  <b>&amp; \ud7ff"
    es.delete(index=alias, id=doc.complaint_id, refresh=True)


@pytest.mark.integration
@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_discovery_names_the_endpoint_and_its_formats(indexed, fmt):
    client, *_ = indexed
    response = client.get(f"/open311/discovery.{fmt}")
    assert response.status_code == 200
    if fmt == "json":
        document = response.json()
        [endpoint] = document["endpoints"]
        assert endpoint["specification"] == "http://wiki.open311.org/GeoReport_v2"
        assert endpoint["url"].endswith("/open311/v2") and endpoint["formats"] == ["text/xml", "application/json"]
        assert document["changeset"] and endpoint["type"] == "production"
    else:
        document = xml(response)
        assert document.tag == "discovery"
        endpoint = document.find("endpoints/endpoint")
        assert [f.text for f in endpoint.find("formats")] == ["text/xml", "application/json"]


@pytest.mark.integration
def test_a_token_resolves_to_its_request_and_a_confidential_or_unknown_one_does_not(indexed):
    client, docs, _, _ = indexed
    public = docs["public_open"]
    assert client.get(f"/open311/v2/tokens/{public.complaint_id}.json").json() == [
        {"service_request_id": public.tracking_number, "token": public.complaint_id}]
    [answer] = xml(client.get(f"/open311/v2/tokens/{public.complaint_id}.xml"))
    assert answer.findtext("service_request_id") == public.tracking_number
    for token in (docs["confidential"].complaint_id, "00000000-0000-0000-0000-000000000000"):
        response = client.get(f"/open311/v2/tokens/{token}.json")
        assert response.status_code == 404 and response.json()[0]["code"] == 404


@pytest.mark.parametrize("change, expected", [
    ({}, "/open311/v2/requests/ADU-7K3M-Q9XD/media/0"),
    ({"privacy": "anonim"}, None),
    ({"attachments": [{"content_type": "application/pdf", "kind": "document"},
                      {"content_type": "image/png", "status": "stored"}]}, "/open311/v2/requests/ADU-7K3M-Q9XD/media/1"),
    ({"attachments": [{"content_type": "image/jpeg", "kind": "image", "status": "unavailable"}]}, None),
    ({"attachments": [{"content_type": "image/svg+xml"}]}, None),
    ({"attachments": [{"content_type": "audio/ogg", "kind": "audio"}]}, None),
])
def test_media_url_names_the_first_stored_photo_of_a_public_complaint(change, expected):
    source = {**complaint_source(), **change}
    assert to_service_request(source)["media_url"] == expected
    base = to_service_request(source, "https://aduan.example.go.id/")["media_url"]
    assert base == (f"https://aduan.example.go.id{expected}" if expected else None)


@pytest.mark.integration
def test_media_url_serves_the_photo_and_nothing_else(servers, indexed, tmp_path):
    from aduan.core.blobs import BlobStore
    from schemas.events import Attachment

    client, _, now, es = indexed
    blobs = BlobStore(tmp_path / "blobs")
    photo = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\x00IEND\xaeB`\x82"  # parses: served without metadata
    digest = blobs.put(photo)
    client.app.state.blobs = blobs
    alias = client.app.state.settings.index_alias
    attachments = [Attachment(filename="surat-ktp-0812345678.pdf", content_type="application/pdf", size_bytes=9,
                              sha256=blobs.put(b"%PDF-1.4 x"), kind="document"),
                   Attachment(filename="foto.png", content_type="image/png", size_bytes=len(photo), sha256=digest,
                              kind="image")]
    public = routed(received_at=now, attachments=attachments)
    anonymous = routed(received_at=now, attachments=attachments, privacy="anonim")
    for doc in (public, anonymous):
        es.index(index=alias, id=doc.complaint_id, document=with_copies(doc.model_dump(mode="json")), refresh=True)
    [request] = client.get(f"/open311/v2/requests/{public.tracking_number}.json").json()
    assert request["media_url"] == f"/open311/v2/requests/{public.tracking_number}/media/1"
    served = client.get(request["media_url"])
    assert served.status_code == 200 and served.content == photo
    assert served.headers["x-content-type-options"] == "nosniff" and "sandbox" in served.headers["content-security-policy"]
    for url in (f"/open311/v2/requests/{public.tracking_number}/media/0",       # the letter: not public
                f"/open311/v2/requests/{public.tracking_number}/media/2",
                f"/open311/v2/requests/{anonymous.tracking_number}/media/1"):   # anonim: no media at all
        assert client.get(url).status_code == 404, url
    assert client.get(f"/open311/v2/requests/{anonymous.tracking_number}.json").json()[0]["media_url"] is None
    for doc in (public, anonymous):
        es.delete(index=alias, id=doc.complaint_id, refresh=True)
