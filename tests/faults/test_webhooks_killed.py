"""The webhook dispatcher killed with SIGKILL, then restarted: it takes its partitions back at once.

Before the kernel built every consumer, the dispatcher had no static group membership: the local
emulator never expires a killed member, so the restarted dispatcher waited for it forever and no
unit heard of anything again.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import time
import uuid
from datetime import datetime, timezone

import pytest
from kafka import KafkaProducer

from aduan.ports import wait_until
from aduan.stack import Child
from consumers.sinks.webhooks.subscriptions import SOURCES
from schemas.events import Complaint, RoutedComplaint
from schemas.topics import ROUTED
from tests.consumers.test_webhooks import Receiver
from tests.workers import log_tail, start_at_end

pytestmark = [pytest.mark.integration, pytest.mark.faults]

SECRET = "kill-test-secret-0123456789abcdef"
RESUME_WITHIN_S = 20.0


def routed(unit: str, n: int) -> RoutedComplaint:
    c = Complaint.new(channel="web", provider_message_id=f"hook-kill-{uuid.uuid4().hex}",
                      received_at=datetime.now(timezone.utc), text=f"Lampu jalan mati nomor {n}")
    return RoutedComplaint(**c.model_dump(), topic="infrastruktur", confidence=0.9, unit_code=unit)


def start(env: dict[str, str], tmp_path, name: str) -> Child:
    ready = tmp_path / f"{name}.ready"
    child = Child(name=name, env=env, log_path=tmp_path / f"{name}.log",
                  argv=[sys.executable, "-m", "aduan", "webhooks", "--ready-file", str(ready)])
    child.start()
    wait_until(ready.exists, 60, name, child.alive)
    return child


def test_dispatcher_killed_and_restarted_resumes_at_once(servers, server_env, tmp_path):
    unit, group = f"KILL.{uuid.uuid4().hex[:6]}", f"hooks-kill-{uuid.uuid4().hex[:6]}"
    receiver = Receiver(SECRET)
    subscriptions = tmp_path / "subscriptions.json"
    subscriptions.write_text(json.dumps({"subscriptions": [
        {"id": "kill", "unit_code": unit, "url": f"{receiver.url}/kill", "secret_env": "HOOK_SECRET",
         "events": ["complaint.routed"]}]}))
    start_at_end(servers.kafka, group, [spec.name for spec in SOURCES])
    env = {**server_env, "ADUAN_WEBHOOK_SUBSCRIPTIONS": str(subscriptions), "HOOK_SECRET": SECRET,
           "ADUAN_WEBHOOK_GROUP": group, "ADUAN_INSTANCE_ID": "hooks-1"}
    producer = KafkaProducer(bootstrap_servers=servers.kafka, acks="all")
    delivered = lambda: {r["body"]["complaint_id"] for r in receiver.to("/kill") if r["verified"]}
    first = start(env, tmp_path, "webhooks-1")
    second = None
    try:
        before = routed(unit, 1)
        producer.send(ROUTED.name, key=before.complaint_id.encode(), value=before.model_dump_json().encode()).get(10)
        wait_until(lambda: before.complaint_id in delivered(), 30, "first delivery", first.alive)

        os.killpg(first.process.pid, signal.SIGKILL)
        first.process.wait(10)
        after = routed(unit, 2)  # published while no dispatcher runs
        producer.send(ROUTED.name, key=after.complaint_id.encode(), value=after.model_dump_json().encode()).get(10)

        restarted = time.monotonic()
        second = start(env, tmp_path, "webhooks-2")
        deadline = restarted + RESUME_WITHIN_S
        while after.complaint_id not in delivered():
            assert time.monotonic() < deadline, (
                f"restarted dispatcher delivered nothing in {RESUME_WITHIN_S:.0f}s:\n{log_tail(second)}")
            assert second.alive(), log_tail(second)
            time.sleep(0.1)
        resumed = time.monotonic() - restarted
        print(f"webhook dispatcher restarted after kill -9: delivering again {resumed:.1f}s after the restart")
        assert delivered() == {before.complaint_id, after.complaint_id}
        assert len({r["delivery"] for r in receiver.to("/kill")}) == 2  # a redelivery keeps its delivery id
    finally:
        for child in (first, second):
            if child is not None:
                child.stop(grace_s=5)
        producer.close()
        receiver.close()
