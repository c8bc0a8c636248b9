"""The document fold: order-independent, idempotent, SLA recomputed from the history."""

import itertools
from datetime import datetime, timezone
from functools import partial

from consumers.cases.document import auto_close_event, fold, remember_published
from schemas.events import SlaEvent
from tests import factories as make

UTC = timezone.utc
# Monday 2 March 2026, 09:00 WIB
RECEIVED = datetime(2026, 3, 2, 2, tzinfo=UTC)


def march(day: int) -> datetime:
    """10:00 WIB on that day of March 2026."""
    return datetime(2026, 3, day, 3, tzinfo=UTC)


# The one complaint of this file: every call is the same case (the same ids, received and routed at fixed times).
routed = partial(make.routed, channel="sms", provider_message_id="SM1", received_at=RECEIVED,
                 text="Jalan rusak di Cibiru", topic="infrastruktur", confidence=0.9, unit_code="DPUPR.3273",
                 region_code="3273", routed_at=datetime(2026, 3, 2, 2, 1, tzinfo=UTC))
CID = routed().complaint_id
FLOW = [make.status(CID, name, at=march(day))
        for name, day in (("terverifikasi", 3), ("terdisposisi", 4), ("ditindaklanjuti", 5))]


def test_every_order_of_the_same_events_gives_the_same_document():
    now = datetime(2026, 3, 6, tzinfo=UTC)
    events = [routed(), *FLOW, make.duplicate(CID, complaint_id="d1", channel="sms",
                                              reason="same_reporter_same_text", received_at=RECEIVED)]
    documents = []
    for order in itertools.permutations(events):
        doc = None
        for event in order:  # one event per fold, as separate batches would bring them
            doc = fold(doc, [event], now).doc
        documents.append(doc)
    assert all(doc == documents[0] for doc in documents)
    final = documents[0]
    assert final["status"] == "ditindaklanjuti" and final["report_count"] == 2
    assert final["sla"]["stage"] == "penutupan"


def test_redelivery_changes_nothing():
    now = datetime(2026, 3, 6, tzinfo=UTC)
    once = fold(None, [routed(), *FLOW], now).doc
    twice = fold(once, [routed(), *FLOW, FLOW[0]], now).doc
    assert once == twice and len(twice["history"]) == 3


def test_an_older_routing_never_replaces_a_newer_one():
    newer = routed(routed_at=datetime(2026, 3, 2, 5, tzinfo=UTC), text="Jalan rusak parah (diedit)")
    doc = fold(None, [newer], RECEIVED).doc
    doc = fold(doc, [routed()], RECEIVED).doc
    assert doc["text"] == "Jalan rusak parah (diedit)"


def test_status_before_routing_is_a_stub_without_text():
    doc = fold(None, [FLOW[0]], RECEIVED).doc
    assert "text" not in doc and doc["status"] == "terverifikasi"


def test_breach_is_signalled_once_and_remembered():
    late = datetime(2026, 3, 20, tzinfo=UTC)  # verifikasi was due 5 March 23:59:59 WIB
    folded = fold(None, [routed()], late)
    assert [(s.kind, s.stage) for s in folded.signals] == [("breached", "verifikasi")]
    assert folded.doc["sla"]["breached"] is True
    remember_published(folded.doc, folded.signals)
    assert fold(folded.doc, [], late).signals == []


def test_a_published_sla_event_is_not_signalled_again():
    folded = fold(None, [routed()], datetime(2026, 3, 20, tzinfo=UTC))
    signal = folded.signals[0]
    event = SlaEvent(complaint_id=CID, **signal.event_fields())
    assert fold(folded.doc, [event], datetime(2026, 3, 21, tzinfo=UTC)).signals == []


def test_rerouting_moves_the_unit_and_keeps_the_clock():
    doc = fold(None, [routed(), make.status(CID, "bukan_wewenang", at=march(3), unit_code="DINKES.3204")],
               datetime(2026, 3, 3, 4, tzinfo=UTC)).doc
    assert doc["unit_code"] == "DINKES.3204" and doc["routed_unit_code"] == "DPUPR.3273"
    assert doc["sla"]["stage"] == "verifikasi" and doc["sla"]["elapsed_working_days"] >= 1


def test_waiting_for_the_citizen_pauses_the_clock():
    doc = fold(None, [routed(), make.status(CID, "ditunda", at=march(3), reason="menunggu_pelapor: mohon kirim foto")],
               datetime(2026, 3, 30, tzinfo=UTC)).doc
    assert doc["sla"]["paused"] is True and doc["sla"]["breached"] is False


def test_auto_close_has_a_deterministic_event_id():
    follow_up = fold(None, [routed(), *FLOW], datetime(2026, 4, 30, tzinfo=UTC))
    [signal] = [s for s in follow_up.signals if s.kind == "auto_close"]
    first, again = auto_close_event(CID, signal), auto_close_event(CID, signal)
    assert first.event_id == again.event_id and first.status == "selesai" and first.actor_role == "system"
    closed = fold(follow_up.doc, [first, again], datetime(2026, 4, 30, tzinfo=UTC)).doc
    assert closed["status"] == "selesai" and len(closed["history"]) == 4
