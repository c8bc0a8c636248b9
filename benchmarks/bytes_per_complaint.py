"""Bytes written per complaint: every topic (faust's changelogs included), the index, the journal, blobs.

    python benchmarks/bytes_per_complaint.py [--complaints 1000] [--rate 50] [--json]

Starts a fresh local stack (`LocalStack`) in a temporary data dir, sends ``--complaints`` messages of
the simulator's realistic mix (web, SMS, social, with 5 % deliberate resends) through the real
endpoints, waits until the index stops growing, then reads every topic from its beginning and sums
key + value + header bytes per topic, and asks the search server for the index's stored bytes. Also
the emulator's RSS and files before and after: what one complaint costs the local stack's memory.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402
import psutil  # noqa: E402
from kafka import TopicPartition  # noqa: E402

from aduan.core.connections import kafka_consumer  # noqa: E402
from aduan.core.settings import Settings  # noqa: E402


def topic_bytes(bootstrap: str) -> dict[str, dict[str, int]]:
    consumer = kafka_consumer(bootstrap, group=None, client_id="bytes-per-complaint")
    try:
        topics = sorted(t for t in consumer.topics() if not t.startswith("__"))
        parts = [TopicPartition(t, p) for t in topics for p in (consumer.partitions_for_topic(t) or ())]
        consumer.assign(parts)
        consumer.seek_to_beginning(*parts)
        ends = consumer.end_offsets(parts)
        sizes: dict[str, Counter] = {t: Counter() for t in topics}
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and any(consumer.position(p) < ends[p] for p in parts):
            for partition, records in consumer.poll(timeout_ms=200, max_records=5000).items():
                for r in records:
                    size = sizes[partition.topic]
                    size["records"] += 1
                    size["bytes"] += len(r.key or b"") + len(r.value or b"") + sum(
                        len(k) + len(v or b"") for k, v in (r.headers or []))
        return {t: dict(c) for t, c in sizes.items() if c}
    finally:
        consumer.close()


def tree_rss(pid: int) -> int:
    process = psutil.Process(pid)
    return sum(p.memory_info().rss for p in [process, *process.children(recursive=True)])


def du(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) if path.exists() else 0


def files(path: Path) -> dict[str, int]:
    """Each of the emulator's files by size (its snapshots: kafka.json, elasticsearch.json)."""
    return {f.name: f.stat().st_size for f in path.rglob("*") if f.is_file()} if path.exists() else {}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--complaints", type=int, default=1000)
    parser.add_argument("--rate", type=float, default=50.0)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    from aduan.ports import free_port
    from aduan.provider_client import Credentials, ProviderClient
    from aduan.simulate import TrafficGenerator, simulate
    from aduan.stack import EMULATOR_DIRS, LocalStack

    os.environ["ADUAN_INTAKE_RATE_PER_MINUTE"] = "0"
    for name in ("ADUAN_KAFKA_BOOTSTRAP", "ADUAN_ELASTICSEARCH_URL"):
        os.environ.pop(name, None)
    workdir = Path(tempfile.mkdtemp(prefix="aduan-bytes-"))
    os.environ["ADUAN_DATA_DIR"] = str(workdir / "data")
    stack = LocalStack(Settings(), api_port=free_port(), data_dir=workdir / "data", fresh=True)
    try:
        endpoints = stack.start()
        emulators = [c.process.pid for c in stack.emulators]
        emulator_rss = lambda: sum(tree_rss(pid) for pid in emulators)  # noqa: E731
        emulator_files = lambda: {name: size for d in EMULATOR_DIRS.values()  # noqa: E731
                                  for name, size in files(workdir / "data" / d).items()}
        es_url = endpoints.elasticsearch
        time.sleep(3)
        before = {"topics": topic_bytes(endpoints.kafka), "emulator_rss": emulator_rss(),
                  "emulator_file": emulator_files()}
        secrets = endpoints.channel_secrets
        credentials = Credentials(secrets["twilio_auth_token"], secrets["sms_gateway_secret"],
                                  secrets["meta_app_secret"], secrets["x_consumer_secret"])
        with httpx.Client(timeout=30, limits=httpx.Limits(max_connections=32)) as http:
            generator = TrafficGenerator(ProviderClient(http, endpoints.api, credentials), None, seed=1708)
            summary = simulate(generator, args.rate, args.complaints / args.rate)
        last, stable_since = -1, time.monotonic()
        while time.monotonic() - stable_since < 8:
            httpx.post(f"{es_url}/aduan-complaints/_refresh", timeout=30)
            count = httpx.get(f"{es_url}/aduan-complaints/_count", timeout=30).json()["count"]
            if count != last:
                last, stable_since = count, time.monotonic()
            time.sleep(1)
        documents = last
        stats = httpx.get(f"{es_url}/aduan-complaints/_stats/store", timeout=30).json()
        index_bytes = stats.get("_all", {}).get("primaries", {}).get("store", {}).get("size_in_bytes")
        source_bytes = 0
        scroll = httpx.post(f"{es_url}/aduan-complaints/_search", json={"size": 10000, "query": {"match_all": {}}},
                            timeout=60).json()
        by_field: Counter = Counter()  # what the index's bytes are made of (the search emulator rewrites them all)
        for hit in scroll["hits"]["hits"]:
            source_bytes += len(json.dumps(hit["_source"], ensure_ascii=False).encode())
            for name, value in hit["_source"].items():
                by_field[name] += len(json.dumps({name: value}, ensure_ascii=False).encode()) - 2
        time.sleep(2)  # the emulator's once-a-second snapshot catches up
        after = {"topics": topic_bytes(endpoints.kafka), "emulator_rss": emulator_rss(),
                 "emulator_file": emulator_files()}
        journal, blobs = du(workdir / "data" / "journal"), du(workdir / "data" / "blobs")
    finally:
        stack.stop()
    accepted = sum(summary.sent.values())
    rows = {}
    for topic, size in after["topics"].items():
        old = before["topics"].get(topic, {})
        rows[topic] = {"records": size["records"] - old.get("records", 0), "bytes": size["bytes"] - old.get("bytes", 0)}
    total = sum(r["bytes"] for r in rows.values())
    result = {
        "messages_sent": accepted, "documents": documents, "answers": dict(summary.status),
        "topics": {t: {**r, "bytes_per_complaint": round(r["bytes"] / documents)} for t, r in rows.items()},
        "topics_bytes_per_complaint": round(total / documents),
        "index_source_bytes_per_complaint": round(source_bytes / max(1, len(scroll["hits"]["hits"]))),
        "index_source_bytes_per_complaint_by_field": {name: round(size / max(1, len(scroll["hits"]["hits"])))
                                                       for name, size in by_field.most_common()},
        "index_store_bytes_per_complaint": index_bytes and round(index_bytes / documents),
        "journal_bytes_per_complaint": round(journal / documents),
        "blob_bytes_per_complaint": round(blobs / documents),
        "emulator_rss_bytes_per_complaint": round((after["emulator_rss"] - before["emulator_rss"]) / documents),
        "emulator_file_bytes_per_complaint": round((sum(after["emulator_file"].values())
                                                    - sum(before["emulator_file"].values())) / documents),
        **{f"emulator_{name}_bytes_per_complaint": round((size - before["emulator_file"].get(name, 0)) / documents)
           for name, size in sorted(after["emulator_file"].items()) if not name.startswith("noida.")},
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(f"{accepted} messages sent, {documents} documents; answers {dict(summary.status)}")
    print(f"{'topic':40} {'records':>8} {'bytes':>11} {'B/complaint':>12}")
    for topic, r in sorted(result["topics"].items(), key=lambda kv: -kv[1]["bytes"]):
        print(f"{topic:40} {r['records']:8} {r['bytes']:11} {r['bytes_per_complaint']:12}")
    for key in ("topics_bytes_per_complaint", "index_source_bytes_per_complaint", "index_store_bytes_per_complaint",
                "journal_bytes_per_complaint", "blob_bytes_per_complaint", "emulator_rss_bytes_per_complaint",
                "emulator_file_bytes_per_complaint", *(k for k in result if k.startswith("emulator_") and ".json" in k)):
        print(f"{key:40} {result[key]}")


if __name__ == "__main__":
    main()
