"""`aduan up`: the local stack as supervised child processes on loopback.

Children, in start order: the emulators (one process for the Kafka protocol, one for Elasticsearch's,
unless servers are configured), the faust stream worker, the indexer and the HTTP API. Each child runs
in its own process group so that stopping it also stops whatever it spawned; on Ctrl-C
or SIGTERM every group is terminated, then killed if it lingers.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import threading
import time
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import httpx

from aduan.core.backoff import Backoff
from aduan.core.journal import REPUBLISH_SIGNAL
from aduan.core.settings import Settings, endpoints_file, running_stack
from aduan.ports import free_port, port_open, wait_until

STOP_GRACE_S = 10.0
# The emulator children by what each serves, in start order: the broker, the index's hot tier (every write) and
# its cold tier (what nobody wrote for ADUAN_INDEX_HOT_S: aduan.core.tiered_search).
EMULATORS = {"kafka": "emulator-kafka", "elasticsearch": "emulator-elasticsearch",
             "cold": "emulator-elasticsearch-cold"}
# Children that hold connections to the emulator: started afresh after the emulator restarts.
DEPENDANTS = ("worker", "surge", "indexer", "api", "mail", "webhooks", "notifier", "simulator")
# ... except these, which reconnect by themselves and publish their journal's recent window again when told.
KEPT_THROUGH_BROKER_RESTART = ("api",)


def elasticsearch_healthy(url: str) -> bool:
    try:
        return httpx.get(f"{url}/_cluster/health", timeout=1).status_code == 200
    except httpx.HTTPError:
        return False


@dataclass
class Child:
    name: str
    argv: list[str]
    log_path: Path
    env: dict[str, str] = field(default_factory=dict)
    process: subprocess.Popen | None = None
    started_at: float = 0.0
    restarts: int = 0

    def start(self) -> None:
        self.log_path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        log = open(os.open(self.log_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600), "ab")
        # umask 077: whatever a child writes (raw payloads with rahasia text, emulator state, blobs,
        # logs) is readable by this user only.
        self.process = subprocess.Popen(self.argv, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                                        env={**os.environ, **self.env}, start_new_session=True, umask=0o077)
        log.close()
        self.started_at = time.monotonic()

    def last_line(self) -> str:
        """The last line the child logged (for a one-line diagnosis)."""
        try:
            lines = self.log_path.read_text(errors="replace").strip().splitlines()
        except OSError:
            return ""
        return lines[-1][:300] if lines else ""

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def signal_group(self, sig: int) -> None:
        if self.process is None:
            return
        try:
            os.killpg(self.process.pid, sig)
        except ProcessLookupError:
            pass

    def stop(self, grace_s: float = STOP_GRACE_S) -> None:
        stop_together([self], grace_s)


def stop_together(children: list[Child], grace_s: float = STOP_GRACE_S) -> None:
    """SIGTERM every child's group at once, wait at most ``grace_s`` for all of them together, then SIGKILL
    what is left: stopping N children costs one grace period, not N."""
    children = [child for child in children if child.process is not None]
    for child in children:
        child.signal_group(signal.SIGTERM)
    deadline = time.monotonic() + grace_s
    for child in children:
        try:
            child.process.wait(timeout=max(0.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            pass
    for child in children:
        child.signal_group(signal.SIGKILL)  # the group may outlive its leader: always sweep it
        try:
            child.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            pass


# The emulator (a Rust binary on glibc's malloc) rewrites its whole state to JSON about once a second,
# from many threads. With glibc's defaults each thread's arena keeps the freed snapshot buffers, and the
# dynamic mmap threshold (raised to the size of each freed buffer, up to 32 MiB) moves those buffers from
# mmap (given back at free) into the arenas: resident memory grew faster than the data (measured at
# 20/s, benchmarks/README.md "The emulator's memory": 494 MiB at 3,586 complaints with the defaults).
# Two arenas and a fixed threshold keep the transient buffers returnable.
EMULATOR_MALLOC_ENV = {"MALLOC_ARENA_MAX": "2", "MALLOC_MMAP_THRESHOLD_": "131072", "MALLOC_TRIM_THRESHOLD_": "131072"}


def emulator_binary() -> str:
    """The emulator's server binary, started directly: the `noida-db` launcher on PATH is a Python process
    (~14 MiB resident) that only waits for it, one per emulator."""
    from importlib.resources import files

    binary = Path(str(files("noida_db").joinpath("noida-db")))
    if not binary.is_file():
        return shutil.which("noida-db") or str(Path(sys.executable).with_name("noida-db"))
    if not os.access(binary, os.X_OK):
        binary.chmod(0o755)  # what the launcher does before each start
    return str(binary)


def start_emulator(data_dir: Path, log_path: Path, only: tuple[str, ...] = ("kafka", "elasticsearch"),
                   name: str = "emulator") -> tuple[Child, str | None, str | None]:
    """The protocol emulator serving ``only`` on free loopback ports; returns it (and the Kafka bootstrap and
    Elasticsearch URL it serves, None for a protocol it does not) once it answers."""
    kafka_port = free_port() if "kafka" in only else None
    es_port = free_port() if "elasticsearch" in only else None
    data_dir.mkdir(parents=True, exist_ok=True)
    ports = [*(["--kafka-port", str(kafka_port)] if kafka_port else []),
             *(["--elasticsearch-port", str(es_port)] if es_port else [])]
    child = Child(name=name, log_path=log_path, env=dict(EMULATOR_MALLOC_ENV),
                  argv=[emulator_binary(), "start", "--only", ",".join(only), *ports, "--data-dir", str(data_dir)])
    child.start()
    kafka = f"127.0.0.1:{kafka_port}" if kafka_port else None
    es_url = f"http://127.0.0.1:{es_port}" if es_port else None
    try:
        wait_emulator(child, kafka, es_url)
    except BaseException:
        child.stop()
        raise
    return child, kafka, es_url


def wait_emulator(child: Child, kafka: str | None, es_url: str | None) -> None:
    if kafka:
        host, port = kafka.rsplit(":", 1)
        wait_until(lambda: port_open(host, int(port)), 30, "kafka", child.alive)
    if es_url:
        wait_until(lambda: elasticsearch_healthy(es_url), 30, "elasticsearch", child.alive)


# `aduan up` runs the two protocols as two emulator processes, each with its own data dir. The emulator
# (noida-db 0.2.3) rewrites a protocol's whole state about once a second while it changes, and requests wait
# meanwhile (an index of 35,000 documents, 98 MB: 1.7-2.6 s a rewrite at 20 writes a second); every search
# scans every document (~13 us a document). In one process a search also waited for the Kafka side (an
# Elasticsearch _count over 20,000 documents, 380 ms alone, took 1,115-1,467 ms while a producer wrote 20
# records a second into the same process, 412-648 ms into another); two processes also use both cores.
# The index stays where the one-process layout kept it (``noida/elasticsearch.json``); Kafka's state moves.
# The cold tier is a third process for the same reason: its rewrites never stall the hot tier's writes.
EMULATOR_DIRS = {"kafka": "noida-kafka", "elasticsearch": "noida", "cold": "noida-cold"}


def emulator_data_dirs(data_dir: Path) -> dict[str, Path]:
    """Each protocol's emulator data dir below the stack's; a data dir from the one-process layout (its
    ``noida/kafka.json``) has its Kafka state moved to the Kafka emulator's dir, never overwritten."""
    dirs = {service: data_dir / name for service, name in EMULATOR_DIRS.items()}
    combined = dirs["elasticsearch"] / "kafka.json"
    if combined.exists() and not (dirs["kafka"] / "kafka.json").exists():
        dirs["kafka"].mkdir(parents=True, exist_ok=True, mode=0o700)
        combined.rename(dirs["kafka"] / "kafka.json")
    return dirs


