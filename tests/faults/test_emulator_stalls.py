"""The emulator stalled (SIGSTOP of its process group) under load, then resumed (SIGCONT) — for 20 s in
CI, and on demand (-m soak) for 20 s and then 60 s in one run of the stack: intake keeps answering from the journal while the broker
answers nothing; within 10 s of the broker answering again every producer of the stack writes again
(the API, the stream worker, the indexer, the status API); afterwards every acknowledged complaint is
searchable exactly once. Before the journal and the producer reset, every request after such a stall
answered 503 for minutes.

How "writing again" is seen: a fresh consumer reads the four topics the producers write from where
they ended before the stall, and notes when it first sees a record *created after* the broker answered
(the producer's own timestamp): ``complaints.raw.web`` (the API: the citizens' load and the journal's
backlog), ``complaints.routed`` (the stream worker), ``complaints.status`` (the status API, probed with
a status change every half second) and ``complaints.sla`` (the indexer: complaints received weeks
ago, published by this test after the broker answered, make the indexer's fold publish an SLA breach).
The figures are upper bounds: they include the probes' own path (an SLA event needs the worker and
the indexer) and the watcher's polling."""

from __future__ import annotations

import json
import os
import signal
import threading
import time
from datetime import timedelta

import httpx
import psutil
import pytest
from elasticsearch import Elasticsearch
from kafka import TopicPartition

from aduan.core.connections import kafka_answers, kafka_consumer, kafka_producer
from aduan.core.settings import endpoints_file
from aduan.ports import free_port
from aduan.stack import EMULATORS
from schemas.events import utcnow
from schemas.ids import complaint_id
from schemas.topics import ROUTED, SLA, STATUS, by_name
from tests import factories as make
from tests.faults.searchable import assert_exactly_once, wait_all_searchable
from tests.faults.local_stack import Citizens, index_client, local_env, start

pytestmark = [pytest.mark.e2e, pytest.mark.faults]

# CI stalls the broker for 20 s (its budget is nearly spent); the 60 s stall the issue also asks for is
# `pytest -m soak tests/faults/test_emulator_stalls.py -s` (on demand, like the 30-minute soak).
STALL_S, LONG_STALL_S = 20.0, 60.0
HEALTHZ_WITHIN_S = 2.0
RECOVER_WITHIN_S = 10.0
RAW_WEB = by_name("complaints.raw.web")
WRITERS = {RAW_WEB.name: "api", ROUTED.name: "stream worker", SLA.name: "indexer", STATUS.name: "status api"}


def end_offsets(kafka: str) -> dict[TopicPartition, int]:
    consumer = kafka_consumer(kafka, group=None, client_id="stall-offsets")
    try:
        partitions = [TopicPartition(topic, p) for topic in WRITERS for p in consumer.partitions_for_topic(topic)]
        return consumer.end_offsets(partitions)
    finally:
        consumer.close()


class Watcher(threading.Thread):
    """First sighting, per topic, of a record its producer created at or after ``since`` (unix s)."""

    def __init__(self, kafka: str, offsets: dict[TopicPartition, int], since: float, within_s: float) -> None:
        super().__init__(daemon=True)
        self.kafka, self.offsets, self.since, self.within_s = kafka, offsets, since, within_s
        self.first_seen: dict[str, float] = {}

    def run(self) -> None:
        consumer = kafka_consumer(self.kafka, group=None, client_id="stall-watcher")
        try:
            consumer.assign(list(self.offsets))
            for partition, offset in self.offsets.items():
                consumer.seek(partition, offset)
            deadline = time.time() + self.within_s
            while len(self.first_seen) < len(WRITERS) and time.time() < deadline:
                for partition, records in consumer.poll(timeout_ms=200).items():
                    if partition.topic in self.first_seen:
                        continue
                    if any(record.timestamp >= self.since * 1000 for record in records):
                        self.first_seen[partition.topic] = time.time()
        finally:
            consumer.close()


