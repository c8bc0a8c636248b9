"""Signed webhook delivery: pure tests of signing, matching, privacy and retries, then the dispatcher
through the real broker with a real HTTP receiver that verifies every signature."""

from __future__ import annotations

import asyncio
import json
import random
import threading
import time
import uuid
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from functools import partial
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest
from kafka import KafkaProducer, OffsetAndMetadata, TopicPartition
from prometheus_client import REGISTRY

from aduan.core.connections import Publisher, kafka_consumer
from aduan.core.runtime import ConsumerRuntime
from consumers.sinks.webhooks.delivery import RetryPolicy, deliver, retry_after_s, retryable
from consumers.sinks.webhooks.dispatcher import MAX_POLL_INTERVAL_MS, dispatcher
from consumers.sinks.webhooks.events import ComplaintContext, ComplaintDirectory, payload, redact, to_event
from consumers.sinks.webhooks.signing import delivery_id, sign, verify_signature
from consumers.sinks.webhooks.subscriptions import SOURCES, Subscription, load_subscriptions, resolve_secrets
from schemas.events import DeadLetter
from schemas.topics import DEADLETTER, ROUTED, SLA, STATUS
from tests import factories as make
from tests.servers import read_topic

EXAMPLE = Path(__file__).parents[2] / "consumers" / "sinks" / "webhooks" / "subscriptions.example.json"
SECRET = "s3cret-for-tests-0123456789"
integration = pytest.mark.integration


# Every complaint here carries what the privacy rules withhold: the reporter's contacts, a subject, a place and
# the channel's metadata. Calls name the unit (and a privacy or topic where it matters).
routed = partial(make.routed, channel="sms", text="Listrik padam sejak pagi di Jalan Merdeka", subject="Listrik padam",
                 reporter=make.reporter(name="Budi", phone="+6281234567890"), location={"text": "Jl. Merdeka 5"},
                 channel_meta={"from": "+6281234567890"}, topic="energi", confidence=0.9, reporter_key="k" * 32)


def sub(unit: str, url: str = "http://127.0.0.1:1/hook", events=("*",), topic_codes=None, id=None) -> Subscription:
    return Subscription(id=id, unit_code=unit, url=url, secret_env="HOOK_SECRET", events=list(events),
                        topic_codes=topic_codes)


# A unit's status change, with a reason the privacy rules may withhold.
status_event = partial(make.status, actor="Petugas A", actor_role="unit", reason="Sudah dicek ke lokasi")


# -- signatures ---------------------------------------------------------------------------------------------

def test_signature_round_trip_and_rejections():
    body = b'{"event":"complaint.routed"}'
    header = sign(SECRET, body, 1_700_000_000)
    assert header.startswith("t=1700000000,v1=") and len(header.rpartition("v1=")[2]) == 64
    assert verify_signature(SECRET, header, body, now=1_700_000_100)
    assert not verify_signature(SECRET, header, body + b" ", now=1_700_000_100)  # tampered body
    assert not verify_signature("another-secret-0123456789", header, body, now=1_700_000_100)
    assert not verify_signature(SECRET, header, body, now=1_700_000_301)  # too old
    assert not verify_signature(SECRET, header, body, now=1_699_999_699)  # from the future
    forged = header.replace("t=1700000000", "t=1700000200")  # a fresh timestamp on an old MAC
    assert not verify_signature(SECRET, forged, body, now=1_700_000_200)
    for bad in (None, "", "v1=abc", "t=abc,v1=" + "0" * 64, "t=1700000000"):
        assert not verify_signature(SECRET, bad, body, now=1_700_000_000)


def test_signature_accepts_any_of_several_v1_values_for_rotation():
    body = b"{}"
    old = sign("old-secret-0123456789", body, 1_700_000_000).rpartition("v1=")[2]
    header = sign(SECRET, body, 1_700_000_000) + f",v1={old}"
    assert verify_signature(SECRET, header, body, now=1_700_000_000)
    assert verify_signature("old-secret-0123456789", header, body, now=1_700_000_000)


