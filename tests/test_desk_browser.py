"""The desk, the complaint page, the search page, the dashboard and /docs in a real browser.

Debian's ``chromium`` driven by Playwright, one browser and one indexed corpus for the module, the
real indexer folding the status events the pages send (and the notifier's records, shown on the
complaint page): an operator finds a ``needs_triage`` complaint, re-routes it to a unit, verifies and
dispatches it; that unit's key then finds it in its
queue and marks it followed up with a public note; an analyst searches, filters, pages and downloads
the CSV; every page shows a citizen's ``<script>`` as text; ``/docs`` and ``/redoc`` render with
every non-loopback request blocked. Screenshots go to a temporary directory, printed.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import time
import uuid
from datetime import datetime, timedelta, timezone
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect
from elasticsearch import Elasticsearch
from pydantic import SecretStr

from aduan.api import create_app
from aduan.core.settings import Settings
from consumers.sinks.index import ensure_index
from tests.consumers.test_live import serving
from tests.consumers.test_search_api import indexed, sla
from tests.test_dashboard_browser import CHROMIUM, CHROMIUM_ARGS
from tests.workers import own_groups, running
from tests import factories as make

pytestmark = pytest.mark.e2e

KEYS = {"op-desk": {"role": "operator", "name": "Operator Meja"}, "an-desk": {"role": "analyst", "name": "Analis"},
        "unit-desk": {"role": "unit", "unit": "DPUPR.6471", "name": "PUPR Balikpapan"},
        "other-desk": {"role": "unit", "unit": "DPUPR.3273", "name": "PUPR Bandung"}}
SCRIPT = "<script>window.__pwned = 1</script>"
ONE_PIXEL_PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                              "1f15c4890000000d49444154789c6360f8cf00000301010018dd8db40000000049454e44ae426082")


# What a surge panel shows once /v1/alerts answered: alerts ("… laporan dari … dalam … menit") or that there are none.
SURGE_PANEL = re.compile(r"(Belum ada peringatan\.|.*laporan dari .* dalam \d+ menit.*)", re.S)


@pytest.fixture(scope="module")
def desk(servers, tmp_path_factory):
    """The API (with the indexer folding status events) over a corpus of 36 complaints."""
    from playwright.sync_api import sync_playwright

    data = tmp_path_factory.mktemp("desk-browser")
    alias = f"desk-browser-{uuid.uuid4().hex[:8]}"
    es = Elasticsearch(servers.elasticsearch)
    ensure_index(es, alias)
    settings = Settings(kafka_bootstrap=servers.kafka, elasticsearch_url=servers.elasticsearch, data_dir=data,
                        index_alias=alias, kafka_timeout_s=5, api_keys=SecretStr(json.dumps(KEYS)))
    from aduan.core.blobs import BlobStore
    photo = BlobStore(settings.blobs).put(ONE_PIXEL_PNG)
    marker = make.marker("meja")
    now = datetime.now(timezone.utc)
    triage = indexed(complaint_id=f"t{marker}", tracking_number="ADU-TRIA-GE01", subject=f"Jalan amblas {SCRIPT}",
                     text=f"Jalan amblas dekat pasar {marker} {SCRIPT}", needs_triage=True, confidence=0.38,
                     unit_code="ADUAN.TRIASE", routed_unit_code="ADUAN.TRIASE", unit_name="Unit Triase Pengaduan Nasional",
                     region_code="6471", region_name="Kota Balikpapan", cluster_id=f"t{marker}",
                     received_at=(now - timedelta(hours=3)).isoformat(), sla=sla("verifikasi", now - timedelta(hours=1)),
                     attachments=[{"filename": "jalan.png", "content_type": "image/png", "size_bytes": len(ONE_PIXEL_PNG),
                                   "sha256": photo, "kind": "image"}])
    similar = indexed(complaint_id=f"s{marker}", text=f"Jalan amblas lagi {marker}", cluster_id=f"t{marker}",
                      region_code="6471", received_at=(now - timedelta(hours=2)).isoformat())
    background = [indexed(complaint_id=f"b{i:02d}{marker}", text=f"Sampah menumpuk di pasar {marker} nomor {i}",
                          routed_unit_code="3171-DBM",  # as the indexer writes it: the corrections step refolds them
                          subject=f"Sampah {SCRIPT}" if i == 0 else None, topic="lingkungan" if i % 3 else "infrastruktur",
                          channel=("web", "sms", "email")[i % 3], received_at=(now - timedelta(days=i % 9, hours=i)).isoformat())
                  for i in range(34)]
    # One breached complaint the walk-through does not touch, for the dashboard's boards (zone WITA).
    background[0].update(region_code="6471", unit_code="DPUPR.6471", routed_unit_code="DPUPR.6471",
                         unit_name="Dinas Pekerjaan Umum dan Penataan Ruang Kota Balikpapan",
                         sla=sla("verifikasi", now - timedelta(hours=2)))
    for doc in [triage, similar, *background]:
        es.index(index=alias, id=doc["complaint_id"], document={k: v for k, v in doc.items() if v is not None})
    es.indices.refresh(index=alias)
    env = {**own_groups(servers.kafka, {**os.environ, "ADUAN_KAFKA_BOOTSTRAP": servers.kafka,
                                        "ADUAN_ELASTICSEARCH_URL": servers.elasticsearch, "ADUAN_DATA_DIR": str(data),
                                        "PYTHONUNBUFFERED": "1"}, "desk"), "ADUAN_INDEX_ALIAS": alias}
    shots = tmp_path_factory.mktemp("desk-screenshots")
    with running("indexer", env, data), serving(create_app(settings)) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            yield {"base": base, "browser": browser, "marker": marker, "triage": triage, "breached": background[0],
                   "background": background,
                   "kafka": servers.kafka, "now": now,
                   "shots": shots, "es": es,
                   "alias": alias}
        finally:
            browser.close()
            es.close()


def notify(bootstrap: str, es, alias: str, complaint_id: str, now: datetime) -> None:
    """What the notifier would have written for the complaint (a delivered receipt, a failed send whose
    provider error quotes the number), through the real indexer; returns once the document holds both."""
    from kafka import KafkaProducer

    from schemas.events import NotificationRecord
    from schemas.topics import NOTIFICATIONS

    records = [NotificationRecord(notification_id=f"{complaint_id}-{n}", complaint_id=complaint_id, channel="sms",
                                  provider="twilio", template=template, result=result, error=error, attempts=attempts,
                                  at=now - timedelta(minutes=minutes))
               for n, (template, result, error, attempts, minutes) in enumerate(
                   [("diterima", "delivered", None, 1, 170), ("status_update", "failed", "+6281299887766 unreachable", 3, 5)])]
    producer = KafkaProducer(bootstrap_servers=bootstrap, acks="all")
    for record in records:
        producer.send(NOTIFICATIONS.name, key=record.notification_id.encode(), value=record.model_dump_json().encode())
    producer.close()
    deadline = time.monotonic() + 30
    while len(es.get(index=alias, id=complaint_id)["_source"].get("notifications") or []) < 2:
        assert time.monotonic() < deadline, "the indexer did not fold the notifications"
        time.sleep(0.2)


def open_page(desk, key: str | None, path: str, offline: bool = False):
    """A fresh context (own sessionStorage), signed in with ``key``; every non-loopback request blocked.
    Waits are locators and expect(), never wait_for_function: that evaluates a string, which the pages'
    CSP (rightly) refuses."""
    context = desk["browser"].new_context(viewport={"width": 1400, "height": 1000}, locale="id-ID", accept_downloads=True)
    blocked: list[str] = []

    def gate(route):
        host = urlparse(route.request.url).hostname
        if host in ("127.0.0.1", "localhost") or route.request.url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()
    context.route("**/*", gate)
    page = context.new_page()
    problems: list[str] = []
    page.on("dialog", lambda dialog: (problems.append("dialog " + dialog.message), dialog.dismiss()))
    page.on("pageerror", lambda error: problems.append("error " + str(error)))
    page.on("console", lambda m: problems.append("console " + m.text) if "Content Security Policy" in m.text else None)
    page.goto(desk["base"] + path)
    if key:
        page.fill("#api-key", key)
        page.click("#login-form button[type=submit]")
    return context, page, problems, blocked


def shot(desk, page, name: str) -> None:
    path = desk["shots"] / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    print(f"screenshot: {path}")


def assert_script_is_text(page, problems) -> None:
    assert SCRIPT in page.inner_text("body")  # shown as the citizen typed it
    assert page.evaluate("window.__pwned") is None  # and never run
    assert page.locator("body script:not([src])").count() == 0
    assert problems == [], problems


def test_operator_triages_dispatches_and_the_unit_follows_up(desk):
    started = time.monotonic()
    tracking = desk["triage"]["tracking_number"]
    context, page, problems, _ = open_page(desk, "op-desk", "/desk")
    row = page.locator("#rows tr", has_text=tracking)
    row.wait_for(timeout=15_000)
    assert page.locator("[data-count=needs_triage]").inner_text() == "1"
    # The surge panel reads GET /v1/alerts (the session's alerts index: other tests' alerts, or none).
    expect(page.locator("#alert-list")).to_have_text(SURGE_PANEL)
    assert_script_is_text(page, problems)
    shot(desk, page, "desk")
    page.keyboard.press("6")  # keyboard: every open complaint
    page.locator("#rows tr").nth(24).wait_for(timeout=10_000)
    page.keyboard.press("1")
    expect(page.locator("#rows tr[data-index]")).to_have_count(1, timeout=10_000)
    page.keyboard.press("j")
    page.keyboard.press("Enter")  # the selected (first) row opens
    page.wait_for_url(f"**/desk/complaints/{tracking}")
    page.locator("#text").wait_for(timeout=10_000)
    assert "WITA" in page.inner_text("#sla-due") and "terlampaui" in page.inner_text("#sla")
    assert page.inner_text("#cluster-title") == "1 laporan serupa"
    page.locator("#attachments img.thumb").wait_for(timeout=10_000)  # fetched with the key, shown from memory
    assert_script_is_text(page, problems)
    shot(desk, page, "complaint-operator")
    # Folded now, not in the corpus: any event refolds the document, and the breached clock above is the corpus's.
    notify(desk["kafka"], desk["es"], desk["alias"], desk["triage"]["complaint_id"], desk["now"])

    def act(status: str, reason: str, unit: str | None = None) -> None:
        page.select_option("#action-status", status)
        if unit:
            page.select_option("#action-unit", unit)
        page.fill("#action-reason", reason)
        page.click("#action-submit")
        expect(page.locator("#action-result")).to_have_text(re.compile("^Tersimpan"), timeout=30_000)

    act("bukan_wewenang", "Jalan kota: PUPR Balikpapan", unit="DPUPR.6471")
    assert page.inner_text("#unit") == "Dinas Pekerjaan Umum dan Penataan Ruang Kota Balikpapan (DPUPR.6471)"  # not the old name
    assert not page.locator("#unit-label").is_visible()  # the target unit is asked for a re-route only
    act("terverifikasi", "Lokasi jelas, foto ada")
    act("terdisposisi", "Mohon ditangani")
    history = page.inner_text("#history")
    assert "Operator Meja" in history and "Mohon ditangani" in history
    notes = page.locator("#notifications li")  # the page re-read the complaint after each step
    expect(notes).to_have_count(2)
    assert notes.nth(0).inner_text().startswith("Gagal · status_update · SMS (twilio)") and "3 percobaan" in notes.nth(0).inner_text()
    assert "+6281299887766 unreachable" in notes.nth(0).inner_text() and "WITA" in notes.nth(1).inner_text()
    assert notes.nth(1).inner_text().startswith("Sampai · diterima")
    context.close()

    context, page, problems, _ = open_page(desk, "unit-desk", "/desk")  # a unit's desk opens on its open complaints
    page.locator("#rows tr", has_text=tracking).wait_for(timeout=15_000)
    assert page.inner_text("#role") == "Unit DPUPR.6471"
    assert "WITA" in page.locator("#rows tr", has_text=tracking).inner_text()  # its deadline in its own zone
    page.click(f"#rows a:text('{tracking}')")
    page.locator("#action-status").wait_for(timeout=10_000)
    assert "diarsipkan" not in page.locator("#action-status").inner_text()  # units do not archive
    expect(page.locator("#notifications li")).to_have_count(2)
    assert "6281299887766" not in page.inner_text("#notifications")  # the provider's error is the operator's
    act("ditindaklanjuti", "Tim sudah menambal jalan pada hari ini")
    assert "Tim sudah menambal" in page.inner_text("#history")
    assert_script_is_text(page, problems)
    shot(desk, page, "complaint-unit")
    context.close()
    context, page, problems, _ = open_page(desk, "other-desk", f"/desk/complaints/{tracking}")
    expect(page.locator("#load-error")).to_have_text("Laporan tidak ditemukan untuk kunci ini.")
    assert page.locator("#logout").is_visible() and problems == []
    context.close()
    doc = desk["es"].get(index=desk["alias"], id=desk["triage"]["complaint_id"])["_source"]
    assert doc["status"] == "ditindaklanjuti" and doc["unit_code"] == "DPUPR.6471"
    assert [h["actor"] for h in doc["history"]] == ["Operator Meja"] * 3 + ["PUPR Balikpapan"]
    print(f"operator + unit walk-through {time.monotonic() - started:.1f}s")


def test_operator_corrects_topic_and_cluster_and_a_unit_cannot(desk):
    import httpx

    started = time.monotonic()
    # Two infrastruktur complaints of the corpus (not the ones other tests count by topic or cluster).
    moved, target = desk["background"][3], desk["background"][6]
    context, page, problems, _ = open_page(desk, "op-desk", f"/desk/complaints/{moved['tracking_number']}")
    page.locator("#correction-form").wait_for(timeout=15_000)
    assert page.inner_text("#cluster-title") == "0 laporan serupa"

    def correct(kind: str, **fields: str) -> None:
        page.select_option("#correction-kind", kind)
        for selector, value in fields.items():
            (page.select_option if selector == "#correction-topic" else page.fill)(selector, value)
        page.fill("#correction-reason", f"koreksi {kind}")
        page.click("#correction-submit")
        expect(page.locator("#correction-result")).to_have_text("Koreksi tersimpan.", timeout=30_000)

    correct("topic", **{"#correction-topic": "perhubungan"})
    expect(page.locator("#topic")).to_have_text("Perhubungan dan Transportasi")
    correct("merge", **{"#correction-target": target["tracking_number"]})
    expect(page.locator("#cluster-title")).to_have_text("1 laporan serupa")
    assert target["tracking_number"] in page.inner_text("#cluster")
    assert "Operator Meja" in page.inner_text("#corrections") and "koreksi merge" in page.inner_text("#corrections")
    assert problems == []
    shot(desk, page, "complaint-corrected")
    context.close()
    doc = desk["es"].get(index=desk["alias"], id=moved["complaint_id"])["_source"]
    assert (doc["topic"], doc["routed_topic"], doc["cluster_id"]) == ("perhubungan", "infrastruktur", target["complaint_id"])
    assert doc["text"] == moved["text"]  # what the citizen sent is untouched
    # A unit sees its complaint's page without the correction form, and the API refuses it.
    own = desk["breached"]
    context, page, problems, _ = open_page(desk, "unit-desk", f"/desk/complaints/{own['tracking_number']}")
    page.locator("#action-status").wait_for(timeout=10_000)
    assert not page.locator("#correction-form").is_visible() and problems == []
    context.close()
    refused = httpx.post(f"{desk['base']}/v1/complaints/{own['complaint_id']}/corrections", headers={"X-API-Key": "unit-desk"},
                         json={"kind": "topic", "topic": "perhubungan"})
    assert refused.status_code == 403
    print(f"corrections walk-through {time.monotonic() - started:.1f}s")


def test_analyst_searches_filters_pages_and_downloads_the_csv(desk):
    context, page, problems, _ = open_page(desk, "an-desk", f"/search?q={desk['marker']}&size=10")
    page.locator("#results li.hit").nth(9).wait_for(timeout=15_000)
    assert "dari 36 laporan" in page.inner_text("#summary")
    assert page.locator("#results mark").count() >= 10  # highlights, as <mark> elements
    page.locator("#chart svg rect").nth(1).wait_for(state="attached", timeout=10_000)  # the per-day chart
    assert_script_is_text(page, problems)
    shot(desk, page, "search")
    page.locator("#facets button", has_text="lingkungan").click()  # a facet is a filter
    expect(page.locator("#summary")).to_contain_text("dari 22 laporan", timeout=10_000)
    seen = set(page.locator("#results li.hit a").all_inner_texts())
    page.click("#next")
    expect(page.locator("#page-no")).to_have_text("halaman 2")
    expect(page.locator("#summary")).to_have_text(re.compile("^11–20"))
    second = set(page.locator("#results li.hit a").all_inner_texts())
    assert len(seen) == len(second) == 10 and not seen & second
    with page.expect_download() as download:
        page.click("#export-csv")
    content = download.value.path().read_bytes().decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(content), delimiter=";"))
    assert len(rows) == 22 and {row["topic"] for row in rows} == {"lingkungan"}
    assert all(not row["reporter_phone"] or "*" in row["reporter_phone"] for row in rows)
    print(f"CSV: {download.value.suggested_filename}, {len(rows)} rows")
    context.close()


def test_every_page_shows_script_as_text_and_docs_render_offline(desk):
    context, page, problems, blocked = open_page(desk, "op-desk", "/dashboard")
    page.locator("#breached li", has_text=desk["breached"]["tracking_number"]).wait_for(timeout=15_000)
    page.locator("#chart-hourly svg").wait_for(timeout=10_000)
    expect(page.locator("#chart-backlog svg rect")).to_have_count(14)
    assert "WITA" in page.inner_text("#breached")
    expect(page.locator("#alerts-board")).to_have_text(SURGE_PANEL)
    expect(page.locator("#feed li")).to_have_count(10)  # the feed starts with the latest open complaints
    assert_script_is_text(page, problems)
    shot(desk, page, "dashboard")
    context.close()
    for path, ready in (("/docs", ".swagger-ui .opblock"), ("/redoc", "[role=menuitem], .menu-content")):
        context, page, problems, blocked = open_page(desk, None, path)
        page.locator(ready).first.wait_for(timeout=30_000)
        assert "/v1/search" in page.inner_text("body")
        # ReDoc's sidebar links its vendor's logo from their CDN: the CSP refuses it before any request
        # (blocked stays empty), which is what offline means; anything else refused would be a defect.
        problems = [p for p in problems if "https://cdn.redoc.ly/redoc/logo-mini.svg" not in p]
        assert blocked == [] and problems == [], (blocked, problems)
        shot(desk, page, path.strip("/"))
        context.close()