class Probes(threading.Thread):
    """Makes the producers that do not write on their own write: a status change every half second on
    one complaint (the status API), and a complaint received three weeks ago every second, straight
    onto the raw topic (routed by the worker, then the indexer publishes its SLA breach)."""

    def __init__(self, api: str, kafka: str, operator_key: str, target: str, marker: str, within_s: float) -> None:
        super().__init__(daemon=True)
        self.api, self.kafka, self.key, self.target, self.marker = api, kafka, operator_key, target, marker
        self.within_s = within_s
        self.status_answers: list[int] = []
        self.overdue: list[str] = []
        self.done = threading.Event()

    def run(self) -> None:
        producer = kafka_producer(self.kafka, "stall-probe", 5.0)
        deadline = time.monotonic() + self.within_s
        try:
            with httpx.Client(timeout=10) as http:
                n = 0
                while time.monotonic() < deadline and not self.done.is_set():
                    try:
                        answer = http.post(f"{self.api}/v1/complaints/{self.target}/status",
                                           headers={"X-API-Key": self.key},
                                           json={"status": "bukan_wewenang", "unit_code": make.UNIT_CODE,
                                                 "reason": f"uji macet {n}"})
                        self.status_answers.append(answer.status_code)
                    except httpx.HTTPError:
                        self.status_answers.append(0)
                    if n % 2 == 0:
                        old = make.complaint(text=f"Sampah menumpuk di pasar {self.marker} ke {n}",
                                             received_at=utcnow() - timedelta(days=21))
                        producer.send(RAW_WEB.name, key=old.complaint_id.encode(), value=old.model_dump_json().encode())
                        self.overdue.append(old.complaint_id)
                    n += 1
                    time.sleep(0.5)
        finally:
            producer.close(timeout=5)


def operator_key(data_dir) -> str:
    keys = json.loads(json.loads(endpoints_file(data_dir).read_text())["channel_secrets"]["api_keys"])
    return next(key for key, principal in keys.items() if principal["role"] == "operator")


def wait_searchable_id(es: Elasticsearch, cid: str, within_s: float) -> None:
    deadline = time.monotonic() + within_s
    while not es.search(index="aduan-complaints", query={"term": {"complaint_id": cid}})["hits"]["hits"]:
        assert time.monotonic() < deadline, f"{cid} not searchable after {within_s:.0f}s"
        time.sleep(0.3)


@pytest.mark.timeout(600)
def test_stalled_emulator_journal_answers_every_producer_writes_again_nothing_lost(tmp_path):
    stalls(tmp_path, (STALL_S,))


@pytest.mark.soak
@pytest.mark.timeout(900)
def test_stalled_emulator_20_then_60_seconds(tmp_path, request):
    if "soak" not in (request.config.getoption("markexpr") or ""):
        pytest.skip("on demand: pytest -m soak tests/faults/test_emulator_stalls.py -s")
    stalls(tmp_path, (STALL_S, LONG_STALL_S))


