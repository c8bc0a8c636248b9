"""A downstream subscriber's view: plain Kafka and the published JSON Schemas, no aduan code to decode.

aduan publishes one event of every topic; the subscriber side reads them with a bare kafka-python
consumer and checks each value against the exported schema whose ``x-topics`` names the topic, and
against the AsyncAPI document's payload for the channel with that address.
"""

import base64
import json
import time
import uuid
from datetime import datetime, timedelta, timezone

import jsonschema
import pytest
from kafka import KafkaConsumer, TopicPartition
from referencing import Registry
from referencing.exceptions import NoSuchResource
from referencing.jsonschema import DRAFT202012

from aduan.core.connections import Publisher
from schemas.asyncapi import write as write_asyncapi
from schemas.events import (
    Attachment, CitizenAnswer, ComplaintCorrection, ComplaintRevision, ContactPreference, LocationHint, NotificationRecord,
    SurgeAlert,
)
from schemas.export import export
from schemas.topics import (
    ALERTS, ALL_TOPICS, ANSWERS, CORRECTIONS, DEADLETTER, DUPLICATES, NOTIFICATIONS, PREFERENCES, RAW, REVISIONS, ROUTED,
    SLA, STATUS,
)
from tests import factories as make

pytestmark = pytest.mark.integration

NOW = datetime(2026, 3, 9, 2, 15, tzinfo=timezone.utc)


def one_event_per_topic(run: str) -> dict[str, tuple[str, object]]:
    """topic -> (key, event), keys unique to this run so the subscriber finds exactly these records."""
    raw = {
        channel: make.complaint(channel=channel, provider_message_id=f"{run}-{channel}", received_at=NOW,
                                text=f"Keluhan lewat {channel}: air PDAM mati tiga hari di Kelurahan Sukajadi.",
                                reporter=make.reporter(name="Warga", email="warga@example.id", phone="+6281234567890"),
                                location=LocationHint(text="Sukajadi, Bandung", lat=-6.88, lon=107.59,
                                                      region_code="3273"),
                                attachments=[Attachment(filename="foto.jpg", content_type="image/jpeg",
                                                        size_bytes=1024, sha256="a" * 64)],
                                channel_meta={"run": run})
        for channel in RAW
    }
    web = raw["web"]
    routed = make.routed(web, topic="air_bersih", confidence=0.87, unit_code="PDAM.3273", region_code="3273",
                         region_name="Kota Bandung",
                         sla=make.sla_state("verifikasi", started_at=NOW, due_at=NOW + timedelta(days=3)))
    resend = make.complaint(channel="web", provider_message_id=f"{run}-resend", received_at=NOW, text=web.text)
    events = {RAW[channel].name: (event.complaint_id, event) for channel, event in raw.items()}
    events[ROUTED.name] = (web.complaint_id, routed)
    events[DUPLICATES.name] = (web.complaint_id, make.duplicate(
        web.complaint_id, complaint_id=resend.complaint_id, channel="web", reason="same_reporter_same_text",
        received_at=NOW))
    events[STATUS.name] = (web.complaint_id, make.status(
        web.complaint_id, "terverifikasi", actor="operator", actor_role="operator", at=NOW))
    events[SLA.name] = (web.complaint_id, make.sla(
        web.complaint_id, "warning", stage="verifikasi", due_at=NOW + timedelta(days=3), elapsed_working_days=2.0,
        unit_code="PDAM.3273"))
    contact = f"sms:phone:+62812{run}"
    events[ANSWERS.name] = (contact, CitizenAnswer(
        answer_id=str(uuid.uuid4()), contact_key=contact, channel="sms", provider_message_id=f"{run}-answer",
        reporter=web.reporter, kind="keyword", payload="YA", text="ya", complaint_id=web.complaint_id,
        received_at=NOW))
    events[REVISIONS.name] = (web.complaint_id, ComplaintRevision(
        revision_id=str(uuid.uuid4()), complaint_id=web.complaint_id, channel="social", kind="edited",
        text="Air PDAM mati empat hari.", provider="facebook", at=NOW))
    events[PREFERENCES.name] = (contact, ContactPreference(
        contact_key=contact, channel="sms", opted_out=True, keyword="BERHENTI", source="keyword", at=NOW))
    notification_id = str(uuid.uuid4())
    events[NOTIFICATIONS.name] = (notification_id, NotificationRecord(
        notification_id=notification_id, complaint_id=web.complaint_id, channel="web", provider="smtp",
        template="diterima", result="sent", attempts=1, at=NOW))
    alert_id = f"surge:{run}"
    events[ALERTS.name] = (alert_id, SurgeAlert(
        alert_id=alert_id, kind="topic_kabkota", state="open", topic="air_bersih", region_code="3273",
        window_minutes=60, count=12, baseline=0.5, message="Air bersih: 12 laporan dari Kota Bandung dalam 60 menit",
        member_ids=[web.complaint_id], opened_at=NOW, updated_at=NOW))
    events[CORRECTIONS.name] = (web.complaint_id, ComplaintCorrection(
        correction_id=str(uuid.uuid4()), complaint_id=web.complaint_id, kind="split", actor="operator", at=NOW))
    events[DEADLETTER.name] = (f"tests.downstream:{run}", make.dead_letter(
        b"\xff\xfe not utf-8", stage="tests.downstream", reason="not JSON", channel="sms"))
    return events


