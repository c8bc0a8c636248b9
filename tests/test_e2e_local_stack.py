"""The newcomer's path: `aduan up` → POST a complaint → `aduan search --json` → Ctrl-C leaves nothing behind."""

import json
import os
import signal
import subprocess
import sys
import time

import httpx
import psutil
import pytest
from elasticsearch import Elasticsearch

from aduan.ports import free_port, port_open
from tests.servers import run_aduan
from tests import factories as make

pytestmark = pytest.mark.e2e


def test_up_ready_post_search_and_clean_stop(tmp_path):
    api_port = free_port()
    env = {**os.environ, "ADUAN_DATA_DIR": str(tmp_path / "data"), "PYTHONUNBUFFERED": "1"}
    env.pop("ADUAN_KAFKA_BOOTSTRAP", None)
    env.pop("ADUAN_ELASTICSEARCH_URL", None)
    started = time.monotonic()
    up = subprocess.Popen([sys.executable, "-m", "aduan", "up", "--api-port", str(api_port)], env=env,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        ready_line = up.stdout.readline()
        ready_after = time.monotonic() - started
        assert ready_line.startswith("aduan ready "), up.stderr.read() if up.poll() is not None else ready_line
        print(f"ready after {ready_after:.1f}s: {ready_line.strip()}")
        assert ready_after < 30
        fields = dict(part.split("=", 1) for part in ready_line.split()[2:])
        assert fields["api"] == f"http://127.0.0.1:{api_port}"
        ports = [api_port, *(int(fields[name].rsplit(":", 1)[1]) for name in ("kafka", "elasticsearch", "elasticsearch_cold"))]
        descendants = psutil.Process(up.pid).children(recursive=True)
        assert len(descendants) >= 5  # emulator, worker, indexer, api (and the emulator's own child)

        marker = make.marker("zebracross")
        accepted = httpx.post(f"{fields['api']}/v1/complaints", json={"text": f"Jalan rusak di {marker} Bandung"})
        assert accepted.status_code == 202
        posted = time.monotonic()
        es = Elasticsearch(fields["elasticsearch"])
        while not es.search(index="aduan-complaints", query={"term": {"complaint_id": accepted.json()["complaint_id"]}},
                            size=1)["hits"]["hits"]:
            assert time.monotonic() - posted < 5, "not searchable within 5 s"
            time.sleep(0.05)
        searchable_after = time.monotonic() - posted
        print(f"searchable after {searchable_after:.2f}s")
        # And the newcomer's own command finds it (its start-up time is the CLI's, not the pipeline's).
        result = run_aduan("search", f"jalan rusak {marker}", "--json", env=env)
        assert result.returncode == 0, result.stderr
        hits = json.loads(result.stdout)["hits"]
        assert hits[0]["complaint_id"] == accepted.json()["complaint_id"]
        assert hits[0]["tracking_number"] == accepted.json()["tracking_number"]
    finally:
        up.send_signal(signal.SIGINT)
        up.wait(timeout=60)
    alive = [p for p in descendants if p.is_running() and p.status() != psutil.STATUS_ZOMBIE]
    assert not alive, alive
    assert not [port for port in ports if port_open("127.0.0.1", port)]
