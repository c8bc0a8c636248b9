"""The stream worker killed with SIGKILL in the middle of a 20,000-complaint load, then restarted."""

from __future__ import annotations

import os
import signal
import time
from datetime import datetime, timezone

import pytest
from kafka import KafkaProducer

from schemas.events import CHANNELS, Complaint
from schemas.topics import RAW
from tests import factories as make
from tests.faults.searchable import Supervised, assert_exactly_once, searchable_count, wait_all_searchable
from tests.workers import log_tail, running

pytestmark = [pytest.mark.integration, pytest.mark.faults]

TOTAL = int(os.environ.get("ADUAN_FAULT_LOAD", "20000"))
ISSUES = ["Jalan berlubang besar", "Lampu jalan mati", "Sampah tidak diangkut", "Air PDAM tidak mengalir",
          "Listrik padam berulang", "Saluran air tersumbat", "Pohon tumbang menutup jalan", "Banjir setinggi lutut"]
PLACES = ["Cibiru", "Coblong", "Tembalang", "Rungkut", "Lowokwaru", "Laweyan", "Umbulharjo", "Rappocini",
          "Kuta", "Abepura", "Sukarame", "Medan Johor", "Kebayoran Baru", "Depok", "Sleman"]


def load(run: str, total: int) -> list[Complaint]:
    """What intake would have published: canonical complaints, no reporter (so none is an exact duplicate
    of another), a run marker in every text and a distinct RT/RW so near duplicates stay separate cases."""
    now = datetime.now(timezone.utc)
    return [make.complaint(channel=CHANNELS[i % len(CHANNELS)], provider_message_id=f"{run}-{i}", received_at=now,
                           text=f"{ISSUES[i % len(ISSUES)]} di Kecamatan {PLACES[i % len(PLACES)]} RT {i % 997} "
                                f"RW {i // 997} laporan {run}")
            for i in range(total)]


@pytest.mark.timeout(600)
def test_worker_killed_mid_load_and_restarted_every_complaint_searchable_once(servers, fault_env, es, alias, run_id,
                                                                               tmp_path):
    marker = f"uji{run_id}"
    complaints = load(marker, TOTAL)
    started = time.monotonic()
    producer = KafkaProducer(bootstrap_servers=servers.kafka, acks="all", linger_ms=20, batch_size=256 * 1024)
    for c in complaints:
        producer.send(RAW[c.channel].name, key=c.complaint_id.encode(), value=c.model_dump_json().encode())
    producer.flush()
    producer.close()
    produced_s = time.monotonic() - started

    with running("indexer", fault_env, tmp_path / "indexer") as indexer_child:
        indexer = Supervised(indexer_child)
        with running("worker", fault_env, tmp_path / "worker") as worker:
            deadline = time.monotonic() + 180
            while (at_kill := searchable_count(es, alias, marker)) < TOTAL // 20:
                assert worker.alive(), log_tail(worker)
                indexer.alive()
                assert time.monotonic() < deadline, f"only {at_kill} searchable before the kill"
                time.sleep(0.5)
            os.killpg(worker.process.pid, signal.SIGKILL)  # no goodbye: batches in flight, offsets uncommitted
            worker.process.wait()
        killed_at = time.monotonic()
        assert at_kill < TOTAL, "the load finished before the kill: nothing was in flight"
        with running("worker", fault_env, tmp_path / "worker") as restarted:
            restarted_s = time.monotonic() - killed_at
            waited = wait_all_searchable(es, alias, marker, TOTAL, timeout_s=300,
                                         alive=lambda: restarted.alive() and indexer.alive())
    total_s = time.monotonic() - started
    print(f"\nproduced {TOTAL} in {produced_s:.1f}s; {at_kill} searchable at the kill; restarted worker ready in "
          f"{restarted_s:.1f}s; all searchable {waited:.1f}s after that; {TOTAL / total_s:.0f} complaints/s end to end "
          f"({total_s:.1f}s); indexer restarts after a crash: {len(indexer.restarts)} {indexer.restarts}")
    assert_exactly_once(es, alias, marker, {c.complaint_id for c in complaints}, accepted=TOTAL,
                        label="worker kill -9")