def subscribe_and_collect(bootstrap: str, wanted: dict[str, str], timeout_s: float = 20.0) -> dict[str, bytes]:
    """What an external system does: a bare consumer, no group, every partition from the beginning."""
    consumer = KafkaConsumer(bootstrap_servers=bootstrap, group_id=None, enable_auto_commit=False,
                             # The local emulator ignores fetch size limits (see consumers/sinks/indexer.py).
                             receive_message_max_bytes=256 * 1024 * 1024)
    try:
        partitions = [TopicPartition(topic, p) for topic in wanted
                      for p in sorted(consumer.partitions_for_topic(topic) or ())]
        consumer.assign(partitions)
        consumer.seek_to_beginning(*partitions)
        found: dict[str, bytes] = {}
        deadline = time.monotonic() + timeout_s
        while len(found) < len(wanted) and time.monotonic() < deadline:
            for records in consumer.poll(timeout_ms=200).values():
                for record in records:
                    if record.key is not None and record.key.decode() == wanted[record.topic]:
                        found[record.topic] = record.value
        return found
    finally:
        consumer.close()


@pytest.fixture(scope="module")
def published(servers):
    run = uuid.uuid4().hex[:10]
    events = one_event_per_topic(run)
    assert set(events) == {spec.name for spec in ALL_TOPICS}
    specs = {spec.name: spec for spec in ALL_TOPICS}
    publisher = Publisher(servers.kafka, timeout_s=5)
    try:
        for topic, (key, event) in events.items():
            publisher.publish(specs[topic], key, event)
    finally:
        publisher.close()
    records = subscribe_and_collect(servers.kafka, {topic: key for topic, (key, _) in events.items()})
    assert set(records) == set(events), f"not read back: {set(events) - set(records)}"
    return records


@pytest.fixture(scope="module")
def exported_validators(tmp_path_factory) -> dict[str, jsonschema.Draft202012Validator]:
    """topic -> validator, from the exported files alone (``x-topics`` says which topic a schema is for)."""
    by_topic = {}
    for path in export(tmp_path_factory.mktemp("schemas")):
        schema = json.loads(path.read_text())
        jsonschema.Draft202012Validator.check_schema(schema)
        for topic in schema["x-topics"]:
            assert topic not in by_topic, f"{topic} claimed by two schemas"
            by_topic[topic] = jsonschema.Draft202012Validator(
                schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    return by_topic


def refuse(uri: str):
    raise NoSuchResource(ref=uri)


@pytest.fixture(scope="module")
def asyncapi_validators(tmp_path_factory) -> dict[str, jsonschema.Draft202012Validator]:
    """topic -> validator, from the AsyncAPI file alone: channel address -> message -> payload."""
    document = json.loads(write_asyncapi(tmp_path_factory.mktemp("asyncapi") / "asyncapi.json").read_text())
    registry = Registry(retrieve=refuse).with_resource("urn:doc", DRAFT202012.create_resource(document))
    by_topic = {}
    for channel in document["channels"].values():
        (message_ref,) = channel["messages"].values()
        message = document["components"]["messages"][message_ref["$ref"].rsplit("/", 1)[1]]
        by_topic[channel["address"]] = jsonschema.Draft202012Validator(
            {"$ref": "urn:doc" + message["payload"]["$ref"]}, registry=registry)
    return by_topic


def test_every_record_validates_against_the_exported_schema_of_its_topic(published, exported_validators):
    assert set(exported_validators) == set(published)
    for topic, value in published.items():
        payload = json.loads(value.decode("utf-8"))
        errors = [e.message for e in exported_validators[topic].iter_errors(payload)]
        assert errors == [], topic
        assert payload["schema_version"] == 1


def test_every_record_validates_against_the_asyncapi_payload_of_its_channel(published, asyncapi_validators):
    for topic, value in published.items():
        assert list(asyncapi_validators[topic].iter_errors(json.loads(value))) == [], topic


def test_the_dead_letter_carries_arbitrary_bytes_as_base64(published):
    assert base64.b64decode(json.loads(published[DEADLETTER.name])["raw"]) == b"\xff\xfe not utf-8"


@pytest.mark.parametrize("tamper", [
    ("unknown field", lambda p: p.update(injected=True)),
    ("future schema version", lambda p: p.update(schema_version=2)),
    ("required field dropped",
     lambda p: p.pop(next(k for k in ("answer_id", "contact_key", "alert_id", "complaint_id", "stage") if k in p))),
])
def test_a_tampered_record_fails(published, exported_validators, asyncapi_validators, tamper):
    _, change = tamper
    for topic, value in published.items():
        payload = json.loads(value)
        change(payload)
        assert not exported_validators[topic].is_valid(payload), topic
        assert not asyncapi_validators[topic].is_valid(payload), topic


def test_a_complaint_with_an_unknown_channel_or_bad_region_fails(published, exported_validators):
    payload = json.loads(published[RAW["sms"].name])
    validator = exported_validators[RAW["sms"].name]
    assert not validator.is_valid({**payload, "channel": "fax"})
    assert not validator.is_valid({**payload, "location": {**payload["location"], "region_code": "32.73"}})
