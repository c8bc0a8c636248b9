"""Stream workers on the real broker: two workers share the load; a restarted worker remembers."""

import time
import uuid
from datetime import datetime, timezone

import pytest
from kafka import KafkaAdminClient, KafkaProducer

from schemas.events import Complaint, DuplicateReport, Reporter, RoutedComplaint
from schemas.topics import DUPLICATES, RAW, ROUTED
from tests.servers import read_topic
from tests.workers import log_tail, own_groups, running

pytestmark = pytest.mark.integration

PLACES = ["Cibiru", "Coblong", "Tembalang", "Rungkut", "Lowokwaru", "Laweyan", "Umbulharjo", "Medan Johor",
          "Rappocini", "Kuta", "Abepura", "Sukarame"]
ISSUES = ["Jalan berlubang besar", "Lampu jalan mati", "Sampah tidak diangkut", "Air PDAM tidak mengalir",
          "Listrik padam berulang", "Pungli di kantor kelurahan"]


@pytest.fixture
def app_env(servers, server_env):
    """A fresh stream application (consumer group and dedup tables) per test."""
    return own_groups(servers.kafka, server_env, "workers")


def complaint(provider_id: str, text: str, phone: str, channel: str = "sms") -> Complaint:
    return Complaint.new(channel=channel, provider_message_id=provider_id, received_at=datetime.now(timezone.utc),
                         text=text, reporter=Reporter(phone=phone))


def send(producer: KafkaProducer, complaints: list[Complaint]) -> None:
    for c in complaints:
        producer.send(RAW[c.channel].name, key=c.complaint_id.encode(), value=c.model_dump_json().encode())
    producer.flush()


def routed_for(bootstrap: str, ids: set[str], timeout_s: float = 60) -> list[RoutedComplaint]:
    records = read_topic(bootstrap, ROUTED.name, timeout_s=timeout_s,
                         until=lambda rs: ids <= {r.key.decode() for r in rs})
    return [RoutedComplaint.model_validate_json(r.value) for r in records if r.key.decode() in ids]


def test_two_workers_split_partitions_and_route_each_complaint_once(servers, app_env, tmp_path):
    (tmp_path / "a").mkdir(), (tmp_path / "b").mkdir()
    run = uuid.uuid4().hex[:6]
    batch = [complaint(f"{run}-{i}", f"{ISSUES[i % len(ISSUES)]} di Kecamatan {PLACES[i % len(PLACES)]} nomor {i}",
                       f"+62812{run_digits(run)}{i:04d}", channel=("sms", "web", "social", "email")[i % 4])
             for i in range(80)]
    with running("worker", {**app_env, "ADUAN_DATA_DIR": str(tmp_path / "a"), "ADUAN_INSTANCE_ID": "a"},
                 tmp_path / "a") as first, \
            running("worker", {**app_env, "ADUAN_DATA_DIR": str(tmp_path / "b"), "ADUAN_INSTANCE_ID": "b"},
                    tmp_path / "b") as second:
        assigned = wait_for_two_members(servers.kafka, app_env["ADUAN_STREAM_APP_ID"])
        send(KafkaProducer(bootstrap_servers=servers.kafka, acks="all"), batch)
        ids = {c.complaint_id for c in batch}
        routed = routed_for(servers.kafka, ids)
        assert first.alive() and second.alive(), log_tail(first) + log_tail(second)
    counts = {cid: sum(r.complaint_id == cid for r in routed) for cid in ids}
    print(f"partitions per worker: {assigned}; routed {len(routed)} records for {len(ids)} complaints")
    assert all(n == 1 for n in counts.values()), {cid: n for cid, n in counts.items() if n != 1}
    assert all(n > 0 for n in assigned), assigned


def test_a_restarted_worker_keeps_its_deduplication_state(servers, app_env, tmp_path):
    run = uuid.uuid4().hex[:6]
    phone = f"+62813{run_digits(run)}0001"
    original = complaint(f"{run}-orig", f"Jalan rusak parah di depan SDN 4 Kecamatan Cibiru Kota Bandung {run}", phone)
    producer = KafkaProducer(bootstrap_servers=servers.kafka, acks="all")
    with running("worker", app_env, tmp_path):
        send(producer, [original])
        routed_for(servers.kafka, {original.complaint_id})
    # A new process: the dedup tables come back from their changelog, nothing else survives.
    resend = complaint(f"{run}-resend", original.text.upper(), phone)  # same reporter, same text, new message
    paraphrase = complaint(f"{run}-para", f"Yth. Bapak/Ibu, jalan di depan SDN 4 Cibiru, Kota Bandung rusak parah "
                                          f"dan berlubang. Mohon diperbaiki. {run}", "+6285600000001", channel="email")
    with running("worker", app_env, tmp_path) as restarted:
        send(producer, [resend, paraphrase])
        routed_paraphrase = routed_for(servers.kafka, {paraphrase.complaint_id})
        duplicates = read_topic(servers.kafka, DUPLICATES.name, timeout_s=30,
                                until=lambda rs: any(r.key == original.complaint_id.encode() for r in rs))
        assert restarted.alive(), log_tail(restarted)
    reports = [DuplicateReport.model_validate_json(r.value) for r in duplicates
               if r.key == original.complaint_id.encode()]
    assert [(r.complaint_id, r.reason) for r in reports] == [(resend.complaint_id, "same_reporter_same_text")]
    # At least once (a rebalance may replay it), and always in the original's cluster: "laporan serupa".
    assert routed_paraphrase and {r.cluster_id for r in routed_paraphrase} == {original.complaint_id}
    assert not routed_for(servers.kafka, {resend.complaint_id}, timeout_s=2)  # not routed as a new case


def run_digits(run: str) -> str:
    return f"{int(run, 16) % 10_000:04d}"


def wait_for_two_members(bootstrap: str, group: str, timeout_s: float = 60) -> list[int]:
    """Partitions assigned to each member, once the group has two members that both have some."""
    admin = KafkaAdminClient(bootstrap_servers=bootstrap)
    deadline = time.monotonic() + timeout_s
    try:
        while True:
            members = admin.describe_groups([group])[group]["members"]
            counts = [_count_partitions(m.get("member_assignment")) for m in members]
            if len(counts) == 2 and all(counts):
                return counts
            assert time.monotonic() < deadline, f"group {group}: {members}"
            time.sleep(0.5)
    finally:
        admin.close()


def _count_partitions(assignment) -> int:
    """Partitions in a decoded consumer-protocol assignment, whatever its nesting."""
    if isinstance(assignment, dict):
        return sum(len(v) if k in ("partitions",) and isinstance(v, list) else _count_partitions(v)
                   for k, v in assignment.items())
    if isinstance(assignment, (list, tuple)):
        return sum(_count_partitions(item) for item in assignment)
    if hasattr(assignment, "to_dict"):
        return _count_partitions(assignment.to_dict())
    return 0
