"""The surge process's CPU on the real broker: 3,000 routed complaints of one city at 250/s (the bench's rate),
consumed by `aduan surge`, CPU seconds of the process from the first send until its group has committed them all.

    python benchmarks/surge_process.py [BATCH_S ...]   (default: 0.05 1.0 0.05 1.0, interleaved)

The first value is the baseline of the same run (50 ms, the stage's micro-batch); ADUAN_SURGE_BATCH_S sets the
process's longest micro-batch.
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
import time
import uuid
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
import psutil  # noqa: E402
from kafka import TopicPartition  # noqa: E402

from aduan.core.connections import kafka_consumer, kafka_producer  # noqa: E402
from aduan.ports import wait_until  # noqa: E402
from schemas.events import Complaint, RoutedComplaint  # noqa: E402
from schemas.topics import ROUTED  # noqa: E402
from tests.servers import running_emulator  # noqa: E402
from tests.workers import running, start_at_end  # noqa: E402

KEC = ["Coblong", "Sukajadi", "Cicendo", "Andir", "Lengkong", "Regol", "Bojongloa Kaler", "Astanaanyar", "Sumur Bandung", "Cibeunying Kidul"]
TOPICS = ["infrastruktur", "kebersihan", "air_bersih", "energi", "kesehatan", "pendidikan", "transportasi"]

def make(run: str, n: int, at: float) -> RoutedComplaint:
    k, t = random.choice(KEC), random.choice(TOPICS)
    c = Complaint.new(channel="web", provider_message_id=f"{run}-{n}",
                      text=f"Keluhan {t} di Kec. {k} Kota Bandung, mohon ditindak nomor {n}",
                      received_at=datetime.fromtimestamp(at, timezone.utc))
    return RoutedComplaint(**c.model_dump(), topic=t, confidence=0.9, unit_code="DINAS.TEST", region_code="3273",
                           cluster_id=c.complaint_id)

def lag_zero(bootstrap: str, group: str) -> bool:
    c = kafka_consumer(bootstrap, group=group, client_id="bench-surge-lag")
    try:
        tps = [TopicPartition(ROUTED.name, p) for p in c.partitions_for_topic(ROUTED.name)]
        ends = c.end_offsets(tps)
        return all((c.committed(tp) or 0) >= ends[tp] for tp in tps)
    finally:
        c.close()

def one(batch_s: float, n: int = 3000, rate: float = 250.0) -> tuple[float, float]:
    random.seed(1)
    with tempfile.TemporaryDirectory() as d:
        d = Path(d)
        with running_emulator(d) as servers:
            run = uuid.uuid4().hex[:8]
            app_id = f"surge-cpu-{run}"
            env = {**os.environ, "ADUAN_KAFKA_BOOTSTRAP": servers.kafka, "ADUAN_ELASTICSEARCH_URL": servers.elasticsearch,
                   "ADUAN_DATA_DIR": str(d), "ADUAN_SURGE_APP_ID": app_id, "ADUAN_SURGE_BATCH_S": str(batch_s), "PYTHONUNBUFFERED": "1"}
            p = kafka_producer(servers.kafka, "bench-surge", linger_ms=5)
            # One record first creates the topic, so the group can start at its end.
            p.send(ROUTED.name, key=b"x", value=make(run, -1, time.time()).model_dump_json().encode())
            p.flush()
            start_at_end(servers.kafka, app_id, [ROUTED.name])
            events = [make(run, i, 1.7e9 + i / rate) for i in range(n)]
            payloads = [(e.complaint_id.encode(), e.model_dump_json().encode()) for e in events]
            with running("surge", env, d) as child:
                proc = psutil.Process(child.process.pid)
                time.sleep(3)
                c0, t0 = sum(proc.cpu_times()[:2]), time.monotonic()
                for i, (k, v) in enumerate(payloads):
                    p.send(ROUTED.name, key=k, value=v)
                    due = t0 + (i + 1) / rate
                    if due > time.monotonic():
                        time.sleep(due - time.monotonic())
                p.flush()
                wait_until(lambda: lag_zero(servers.kafka, app_id), 120, "surge caught up")
                c1, t1 = sum(proc.cpu_times()[:2]), time.monotonic()
            return c1 - c0, t1 - t0

if __name__ == "__main__":
    for b in sys.argv[1:] or ["0.05", "1.0", "0.05", "1.0"]:
        cpu, wall = one(float(b))
        print(f"ADUAN_SURGE_BATCH_S={b}: surge CPU {cpu:.2f} s for 3,000 routed at 250/s (caught up after {wall:.1f} s)",
              flush=True)
