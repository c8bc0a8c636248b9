"""/healthz tells the truth: 503 naming the dependency that does not answer, including a stalled one."""

from __future__ import annotations

import socket
import threading
import time

import pytest
from fastapi.testclient import TestClient

from aduan.api import create_app
from aduan.core.connections import kafka_answers

pytestmark = pytest.mark.integration


def silent_listener() -> tuple[socket.socket, str]:
    """Accepts connections and never answers: a stalled broker as the network sees it."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    accepted = []
    threading.Thread(target=lambda: accepted.append(server.accept()), daemon=True).start()
    return server, f"127.0.0.1:{server.getsockname()[1]}"


def test_kafka_answers_only_when_a_broker_really_answers(servers):
    assert kafka_answers(servers.kafka)
    stalled, address = silent_listener()
    try:
        assert not kafka_answers(address, timeout_s=0.5)
    finally:
        stalled.close()
    assert not kafka_answers("127.0.0.1:1", timeout_s=0.5)


def test_healthz_names_what_is_down(settings):
    with TestClient(create_app(settings)) as client:
        assert client.get("/healthz").json() == {"status": "ok"}
    stalled, address = silent_listener()
    try:
        broken = settings.model_copy(update={"kafka_bootstrap": address, "elasticsearch_url": "http://127.0.0.1:1"})
        with TestClient(create_app(broken)) as client:
            answer = client.get("/healthz")
            assert answer.status_code == 503 and answer.headers["Retry-After"]
            assert answer.json() == {"status": "unavailable", "down": ["kafka", "elasticsearch"]}
            # The checks run in the background: a request reads their results, it never waits for a
            # server that does not answer (only the first request after the start waits for a result).
            started = time.monotonic()
            assert client.get("/healthz").status_code == 503
            assert time.monotonic() - started < 0.3
    finally:
        stalled.close()
