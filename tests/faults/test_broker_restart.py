"""The broker restarted under intake load: the journal answers while Kafka does not (its 202s are on disk and
forwarded once the broker is back), and every 202 is searchable exactly once."""

from __future__ import annotations

import threading
import time
from collections import Counter

import pytest
from fastapi.testclient import TestClient

from aduan.api import create_app
from schemas.ids import complaint_id
from tests.faults.searchable import Supervised, assert_exactly_once, wait_all_searchable
from tests.workers import running

pytestmark = [pytest.mark.integration, pytest.mark.faults]

OUTAGE_S = 10


class Citizen:
    """A client that POSTs complaints one after another and, like a real client, retries a 503 with
    the same Idempotency-Key after Retry-After until it gets 202."""

    def __init__(self, client: TestClient, marker: str) -> None:
        self.client = client
        self.marker = marker
        self.statuses: Counter[int] = Counter()
        self.retries = 0
        self.accepted: dict[str, str] = {}  # Idempotency-Key -> complaint_id the 202 named
        self.attempted: list[str] = []
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            key = f"{self.marker}-{len(self.attempted)}"
            self.attempted.append(key)
            body = {"text": f"Jalan berlubang di Kecamatan Coblong RT {len(self.attempted)} laporan {self.marker}"}
            while True:
                response = self.client.post("/v1/complaints", json=body, headers={"Idempotency-Key": key})
                self.statuses[response.status_code] += 1
                if response.status_code == 202:
                    self.accepted[key] = response.json()["complaint_id"]
                    break
                assert response.status_code == 503, (response.status_code, response.text)
                self.retries += 1
                time.sleep(float(response.headers.get("Retry-After", "1")))


def test_broker_restarted_under_load_every_202_searchable_once(servers, settings, fault_env, es, alias, run_id,
                                                               tmp_path):
    marker = f"uji{run_id}"
    app = create_app(settings.model_copy(update={"kafka_timeout_s": 2, "intake_rate_per_minute": 0,
                                                 "index_alias": alias}))
    started = time.monotonic()
    with running("indexer", fault_env, tmp_path / "indexer") as indexer_child, \
            running("worker", fault_env, tmp_path / "worker") as worker, \
            TestClient(app, raise_server_exceptions=False) as client:
        indexer = Supervised(indexer_child)
        citizen = Citizen(client, marker)
        load = threading.Thread(target=citizen.run, daemon=True)
        load.start()
        time.sleep(5)
        before_outage = len(citizen.accepted)
        servers.service("stop", "kafka")
        try:
            time.sleep(OUTAGE_S)
        finally:
            servers.service("start", "kafka")
        during_outage = len(citizen.accepted) - before_outage
        restarted_at, recovered_s = time.monotonic(), None
        while recovered_s is None or time.monotonic() - restarted_at < recovered_s + 10:
            if recovered_s is None and citizen.statuses[202] and len(citizen.accepted) > before_outage + during_outage:
                recovered_s = time.monotonic() - restarted_at  # the same app accepts again: no restart needed
            assert time.monotonic() - restarted_at < 90, f"intake did not recover: {dict(citizen.statuses)}"
            assert load.is_alive(), "the client thread failed (an answer other than 202/503)"
            time.sleep(0.5)
        citizen.stop.set()
        load.join(timeout=30)
        assert not load.is_alive()
        waited = wait_all_searchable(es, alias, marker, len(citizen.accepted), timeout_s=180,
                                     alive=lambda: worker.alive() and indexer.alive())
        deferred = app.state.publisher.deferred
    total_s = time.monotonic() - started
    print(f"\n202: {citizen.statuses[202]}, 503: {citizen.statuses[503]}, retries: {citizen.retries}, "
          f"accepted before the outage {before_outage}, during {during_outage}, intake recovered "
          f"{recovered_s:.1f}s after the broker came back (same API process); all searchable {waited:.1f}s after "
          f"the load; {total_s:.1f}s in all; indexer restarts after a crash: {len(indexer.restarts)}; "
          f"answered from the journal alone: {deferred}")
    assert deferred + citizen.statuses[503] > 0, "the outage never reached the callers: the test proved nothing"
    assert set(citizen.accepted) == set(citizen.attempted), "a complaint was abandoned without a 202"
    for key, cid in citizen.accepted.items():  # the 202 named the id the complaint is indexed under
        assert cid == complaint_id("web", key)
    assert_exactly_once(es, alias, marker, set(citizen.accepted.values()), accepted=len(citizen.accepted),
                        label="broker restart")
