"""The desk, the search page, attachments, offline docs: rules first, then over the real index (emulator).

The browser walk-through is tests/test_desk_browser.py; here every rule is checked on the HTTP API.
"""

from __future__ import annotations

import json
import uuid
from datetime import datetime, timedelta, timezone

import pytest
from elasticsearch import Elasticsearch
from fastapi.testclient import TestClient

from aduan.api import create_app
from aduan.core.blobs import BlobStore
from aduan.core.settings import Settings
from consumers.read import attachments, desk
from consumers.read.access import Principal
from consumers.sinks.index import ensure_index
from schemas.units import is_known_unit
from tests.consumers.test_search_api import indexed, sla

OPERATOR = Principal("operator", "op")
ANALYST = Principal("analyst", "an")
UNIT = Principal("unit", "u", "DPUPR.6471")
KEYS = {"op-key": {"role": "operator", "name": "Operator"}, "an-key": {"role": "analyst", "name": "Analis"},
        "unit-key": {"role": "unit", "unit": "DPUPR.6471", "name": "PUPR Balikpapan"},
        "other-key": {"role": "unit", "unit": "DPUPR.3273", "name": "PUPR Bandung"}}
SCRIPT = "<script>alert(1)</script>"


# -- rules ------------------------------------------------------------------------------------------------

def test_file_names_cannot_break_the_header_or_name_a_path():
    for hostile in ("../../etc/passwd", "..\\..\\boot.ini", ".htaccess", "/abs/path"):
        name = attachments.safe_filename(hostile, "x")
        assert "/" not in name and "\\" not in name and not name.startswith("."), name
    assert attachments.safe_filename('a"\r\nSet-Cookie: x=1.jpg', "x") == "a_Set-Cookie_ x=1.jpg"
    assert attachments.safe_filename("", "lampiran-1") == "lampiran-1"
    header = attachments.content_disposition("foto jalan–rusak.jpg", inline=True)
    assert header.startswith('inline; filename="foto jalan_rusak.jpg"')
    assert "filename*=UTF-8''foto%20jalan%E2%80%93rusak.jpg" in header
    assert "\n" not in attachments.content_disposition(attachments.safe_filename("a\nb", "x"), inline=False)


def test_a_stored_content_type_is_sent_only_when_well_formed():
    assert attachments.media_type({"content_type": "image/JPEG; charset=x"}) == "image/jpeg"
    assert attachments.media_type({"content_type": "text/html\r\nX-Evil: 1"}) == "application/octet-stream"
    assert attachments.media_type({}) == "application/octet-stream"


def test_who_reads_only_the_redacted_copy_downloads_images_only():
    image, voice = {"kind": "image", "content_type": "image/jpeg"}, {"kind": "audio", "content_type": "audio/ogg"}
    svg = {"content_type": "image/svg+xml"}
    publik, anonim = {"privacy": "publik", "unit_code": "DPUPR.6471"}, {"privacy": "anonim", "unit_code": "DPUPR.6471"}
    assert attachments.may_download(OPERATOR, anonim, voice)
    assert attachments.may_download(ANALYST, publik, image) and not attachments.may_download(ANALYST, publik, voice)
    assert not attachments.may_download(ANALYST, publik, svg)  # an SVG can carry script
    assert attachments.may_download(UNIT, publik, voice)  # its own complaint, in clear
    assert not attachments.may_download(UNIT, anonim, voice) and attachments.may_download(UNIT, anonim, image)


def test_reroute_targets_are_routing_table_units_of_the_region():
    units = desk.units_for_region("6471")  # Kota Balikpapan, Kalimantan Timur
    codes = {u["unit_code"] for u in units}
    assert codes and all(is_known_unit(code) for code in codes)
    assert "DPUPR.6471" in codes and not any("{" in code for code in codes)
    assert all(is_known_unit(u["unit_code"]) for u in desk.units_for_region(None))  # national ones only
    assert "ADUAN.TRIASE" in desk.triage_units() and "KPK.PENGADUAN" not in desk.triage_units()


