"""End to end: complaints through the real channel endpoints until they are searchable.

    python benchmarks/e2e.py [--json] [--complaints 5000] [--rate-for-latency 200] [--runs 1]

Each run starts the whole local stack fresh in a temporary data dir (`LocalStack`: emulator,
stream worker, indexer, API, mailbox; per-IP intake limit off, throwaway channel secrets) and
measures, in the same run:

  throughput  N realistic complaints (aduan.simulate.ScenarioWriter texts) sent as fast as a
              pool of keep-alive connections (benchmarks/http_load.py) can, mixed over web JSON, Twilio SMS, Meta
              (Facebook comment, WhatsApp) and X webhooks with valid signatures; rate =
              accepted / seconds from the first acknowledgement to the moment the last
              accepted complaint is searchable (Elasticsearch `_count` after a refresh);
  latency     a fixed offered rate (default 200/s for 20 s): per complaint, seconds from its
              acknowledgement to the first poll (every ~50 ms, refresh + terms query on the
              complaint ids not yet seen) that finds it; p50/p95/p99;
  memory      peak RSS of the stack: the sum over every child process tree, sampled each 0.5 s;
  baseline    the same payload bytes (the canonical Complaint JSON the API published for the
              throughput complaints, read back from the raw topics) produced (acks=all, linger)
              to a scratch topic and consumed back, no processing: N / (first send → last read).

Stage figures (acks/s of the API alone, routed/s of the worker, searchable/s of the indexer, CPU
seconds per process) come from a monitor sampled during the throughput phase, so a missed target
points at the stage that holds the rest back. The machine has 2 cores shared with the load
generator itself: read medians of several runs.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402
import psutil  # noqa: E402
from kafka import TopicPartition  # noqa: E402

from aduan.core import fetch_pacing  # noqa: E402
from aduan.core.connections import kafka_consumer, kafka_producer  # noqa: E402
from benchmarks.http_load import Pool, request_bytes  # noqa: E402
from aduan.provider_client import Credentials, ProviderClient  # noqa: E402
from aduan.core.settings import Settings  # noqa: E402
from aduan.simulate import ScenarioWriter  # noqa: E402
from schemas.events import Complaint  # noqa: E402
from schemas.ids import complaint_id as derive_complaint_id  # noqa: E402
from schemas.topics import DUPLICATES, RAW, ROUTED, TopicSpec  # noqa: E402

SCRATCH_TOPIC = "bench.baseline"
ACCEPTED_STATUS = (200, 202)
DEFAULTS = {"complaints": 5_000, "rate_for_latency": 200.0, "latency_seconds": 20.0, "runs": 1,
            "concurrency": 48, "isolate_stages": 0, "settle_timeout_s": 180.0, "seed": 1708}


# --- requests, built once by the provider client, sent later by an async client ---------------------

@dataclass(frozen=True)
class Prepared:
    kind: str
    url: str
    complaint_id: str
    raw: bytes  # the whole HTTP/1.1 request, built before the clock starts


class _Recorded:
    status_code = 0
    text = ""


class RecordingHttp:
    """Stands in for httpx.Client under ProviderClient: keeps the exact signed request, sends nothing,
    so building payloads (and signatures) stays out of the timed window."""

    def __init__(self) -> None:
        self.last: tuple[str, str, bytes, dict] | None = None

    def _keep(self, method: str, url: str, content=None, json_body=None, headers=None) -> _Recorded:
        headers = dict(headers or {})
        if json_body is not None:
            content = json.dumps(json_body).encode()
            headers["Content-Type"] = "application/json"
        if isinstance(content, str):
            content = content.encode()
        self.last = (method, url, content or b"", headers)
        return _Recorded()

    def post(self, url, content=None, json=None, headers=None):
        return self._keep("POST", url, content, json, headers)

    def get(self, url, headers=None):
        return self._keep("GET", url, None, None, headers)


def prepare(count: int, api_url: str, credentials: Credentials, marker: str, seed: int) -> list[Prepared]:
    """Realistic complaints over web, Twilio, Facebook, WhatsApp and X, each carrying the run marker
    and a unique reporter (so none is an exact duplicate of another and each becomes its own document)."""
    rng = random.Random(seed)
    writer = ScenarioWriter(rng)
    recorder = RecordingHttp()
    client = ProviderClient(recorder, api_url, credentials)
    made: list[Prepared] = []
    for i in range(count):
        facts = writer.facts()
        _style, text = writer.write(facts)
        text = f"{text[:200]} (ref {marker})"
        pinned = f"{rng.getrandbits(64):016x}"
        phone = f"+62812{rng.randint(10_000_000, 99_999_999)}"
        name = facts["name"]
        kind = rng.choices(["web", "twilio", "facebook", "whatsapp", "x"], weights=[3, 3, 2, 2, 2])[0]
        if kind == "web":
            key = f"bench-{marker}-{i}"
            client.web(text, key=key, reporter={"name": name, "phone": phone})
            cid = derive_complaint_id("web", key)
        elif kind == "twilio":
            sid = f"SM{pinned}{pinned}"
            client.twilio(phone, text, sid=sid)
            cid = derive_complaint_id("sms", sid)
        elif kind == "facebook":
            comment = f"8812_{int(pinned, 16)}"
            client.facebook_comment(f"{name} {i}", text, comment_id=comment)
            cid = derive_complaint_id("social", f"facebook:comment:{comment}")
        elif kind == "whatsapp":
            wamid = f"wamid.{pinned.upper()}"
            client.whatsapp(phone, name, text, wamid=wamid)
            cid = derive_complaint_id("social", f"whatsapp:{wamid}")
        else:
            tweet = str(1790231000000000000 + int(pinned, 16) % 10**15)
            client.tweet(f"{name.lower().replace(' ', '_')}_{i}", text, tweet_id=tweet)
            cid = derive_complaint_id("social", f"x:post:{tweet}")
        method, url, content, headers = recorder.last
        made.append(Prepared(kind, url, cid, request_bytes(method, url, content, headers)))
    return made


@dataclass
class Ack:
    prepared: Prepared
    status: int
    at: float  # time.monotonic() when the answer arrived


async def _send(pool: Pool, p: Prepared) -> Ack:
    return Ack(p, await pool.send(p.raw), time.monotonic())


async def _flood(batch: list[Prepared], concurrency: int) -> list[Ack]:
    """Everything as fast as `concurrency` senders with keep-alive connections can go."""
    pool = Pool(batch[0].url, concurrency)
    try:
        return list(await asyncio.gather(*(_send(pool, p) for p in batch)))
    finally:
        pool.close()


# --- what the stack has done --------------------------------------------------------------------------

class Search:
    def __init__(self, url: str, alias: str) -> None:
        self.http = httpx.Client(base_url=url, timeout=30)
        self.alias = alias

    def refresh(self) -> None:
        self.http.post(f"/{self.alias}/_refresh")

    def count_marked(self, marker: str) -> int:
        self.refresh()
        body = {"query": {"match": {"text": marker}}}
        return self.http.post(f"/{self.alias}/_count", json=body).json()["count"]

    def found(self, ids: list[str]) -> set[str]:
        self.refresh()
        seen: set[str] = set()
        for start in range(0, len(ids), 5000):
            chunk = ids[start:start + 5000]
            body = {"size": len(chunk), "_source": ["complaint_id"],
                    "query": {"terms": {"complaint_id": chunk}}}
            hits = self.http.post(f"/{self.alias}/_search", json=body).json()["hits"]["hits"]
            seen.update(h["_source"]["complaint_id"] for h in hits)
        return seen

    def close(self) -> None:
        self.http.close()


class Offsets:
    """End offsets of topics, summed: how far the API (raw) and the worker (routed + duplicates) got."""

    def __init__(self, bootstrap: str) -> None:
        self.consumer = kafka_consumer(bootstrap, group=None, client_id="bench-progress")
        self.parts: dict[str, list[TopicPartition]] = {}

    def total(self, topics: list[str]) -> int:
        parts = []
        for t in topics:
            if t not in self.parts:
                self.parts[t] = [TopicPartition(t, p) for p in (self.consumer.partitions_for_topic(t) or ())]
            parts += self.parts[t]
        return sum(self.consumer.end_offsets(parts).values()) if parts else 0

    def close(self) -> None:
        self.consumer.close()


def process_tree(pid: int) -> list[psutil.Process]:
    try:
        root = psutil.Process(pid)
        return [root, *root.children(recursive=True)]
    except psutil.Error:
        return []


class StackSampler(threading.Thread):
    """Peak summed RSS of every child process tree, sampled every 0.5 s, per component too."""

    def __init__(self, children, period_s: float = 0.5) -> None:
        super().__init__(daemon=True)
        self.children = children
        self.period_s = period_s
        self.peak_mb = 0.0
        self.peak_by_child: dict[str, float] = {}
        self._halt = threading.Event()

    def sample(self) -> dict[str, float]:
        by_child = {}
        for child in self.children:
            if child.process is None:
                continue
            rss = 0
            for proc in process_tree(child.process.pid):
                try:
                    rss += proc.memory_info().rss
                except psutil.Error:
                    pass
            by_child[child.name] = rss / 2**20
        return by_child

    def cpu_seconds(self) -> dict[str, float]:
        used = {}
        for child in self.children:
            total = 0.0
            for proc in process_tree(child.process.pid) if child.process else []:
                try:
                    t = proc.cpu_times()
                    total += t.user + t.system
                except psutil.Error:
                    pass
            used[child.name] = total
        return used

    def run(self) -> None:
        while not self._halt.is_set():
            by_child = self.sample()
            self.peak_mb = max(self.peak_mb, sum(by_child.values()))
            for name, mb in by_child.items():
                self.peak_by_child[name] = max(self.peak_by_child.get(name, 0.0), mb)
            self._halt.wait(self.period_s)

    def stop(self) -> None:
        self._halt.set()
        self.join(timeout=5)


class Progress(threading.Thread):
    """Timeline of (t, raw records, routed + duplicate records, searchable) during the throughput phase."""

    def __init__(self, offsets: Offsets, search: Search, marker: str, period_s: float = 0.25) -> None:
        super().__init__(daemon=True)
        self.offsets, self.search, self.marker, self.period_s = offsets, search, marker, period_s
        self.timeline: list[tuple[float, int, int, int]] = []
        self.target: int | None = None
        self.stalled_s = 0.0
        self._halt = threading.Event()

    def run(self) -> None:
        while not self._halt.is_set():
            t = time.monotonic()
            raw = self.offsets.total([spec.name for spec in RAW.values()])
            routed = self.offsets.total([ROUTED.name, DUPLICATES.name])
            searchable = self.search.count_marked(self.marker)
            self.timeline.append((t, raw, routed, searchable))
            if self.target is not None and searchable >= self.target:
                return
            self._halt.wait(self.period_s)

    def stop(self) -> None:
        self._halt.set()
        self.join(timeout=10)


def first_reaching(timeline, column: int, value: int) -> float | None:
    return next((row[0] for row in timeline if row[column] >= value), None)


def first_above(timeline, column: int, value: int) -> float | None:
    return next((row[0] for row in timeline if row[column] > value), None)


# --- the phases ---------------------------------------------------------------------------------------

def throughput_phase(batch, concurrency, search, offsets, sampler, marker, settle_timeout_s) -> dict:
    raw0 = offsets.total([spec.name for spec in RAW.values()])
    routed0 = offsets.total([ROUTED.name, DUPLICATES.name])
    cpu0 = sampler.cpu_seconds()
    me = psutil.Process()
    me_cpu0 = sum(me.cpu_times()[:2])
    progress = Progress(offsets, search, marker)
    progress.start()
    sent_at = time.monotonic()
    acks = asyncio.run(_flood(batch, concurrency))
    accepted = [a for a in acks if a.status in ACCEPTED_STATUS]
    first_ack = min(a.at for a in accepted)
    last_ack = max(a.at for a in accepted)
    client_cpu = sum(me.cpu_times()[:2]) - me_cpu0
    progress.target = len(accepted)
    deadline = time.monotonic() + settle_timeout_s
    last_count, last_change = -1, time.monotonic()
    while progress.is_alive() and time.monotonic() < deadline:
        progress.join(timeout=1)
        count = progress.timeline[-1][3] if progress.timeline else 0
        if count != last_count:
            last_count, last_change = count, time.monotonic()
        elif time.monotonic() - last_change > 60:
            break  # no progress for a minute: report what became searchable
    progress.stop()
    timeline = [(t, raw - raw0, routed - routed0, s) for t, raw, routed, s in progress.timeline]
    searchable = timeline[-1][3] if timeline else 0
    all_searchable = first_reaching(timeline, 3, len(accepted)) or timeline[-1][0]
    cpu1 = sampler.cpu_seconds()
    n = len(accepted)
    stages = {
        "api_acks_per_s": n / max(last_ack - first_ack, 1e-3),
        "api_done_s": last_ack - first_ack,
        # A stage's own rate: its outputs over the window in which it was producing them.
        "worker_routed_per_s": _rate(timeline, 2, n),
        "worker_done_s": _since(first_ack, first_reaching(timeline, 2, n)),
        "indexer_searchable_per_s": _rate(timeline, 3, n),
        "searchable_done_s": all_searchable - first_ack,
        "cpu_s": {name: round(cpu1.get(name, 0) - cpu0.get(name, 0), 1) for name in cpu1},
        "client_cpu_s": round(client_cpu, 1),
        "client_send_s": round(last_ack - sent_at, 2),
    }
    return {"accepted": n, "rejected": len(acks) - n, "searchable": searchable,
            "e2e_per_s": n / max(all_searchable - first_ack, 1e-3), "stages": stages,
            "ids": [a.prepared.complaint_id for a in accepted],
            "statuses": sorted({a.status for a in acks})}


def _since(start: float, end: float | None) -> float | None:
    return None if end is None else end - start


def _rate(timeline, column: int, n: int) -> float | None:
    start = first_above(timeline, column, 0)
    end = first_reaching(timeline, column, n)
    if start is None or end is None:
        return None
    # The first sample already holds some output: count only what came after it.
    produced_at_start = next(row[column] for row in timeline if row[0] == start)
    return (n - produced_at_start) / max(end - start, 1e-3)


def latency_phase(batch, rate, concurrency, search, settle_timeout_s) -> dict:
    acked: dict[str, float] = {}
    seen: dict[str, float] = {}
    lock = threading.Lock()
    done = threading.Event()

    def poll() -> None:
        while True:
            with lock:
                pending = [cid for cid in acked if cid not in seen]
            finished = done.is_set()
            if pending:
                polled_at = time.monotonic()
                for cid in search.found(pending):
                    seen[cid] = polled_at
            elif finished:
                return
            if finished and time.monotonic() > deadline[0]:
                return
            time.sleep(0.05)

    deadline = [float("inf")]
    poller = threading.Thread(target=poll, daemon=True)
    poller.start()

    async def send_all() -> list[Ack]:
        # Open loop: requests leave on schedule; beyond `concurrency` in flight they queue in the pool.
        pool = Pool(batch[0].url, concurrency)
        started = time.monotonic()
        tasks = []

        async def one(p: Prepared) -> Ack:
            ack = await _send(pool, p)
            if ack.status in ACCEPTED_STATUS:
                with lock:
                    acked[p.complaint_id] = ack.at
            return ack

        try:
            for i, p in enumerate(batch):
                delay = started + i / rate - time.monotonic()
                if delay > 0:
                    await asyncio.sleep(delay)
                tasks.append(asyncio.create_task(one(p)))
            return list(await asyncio.gather(*tasks))
        finally:
            pool.close()

    offered_from = time.monotonic()
    acks = asyncio.run(send_all())
    offered_s = time.monotonic() - offered_from
    deadline[0] = time.monotonic() + settle_timeout_s
    done.set()
    poller.join()
    latencies = sorted(seen[cid] - at for cid, at in acked.items() if cid in seen)
    return {"accepted": len(acked), "searchable": len(seen), "offered": len(batch),
            "acked_per_s": len(acked) / max(offered_s, 1e-3), "offered_s": offered_s,
            "p50_s": _quantile(latencies, 0.50), "p95_s": _quantile(latencies, 0.95),
            "p99_s": _quantile(latencies, 0.99), "max_s": latencies[-1] if latencies else None,
            "rejected": sum(a.status not in ACCEPTED_STATUS for a in acks),
            "statuses": dict(Counter(a.status for a in acks))}


def _quantile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    return values[min(len(values) - 1, int(q * len(values)))]


def baseline_phase(bootstrap: str, ids: list[str]) -> dict:
    """The same canonical Complaint JSON through the broker and back, no processing."""
    from aduan.admin import create_topics

    wanted = set(ids)
    payloads = _raw_payloads(bootstrap, wanted)
    create_topics(bootstrap, topics=(TopicSpec(SCRATCH_TOPIC, ROUTED.partitions, "complaint_id", "delete",
                                               Complaint, "benchmark baseline"),))
    consumer = kafka_consumer(bootstrap, group=None, client_id="bench-baseline", fetch_max_wait_ms=50)
    parts = [TopicPartition(SCRATCH_TOPIC, p) for p in sorted(consumer.partitions_for_topic(SCRATCH_TOPIC) or ())]
    consumer.assign(parts)
    consumer.seek_to_beginning(*parts)
    consumer.poll(timeout_ms=100)
    received = [0]
    last = [0.0]

    def drain() -> None:
        deadline = time.monotonic() + 120
        while received[0] < len(payloads) and time.monotonic() < deadline:
            for records in consumer.poll(timeout_ms=100, max_records=5000).values():
                received[0] += len(records)
                last[0] = time.monotonic()

    reader = threading.Thread(target=drain, daemon=True)
    producer = kafka_producer(bootstrap, "bench-baseline", linger_ms=5, batch_size=512 * 1024)
    reader.start()
    first = time.monotonic()
    for key, value in payloads:
        producer.send(SCRATCH_TOPIC, key=key, value=value)
    producer.flush()
    reader.join()
    producer.close()
    consumer.close()
    return {"baseline_per_s": received[0] / max(last[0] - first, 1e-3), "baseline_messages": received[0],
            "payload_bytes": sum(len(v) for _, v in payloads)}


def _raw_payloads(bootstrap: str, wanted: set[str]) -> list[tuple[bytes, bytes]]:
    consumer = kafka_consumer(bootstrap, group=None, client_id="bench-payloads")
    parts = [TopicPartition(spec.name, p) for spec in RAW.values()
             for p in (consumer.partitions_for_topic(spec.name) or ())]
    consumer.assign(parts)
    consumer.seek_to_beginning(*parts)
    ends = consumer.end_offsets(parts)
    found: dict[str, tuple[bytes, bytes]] = {}
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and any(consumer.position(p) < ends[p] for p in parts):
        for records in consumer.poll(timeout_ms=200, max_records=5000).values():
            for r in records:
                # Raw records are keyed by the sender where a channel has one (schemas.topics.raw_key), so
                # the complaint is found by the id in the value.
                complaint_id = json.loads(r.value).get("complaint_id")
                if complaint_id in wanted:
                    found.setdefault(complaint_id, (r.key or complaint_id.encode(), r.value))
    consumer.close()
    return list(found.values())


def isolated_stages(stack, batch, concurrency, search, offsets, marker, timeout_s: float) -> dict:
    """Each stage's own rate, the others paused (SIGSTOP on their process groups): the API acknowledging
    with the worker and indexer stopped; then the worker alone draining that backlog (raw → routed);
    then the indexer alone draining its backlog (routed → searchable)."""
    import signal

    child = {c.name: c for c in stack.children}
    raw_topics = [spec.name for spec in RAW.values()]
    raw0, routed0 = offsets.total(raw_topics), offsets.total([ROUTED.name, DUPLICATES.name])
    for name in ("worker", "indexer"):
        child[name].signal_group(signal.SIGSTOP)
    try:
        started = time.monotonic()
        acks = asyncio.run(_flood(batch, concurrency))
        n = sum(a.status in ACCEPTED_STATUS for a in acks)
        api_per_s = n / (max(a.at for a in acks) - started)
        child["worker"].signal_group(signal.SIGCONT)
        worker = _drain_rate(lambda: offsets.total([ROUTED.name, DUPLICATES.name]) - routed0, n, timeout_s)
        child["indexer"].signal_group(signal.SIGCONT)
        indexer = _drain_rate(lambda: search.count_marked(marker), n, timeout_s)
    finally:  # never leave a stage stopped
        child["worker"].signal_group(signal.SIGCONT)
        child["indexer"].signal_group(signal.SIGCONT)
    return {"complaints": n, "api_alone_acks_per_s": api_per_s, "worker_alone": worker,
            "indexer_alone": indexer, "raw_written": offsets.total(raw_topics) - raw0}


def _drain_rate(progress, n: int, timeout_s: float) -> dict:
    """Seconds from now (the stage just resumed) to its first visible output and to all n, and the rate
    over the span in between (so a slow resume does not count against the stage's throughput)."""
    started = time.monotonic()
    first = None
    while time.monotonic() - started < timeout_s:
        done, now = progress(), time.monotonic()
        if done > 0 and first is None:
            first = (now, done)
        if done >= n:
            span = now - first[0]
            return {"first_output_s": round(first[0] - started, 2), "all_s": round(now - started, 2),
                    "per_s": (n - first[1]) / span if span > 0 else None, "from_resume_per_s": n / (now - started)}
        time.sleep(0.05)
    return {"first_output_s": None if first is None else round(first[0] - started, 2), "all_s": None,
            "per_s": None, "from_resume_per_s": None}


# --- one run, many runs -------------------------------------------------------------------------------

def one_run(options: dict, workdir: Path, number: int) -> dict:
    from aduan.ports import free_port
    from aduan.stack import LocalStack

    saved = {k: os.environ.get(k) for k in ("ADUAN_INTAKE_RATE_PER_MINUTE", "ADUAN_KAFKA_BOOTSTRAP",
                                            "ADUAN_ELASTICSEARCH_URL", "ADUAN_DATA_DIR")}
    os.environ["ADUAN_INTAKE_RATE_PER_MINUTE"] = "0"  # the per-IP limiter would throttle one benchmark client
    for k in ("ADUAN_KAFKA_BOOTSTRAP", "ADUAN_ELASTICSEARCH_URL"):
        os.environ.pop(k, None)
    os.environ["ADUAN_DATA_DIR"] = str(workdir / "data")
    stack = LocalStack(Settings(), api_port=free_port(), data_dir=workdir / "data", fresh=True)
    try:
        started = time.monotonic()
        endpoints = stack.start()
        startup_s = time.monotonic() - started
        secrets = endpoints.channel_secrets
        credentials = Credentials(secrets["twilio_auth_token"], secrets["sms_gateway_secret"],
                                  secrets["meta_app_secret"], secrets["x_consumer_secret"])
        marker = f"bnch{uuid.uuid4().hex[:10]}"
        seed = options["seed"] + number
        latency_count = max(1, int(options["rate_for_latency"] * options["latency_seconds"]))
        batch = prepare(options["complaints"], endpoints.api, credentials, marker, seed)
        latency_batch = prepare(latency_count, endpoints.api, credentials, f"{marker}l", seed + 10_000)
        sampler = StackSampler(stack.children)
        sampler.start()
        search = Search(endpoints.elasticsearch, stack.settings.index_alias)
        offsets = Offsets(endpoints.kafka)
        try:
            idle_mb = sum(sampler.sample().values())
            throughput = throughput_phase(batch, options["concurrency"], search, offsets, sampler, marker,
                                          options["settle_timeout_s"])
            latency = latency_phase(latency_batch, options["rate_for_latency"], options["concurrency"], search,
                                    options["settle_timeout_s"])
            isolated = None
            if options["isolate_stages"]:
                stage_batch = prepare(options["isolate_stages"], endpoints.api, credentials, f"{marker}s",
                                      seed + 20_000)
                isolated = isolated_stages(stack, stage_batch, options["concurrency"], search, offsets,
                                           f"{marker}s", options["settle_timeout_s"])
        finally:
            sampler.stop()
            search.close()
            offsets.close()
        baseline = baseline_phase(endpoints.kafka, throughput.pop("ids"))
        e2e = throughput["e2e_per_s"]
        return {"e2e_per_s": e2e, **baseline, "ratio": e2e / baseline["baseline_per_s"],
                "accepted": throughput["accepted"], "searchable": throughput["searchable"],
                "rejected": throughput["rejected"], "statuses": throughput["statuses"],
                "stages": throughput["stages"], "isolated_stages": isolated,
                "p50_s": latency["p50_s"], "p95_s": latency["p95_s"], "p99_s": latency["p99_s"],
                "latency": latency, "rate_for_latency": options["rate_for_latency"], "peak_rss_mb": sampler.peak_mb, "idle_rss_mb": idle_mb,
                "peak_rss_mb_by_process": {k: round(v) for k, v in sampler.peak_by_child.items()},
                "startup_s": startup_s}
    finally:
        stack.stop()
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def run(options: dict | None = None) -> dict:
    """Run the benchmark; `options` keys as DEFAULTS (missing ones take the default). Returns the summary:
    medians over runs at the top level, each run's figures under `per_run`."""
    options = {**DEFAULTS, **(options or {})}
    runs = []
    for number in range(int(options["runs"])):
        with tempfile.TemporaryDirectory(prefix="aduan-e2e-") as workdir:
            runs.append(one_run(options, Path(workdir), number))
        if options.get("on_run"):
            options["on_run"](number, runs[-1])

    def median(key: str) -> float | None:
        values = [r[key] for r in runs if r[key] is not None]
        return statistics.median(values) if values else None

    e2e, baseline = median("e2e_per_s"), median("baseline_per_s")
    return {
        "complaints": int(options["complaints"]), "runs": len(runs),
        "e2e_per_s": round(e2e, 1), "baseline_per_s": round(baseline, 1), "ratio": round(e2e / baseline, 4),
        "p50_s": _round(median("p50_s")), "p95_s": _round(median("p95_s")), "p99_s": _round(median("p99_s")),
        "rate_for_latency": options["rate_for_latency"], "latency_seconds": options["latency_seconds"],
        "peak_rss_mb": round(median("peak_rss_mb"), 1),
        "accepted": min(r["accepted"] for r in runs), "searchable": min(r["searchable"] for r in runs),
        "targets": {"e2e_per_s": 1000, "p99_s": 3.0, "peak_rss_mb": 1536},
        "per_run": [_rounded(r) for r in runs],
    }


def _round(value, digits: int = 3):
    return None if value is None else round(value, digits)


def _rounded(value):
    if isinstance(value, float):
        return round(value, 3)
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_rounded(v) for v in value]
    return value


