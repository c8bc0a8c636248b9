"""Stream stage throughput against a pass-through agent, measured in the same run.

    python benchmarks/stream_stage.py [--complaints 20000] [--runs 3] [--json]

Each run starts a fresh local broker, preloads the raw topics with realistic complaints
(scenarios of aduan/data/simulator.json in every style, 10 % resends by the same reporter),
then times, on one worker process each:

  baseline  a faust agent with the worker's own configuration and batch/ack loop that
            forwards every raw record unchanged (consume + produce + commit, no processing);
  stage     the real `aduan worker` (validate, normalise, locate, deduplicate, classify,
            route, emit).

Rate = complaints out / seconds from the first output to the last. The machine has 2 cores
and other load, so the medians of several runs and their ratio are what to read. The per-step
cost of the pipeline is measured in process, without the broker, to show where the time goes.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import psutil  # noqa: E402
from kafka import TopicPartition  # noqa: E402

from aduan.core.connections import kafka_consumer, kafka_producer  # noqa: E402

from aduan.admin import create_topics  # noqa: E402
from aduan.simulate import ScenarioWriter  # noqa: E402
from aduan.stack import Child, start_emulator  # noqa: E402
from schemas.events import Complaint, Reporter, utcnow  # noqa: E402
from schemas.topics import DUPLICATES, RAW, ROUTED, TopicSpec  # noqa: E402

PASSTHROUGH_TOPIC = "bench.passthrough"
CHANNEL_OF_STYLE = {"formal": "email", "sms": "sms", "social": "social", "jv": "sms", "en": "web"}


def complaints(count: int, seed: int = 7) -> list[Complaint]:
    rng = random.Random(seed)
    writer = ScenarioWriter(rng)
    made: list[Complaint] = []
    for i in range(count):
        if made and rng.random() < 0.10:  # the same reporter sends the same text again
            earlier = rng.choice(made)
            made.append(Complaint.new(channel=earlier.channel, provider_message_id=f"bench-{i}",
                                      received_at=earlier.received_at, text=earlier.text, reporter=earlier.reporter))
            continue
        style, text = writer.write(writer.facts())
        made.append(Complaint.new(channel=CHANNEL_OF_STYLE[style], provider_message_id=f"bench-{i}",
                                  received_at=utcnow(), text=text,
                                  reporter=Reporter(phone=f"+62812{rng.randint(10_000_000, 99_999_999)}")))
    return made


def preload(bootstrap: str, batch: list[Complaint]) -> None:
    producer = kafka_producer(bootstrap, "bench-load", linger_ms=5, batch_size=512 * 1024)
    for c in batch:
        producer.send(RAW[c.channel].name, key=c.complaint_id.encode(), value=c.model_dump_json().encode())
    producer.flush()
    producer.close()


def count_outputs(bootstrap: str, topics: list[str]) -> int:
    consumer = kafka_consumer(bootstrap, group=None, client_id="bench-progress")
    try:
        parts = [TopicPartition(t, p) for t in topics for p in (consumer.partitions_for_topic(t) or ())]
        return sum(consumer.end_offsets(parts).values()) if parts else 0
    finally:
        consumer.close()


def timed_run(child: Child, bootstrap: str, topics: list[str], expected: int,
              timeout_s: float = 600) -> tuple[float, float]:
    """Complaints per second from the first output to the last, and the worker's resident MiB at the last
    (the stage's grows with the complaints its deduplication window holds)."""
    child.start()
    first = last = None
    deadline = time.monotonic() + timeout_s
    try:
        while time.monotonic() < deadline:
            produced = count_outputs(bootstrap, topics)
            now = time.monotonic()
            if produced and first is None:
                first = now
            if produced >= expected:
                last = now
                worker = psutil.Process(child.process.pid)
                rss_mib = sum(p.memory_info().rss for p in (worker, *worker.children(recursive=True))) / 2 ** 20
                break
            if not child.alive():
                raise RuntimeError(f"{child.name} exited: see {child.log_path}")
            time.sleep(0.05)
    finally:
        child.stop()
    if last is None or first is None:
        raise TimeoutError(f"{child.name}: {count_outputs(bootstrap, topics)}/{expected} after {timeout_s}s")
    return expected / max(last - first, 1e-3), rss_mib


def step_costs(batch: list[Complaint]) -> dict[str, float]:
    """Per-step microseconds per complaint, in process (no broker)."""
    from streams.pipeline import Pipeline, Submission

    pipeline = Pipeline("benchmark")
    submissions = [Submission.of(c, "benchmark") for c in batch]
    for start in range(0, len(submissions), 200):
        pipeline.run(submissions[start:start + 200])
    return pipeline.timer.per_item_us()


def one_run(count: int, workdir: Path) -> dict[str, float]:
    emulator, bootstrap, _ = start_emulator(workdir / "noida", workdir / "noida.log")
    try:
        create_topics(bootstrap)
        create_topics(bootstrap, topics=(TopicSpec(PASSTHROUGH_TOPIC, ROUTED.partitions, "complaint_id", "delete",
                                                   Complaint, "benchmark output"),))
        preload(bootstrap, complaints(count))
        env = {**os.environ, "ADUAN_KAFKA_BOOTSTRAP": bootstrap, "ADUAN_DATA_DIR": str(workdir),
               "PYTHONUNBUFFERED": "1"}
        baseline = Child("baseline", [sys.executable, str(Path(__file__).with_name("passthrough_worker.py"))],
                         workdir / "baseline.log", {**env, "ADUAN_STREAM_APP_ID": f"bench-pass-{uuid.uuid4().hex[:6]}"})
        stage = Child("stage", [sys.executable, "-m", "aduan", "worker"], workdir / "stage.log",
                      {**env, "ADUAN_STREAM_APP_ID": f"bench-stage-{uuid.uuid4().hex[:6]}"})
        baseline_rate, baseline_mib = timed_run(baseline, bootstrap, [PASSTHROUGH_TOPIC], count)
        stage_rate, stage_mib = timed_run(stage, bootstrap, [ROUTED.name, DUPLICATES.name], count)
        return {"baseline_per_s": baseline_rate, "stage_per_s": stage_rate, "baseline_rss_mib": baseline_mib,
                "stage_rss_mib": stage_mib}
    finally:
        emulator.stop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--complaints", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    runs = []
    for number in range(args.runs):
        with tempfile.TemporaryDirectory(prefix="aduan-bench-") as workdir:
            result = one_run(args.complaints, Path(workdir))
        runs.append(result)
        if not args.json:
            print(f"run {number + 1}: baseline {result['baseline_per_s']:,.0f}/s  stage {result['stage_per_s']:,.0f}/s"
                  f"  ratio {result['stage_per_s'] / result['baseline_per_s']:.2f}; RSS at the end: baseline"
                  f" {result['baseline_rss_mib']:.0f} MiB, stage {result['stage_rss_mib']:.0f} MiB", flush=True)
    baseline = statistics.median(r["baseline_per_s"] for r in runs)
    stage = statistics.median(r["stage_per_s"] for r in runs)
    steps = step_costs(complaints(min(args.complaints, 5_000), seed=11))
    summary = {"complaints": args.complaints, "runs": args.runs, "baseline_per_s": round(baseline),
               "stage_per_s": round(stage), "ratio": round(stage / baseline, 3),
               "stage_rss_mib": round(statistics.median(r["stage_rss_mib"] for r in runs)),
               "baseline_rss_mib": round(statistics.median(r["baseline_rss_mib"] for r in runs)),
               "step_us_per_complaint": {k: round(v, 1) for k, v in steps.items()}}
    if args.json:
        print(json.dumps(summary))
    else:
        print(f"median of {args.runs}: baseline {baseline:,.0f}/s, stage {stage:,.0f}/s, ratio {stage / baseline:.2f};"
              f" RSS at the end: baseline {summary['baseline_rss_mib']} MiB, stage {summary['stage_rss_mib']} MiB")
        print("pipeline steps, µs per complaint (in process): "
              + ", ".join(f"{k} {v:.0f}" for k, v in summary["step_us_per_complaint"].items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
