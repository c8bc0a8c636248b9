"""The faust worker through the real broker: raw → routed, malformed → dead letter, worker survives."""

from datetime import datetime, timezone

import pytest
from kafka import KafkaProducer

from schemas.events import Complaint, Reporter, RoutedComplaint
from schemas.topics import RAW, ROUTED
from tests.servers import await_dead_letter, read_topic
from tests.workers import log_tail, own_groups, running

pytestmark = pytest.mark.integration


def test_worker_routes_valid_and_dead_letters_malformed(servers, server_env, tmp_path):
    complaint = Complaint.new(channel="sms", provider_message_id="SM-worker-1", received_at=datetime.now(timezone.utc),
                              text="PDAM mati sdh 3 hari di kec Cibiru", reporter=Reporter(phone="+6281234567890"))
    producer = KafkaProducer(bootstrap_servers=servers.kafka, acks="all")
    env = own_groups(servers.kafka, server_env, "app")
    with running("worker", env, tmp_path) as worker:
        bad = producer.send(RAW["sms"].name, key=b"bad", value=b'{"text": "no ids"}').get(10)
        producer.send(RAW["sms"].name, key=complaint.complaint_id.encode(), value=complaint.model_dump_json().encode()).get(10)
        after_bad = Complaint.new(channel="web", provider_message_id="after-bad", received_at=datetime.now(timezone.utc),
                                  text="Lampu jalan mati")
        producer.send(RAW["web"].name, key=after_bad.complaint_id.encode(), value=after_bad.model_dump_json().encode()).get(10)

        wanted = {complaint.complaint_id, after_bad.complaint_id}
        routed = read_topic(servers.kafka, ROUTED.name, timeout_s=20,
                            until=lambda rs: wanted <= {r.key.decode() for r in rs})
        letter = await_dead_letter(servers.kafka, RAW["sms"].name, bad.partition, bad.offset)
        assert worker.alive(), log_tail(worker)

    by_id = {r.key.decode(): RoutedComplaint.model_validate_json(r.value) for r in routed if r.key.decode() in wanted}
    assert wanted <= set(by_id), log_tail(worker)
    assert by_id[complaint.complaint_id].text == complaint.text
    routed_sms = by_id[complaint.complaint_id]
    assert routed_sms.topic == "air_bersih" and routed_sms.unit_code and routed_sms.reporter_key
    assert routed_sms.normalised_text and "sudah" in routed_sms.normalised_text  # "sdh" expanded
    assert letter.partition == bad.partition and letter.raw == b'{"text": "no ids"}'
    assert "complaint_id" in letter.reason and letter.stage == "streams.stage"


def test_worker_keeps_the_first_content_and_dead_letters_a_conflicting_resubmission(servers, server_env, tmp_path):
    now = datetime.now(timezone.utc)
    key = f"conflict-{now.timestamp()}"
    original = Complaint.new(channel="web", provider_message_id=key, received_at=now, privacy="rahasia",
                             text="Pungli di kantor kelurahan oleh petugas loket", reporter=Reporter(phone="+6281234567890"))
    forged = Complaint.new(channel="web", provider_message_id=key, received_at=now, privacy="publik",
                           text="Laporan dicabut, semua baik")
    producer = KafkaProducer(bootstrap_servers=servers.kafka, acks="all")
    env = own_groups(servers.kafka, server_env, "conflict")
    with running("worker", env, tmp_path) as worker:
        producer.send(RAW["web"].name, key=original.complaint_id.encode(), value=original.model_dump_json().encode()).get(10)
        read_topic(servers.kafka, ROUTED.name, timeout_s=20,
                   until=lambda rs: any(r.key.decode() == original.complaint_id for r in rs))
        sent = producer.send(RAW["web"].name, key=forged.complaint_id.encode(), value=forged.model_dump_json().encode()).get(10)
        letter = await_dead_letter(servers.kafka, RAW["web"].name, sent.partition, sent.offset, timeout_s=20)
        assert worker.alive(), log_tail(worker)

    routed = [RoutedComplaint.model_validate_json(r.value) for r in read_topic(servers.kafka, ROUTED.name)
              if r.key.decode() == original.complaint_id]
    assert [(r.text, r.privacy) for r in routed] == [(original.text, "rahasia")]
    assert letter.reason.startswith("content_conflict") and letter.stage == "streams.stage"
