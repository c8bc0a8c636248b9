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


# --- content is written once ------------------------------------------------------------------------

def routed_of(batch: Batch) -> list[RoutedComplaint]:
    return [RoutedComplaint.model_validate_json(value) for _, value in by_topic(batch, ROUTED.name)]


def web(key: str, text: str, privacy: str = "rahasia", days: int = 0) -> Complaint:
    return Complaint.new(channel="web", provider_message_id=key, received_at=T0 + timedelta(days=days), text=text,
                         privacy=privacy, reporter=Reporter(phone="+6281234567890"))


def test_a_replay_with_the_same_content_is_routed_again_as_today(pipeline):
    original = web("key-replay", "Pungutan liar di kantor kelurahan Sukamaju, mohon ditindak")
    first = Events()
    first.complaint(original)
    again = Events()
    again.complaint(original.model_copy(update={"received_at": T0 + timedelta(minutes=5)}))

    assert len(routed_of(process(pipeline, first.events))) == 1
    replay = process(pipeline, again.events)
    assert replay.letters == [] and [r.complaint_id for r in routed_of(replay)] == [original.complaint_id]


@pytest.mark.parametrize("same_batch", [True, False])
def test_other_content_under_a_taken_id_is_a_conflict_dead_letter_and_nothing_is_emitted(pipeline, same_batch):
    original = web("key-victim", "Pungutan liar di kantor kelurahan Sukamaju oleh petugas berinisial AB")
    forged = web("key-victim", "Semua baik-baik saja, laporan dicabut", privacy="publik")
    assert forged.complaint_id == original.complaint_id
    first, second = Events(), Events()
    first.complaint(original)
    (first if same_batch else second).complaint(forged)

    batches = [process(pipeline, first.events)] + ([] if same_batch else [process(pipeline, second.events)])
    outputs = [output for batch in batches for output in batch.outputs]
    letters = [letter for batch in batches for letter in batch.letters]
    routed = [RoutedComplaint.model_validate_json(value) for topic, _, value in outputs if topic == ROUTED.name]
    assert [(r.text, r.privacy) for r in routed] == [(original.text, "rahasia")]
    assert not [o for o in outputs if o[0] == DUPLICATES.name]
    assert len(letters) == 1
    letter = letters[0]
    assert letter.stage == STAGE and letter.reason.startswith("content_conflict")
    assert original.complaint_id in letter.reason
    assert Complaint.model_validate_json(letter.raw) == forged  # kept for an operator to look at
    assert (DEADLETTER.name, RAW["web"].name.encode(), letter.model_dump_json().encode()) in outputs


def test_a_conflict_is_caught_whatever_time_the_forgery_claims(pipeline):
    """A forged mail can carry any Date: the exact window (event time) must not open the door."""
    original = web("key-dated", "Jalan amblas di depan SDN 3 Cibiru, sudah ada korban")
    for days in (8, -8, 25):
        events = Events()
        events.complaint(original)
        events.complaint(web("key-dated", f"Laporan palsu nomor {days}", days=days))
        batch = process(pipeline, events.events)
        assert [letter.reason.split(":")[0] for letter in batch.letters] == ["content_conflict"], days
        assert all(r.text == original.text for r in routed_of(batch))


def test_the_first_content_survives_a_restart_of_the_worker(pipeline):
    """The digest is part of the durable dedup record: a worker rebuilt from the store still knows it."""
    store: dict = {}
    pipeline.deduplicator = Deduplicator(store=store)
    original = web("key-restart", "Bantuan sosial tidak sampai ke warga RT 04 Desa Cileunyi")
    events = Events()
    events.complaint(original)
    process(pipeline, events.events)

    pipeline.deduplicator = Deduplicator(store=store)
    pipeline.deduplicator.reindex()
    forged = Events()
    forged.complaint(web("key-restart", "Bantuan sosial sudah sampai, terima kasih", privacy="publik"))
    batch = process(pipeline, forged.events)
    assert routed_of(batch) == [] and batch.letters[0].reason.startswith("content_conflict")