def test_the_verification_recipe_in_the_docs_agrees_with_the_signer():
    doc = (EXAMPLE.parent / "WEBHOOKS.md").read_text()
    snippet = doc.split("```python\n", 1)[1].split("```", 1)[0]
    namespace: dict = {}
    exec(snippet, namespace)
    body = '{"event":"complaint.routed","text":"Jalan rusak"}'.encode()
    header = sign(SECRET, body, int(time.time()))
    assert namespace["verify"](SECRET, header, body)
    assert not namespace["verify"](SECRET, header, body.replace(b"rusak", b"bagus"))
    assert not namespace["verify"](SECRET, sign(SECRET, body, int(time.time()) - 301), body)


def test_delivery_id_is_deterministic_per_subscription_and_record():
    a = delivery_id("pln", ROUTED.name, 3, 41)
    assert a == delivery_id("pln", ROUTED.name, 3, 41) and len(a) == 32
    assert len({a, delivery_id("pdam", ROUTED.name, 3, 41), delivery_id("pln", ROUTED.name, 3, 42),
                delivery_id("pln", STATUS.name, 3, 41), delivery_id("pln", ROUTED.name, 4, 41)}) == 5


# -- subscriptions ------------------------------------------------------------------------------------------

def test_example_subscription_file_loads_and_has_no_secrets():
    subs = load_subscriptions(EXAMPLE)
    assert {s.unit_code for s in subs} >= {"*"} and all(s.secret_env.startswith("ADUAN_WEBHOOK_SECRET_") for s in subs)
    text = EXAMPLE.read_text().lower()
    assert "secret\":" not in text.replace("secret_env", "")


def test_subscription_validation(tmp_path):
    assert sub("PLN.3273").id == sub("PLN.3273").id != sub("PLN.3204").id  # derived, stable
    for bad in (dict(url="ftp://x/y"), dict(url="/relative"), dict(events=["complaint.deleted"]), dict(events=[]),
                dict(secret_env="lower_case")):
        with pytest.raises(ValueError):
            Subscription(**{"unit_code": "U", "url": "https://x.example/h", "secret_env": "S", "events": ["*"], **bad})
    path = tmp_path / "subs.json"
    path.write_text(json.dumps({"subscriptions": [
        {"id": "a", "unit_code": "U", "url": "https://x.example/h", "secret_env": "S", "events": ["*"]},
        {"id": "a", "unit_code": "V", "url": "https://y.example/h", "secret_env": "S", "events": ["*"]}]}))
    with pytest.raises(ValueError, match="duplicate"):
        load_subscriptions(path)


def test_secrets_come_from_the_environment_and_fail_closed():
    subs = [sub("U")]
    assert resolve_secrets(subs, {"HOOK_SECRET": SECRET}) == {subs[0].id: SECRET.encode()}
    with pytest.raises(ValueError, match="not set"):
        resolve_secrets(subs, {})
    with pytest.raises(ValueError, match="shorter"):
        resolve_secrets(subs, {"HOOK_SECRET": "short"})


# -- matching -----------------------------------------------------------------------------------------------

def test_routed_complaint_matches_its_unit_operators_and_filters():
    directory = ComplaintDirectory()
    event = to_event(ROUTED.name, routed(unit_code="PLN.3273").model_dump_json().encode(), directory)
    assert event.kind == "complaint.routed" and event.units == ("PLN.3273",)
    assert sub("PLN.3273").wants(event) and sub("*").wants(event)
    assert not sub("PLN.3204").wants(event)
    assert sub("PLN.3273", events=["complaints.routed"]).wants(event)
    assert not sub("PLN.3273", events=["complaint.status", "complaints.sla"]).wants(event)
    assert sub("PLN.3273", topic_codes=["energi"]).wants(event)
    assert not sub("*", topic_codes=["kesehatan"]).wants(event)


def test_status_and_sla_events_are_placed_through_the_directory_and_follow_a_reroute():
    directory = ComplaintDirectory()
    complaint = routed(unit_code="PLN.3273", topic="energi")
    to_event(ROUTED.name, complaint.model_dump_json().encode(), directory)

    status = to_event(STATUS.name, status_event(complaint.complaint_id).model_dump_json().encode(), directory)
    assert status.units == ("PLN.3273",) and status.topic == "energi" and status.privacy == "publik"
    assert sub("PLN.3273", events=["complaint.status"], topic_codes=["energi"]).wants(status)

    moved = status_event(complaint.complaint_id, status="bukan_wewenang", unit_code="PEMDA.3273")
    reroute = to_event(STATUS.name, moved.model_dump_json().encode(), directory)
    assert reroute.units == ("PLN.3273", "PEMDA.3273")  # both the unit handing over and the new one hear of it
    sla = make.sla(complaint.complaint_id, "warning", stage="verifikasi")
    sla_event = to_event(SLA.name, sla.model_dump_json().encode(), directory)
    assert sla_event.units == ("PEMDA.3273",) and not sub("PLN.3273").wants(sla_event)


