"""Soak: `aduan simulate` at 20/s through every channel of a fresh `aduan up`; the RSS of every process
of the stack is printed per sample and must stay within its budget, and intake→searchable latency (a
web complaint probed every 2 s, searchable when the first search that finds it begins) must stay within
1.5× of the first period's.

Two lengths: 5 minutes in CI (6,000 complaints: growth of the kind the issue found, the emulator going from
10 MB to 4.9 GB in 20 minutes, shows within them; `ADUAN_SOAK_S` changes it), and
`pytest -m soak tests/faults/test_soak.py -s` for the 30 minutes the issue asks for, run on demand only."""

from __future__ import annotations

import os
import re
import signal
import statistics
import subprocess
import sys
import threading
import time

import httpx
import psutil
import pytest
from elasticsearch import ConnectionTimeout, Elasticsearch

from aduan.ports import free_port
from aduan.stack import EMULATOR_BYTES_PER_COMPLAINT, EMULATOR_IDLE_BYTES, held_documents
from tests import factories as make
from tests.faults.local_stack import local_env, start

pytestmark = [pytest.mark.e2e, pytest.mark.faults]

SOAK_S = float(os.environ.get("ADUAN_SOAK_S", "300"))
LONG_SOAK_S = 1800.0
RATE = 20.0
PROBE_EVERY_S = 2.0
# MiB of resident memory per process of the local stack at 20/s, as README "The local stack and its
# caveats" states them. The emulator holds every event and document in memory: its budget grows with the
# complaints it holds, at the cost per complaint `aduan up` plans its capacity with (aduan.stack).
BUDGET_MIB = {"worker": 450, "surge": 300, "notifier": 250, "indexer": 300, "api": 350, "mail": 250, "dovecot": 100}


def emulator_budget_mib(complaints: int) -> float:
    return (EMULATOR_IDLE_BYTES + EMULATOR_BYTES_PER_COMPLAINT * complaints) / 2 ** 20
LATENCY_GROWTH = 1.5


def processes(up: subprocess.Popen) -> dict[str, list[psutil.Process]]:
    """The stack's processes by component (a component's children count as its own)."""
    named: dict[str, list[psutil.Process]] = {}
    for child in psutil.Process(up.pid).children():
        line = " ".join(child.cmdline())
        name = ("emulator" if "noida" in line else "dovecot" if "dovecot" in line else
                next((part for part in ("worker", "surge", "indexer", "api", "mail", "notifier", "simulate")
                      if f" {part}" in line), None))
        if name and name != "simulate":
            named.setdefault(name, []).extend([child, *child.children(recursive=True)])
    return named


def emulator_parts(named: dict[str, list[psutil.Process]]) -> dict[str, list[psutil.Process]]:
    """The emulator's processes by the protocols each serves (printed beside their sum, which has the budget)."""
    parts: dict[str, list[psutil.Process]] = {}
    for process in named.get("emulator", []):
        try:
            line = process.cmdline()
        except psutil.NoSuchProcess:
            continue
        if "--only" in line and os.path.basename(line[0]) == "noida-db":  # the server, not its Python wrapper
            # By data dir (aduan.stack.EMULATOR_DIRS): the two search tiers serve the same protocol.
            parts[f"emu:{os.path.basename(line[line.index('--data-dir') + 1].rstrip('/'))}"] = [process]
    return parts


def rss_mib(group: list[psutil.Process]) -> float:
    total = 0
    for process in group:
        try:
            total += process.memory_info().rss
        except psutil.NoSuchProcess:
            pass
    return total / 2 ** 20


