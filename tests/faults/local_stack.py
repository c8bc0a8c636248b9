"""`aduan up` as the fault tests drive it: started in a session of its own, its output drained, its
children found by role, its /healthz sampled, its supervisor log read when a test fails, and a steady
load of citizens who remember every complaint that got a 202."""

from __future__ import annotations

import collections
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import psutil
from elasticsearch import Elasticsearch

from aduan.core.tiered_search import TieredElasticsearch
from aduan.stack import EMULATOR_DIRS

RATE_PER_S = 50
OUTPUT_LINES_KEPT = 200


class Up(subprocess.Popen):
    """`aduan up` whose stdout and stderr are read to the end by two threads once it is ready: a pipe nobody
    reads fills at ~64 KiB, and the supervisor's next status line would then block it (and the stack)."""

    output: collections.deque[str]

    def drain(self) -> None:
        self.output = collections.deque(maxlen=OUTPUT_LINES_KEPT)
        for stream in (self.stdout, self.stderr):
            threading.Thread(target=self._keep, args=(stream,), daemon=True).start()

    def _keep(self, stream) -> None:
        for line in stream:
            self.output.append(line)

    def recent_output(self) -> str:
        return "".join(self.output)


def local_env(data_dir: Path, **settings: str) -> dict[str, str]:
    """The environment of an `aduan up` that starts its own emulators in ``data_dir`` (no server configured), with
    ``settings`` on top; the intake rate limit off (the tests' load comes from one address)."""
    env = {**os.environ, "ADUAN_DATA_DIR": str(data_dir), "PYTHONUNBUFFERED": "1", "ADUAN_INTAKE_RATE_PER_MINUTE": "0",
           **settings}
    env.pop("ADUAN_KAFKA_BOOTSTRAP", None)
    env.pop("ADUAN_ELASTICSEARCH_URL", None)
    return env


def start(env: dict[str, str], api_port: int) -> tuple[Up, dict[str, str]]:
    """`aduan up` on ``api_port`` with ``env``, once it printed its ready line, and that line's endpoints."""
    up = Up([sys.executable, "-m", "aduan", "up", "--api-port", str(api_port)], env=env,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    ready = up.stdout.readline()
    assert ready.startswith("aduan ready "), up.stderr.read() if up.poll() is not None else ready
    up.drain()
    return up, dict(part.split("=", 1) for part in ready.split()[2:])


def stop(up: subprocess.Popen) -> None:
    if up.poll() is None:
        up.send_signal(signal.SIGINT)
        up.wait(90)


def emulator_of(up: subprocess.Popen, protocol: str, data_dir: str | None = None) -> psutil.Process:
    """The noida-db child of `aduan up` serving ``protocol`` ("kafka" or "elasticsearch"); the search server's
    hot tier unless ``data_dir`` names another (aduan.stack.EMULATOR_DIRS: "noida-cold")."""
    dir_name = data_dir or EMULATOR_DIRS["kafka" if protocol == "kafka" else "elasticsearch"]
    [emulator] = [p for p in psutil.Process(up.pid).children()
                  if protocol in _argv(p) and "noida" in " ".join(_argv(p))
                  and os.path.basename(_argv(p)[_argv(p).index("--data-dir") + 1].rstrip("/")) == dir_name]
    return emulator


def index_client(fields: dict[str, str], request_timeout: float = 60) -> Elasticsearch:
    """The complaint index as the stack's readers see it: both tiers of `aduan up`'s search servers, read as one."""
    hot = Elasticsearch(fields["elasticsearch"], request_timeout=request_timeout)
    if not fields.get("elasticsearch_cold"):
        return hot
    cold = Elasticsearch(fields["elasticsearch_cold"], request_timeout=request_timeout)
    return TieredElasticsearch(hot, cold, "aduan-complaints")  # type: ignore[return-value]


def _argv(process: psutil.Process) -> list[str]:
    try:
        return process.cmdline()
    except (psutil.ZombieProcess, psutil.NoSuchProcess):  # a child just stopped, not reaped yet
        return []


def power_cut(up: subprocess.Popen) -> int:
    """SIGKILL to `aduan up` and every process below it, all at once; returns how many."""
    victims = [up.pid, *(child.pid for child in psutil.Process(up.pid).children(recursive=True))]
    for pid in victims:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    up.wait(10)
    for pid in victims:
        try:
            psutil.Process(pid).wait(10)
        except psutil.NoSuchProcess:
            pass
    return len(victims)


def health_for(api: str, seconds: float, until=lambda _answer: False) -> list[tuple[int, tuple[str, ...]]]:
    """/healthz every 0.1 s for ``seconds`` or until an answer satisfies ``until``: each answer as (status, the
    dependencies it names as down); no answer at all is (0, ("api",))."""
    answers, deadline = [], time.monotonic() + seconds
    while True:
        try:
            reply = httpx.get(f"{api}/healthz", timeout=2)
            answer = (reply.status_code, tuple(reply.json().get("down", ())))
        except (httpx.HTTPError, ValueError):
            answer = (0, ("api",))
        answers.append(answer)
        if until(answer) or time.monotonic() >= deadline:
            return answers
        time.sleep(0.1)


def supervisor_log(data_dir: Path) -> str:
    try:
        return "".join((data_dir / "logs" / "supervisor.log").read_text().splitlines(keepends=True)[-40:])
    except OSError as exc:
        return f"({exc})"


class Citizens:
    """Posts complaints at a steady rate; remembers every one that got a 202 (an acknowledgement)."""

    def __init__(self, marker: str, timeout_s: float = 5.0, rate_per_s: float = RATE_PER_S) -> None:
        self.marker = marker
        self.timeout_s = timeout_s
        self.rate_per_s = rate_per_s
        self.accepted: dict[str, str] = {}  # Idempotency-Key -> complaint_id
        self.attempted: set[str] = set()  # every key sent, answered or not
        self.refused = 0
        self.refused_at: list[tuple[float, str]] = []  # (monotonic time, what came back) of each request without a 202
        self.answered_at: list[tuple[float, float]] = []  # (monotonic time answered, seconds it took) of each 202
        self.api: str | None = None
        self.stop = threading.Event()
        self.lock = threading.Lock()

    def run(self) -> None:
        n = 0
        with httpx.Client(timeout=self.timeout_s) as http:
            while not self.stop.is_set():
                started = time.monotonic()
                api = self.api
                if api is not None:
                    key = f"{self.marker}-{n}"
                    n += 1
                    self.attempted.add(key)
                    try:
                        answer = http.post(f"{api}/v1/complaints", headers={"Idempotency-Key": key},
                                           json={"text": f"Jalan berlubang RT {n % 90} {self.marker}"})
                        if answer.status_code == 202:
                            with self.lock:
                                self.accepted[key] = answer.json()["complaint_id"]
                                self.answered_at.append((time.monotonic(), time.monotonic() - started))
                        else:
                            self._refused(str(answer.status_code))
                    except httpx.HTTPError as exc:
                        self._refused(type(exc).__name__)  # no answer is not an acknowledgement
                self.stop.wait(max(0.0, 1 / self.rate_per_s - (time.monotonic() - started)))

    def _refused(self, what: str) -> None:
        with self.lock:
            self.refused += 1
            self.refused_at.append((time.monotonic(), what))