def test_unknown_complaint_reaches_only_unfiltered_operators_and_fallback_is_asked():
    asked = []
    directory = ComplaintDirectory(fallback=lambda cid: asked.append(cid) or None)
    event = to_event(STATUS.name, status_event("c-unknown").model_dump_json().encode(), directory)
    assert asked == ["c-unknown"] and event.units == () and event.privacy is None
    assert sub("*").wants(event) and not sub("*", topic_codes=["energi"]).wants(event)
    assert not sub("PLN.3273").wants(event)

    known = ComplaintDirectory(fallback=lambda cid: ComplaintContext("PLN.3273", "energi", "publik"))
    assert to_event(STATUS.name, status_event("c-indexed").model_dump_json().encode(), known).units == ("PLN.3273",)


def test_directory_is_bounded():
    directory = ComplaintDirectory(capacity=2)
    for cid in "abc":
        directory.remember(cid, ComplaintContext("U", "t", "publik"))
    assert directory.lookup("a") is None and directory.lookup("c") is not None


# -- privacy ------------------------------------------------------------------------------------------------

def _seen(privacy: str, subscription: Subscription) -> tuple[dict, list[str]]:
    event = to_event(ROUTED.name, routed(unit_code="PLN.3273", privacy=privacy).model_dump_json().encode(),
                     ComplaintDirectory())
    return redact(event, subscription)


@pytest.mark.parametrize("privacy, unit, contacts, content", [
    ("publik", "PLN.3273", True, True),
    ("publik", "*", False, True),
    ("anonim", "PLN.3273", False, True),
    ("anonim", "*", False, True),
    ("rahasia", "PLN.3273", False, True),
    ("rahasia", "*", False, False),
])
def test_privacy_rule_for_routed_complaints(privacy, unit, contacts, content):
    data, withheld = _seen(privacy, sub(unit))
    dumped = json.dumps(data)
    assert ("reporter" in data) is contacts and ("+6281234567890" in dumped) is contacts
    assert ("reporter_key" in data) is contacts and ("channel_meta" in data) is contacts
    assert ("provider_message_id" in data) is contacts
    assert ("text" in data) is content and ("Jl. Merdeka" in dumped) is content and ("subject" in data) is content
    assert ("reporter" in withheld) is not contacts and ("text" in withheld) is not content
    assert data["unit_code"] == "PLN.3273" and data["complaint_id"] and data["topic"] == "energi"


def test_privacy_rule_for_status_events():
    directory = ComplaintDirectory()
    secret_case = routed(unit_code="PLN.3273", privacy="rahasia")
    to_event(ROUTED.name, secret_case.model_dump_json().encode(), directory)
    event = to_event(STATUS.name, status_event(secret_case.complaint_id, reason="pelapor Budi di Jl. Merdeka")
                     .model_dump_json().encode(), directory)
    assert "reason" in redact(event, sub("PLN.3273"))[0]
    operators_view, withheld = redact(event, sub("*"))
    assert "reason" not in operators_view and withheld == ["reason"]

    public_case = routed(unit_code="PLN.3273", privacy="publik")
    to_event(ROUTED.name, public_case.model_dump_json().encode(), directory)
    reply = to_event(STATUS.name, status_event(public_case.complaint_id, actor="+6281234567890",
                                               actor_role="citizen").model_dump_json().encode(), directory)
    assert redact(reply, sub("PLN.3273"))[0]["actor"] == "+6281234567890"
    assert "actor" not in redact(reply, sub("*"))[0]
    unknown = to_event(STATUS.name, status_event("c-unknown").model_dump_json().encode(), directory)
    assert "reason" not in redact(unknown, sub("*"))[0]


def test_payload_is_a_deterministic_envelope():
    event = to_event(ROUTED.name, routed(unit_code="PLN.3273", privacy="anonim").model_dump_json().encode(),
                     ComplaintDirectory())
    subscription = sub("PLN.3273", id="pln")
    body = payload(event, subscription, "d1")
    assert body == payload(event, subscription, "d1")
    envelope = json.loads(body)
    assert envelope["event"] == "complaint.routed" and envelope["delivery_id"] == "d1"
    assert envelope["subscription_id"] == "pln" and envelope["unit_codes"] == ["PLN.3273"]
    assert "reporter" in envelope["withheld"] and envelope["data"]["privacy"] == "anonim"


