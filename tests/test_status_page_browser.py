"""The public status page in a real browser (Debian chromium + Playwright), documents folded by the real
fold into the emulated search server: the form, the page of each privacy, no contact or text anywhere,
no script needed, the one-time answer buttons publishing the citizen's answer; and the JSON twin with
equal answer times for known and unknown numbers."""

from __future__ import annotations

import json
import time
import uuid
from datetime import timedelta

import pytest
from elasticsearch import Elasticsearch

from aduan.api import create_app
from consumers.cases.document import fold
from consumers.notify.links import answer_link
from consumers.sinks.index import ensure_index
from schemas.events import CitizenAnswer, utcnow
from schemas.topics import ANSWERS
from tests import factories as make
from tests.consumers.test_live import serving
from tests.servers import read_topic
from tests.test_dashboard_browser import CHROMIUM, CHROMIUM_ARGS, sync_playwright  # noqa: F401 (fixture)

pytestmark = pytest.mark.e2e


def test_status_page_shows_the_public_status_only(servers, settings, sync_playwright) -> None:  # noqa: F811
    es = Elasticsearch(servers.elasticsearch)
    alias = f"test-status-{uuid.uuid4().hex[:8]}"
    ensure_index(es, alias)
    secret = make.marker("rahasia")
    docs = {}
    now = utcnow()
    for privacy in ("publik", "anonim", "rahasia"):
        routed = make.routed(text=f"{secret} hubungi 081234567890", privacy=privacy, channel="sms",
                             reporter=make.reporter(email="budi@example.com"), unit_name="Dinas PUPR Kota Bandung",
                             received_at=now - timedelta(days=2))
        events = [routed, make.status(routed.complaint_id, "terverifikasi", reason=f"internal {secret}",
                                      at=now - timedelta(days=1)),
                  make.status(routed.complaint_id, "terdisposisi", at=now - timedelta(hours=5)),
                  make.status(routed.complaint_id, "ditindaklanjuti", reason="Sudah ditambal, info 081299998888",
                              actor="unit-budi", actor_role="unit", at=now - timedelta(hours=1))]
        doc = fold(None, events, now).doc
        es.index(index=alias, id=routed.complaint_id, document=doc, refresh=True)
        docs[privacy] = doc
    app = create_app(settings.model_copy(update={"index_alias": alias}))
    forbidden = (secret, "081234567890", "081299998888", "budi@example.com", "+6281234567890", "Budi", "unit-budi")
    try:
        with serving(app) as base, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            page = browser.new_context(java_script_enabled=False, locale="id-ID").new_page()
            for privacy, doc in docs.items():
                page.goto(f"{base}/status")
                page.fill("#nomor", doc["tracking_number"].lower())
                page.click("button[type=submit]")
                assert page.locator("#status").inner_text() == "Ditindaklanjuti"
                shown = page.content()
                assert "WIB" in shown and "Dinas PUPR Kota Bandung" in shown
                assert [word for word in forbidden if word in shown] == [], privacy
                assert ("Sudah ditambal" in shown) == (privacy != "rahasia")
                assert "Apakah masalah Anda sudah selesai?" not in shown  # no buttons without the link
            doc = docs["anonim"]
            question = doc["history"][-1]["event_id"]
            page.goto(answer_link(settings, doc["tracking_number"], doc["complaint_id"], question).replace(
                "http://127.0.0.1:8000", base))
            page.click("button[value=YA]")
            assert "Terima kasih" in page.content()
            browser.close()

        answers = [CitizenAnswer.model_validate_json(r.value) for r in read_topic(servers.kafka, ANSWERS.name)]
        mine = [a for a in answers if a.complaint_id == doc["complaint_id"]]
        assert [(a.kind, a.payload, a.context_message_id) for a in mine] == [("status_page", "YA", question)]
    finally:
        es.close()


def test_json_status_hides_the_reporter_and_times_unknown_numbers_alike(servers, settings) -> None:
    from fastapi.testclient import TestClient

    es = Elasticsearch(servers.elasticsearch)
    alias = f"test-status-{uuid.uuid4().hex[:8]}"
    ensure_index(es, alias)
    routed = make.routed(reporter=make.reporter(email="budi@example.com"), unit_name="Dinas PU")
    es.index(index=alias, id=routed.complaint_id, document=fold(None, [routed], utcnow()).doc, refresh=True)
    app = create_app(settings.model_copy(update={"index_alias": alias, "status_rate_per_minute": 12}))
    with TestClient(app) as client:
        known = client.get(f"/v1/public/status/{routed.tracking_number}")
        body = json.dumps(known.json())
        assert known.status_code == 200 and known.json()["status"] == "diterima"
        assert "budi@example.com" not in body and routed.text not in body and "reporter" not in body

        def took(number: str) -> float:
            started = time.monotonic()
            client.get(f"/v1/public/status/{number}")
            return time.monotonic() - started

        timings = {n: sorted(took(n) for _ in range(3))[1] for n in (routed.tracking_number, "ADU-0000-0001", "x")}
        assert all(0.15 <= t < 0.3 for t in timings.values()), timings
        statuses = [client.get("/v1/public/status/ADU-0000-0002").status_code for _ in range(5)]
        assert statuses[-1] == 429 and 404 in statuses  # 12 per minute: the 13th request is refused
    es.close()
