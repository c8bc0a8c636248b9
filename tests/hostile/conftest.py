"""Fixtures for the hostile-input suite: the real app on the session's real broker and search server,
with every channel credential and one API key per role, and the intake rate limit off (the fuzzers
send thousands of requests from one address)."""

from __future__ import annotations

import json
import uuid

import pytest
from fastapi.testclient import TestClient

from aduan.api import create_app
from aduan.core.connections import Connections
from aduan.core.settings import Settings
from consumers.sinks.index import ensure_index
from tests.channels import with_channel_credentials

OPERATOR_KEY = "hostile-operator-key"
ANALYST_KEY = "hostile-analyst-key"
UNIT_KEY = "hostile-unit-key"
API_KEYS = {
    OPERATOR_KEY: {"role": "operator", "name": "operator"},
    ANALYST_KEY: {"role": "analyst", "name": "analyst"},
    UNIT_KEY: {"role": "unit", "unit": "DINAS-PU-3171", "name": "unit"},
}


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "hostile: hostile input (fuzzing, oversize, injection, forged signatures)")


@pytest.fixture
def hostile_settings(settings: Settings) -> Settings:
    return with_channel_credentials(settings).model_copy(update={
        "api_keys": settings.api_keys.__class__(json.dumps(API_KEYS)),
        "intake_rate_per_minute": 0,
        # An index of its own: thousands of generated queries against the other tests' documents
        # would measure the emulator's per-document cost, not the API's contract.
        "index_alias": f"hostile-{uuid.uuid4().hex[:8]}",
    })


@pytest.fixture
def app(hostile_settings: Settings):
    # The app creates its clients in its lifespan, so the index is made with a client of its own.
    es = Connections(hostile_settings).elasticsearch()
    try:
        ensure_index(es, hostile_settings.index_alias)
    finally:
        es.close()
    return create_app(hostile_settings)


@pytest.fixture
def client(app) -> TestClient:
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client
