"""The operations dashboard in a real browser over the real pipeline.

Debian's ``chromium`` driven by Playwright for Python (no downloaded browser build): sign in with an
operator key, submit a complaint whose text carries markup through the web channel, watch it arrive
in the live feed through worker → complaints.routed → SSE, and check that the markup was rendered as
text (no element injected, no dialog fired). A screenshot is left in ``artifacts/dashboard.png``.
"""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import httpx
import pytest
from pydantic import SecretStr

from aduan.api import create_app
from tests.consumers.test_live import serving
from tests.consumers.test_search_api import with_dashboard
from tests.workers import own_groups, running_together
from tests import factories as make

pytestmark = pytest.mark.e2e

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"]
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
PAYLOAD = "<img src=x onerror=alert(1)>"
KEYS = {"op-browser": {"role": "operator", "name": "Operator"}}


@pytest.fixture
def sync_playwright():
    # No skip: the README's test command installs Playwright and Debian's chromium, and a skipped
    # browser test would let CI pass without ever opening the dashboard.
    from playwright.sync_api import sync_playwright as playwright

    assert Path(CHROMIUM).exists() or shutil.which("chromium"), "apt-get install chromium"
    return playwright


def test_live_feed_shows_a_new_complaint_as_text(servers, settings, server_env, tmp_path, sync_playwright):
    app = with_dashboard(create_app(settings.model_copy(update={"api_keys": SecretStr(json.dumps(KEYS))})))
    marker = make.marker("dasbor")
    env = own_groups(servers.kafka, server_env, "dashboard")
    with running_together(["worker", "indexer"], env, tmp_path), serving(app) as base, \
            sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000}, locale="id-ID")
            dialogs, errors = [], []
            page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.goto(f"{base}/dashboard")
            page.fill("#api-key", "op-browser")
            page.click("#login-form button[type=submit]")
            page.wait_for_selector("#connection.online", timeout=30_000)  # subscribed at the end of the topic
            assert page.evaluate("sessionStorage.getItem('aduan.apiKey')") == "op-browser"

            started = time.monotonic()
            response = httpx.post(f"{base}/v1/complaints", timeout=10, json={
                "subject": f"Jalan rusak {marker}", "text": f"Jalan berlubang dekat pasar {marker} {PAYLOAD}"})
            assert response.status_code == 202, response.text
            item = page.locator("#feed li", has_text=marker)
            item.wait_for(timeout=60_000)
            print(f"complaint in the live feed {time.monotonic() - started:.2f}s after the POST")

            assert PAYLOAD in item.inner_text()  # shown as the citizen typed it
            assert page.locator("img").count() == 0  # and never parsed as markup
            page.wait_for_timeout(500)  # an onerror handler would have fired by now
            assert dialogs == [] and errors == []

            # The figures refresh every 10 s: the new web complaint shows up in the channel rates.
            page.locator("#rates tr", has_text="Web").wait_for(timeout=30_000)
            assert page.locator("#resolution tr").count() >= 1
            assert "selesai" in page.locator("#resolution").inner_text()

            ARTIFACTS.mkdir(exist_ok=True)
            screenshot = ARTIFACTS / "dashboard.png"
            page.screenshot(path=str(screenshot), full_page=True)
            print(f"screenshot: {screenshot}")
        finally:
            browser.close()
