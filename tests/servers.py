"""Real servers for integration tests, started as child processes on free loopback ports."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

from kafka import KafkaConsumer, TopicPartition

from schemas.events import DeadLetter
from schemas.topics import DEADLETTER

from aduan.stack import Child, start_emulator, wait_emulator


@dataclass
class Servers:
    kafka: str
    elasticsearch: str
    data_dir: Path
    child: Child

    def stop(self) -> None:
        self.child.stop(grace_s=5)

    def start(self) -> None:
        """Start again on the same ports and data (fault tests stop and restart the servers)."""
        self.child.start()
        wait_emulator(self.child, self.kafka, self.elasticsearch)

    def service(self, action: str, name: str) -> None:
        """Stop or start one protocol (``kafka`` or ``elasticsearch``) while the other keeps serving."""
        noida = shutil.which("noida-db") or str(Path(sys.executable).with_name("noida-db"))
        subprocess.run([noida, action, name, "--data-dir", str(self.data_dir / "noida")], check=True,
                       capture_output=True, timeout=30)


@contextmanager
def running_emulator(data_dir: Path) -> Iterator[Servers]:
    child, kafka, es_url = start_emulator(data_dir / "noida", data_dir / "noida.log")
    servers = Servers(kafka, es_url, data_dir, child)
    try:
        yield servers
    finally:
        servers.stop()


def read_topic(bootstrap: str, topic: str, until: Callable[[list], bool] | None = None,
               timeout_s: float = 10.0) -> list:
    """Records on ``topic`` from the beginning, without a consumer group.

    Without ``until``: everything up to the current end. With it: keep reading until
    ``until(records)`` holds or the time is up (the caller asserts on what came).
    """
    consumer = KafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False, group_id=None,
                             receive_message_max_bytes=256 * 1024 * 1024)
    try:
        partitions = [TopicPartition(topic, p) for p in sorted(consumer.partitions_for_topic(topic) or ())]
        consumer.assign(partitions)
        consumer.seek_to_beginning(*partitions)
        records, deadline = [], time.monotonic() + timeout_s
        end = consumer.end_offsets(partitions)
        while time.monotonic() < deadline:
            for batch in consumer.poll(timeout_ms=100).values():
                records.extend(batch)
            if until is None:
                if all(consumer.position(tp) >= end[tp] for tp in partitions):
                    break
            elif until(records):
                break
        return records
    finally:
        consumer.close()


def log_starts(bootstrap: str, topic: str) -> list[int]:
    """Each partition's first offset (what DeleteRecords left), in partition order."""
    consumer = KafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False, group_id=None)
    try:
        partitions = [TopicPartition(topic, p) for p in sorted(consumer.partitions_for_topic(topic) or ())]
        starts = consumer.beginning_offsets(partitions)
        return [starts[tp] for tp in partitions]
    finally:
        consumer.close()


def dead_letters_for(records, source_topic: str, partition: int, offset: int) -> list[DeadLetter]:
    letters = (DeadLetter.model_validate_json(r.value) for r in records)
    return [letter for letter in letters
            if (letter.source_topic, letter.partition, letter.offset) == (source_topic, partition, offset)]


def await_dead_letter(bootstrap: str, source_topic: str, partition: int, offset: int,
                      timeout_s: float = 10.0) -> DeadLetter:
    records = read_topic(bootstrap, DEADLETTER.name, timeout_s=timeout_s,
                         until=lambda rs: bool(dead_letters_for(rs, source_topic, partition, offset)))
    letters = dead_letters_for(records, source_topic, partition, offset)
    assert len(letters) == 1, f"expected one dead letter for {source_topic}[{partition}]@{offset}, got {len(letters)}"
    return letters[0]


def run_aduan(*args: str, env: dict[str, str], timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "aduan", *args], env=env, capture_output=True, text=True,
                          timeout=timeout)
