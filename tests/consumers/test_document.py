"""The document fold: order-independent, idempotent, SLA recomputed from the history."""

import itertools
from datetime import datetime, timezone
from functools import partial

import pytest

from consumers.cases.document import ROUTING_FIELDS, auto_close_event, fold, remember_published
from consumers.redaction import view
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


def test_content_is_written_once_and_a_conflicting_routing_changes_nothing_but_its_count():
    first = fold(None, [routed(), *FLOW], RECEIVED).doc
    assert first["content_digest"] == routed().content_digest() and "content_conflicts" not in first
    # The same provider id again, with other words, another reporter, another privacy and unit: newer, too.
    forged = routed(routed_at=datetime(2026, 3, 2, 5, tzinfo=UTC), text="Isi palsu", privacy="rahasia",
                    reporter=make.reporter(name="Penyerang", phone="+6281111111111"), unit_code="LAIN.0000")
    assert forged.complaint_id == CID
    after = fold(first, [forged], RECEIVED).doc
    assert {k: v for k, v in after.items() if k != "content_conflicts"} == first
    assert after["content_conflicts"] == [forged.content_digest()]
    assert fold(after, [forged], RECEIVED).doc == after  # a redelivered conflict is counted once


def test_the_same_submission_routed_again_is_a_replay():
    doc = fold(None, [routed()], RECEIVED).doc
    again = routed(routed_at=datetime(2026, 3, 2, 5, tzinfo=UTC), unit_code="LAIN.0000", topic="kesehatan")
    assert again.content_digest() == routed().content_digest()
    assert fold(doc, [again], RECEIVED).doc == doc


def test_a_status_stub_gets_its_content_from_the_first_routing_and_keeps_it():
    stub = fold(None, [FLOW[0]], RECEIVED).doc
    doc = fold(stub, [routed(), routed(text="Isi kedua")], RECEIVED).doc
    assert doc["text"] == "Jalan rusak di Cibiru" and len(doc["content_conflicts"]) == 1


def test_the_fold_writes_redacted_copies_of_every_free_text_field():
    case = routed(text="Hubungi 0812-3456-7890", subject="NIK 3273 0101 0190 0001",
                  location={"text": "rumah budi@mail.example.id"},
                  attachments=[{"filename": "ktp_081234567890.jpg", "content_type": "image/jpeg", "size_bytes": 1,
                                "sha256": "a" * 64}],
                  reporter=make.reporter(name="Budi 0812 9999 8888"))
    doc = fold(None, [case, make.status(CID, "terverifikasi", at=march(3), reason="ditelepon ke +62 812-3456-7890")],
               RECEIVED, pseudonym_key="k").doc
    assert doc["redacted"] == {
        "subject": "NIK [disembunyikan]", "text": "Hubungi [disembunyikan]",
        "location_text": "rumah [disembunyikan]", "attachment_filenames": ["ktp_[disembunyikan].jpg"],
        "reporter_name": "Budi [disembunyikan]", "provider_ref": doc["redacted"]["provider_ref"]}
    assert len(doc["redacted"]["provider_ref"]) == 32 and "SM1" not in doc["redacted"]["provider_ref"]
    assert doc["history"][0]["reason_redacted"] == "ditelepon ke [disembunyikan]"
    assert doc["text"] == "Hubungi 0812-3456-7890"  # operators keep the clear text


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


def test_notifications_fold_to_their_furthest_state_in_any_order_and_only_operators_read_errors():
    from consumers.read.access import Principal
    from consumers.read.desk import desk_view
    from consumers.read.search import present
    from schemas.events import NotificationRecord

    def record(nid: str, result: str, minute: int, **extra) -> NotificationRecord:
        return NotificationRecord(notification_id=nid, complaint_id=CID, channel="sms", provider="twilio",
                                  template="diterima", result=result, at=datetime(2026, 3, 2, 2, minute, tzinfo=UTC), **extra)

    # A receipt ("delivered") read before the notifier's own "sent": the late "sent" must not undo it.
    failed = record("n2", "failed", 5, error="+6281234567890 is not reachable", attempts=3)
    events = [routed(), record("n1", "pending", 2), record("n1", "delivered", 4),
              record("n1", "sent", 3, provider_message_id="SMx"), failed]
    now = datetime(2026, 3, 2, 3, tzinfo=UTC)
    documents = []
    pending, delivered, sent = events[1:4]
    # In order, reversed, and the receipt between the two (each fold costs an SLA recompute: few orders).
    for order in ([pending, sent, delivered, failed], [failed, delivered, sent, pending], [delivered, pending, failed, sent]):
        doc = fold(None, [events[0]], now).doc
        for event in order:
            doc = fold(doc, [event], now).doc
        documents.append(fold(doc, [failed], now).doc["notifications"])  # and a redelivery changes nothing
    assert all(d == documents[0] for d in documents)
    assert [(n["notification_id"], n["result"], n["attempts"]) for n in documents[0]] == [("n1", "delivered", 0), ("n2", "failed", 3)]
    doc = fold(None, events, now).doc
    operator = desk_view(Principal("operator", "op"), present(Principal("operator", "op"), doc))["notifications"]
    assert operator[0]["error"].startswith("+6281234567890") and operator[0]["at_local"].endswith("+07:00")  # latest first, WIB
    for reader in (Principal("analyst", "an"), Principal("unit", "u", "DPUPR.3273")):
        shown = desk_view(reader, present(reader, doc))["notifications"]
        assert [n["result"] for n in shown] == ["failed", "delivered"]
        assert "6281234567890" not in str(shown) and "SMx" not in str(shown)


