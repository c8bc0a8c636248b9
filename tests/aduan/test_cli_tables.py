"""`aduan search` and `aduan sla list` as a user runs them: one line without a stack, tables that fit
an 80-column terminal with every tracking number whole."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import uuid
from datetime import datetime, timedelta, timezone

import pytest
from elasticsearch import Elasticsearch

from consumers.sinks.index import ensure_index
from tests.consumers.test_search_api import indexed, sla
from aduan.ports import free_port

# One of each way in (search, the SLA table, Kafka only, an index admin command): ~1 s of CPU each.
COMMANDS = (["search", "jalan"], ["sla", "list", "--breached"], ["tail", "complaints.routed"], ["index", "migrate"])


def aduan(*args: str, env: dict[str, str], columns: int = 80) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "aduan", *args], capture_output=True, text=True, timeout=60,
                          env={**env, "COLUMNS": str(columns), "LINES": "50", "TERM": "xterm"})


def bare_env(tmp_path) -> dict[str, str]:
    """No ADUAN_* at all, and a data dir where no `aduan up` ever ran."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("ADUAN_")}
    return {**env, "ADUAN_DATA_DIR": str(tmp_path), "XDG_DATA_HOME": str(tmp_path)}


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_without_a_stack_every_command_says_so_in_one_line(tmp_path, args):
    result = aduan(*args, env=bare_env(tmp_path))
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "no aduan stack is running" in lines[0] and "aduan up" in lines[0], result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_servers_that_do_not_answer_are_one_line_too(tmp_path):
    dead = f"127.0.0.1:{free_port()}"
    env = {**bare_env(tmp_path), "ADUAN_KAFKA_BOOTSTRAP": dead, "ADUAN_ELASTICSEARCH_URL": f"http://{dead}"}
    result = aduan("sla", "list", env=env)
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "does not answer" in result.stderr and "aduan up" in result.stderr


@pytest.mark.integration
def test_tables_fit_80_columns_and_keep_tracking_numbers_whole(servers, tmp_path):
    es = Elasticsearch(servers.elasticsearch)
    alias = f"test-cli-{uuid.uuid4().hex[:8]}"
    ensure_index(es, alias)
    now = datetime.now(timezone.utc)
    for i in range(6):
        doc = indexed(complaint_id=f"c{i}", tracking_number=f"ADU-7K3M-{i:04d}", channel="social",
                      topic="kependudukan_catatan_sipil", unit_code="KEMENDAGRI-KEUDA.TRIASE", status="bukan_wewenang",
                      text="Jalan berlubang sangat panjang " * 10, received_at=(now - timedelta(hours=i)).isoformat(),
                      sla=sla("tindak_lanjut", now - timedelta(hours=i - 3), breached=i > 2))
        es.index(index=alias, id=doc["complaint_id"], document=doc)
    es.indices.refresh(index=alias)
    es.close()
    env = {**bare_env(tmp_path), "ADUAN_KAFKA_BOOTSTRAP": servers.kafka,
           "ADUAN_ELASTICSEARCH_URL": servers.elasticsearch, "ADUAN_INDEX_ALIAS": alias}
    for args in (["search", "jalan"], ["sla", "list"]):
        result = aduan(*args, env=env)
        assert result.returncode == 0, result.stderr
        print(result.stdout)
        assert max(len(line) for line in result.stdout.splitlines()) <= 80, result.stdout
        assert sorted(re.findall(r"ADU-7K3M-\d{4}", result.stdout)) == [f"ADU-7K3M-{i:04d}" for i in range(6)], result.stdout
