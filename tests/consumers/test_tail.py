import threading
import uuid
from datetime import datetime, timedelta, timezone
from functools import partial

import pytest

from aduan.core.connections import kafka_consumer
from consumers.ops.tail import Filters, follow, format_event, open_consumer, render, tail
from aduan.core.connections import Publisher
from schemas.events import Complaint, RoutedComplaint
from schemas.topics import RAW, ROUTED, STATUS
from tests import factories as make

NOW = datetime(2026, 3, 9, 2, 15, tzinfo=timezone.utc)
WIB = timezone(timedelta(hours=7))


def reader(bootstrap: str):
    return lambda: kafka_consumer(bootstrap, group=None, client_id="test-tail")


# Every event here happened at NOW, from a reporter whose contacts the lines must mask.
CITIZEN = dict(channel="web", received_at=NOW,
               text="Jalan berlubang di depan SDN 3, sudah dua bulan tidak diperbaiki.",
               reporter=make.reporter(name="Budi", email="budi.santoso@example.id", phone="+6281234567890"))
complaint = partial(make.complaint, **CITIZEN)
routed = partial(make.routed, **CITIZEN, unit_code="PUPR.3201", topic="infrastruktur", confidence=0.8, routed_at=NOW)


def test_line_has_time_topic_key_tracking_channel_topic_unit_and_text():
    event = routed()
    line = format_event(ROUTED.name, event.complaint_id, event)
    assert line.startswith(f"2026-03-09T02:15:00Z complaints.routed key={event.complaint_id} "
                           f"{event.tracking_number} web infrastruktur PUPR.3201 ")
    assert '"Jalan berlubang di depan SDN 3' in line
    assert "\n" not in line


def test_contacts_are_masked_never_in_clear():
    line = format_event(ROUTED.name, "k", routed())
    assert "budi.santoso@example.id" not in line and "+6281234567890" not in line and "Budi" not in line
    assert "email=b***@example.id" in line and "phone=+62812*****890" in line


@pytest.mark.parametrize("privacy", ["anonim", "rahasia"])
def test_anonymous_and_confidential_reporters_are_withheld(privacy):
    line = format_event(RAW["web"].name, "k", complaint(privacy=privacy))
    assert "contact=[withheld]" in line and "b***@" not in line


def test_confidential_text_is_withheld():
    line = format_event(RAW["web"].name, "k", complaint(privacy="rahasia"))
    assert '"[rahasia]"' in line and "Jalan" not in line


def test_text_is_one_line_of_at_most_80_characters():
    event = complaint(text="baris satu\n\nbaris dua " + "x" * 200)
    quoted = format_event(RAW["web"].name, "k", event).split('"')[1]
    assert quoted.startswith("baris satu baris dua x") and len(quoted) == 80 and quoted.endswith("…")


def test_time_is_shown_in_utc_whatever_the_offset():
    event = make.status("c", "selesai", actor="sistem", actor_role="system",
                        at=datetime(2026, 3, 9, 9, 15, tzinfo=WIB))
    assert format_event(STATUS.name, "c", event).startswith("2026-03-09T02:15:00Z complaints.status key=c - - - - "
                                                            "status=selesai")


def test_filters_by_unit_and_topic_code_when_the_event_has_them():
    event = routed(unit_code="PUPR.3201", topic="infrastruktur")
    assert Filters().matches(event)
    assert Filters(unit="PUPR.3201", topic_code="infrastruktur").matches(event)
    assert not Filters(unit="DINKES.3201").matches(event)
    assert not Filters(topic_code="kesehatan").matches(event)
    # A status event has a unit (when re-routed) but no topic: only the unit filter applies.
    status = make.status("c", "terverifikasi", at=NOW)
    assert Filters(topic_code="kesehatan").matches(status)
    assert not Filters(unit="PUPR.3201").matches(status)
    assert Filters(unit="X", topic_code="y").unsupported(Complaint) == ["--unit", "--topic-code"]
    assert Filters(unit="X", topic_code="y").unsupported(RoutedComplaint) == []