def _print_run(number: int, r: dict) -> None:
    s = r["stages"]
    print(f"run {number + 1}: e2e {r['e2e_per_s']:,.0f}/s ({r['accepted']} accepted, {r['searchable']} searchable)"
          f"  baseline {r['baseline_per_s']:,.0f}/s  ratio {r['ratio']:.3f}", flush=True)
    print(f"  stages: API acks {s['api_acks_per_s']:,.0f}/s (done {s['api_done_s']:.1f}s), "
          f"worker {_fmt(s['worker_routed_per_s'])}/s (done {_fmt(s['worker_done_s'], '.1f')}s), "
          f"indexer {_fmt(s['indexer_searchable_per_s'])}/s (all searchable {s['searchable_done_s']:.1f}s)")
    print("  CPU seconds in phase: " + ", ".join(f"{k} {v}" for k, v in s["cpu_s"].items())
          + f", load generator {s['client_cpu_s']}")
    lat = r["latency"]
    print(f"  latency, {lat['offered']} offered at {r['rate_for_latency']:.0f}/s, acknowledged at {lat['acked_per_s']:.0f}/s: p50 {_fmt(r['p50_s'], '.2f')}s "
          f"p95 {_fmt(r['p95_s'], '.2f')}s p99 {_fmt(r['p99_s'], '.2f')}s "
          f"({lat['searchable']}/{lat['accepted']} found; statuses {lat['statuses']})")
    print(f"  peak RSS {r['peak_rss_mb']:,.0f} MB (idle {r['idle_rss_mb']:,.0f} MB): "
          + ", ".join(f"{k} {v}" for k, v in r["peak_rss_mb_by_process"].items()), flush=True)
    if r["isolated_stages"]:
        i = r["isolated_stages"]
        w, x = i["worker_alone"], i["indexer_alone"]
        print(f"  each stage alone ({i['complaints']} complaints): API {_fmt(i['api_alone_acks_per_s'])}/s; "
              f"worker {_fmt(w['per_s'])}/s (first output {w['first_output_s']}s after resume, all {w['all_s']}s); "
              f"indexer {_fmt(x['per_s'])}/s (first {x['first_output_s']}s, all {x['all_s']}s)", flush=True)