class Probe(threading.Thread):
    """A web complaint every few seconds; (seconds since the start, seconds until searchable) of each."""

    def __init__(self, api: str, es_url: str, duration_s: float) -> None:
        super().__init__(daemon=True)
        self.api, self.es_url, self.duration_s = api, es_url, duration_s
        self.latencies: list[tuple[float, float]] = []
        self.to_stored: list[tuple[float, float]] = []  # the same until the index holds it (GET by id)
        self.search_s: list[tuple[float, float]] = []  # how long the search that found it took
        self.lost: list[str] = []

    def run(self) -> None:
        started = time.monotonic()
        with httpx.Client(timeout=30) as http, Elasticsearch(self.es_url, request_timeout=10) as es:
            while time.monotonic() - started < self.duration_s:
                sent = time.monotonic()
                body = {"text": f"Got mampet di gang {make.marker('ukur')}"}
                try:
                    answer = http.post(f"{self.api}/v1/complaints", json=body)
                except httpx.RemoteProtocolError:
                    # A probe after an idle spell may meet uvicorn's 5 s keep-alive: the server may close the idle
                    # connection as the request goes out (nothing was accepted); once more, on a new one.
                    answer = http.post(f"{self.api}/v1/complaints", json=body)
                cid = answer.json()["complaint_id"]
                # In the emulator every search reads every document (~250 ms at 20,000 documents, seconds under
                # writes) while a GET by id stays under 2 ms: polled by search ten times a second, the probe was
                # the search emulator's heaviest client, its own load growing with the index it measured. So it
                # waits for the document by id, then for a search to find it: the complaint was searchable when
                # that search began, so its latency ends there, and the search's own time is kept apart (how
                # long a search takes grows with the index; that is the search server's cost, not intake's).
                deadline = sent + 60
                at_stored = poll(lambda: stored(es, cid), deadline, 0.02)
                at_searchable = at_stored and poll(lambda: searchable(es, cid), deadline, 0.05)
                if at_searchable:
                    self.to_stored.append((sent - started, at_stored - sent))
                    self.latencies.append((sent - started, at_searchable - sent))
                    self.search_s.append((sent - started, time.monotonic() - at_searchable))
                else:
                    self.lost.append(cid)
                time.sleep(max(0.0, PROBE_EVERY_S - (time.monotonic() - sent)))


def poll(check, deadline: float, every_s: float) -> float | None:
    """When the first check that succeeded began (monotonic), or None at the deadline."""
    while True:
        began = time.monotonic()
        try:
            if check():
                return began
        except ConnectionTimeout:
            # A search slower than the client's timeout is a slow answer, not the end of the probe: the 30-minute
            # soak's probe thread died of one at minute 14 on a busy machine, and the minutes after went unmeasured.
            pass
        if time.monotonic() > deadline:
            return None
        time.sleep(every_s)


def stored(es: Elasticsearch, cid: str) -> bool:
    return bool(es.options(ignore_status=404).get(index="aduan-complaints", id=cid, source=False).get("found"))


def searchable(es: Elasticsearch, cid: str) -> bool:
    return bool(es.search(index="aduan-complaints", query={"term": {"complaint_id": cid}})["hits"]["hits"])


@pytest.mark.timeout(int(SOAK_S) + 300)
def test_soak_at_20_per_second_stays_within_memory_budget_and_latency(tmp_path):
    soak(tmp_path, SOAK_S)


@pytest.mark.soak
@pytest.mark.timeout(int(LONG_SOAK_S) + 300)
def test_soak_30_minutes(tmp_path, request):
    if "soak" not in (request.config.getoption("markexpr") or ""):
        pytest.skip("on demand: pytest -m soak tests/faults/test_soak.py -s")
    soak(tmp_path, LONG_SOAK_S)


def print_samples(samples: list[tuple[float, dict]], duration_s: float, sample_every: float) -> None:
    if not samples:
        return
    names = sorted(samples[0][1])  # "documents": complaints in the index at the sample
    print(f"\n[soak {duration_s:.0f}s at {RATE:.0f}/s] RSS MiB per process, every {sample_every:.0f}s")
    print("   t(s) " + " ".join(f"{name:>9}" for name in names))
    for at, sample in samples:
        print(f"{at:7.0f} " + " ".join(f"{sample.get(name, 0):9.0f}" for name in names))