def held_documents(es_url: str, index: str, timeout_s: float = 2.0) -> int | None:
    """How many documents the index holds (as of its last refresh), or None if the server cannot say.

    `_cat/count` rather than `_count`: the search emulator answers it from the index's size (0.8 ms at 20,000
    documents, against 1.6-1.7 s for `_count`, which reads every document), and `aduan up` asks every 15 s for
    as long as it runs; on Elasticsearch the two cost the same."""
    try:
        answer = httpx.get(f"{es_url}/_cat/count/{index}", params={"format": "json"}, timeout=timeout_s)
        return int(answer.json()[0]["count"]) if answer.status_code == 200 else None
    except (httpx.HTTPError, KeyError, IndexError, TypeError, ValueError):
        return None


@dataclass
class Endpoints:
    kafka: str
    elasticsearch: str
    api: str
    imap: dict[str, str | int] | None = None
    channel_secrets: dict[str, str] = field(default_factory=dict)
    elasticsearch_cold: str = ""  # the index's cold tier, when the stack runs its own emulators


def channel_secrets(settings: Settings) -> dict[str, str]:
    """Throwaway credentials for channels the operator did not configure, so the local
    stack's signed endpoints work (for the simulator) without anything secret in the repo."""
    from aduan.provider_client import AGENCY_PAGE_ID, AGENCY_WHATSAPP_ID, AGENCY_X_ID

    generated = {}
    for name in ("twilio_auth_token", "sms_gateway_secret", "meta_app_secret", "meta_verify_token",
                 "x_consumer_secret"):
        value = getattr(settings, name).get_secret_value()
        generated[name] = value or secrets.token_urlsafe(24)
    generated["meta_page_ids"] = settings.meta_page_ids or f"{AGENCY_PAGE_ID},{AGENCY_WHATSAPP_ID}"
    generated["x_account_ids"] = settings.x_account_ids or AGENCY_X_ID
    generated["api_keys"] = settings.api_keys.get_secret_value() or json.dumps(demo_api_keys())
    providers = (settings.meta_access_token.get_secret_value(), settings.whatsapp_access_token.get_secret_value(),
                 settings.messenger_page_access_token.get_secret_value(), settings.twilio_account_sid)
    defaults = all(getattr(settings, name) == Settings.model_fields[name].default
                   for name in ("meta_graph_url", "twilio_api_url", "media_hosts"))
    if defaults and not any(providers):
        # No Meta or Twilio account configured (the notifier sends through the same Graph and Twilio URLs, so
        # never with one): the API fetches media from the stand-in `aduan simulate` serves on this port
        # (aduan.simulate.media_stand_in), so simulated photos and voice notes are complaints with media.
        from aduan.provider_apis import GRAPH_VERSION

        origin = f"http://127.0.0.1:{free_port()}"
        generated.update(meta_access_token=secrets.token_urlsafe(24), meta_graph_url=f"{origin}/{GRAPH_VERSION}",
                         twilio_api_url=origin, media_hosts="127.0.0.1")
    return generated


