"""Fault tests: the pipeline under load while a process is killed or a server goes away.

Each test gets its own stream application and indexer group, starting at the topics' end, and its
own index alias, so other tests' complaints neither land in its counts nor slow it down; its
assertions are about its own complaints only (a run marker)."""

from __future__ import annotations

import uuid

import pytest
from elasticsearch import Elasticsearch

from consumers.sinks.index import ensure_index
from tests.workers import own_groups


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "faults: the pipeline under load with a process killed or a server stopped")
    config.addinivalue_line("markers", "soak: the 30-minute soak, run on demand only (pytest -m soak)")


@pytest.fixture
def run_id() -> str:
    return uuid.uuid4().hex[:10]


@pytest.fixture
def alias(run_id: str) -> str:
    return f"faults-{run_id}"


@pytest.fixture
def fault_env(servers, server_env: dict[str, str], alias: str) -> dict[str, str]:
    """Worker and indexer environment private to this test; the instance ids stay the same across a
    restart so static membership hands the partitions straight back."""
    return {**own_groups(servers.kafka, server_env, "faults"), "ADUAN_INDEX_ALIAS": alias, "ADUAN_INSTANCE_ID": "faults-1"}


@pytest.fixture
def es(servers, alias: str) -> Elasticsearch:
    client = Elasticsearch(servers.elasticsearch, request_timeout=60)
    ensure_index(client, alias)
    return client
