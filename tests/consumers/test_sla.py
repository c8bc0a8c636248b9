import json
from datetime import datetime, timedelta, timezone

import pytest

from consumers.cases.sla import SlaClock, SlaPolicy, default_policy, due_at, format_due, parse_local
from schemas.events import SlaEvent, SlaState
from tests import factories as make

WIB = timezone(timedelta(hours=7))
JAKARTA, MAKASSAR, JAYAPURA = "3171", "7371", "9171"
MON = datetime(2026, 2, 2, 9, tzinfo=WIB)  # Monday 2 Feb 2026, no holiday that week in Jakarta


def t(text: str) -> datetime:
    return datetime.fromisoformat(text)


def kinds(signals):
    return [s.kind for s in signals]


# -- policy -------------------------------------------------------------------------------------------------

def test_shipped_policy_has_the_national_lapor_limits():
    policy = default_policy()
    assert [policy.limit(s) for s in ("verifikasi", "tindak_lanjut", "penutupan")] == [3, 5, 10]
    assert policy.warning_threshold == 0.8
    assert policy.expiry_action("penutupan") == "auto_close"
    assert policy.expiry_action("tindak_lanjut") == "breach"


def test_policy_precedence_topic_priority_then_priority_then_topic():
    policy = SlaPolicy.from_dict({
        "defaults": {"verifikasi": 3, "tindak_lanjut": 5, "penutupan": 10},
        "by_topic": {"kesehatan": {"tindak_lanjut": 4, "verifikasi": 2}},
        "by_priority": {"darurat": {"tindak_lanjut": 2}},
        "by_topic_priority": {"kesehatan": {"darurat": {"tindak_lanjut": 1}}},
    })
    assert policy.limit("tindak_lanjut") == 5
    assert policy.limit("tindak_lanjut", topic="kesehatan") == 4
    assert policy.limit("tindak_lanjut", topic="pendidikan", priority="darurat") == 2
    assert policy.limit("tindak_lanjut", topic="kesehatan", priority="darurat") == 1
    assert policy.limit("verifikasi", topic="kesehatan", priority="darurat") == 2  # falls through to topic
    with pytest.raises(ValueError):
        policy.limit("banding")


@pytest.mark.parametrize("doc", [
    {"defaults": {"verifikasi": 3, "tindak_lanjut": 5}},
    {"defaults": {"verifikasi": 3, "tindak_lanjut": 5, "penutupan": 0}},
    {"defaults": {"verifikasi": 3, "tindak_lanjut": 5, "penutupan": 10}, "warning_threshold": 1.5},
    {"defaults": {"verifikasi": 3, "tindak_lanjut": 5, "penutupan": 10}, "by_topic": {"x": {"banding": 2}}},
    {"defaults": {"verifikasi": 3, "tindak_lanjut": 5, "penutupan": 10}, "on_expiry": {"penutupan": "ignore"}},
])
def test_bad_policies_are_rejected(doc):
    with pytest.raises(ValueError):
        SlaPolicy.from_dict(doc)


# -- one-shot deadlines -------------------------------------------------------------------------------------

def test_due_at_uses_topic_and_priority():
    assert due_at("tindak_lanjut", MON, JAKARTA).date().isoformat() == "2026-02-09"
    assert due_at("tindak_lanjut", MON, JAKARTA, topic="kesehatan").date().isoformat() == "2026-02-05"
    assert due_at("verifikasi", MON, JAKARTA, priority="darurat").date().isoformat() == "2026-02-03"


def test_penutupan_over_imlek_2026():
    # 10 working days from Mon 2 Feb: 3-6, 9-13, then Mon 16 (cuti bersama) and Tue 17 (Imlek) are off.
    assert due_at("penutupan", MON, JAKARTA).isoformat() == "2026-02-18T23:59:59+07:00"


@pytest.mark.parametrize("region, offset", [(JAKARTA, "+07:00"), (MAKASSAR, "+08:00"), (JAYAPURA, "+09:00"),
                                            (None, "+07:00")])
def test_format_due_reads_a_naive_start_in_the_local_zone(region, offset):
    # Received on Nyepi (Thu 19 Mar 2026): 20-24 are cuti bersama and Idul Fitri, so Wed 25 is day 1.
    assert format_due("verifikasi", "2026-03-19T10:00", region) == "2026-03-27T23:59:59" + offset
    assert format_due("tindak_lanjut", "2026-03-19T10:00", region) == "2026-03-31T23:59:59" + offset


