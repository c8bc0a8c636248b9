"""Surge detection (streams/surge.py) as pure logic: the issue's measurement, the alert lifecycle,
restarts, and what must not count twice."""

from __future__ import annotations

import json
import math
from datetime import datetime, timezone

import pytest

from benchmarks.surge_replay import START, WEEK, Traffic, passed, run
from schemas.events import SurgeAlert
from streams.surge import Observation, Replay, SurgeDetector, Thresholds, observation_of, poisson_tail
from tests import factories as make

KEC, CITY = "327302", "3273"
NAMES = {"327302": "Coblong", "3273": "Kota Bandung"}.get


def learned(days: int = 14) -> tuple[SurgeDetector, list[Observation]]:
    """A detector that has seen two weeks of background (seed 1, ~84 a day)."""
    detector = SurgeDetector(names=NAMES, labels={"infrastruktur": "Infrastruktur"})
    background = Traffic(1, 120).background(START, days // 7)
    Replay(detector).feed(background)
    return detector, background


def burst(at: float, n: int, minutes: float = 30, topic: str = "infrastruktur", kec: str | None = KEC,
          prefix: str = "b") -> list[Observation]:
    return [Observation(f"{prefix}{i}", at + i * minutes * 60 / n, topic, kec, CITY, f"{prefix}{i}") for i in range(n)]


@pytest.mark.parametrize("seed, duplicate_hours", [(0, None), (1, None), (2, None), (18, 4.0)])
def test_the_issues_bar_three_bursts_one_alert_each_within_ten_minutes_and_a_quiet_background(seed, duplicate_hours):
    """Seed 18 with duplicates that follow their first report (half-life 4 h): counting a cluster's
    repeats as independent reports gave a week of two false alerts there."""
    figures = run(seed, duplicate_hours=duplicate_hours)
    print(f"\nseed {seed}, {figures['per_day']} complaints a day: " + "; ".join(
        f"{name}: {b['alerts']} alert ({','.join(b['kinds'])}) after {b['delay_minutes']} min, "
        f"{b['caught']}/{b['size']} members" for name, b in figures["bursts"].items())
        + f"; false alerts per week {figures['false_alerts_per_week']} (first: cold start)")
    assert passed(figures), figures


def test_the_bar_is_not_met_by_a_detector_that_never_alerts_or_always_does():
    """The measurement can fail: thresholds nobody reaches miss every burst; none at all flood the week."""
    deaf = run(0, warmup_weeks=1, thresholds=Thresholds(min_count=1000))
    assert all(b["alerts"] == 0 for b in deaf["bursts"].values()) and not passed(deaf)
    jumpy = run(0, warmup_weeks=1, thresholds=Thresholds(min_count=2, ratio=1.0, p_value=0.5))
    assert max(jumpy["false_alerts_per_week"][1:]) > 1 and not passed(jumpy)


def test_an_alert_opens_grows_and_closes_in_event_time_with_its_members():
    detector, background = learned()
    t0 = background[-1].received_at + 3600
    events = Replay(detector).feed(burst(t0, 25, minutes=50)).events
    opened = [e for e in events if e.state == "open"]
    assert len(opened) == 1
    alert = opened[0]
    assert alert.kind in {"topic_kecamatan", "cluster"} and alert.region_code == KEC
    assert alert.opened_at.timestamp() <= t0 + 600  # within ten minutes of the first report
    assert alert.message.startswith("Infrastruktur: ") and "Kec. Coblong (Kota Bandung)" in alert.message
    assert "dalam 60 menit (biasanya " in alert.message
    updates = [e for e in events if e.state == "updated"]
    assert updates and updates[-1].count > alert.count and len(updates) <= 8  # re-emitted as it grows, not per report
    assert {e.alert_id for e in events} == {alert.alert_id}
    # Quiet afterwards: the next complaint elsewhere, two hours of event time later, closes it.
    later = detector.observe(Observation("late", t0 + 3 * 3600, "sosial", None, "3204", "late"))
    (closed,) = [e for e in later if e.state == "closed"]
    assert closed.alert_id == alert.alert_id and abs(closed.closed_at.timestamp() - (t0 + 3 * 3600)) < 1e-3
    assert set(closed.member_ids) == {f"b{i}" for i in range(25)} and closed.count == 0


def test_a_kecamatan_counts_for_its_city_and_the_city_alert_is_the_same_alert():
    """A flood in one kecamatan and reports of it naming only the city: one event, one alert."""
    detector, background = learned()
    t0 = background[-1].received_at + 3600
    mixed = burst(t0, 12, kec=KEC) + burst(t0 + 60, 12, kec=None, prefix="c")
    events = Replay(detector).feed(mixed).events + detector.advance(t0 + 3 * 3600)
    assert len({e.alert_id for e in events}) == 1 and events[-1].state == "closed"
    opened_at, members = events[0].opened_at.timestamp(), set(events[-1].member_ids)
    assert {o.complaint_id for o in mixed if o.kecamatan or o.received_at > opened_at} <= members


def test_a_replayed_complaint_counts_once():
    detector, background = learned()
    t0 = background[-1].received_at + 3600
    once = burst(t0, 2, minutes=5)
    events = Replay(detector).feed(once + once + once + once).events  # at-least-once upstream, four times
    assert not [e for e in events if e.state == "open"]


def test_state_survives_a_restart_mid_burst():
    """Exported after every batch and loaded into a new detector: the same alerts as without a restart."""
    observations = Traffic(3, 150).background(START, 2) + burst(START + 2 * WEEK - 3 * 3600, 20)
    observations.sort(key=lambda o: o.received_at)
    straight = Replay(SurgeDetector(names=NAMES)).feed(observations).events

    table: dict = {}
    first = SurgeDetector(names=NAMES)
    cut = len(observations) - 12  # inside the burst
    events = Replay(first).feed(observations[:cut]).events
    table.update(first.export())
    second = SurgeDetector(names=NAMES)
    assert second.load(table.items()) > 0
    assert (second.repeat_rate, second.cluster_of) == (first.repeat_rate, first.cluster_of)
    events += Replay(second).feed(observations[cut:]).events
    assert [e.model_dump() for e in events] == [e.model_dump() for e in straight]
    assert any(e.state == "open" for e in straight)


def exported(detector: SurgeDetector, table: dict) -> int:
    """What the process does after a micro-batch: the changed entries into the table; returns their bytes."""
    written = 0
    for key, value in detector.export().items():
        if value is None:
            table.pop(key, None)
        else:
            table[key] = value
            written += len(json.dumps(value))
    return written


@pytest.mark.parametrize("left", [12, 100])  # restarted inside the burst; in the background before it
def test_state_written_batch_by_batch_and_read_back_gives_the_same_alerts_and_windows(left):
    """Exported after every batch of ten (so window entries are written, outlive prunes and are deleted; at
    100 left some live entry holds complaints pruned from the windows) and loaded into a new detector: the same
    windows, clusters and alerts as without a restart."""
    observations = Traffic(3, 150).background(START, 2) + burst(START + 2 * WEEK - 3 * 3600, 20)
    observations.sort(key=lambda o: o.received_at)
    straight = Replay(SurgeDetector(names=NAMES)).feed(observations).events
    table: dict = {}
    first, events, cut = SurgeDetector(names=NAMES), [], len(observations) - left
    for i in range(0, cut, 10):
        events += Replay(first).feed(observations[i:min(i + 10, cut)]).events
        exported(first, table)
    assert any(k.startswith("window|") for k in table) and len(table) < len(first.series) + 100
    second = SurgeDetector(names=NAMES)
    assert second.load(table.items()) > 0
    assert {k: s["w"] for k, s in second.series.items()} == {k: s["w"] for k, s in first.series.items()}
    assert (second.cluster_of, second.active) == (first.cluster_of, first.active)
    events += Replay(second).feed(observations[cut:]).events
    assert [e.model_dump() for e in events] == [e.model_dump() for e in straight]


def test_what_a_batch_writes_does_not_grow_with_the_windows():
    """A window's complaints are written once, not again with every complaint that joins the window."""
    detector, table = SurgeDetector(), {}
    sizes = []
    for i in range(400):  # one busy key: 400 complaints within its window
        detector.observe(Observation(f"c{i}", START + i, "infrastruktur", KEC, CITY))
        sizes.append(exported(detector, table))
    assert max(sizes[-50:]) < 2 * max(sizes[5:50]), (sizes[5:50], sizes[-50:])


def test_a_state_written_before_windows_had_their_own_entries_is_read():
    """A series entry carrying its window (the earlier format): the window is recovered and written anew."""
    old = {"clock": {"now": START + 60, "first_day": int(START // 86400)},
           f"series|kec|infrastruktur|{KEC}": {"w": {"a": START, "b": START + 60}, "l": 0.0, "d": 1, "c": 2}}
    detector = SurgeDetector()
    detector.load(old.items())
    assert detector.series[f"kec|infrastruktur|{KEC}"]["w"] == {"a": START, "b": START + 60}
    written = detector.export()
    assert any(k.startswith("window|") and set(v) == {"a", "b"} for k, v in written.items() if v)


def test_a_week_of_history_learns_the_hour_of_the_week():
    detector, _ = learned(21)
    night, morning = START + 3 * WEEK + 20 * 3600, START + 3 * WEEK + 3 * 3600  # 03:00 and 10:00 WIB, Monday
    assert detector.shape(morning) > 2 * detector.shape(night)
    busy = detector.expected("kab|infrastruktur|3273", morning)
    assert busy > detector.expected("kab|pajak|3273", morning) and busy > detector.t.floor


def test_the_stage_region_code_is_the_city_and_the_kecamatan_comes_from_the_text():
    routed = make.routed(topic="infrastruktur", region_code=CITY, cluster_id="c1")
    assert observation_of(routed).kecamatan is None
    assert observation_of(routed, lambda r: KEC).kecamatan == KEC
    assert observation_of(routed, lambda r: "320401").kecamatan is None  # not inside the routed city
    obs = observation_of(routed, lambda r: KEC)
    assert (obs.kabkota, obs.cluster_id, obs.topic) == (CITY, "c1", "infrastruktur")


def test_poisson_tail():
    assert poisson_tail(0, 3.0) == 1.0
    assert math.isclose(poisson_tail(1, 2.0), 1 - math.exp(-2.0))
    assert math.isclose(poisson_tail(3, 0.05), 1 - math.exp(-0.05) * (1 + 0.05 + 0.05 ** 2 / 2), rel_tol=1e-9)


def test_partitions_read_out_of_order_still_give_one_alert_at_the_time_the_evidence_was_there():
    """complaints.routed has six partitions: a catch-up reads one partition's hour before another's."""
    detector, background = learned()
    t0 = background[-1].received_at + 3600
    flood = burst(t0, 25, minutes=50)
    by_partition = sorted(flood, key=lambda o: (int(o.complaint_id[1:]) % 6, o.received_at))
    events = [e for o in by_partition for e in detector.observe(o)]
    assert len([e for e in events if e.state == "open"]) == 1 and len({e.alert_id for e in events}) == 1
    # Opened when the last partition was read, dated back to when the evidence was there.
    assert events[-1].opened_at.timestamp() - t0 <= 600, [(e.state, e.opened_at) for e in events]


def test_the_process_batch_handler_dead_letters_what_is_not_a_routed_complaint_and_emits_alerts():
    from types import SimpleNamespace

    from schemas.topics import ALERTS, DEADLETTER, ROUTED
    from streams.surge_app import process

    detector, background = learned()
    t0 = background[-1].received_at + 3600
    flood = [make.routed(topic="infrastruktur", region_code=CITY, received_at=datetime.fromtimestamp(t0 + 60 * i, timezone.utc),
                         location={"region_code": KEC}) for i in range(4)]
    records = [SimpleNamespace(message=SimpleNamespace(topic=ROUTED.name, partition=0, offset=i, value=v))
               for i, v in enumerate([b"not json", *(r.model_dump_json().encode() for r in flood)])]
    batch = process(detector, None, records)
    assert [topic for topic, _, _ in batch.outputs][0] == DEADLETTER.name and len(batch.letters) == 1
    alerts = [SurgeAlert.model_validate_json(value) for topic, _, value in batch.outputs if topic == ALERTS.name]
    assert alerts and alerts[0].state == "open" and alerts[0].region_code == KEC
    assert set(alerts[0].member_ids) <= {r.complaint_id for r in flood}


def test_reports_repeating_one_cluster_weigh_as_repeats_where_history_says_clusters_repeat_within_minutes():
    """Two reports of one duplicate cluster and a third in a quiet kecamatan within two minutes: a surge
    where normal traffic almost never repeats a cluster minutes apart, no surge where it often does (a
    desk whose duplicates follow their first report closely). Three independent reports are one either way."""
    def after(duplicate_hours):
        detector = SurgeDetector(names=NAMES)
        background = Traffic(1, 120, duplicate_hours=duplicate_hours).background(START, 2)
        Replay(detector).feed(background)
        return detector, background[-1].received_at + 3600

    def opened(detector, t0, clusters, kec, prefix):
        reports = [Observation(f"{prefix}{i}", t0 + 60 * i, "pertanahan", kec, CITY, f"{prefix}-{c}")
                   for i, c in enumerate(clusters)]
        return [e for e in Replay(detector).feed(reports).events if e.state == "open"]

    quick, t0 = after(0.5)
    spread, s0 = after(None)
    assert quick.repeat_chance(0) > 10 * spread.repeat_chance(0)  # learned, not assumed
    assert not opened(quick, t0, "aab", "327304", "r")
    assert len(opened(spread, s0, "aab", "327304", "r")) == 1
    assert len(opened(quick, t0 + 3 * 3600, "abc", "327305", "i")) == 1


def test_reports_naming_only_the_city_are_evidence_for_the_kecamatan_whose_own_reports_are_too_few():
    """Two reports from Coblong and three naming only Kota Bandung within eight minutes: neither Coblong alone
    (two) nor the city (against all its infrastruktur traffic) is a surge, Coblong with the city's unlocated
    reports is; one report from Coblong among many unlocated ones is the city's to judge, not Coblong's."""
    detector, background = learned()
    t0 = background[-1].received_at + 3600
    own = [Observation(f"k{i}", t0 + 60 * i, "infrastruktur", KEC, CITY, f"k{i}") for i in range(2)]
    unlocated = [Observation(f"c{i}", t0 + 120 + 130 * i, "infrastruktur", None, CITY, f"c{i}") for i in range(3)]
    (alert,) = [e for e in Replay(detector).feed(own + unlocated).events if e.state == "open"]
    assert (alert.kind, alert.region_code) == ("topic_kecamatan", KEC) and alert.opened_at.timestamp() <= t0 + 600
    assert set(alert.member_ids) == {o.complaint_id for o in own + unlocated}
    assert "5 laporan dari Kec. Coblong (Kota Bandung)" in alert.message
    assert "3 hanya menyebut Kota Bandung; biasanya " in alert.message
    assert alert.baseline > detector.expected(f"kec|infrastruktur|{KEC}", t0)  # the city's unlocated traffic too
    alone, _ = learned()
    assert not [e for e in Replay(alone).feed(own).events if e.state == "open"]
    city_wide, _ = learned()
    events = Replay(city_wide).feed(own[:1] + [Observation(f"u{i}", t0 + 60 + 60 * i, "infrastruktur", None, CITY,
                                                           f"u{i}") for i in range(8)]).events
    assert not [e for e in events if e.kind == "topic_kecamatan"]
