"""Search API, detail, exports and stats: pure query building first, then against the real index."""

from __future__ import annotations

import csv
import io
import json
import uuid
from datetime import date, datetime, timedelta, timezone

import pytest
from elasticsearch import Elasticsearch
from fastapi.testclient import TestClient

from aduan.api import create_app
from aduan.core.settings import Settings
from consumers.read import dashboard, live, search_api
from consumers.read.access import Principal
from consumers.sinks.index import MAPPING, ensure_index
from consumers.read.search import (
    BadCursor, SearchParams, build_request, decode_cursor, encode_cursor, get_complaint, iter_complaints,
    search_complaints,
)
from consumers.redaction import copies, reason_copy, scrub_text
from consumers.read.search_api import CSV_COLUMNS, csv_cell
from consumers.read.stats import collect_stats, rates

OPERATOR = Principal("operator", "op")
ANALYST = Principal("analyst", "an")
KEYS = {"op-key": {"role": "operator", "name": "Operator"}, "an-key": {"role": "analyst", "name": "Analis"},
        "unit-key": {"role": "unit", "unit": "3171-DBM", "name": "Bina Marga"}}


# -- pure ---------------------------------------------------------------------------------------------------

def test_words_are_data_and_filters_sit_beside_the_role_filter():
    params = SearchParams(q='jalan" OR privacy:rahasia', channel=("sms",), status=("diterima", "ditunda"))
    query = build_request(ANALYST, params)["query"]["bool"]
    # An analyst is searched on the redacted copies only (consumers.redaction).
    assert query["must"] == [{"multi_match": {"query": 'jalan" OR privacy:rahasia',
                                              "fields": ["redacted.subject^2", "redacted.text", "redacted.normalised_text",
                                                         "source_texts_redacted"],
                                              "fuzziness": "AUTO", "operator": "and"}}]
    assert {"bool": {"must_not": [{"term": {"privacy": "rahasia"}}]}} in query["filter"]
    assert {"terms": {"channel": ["sms"]}} in query["filter"]
    assert {"terms": {"status": ["diterima", "ditunda"]}} in query["filter"]
    assert "query_string" not in json.dumps(query)


def test_dates_are_whole_days_in_wib_and_datetimes_are_exact():
    request = build_request(OPERATOR, SearchParams(date_from=date(2026, 3, 1), date_to=date(2026, 3, 1)))
    assert {"range": {"received_at": {"gte": "2026-03-01T00:00:00+07:00", "lt": "2026-03-02T00:00:00+07:00"}}} \
        in request["query"]["bool"]["filter"]
    moment = datetime(2026, 3, 1, 5, tzinfo=timezone.utc)
    request = build_request(OPERATOR, SearchParams(date_to=moment))
    assert {"range": {"received_at": {"lte": moment.isoformat()}}} in request["query"]["bool"]["filter"]


def test_sort_without_words_is_newest_and_highlights_are_html_escaped():
    assert build_request(OPERATOR, SearchParams())["sort"][0] == {"received_at": "desc"}
    request = build_request(OPERATOR, SearchParams(q="jalan", sort="due"))
    assert request["sort"][0] == {"sla.due_at": {"order": "asc", "missing": "_last"}}
    assert request["sort"][-1] == {"complaint_id": "asc"}  # the tie-breaker
    assert request["highlight"]["encoder"] == "html"


def test_cursor_round_trips_and_refuses_forgeries_and_other_sorts():
    token = encode_cursor([0.5, 1714532400000, "c1"], "relevance")
    assert decode_cursor(token, "relevance") == [0.5, 1714532400000, "c1"]
    with pytest.raises(BadCursor):
        decode_cursor(token, "newest")
    for forged in ("not base64!", encode_cursor([{"script": 1}, 2, 3], "relevance"), "e30"):
        with pytest.raises(BadCursor):
            decode_cursor(forged, "relevance")


def test_page_size_is_bounded():
    with pytest.raises(ValueError):
        SearchParams(size=0)


def test_csv_cells_never_start_a_formula():
    assert csv_cell("=HYPERLINK(\"http://x\")") == "'=HYPERLINK(\"http://x\")"
    assert csv_cell("+6281234567890") == "'+6281234567890"
    assert csv_cell("@SUM(A1)") == "'@SUM(A1)"
    assert csv_cell("Jalan rusak") == "Jalan rusak"
    assert csv_cell(None) == "" and csv_cell(True) == "true" and csv_cell(3) == "3"


def test_contacts_written_into_text_are_replaced_whole_in_the_redacted_copy():
    scrubbed = scrub_text("hubungi 0812-3456-7890 atau budi@mail.example.id")
    assert scrubbed == "hubungi [disembunyikan] atau [disembunyikan]"