# -- retry policy -------------------------------------------------------------------------------------------

def test_backoff_schedule_doubles_up_to_the_cap_with_bounded_jitter():
    policy = RetryPolicy(max_attempts=9, base_delay_s=1, max_delay_s=60, jitter=0.5)
    assert policy.schedule() == [1, 2, 4, 8, 16, 32, 60, 60]
    rng = random.Random(7)
    delays = [policy.delay(3, rng) for _ in range(200)]
    assert all(2.0 <= d <= 4.0 for d in delays) and max(delays) - min(delays) > 1.0
    assert RetryPolicy(jitter=0).delay(2, rng) == 2.0


def test_retryable_statuses_and_retry_after():
    assert [s for s in (200, 301, 400, 401, 404, 408, 409, 422, 429, 500, 502, 503) if retryable(s)] == [
        408, 429, 500, 502, 503]
    assert retry_after_s("120") == 120.0 and retry_after_s(None) is None and retry_after_s("soon") is None
    later = datetime.now(timezone.utc) + timedelta(seconds=30)
    assert 28 <= retry_after_s(format_datetime(later, usegmt=True)) <= 30


def _run_deliver(responses, policy=RetryPolicy(base_delay_s=1, jitter=0), max_elapsed=None):
    """deliver() against scripted answers; returns (result, requests seen, sleeps asked for)."""
    seen, slept = [], []
    script = iter(responses)
    now = [0.0]  # a clock that only the fake sleep advances

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        answer = next(script)
        if isinstance(answer, Exception):
            raise answer
        return answer

    async def fake_sleep(seconds: float) -> bool:
        slept.append(seconds)
        now[0] += seconds
        return False

    if max_elapsed is not None:
        policy = RetryPolicy(base_delay_s=policy.base_delay_s, jitter=0, max_elapsed_s=max_elapsed)

    async def go():
        async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as client:
            return await deliver(client, sub("U", url="https://unit.example/hook"), SECRET.encode(), b'{"a":1}',
                                 "complaint.routed", "dlv", policy, rng=random.Random(1), sleep=fake_sleep,
                                 monotonic=lambda: now[0])

    return asyncio.run(go()), seen, slept


def test_deliver_retries_5xx_and_connection_errors_then_succeeds_with_fresh_signatures():
    result, seen, slept = _run_deliver([httpx.Response(503), httpx.ConnectError("refused"), httpx.Response(200)])
    assert result.delivered and result.attempts == 3 and slept == [1.0, 2.0]
    for request in seen:
        assert request.headers["X-Aduan-Delivery"] == "dlv" and request.headers["X-Aduan-Event"] == "complaint.routed"
        assert request.headers["User-Agent"] == "aduan-webhooks/0.1"
        assert request.headers["Content-Type"] == "application/json"
        assert verify_signature(SECRET, request.headers["X-Aduan-Signature"], request.content)


def test_deliver_honours_retry_after_and_gives_up_on_4xx():
    result, _, slept = _run_deliver([httpx.Response(429, headers={"Retry-After": "7"}), httpx.Response(204)])
    assert result.delivered and slept == [7.0]
    result, seen, slept = _run_deliver([httpx.Response(404)])
    assert not result.delivered and len(seen) == 1 and slept == [] and "HTTP 404 (not retried)" in result.last_error
    result, seen, _ = _run_deliver([httpx.Response(302, headers={"Location": "https://elsewhere.example/"})])
    assert not result.delivered and len(seen) == 1  # redirects are not followed with a signed body


def test_deliver_stops_at_max_attempts_or_max_elapsed():
    result, seen, slept = _run_deliver([httpx.Response(500)] * 8)
    assert not result.delivered and len(seen) == 8 and slept == [1, 2, 4, 8, 16, 32, 60]
    assert "HTTP 500 after 8 attempts" in result.last_error
    result, seen, _ = _run_deliver([httpx.Response(500)] * 8, max_elapsed=5)
    assert len(seen) == 3 and "max_elapsed_s=5" in result.last_error  # 1 + 2 fit, the 4 s wait would not