def test_operators_corrections_fold_over_the_stream_in_any_order_and_survive_rerouting_and_redelivery():
    now = datetime(2026, 3, 6, tzinfo=UTC)
    events = [routed(cluster_id="head-of-cluster", needs_triage=True),
              make.correction(CID, "merge", cluster_id="other-cluster", at=march(3), reason="sama, hubungi 081234567890"),
              make.status(CID, "bukan_wewenang", unit_code="DPUPR.3204", at=march(4)),
              make.correction(CID, "topic", topic="lingkungan", at=march(4)),
              make.correction(CID, "split", at=march(5))]
    documents = []
    for order in itertools.permutations(events):
        doc = None
        for event in order:
            doc = fold(doc, [event], now).doc
        documents.append(doc)
    assert all(doc == documents[0] for doc in documents)
    final = documents[0]
    # The latest correction of each kind wins; what the stream decided stays beside it.
    assert (final["topic"], final["topic_label"], final["needs_triage"]) == ("lingkungan", "Lingkungan Hidup", False)
    assert (final["routed_topic"], final["routed_cluster_id"]) == ("infrastruktur", "head-of-cluster")
    assert final["cluster_id"] == CID and final["unit_code"] == "DPUPR.3204"  # split: its own head; re-route kept
    assert fold(final, events, now).doc == final  # redelivered: nothing changes
    assert final["text"] == routed().text
    # An operator's reason reaches other readers only through the scrubber.
    shown = view(final, clear=False)["corrections"]
    assert "081234567890" not in str(shown) and "reason_redacted" not in str(shown)


def test_the_latest_correction_wins_whichever_was_folded_last_and_a_correction_names_its_target():
    later = [make.correction(CID, "topic", topic="pajak", at=march(4)),
             make.correction(CID, "merge", cluster_id="theirs", at=march(4))]
    earlier = [make.correction(CID, "topic", topic="pertanahan", at=march(3)), make.correction(CID, "split", at=march(3))]
    doc = fold(fold(None, [routed(cluster_id="mine"), *later], march(5)).doc, earlier, march(5)).doc
    assert (doc["cluster_id"], doc["topic"]) == ("theirs", "pajak")
    for kind, fields in (("topic", {}), ("merge", {}), ("split", {"topic": "pajak"}), ("topic", {"cluster_id": "x"})):
        with pytest.raises(ValueError):
            make.correction(CID, kind, **fields)


def _nulls(doc: dict) -> list[str]:
    return [name for name, value in doc.items() if value is None] + [
        f"{part}.{name}" for part in ("reporter", "redacted", "location") if isinstance(doc.get(part), dict)
        for name, value in doc[part].items() if value is None]


def test_the_written_document_holds_no_null_and_the_stage_routing_only_where_it_differs():
    plain = fold(None, [routed()], RECEIVED, pseudonym_key="k").doc
    assert _nulls(plain) == [] and "routed_fields" not in plain  # the stage's routing is the document's
    rerouted = fold(plain, [make.status(CID, "bukan_wewenang", at=march(3), unit_code="DINKES.3204")],
                    march(3)).doc
    assert rerouted["unit_code"] == "DINKES.3204" and rerouted["routed_unit_code"] == "DPUPR.3273"
    assert _nulls(rerouted) == []
    corrected = fold(rerouted, [make.correction(CID, topic="kesehatan", at=march(4))], march(4)).doc
    assert corrected["topic"] == "kesehatan" and corrected["routed_fields"]["topic"] == "infrastruktur"
    # The stage's routing is still whole to the fold: a later event recomputes the same document, and a
    # document written whole (before compaction) folds to the same one.
    later = make.status(CID, "terverifikasi", at=march(5))
    whole = {**corrected, "subject": None, "cluster_id": None,
             "routed_fields": {**{name: corrected.get(name) for name in ROUTING_FIELDS}, **corrected["routed_fields"]}}
    assert fold(corrected, [later], march(5)).doc == fold(whole, [later], march(5)).doc
    assert fold(corrected, [later], march(5)).doc["routed_topic"] == "infrastruktur"