def _fmt(value, spec: str = ",.0f") -> str:
    return "n/a" if value is None else format(value, spec)


def stop_stack_on_sigterm() -> None:
    """``kill <pid>`` (or a CI timeout's SIGTERM) ends the run through its ``finally``: the stack's children run
    in sessions of their own, so without this they outlived the benchmark, holding ports and cores."""
    import signal

    def stop(signum, _frame):
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, stop)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--complaints", type=int, default=DEFAULTS["complaints"])
    parser.add_argument("--rate-for-latency", type=float, default=DEFAULTS["rate_for_latency"])
    parser.add_argument("--latency-seconds", type=float, default=DEFAULTS["latency_seconds"])
    parser.add_argument("--concurrency", type=int, default=DEFAULTS["concurrency"])
    parser.add_argument("--runs", type=int, default=DEFAULTS["runs"])
    parser.add_argument("--isolate-stages", type=int, default=0, metavar="N",
                        help="also time each stage alone on N more complaints (the others paused)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    stop_stack_on_sigterm()
    fetch_pacing.install(Settings().kafka_empty_fetch_pause_ms)  # the baseline's consumer paces like the stack's
    options = {"complaints": args.complaints, "rate_for_latency": args.rate_for_latency,
               "latency_seconds": args.latency_seconds, "concurrency": args.concurrency, "runs": args.runs,
               "isolate_stages": args.isolate_stages}
    if not args.json:
        options["on_run"] = _print_run
    summary = run(options)
    if args.json:
        print(json.dumps(summary))
        return 0
    print(f"median of {summary['runs']}: e2e {summary['e2e_per_s']:,.0f}/s, baseline {summary['baseline_per_s']:,.0f}/s,"
          f" ratio {summary['ratio']:.3f}; latency p50 {_fmt(summary['p50_s'], '.2f')}s p95 {_fmt(summary['p95_s'], '.2f')}s"
          f" p99 {_fmt(summary['p99_s'], '.2f')}s at {summary['rate_for_latency']:.0f}/s;"
          f" peak RSS {summary['peak_rss_mb']:,.0f} MB")
    print("targets: >= 1,000/s end to end, p99 <= 3 s at 200/s, stack <= 1,536 MB RSS (2-core machine, shared: noisy)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
