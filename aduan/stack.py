"""`aduan up`: the local stack as supervised child processes on loopback.

Children, in start order: the emulator (Kafka + Elasticsearch protocols, unless servers
are configured), the faust stream worker, the indexer and the HTTP API. Each child runs
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
import time
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import httpx

from aduan.core.settings import Settings, endpoints_file
from aduan.ports import free_port, port_open, wait_until

STOP_GRACE_S = 10.0


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
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        log = open(self.log_path, "ab")
        self.process = subprocess.Popen(self.argv, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                                        env={**os.environ, **self.env}, start_new_session=True)
        log.close()
        self.started_at = time.monotonic()

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
        if self.process is None:
            return
        self.signal_group(signal.SIGTERM)
        try:
            self.process.wait(timeout=grace_s)
        except subprocess.TimeoutExpired:
            pass
        # The group may outlive its leader (a wrapper's child): always sweep it.
        self.signal_group(signal.SIGKILL)
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            pass


def start_emulator(data_dir: Path, log_path: Path) -> tuple[Child, str, str]:
    """The Kafka + Elasticsearch protocol emulator on free loopback ports; returns it once both answer."""
    kafka_port, es_port = free_port(), free_port()
    data_dir.mkdir(parents=True, exist_ok=True)
    noida = shutil.which("noida-db") or str(Path(sys.executable).with_name("noida-db"))
    child = Child(name="emulator", log_path=log_path,
                  argv=[noida, "start", "--only", "kafka,elasticsearch", "--kafka-port", str(kafka_port),
                        "--elasticsearch-port", str(es_port), "--data-dir", str(data_dir)])
    child.start()
    kafka, es_url = f"127.0.0.1:{kafka_port}", f"http://127.0.0.1:{es_port}"
    try:
        wait_emulator(child, kafka, es_url)
    except BaseException:
        child.stop()
        raise
    return child, kafka, es_url


def wait_emulator(child: Child, kafka: str, es_url: str) -> None:
    host, port = kafka.rsplit(":", 1)
    wait_until(lambda: port_open(host, int(port)), 30, "kafka", child.alive)
    wait_until(lambda: elasticsearch_healthy(es_url), 30, "elasticsearch", child.alive)


@dataclass
class Endpoints:
    kafka: str
    elasticsearch: str
    api: str
    imap: dict[str, str | int] | None = None
    channel_secrets: dict[str, str] = field(default_factory=dict)


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
    return generated


DEMO_UNIT = "DPUPR.3273"


def demo_api_keys() -> dict[str, dict[str, str]]:
    """One throwaway key per role for the local stack (printed by `aduan up`)."""
    return {
        f"op-{secrets.token_urlsafe(12)}": {"role": "operator", "name": "demo operator"},
        f"an-{secrets.token_urlsafe(12)}": {"role": "analyst", "name": "demo analyst"},
        f"un-{secrets.token_urlsafe(12)}": {"role": "unit", "unit": DEMO_UNIT, "name": f"demo unit {DEMO_UNIT}"},
    }


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
        self._resources = ExitStack()

    @property
    def run_dir(self) -> Path:
        return self.data_dir / "run"

    @property
    def log_dir(self) -> Path:
        return self.data_dir / "logs"

    def start(self, on_step: Callable[[str], None] = lambda _msg: None) -> Endpoints:
        if self.fresh and self.data_dir.exists():
            shutil.rmtree(self.data_dir)
        self.run_dir.mkdir(parents=True, exist_ok=True)
        for stale in self.run_dir.glob("*.ready"):
            stale.unlink()

        kafka, es_url = self.settings.kafka_bootstrap, self.settings.elasticsearch_url
        if not (kafka and es_url):
            kafka, es_url = self._start_emulator(on_step)
        on_step(f"servers up: kafka={kafka} elasticsearch={es_url}")

        from aduan.admin import create_topics
        from aduan.core.connections import elasticsearch
        from consumers.sinks.index import ensure_index

        create_topics(kafka, self.settings.topic_replication)
        with elasticsearch(es_url) as es:
            ensure_index(es, self.settings.index_alias)
        on_step("topics and index ready")

        credentials = channel_secrets(self.settings)
        env = {
            "ADUAN_KAFKA_BOOTSTRAP": kafka,
            "ADUAN_ELASTICSEARCH_URL": es_url,
            "ADUAN_DATA_DIR": str(self.data_dir),
            "ADUAN_BLOB_DIR": str(self.settings.blobs if self.settings.blob_dir else self.data_dir / "blobs"),
            "PYTHONUNBUFFERED": "1",
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
        indexer = self._spawn("indexer", [*python, "indexer", "--ready-file", str(self.run_dir / "indexer.ready")], env)
        api = self._spawn("api", [*python, "api", "--host", "127.0.0.1", "--port", str(self.api_port)], env)
        if env.get("ADUAN_IMAP_HOST") or self.settings.imap_host:
            self._spawn("mail", [*python, "mail"], env)
        wait_until(lambda: self._api_healthy(api_url), 30, "api", api.alive)
        wait_until((self.run_dir / "indexer.ready").exists, 30, "indexer", indexer.alive)
        wait_until((self.run_dir / "worker.ready").exists, 30, "stream worker", worker.alive)
        self.endpoints = Endpoints(kafka=kafka, elasticsearch=es_url, api=api_url, imap=imap,
                                   channel_secrets=credentials)
        path = endpoints_file(self.data_dir)
        path.touch(mode=0o600)
        path.write_text(json.dumps({**self.endpoints.__dict__, "pid": os.getpid()}))
        if self.demo_rate > 0:
            self._spawn("simulator", [*python, "simulate", "--rate", str(self.demo_rate), "--duration", "86400",
                                      "--api", api_url], env)
        return self.endpoints

    def _mailbox(self, on_step: Callable[[str], None]) -> dict[str, str | int] | None:
        """A local Dovecot for the mail channel when none is configured and Dovecot is installed."""
        from aduan.dovecot import dovecot_binary, running_dovecot

        if self.settings.imap_host or dovecot_binary() is None:
            return None
        server = self._resources.enter_context(running_dovecot())
        on_step(f"mailbox: imap://{server.user}@{server.host}:{server.port} (Dovecot)")
        return {"host": server.host, "port": server.port, "user": server.user, "password": server.password}

    def _start_emulator(self, on_step: Callable[[str], None]) -> tuple[str, str]:
        child, kafka, es_url = start_emulator(self.data_dir / "noida", self.log_dir / "emulator.log")
        self.children.append(child)
        on_step(f"emulator (noida-db) pid={child.process.pid}")
        return kafka, es_url

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

    def restart_crashed(self) -> list[str]:
        """Restart application children that died; the emulator is not restarted (its data would be at risk)."""
        restarted = []
        for child in self.children:
            if child.name != "emulator" and not child.alive():
                child.restarts += 1
                child.start()
                restarted.append(child.name)
        return restarted

    def stop(self) -> None:
        endpoints_file(self.data_dir).unlink(missing_ok=True)
        # Reverse start order: the API stops taking complaints before the pipeline behind it goes.
        for child in reversed(self.children):
            child.stop()
        self._resources.close()
