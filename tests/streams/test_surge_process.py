"""`aduan surge` on the real broker: routed complaints in compressed time → one alert, across a restart."""

import uuid

import pytest
from kafka import KafkaProducer

from benchmarks.surge_replay import START, Traffic
from schemas.events import Complaint, LocationHint, RoutedComplaint, SurgeAlert
from schemas.topics import ALERTS, ROUTED
from tests.servers import read_topic
from tests.workers import log_tail, running, start_at_end

pytestmark = pytest.mark.integration

COBLONG = "327302"


def routed(run: str, n: int, at: float, topic: str, text: str, kabkota: str | None,
           hint: str | None = None, cluster: str | None = None) -> RoutedComplaint:
    from datetime import datetime, timezone

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
    env = {**server_env, "ADUAN_SURGE_APP_ID": f"aduan-streams-surge-{run}"}
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
        send(producer, history + flood[:2])
        # The history is through once the clock has moved past it: wait for the process's table, not time.
        last = b"series|cluster|infrastruktur|" + flood[1].complaint_id.encode()
        state = read_topic(servers.kafka, f"{env['ADUAN_SURGE_APP_ID']}-surge-state-changelog", timeout_s=60,
                           until=lambda rs: any(last in r.key for r in rs))
        assert any(last in r.key for r in state), log_tail(first)
        assert first.alive(), log_tail(first)
    # A new process: without the recovered state it would be in its learning day and raise nothing.
    with running("surge", env, tmp_path) as second:
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