def test_format_due_naive_versus_explicit_offset():
    # 23:30 naive is local to Jayapura (still Monday there); 23:30 WIB is already Tuesday in Jayapura,
    # so day 3 moves past Fri 16 Jan (Isra Mikraj) to Monday.
    assert format_due("verifikasi", "2026-01-12T23:30", JAYAPURA) == "2026-01-15T23:59:59+09:00"
    assert format_due("verifikasi", "2026-01-12T23:30+07:00", JAYAPURA) == "2026-01-19T23:59:59+09:00"
    assert format_due("verifikasi", "2026-01-12T16:30Z", JAYAPURA) == "2026-01-19T23:59:59+09:00"
    assert format_due("verifikasi", "2026-01-12", JAKARTA) == "2026-01-15T23:59:59+07:00"


def test_parse_local_keeps_explicit_offsets():
    assert parse_local("2026-01-12T10:00+08:00", JAYAPURA).utcoffset() == timedelta(hours=8)
    assert parse_local("2026-01-12T10:00", JAYAPURA).utcoffset() == timedelta(hours=9)


# -- the clock ----------------------------------------------------------------------------------------------

def test_verification_in_time_is_met():
    clock = SlaClock(JAKARTA, "unit-a")
    assert clock.apply("diterima", MON) == []
    assert clock.stage.due_at.isoformat() == "2026-02-05T23:59:59+07:00"
    signals = clock.apply("terverifikasi", t("2026-02-04T12:00+07:00"))
    assert kinds(signals) == ["met"]
    assert signals[0].elapsed_working_days == 1.5 and signals[0].unit_code == "unit-a"
    assert clock.history[-1]["outcome"] == "met"
    assert clock.stage is None


def test_tick_breaches_with_no_traffic_exactly_once():
    clock = SlaClock(JAKARTA)
    clock.apply("diterima", MON)
    assert kinds(clock.tick(t("2026-02-05T23:59:59+07:00"))) == ["warning"]  # at the deadline: not yet late
    signals = clock.tick(t("2026-02-06T00:00:00+07:00"))
    assert kinds(signals) == ["breached"]
    assert signals[0].due_at.isoformat() == "2026-02-05T23:59:59+07:00"
    assert clock.tick(t("2026-02-10T00:00:00+07:00")) == []
    assert clock.sla_doc()["breached"] is True
    # Verifying late records the breach without emitting it twice.
    assert clock.apply("terverifikasi", t("2026-02-10T09:00+07:00")) == []
    assert clock.history[-1]["outcome"] == "breached"


def test_warning_at_80_percent_of_the_working_time():
    clock = SlaClock(JAKARTA)
    clock.apply("diterima", MON)
    # 3 days * 0.8 = 2.4 working days: Thursday (day 3) at 09:36.
    assert clock.next_timer() == t("2026-02-05T09:36:00+07:00")
    assert clock.tick(t("2026-02-05T09:35:59+07:00")) == []
    signals = clock.tick(t("2026-02-05T09:36:00+07:00"))
    assert kinds(signals) == ["warning"] and signals[0].elapsed_working_days == 2.4
    assert clock.tick(t("2026-02-05T12:00+07:00")) == []
    assert clock.next_timer() == t("2026-02-06T00:00:00+07:00")
    clock.tick(clock.next_timer())
    assert clock.next_timer() is None


def test_late_event_catches_up_a_missed_breach():
    clock = SlaClock(JAKARTA)
    clock.apply("diterima", MON)
    signals = clock.apply("terverifikasi", t("2026-02-09T10:00+07:00"))
    assert kinds(signals) == ["breached"]  # no warning after the deadline, one breach, no met
    assert clock.history[-1]["outcome"] == "breached"


def test_pause_shifts_the_deadline_by_the_paused_working_days():
    clock = SlaClock(JAKARTA)
    clock.apply("diterima", MON)
    clock.apply("ditunda", t("2026-02-03T10:00+07:00"), reason="dokumen kurang")
    assert clock.stage.paused and clock.stage.pause_reason == "ditunda"
    assert clock.elapsed(t("2026-02-06T10:00+07:00")) == 1.0  # Tuesday consumed, then frozen
    assert clock.tick(t("2026-02-07T00:00+07:00")) == []  # past the old deadline: paused, no breach
    assert clock.next_timer() is None
    # Resumed Monday 9th: Wed 4 .. Mon 9 (4 working days) did not count; 2 remain: Tue 10, Wed 11.
    clock.apply("diterima", t("2026-02-09T14:00+07:00"))
    assert not clock.stage.paused
    assert clock.stage.due_at.isoformat() == "2026-02-11T23:59:59+07:00"
    assert clock.elapsed(t("2026-02-10T12:00+07:00")) == 1.5
    assert kinds(clock.apply("terverifikasi", t("2026-02-11T16:00+07:00"))) == ["warning", "met"]