def test_rates_fill_every_minute_of_the_window():
    now = datetime(2026, 3, 2, 3, 14, 30, tzinfo=timezone.utc)
    key = int(datetime(2026, 3, 2, 3, 13, tzinfo=timezone.utc).timestamp() * 1000)
    agg = {"channel": {"buckets": [{"key": "sms", "doc_count": 2, "minutes": {"buckets": [{"key": key, "doc_count": 2}]}}]}}
    result = rates(agg, now)
    assert len(result["minutes"]) == 15 and result["minutes"][-1] == "2026-03-02T03:14:00+00:00"
    assert result["channels"][0]["per_minute"][-2] == 2 and result["total"] == 2


# -- against the index -------------------------------------------------------------------------------------

def indexed(**fields) -> dict:
    """A document in the shape the indexer writes, limited to what the current mapping knows."""
    cid = fields.pop("complaint_id")
    doc = {"schema_version": 1, "complaint_id": cid, "tracking_number": "ADU-" + cid.upper(), "channel": "web",
           "provider_message_id": cid, "received_at": "2026-03-02T02:00:00+00:00", "privacy": "publik",
           "reporter": {}, "text": "-", "language": "id", "attachments": [], "topic": "infrastruktur",
           "topic_label": "Infrastruktur", "confidence": 0.9, "needs_triage": False, "region_code": "3171",
           "region_name": "Jakarta Selatan", "unit_code": "3171-DBM", "unit_name": "Dinas Bina Marga",
           "cluster_id": cid, "report_count": 1, "status": "diterima", "routed_at": "2026-03-02T02:00:01+00:00",
           "history": [], **fields}
    doc["redacted"] = copies(doc, None)  # what the fold writes beside the clear text (consumers.redaction)
    doc["history"] = [{**entry, "reason_redacted": reason_copy(entry.get("reason"))} for entry in doc["history"]]
    return {k: v for k, v in doc.items() if k in MAPPING["properties"]}


def sla(stage: str, due: datetime, breached: bool = False) -> dict:
    return {"stage": stage, "started_at": (due - timedelta(days=3)).isoformat(), "due_at": due.isoformat(),
            "breached": breached, "elapsed_working_days": 1.0, "paused": False}


@pytest.fixture(scope="module")
def corpus(servers):
    es = Elasticsearch(servers.elasticsearch)
    alias = f"test-search-{uuid.uuid4().hex[:8]}"
    ensure_index(es, alias)
    now = datetime.now(timezone.utc)
    docs = [
        indexed(complaint_id="s1", subject="Jalan rusak", text="Jalan berlubang di depan sekolah <img src=x onerror=alert(1)>",
                received_at=(now - timedelta(minutes=3)).isoformat(), sla=sla("verifikasi", now + timedelta(hours=5))),
        indexed(complaint_id="s2", text="=HYPERLINK(\"http://evil\") jalan berlubang lagi", channel="sms", cluster_id="s1",
                received_at=(now - timedelta(minutes=2)).isoformat(), report_count=3,
                reporter={"name": "Budi", "phone": "+6281234567890"},
                sla=sla("verifikasi", now - timedelta(hours=2))),
        indexed(complaint_id="s3", text="Lampu penerangan jalan mati", unit_code="3171-DPP", unit_name="Dinas Pertamanan",
                status="selesai", received_at="2026-01-10T20:00:00+00:00"),
        indexed(complaint_id="s4", text="Pungutan liar di kelurahan", privacy="rahasia", topic="korupsi_pungli",
                received_at="2026-01-11T03:00:00+00:00", cluster_id="s1"),
    ] + [indexed(complaint_id=f"p{i:02d}", text=f"Sampah menumpuk di pasar nomor {i}", topic="lingkungan",
                 received_at=f"2026-02-{1 + i % 20:02d}T05:00:00+00:00") for i in range(25)]
    for doc in docs:
        es.index(index=alias, id=doc["complaint_id"], document=doc)
    es.index(index=alias, id="stub", document={"complaint_id": "stub", "status": "selesai"})  # status before routing
    es.indices.refresh(index=alias)
    yield es, alias
    es.close()


@pytest.fixture(scope="module")
def http(servers, corpus, tmp_path_factory):
    settings = Settings(kafka_bootstrap=servers.kafka, elasticsearch_url=servers.elasticsearch,
                        data_dir=tmp_path_factory.mktemp("api"), index_alias=corpus[1], api_keys=json.dumps(KEYS))
    app = with_dashboard(create_app(settings))
    with TestClient(app) as client:
        yield client


def with_dashboard(app):
    """The app with this module's routers, whether or not aduan/api.py mounts them yet."""
    included = {id(getattr(route, "original_router", None)) for route in app.routes}
    for router in (search_api.router, live.router, dashboard.router):
        if id(router) not in included:
            app.include_router(router)
    return app