# -- through the broker -------------------------------------------------------------------------------------

class Receiver:
    """A real HTTP endpoint: verifies every signature, answers from a per-path script."""

    def __init__(self, secret: str) -> None:
        self.secret = secret
        self.requests: list[dict] = []
        self.scripts: dict[str, list[int]] = {}
        self.lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                with receiver.lock:
                    script = receiver.scripts.get(self.path, [])
                    status = script.pop(0) if len(script) > 1 else (script[0] if script else 200)
                    receiver.requests.append({
                        "path": self.path, "status": status, "body": json.loads(body),
                        "delivery": self.headers["X-Aduan-Delivery"], "event": self.headers["X-Aduan-Event"],
                        "verified": verify_signature(receiver.secret, self.headers["X-Aduan-Signature"], body)})
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def to(self, path: str) -> list[dict]:
        with self.lock:
            return [r for r in self.requests if r["path"] == path]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver():
    r = Receiver(SECRET)
    yield r
    r.close()


@pytest.fixture
def producer(servers):
    p = KafkaProducer(bootstrap_servers=servers.kafka, acks="all")
    yield p
    p.close()


FAST = RetryPolicy(max_attempts=4, base_delay_s=0.05, max_delay_s=0.2, max_elapsed_s=10, timeout_s=5)


def dispatcher_for(servers, group: str, subscriptions: list[Subscription], policy: RetryPolicy = FAST):
    consumer = kafka_consumer(servers.kafka, *(spec.name for spec in SOURCES), group=group, client_id=group,
                              start="latest", max_poll_interval_ms=MAX_POLL_INTERVAL_MS)
    deadline = time.monotonic() + 20
    while not consumer.assignment():  # join the group before anything is produced
        consumer.poll(timeout_ms=100)
        assert time.monotonic() < deadline, "consumer group never assigned partitions"
    # The joining poll may have fetched records: go back to what the group committed. Where it never
    # committed, fix "latest" now and commit it, as if the group had always existed, so a restarted member
    # resumes there instead of skipping to the end.
    fresh = {}
    for tp in consumer.assignment():
        committed = consumer.committed(tp)
        if committed is None:
            consumer.seek_to_end(tp)
            fresh[tp] = OffsetAndMetadata(consumer.position(tp), "", -1)
        else:
            consumer.seek(tp, committed)
    if fresh:
        consumer.commit(fresh)
    return dispatcher(consumer, subscriptions, Publisher(servers.kafka, 5), policy=policy,
                      environ={"HOOK_SECRET": SECRET})


def send(producer, topic: str, key: str, event) -> tuple[int, int, bytes]:
    value = event.model_dump_json().encode()
    meta = producer.send(topic, key=key.encode(), value=value).get(10)
    return meta.partition, meta.offset, value


def run_until(runtime: ConsumerRuntime, condition, timeout_s: float = 20, stop=None) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        runtime.run_once(stop)
        assert time.monotonic() < deadline, runtime.stats


def dead_letter_for(bootstrap: str, partition: int, offset: int) -> DeadLetter:
    """The webhook worker's dead letter for a routed record (tests.servers.await_dead_letter ignores the partition)."""
    def ours(records) -> list[DeadLetter]:
        letters = (DeadLetter.model_validate_json(r.value) for r in records)
        return [d for d in letters if d.stage == "consumers.sinks.webhooks" and d.source_topic == ROUTED.name
                and d.partition == partition and d.offset == offset]

    letters = ours(read_topic(bootstrap, DEADLETTER.name, until=lambda rs: bool(ours(rs))))
    assert len(letters) == 1, letters
    return letters[0]


def counter(outcome: str, unit: str) -> float:
    return REGISTRY.get_sample_value("aduan_webhook_deliveries_total", {"outcome": outcome, "unit": unit}) or 0.0