def stalls(tmp_path, stalls_s: tuple[float, ...]) -> None:
    data_dir = tmp_path / "data"
    env = local_env(data_dir, ADUAN_KAFKA_TIMEOUT_S="3")
    up, fields = start(env, free_port())
    api, kafka = fields["api"], fields["kafka"]
    citizens = Citizens(make.marker("macet"), timeout_s=30)  # longer than the API waits for the broker
    load = threading.Thread(target=citizens.run, daemon=True)
    results: list[dict] = []
    try:
        key = operator_key(data_dir)
        target = httpx.post(f"{api}/v1/complaints", json={"text": f"Drainase tersumbat {make.marker('sasaran')}"},
                            timeout=30).json()["complaint_id"]
        es = index_client(fields)
        wait_searchable_id(es, target, 30)
        citizens.api = api
        load.start()
        # Every emulator process (aduan.stack.EMULATORS): the broker and the index's two tiers.
        emulators = [p for p in psutil.Process(up.pid).children() if "noida" in " ".join(p.cmdline())]
        assert len(emulators) == len(EMULATORS)
        for stall_s in stalls_s:
            time.sleep(4)
            offsets = end_offsets(kafka)
            before = len(citizens.accepted)
            for emulator in emulators:  # its whole process group: the server is a child of it
                os.killpg(emulator.pid, signal.SIGSTOP)
            stopped = time.monotonic()
            try:
                time.sleep(stall_s / 2)
                asked = time.monotonic()
                health = httpx.get(f"{api}/healthz", timeout=10)
                health_s = time.monotonic() - asked
                time.sleep(stall_s / 2)
            finally:
                for emulator in emulators:
                    os.killpg(emulator.pid, signal.SIGCONT)
            resumed = time.monotonic()
            while not kafka_answers(kafka, 0.5):
                assert time.monotonic() - resumed < 30, "the broker does not answer 30 s after SIGCONT"
            answered, answered_at = time.time(), time.monotonic()
            watcher = Watcher(kafka, offsets, answered, within_s=40)
            probes = Probes(api, kafka, key, target, make.marker("lama"), within_s=40)
            watcher.start()
            probes.start()
            watcher.join(45)
            probes.done.set()
            probes.join(15)
            healthy_after = None
            while healthy_after is None and time.monotonic() - answered_at < 30:
                if httpx.get(f"{api}/healthz", timeout=5).status_code == 200:
                    healthy_after = time.monotonic() - answered_at
            waits = sorted(took for at, took in citizens.answered_at if stopped < at < resumed)
            result = {"stall_s": stall_s, "acknowledged_during": len(citizens.accepted) - before,
                      "answer_s_p50_max": waits and (round(waits[len(waits) // 2], 2), round(waits[-1], 2)),
                      "healthz": health.status_code, "healthz_s": round(health_s, 2),
                      "broker_answered_after_s": round(answered_at - resumed, 1),
                      "healthy_after_s": healthy_after and round(healthy_after, 1),
                      "status_answers": sorted(set(probes.status_answers)),
                      **{WRITERS[t]: round(watcher.first_seen[t] - answered, 1) if t in watcher.first_seen else None
                         for t in WRITERS}}
            print(f"\n[stall {stall_s:.0f}s] {result}")
            results.append(result)
        citizens.stop.set()
        load.join(15)
        wait_all_searchable(es, "aduan-complaints", citizens.marker, len(citizens.accepted), timeout_s=240)
        expected = {complaint_id("web", key) for key in citizens.accepted}
        assert_exactly_once(es, "aduan-complaints", citizens.marker, expected, len(citizens.accepted),
                            f"emulator stalled {'+'.join(f'{s:.0f}s' for s in stalls_s)}")
        es.close()
        for result in results:
            label = f"after the {result['stall_s']:.0f}s stall"
            assert result["acknowledged_during"] > 0, f"{label}: nothing acknowledged (the journal did not answer)"
            # 503, and soon: a balancer must take the API out. The answer took 5.6-10 s while the API's
            # event loop waited for a producer being built in a thread (Publisher._build_lock).
            assert result["healthz"] == 503 and result["healthz_s"] <= HEALTHZ_WITHIN_S, f"{label}: /healthz {result}"
            # Answered from the journal after a short wait (JournaledPublisher.AWAY_WAIT_S), not after
            # the Kafka timeout: a provider that times out counts the message as failed.
            assert result["answer_s_p50_max"][0] <= 1.5, f"{label}: answers took {result['answer_s_p50_max']} s"
            for writer in WRITERS.values():
                seconds = result[writer]
                assert seconds is not None and seconds <= RECOVER_WITHIN_S, \
                    f"{label}: {writer} writing again after {seconds}s (limit {RECOVER_WITHIN_S:.0f}s): {result}"
    finally:
        citizens.stop.set()
        if up.poll() is None:
            up.send_signal(signal.SIGINT)
            up.wait(90)