integration = pytest.mark.integration


@integration
def test_typos_are_tolerated_and_indonesian_words_are_stemmed(corpus):
    es, alias = corpus
    page = search_complaints(es, alias, OPERATOR, SearchParams(q="jalan berlobang"))  # typo
    assert {hit["complaint_id"] for hit in page.hits} == {"s1", "s2"}


@integration
def test_citizen_html_is_escaped_in_highlights(http):
    body = http.get("/v1/search", params={"q": "sekolah"}, headers={"X-API-Key": "op-key"}).json()
    fragment = body["hits"][0]["_highlight"]["text"][0]
    assert "<mark>sekolah</mark>" in fragment and "&lt;img src=x onerror=alert(1)&gt;" in fragment
    assert "<img" not in fragment


@integration
def test_filters_facets_and_role_in_the_counts(http):
    body = http.get("/v1/search", params={"q": "jalan"}, headers={"X-API-Key": "op-key"}).json()
    assert body["total"] == 3
    assert {f["value"]: f["count"] for f in body["facets"]["channel"]} == {"web": 2, "sms": 1}
    body = http.get("/v1/search", params={"channel": "sms"}, headers={"X-API-Key": "op-key"}).json()
    assert [h["complaint_id"] for h in body["hits"]] == ["s2"]
    body = http.get("/v1/search", params={"from": "2026-01-11", "to": "2026-01-11"}, headers={"X-API-Key": "op-key"}).json()
    # s3 arrived 2026-01-10T20:00Z = 11 January 03:00 WIB; s4 at 10:00 WIB
    assert sorted(h["complaint_id"] for h in body["hits"]) == ["s3", "s4"]
    body = http.get("/v1/search", headers={"X-API-Key": "an-key"}).json()
    assert body["total"] == 28 and "rahasia" not in {f["value"] for f in body["facets"]["privacy"]}
    body = http.get("/v1/search", params={"unit": "3171-DPP,3171-DBM", "status": "selesai"}, headers={"X-API-Key": "op-key"}).json()
    assert [h["complaint_id"] for h in body["hits"]] == ["s3"]


@integration
def test_sla_boards(http):
    def ids(which):
        return [h["complaint_id"] for h in http.get("/v1/search", params={"sla": which, "sort": "due", "size": 100},
                                                    headers={"X-API-Key": "op-key"}).json()["hits"]]
    assert ids("breached") == ["s2"]
    assert ids("at_risk") == ["s1"]
    assert "s1" not in ids("on_time") and "s2" not in ids("on_time") and "s3" in ids("on_time")


@integration
def test_cursor_pages_cover_everything_once_in_every_sort(http):
    for sort in ("relevance", "newest", "oldest", "due"):
        seen, cursor = [], None
        while True:
            params = {"size": 7, "sort": sort, **({"cursor": cursor} if cursor else {})}
            body = http.get("/v1/search", params=params, headers={"X-API-Key": "op-key"}).json()
            seen += [h["complaint_id"] for h in body["hits"]]
            cursor = body["next_cursor"]
            if not cursor:
                break
        assert len(seen) == len(set(seen)) == 29, sort
    assert http.get("/v1/search", params={"cursor": "x"}, headers={"X-API-Key": "op-key"}).status_code == 400
    assert http.get("/v1/search", params={"size": 101}, headers={"X-API-Key": "op-key"}).status_code == 400


@integration
def test_detail_by_id_or_tracking_with_cluster_members_filtered_by_role(http):
    body = http.get("/v1/complaints/ADU-S1", headers={"X-API-Key": "op-key"}).json()
    assert body["complaint_id"] == "s1" and body["history"] == []
    assert {m["complaint_id"] for m in body["cluster"]} == {"s2", "s4"}
    body = http.get("/v1/complaints/s1", headers={"X-API-Key": "an-key"}).json()
    assert {m["complaint_id"] for m in body["cluster"]} == {"s2"}  # never the rahasia member
    assert http.get("/v1/complaints/nope", headers={"X-API-Key": "op-key"}).status_code == 404
    assert http.get("/v1/complaints/stub", headers={"X-API-Key": "op-key"}).status_code == 404


