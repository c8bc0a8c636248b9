"""The join window: media without text and the same sender's text within ADUAN_JOIN_WINDOW_S are one
complaint, in either order, whatever partition or worker each message was processed on."""

import time
from datetime import datetime, timedelta, timezone

import pytest
from kafka import KafkaConsumer, TopicPartition
from kafka.partitioner.default import murmur2

from aduan.core.connections import Publisher
from aduan.core.blobs import BlobStore
from producers.intake import Intake
from producers.social.common import agency_ids
from producers.social.meta import meta_batch
from schemas.events import Attachment, Complaint, ComplaintRevision, Reporter, RoutedComplaint
from schemas.topics import RAW, REVISIONS, ROUTED
from streams.app import process
from streams.dedup import Deduplicator
from streams.pipeline import Pipeline
from tests import factories as make
from tests.streams.test_stage_batch import Event, Events

T0 = datetime(2026, 3, 3, 8, 0, tzinfo=timezone.utc)
PHONE = "+6281234500011"
PHOTO = Attachment(filename="foto.jpg", content_type="image/jpeg", size_bytes=1234, sha256="a" * 64, kind="image")


def photo(mid: str, minutes: float = 0, phone: str = PHONE, bsuid: str | None = None) -> Complaint:
    reporter = Reporter(phone=phone) if phone else Reporter(bsuid=bsuid)
    return Complaint.new(channel="social", provider_message_id=mid, received_at=T0 + timedelta(minutes=minutes),
                         text="[Foto tanpa keterangan]", attachments=[PHOTO], reporter=reporter,
                         channel_meta={"media_only": True, "sender_key": f"whatsapp:{phone or bsuid}"})


def text(mid: str, minutes: float, body: str = "Jalan berlubang besar di depan pasar Cicadas", phone: str = PHONE,
         bsuid: str | None = None) -> Complaint:
    reporter = Reporter(phone=phone) if phone else Reporter(bsuid=bsuid)
    return Complaint.new(channel="social", provider_message_id=mid, received_at=T0 + timedelta(minutes=minutes),
                         text=body, reporter=reporter)


@pytest.fixture(scope="module")
def shared_pipeline():
    return Pipeline("test-salt")


def run(pipeline, *complaints, partition_of=lambda i: i % 3):
    events = Events()
    for i, complaint in enumerate(complaints):
        events.complaint(complaint, partition=partition_of(i))
    return process(pipeline, events.events).outputs


def decoded(outputs):
    out = []
    for topic, _key, value in outputs:
        model = {ROUTED.name: RoutedComplaint, REVISIONS.name: ComplaintRevision}[topic]
        out.append(model.model_validate_json(value))
    return out


@pytest.fixture
def pipeline(shared_pipeline):
    shared_pipeline.deduplicator = Deduplicator(join_window=timedelta(minutes=10))
    return shared_pipeline


def test_photo_then_text_two_minutes_later_is_one_complaint(pipeline):
    first = decoded(run(pipeline, photo("wamid.A")))
    assert len(first) == 1 and isinstance(first[0], RoutedComplaint)
    assert first[0].needs_triage, "media without words is triaged by a person"
    # the text arrives in a later batch, on another partition
    second = decoded(run(pipeline, text("wamid.B", 2), partition_of=lambda i: 2))
    assert len(second) == 1 and isinstance(second[0], ComplaintRevision), "joined, not a second case"
    revision = second[0]
    assert (revision.kind, revision.complaint_id) == ("joined", first[0].complaint_id)
    assert revision.text.startswith("Jalan berlubang") and revision.source_complaint_id == text("wamid.B", 2).complaint_id
    # the photo was routed from its placeholder; the text is classified and routed, and its routing re-routes it
    alone = decoded(run(pipeline, text("wamid.C", 0, phone="+6281234500012")))[0]
    assert revision.routing is not None and revision.routing.topic == alone.topic != first[0].topic
    assert (revision.routing.unit_code, revision.routing.unit_name) == (alone.unit_code, alone.unit_name)


