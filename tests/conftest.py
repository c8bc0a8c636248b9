"""Shared fixtures. Integration fixtures start real servers (the Kafka/Elasticsearch-protocol
emulator) as child processes on free loopback ports, with a fresh data dir per session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from aduan.core import fetch_pacing
from aduan.admin import create_topics
from aduan.core.settings import Settings
from tests.servers import Servers, running_emulator


def pytest_configure(config: pytest.Config) -> None:
    # The tests' own consumers (read_topic, the live feed in process) pace like the pipeline's.
    fetch_pacing.install(Settings().kafka_empty_fetch_pause_ms)


@pytest.fixture(scope="session")
def servers(tmp_path_factory) -> Servers:
    with running_emulator(tmp_path_factory.mktemp("emulator")) as running:
        create_topics(running.kafka)
        yield running


@pytest.fixture
def settings(servers: Servers, tmp_path: Path) -> Settings:
    return Settings(kafka_bootstrap=servers.kafka, elasticsearch_url=servers.elasticsearch, data_dir=tmp_path,
                    kafka_timeout_s=5)


@pytest.fixture
def server_env(servers: Servers, tmp_path: Path) -> dict[str, str]:
    """Environment for child processes (workers, CLI) pointed at the session's servers."""
    return {**os.environ, "ADUAN_KAFKA_BOOTSTRAP": servers.kafka, "ADUAN_ELASTICSEARCH_URL": servers.elasticsearch,
            "ADUAN_DATA_DIR": str(tmp_path), "PYTHONUNBUFFERED": "1"}


@pytest.fixture(scope="session")
def e2e_pipeline(servers: Servers, tmp_path_factory) -> None:
    """One stream worker and one indexer for every end-to-end test file of the session (starting them
    costs 10-25 s on the CI machine). They read from the topics' end at their start; each test waits
    for its own records (unique ids and markers), so sharing them is safe."""
    from tests.workers import own_groups, running_together  # workers import the stack: only for the tests that need it

    log_dir = tmp_path_factory.mktemp("e2e-pipeline")
    env = {**os.environ, "ADUAN_KAFKA_BOOTSTRAP": servers.kafka, "ADUAN_ELASTICSEARCH_URL": servers.elasticsearch,
           "ADUAN_DATA_DIR": str(log_dir), "PYTHONUNBUFFERED": "1"}
    env = own_groups(servers.kafka, env, "e2e")
    with running_together(["worker", "indexer"], env, log_dir):
        yield
