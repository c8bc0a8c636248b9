"""`aduan surge` on the real broker: routed complaints in compressed time → one alert, across a restart;
and behind the real stage: raw complaints routed by `aduan worker` → one alert."""

import time
import uuid
from datetime import datetime, timezone
from pathlib import Path

import psutil
import pytest
from kafka import KafkaProducer

from aduan.core.settings import Settings
from aduan.ports import wait_until

from benchmarks.surge_replay import START, Traffic
from schemas.events import Complaint, LocationHint, Reporter, RoutedComplaint, SurgeAlert
from schemas.topics import ALERTS, RAW, ROUTED
from tests import factories as make
from tests.servers import log_starts, read_topic
from tests.workers import log_tail, own_groups, running, running_together, start_at_end

pytestmark = pytest.mark.integration

COBLONG = "327302"


def routed(run: str, n: int, at: float, topic: str, text: str, kabkota: str | None,
           hint: str | None = None, cluster: str | None = None) -> RoutedComplaint:
    complaint = Complaint.new(channel="web", provider_message_id=f"{run}-{n}", text=text,
                              received_at=datetime.fromtimestamp(at, timezone.utc),
                              location=LocationHint(region_code=hint) if hint else None)
    return RoutedComplaint(**complaint.model_dump(), topic=topic, confidence=0.9, unit_code="DINAS.TEST",
                           region_code=kabkota, cluster_id=cluster or complaint.complaint_id)


def send(producer: KafkaProducer, complaints: list[RoutedComplaint]) -> None:
    for c in complaints:
        producer.send(ROUTED.name, key=c.complaint_id.encode(), value=c.model_dump_json().encode())
    producer.flush()


def test_a_flood_raises_one_alert_within_ten_minutes_and_the_learned_state_survives_a_restart(servers, server_env,
                                                                                              tmp_path):
    run = uuid.uuid4().hex[:8]
    # The emulator never compacts: the process compacts its own changelog (every second here), and the
    # second process recovers from what compaction left.
    # Micro-batches of 50 ms (not the second of the default): every send below is a batch of its own.
    env = {**server_env, "ADUAN_SURGE_APP_ID": f"aduan-streams-surge-{run}", "ADUAN_CHANGELOG_COMPACTION_S": "1",
           "ADUAN_SURGE_BATCH_S": "0.05"}
    changelog = f"{env['ADUAN_SURGE_APP_ID']}-surge-state-changelog"
    start_at_end(servers.kafka, env["ADUAN_SURGE_APP_ID"], [ROUTED.name])
    # Two days of a desk's background (the detector learns on its first day), then a flood in Coblong
    # told in the text only ("Kec. Coblong"): the process finds the kecamatan with the gazetteer.
    history = [routed(run, i, o.received_at, o.topic, f"keluhan warga {run} nomor urut", o.kabkota, o.kecamatan)
               for i, o in enumerate(Traffic(7, 150).background(START, 1)) if o.received_at < START + 2 * 86400]
    flood_start = START + 2 * 86400 + 3 * 3600  # 10:00 WIB on the third day
    flood = [routed(run, 10_000 + i, flood_start + i * 120, "infrastruktur",
                    f"Banjir setinggi lutut di Kec. Coblong Kota Bandung, rumah warga terendam ({run})", "3273")
             for i in range(25)]
    producer = KafkaProducer(bootstrap_servers=servers.kafka, acks="all")
    ours = {c.complaint_id for c in history + flood}

    def alerts(until) -> list[SurgeAlert]:
        records = read_topic(servers.kafka, ALERTS.name, timeout_s=60, until=lambda rs: until(mine(rs)))
        return mine(records)

    def mine(records) -> list[SurgeAlert]:
        found = [SurgeAlert.model_validate_json(r.value) for r in records]
        return [a for a in found if set(a.member_ids) & ours]

    with running("surge", env, tmp_path) as first:
        # In many micro-batches (each rewrites the keys it changed), so that the changelog grows to twice its
        # live entries and is compacted: a batch's window is one entry, so batches of 20 no longer did. The
        # pause outlasts the process's empty-fetch pause (250 ms), so each send is a batch of its own.
        for i in range(0, len(history), 5):
            send(producer, history[i:i + 5])
            time.sleep(0.3)
        send(producer, flood[:2])
        # The history is through once the clock has moved past it: wait for the process's table, not time.
        last = b"series|cluster|infrastruktur|" + flood[1].complaint_id.encode()
        state = read_topic(servers.kafka, changelog, timeout_s=60, until=lambda rs: any(last in r.key for r in rs))
        assert any(last in r.key for r in state), log_tail(first)
        try:
            wait_until(lambda: log_starts(servers.kafka, changelog)[0] > 0, 30, "changelog compaction", first.alive)
        except (TimeoutError, RuntimeError) as exc:
            pytest.fail(f"{exc}\n{log_tail(first)}")
        kept = read_topic(servers.kafka, changelog, timeout_s=10)
        assert len({r.key for r in kept}) * 2 >= len(kept), "a compacted changelog holds about one record a key"
    # A new process: without the recovered state it would be in its learning day and raise nothing.
    with running("surge", env, tmp_path) as second:
        # It yields the CPU to the complaint's path (ADUAN_SURGE_NICE): set by the process itself.
        assert psutil.Process(second.process.pid).nice() == Settings().surge_nice == 10
        # and, where the kernel shares CPU between sessions first (autogroup), its session's nice too:
        # the stack starts it as a session leader, and without this its own nice ranked it against nothing
        group = Path(f"/proc/{second.process.pid}/autogroup")
        if group.exists() and Path("/proc/sys/kernel/sched_autogroup_enabled").read_text().strip() == "1":
            assert group.read_text().split()[-1] == "10", group.read_text()
        send(producer, flood[2:])
        got = alerts(lambda found: any(a.state == "open" for a in found) and
                     any(len(a.member_ids) >= 15 for a in found))
        assert second.alive(), log_tail(second)
    opened = [a for a in got if a.state == "open"]
    print(f"\nalerts for the run: {[(a.state, a.kind, a.count, a.message) for a in got]}")
    assert len(opened) == 1 and {a.alert_id for a in got} == {opened[0].alert_id}
    alert = got[-1]  # its latest state: opened_at is dated back when a partition was read late
    assert alert.kind in {"topic_kecamatan", "cluster"} and alert.region_code == COBLONG
    assert "Kec. Coblong (Kota Bandung)" in alert.message and alert.message.startswith("Infrastruktur")
    assert alert.opened_at.timestamp() - flood_start <= 600, (alert.opened_at.timestamp() - flood_start, alert.member_ids[:3], [c.complaint_id for c in flood[:4]])
    assert {flood[0].complaint_id, flood[1].complaint_id} <= set(alert.member_ids)  # counted before the restart
    assert set(alert.member_ids) <= {c.complaint_id for c in flood}


