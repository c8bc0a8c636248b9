"""`aduan up` refuses, in one line and before starting anything, what it cannot do safely."""

from __future__ import annotations

import os
import socket
import subprocess
import sys

import pytest

from aduan.ports import free_port
from tests import factories as make

pytestmark = pytest.mark.e2e


def up(env_update: dict[str, str], *args: str, pop: tuple[str, ...] = ("ADUAN_KAFKA_BOOTSTRAP", "ADUAN_ELASTICSEARCH_URL")):
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    for name in pop:
        env.pop(name, None)
    env.update(env_update)
    return subprocess.run([sys.executable, "-m", "aduan", "up", *args], env=env, capture_output=True, text=True,
                          timeout=60)


def one_line(result: subprocess.CompletedProcess) -> str:
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert result.returncode == 2 and len(lines) == 1, (result.returncode, result.stderr, result.stdout)
    return lines[0]


def test_half_a_server_configuration_is_refused(tmp_path):
    line = one_line(up({"ADUAN_KAFKA_BOOTSTRAP": "kafka.example:9092", "ADUAN_DATA_DIR": str(tmp_path / "d")}))
    assert "ADUAN_KAFKA_BOOTSTRAP is set but ADUAN_ELASTICSEARCH_URL is not" in line
    assert not (tmp_path / "d").exists()  # nothing started, nothing written


def test_a_data_dir_that_is_a_file_is_named(tmp_path):
    (tmp_path / "file").write_text("not a directory")
    line = one_line(up({"ADUAN_DATA_DIR": str(tmp_path / "file")}, "--api-port", str(free_port())))
    assert "is a file, not a directory" in line


def test_a_busy_port_is_named_before_anything_starts(tmp_path):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        line = one_line(up({"ADUAN_DATA_DIR": str(tmp_path / "d")}, "--api-port", str(port)))
    assert f"port {port} is already in use" in line
    assert not (tmp_path / "d" / "noida").exists()


def test_capacity_counts_what_is_held_and_what_fits_and_warns_on_either():
    from aduan.stack import Capacity

    roomy = Capacity(complaints=1_000, rss_bytes=600 * 2 ** 20, budget_bytes=1500 * 2 ** 20, holds=8_000)
    assert roomy.used < 0.8 and "1,000 complaints held" in roomy.line() and "holds about 8,000" in roomy.line()
    assert Capacity(7_000, 600 * 2 ** 20, 1500 * 2 ** 20, 8_000).used > 0.8  # by count, before memory says so
    assert Capacity(10, 1300 * 2 ** 20, 1500 * 2 ** 20, 8_000).used > 0.8  # by memory


def test_a_one_process_data_dir_has_its_kafka_state_moved_to_the_kafka_emulator_never_overwritten(tmp_path):
    from aduan.stack import emulator_data_dirs

    old = tmp_path / "noida"
    old.mkdir()
    (old / "kafka.json").write_text("kafka state")
    (old / "elasticsearch.json").write_text("index")
    dirs = emulator_data_dirs(tmp_path)
    assert dirs["elasticsearch"] == old and (old / "elasticsearch.json").read_text() == "index"
    assert (dirs["kafka"] / "kafka.json").read_text() == "kafka state" and not (old / "kafka.json").exists()
    (old / "kafka.json").write_text("stray")  # both present: nothing is overwritten, nothing moved
    assert emulator_data_dirs(tmp_path) == dirs
    assert (dirs["kafka"] / "kafka.json").read_text() == "kafka state" and (old / "kafka.json").read_text() == "stray"


def test_the_stack_knows_both_emulator_children_and_nothing_else_as_emulators(tmp_path):
    from aduan.core.settings import Settings
    from aduan.stack import EMULATORS, Child, LocalStack

    stack = LocalStack(Settings(), api_port=1, data_dir=tmp_path)
    stack.children = [Child(name, [], tmp_path / f"{name}.log") for name in (*EMULATORS.values(), "worker", "api")]
    assert [c.name for c in stack.emulators] == list(EMULATORS.values())


@pytest.mark.integration
def test_held_documents_counts_an_alias_as_of_its_refresh_and_says_none_for_a_missing_index(servers):
    import httpx

    from aduan.stack import held_documents

    index, alias = make.marker("held"), make.marker("alias")
    es = httpx.Client(base_url=servers.elasticsearch, timeout=10)
    es.put(f"/{index}", json={"aliases": {alias: {}}}).raise_for_status()
    for i in range(3):
        es.put(f"/{index}/_doc/{i}", json={"n": i}).raise_for_status()
    es.post(f"/{index}/_refresh").raise_for_status()
    assert held_documents(servers.elasticsearch, alias) == 3
    assert held_documents(servers.elasticsearch, make.marker("missing")) is None
    assert held_documents("http://127.0.0.1:9", alias) is None  # nothing listening