def test_text_then_photo_joins_too(pipeline):
    out = decoded(run(pipeline, text("m1", 0), photo("m2", 3)))  # one batch, two partitions
    assert [type(e) for e in out] == [RoutedComplaint, ComplaintRevision]
    assert out[1].complaint_id == out[0].complaint_id and out[1].attachments == [PHOTO] and out[1].text is None
    assert out[1].routing is None, "a photo joining a text changes nothing of its routing"


def test_twenty_minutes_later_is_two_complaints(pipeline):
    out = decoded(run(pipeline, photo("p1", 0), text("t1", 20)))
    assert [type(e) for e in out] == [RoutedComplaint, RoutedComplaint]


def test_two_texts_stay_two_and_other_senders_never_join(pipeline):
    out = decoded(run(pipeline, photo("p", 0), text("t1", 1), text("t2", 2, body="Lampu jalan mati di Gang Mawar"),
                      text("o", 1, phone="+6281234500099")))
    assert [type(e).__name__ for e in out] == ["RoutedComplaint", "ComplaintRevision", "RoutedComplaint", "RoutedComplaint"]


def test_username_users_join_by_bsuid(pipeline):
    out = decoded(run(pipeline, photo("b1", 0, phone=None, bsuid="ID.123456"),
                      text("b2", 1, phone=None, bsuid="ID.123456")))
    assert isinstance(out[1], ComplaintRevision)


def test_two_photos_beyond_the_window_are_not_same_text_duplicates(pipeline):
    """The placeholder text is the same for every photo: it must not make the next day's photo a duplicate."""
    out = decoded(run(pipeline, photo("d1", 0), photo("d2", 60 * 24)))
    assert [type(e) for e in out] == [RoutedComplaint, RoutedComplaint]
    assert out[1].cluster_id != out[0].complaint_id, "placeholder words must not cluster photos"


def test_replayed_joined_message_joins_again(pipeline):
    run(pipeline, photo("r1", 0))
    once = run(pipeline, text("r2", 1))
    again = run(pipeline, text("r2", 1))  # a crash replays the batch
    assert once == again


def test_other_worker_sees_the_join_through_the_shared_store(shared_pipeline):
    """Two workers (two deduplicators over one store, as with the GlobalTable): the text processed on the
    second worker joins the photo the first worker processed, once the second adopted the shared records."""
    store: dict = {}
    worker_a = Deduplicator(store=store, join_window=timedelta(minutes=10))
    worker_b = Deduplicator(store=store, join_window=timedelta(minutes=10))
    shared_pipeline.deduplicator = worker_a
    first = decoded(run(shared_pipeline, photo("w1", 0)))
    worker_b.adopt_new()
    shared_pipeline.deduplicator = worker_b
    second = decoded(run(shared_pipeline, text("w2", 2)))
    assert isinstance(second[0], ComplaintRevision) and second[0].complaint_id == first[0].complaint_id
    # and after a restart (only the store comes back) the join state is rebuilt
    restarted = Deduplicator(store=store, join_window=timedelta(minutes=10))
    restarted.reindex()
    shared_pipeline.deduplicator = restarted
    third = decoded(run(shared_pipeline, photo("w3", 4)))
    assert isinstance(third[0], ComplaintRevision) and third[0].complaint_id == first[0].complaint_id


def test_window_zero_disables_the_join(shared_pipeline):
    shared_pipeline.deduplicator = Deduplicator(join_window=timedelta(0))
    out = decoded(run(shared_pipeline, photo("z1", 0), text("z2", 1)))
    assert [type(e) for e in out] == [RoutedComplaint, RoutedComplaint]


# --- across workers, through the broker ---------------------------------------------------------------
WABA, PHONE_ID = "102290129340398", "106540352242922"
TOPIC = RAW["social"]