DEMO_UNIT = "DPUPR.3273"


def demo_api_keys() -> dict[str, dict[str, str]]:
    """One throwaway key per role for the local stack (printed by `aduan up`)."""
    return {
        f"op-{secrets.token_urlsafe(12)}": {"role": "operator", "name": "demo operator"},
        f"an-{secrets.token_urlsafe(12)}": {"role": "analyst", "name": "demo analyst"},
        f"un-{secrets.token_urlsafe(12)}": {"role": "unit", "unit": DEMO_UNIT, "name": f"demo unit {DEMO_UNIT}"},
    }


# Planning figures for the capacity line. Measured (tests/faults/test_soak.py, 30 minutes at 20/s on a quiet
# machine, with gzip batches, local retention and the surge changelog's compaction): the emulator grew by
# 68 KiB a complaint up to 11,000 complaints (748 MiB) and ~70 KiB up to 33,000 (2.3 GB) — the index's
# documents and the dedup changelog, which retention does not trim, and the once-a-second snapshot's
# buffers of them. The stream worker grows by ~11 KiB a complaint (its dedup window) and is counted in the
# measured RSS of the others; intake→searchable stayed within 1.5× of its first minute up to ~11,000.
EMULATOR_BYTES_PER_COMPLAINT = 80 * 1024
EMULATOR_IDLE_BYTES = 40 * 2 ** 20
WARN_FROM = 0.8


@dataclass(frozen=True)
class Capacity:
    """How full the local stack is, against ``ADUAN_LOCAL_MEMORY_BUDGET_MB``."""

    complaints: int  # documents in the index
    rss_bytes: int  # every child process tree together
    budget_bytes: int
    holds: int  # complaints that fit in the budget at the measured cost per complaint

    @property
    def used(self) -> float:
        return max(self.rss_bytes / self.budget_bytes, self.complaints / max(1, self.holds))

    def line(self) -> str:
        return (f"{self.complaints:,} complaints held, {self.rss_bytes / 2 ** 20:,.0f} MiB of "
                f"{self.budget_bytes / 2 ** 20:,.0f} MiB (holds about {self.holds:,}; beyond that move to "
                "docker-compose.yml with real Kafka and Elasticsearch, README \"Deploying\")")