def test_next_steps_follow_the_lifecycle_and_the_role():
    assert desk.next_steps(ANALYST, "diterima") == []
    assert "diarsipkan" in desk.next_steps(OPERATOR, "diterima")
    assert "diarsipkan" not in desk.next_steps(UNIT, "diterima") and "terdisposisi" not in desk.next_steps(UNIT, "terverifikasi")
    assert desk.next_steps(UNIT, "terdisposisi") == ["ditindaklanjuti", "ditunda", "bukan_wewenang"]  # forward first
    assert desk.next_steps(OPERATOR, "bukan_wewenang")[0] == "terverifikasi"


# -- against the index ------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def served(servers, tmp_path_factory):
    es = Elasticsearch(servers.elasticsearch)
    alias = f"test-desk-{uuid.uuid4().hex[:8]}"
    ensure_index(es, alias)
    data = tmp_path_factory.mktemp("desk")
    settings = Settings(kafka_bootstrap=servers.kafka, elasticsearch_url=servers.elasticsearch, data_dir=data,
                        index_alias=alias, api_keys=json.dumps(KEYS))
    blobs = BlobStore(settings.blobs)
    photo, voice, page = blobs.put(b"\xff\xd8\xff\xfe\x00\x06jpeg\xff\xd9"), blobs.put(b"OggS voice"), blobs.put(b"<html><script>x</script>")
    now = datetime.now(timezone.utc)
    files = [
        {"filename": "foto 0812-3456-7890.jpg", "content_type": "image/jpeg", "size_bytes": 9, "sha256": photo, "kind": "image"},
        {"filename": "suara.ogg", "content_type": "audio/ogg", "size_bytes": 10, "sha256": voice, "kind": "audio"},
        {"filename": "halaman.html", "content_type": "text/html", "size_bytes": 24, "sha256": page, "kind": "document"},
        {"filename": "hilang.jpg", "content_type": "image/jpeg", "size_bytes": 0, "sha256": None, "kind": "image",
         "status": "unavailable", "provider_media_id": "wamid.X"},
        {"filename": "lost.jpg", "content_type": "image/jpeg", "size_bytes": 3, "sha256": "0" * 64, "kind": "image"},
    ]
    base = dict(unit_code="DPUPR.6471", unit_name="Dinas PUPR Kota Balikpapan", region_code="6471",
                region_name="Kota Balikpapan", routed_unit_code="DPUPR.6471")
    docs = [
        indexed(complaint_id="d1", text=f"Jalan amblas {SCRIPT}", attachments=files, needs_triage=True, confidence=0.41,
                received_at=(now - timedelta(hours=2)).isoformat(), sla=sla("verifikasi", now + timedelta(hours=5)), **base),
        indexed(complaint_id="d2", text="Lampu mati", privacy="rahasia", attachments=files[:1],
                received_at=(now - timedelta(days=1)).isoformat(), sla=sla("verifikasi", now - timedelta(hours=1)), **base),
        indexed(complaint_id="d3", text="Saluran tersumbat", privacy="anonim", attachments=files[:2],
                received_at=(now - timedelta(days=2)).isoformat(), **base),
        indexed(complaint_id="d4", text="Tidak jelas tempatnya", unit_code="ADUAN.TRIASE", routed_unit_code="ADUAN.TRIASE",
                unit_name="Unit Triase", region_code=None, received_at=(now - timedelta(days=2)).isoformat()),
        indexed(complaint_id="d5", text="Dialihkan", status="bukan_wewenang", unit_code="DPUPR.3273",
                routed_unit_code="DPUPR.6471", region_code="3273", received_at=(now - timedelta(days=3)).isoformat()),
        indexed(complaint_id="d6", text="Sudah selesai", status="selesai", needs_triage=True,
                received_at=(now - timedelta(days=3)).isoformat(), status_updated_at=(now - timedelta(days=1)).isoformat(),
                **base),
    ]
    for doc in docs:
        es.index(index=alias, id=doc["complaint_id"], document=doc)
    es.indices.refresh(index=alias)
    with TestClient(create_app(settings)) as client:
        yield client
    es.close()