@integration
def test_routed_complaint_is_delivered_once_to_its_unit_only(servers, receiver, producer):
    u, v = f"TEST-U.{uuid.uuid4().hex[:8]}", f"TEST-V.{uuid.uuid4().hex[:8]}"
    subs = [sub(u, f"{receiver.url}/u", id="u"), sub(v, f"{receiver.url}/v", id="v"),
            sub("*", f"{receiver.url}/ops", events=["complaint.status"], id="ops")]
    dispatcher = dispatcher_for(servers, f"webhooks-test-{uuid.uuid4().hex}", subs)
    try:
        complaint = routed(unit_code=u)
        partition, offset, _ = send(producer, ROUTED.name, complaint.complaint_id, complaint)
        run_until(dispatcher, lambda: receiver.to("/u"))
        status = status_event(complaint.complaint_id)
        send(producer, STATUS.name, complaint.complaint_id, status)
        run_until(dispatcher, lambda: len(receiver.to("/u")) == 2 and receiver.to("/ops"))
        for _ in range(3):
            dispatcher.run_once()  # nothing more may come

        [first, second] = receiver.to("/u")
        assert first["verified"] and second["verified"]
        assert first["event"] == "complaint.routed"
        assert first["delivery"] == delivery_id("u", ROUTED.name, partition, offset)
        assert first["body"]["data"]["complaint_id"] == complaint.complaint_id
        assert first["body"]["data"]["reporter"]["phone"] == "+6281234567890"  # publik, its own unit
        assert second["event"] == "complaint.status" and second["body"]["data"]["event_id"] == status.event_id
        assert receiver.to("/v") == []
        [ops] = receiver.to("/ops")
        assert ops["verified"] and ops["body"]["data"]["event_id"] == status.event_id
        committed = dispatcher.consumer.committed(TopicPartition(ROUTED.name, partition))
        assert committed is not None and committed > offset
    finally:
        dispatcher.close()


@integration
def test_receiver_failing_twice_is_delivered_after_retries(servers, receiver, producer):
    unit = f"TEST-R.{uuid.uuid4().hex[:8]}"
    receiver.scripts["/flaky"] = [503, 503, 200]
    dispatcher = dispatcher_for(servers, f"webhooks-test-{uuid.uuid4().hex}", [sub(unit, f"{receiver.url}/flaky")])
    delivered, retried = counter("delivered", unit), counter("retried", unit)
    try:
        complaint = routed(unit_code=unit)
        send(producer, ROUTED.name, complaint.complaint_id, complaint)
        run_until(dispatcher, lambda: any(r["status"] == 200 for r in receiver.to("/flaky")))
        attempts = receiver.to("/flaky")
        assert [a["status"] for a in attempts] == [503, 503, 200]
        assert len({a["delivery"] for a in attempts}) == 1 and all(a["verified"] for a in attempts)
        assert counter("delivered", unit) - delivered == 1 and counter("retried", unit) - retried == 2
        assert dispatcher.stats.dead_lettered == 0
    finally:
        dispatcher.close()


@integration
def test_receiver_always_failing_ends_in_the_dead_letter_topic(servers, receiver, producer):
    unit = f"TEST-D.{uuid.uuid4().hex[:8]}"
    receiver.scripts["/down"] = [500]
    dispatcher = dispatcher_for(servers, f"webhooks-test-{uuid.uuid4().hex}",
                                [sub(unit, f"{receiver.url}/down", id="down")])
    letters = lambda: REGISTRY.get_sample_value("aduan_dead_letters_total",
                                                {"stage": "consumers.sinks.webhooks", "channel": "-"}) or 0.0
    letters_before = letters()
    try:
        complaint = routed(unit_code=unit)
        partition, offset, value = send(producer, ROUTED.name, complaint.complaint_id, complaint)
        run_until(dispatcher, lambda: dispatcher.stats.dead_lettered == 1)
        assert len(receiver.to("/down")) == FAST.max_attempts
        letter = dead_letter_for(servers.kafka, partition, offset)
        assert letter.stage == "consumers.sinks.webhooks" and letter.partition == partition and letter.raw == value
        assert "subscription down" in letter.reason and "HTTP 500 after 4 attempts" in letter.reason
        assert dispatcher.consumer.committed(TopicPartition(ROUTED.name, partition)) > offset
        assert counter("dead_lettered", unit) == 1
        assert letters() == letters_before + 1
    finally:
        dispatcher.close()


