"""Baseline for benchmarks/stream_stage.py: the worker's faust configuration and batch/ack loop,
forwarding every raw record unchanged (no validation, no processing)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from aduan.core import fetch_pacing  # noqa: E402
from aduan.core.settings import get_settings  # noqa: E402
from schemas.topics import RAW  # noqa: E402
from streams.app import Batch, faust_app, forward_batches  # noqa: E402

PASSTHROUGH_TOPIC = "bench.passthrough"

fetch_pacing.install(get_settings().kafka_empty_fetch_pause_ms)  # as `aduan worker` does
app = faust_app(get_settings())
raw_topic = app.topic(*(spec.name for spec in RAW.values()), key_type=bytes, value_type=bytes)
out = {PASSTHROUGH_TOPIC: app.topic(PASSTHROUGH_TOPIC, key_type=bytes, value_type=bytes)}


@app.agent(raw_topic, name="bench.passthrough")
async def passthrough(stream):
    await forward_batches(
        stream, lambda events: Batch([(PASSTHROUGH_TOPIC, e.message.key, e.message.value) for e in events]), out)


if __name__ == "__main__":
    sys.argv = ["passthrough", "worker", "--loglevel", "warn", "--without-web"]
    app.main()