integration = pytest.mark.integration


def get(client, path, key, **params):
    return client.get(path, params=params, headers={"X-API-Key": key})


@integration
def test_attachments_are_served_to_whoever_may_see_the_complaint_with_safe_headers(served):
    photo = get(served, "/v1/complaints/ADU-D1/attachments/0", "op-key")
    assert photo.status_code == 200 and photo.content == b"\xff\xd8\xff\xfe\x00\x06jpeg\xff\xd9"
    assert photo.headers["content-type"] == "image/jpeg" and photo.headers["x-content-type-options"] == "nosniff"
    assert photo.headers["content-disposition"].startswith('inline; filename="foto 0812-3456-7890.jpg"')
    assert "sandbox" in photo.headers["content-security-policy"]
    # The analyst gets the image under the redacted name, and nothing but images.
    photo = get(served, "/v1/complaints/d1/attachments/0", "an-key")
    assert photo.status_code == 200 and "0812" not in photo.headers["content-disposition"]
    assert "[disembunyikan]" in photo.headers["content-disposition"] or "%5Bdisembunyikan%5D" in photo.headers["content-disposition"]
    assert get(served, "/v1/complaints/d1/attachments/1", "an-key").status_code == 403
    # An HTML file is never inline: it would run as this origin's page.
    page = get(served, "/v1/complaints/d1/attachments/2", "op-key")
    assert page.status_code == 200 and page.headers["content-disposition"].startswith("attachment;")
    assert get(served, "/v1/complaints/d1/attachments/3", "op-key").status_code == 404  # unavailable
    assert get(served, "/v1/complaints/d1/attachments/4", "op-key").status_code == 404  # not in the store
    assert get(served, "/v1/complaints/d1/attachments/5", "op-key").status_code == 404
    assert get(served, "/v1/complaints/d2/attachments/0", "an-key").status_code == 404  # rahasia: not visible at all
    assert get(served, "/v1/complaints/d1/attachments/0", "other-key").status_code == 404  # another unit's
    assert get(served, "/v1/complaints/d3/attachments/1", "unit-key").status_code == 403  # anonim: images only
    assert get(served, "/v1/complaints/d2/attachments/0", "unit-key").status_code == 200
    assert served.get("/v1/complaints/d1/attachments/0").status_code == 401
    assert get(served, "/v1/complaints/d1/attachments/-1", "op-key").status_code == 400
    for response in (photo, page):
        assert str(served.app.state.blobs.root) not in json.dumps(dict(response.headers))


@integration
def test_queues_count_under_the_role_and_the_filters(served):
    body = get(served, "/v1/desk/queue", "op-key", queue="needs_triage").json()
    assert [h["complaint_id"] for h in body["hits"]] == ["d1"]  # d6 is closed: handled
    assert body["hits"][0]["sla_local"]["zone"] == "WITA" and body["hits"][0]["sla_local"]["due_local"].endswith("+08:00")
    assert body["counts"] == {"needs_triage": 1, "unrouted": 1, "bukan_wewenang": 1, "at_risk": 1, "breached": 1,
                              "open": 5}
    assert [h["complaint_id"] for h in get(served, "/v1/desk/queue", "op-key", queue="unrouted").json()["hits"]] == ["d4"]
    unit = get(served, "/v1/desk/queue", "unit-key").json()
    assert {h["complaint_id"] for h in unit["hits"]} == {"d1", "d2", "d3"} and unit["counts"]["open"] == 3
    assert get(served, "/v1/desk/queue", "an-key", queue="breached").json()["counts"]["breached"] == 0  # d2 is rahasia
    body = get(served, "/v1/desk/queue", "op-key", channel="sms").json()
    assert body["counts"]["open"] == 0 and body["hits"] == []
    paged = get(served, "/v1/desk/queue", "op-key", size=2, sort="oldest").json()
    rest = get(served, "/v1/desk/queue", "op-key", size=10, sort="oldest", cursor=paged["next_cursor"]).json()
    assert len({h["complaint_id"] for h in paged["hits"] + rest["hits"]}) == 5
    assert get(served, "/v1/desk/queue", "op-key", queue="nope").status_code == 400