def test_complaints_routed_by_the_real_stage_raise_one_alert(servers, server_env, tmp_path):
    """Raw complaints through `aduan worker` (classify, locate, dedup, route) and on to `aduan surge`:
    the alert is raised from what the stage really publishes, not from hand-made routed events."""
    run, word = uuid.uuid4().hex[:8], make.marker("banjir")
    env = own_groups(servers.kafka, {**server_env, "ADUAN_SURGE_APP_ID": f"aduan-streams-surge-{run}"}, "surge-stage")
    start_at_end(servers.kafka, env["ADUAN_SURGE_APP_ID"], [ROUTED.name])
    flood_start = START + 2 * 86400 + 3 * 3600
    # One complaint two days earlier starts the detector's clock, so the flood falls after its learning
    # day; nothing else is known, so every key's normal is the floor (lean: no history to replay).
    clock = routed(run, 0, START, "sosial", f"keluhan warga {word}", "3204")
    flood = [Complaint.new(channel="sms", provider_message_id=f"{run}-flood-{i}", reporter=Reporter(phone=f"+6281{i}{run_digits(run)}"),
                           received_at=datetime.fromtimestamp(flood_start + i * 90, timezone.utc),
                           text=f"Banjir setinggi lutut di Kec. Coblong Kota Bandung, rumah warga RT {i + 1} terendam {word}")
             for i in range(5)]
    producer = KafkaProducer(bootstrap_servers=servers.kafka, acks="all")
    with running_together(["surge", "worker"], env, tmp_path) as (surge, worker):
        send(producer, [clock])
        state = read_topic(servers.kafka, f"{env['ADUAN_SURGE_APP_ID']}-surge-state-changelog", timeout_s=60,
                           until=lambda rs: any(clock.complaint_id.encode() in r.key for r in rs))
        assert any(clock.complaint_id.encode() in r.key for r in state), log_tail(surge)
        for c in flood:
            producer.send(RAW["sms"].name, key=c.complaint_id.encode(), value=c.model_dump_json().encode())
        producer.flush()
        ours = {c.complaint_id for c in flood}
        records = read_topic(servers.kafka, ALERTS.name, timeout_s=90,
                             until=lambda rs: any(set(SurgeAlert.model_validate_json(r.value).member_ids) & ours
                                                  for r in rs))
        assert worker.alive() and surge.alive(), log_tail(worker) + log_tail(surge)
    alerts = [a for a in map(SurgeAlert.model_validate_json, (r.value for r in records)) if set(a.member_ids) & ours]
    print(f"\nalerts from the stage's routing: {[(a.state, a.kind, a.count, a.message) for a in alerts]}")
    assert [a.state for a in alerts][:1] == ["open"] and len({a.alert_id for a in alerts}) == 1, alerts
    assert set(alerts[-1].member_ids) <= ours and alerts[-1].region_code.startswith("3273")
    assert alerts[0].opened_at.timestamp() - flood_start <= 600


def run_digits(run: str) -> str:
    """Phone digits of the run (unique per run, as a reporter per complaint)."""
    return f"{int(run, 16) % 10**7:07d}"