def test_pause_and_resume_on_the_same_day_changes_nothing():
    clock = SlaClock(JAKARTA)
    clock.apply("diterima", MON)
    clock.apply("ditunda", t("2026-02-03T10:00+07:00"))
    clock.resume(t("2026-02-03T15:00+07:00"))
    assert clock.stage.due_at.isoformat() == "2026-02-05T23:59:59+07:00"


def test_waiting_for_the_citizen_is_a_pause_reason_and_a_reply_resumes():
    clock = SlaClock(JAKARTA)
    clock.apply("terdisposisi", MON)
    clock.apply("ditunda", t("2026-02-04T10:00+07:00"), reason="menunggu_pelapor: mohon kirim foto lokasi")
    assert clock.stage.pause_reason == "menunggu_pelapor"
    assert clock.sla_doc()["paused"] is True
    clock.resume(t("2026-02-11T08:00+07:00"))  # the citizen replied (a Complaint with in_reply_to)
    # 2 days used (Tue 3, Wed 4); Thu 5 .. Wed 11 frozen; 3 remain: Thu 12, Fri 13, then Wed 18 (Imlek).
    assert clock.stage.due_at.isoformat() == "2026-02-18T23:59:59+07:00"


def test_reroute_keeps_elapsed_time_and_recomputes_in_the_new_zone():
    clock = SlaClock(JAKARTA, "pemprov-dki")
    clock.apply("diterima", MON)
    clock.apply("bukan_wewenang", t("2026-02-03T15:00+07:00"), region_code=MAKASSAR, unit_code="pemkot-makassar")
    assert clock.unit_code == "pemkot-makassar" and clock.region_code == MAKASSAR
    assert clock.elapsed(t("2026-02-03T17:00+08:00")) == 1.0
    assert clock.stage.due_at.isoformat() == "2026-02-05T23:59:59+08:00"
    assert clock.stage.started_at == MON  # same stage, not restarted


def test_reroute_to_papua_crosses_midnight_and_a_regional_holiday():
    clock = SlaClock(JAKARTA)
    clock.apply("diterima", MON)
    # 23:30 WIB Tue 3 = 01:30 WIT Wed 4: Jayapura's day 0 is Wed; Thu 5 is Hari Pekabaran Injil.
    clock.apply("bukan_wewenang", t("2026-02-03T23:30+07:00"), region_code=JAYAPURA)
    assert clock.stage.due_at.isoformat() == "2026-02-09T23:59:59+09:00"


def test_reroute_while_paused_applies_on_resume():
    clock = SlaClock(JAKARTA)
    clock.apply("diterima", MON)
    clock.apply("ditunda", t("2026-02-03T10:00+07:00"))
    clock.apply("bukan_wewenang", t("2026-02-04T10:00+07:00"), region_code=MAKASSAR)
    assert clock.stage.paused
    clock.apply("diterima", t("2026-02-05T09:00+08:00"))
    assert clock.stage.due_at.isoformat() == "2026-02-09T23:59:59+08:00"  # Fri 6, Mon 9


def test_full_lifecycle_with_auto_close():
    clock = SlaClock(JAKARTA, "dinas-pu")
    clock.apply("diterima", MON)
    assert kinds(clock.apply("terdisposisi", t("2026-02-03T09:00+07:00"))) == ["met"]  # implicit verification
    assert clock.stage.name == "tindak_lanjut"
    assert kinds(clock.apply("ditindaklanjuti", t("2026-02-05T09:00+07:00"))) == ["met"]
    assert clock.stage.name == "penutupan"
    # 10 working days from Thu 5 Feb: 6, 9-13, 18-20, 23 (16-17 Imlek).
    assert clock.stage.due_at.isoformat() == "2026-02-23T23:59:59+07:00"
    signals = clock.tick(t("2026-02-24T00:00:00+07:00"))
    assert kinds(signals) == ["auto_close"]  # the citizen's window: no breach
    assert clock.tick(t("2026-02-25T00:00:00+07:00")) == []
    with pytest.raises(ValueError):
        signals[0].event_fields()
    signals = clock.apply("selesai", signals[0].due_at)
    assert kinds(signals) == ["met"]
    assert clock.closed and clock.history[-1]["auto_closed"] is True
    assert [h["stage"] for h in clock.history] == ["verifikasi", "tindak_lanjut", "penutupan"]


def test_citizen_closing_in_time_is_not_an_auto_close():
    clock = SlaClock(JAKARTA)
    clock.apply("ditindaklanjuti", MON)
    assert kinds(clock.apply("selesai", t("2026-02-04T09:00+07:00"))) == ["met"]
    assert clock.history[-1]["auto_closed"] is False