@integration
def test_the_complaint_view_has_the_units_zone_and_the_roles_steps(served):
    view = get(served, "/v1/desk/complaints/ADU-D1", "op-key").json()
    assert view["zone"] == "WITA" and view["local"]["sla_due_at"].endswith("+08:00")
    assert "terverifikasi" in view["next_steps"] and all(is_known_unit(u["unit_code"]) for u in view["units"])
    assert view["complaint"]["text"].endswith(SCRIPT)  # data; the page writes it with textContent
    analyst = get(served, "/v1/desk/complaints/d1", "an-key").json()
    assert analyst["next_steps"] == [] and analyst["units"] == []
    assert get(served, "/v1/desk/complaints/d2", "an-key").status_code == 404
    assert get(served, "/v1/me", "unit-key").json() == {"role": "unit", "name": "PUPR Balikpapan", "unit_code": "DPUPR.6471"}


@integration
def test_days_chart_counts_the_result_set_per_wib_day(served):
    days = get(served, "/v1/search/days", "op-key").json()["days"]
    assert sum(d["count"] for d in days) == 6 and days == sorted(days, key=lambda d: d["day"])
    assert sum(d["count"] for d in get(served, "/v1/search/days", "an-key").json()["days"]) == 5


@integration
def test_dashboard_figures_have_charts_and_deadlines_in_the_units_zone(served):
    stats = get(served, "/v1/stats", "op-key").json()
    assert sum(sum(c["per_hour"]) for c in stats["charts"]["hourly"]["channels"]) == 1  # d1, two hours ago
    trend = stats["charts"]["backlog_trend"]
    assert len(trend) == 14 and trend[-1]["open"] == 5 and sum(d["closed"] for d in trend) == 1
    assert sum(d["received"] for d in trend) == 6 and trend[0]["open"] == 0
    assert stats["charts"]["breaches_per_unit"] == [{"unit_code": "DPUPR.6471", "unit_name": "Dinas PUPR Kota Balikpapan",
                                                     "count": 1}]
    item = stats["sla"]["breached"]["items"][0]
    assert item["zone"] == "WITA" and item["due_local"].endswith("+08:00")


PAGES = ("/dashboard", "/desk", "/desk/complaints/ADU-D1", "/search", "/docs", "/redoc")


@integration
def test_every_page_is_framed_by_nobody_and_loads_nothing_from_another_host(served):
    for path in PAGES:
        page = served.get(path)
        assert page.status_code == 200, path
        csp = page.headers["content-security-policy"]
        assert "frame-ancestors 'none'" in csp and "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
        assert page.headers["x-frame-options"] == "DENY", path
        assert "http://" not in page.text and "https://" not in page.text, path
        assert "<script>" not in page.text.replace("<script src=", ""), path  # no inline code
    for asset in ("/desk/assets/common.js", "/desk/assets/desk.js", "/docs/assets/swagger-ui-bundle.js",
                  "/docs/assets/redoc.standalone.js", "/docs/assets/swagger-init.js", "/dashboard/common.js"):
        assert served.get(asset).status_code == 200, asset
    assert served.get("/desk/assets/..%2Fdesk.py").status_code == 404
    assert served.get("/docs/assets/core.py").status_code == 404
    paths = served.get("/openapi.json").json()["paths"]
    assert "/v1/complaints/{id_or_tracking}/attachments/{n}" in paths and "/v1/desk/queue" in paths
