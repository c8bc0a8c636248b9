"""What the deduplication window costs a worker's memory, per complaint held, and its time per complaint.

    python benchmarks/dedup_memory.py [--complaints 30000] [--runs 2]

In process, without the broker: the stage's pipeline (normalise, locate, deduplicate, classify, route)
over the stream-stage benchmark's realistic complaints, its store a plain dict as the worker's faust
table would be. Resident memory is read before and after the complaints (after 500 to warm the caches),
so the figure is what each complaint held in the 30-day window adds. Measured in the same run, each in a
fresh interpreter: the pipeline without deduplication (whose memory does not grow with the window), the
stage with the features of every complaint kept ready (``FEATURES_CACHE`` unbounded, as before it was
bounded) and the stage without its rare-word buckets (``RARE_KEYS`` 0), against the stage as it is.
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import psutil  # noqa: E402

from benchmarks.stream_stage import complaints  # noqa: E402
import streams.dedup.index as dedup_index  # noqa: E402
from streams.dedup import Deduplicator  # noqa: E402
from streams.pipeline import Pipeline, Submission  # noqa: E402

WARM = 500
BATCH = 200


def measure(count: int, deduplicate: bool) -> tuple[float, float]:
    """(bytes of resident memory per complaint, µs per complaint of the deduplicate step) of one fresh pipeline."""
    submissions = [Submission.of(c, "salt") for c in complaints(count + WARM)]
    pipeline = Pipeline("salt", Deduplicator(store={}))
    pipeline.run(submissions[:WARM], deduplicate=deduplicate)
    gc.collect()
    before = psutil.Process().memory_info().rss
    pipeline.timer.seconds.clear()
    pipeline.timer.calls.clear()
    for i in range(WARM, len(submissions), BATCH):
        pipeline.run(submissions[i:i + BATCH], deduplicate=deduplicate)
        pipeline.deduplicator.flush()
    gc.collect()
    return (psutil.Process().memory_info().rss - before) / count, pipeline.timer.per_item_us().get("deduplicate", 0.0)


# name -> (deduplicate, FEATURES_CACHE or None, RARE_KEYS or None)
VARIANTS = {"no dedup": (False, None, None), "every feature kept": (True, 10 ** 9, None),
            "no rare-word keys": (True, None, 0), "stage": (True, None, None)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--complaints", type=int, default=30000)
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--variant", choices=VARIANTS, help=argparse.SUPPRESS)  # one measurement, as JSON
    args = parser.parse_args()
    if args.variant:
        deduplicate, cache, rare_keys = VARIANTS[args.variant]
        if cache:
            dedup_index.FEATURES_CACHE = cache
        if rare_keys is not None:
            dedup_index.RARE_KEYS = rare_keys
        print(json.dumps(measure(args.complaints, deduplicate)))
        return
    rows: dict[str, list] = {name: [] for name in VARIANTS}
    for _ in range(args.runs):  # interleaved: the machine's load changes between runs
        for name in VARIANTS:
            out = subprocess.run([sys.executable, __file__, "--complaints", str(args.complaints), "--variant", name],
                                 check=True, capture_output=True, text=True).stdout
            rows[name].append(json.loads(out.strip().splitlines()[-1]))
    print(f"{args.complaints} complaints held, medians of {args.runs} runs (each in a fresh interpreter)")
    for name, runs in rows.items():
        print(f"  {name:20} {statistics.median(r[0] for r in runs):8.0f} B/complaint"
              f"  {statistics.median(r[1] for r in runs):6.0f} µs/complaint deduplicating")


if __name__ == "__main__":
    main()