def soak(tmp_path, duration_s: float) -> None:
    env = local_env(tmp_path / "data")
    up, fields = start(env, free_port())
    simulator = None
    sample_every = min(60.0, duration_s / 4)
    try:
        simulator = subprocess.Popen([sys.executable, "-m", "aduan", "simulate", "--rate", str(RATE), "--duration",
                                      str(duration_s), "--api", fields["api"]], env=env, stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT, text=True)
        probe = Probe(fields["api"], fields["elasticsearch"], duration_s)
        probe.start()
        started, samples = time.monotonic(), []

        def sample() -> None:
            tiers = [fields["elasticsearch"], *([fields["elasticsearch_cold"]] if fields.get("elasticsearch_cold") else [])]
            counts = [held_documents(url, "aduan-complaints", timeout_s=30) for url in tiers]  # `_count` reads them all
            assert None not in counts, "a search emulator did not say how many documents it holds"
            held = sum(counts)
            named = processes(up)
            parts = {**named, **emulator_parts(named)}
            samples.append((time.monotonic() - started, {**{name: rss_mib(group) for name, group in parts.items()},
                                                         "documents": held}))

        try:
            while time.monotonic() - started < duration_s:
                sample()
                time.sleep(max(0.0, sample_every - (time.monotonic() - started) % sample_every))
            sample()
        finally:  # what was sampled is printed also when the emulator stops answering (the 30-minute soak)
            print_samples(samples, duration_s, sample_every)
        output, _ = simulator.communicate(timeout=120)
        probe.join(90)
        periods: dict[int, list[float]] = {}
        for at, seconds in probe.latencies:
            periods.setdefault(int(at // sample_every), []).append(seconds)
        # Compared unrounded: rounded to 10 ms first, medians of 0.094 s and 0.136 s read 0.09 and 0.14, a 1.5x
        # "breach" made of rounding at latencies this small.
        medians = [statistics.median(values) for _, values in sorted(periods.items())]
        for label, pairs in (("intake→stored (GET by id)", probe.to_stored), ("the finding search's own time", probe.search_s)):
            by_period: dict[int, list[float]] = {}
            for at, seconds in pairs:
                by_period.setdefault(int(at // sample_every), []).append(seconds)
            print(f"{label} median per {sample_every:.0f}s: "
                  f"{[round(statistics.median(v), 3) for _, v in sorted(by_period.items())]} s")
        print(f"intake→searchable median per {sample_every:.0f}s: {[round(m, 3) for m in medians]} s; simulator: "
              f"{' | '.join(output.strip().splitlines()[-3:])}")
        assert not probe.lost, f"{len(probe.lost)} probe complaints not searchable within 60 s"
        # The mixed traffic (pins, buttons, username users and opt-outs among the complaints) is recorded,
        # not dead-lettered: issue #12 asks for under 1 %.
        letters = re.search(r"dead letters: (\d+) of (\d+) sent \(([\d.]+) %\)", output)
        assert letters and float(letters.group(3)) < 1.0, output[-2000:]
        for name, budget in BUDGET_MIB.items():
            peak = max(sample.get(name, 0) for _, sample in samples)
            assert peak <= budget, f"{name}: {peak:.0f} MiB RSS, budget {budget} MiB"
        for at, sample in samples:
            budget = emulator_budget_mib(int(sample["documents"]))
            assert sample["emulator"] <= budget, \
                f"emulator at {at:.0f}s: {sample['emulator']:.0f} MiB for {sample['documents']} complaints (budget {budget:.0f})"
        assert len(medians) >= 2 and medians[-1] <= LATENCY_GROWTH * medians[0], \
            f"intake→searchable went from {medians[0]:.3f} s to {medians[-1]:.3f} s (limit ×{LATENCY_GROWTH})"
    finally:
        if simulator is not None and simulator.poll() is None:
            simulator.kill()
        if up.poll() is None:
            up.send_signal(signal.SIGINT)
            up.wait(90)