def test_tindak_lanjut_breach_and_archive():
    clock = SlaClock(JAKARTA)
    clock.apply("terdisposisi", MON)
    assert kinds(clock.tick(t("2026-02-10T00:00+07:00"))) == ["breached"]
    clock.apply("diarsipkan", t("2026-02-10T10:00+07:00"))
    assert clock.closed and clock.stage is None and clock.history[-1]["outcome"] == "breached"


def test_reopening_after_selesai_starts_a_fresh_stage():
    clock = SlaClock(JAKARTA)
    clock.apply("ditindaklanjuti", MON)
    clock.apply("selesai", t("2026-02-03T09:00+07:00"))
    clock.apply("terdisposisi", t("2026-02-04T09:00+07:00"))
    assert not clock.closed and clock.reopened == 1
    assert clock.stage.name == "tindak_lanjut" and clock.stage.consumed == 0
    assert clock.stage.due_at.isoformat() == "2026-02-11T23:59:59+07:00"


def test_repeated_status_does_not_restart_the_stage():
    clock = SlaClock(JAKARTA)
    clock.apply("diterima", MON)
    clock.apply("diterima", t("2026-02-04T09:00+07:00"))
    assert clock.stage.started_at == MON and clock.stage.due_at.date().isoformat() == "2026-02-05"


def test_events_out_of_order_never_run_the_clock_backwards():
    clock = SlaClock(JAKARTA)
    clock.apply("diterima", MON)
    clock.apply("terverifikasi", t("2026-02-01T09:00+07:00"))  # stamped before the receipt
    assert clock.history[-1]["ended_at"] == MON.isoformat()
    assert clock.history[-1]["elapsed_working_days"] == 0.0


def test_unknown_status_and_naive_times_are_refused():
    clock = SlaClock(JAKARTA)
    with pytest.raises(ValueError):
        clock.apply("dibatalkan", MON)
    with pytest.raises(ValueError):
        clock.apply("diterima", datetime(2026, 2, 2, 9))


def test_priority_and_topic_set_the_stage_limit():
    clock = SlaClock(JAKARTA, topic="kesehatan", priority="darurat")
    clock.apply("diterima", MON)
    assert clock.stage.limit == 1 and clock.stage.due_at.date().isoformat() == "2026-02-03"


def test_state_round_trips_through_json_mid_pause_and_keeps_working():
    clock = SlaClock(JAKARTA, "u1", topic="infrastruktur")
    clock.apply("diterima", MON)
    clock.apply("terverifikasi", t("2026-02-03T09:00+07:00"))
    clock.apply("terdisposisi", t("2026-02-03T10:00+07:00"))
    clock.apply("ditunda", t("2026-02-04T10:00+07:00"), reason="menunggu_pelapor")
    state = json.loads(json.dumps(clock.to_state()))
    restored = SlaClock.from_state(state)
    assert restored.to_state() == state
    resumed_at = t("2026-02-09T09:00+07:00")
    assert kinds(restored.resume(resumed_at)) == kinds(clock.resume(resumed_at))
    assert restored.stage.due_at == clock.stage.due_at
    assert restored.next_timer() == clock.next_timer()
    with pytest.raises(ValueError):
        SlaClock.from_state({**state, "version": 99})


def test_sla_doc_and_signals_fit_the_shared_schemas():
    clock = SlaClock(JAKARTA, "u1")
    assert clock.sla_doc() is None
    clock.apply("diterima", MON)
    doc = SlaState.model_validate(clock.sla_doc(t("2026-02-04T12:00+07:00")))
    assert doc.stage == "verifikasi" and doc.elapsed_working_days == 1.5 and not doc.breached
    signal = clock.tick(t("2026-02-06T00:00+07:00"))[0]
    event = SlaEvent(complaint_id="c1", **signal.event_fields())
    assert event.kind == "breached" and event.unit_code == "u1"
    clock.apply("terverifikasi", t("2026-02-06T08:00+07:00"))
    finished = SlaState.model_validate(clock.sla_doc())
    assert finished.breached and finished.stage == "verifikasi"


def test_apply_event_takes_a_status_event():
    clock = SlaClock(JAKARTA)
    clock.apply("diterima", MON)
    event = make.status("c1", "bukan_wewenang", unit_code="pemkot-makassar", at=t("2026-02-03T15:00+07:00"))
    clock.apply_event(event, region_code=MAKASSAR)
    assert clock.unit_code == "pemkot-makassar"
    assert clock.stage.due_at.isoformat() == "2026-02-05T23:59:59+08:00"
