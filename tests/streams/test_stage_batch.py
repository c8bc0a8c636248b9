"""The stream stage's batch handler (``streams.app.process``) in process, without a broker: fake faust
events in, the outputs and dead letters of one micro-batch out."""

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

import pytest

from schemas.events import Complaint, DeadLetter, DuplicateReport, Reporter, RoutedComplaint
from schemas.topics import DEADLETTER, DUPLICATES, RAW, ROUTED
from streams.app import STAGE, Batch, process
from streams.dedup import Deduplicator
from streams.pipeline import Pipeline

T0 = datetime(2025, 3, 3, 8, 0, tzinfo=timezone.utc)


@dataclass
class Message:
    topic: str
    partition: int
    offset: int
    key: bytes | None
    value: bytes


@dataclass
class Event:
    message: Message


class Events:
    """Events as faust's ``take_events`` hands them: each with its message's topic, partition and offset."""

    def __init__(self) -> None:
        self.events: list[Event] = []

    def raw(self, channel: str, value: bytes, key: bytes | None = None, partition: int = 0) -> Message:
        message = Message(RAW[channel].name, partition, len(self.events), key, value)
        self.events.append(Event(message))
        return message

    def complaint(self, complaint: Complaint, partition: int = 0) -> Message:
        return self.raw(complaint.channel, complaint.model_dump_json().encode(), complaint.complaint_id.encode(), partition)


@pytest.fixture(scope="module")
def shared_pipeline():
    return Pipeline("test-salt")


@pytest.fixture
def pipeline(shared_pipeline):
    shared_pipeline.deduplicator = Deduplicator()  # every test starts with an empty dedup memory
    return shared_pipeline


def sms(message_id: str, text: str, phone: str = "+6281234567890", minutes: int = 0) -> Complaint:
    return Complaint.new(channel="sms", provider_message_id=message_id, received_at=T0 + timedelta(minutes=minutes),
                         text=text, reporter=Reporter(phone=phone))


def by_topic(batch: Batch, topic: str) -> list[tuple[bytes, bytes]]:
    return [(key, value) for name, key, value in batch.outputs if name == topic]


def test_a_valid_complaint_is_routed_keyed_by_its_id(pipeline):
    events = Events()
    complaint = sms("SM-1", "PDAM mati sdh 3 hari di kec Cibiru, air tdk mengalir")
    events.complaint(complaint)
    batch = process(pipeline, events.events)

    assert batch.letters == []
    assert len(batch.outputs) == 1
    topic, key, value = batch.outputs[0]
    assert topic == ROUTED.name and key == complaint.complaint_id.encode()
    routed = RoutedComplaint.model_validate_json(value)
    assert routed.complaint_id == complaint.complaint_id and routed.text == complaint.text
    assert routed.topic == "air_bersih" and routed.unit_code and routed.reporter_key
    assert routed.duplicate_of is None and routed.cluster_id == complaint.complaint_id


def test_an_exact_resend_in_the_same_batch_is_a_duplicate_report(pipeline):
    events = Events()
    original = sms("SM-2", "Lampu jalan di Desa Sukamaju RT 03 mati semua sejak minggu lalu")
    resend = sms("SM-3", original.text, minutes=3)  # same reporter, same text, another provider message
    events.complaint(original)
    events.complaint(resend)
    batch = process(pipeline, events.events)

    assert batch.letters == []
    assert [key for key, _ in by_topic(batch, ROUTED.name)] == [original.complaint_id.encode()]
    duplicates = by_topic(batch, DUPLICATES.name)
    assert len(duplicates) == 1
    key, value = duplicates[0]
    report = DuplicateReport.model_validate_json(value)
    assert key == original.complaint_id.encode()  # keyed by the original, whose report count grows
    assert report.complaint_id == resend.complaint_id and report.duplicate_of == original.complaint_id
    assert report.reason == "same_reporter_same_text" and report.channel == "sms"


def test_malformed_and_schema_invalid_records_are_dead_lettered_with_their_raw_bytes(pipeline):
    events = Events()
    malformed = events.raw("sms", b'{"text": "PDAM mati', key=b"broken", partition=2)
    invalid = events.raw("web", b'{"text": "no ids"}', key=b"no-ids", partition=1)
    batch = process(pipeline, events.events)

    assert len(batch.outputs) == 2 and len(batch.letters) == 2
    for (topic, key, value), letter, message in zip(batch.outputs, batch.letters, (malformed, invalid)):
        assert topic == DEADLETTER.name
        assert key == message.topic.encode()  # the registry's key for dead letters: the source topic
        assert DeadLetter.model_validate_json(value) == letter
        assert letter.stage == STAGE == "streams.stage"
        assert letter.raw == message.value
        assert (letter.source_topic, letter.partition, letter.offset) == (message.topic, message.partition, message.offset)
        assert letter.channel == ("sms" if message is malformed else "web")
    assert "invalid Complaint" in batch.letters[0].reason
    assert "complaint_id" in batch.letters[1].reason


def test_batch_order_is_preserved(pipeline):
    events = Events()
    first = sms("SM-10", "jalan berlubang besar di Jl. Merdeka depan pasar, bahaya utk motor", phone="+6281200000001")
    events.raw("sms", b"not json at all")
    second = sms("SM-11", "listrik padam sejak semalam di Desa Sukamulya, pln blm datang", phone="+6281200000002")
    events.raw("web", b'{"channel": "web"}')
    third = sms("SM-12", "sampah menumpuk di pinggir sungai belakang pasar, bau sekali", phone="+6281200000003")
    for complaint in (first, second, third):
        events.complaint(complaint)
    resend = sms("SM-13", second.text, phone="+6281200000002", minutes=5)
    events.complaint(resend)
    batch = process(pipeline, events.events)

    # Dead letters in arrival order, then the batch's complaints in arrival order (dedup depends on it).
    assert [(topic, key) for topic, key, _ in batch.outputs] == [
        (DEADLETTER.name, RAW["sms"].name.encode()),
        (DEADLETTER.name, RAW["web"].name.encode()),
        (ROUTED.name, first.complaint_id.encode()),
        (ROUTED.name, second.complaint_id.encode()),
        (ROUTED.name, third.complaint_id.encode()),
        (DUPLICATES.name, second.complaint_id.encode()),
    ]
    assert [letter.offset for letter in batch.letters] == [0, 1]
    assert DuplicateReport.model_validate_json(batch.outputs[-1][2]).complaint_id == resend.complaint_id


def test_an_empty_batch_produces_nothing(pipeline):
    assert process(pipeline, []) == Batch()