@integration
def test_offsets_wait_for_delivery_so_a_restart_loses_nothing(servers, receiver, producer):
    unit, group = f"TEST-C.{uuid.uuid4().hex[:8]}", f"webhooks-test-{uuid.uuid4().hex}"
    patient = RetryPolicy(max_attempts=100, base_delay_s=0.05, max_delay_s=0.1, max_elapsed_s=60, timeout_s=5)
    subs = [sub(unit, f"{receiver.url}/c", id="c")]
    first = dispatcher_for(servers, group, subs, patient)
    early = [routed(unit_code=unit) for _ in range(3)]
    late = [routed(unit_code=unit) for _ in range(3)]
    try:
        for c in early:
            send(producer, ROUTED.name, c.complaint_id, c)
        run_until(first, lambda: len(receiver.to("/c")) == 3)

        receiver.scripts["/c"] = [503]  # the unit's server goes down
        placed = [send(producer, ROUTED.name, c.complaint_id, c) for c in late]
        stop = threading.Event()
        worker = threading.Thread(target=first.run, args=(stop,))
        worker.start()
        deadline = time.monotonic() + 20
        while len({r["delivery"] for r in receiver.to("/c") if r["status"] == 503}) < 3:
            assert time.monotonic() < deadline
            time.sleep(0.05)
        stop.set()  # the worker stops mid-retry: nothing delivered, nothing dead-lettered, nothing committed
        worker.join(10)
        assert not worker.is_alive()
        for partition, offset, _ in placed:
            committed = first.consumer.committed(TopicPartition(ROUTED.name, partition))
            assert committed is None or committed <= offset
        assert first.stats.dead_lettered == 0
    finally:
        first.close()

    receiver.scripts["/c"] = [200]  # back up; a new worker of the same group takes over
    second = dispatcher_for(servers, group, subs, patient)
    try:
        late_ids = {c.complaint_id for c in late}
        ok = lambda: {r["body"]["complaint_id"] for r in receiver.to("/c") if r["status"] == 200}
        run_until(second, lambda: late_ids <= ok())
        for _ in range(3):
            second.run_once()
        delivered = [r for r in receiver.to("/c") if r["status"] == 200]
        assert sorted(r["body"]["complaint_id"] for r in delivered) == sorted(c.complaint_id for c in early + late)
        assert all(r["verified"] for r in receiver.to("/c"))
    finally:
        second.close()


@integration
def test_directory_falls_back_to_the_search_index(servers):
    from elasticsearch import Elasticsearch

    from consumers.sinks.index import ensure_index
    from consumers.sinks.webhooks.events import elasticsearch_context

    es = Elasticsearch(servers.elasticsearch)
    try:
        ensure_index(es, "aduan-complaints")
        complaint = routed(unit_code=f"TEST-E.{uuid.uuid4().hex[:8]}", privacy="rahasia", topic="kesehatan")
        es.index(index="aduan-complaints", id=complaint.complaint_id, document=complaint.model_dump(mode="json"),
                 refresh=True)
        lookup = elasticsearch_context(es, "aduan-complaints")
        assert lookup(complaint.complaint_id) == ComplaintContext(complaint.unit_code, "kesehatan", "rahasia")
        assert lookup("c-never-indexed") is None
    finally:
        es.close()


@integration
def test_record_waits_while_the_dead_letter_topic_does_not_acknowledge(servers, receiver, producer):
    unit = f"TEST-W.{uuid.uuid4().hex[:8]}"
    receiver.scripts["/gone"] = [410]  # not retried: straight to the dead-letter topic
    dispatcher = dispatcher_for(servers, f"webhooks-test-{uuid.uuid4().hex}",
                                [sub(unit, f"{receiver.url}/gone", id="gone")])
    working = dispatcher.deadletters
    dispatcher.deadletters = Publisher("127.0.0.1:1", timeout_s=1)  # nothing listens there
    try:
        complaint = routed(unit_code=unit)
        partition, offset, _ = send(producer, ROUTED.name, complaint.complaint_id, complaint)
        run_until(dispatcher, lambda: dispatcher.stats.uncommitted >= 1)
        committed = dispatcher.consumer.committed(TopicPartition(ROUTED.name, partition))
        assert committed is None or committed <= offset and dispatcher.stats.dead_lettered == 0

        dispatcher.deadletters.close()
        dispatcher.deadletters = working  # the broker answers again: the same record comes round again
        run_until(dispatcher, lambda: dispatcher.stats.dead_lettered == 1)
        attempts = receiver.to("/gone")
        assert len(attempts) == 2 and attempts[0]["delivery"] == attempts[1]["delivery"]
        assert "HTTP 410 (not retried)" in dead_letter_for(servers.kafka, partition, offset).reason
        assert dispatcher.consumer.committed(TopicPartition(ROUTED.name, partition)) > offset
    finally:
        dispatcher.close()