def tree_rss(pid: int) -> int:
    import psutil

    try:
        process = psutil.Process(pid)
        return sum(p.memory_info().rss for p in [process, *process.children(recursive=True)])
    except psutil.Error:
        return 0


class StartRefused(RuntimeError):
    """The stack did not start, for a reason one line can say (nothing was started or changed)."""


# A child that dies this soon after a (re)start counts as failing; after this many such deaths in a
# row the supervisor stops retrying it and says why.
QUICK_DEATH_S = 10.0
GIVE_UP_AFTER = 5
# How long the broker's dependants have, together, to stop before they are killed (they are started again
# at once and recover from the broker and their journals either way).
DEPENDANT_STOP_GRACE_S = 5.0
RESTART_BACKOFF = Backoff(initial_s=0.5, max_s=15.0)
RETENTION_EVERY_S = 30.0
CHANGELOG_COMPACTION_S = 300.0


class LocalStack:
    def __init__(self, settings: Settings, api_port: int, data_dir: Path, fresh: bool = False,
                 demo_rate: float = 0.0) -> None:
        self.settings = settings
        self.api_port = api_port
        self.data_dir = data_dir
        self.fresh = fresh
        self.demo_rate = demo_rate
        self.children: list[Child] = []
        self.endpoints: Endpoints | None = None
        self.last_stop_clean = True
        self._owns_endpoints = False  # this stack wrote run/endpoints.json (only then may it remove it)
        self._resources = ExitStack()
        self._lock = None
        self._failures: dict[str, int] = {}
        self._retry_at: dict[str, float] = {}
        self.given_up: dict[str, str] = {}
        self._stopping = threading.Event()  # ends the retention loop and a running index repair
        self._index_repair_due = False
        self._repair_thread: threading.Thread | None = None
        self._supervisor_log = None

    def note(self, message: str) -> None:
        """One timestamped line in ``logs/supervisor.log``: what the supervisor saw and decided, and when
        (a heal that went wrong is read from here; the console only says what was restarted)."""
        try:
            if self._supervisor_log is None:
                self.log_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
                self._supervisor_log = open(os.open(self.log_dir / "supervisor.log",
                                                    os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600), "a")
            stamp = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime()) + f".{int(time.time() * 1000) % 1000:03d}Z"
            self._supervisor_log.write(f"{stamp} {message}\n")
            self._supervisor_log.flush()
        except OSError:
            pass  # the log is a diagnosis, never a reason for the supervisor to stop

    @property
    def emulators(self) -> list[Child]:
        """The emulator children (Kafka's, then Elasticsearch's), when this stack started its own servers."""
        return [c for c in self.children if c.name in EMULATORS.values()]

    @property
    def run_dir(self) -> Path:
        return self.data_dir / "run"

    @property
    def log_dir(self) -> Path:
        return self.data_dir / "logs"

    def preflight(self) -> None:
        """Everything that can be known before anything starts; raises ``StartRefused`` with one line.

        Nothing here changes a running stack: its data dir, lock and endpoints file are only read."""
        kafka, es_url = self.settings.kafka_bootstrap, self.settings.elasticsearch_url
        if bool(kafka) != bool(es_url):
            given, missing = ("ADUAN_KAFKA_BOOTSTRAP", "ADUAN_ELASTICSEARCH_URL") if kafka else \
                ("ADUAN_ELASTICSEARCH_URL", "ADUAN_KAFKA_BOOTSTRAP")
            raise StartRefused(f"{given} is set but {missing} is not: set both to use your own servers, "
                               "or neither for the local emulator")
        if self.data_dir.exists() and not self.data_dir.is_dir():
            raise StartRefused(f"data dir {self.data_dir} is a file, not a directory: choose another with --data-dir")
        running = running_stack(self.data_dir) if self.data_dir.is_dir() else None
        if running:
            raise StartRefused(f"a local stack (pid {running['pid']}, api {running['api']}) already runs on "
                               f"{self.data_dir}: stop it first, or use another --data-dir")
        if port_open("127.0.0.1", self.api_port):
            raise StartRefused(f"port {self.api_port} is already in use on 127.0.0.1 (another aduan up, or another "
                               "program): choose another with --api-port")

    def _take_lock(self) -> None:
        import fcntl

        self.run_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        self._lock = open(os.open(self.run_dir / "lock", os.O_WRONLY | os.O_CREAT, 0o600), "w")
        try:
            fcntl.flock(self._lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self._lock.close()
            self._lock = None
            raise StartRefused(f"another aduan up is starting on {self.data_dir}: wait for it, or use another "
                               "--data-dir") from None

    def start(self, on_step: Callable[[str], None] = lambda _msg: None) -> Endpoints:
        self.preflight()
        if self.fresh and self.data_dir.exists():
            shutil.rmtree(self.data_dir)
        self.data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        os.chmod(self.data_dir, 0o700)  # raw payloads with rahasia text live below it
        self._take_lock()
        clean_marker = self.run_dir / "clean"
        had_data = any(p.name != "run" for p in self.data_dir.iterdir())
        self.last_stop_clean = clean_marker.exists() or not had_data
        clean_marker.unlink(missing_ok=True)
        for stale in self.run_dir.glob("*.ready"):
            stale.unlink()

        kafka, es_url = self.settings.kafka_bootstrap, self.settings.elasticsearch_url
        cold_url = self.settings.elasticsearch_cold_url
        if not (kafka and es_url):
            kafka, es_url, cold_url = self._start_emulator(on_step)
        on_step(f"servers up: kafka={kafka} elasticsearch={es_url}" + (f" (cold tier {cold_url})" if cold_url else ""))

        from aduan.admin import create_topics

        create_topics(kafka, self.settings.topic_replication)
        with self._index_client(es_url, cold_url) as es:
            if not self.last_stop_clean:
                self._repair_index(kafka, es, on_step)
        on_step("topics and index ready")

        credentials = channel_secrets(self.settings)
        env = {
            "ADUAN_KAFKA_BOOTSTRAP": kafka,
            "ADUAN_ELASTICSEARCH_URL": es_url,
            "ADUAN_ELASTICSEARCH_COLD_URL": cold_url,
            "ADUAN_DATA_DIR": str(self.data_dir),
            "ADUAN_BLOB_DIR": str(self.settings.blobs if self.settings.blob_dir else self.data_dir / "blobs"),
            "PYTHONUNBUFFERED": "1",
            # An unclean last stop: the journaling processes publish their recent window again.
            "ADUAN_RECOVERING": "0" if self.last_stop_clean else "1",
            # The emulator never compacts: the surge detector compacts its own changelog.
            **({"ADUAN_CHANGELOG_COMPACTION_S": str(CHANGELOG_COMPACTION_S)}
               if self.emulators else {}),
            **{f"ADUAN_{name.upper()}": value for name, value in credentials.items()},
        }
        imap = self._mailbox(on_step)
        if imap:
            env.update({"ADUAN_IMAP_HOST": str(imap["host"]), "ADUAN_IMAP_PORT": str(imap["port"]),
                        "ADUAN_IMAP_SSL": "false", "ADUAN_IMAP_USER": str(imap["user"]),
                        "ADUAN_IMAP_PASSWORD": str(imap["password"])})
        api_url = f"http://127.0.0.1:{self.api_port}"
        python = [sys.executable, "-m", "aduan"]
        worker = self._spawn("worker", [*python, "worker", "--ready-file", str(self.run_dir / "worker.ready")], env)
        self._spawn("surge", [*python, "surge", "--ready-file", str(self.run_dir / "surge.ready")], env)
        indexer = self._spawn("indexer", [*python, "indexer", "--ready-file", str(self.run_dir / "indexer.ready")], env)
        api = self._spawn("api", [*python, "api", "--host", "127.0.0.1", "--port", str(self.api_port)], env)
        if env.get("ADUAN_IMAP_HOST") or self.settings.imap_host:
            self._spawn("mail", [*python, "mail"], env)
        if self.settings.notify_providers():  # the notifier: only with a provider to send through
            self._spawn("notifier", [*python, "notifier"], env)
        wait_until(lambda: self._api_healthy(api_url), 30, "api", api.alive)
        wait_until((self.run_dir / "indexer.ready").exists, 30, "indexer", indexer.alive)
        wait_until((self.run_dir / "worker.ready").exists, 30, "stream worker", worker.alive)
        self.endpoints = Endpoints(kafka=kafka, elasticsearch=es_url, api=api_url, imap=imap,
                                   channel_secrets=credentials, elasticsearch_cold=cold_url)
        if self.emulators and self.settings.local_retention_records:
            self._start_retention(kafka)
        path = endpoints_file(self.data_dir)
        path.touch(mode=0o600)
        path.write_text(json.dumps({**self.endpoints.__dict__, "pid": os.getpid()}))
        self._owns_endpoints = True
        if self.demo_rate > 0:
            self._spawn("simulator", [*python, "simulate", "--rate", str(self.demo_rate), "--duration", "86400",
                                      "--api", api_url], env)
        return self.endpoints

    def _start_retention(self, kafka: str) -> None:
        """The emulator applies no retention: trim its per-complaint topics every half minute, off the
        supervisor's loop (a stalled emulator must not delay restarts)."""
        from aduan.local_retention import LocalRetention

        retention = LocalRetention(kafka, self.settings.local_retention_records, self.settings.recovery_window_s)

        def run() -> None:
            while not self._stopping.wait(RETENTION_EVERY_S):
                retention.apply()

        threading.Thread(target=run, name="local-retention", daemon=True).start()

    def _mailbox(self, on_step: Callable[[str], None]) -> dict[str, str | int] | None:
        """A local Dovecot for the mail channel when none is configured and Dovecot is installed."""
        from aduan.dovecot import dovecot_binary, running_dovecot

        if self.settings.imap_host or dovecot_binary() is None:
            return None
        server = self._resources.enter_context(running_dovecot())
        on_step(f"mailbox: imap://{server.user}@{server.host}:{server.port} (Dovecot)")
        return {"host": server.host, "port": server.port, "user": server.user, "password": server.password}

    def _start_emulator(self, on_step: Callable[[str], None]) -> tuple[str, str, str]:
        dirs = emulator_data_dirs(self.data_dir)
        served: dict[str, str | None] = {}
        for role, name in EMULATORS.items():
            protocol = "kafka" if role == "kafka" else "elasticsearch"
            child, kafka, es_url = start_emulator(dirs[role], self.log_dir / f"{name}.log", only=(protocol,),
                                                  name=name)
            self.children.append(child)
            served[role] = kafka or es_url
            on_step(f"{name} (noida-db) pid={child.process.pid}")
        return served["kafka"], served["elasticsearch"], served["cold"]

    def _index_client(self, es_url: str, cold_url: str):
        """The index as every process of the stack reads it (both tiers, when there are two), its indices made."""
        from aduan.core.connections import elasticsearch
        from aduan.core.tiered_search import TieredElasticsearch
        from consumers.sinks.index import ensure_index

        es = elasticsearch(es_url)
        ensure_index(es, self.settings.index_alias)
        if not cold_url:
            return es
        cold = elasticsearch(cold_url)
        ensure_index(cold, self.settings.index_alias)
        return TieredElasticsearch(es, cold, self.settings.index_alias)

    def _spawn(self, name: str, argv: list[str], env: dict[str, str]) -> Child:
        child = Child(name=name, argv=argv, env=env, log_path=self.log_dir / f"{name}.log")
        child.start()
        self.children.append(child)
        return child

    @staticmethod
    def _api_healthy(url: str) -> bool:
        try:
            return httpx.get(f"{url}/healthz", timeout=1).status_code == 200
        except httpx.HTTPError:
            return False

    def _repair_index(self, kafka: str, es, on_step: Callable[[str], None],
                      why: str = "the last stop was not clean", stop: threading.Event | None = None) -> None:
        """After an unclean stop the index may be older than the committed offsets: fold the recent
        window again (consumers.sinks.repair; idempotent). The API re-publishes its journal's window."""
        from aduan.core.connections import Publisher, kafka_consumer
        from consumers.sinks.indexer import IndexWriter
        from consumers.sinks.repair import repair

        window = self.settings.recovery_window_s
        on_step(f"{why}: folding the last {window:.0f}s of events into the index again")
        publisher = Publisher(kafka, self.settings.kafka_timeout_s, client_id="aduan-up-repair")
        consumer = kafka_consumer(kafka, group=None, client_id="aduan-up-repair")
        try:
            report = repair(consumer, IndexWriter(es, self.settings.index_alias, publisher),
                            int((time.time() - window) * 1000), stop=stop)
        finally:
            consumer.close()
            publisher.close()
        on_step(f"index repaired: {report.events} events folded again, {report.documents_written} documents written")

    def restart_crashed(self, on_step: Callable[[str], None] = lambda _msg: None) -> list[str]:
        """Restart children that died, with backoff; an emulator first. After the Kafka emulator, the children
        that hold connections to it are started afresh, in start order; after the search emulator nothing is
        restarted (every Elasticsearch client reconnects by itself, the indexer holds its batch until the
        server answers) and the index's recent window is folded in again, off this loop. A child that keeps
        dying right after its start is given up on with one line saying why (its last log line)."""
        restarted: list[str] = []
        emulators = self.emulators
        broker_revived = False
        for emulator in emulators:
            if emulator.alive() or not self._due(emulator, time.monotonic()):
                continue
            self._restart(emulator, restarted)
            if not emulator.alive():
                continue
            try:
                wait_emulator(emulator, *self._served_by(emulator))
            except (RuntimeError, TimeoutError) as exc:
                self.note(f"{emulator.name} restarted but not answering: {exc}")
                on_step(f"{emulator.name} restarted but not answering: {exc}")
                return restarted
            self.note(f"{emulator.name} answering again")
            if emulator.name == EMULATORS["kafka"]:
                broker_revived = True
            else:
                # The index came back from its last snapshot: up to a second of documents may be gone while
                # Kafka kept the indexer's commits for them. Fold the recent window in again (idempotent).
                self._index_repair_due = True
        if broker_revived:
            self._restart_dependants(restarted)
        if self._index_repair_due and all(e.alive() for e in emulators):
            self._repair_in_background(on_step)
        for child in self.children:
            if (child in emulators or child.alive() or child.name in self.given_up
                    or not self._due(child, time.monotonic())):
                continue
            self._restart(child, restarted)
        return restarted

    def _restart_dependants(self, restarted: list[str]) -> None:
        """The broker restarted: its clients were connected to a process that is gone (a kafka-python producer
        that lived through it may never recover). Stop every running dependant together — one grace period
        for all, not one each: stopped one after the other (5 s each for a faust worker that does not finish
        in time) the stack was half down for 14 s — and start them again at once, in start order, with their
        recent window published again (what the restarted broker lost). A stop the supervisor asked for is
        not a failure: it neither waits for a backoff nor counts towards giving up.

        The API is not restarted: it is what citizens and gateways talk to, and while it restarted every
        request was refused (Twilio does not retry). Its producer reconnects by itself and its journal
        answers meanwhile; it is told to publish its recent window again (``REPUBLISH_SIGNAL``)."""
        dependants = [c for c in self.children if c.name in DEPENDANTS and c.name not in self.given_up]
        for child in dependants:
            child.env["ADUAN_RECOVERING"] = "1"
        told = [c for c in dependants if c.name in KEPT_THROUGH_BROKER_RESTART and c.alive()]
        for child in told:
            child.process.send_signal(REPUBLISH_SIGNAL)
        running = [c for c in dependants if c.alive() and c not in told]
        started = time.monotonic()
        stop_together(running, DEPENDANT_STOP_GRACE_S)
        self.note(f"stopped {', '.join(c.name for c in running) or 'nothing'} in {time.monotonic() - started:.2f}s, "
                  f"told {', '.join(c.name for c in told) or 'nothing'} to publish its recent window again "
                  "(the broker restarted)")
        for child in running:
            self._restart(child, restarted)

    def _repair_in_background(self, on_step: Callable[[str], None]) -> None:
        """Fold the recent window into the index again in a thread: at 50 complaints a second the window is
        15,000 events, and the supervisor must go on restarting whatever else dies meanwhile."""
        if self._repair_thread is not None and self._repair_thread.is_alive():
            return  # due again: the next round starts another once this one ended
        self._index_repair_due = False

        def run() -> None:
            started = time.monotonic()
            try:
                # Indices made again: a snapshot may be older than the index itself (killed within a second of
                # its creation).
                with self._index_client(self.endpoints.elasticsearch, self.endpoints.elasticsearch_cold) as es:
                    self._repair_index(self.endpoints.kafka, es, on_step, why="the search emulator restarted",
                                       stop=self._stopping)
                self.note(f"index repair after the search emulator's restart done in {time.monotonic() - started:.2f}s")
            except Exception as exc:  # noqa: BLE001 — the supervisor goes on; retried next round
                self._index_repair_due = True
                self.note(f"index repair after the search emulator's restart failed, retrying: {exc!r}")
                on_step(f"index repair after the search emulator's restart failed, retrying: {exc}")

        self._repair_thread = threading.Thread(target=run, name="index-repair", daemon=True)
        self._repair_thread.start()

    def _served_by(self, emulator: Child) -> tuple[str | None, str | None]:
        """(Kafka bootstrap, Elasticsearch URL) the emulator child serves, None for the other protocol."""
        if emulator.name == EMULATORS["kafka"]:
            return self.endpoints.kafka, None
        return None, (self.endpoints.elasticsearch_cold if emulator.name == EMULATORS["cold"]
                      else self.endpoints.elasticsearch)

    def _due(self, child: Child, now: float) -> bool:
        if child.name in self.given_up:
            return False
        if child.name not in self._retry_at:
            uptime = now - child.started_at
            quick = uptime < QUICK_DEATH_S
            failures = self._failures.get(child.name, 0) + 1 if quick else 1
            self._failures[child.name] = failures
            if failures > GIVE_UP_AFTER:
                self.given_up[child.name] = child.last_line() or "no log output"
                self.note(f"{child.name} given up after {failures - 1} quick deaths: {self.given_up[child.name]}")
                return False
            self._retry_at[child.name] = now + (RESTART_BACKOFF.delay(failures) if quick else 0.0)
            self.note(f"{child.name} exited (code {child.process.poll()}) after {uptime:.1f}s; restart in "
                      f"{self._retry_at[child.name] - now:.1f}s")
        return now >= self._retry_at[child.name]

    def _restart(self, child: Child, restarted: list[str]) -> None:
        self._retry_at.pop(child.name, None)
        child.restarts += 1
        child.start()
        self.note(f"{child.name} started again (pid {child.process.pid})")
        restarted.append(child.name)

    def capacity(self) -> Capacity | None:
        """The stack's memory against its budget and how many complaints fit (None without an emulator)."""
        emulators = self.emulators
        if not emulators or not all(e.alive() for e in emulators) or self.endpoints is None:
            return None
        tiers = [self.endpoints.elasticsearch, *([self.endpoints.elasticsearch_cold] if self.endpoints.elasticsearch_cold
                                                 else [])]
        held = [held_documents(url, self.settings.index_alias) for url in tiers]
        if None in held:
            return None
        complaints = sum(held)  # a document superseded in the cold tier is counted twice for a moment: a capacity figure
        rss = {c.name: tree_rss(c.process.pid) for c in self.children if c.alive()}
        budget = self.settings.local_memory_budget_mb * 2 ** 20
        others = sum(v for name, v in rss.items() if name not in EMULATORS.values())
        holds = max(0, int((budget - others - EMULATOR_IDLE_BYTES) / EMULATOR_BYTES_PER_COMPLAINT))
        return Capacity(complaints, sum(rss.values()), budget, holds)

    def stop(self) -> None:
        self._stopping.set()  # the repair stops between its batches
        if self._repair_thread is not None:
            self._repair_thread.join(timeout=STOP_GRACE_S)
        if self._owns_endpoints:
            endpoints_file(self.data_dir).unlink(missing_ok=True)
        # Reverse start order: the API stops taking complaints before the pipeline behind it goes.
        for child in reversed(self.children):
            child.stop()
        self._resources.close()
        if self._lock is not None:
            if all(child.process is None or child.process.poll() is not None for child in self.children):
                (self.run_dir / "clean").touch(mode=0o600)  # every child ended: the next start needs no repair
            self._lock.close()
            self._lock = None
        if self._supervisor_log is not None:
            self._supervisor_log.close()
            self._supervisor_log = None
