"""The emulator stalled (SIGSTOP) under load, then resumed (SIGCONT): intake keeps answering from the
journal while the broker answers nothing, and afterwards every acknowledged complaint is searchable
exactly once. Before the journal and the producer reset, every request after such a stall answered
503 for minutes."""

from __future__ import annotations

import os
import signal
import threading
import time

import httpx
import psutil
import pytest
from elasticsearch import Elasticsearch

from aduan.ports import free_port
from schemas.ids import complaint_id
from tests import factories as make
from tests.faults.searchable import assert_exactly_once, wait_all_searchable
from tests.faults.test_power_cut import Citizens, start

pytestmark = [pytest.mark.e2e, pytest.mark.faults]

STALL_S = float(os.environ.get("ADUAN_STALL_S", "30"))


@pytest.mark.timeout(600)
def test_a_stalled_emulator_is_answered_by_the_journal_and_nothing_is_lost(tmp_path):
    env = {**os.environ, "ADUAN_DATA_DIR": str(tmp_path / "data"), "PYTHONUNBUFFERED": "1",
           "ADUAN_INTAKE_RATE_PER_MINUTE": "0", "ADUAN_KAFKA_TIMEOUT_S": "3"}
    env.pop("ADUAN_KAFKA_BOOTSTRAP", None)
    env.pop("ADUAN_ELASTICSEARCH_URL", None)
    up, fields = start(env, free_port())
    citizens = Citizens(make.marker("macet"), timeout_s=30)  # longer than the API waits for the broker
    load = threading.Thread(target=citizens.run, daemon=True)
    try:
        citizens.api = fields["api"]
        load.start()
        time.sleep(4)
        [emulator] = [p for p in psutil.Process(up.pid).children() if "noida" in " ".join(p.cmdline())]
        before = len(citizens.accepted)
        os.killpg(emulator.pid, signal.SIGSTOP)  # its whole process group: the server is a child of it
        try:
            time.sleep(STALL_S / 2)
            health = httpx.get(f"{fields['api']}/healthz", timeout=10)
            time.sleep(STALL_S / 2)
        finally:
            os.killpg(emulator.pid, signal.SIGCONT)
        during = len(citizens.accepted) - before
        resumed = time.monotonic()
        time.sleep(6)
        citizens.stop.set()
        load.join(15)
        with Elasticsearch(fields["elasticsearch"], request_timeout=60) as es:
            wait_all_searchable(es, "aduan-complaints", citizens.marker, len(citizens.accepted), timeout_s=240)
            expected = {complaint_id("web", key) for key in citizens.accepted}
            assert_exactly_once(es, "aduan-complaints", citizens.marker, expected, len(citizens.accepted),
                                f"emulator stalled {STALL_S:.0f}s")
        print(f"stalled {STALL_S:.0f}s: {during} complaints acknowledged during the stall (from the journal), "
              f"/healthz said {health.status_code} {health.json()}; all {len(citizens.accepted)} searchable "
              f"{time.monotonic() - resumed:.1f}s after SIGCONT")
        assert during > 0, "nothing was acknowledged during the stall: the journal did not answer"
        assert health.status_code == 503 and "kafka" in health.json()["down"]
    finally:
        citizens.stop.set()
        if up.poll() is None:
            up.send_signal(signal.SIGINT)
            up.wait(90)