@integration
def test_csv_export_streams_fixed_columns_with_bom_and_no_formulas(http):
    response = http.get("/v1/export.csv", params={"q": "jalan"}, headers={"X-API-Key": "op-key"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert list(rows[0]) == list(CSV_COLUMNS) and len(rows) == 3
    by_id = {row["complaint_id"]: row for row in rows}
    assert by_id["s2"]["text"].startswith("'=HYPERLINK") and by_id["s2"]["reporter_phone"] == "'+6281234567890"
    plain = http.get("/v1/export.csv", params={"bom": "false", "delimiter": ";", "limit": 2}, headers={"X-API-Key": "op-key"})
    assert plain.content.startswith(b"complaint_id;tracking_number;") and len(plain.text.strip().splitlines()) == 3


@integration
def test_jsonl_export_has_every_match_once(http):
    response = http.get("/v1/export.jsonl", params={"topic": "lingkungan"}, headers={"X-API-Key": "op-key"})
    lines = [json.loads(line) for line in response.text.splitlines()]
    assert len(lines) == 25 and len({d["complaint_id"] for d in lines}) == 25


@integration
def test_exports_page_through_more_than_one_batch(corpus):
    es, alias = corpus
    docs = list(iter_complaints(es, alias, OPERATOR, SearchParams(sort="oldest"), page_size=4))
    assert len(docs) == 29 and len({d["complaint_id"] for d in docs}) == 29


@integration
def test_stats_for_the_dashboard(corpus):
    es, alias = corpus
    stats = collect_stats(es, alias, OPERATOR)
    assert stats["rates"]["total"] == 2
    assert {c["channel"]: c["count"] for c in stats["rates"]["channels"]} == {"web": 1, "sms": 1}
    assert {u["unit_code"]: u["open"] for u in stats["backlog"]} == {"3171-DBM": 28}
    assert stats["sla"]["breached"]["count"] == 1 and stats["sla"]["breached"]["items"][0]["tracking_number"] == "ADU-S2"
    assert stats["sla"]["at_risk"]["count"] == 1
    dpp = next(u for u in stats["resolution"] if u["unit_code"] == "3171-DPP")
    assert (dpp["resolved"], dpp["total"], dpp["percent"]) == (1, 1, 100.0)
    cluster = stats["clusters"][0]
    assert (cluster["cluster_id"], cluster["complaints"], cluster["reports"]) == ("s1", 3, 5)
    assert collect_stats(es, alias, ANALYST)["clusters"][0]["reports"] == 4  # the rahasia member is not counted


@integration
def test_every_route_needs_a_key_and_the_docs_list_them(http):
    for path in ("/v1/search", "/v1/complaints/s1", "/v1/export.csv", "/v1/export.jsonl", "/v1/stats", "/v1/live"):
        assert http.get(path).status_code == 401, path
        assert http.get(path, headers={"X-API-Key": "wrong"}).status_code == 403, path
    paths = http.get("/openapi.json").json()["paths"]
    for path in ("/v1/search", "/v1/complaints/{id_or_tracking}", "/v1/export.csv", "/v1/export.jsonl", "/v1/stats", "/v1/live"):
        assert path in paths, path
    page = http.get("/dashboard")
    assert page.status_code == 200 and "script-src 'self'" in page.headers["content-security-policy"]
    assert "http" not in page.text.replace("http-equiv", "")  # nothing from a CDN
    assert http.get("/dashboard/dashboard.js").status_code == 200
    assert http.get("/dashboard/..%2Fsearch.py").status_code == 404


@integration
def test_get_complaint_returns_none_for_the_invisible(corpus):
    es, alias = corpus
    assert get_complaint(es, alias, ANALYST, "s4") is None
    assert get_complaint(es, alias, OPERATOR, "s4")["privacy"] == "rahasia"


@integration
def test_a_bad_date_is_a_400_in_the_validation_shape(http):
    response = http.get("/v1/search", params={"from": "kemarin"}, headers={"X-API-Key": "op-key"})
    assert response.status_code == 400
    assert response.json()["detail"][0]["loc"] == ["query", "from"]


@integration
@pytest.mark.parametrize("path", ["/v1/search", "/v1/export.csv", "/v1/export.jsonl"])
@pytest.mark.parametrize("params", [{"from": "0001-01-01"}, {"to": "9999-12-31"}, {"from": "9999-12-31T23:59:59+14:00"},
                                    {"to": "0001-01-01T00:00:00-12:00"}])
def test_dates_at_the_ends_of_the_calendar_are_a_400_not_a_500(http, path, params):
    response = http.get(path, params=params, headers={"X-API-Key": "an-key"})
    assert response.status_code == 400, response.text
    assert response.json()["detail"][0]["loc"][0] == "query"


@integration
@pytest.mark.parametrize("values", [["x", "y"], [1e300, "c"], [9223372036854775807 * 10, "c"], ["2026-01-01", 5]])
def test_a_well_formed_cursor_the_engine_refuses_is_a_400_not_a_503(http, values):
    cursor = encode_cursor(values, "newest")
    response = http.get("/v1/search", params={"cursor": cursor}, headers={"X-API-Key": "op-key"})
    assert response.status_code == 400, response.text  # not 503: the index is up, the cursor is bad