def test_render_filters_and_reports_invalid_records_without_their_content():
    event = routed()
    assert render(ROUTED, b"k", event.model_dump_json().encode(), Filters(unit="OTHER")) is None
    assert "PUPR.3201" in render(ROUTED, b"k", event.model_dump_json().encode(), Filters(unit="PUPR.3201"))
    invalid = b'{"text": "rahasia +6281234567890"}'
    line = render(ROUTED, b"k", invalid)
    assert "INVALID RoutedComplaint" in line and "6281234567890" not in line
    assert render(ROUTED, b"k", invalid, Filters(unit="OTHER")) is None  # cannot be attributed to a unit


def test_dead_letter_shows_its_reason_not_its_bytes():
    letter = make.dead_letter(b"+6281234567890", stage="streams.route", reason="bad json",
                              source_topic="complaints.raw.sms", offset=3, failed_at=NOW)
    line = format_event("complaints.deadletter", "complaints.raw.sms", letter)
    assert '"bad json"' in line and "source_topic=complaints.raw.sms" in line and "6281234567890" not in line


def test_a_filter_the_topic_cannot_apply_is_announced_first():
    class Idle:
        def poll(self, timeout_ms):
            return {}

    stopped = threading.Event()
    stopped.set()
    lines = list(follow(Idle(), RAW["sms"], Filters(unit="PUPR.3201", topic_code="infrastruktur"), stop=stopped))
    assert lines == ["# --unit does not apply to Complaint events on complaints.raw.sms: not filtered",
                     "# --topic-code does not apply to Complaint events on complaints.raw.sms: not filtered"]


def test_unknown_topic_is_refused_before_connecting():
    with pytest.raises(KeyError, match="unknown topic"):
        next(tail(reader("127.0.0.1:1"), "complaints.nope"))


def guard(seconds: float = 20) -> threading.Event:
    """A stop event that fires by itself, so a missing record fails the test instead of hanging it."""
    stop = threading.Event()
    timer = threading.Timer(seconds, stop.set)
    timer.daemon = True
    timer.start()
    return stop


@pytest.mark.integration
def test_tail_from_the_beginning_filters_by_unit_on_the_real_broker(servers):
    run = uuid.uuid4().hex[:8]
    mine, other = f"UNIT-{run}", f"OTHER-{run}"
    publisher = Publisher(servers.kafka, timeout_s=5)
    events = [routed(unit_code=mine), routed(unit_code=other), routed(unit_code=mine, topic="kesehatan")]
    try:
        for event in events:
            publisher.publish(ROUTED, event.complaint_id, event)
    finally:
        publisher.close()
    stop = guard()
    lines = list(tail(reader(servers.kafka), ROUTED.name, unit=mine, from_beginning=True, stop=stop, limit=2))
    # Keys spread the events over partitions, so their order between partitions is not defined.
    assert sorted(line.split()[3] for line in lines) == sorted([events[0].tracking_number, events[2].tracking_number])
    assert all(f" {mine} " in line for line in lines)
    only_health = list(tail(reader(servers.kafka), ROUTED.name, unit=mine, topic_code="kesehatan", from_beginning=True,
                            stop=stop, limit=1))
    assert len(only_health) == 1 and events[2].tracking_number in only_health[0]


@pytest.mark.integration
def test_tail_starts_at_the_end_by_default_and_stops_on_request(servers):
    publisher = Publisher(servers.kafka, timeout_s=5)
    old, new = complaint(), complaint()
    consumer = None
    try:
        publisher.publish(RAW["web"], old.complaint_id, old)
        consumer = open_consumer(reader(servers.kafka), RAW["web"])
        publisher.publish(RAW["web"], new.complaint_id, new)
        stop, seen = guard(), []
        for line in follow(consumer, RAW["web"], stop=stop):
            seen.append(line)
            if new.tracking_number in line:
                stop.set()
        assert not any(old.tracking_number in line for line in seen)
        assert any(new.tracking_number in line for line in seen)
    finally:
        publisher.close()
        if consumer is not None:
            consumer.close()
