"""The live feed: role filtering of each event, and the fan-out from the routed topic to subscribers."""

from __future__ import annotations

import asyncio
import json
import threading
import time
from contextlib import contextmanager
from typing import Iterator

import httpx
import pytest
import uvicorn
from kafka import KafkaProducer

from aduan.ports import free_port, wait_until
from consumers.read.access import Principal
from aduan.core.connections import kafka_consumer
from consumers.read.live import LiveFeed, Subscription, live_event, sse, stop_live, visible_to
from schemas.events import Reporter, RoutedComplaint
from schemas.topics import ROUTED
from tests import factories as make

OPERATOR = Principal("operator", "op")
ANALYST = Principal("analyst", "an")
UNIT_A = Principal("unit", "a", "UNIT.A")


# -- helpers shared by the role and browser tests ---------------------------------------------------------

@contextmanager
def serving(app) -> Iterator[str]:
    """The ASGI app on a free loopback port (TestClient cannot follow an endless SSE stream)."""
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning",
                                           timeout_graceful_shutdown=2))
    thread = threading.Thread(target=server.run, name="api", daemon=True)
    thread.start()
    wait_until(lambda: server.started, 30, "api", thread.is_alive)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(15)
        stop_live(app)


class LiveClient:
    """Reads ``/v1/live`` in a thread and keeps every event it receives."""

    def __init__(self, base_url: str, key: str) -> None:
        self.events: list[tuple[str, dict]] = []
        self.status: int | None = None
        self.raw = ""
        self._thread = threading.Thread(target=self._read, args=(base_url, key), daemon=True)
        self._thread.start()

    def _read(self, base_url: str, key: str) -> None:
        try:
            self._follow(base_url, key)
        except httpx.HTTPError:
            pass  # the server shut down under us: the test is over

    def _follow(self, base_url: str, key: str) -> None:
        with httpx.stream("GET", f"{base_url}/v1/live", headers={"X-API-Key": key}, timeout=None) as response:
            self.status = response.status_code
            event = None
            for line in response.iter_lines():
                self.raw += line + "\n"
                if line.startswith("event: "):
                    event = line[7:]
                elif line.startswith("data: ") and event:
                    self.events.append((event, json.loads(line[6:])))

    @property
    def ready(self) -> bool:
        return any(name == "ready" for name, _ in self.events)

    def complaints(self, marker: str) -> list[dict]:
        return [data for name, data in self.events if name == "complaint" and marker in data.get("text", "")]


def publish(bootstrap: str, *complaints: RoutedComplaint) -> None:
    producer = KafkaProducer(bootstrap_servers=bootstrap, acks="all")
    for complaint in complaints:
        producer.send(ROUTED.name, key=complaint.complaint_id.encode(), value=complaint.model_dump_json().encode()).get(10)
    producer.close()


# -- pure -------------------------------------------------------------------------------------------------

def test_visibility_mirrors_the_query_filter():
    public = make.routed(text="Jalan rusak", unit_code="UNIT.A").model_dump(mode="json")
    secret = make.routed(text="Pungli", unit_code="UNIT.B", privacy="rahasia").model_dump(mode="json")
    assert visible_to(OPERATOR, secret) and visible_to(ANALYST, public) and not visible_to(ANALYST, secret)
    assert visible_to(UNIT_A, public) and not visible_to(UNIT_A, secret)
    assert not visible_to(OPERATOR, {"complaint_id": "stub", "status": "selesai"})


def test_events_carry_no_reporter_and_mask_contacts_in_text_for_analysts():
    doc = make.routed(text="Hubungi saya di 081234567890 atau budi@mail.example.id", unit_code="UNIT.A",
                      reporter=Reporter(phone="+6281234567890", email="budi@mail.example.id"),
                      reporter_key="rk-secret").model_dump(mode="json")
    for principal in (OPERATOR, ANALYST, UNIT_A):
        event = live_event(principal, doc)
        assert "reporter" not in event and "reporter_key" not in event
    analyst_view = json.dumps(live_event(ANALYST, doc))
    assert "081234567890" not in analyst_view and "budi@mail" not in analyst_view
    assert "081234567890" in live_event(OPERATOR, doc)["text"]


def test_sse_frames_are_one_json_line():
    frame = sse("complaint", {"text": "baris satu\nbaris dua </script>"}, "c1")
    assert frame == 'event: complaint\nid: c1\ndata: {"text":"baris satu\\nbaris dua </script>"}\n\n'


def test_a_slow_subscriber_loses_its_oldest_events_not_the_newest():
    async def scenario():
        subscription = Subscription(OPERATOR, asyncio.get_running_loop(), asyncio.Queue(2))
        for i in range(5):
            subscription.offer({"n": i})
        return [subscription.queue.get_nowait()["n"] for _ in range(2)], subscription.dropped
    assert asyncio.run(scenario()) == ([3, 4], 3)


# -- against the broker -----------------------------------------------------------------------------------

@pytest.mark.integration
def test_feed_starts_at_the_end_fans_out_by_role_and_skips_poison(servers):
    old_marker = make.marker("old")
    # Before the feed: must not be replayed.
    publish(servers.kafka, make.routed(text=f"lama {old_marker}", unit_code="UNIT.A"))
    feed = LiveFeed(lambda: kafka_consumer(servers.kafka, group=None, client_id="test-live"))
    feed.start()
    try:
        assert feed.ready.wait(30)
        marker = make.marker("live")

        async def scenario():
            operator, analyst = feed.subscribe(OPERATOR), feed.subscribe(ANALYST)
            producer = KafkaProducer(bootstrap_servers=servers.kafka, acks="all")
            producer.send(ROUTED.name, key=b"poison", value=b"\x00not json").get(10)
            producer.close()
            await asyncio.to_thread(publish, servers.kafka,
                                    make.routed(text=f"Jalan rusak {marker}", unit_code="UNIT.A"),
                                    make.routed(text=f"Pungli {marker}", unit_code="UNIT.A", privacy="rahasia"))
            got = {"operator": [], "analyst": []}
            deadline = time.monotonic() + 20
            while sum(marker in e["text"] for e in got["operator"]) < 2 and time.monotonic() < deadline:
                try:
                    got["operator"].append(await asyncio.wait_for(operator.queue.get(), 1))
                except asyncio.TimeoutError:
                    pass
            await asyncio.sleep(0.5)
            while not analyst.queue.empty():
                got["analyst"].append(analyst.queue.get_nowait())
            feed.unsubscribe(operator)
            feed.unsubscribe(analyst)
            return got

        got = asyncio.run(scenario())
        texts = {kind: [e["text"] for e in events if marker in e["text"] or old_marker in e["text"]]
                 for kind, events in got.items()}
        assert sorted(texts["operator"]) == sorted([f"Jalan rusak {marker}", f"Pungli {marker}"])
        assert texts["analyst"] == [f"Jalan rusak {marker}"]
        assert feed.subscribers == 0
    finally:
        feed.stop()
