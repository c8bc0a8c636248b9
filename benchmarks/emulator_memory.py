"""What makes the emulator's memory grow: a bare `noida-db` (no aduan process), one kind of write at a time.

    python benchmarks/emulator_memory.py [EXPERIMENT ...] [--n 20000] [--json]

Experiments (default: all), each on a fresh emulator in its own temporary data dir; RSS (the emulator's
process tree) and the data dir's size are printed after every step:

- ``kafka-plain``: N records of 1.5 KB (a routed complaint's size) to a plain 6-partition topic.
- ``kafka-small``: N records of 150 B (a raw record's size): is the cost per record or per byte?
- ``kafka-compacted``: N records of 1.1 KB (a dedup changelog record) to a compacted topic, N/4 keys
  (every key written four times): does compaction give anything back?
- ``kafka-topics``: 60 topics × 6 partitions, then the plain-topic load: does the count of
  topics/partitions cost?
- ``es-index``: N documents of ~2.5 KB (an indexed complaint's size), bulk, refresh between bulks.
- ``es-update``: N/4 documents, each then rewritten 4 times by ``_id`` with ``if_seq_no`` OCC (what
  the indexer does while a complaint moves through its lifecycle): cost per version or per document?
- ``es-read``: the es-index load, then term searches and GETs by id (a fifth of N each) (the soak's probe,
  the API's content-digest lookup), then searches, counts and aggregations: do reads cost memory?
- ``restart``: the kafka-plain and es-index loads, then ``kill -9`` and a start on the same data dir,
  then SIGTERM and a start: does a restart give memory back?
- ``delete-records``: the kafka-plain load, then DeleteRecords up to the high watermark on every
  partition, and ``_delete_by_query`` of every document: can we apply retention ourselves?
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import psutil  # noqa: E402
from elasticsearch import helpers  # noqa: E402
from kafka import TopicPartition  # noqa: E402
from kafka.admin import NewTopic  # noqa: E402

from aduan.core.connections import elasticsearch, kafka_admin, kafka_consumer, kafka_producer  # noqa: E402
from aduan.stack import Child, start_emulator, wait_emulator  # noqa: E402

STEPS = 4
WORDS = ("jalan rusak berlubang di depan sekolah dasar mohon segera diperbaiki karena membahayakan "
         "pengendara motor dan anak anak yang berangkat pagi lampu penerangan jalan mati sejak minggu lalu").split()


def rss_mib(child: Child) -> float:
    try:
        process = psutil.Process(child.process.pid)
        return sum(p.memory_info().rss for p in [process, *process.children(recursive=True)]) / 2 ** 20
    except psutil.Error:
        return 0.0


def du_mib(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 2 ** 20


def text(i: int, size: int) -> str:
    words, out, length = WORDS, [], 0
    while length < size:
        out.append(words[(i * 7 + len(out) * 13) % len(words)])
        length += len(out[-1]) + 1
    return " ".join(out)[:size]


def value(i: int, size: int) -> bytes:
    return json.dumps({"complaint_id": f"c-{i:08d}", "text": text(i, size - 40)}).encode()


def document(i: int, version: int = 0) -> dict:
    return {"complaint_id": f"c-{i:08d}", "status": ("received", "routed", "assigned", "in_progress", "closed")[version % 5],
            "text": text(i, 900), "text_public": text(i + 1, 900), "category": ("jalan", "air", "listrik")[i % 3],
            "region": {"province": "Jawa Barat", "regency": "Kota Bandung", "code": f"32.73.{i % 30:02d}"},
            "received_at": f"2026-12-01T{(i // 3600) % 24:02d}:{(i // 60) % 60:02d}:{i % 60:02d}Z",
            "history": [{"status": "received", "at": "2026-12-01T00:00:00Z", "version": v} for v in range(version + 1)]}


class Bench:
    def __init__(self, name: str, n: int) -> None:
        self.name, self.n = name, n
        self.workdir = Path(tempfile.mkdtemp(prefix=f"emu-{name}-"))
        self.data = self.workdir / "noida"
        self.child, self.kafka, self.es_url = start_emulator(self.data, self.workdir / "emulator.log")
        self.es = elasticsearch(self.es_url, request_timeout=120)
        self.rows: list[dict] = []
        self.started = time.monotonic()
        self.mark("idle")

    def mark(self, step: str, **extra) -> None:
        time.sleep(2.5)  # let a persistence round pass, so its buffers are counted as they are in use
        row = {"experiment": self.name, "step": step, "rss_mib": round(rss_mib(self.child), 1),
               "data_mib": round(du_mib(self.data), 1), "t_s": round(time.monotonic() - self.started, 1),
               "cpu_s": round(self.cpu_s(), 1), **extra}
        self.rows.append(row)
        print(json.dumps(row), flush=True)

    def cpu_s(self) -> float:
        try:
            process = psutil.Process(self.child.process.pid)
            return sum(sum(p.cpu_times()[:2]) for p in [process, *process.children(recursive=True)])
        except psutil.Error:
            return 0.0

    def producer(self):
        return kafka_producer(self.kafka, "emulator-memory")

    def topic(self, name: str, partitions: int = 6, compacted: bool = False) -> None:
        admin = kafka_admin(self.kafka)
        try:
            admin.create_topics([NewTopic(name, partitions, 1, topic_configs={"cleanup.policy": "compact"} if compacted else {})])
        finally:
            admin.close()

    def produce(self, topic: str, count: int, size: int, keys: int | None = None, label: str = "records",
                offset: int = 0) -> None:
        producer = self.producer()
        per_step = count // STEPS
        for step in range(STEPS):
            for i in range(offset + step * per_step, offset + (step + 1) * per_step):
                key = f"k-{i % keys if keys else i:08d}".encode()
                producer.send(topic, key=key, value=value(i, size))
            producer.flush()
            self.mark(f"{label} {(step + 1) * per_step}")
        producer.close()

    def index(self, count: int, offset: int = 0, label: str = "documents") -> None:
        per_step = count // STEPS
        for step in range(STEPS):
            start = offset + step * per_step
            for chunk in range(start, start + per_step, 500):
                helpers.bulk(self.es, ({"_index": "complaints", "_id": f"c-{i:08d}", "_source": document(i)}
                                       for i in range(chunk, min(chunk + 500, start + per_step))))
                self.es.indices.refresh(index="complaints")
            self.mark(f"{label} {(step + 1) * per_step}")

    def kill9_and_start(self, sig: int = signal.SIGKILL) -> None:
        self.child.signal_group(sig)
        self.child.process.wait(30)
        self.child.start()
        wait_emulator(self.child, self.kafka, self.es_url)

    def close(self) -> None:
        self.es.close()
        self.child.stop()


def run(name: str, n: int) -> list[dict]:
    bench = Bench(name, n)
    try:
        if name == "kafka-plain":
            bench.topic("plain")
            bench.produce("plain", n, 1500)
        elif name == "kafka-small":
            bench.topic("small")
            bench.produce("small", n, 150)
        elif name == "kafka-compacted":
            bench.topic("compacted", compacted=True)
            bench.produce("compacted", n, 1100, keys=n // 4, label="records (n/4 keys)")
        elif name == "kafka-topics":
            for t in range(60):
                bench.topic(f"many-{t}")
            bench.mark("60 topics × 6 partitions")
            bench.topic("plain")
            bench.produce("plain", n, 1500)
        elif name == "es-index":
            bench.index(n)
        elif name == "es-update":
            docs = n // 4
            bench.index(docs, label="documents")
            for version in range(1, 5):
                for chunk in range(0, docs, 500):
                    ids = [f"c-{i:08d}" for i in range(chunk, min(chunk + 500, docs))]
                    current = bench.es.mget(index="complaints", ids=ids, source=False)["docs"]
                    helpers.bulk(bench.es, ({"_index": "complaints", "_id": d["_id"], "if_seq_no": d["_seq_no"],
                                             "if_primary_term": d["_primary_term"],
                                             "_source": document(int(d["_id"][2:]), version)} for d in current))
                    bench.es.indices.refresh(index="complaints")
                bench.mark(f"every document rewritten ×{version}")
        elif name == "es-read":
            bench.index(n)
            reads = n // 5
            for round_ in range(1, 3):  # searches for one complaint id each, and GETs by id of absent ones
                for i in range(reads):
                    bench.es.search(index="complaints", query={"term": {"complaint_id.keyword": f"c-{i:08d}"}})
                    bench.es.options(ignore_status=404).get(index="complaints", id=f"c-{i + n * round_:08d}")
                bench.mark(f"{reads} searches by id and {reads} GETs ×{round_}")
            for round_ in range(1, 4):
                for i in range(100):
                    bench.es.search(index="complaints", query={"match": {"text": WORDS[i % len(WORDS)]}}, size=20)
                    bench.es.count(index="complaints")
                    bench.es.search(index="complaints", size=0, aggs={
                        "c": {"terms": {"field": "category.keyword"}},
                        "d": {"date_histogram": {"field": "received_at", "calendar_interval": "hour"}}})
                bench.mark(f"300 reads ×{round_}")
        elif name == "restart":
            bench.topic("plain")
            bench.produce("plain", n * 3, 1200, label="records")
            bench.index(n)
            bench.kill9_and_start()
            bench.mark("after kill -9 and start")
            bench.kill9_and_start(signal.SIGTERM)
            bench.mark("after SIGTERM and start")
        elif name == "delete-records":
            bench.topic("plain")
            bench.produce("plain", n, 1500)
            bench.rows[-1]["deleted"] = delete_records(bench)
            bench.mark("after DeleteRecords to the high watermark", deleted=bench.rows[-1]["deleted"])
            bench.index(n // 2)
            deleted = bench.es.delete_by_query(index="complaints", query={"match_all": {}}, refresh=True)["deleted"]
            bench.mark("after _delete_by_query of every document", deleted=deleted)
            bench.es.indices.forcemerge(index="complaints")
            bench.mark("after _forcemerge")
        else:
            raise SystemExit(f"unknown experiment {name}")
    finally:
        bench.close()
    return bench.rows


def delete_records(bench: Bench) -> str:
    """DeleteRecords (Kafka API 21) up to each partition's high watermark; the log start offsets after."""
    admin = kafka_admin(bench.kafka)
    consumer = kafka_consumer(bench.kafka, group=None, client_id="emulator-memory")
    try:
        parts = [TopicPartition("plain", p) for p in consumer.partitions_for_topic("plain")]
        ends = consumer.end_offsets(parts)
        try:
            admin.delete_records({p: ends[p] for p in parts})
        except Exception as exc:  # noqa: BLE001 - the point is to see whether the emulator supports it
            return f"failed: {type(exc).__name__}: {exc}"
        starts = consumer.beginning_offsets(parts)
        return f"ok: log start offsets {sorted(starts.values())}, ends {sorted(ends.values())}"
    finally:
        consumer.close()
        admin.close()


EXPERIMENTS = ("kafka-plain", "kafka-small", "kafka-compacted", "kafka-topics", "es-index", "es-update", "es-read",
               "restart", "delete-records")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("experiments", nargs="*", default=list(EXPERIMENTS))
    parser.add_argument("--n", type=int, default=20000)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    # A timeout's SIGTERM unwinds through run()'s finally, which stops the emulator (else it is orphaned).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    rows = [row for name in args.experiments for row in run(name, args.n)]
    if args.json:
        print(json.dumps(rows))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    main()
