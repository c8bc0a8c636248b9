"""Pipeline processes for tests: the same commands `aduan up` runs, as child processes."""

from __future__ import annotations

import sys
import uuid
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from kafka import KafkaConsumer, OffsetAndMetadata, TopicPartition

from aduan.core.connections import kafka_consumer

from aduan.ports import wait_until
from aduan.stack import Child
from consumers.sinks.indexer import MAX_POLL_INTERVAL_MS, SOURCES
from schemas.topics import RAW


@contextmanager
def running(name: str, env: dict[str, str], log_dir: Path, *extra: str) -> Iterator[Child]:
    """Start ``aduan <name>`` and wait until it announces readiness."""
    with running_together([name], env, log_dir, *extra) as (child,):
        yield child


@contextmanager
def running_together(names: list[str], env: dict[str, str], log_dir: Path, *extra: str) -> Iterator[list[Child]]:
    """Start several ``aduan <name>`` at once and wait until all announce readiness: their start-ups
    (model loads, faust recoveries: 15–25 s each) overlap instead of adding up."""
    children, readies = [], []
    try:
        for name in names:
            ready = log_dir / f"{name}.ready"
            ready.unlink(missing_ok=True)
            child = Child(name=name, env=env, log_path=log_dir / f"{name}.log",
                          argv=[sys.executable, "-m", "aduan", name, "--ready-file", str(ready), *extra])
            child.start()
            children.append(child)
            readies.append(ready)
        for name, child, ready in zip(names, children, readies):
            wait_until(ready.exists, 60, name, child.alive)
        yield children
    finally:
        for child in children:
            child.stop(grace_s=10)


def indexer_consumer(bootstrap: str, group: str) -> KafkaConsumer:
    """The indexer's consumer as its process builds it, in a group of the test's own."""
    return kafka_consumer(bootstrap, *(spec.name for spec in SOURCES), group=group, client_id=group,
                          max_poll_interval_ms=MAX_POLL_INTERVAL_MS)


def start_at_end(bootstrap: str, group: str, topics: list[str]) -> None:
    """Commit the topics' end offsets for a new consumer group, so a pipeline started for one test
    processes that test's records, not everything earlier tests left on the shared broker."""
    consumer = KafkaConsumer(bootstrap_servers=bootstrap, group_id=group, enable_auto_commit=False)
    try:
        partitions = [TopicPartition(t, p) for t in topics for p in consumer.partitions_for_topic(t) or ()]
        ends = consumer.end_offsets(partitions)
        consumer.commit({tp: OffsetAndMetadata(offset, "", -1) for tp, offset in ends.items()})
    finally:
        consumer.close()


def own_groups(bootstrap: str, env: dict[str, str], tag: str) -> dict[str, str]:
    """``env`` with a stream app and an indexer group of their own, both starting at the topics' end:
    a test's pipeline then waits for that test's records only, however much the suite left behind."""
    run = f"{tag}-{uuid.uuid4().hex[:6]}"
    own = {**env, "ADUAN_STREAM_APP_ID": f"{run}-streams", "ADUAN_INDEXER_GROUP": f"{run}-indexer"}
    start_at_end(bootstrap, own["ADUAN_STREAM_APP_ID"], [spec.name for spec in RAW.values()])
    start_at_end(bootstrap, own["ADUAN_INDEXER_GROUP"], [spec.name for spec in SOURCES])
    return own


def log_tail(child: Child, lines: int = 30) -> str:
    return "\n".join(child.log_path.read_text(errors="replace").splitlines()[-lines:])