def whatsapp(word: str, attempt: int, at: datetime) -> dict:
    """One documented Cloud API webhook with two messages of one number: a photo without caption, then a text
    (developers.facebook.com/docs/whatsapp/cloud-api/webhooks/payload-examples)."""
    wa_id, ts = "62812345" + "".join(str(ord(c) % 10) for c in word[:5]), int(at.timestamp())
    photo = {"from": wa_id, "id": f"wamid.{word}.{attempt}.photo", "timestamp": str(ts), "type": "image",
             "image": {"mime_type": "image/jpeg", "sha256": "b1c2d3e4f5", "id": "1234567890123456"}}
    text = {"from": wa_id, "id": f"wamid.{word}.{attempt}.text", "timestamp": str(ts + 90), "type": "text",
            "text": {"body": f"Jalan berlubang {word} depan pasar, tolong diperbaiki"}}
    value = {"messaging_product": "whatsapp", "metadata": {"display_phone_number": "6281100002222",
                                                          "phone_number_id": PHONE_ID},
             "contacts": [{"profile": {"name": "Warga"}, "wa_id": wa_id}], "messages": [photo, text]}
    return {"object": "whatsapp_business_account", "entry": [{"id": WABA, "changes": [{"value": value,
                                                                                          "field": "messages"}]}]}


def by_complaint_id(complaint_id: str) -> int:
    """The partition kafka-python's default partitioner gives a record keyed by its complaint id (the old key)."""
    return (murmur2(complaint_id.encode()) & 0x7FFFFFFF) % TOPIC.partitions


@pytest.mark.integration
def test_a_photo_and_its_text_accepted_together_join_across_workers(shared_pipeline, servers, tmp_path):
    """Through the real broker: a WhatsApp photo without a caption and the text its sender types next, accepted
    together (one webhook), are one complaint however the raw partitions are spread over workers. Two workers
    are two deduplicators over one shared store (the GlobalTable), each processing its own partitions' micro-batch
    at the same instant, before either adopted the other's records (streams.app.SYNC_EVERY_S): the join holds
    only because the producer keys both by their sender, so they share a partition (schemas.topics.raw_key)."""
    word, at = make.marker("foto"), datetime.now(timezone.utc) - timedelta(minutes=1)
    # Two messages whose complaint ids fall on partitions of different workers (0 | 1, 2): where keying by
    # complaint id splits them (what the stage did before sender keys).
    for attempt in range(50):
        photo, text = meta_batch(whatsapp(word, attempt, at), agency_ids(WABA)).complaints
        if (by_complaint_id(photo.complaint_id) == 0) != (by_complaint_id(text.complaint_id) == 0):
            break
    else:
        pytest.fail("no pair of ids that keying by complaint id would split")
    assert photo.channel_meta["media_only"] and not text.channel_meta.get("media_only")

    consumer = KafkaConsumer(bootstrap_servers=servers.kafka, enable_auto_commit=False, group_id=None)
    partitions = [TopicPartition(TOPIC.name, p) for p in range(TOPIC.partitions)]
    consumer.assign(partitions)
    start = consumer.end_offsets(partitions)
    publisher = Publisher(servers.kafka, timeout_s=5)
    try:
        intake = Intake(publisher, BlobStore(tmp_path))
        for complaint in (photo, text):  # as the webhook handler accepts a batch: in the payload's order
            intake.accept_sync(complaint)
    finally:
        publisher.close()
    for tp, offset in start.items():
        consumer.seek(tp, offset)
    ours, deadline = {0: [], 1: []}, time.monotonic() + 10
    try:
        while sum(map(len, ours.values())) < 2 and time.monotonic() < deadline:
            for tp, records in consumer.poll(timeout_ms=100).items():
                ours[min(tp.partition, 1)] += [r for r in records if word.encode() in r.value]
    finally:
        consumer.close()
    assert sum(map(len, ours.values())) == 2

    store: dict = {}
    pipeline = shared_pipeline
    outputs = []
    for worker in (0, 1):  # the same instant: neither has adopted the other's records
        pipeline.deduplicator = Deduplicator(store=store, join_window=timedelta(minutes=10))
        outputs += process(pipeline, [Event(r) for r in ours[worker]]).outputs
    kinds = sorted(topic for topic, _, _ in outputs)
    assert kinds == [REVISIONS.name, ROUTED.name], "one complaint, the other message joined to it"
    routed = RoutedComplaint.model_validate_json(next(v for t, _, v in outputs if t == ROUTED.name))
    joined = ComplaintRevision.model_validate_json(next(v for t, _, v in outputs if t == REVISIONS.name))
    assert (routed.complaint_id, joined.complaint_id, joined.source_complaint_id) == (
        photo.complaint_id, photo.complaint_id, text.complaint_id), "the photo first, as accepted"
