"""The notifier's pure parts: templates (one SMS segment), deterministic ids, the ledger fold, where a
complaint is answered, answers, and what the public status view may show."""

from __future__ import annotations

import asyncio
import itertools
import threading
import uuid
from datetime import timedelta
from types import SimpleNamespace

import pytest

from aduan.core.settings import Settings
from consumers.notify import plan, templates
from consumers.notify.ledger import Ledger, fold
from consumers.notify.notifier import NotifierSink, http_client, parse_answer
from consumers.notify.providers import Message, Twilio, XDirect
from producers import receipts
from schemas.topics import ROUTED
from consumers.read.status_page import public_view
from schemas.events import NotificationRecord, utcnow
from tests import factories as make
from tests.notify_peers import RunningPeers

LONG_NOTE = ("Perbaikan jalan sudah dilakukan oleh tim Dinas PUPR pada hari Senin; hubungi 0812-3456-7890 "
             "atau budi@example.com jika ada kerusakan lagi. " * 3)


@pytest.mark.parametrize("template", templates.TEMPLATE_NAMES)
@pytest.mark.parametrize("note", ["", LONG_NOTE, "Sudah diperbaiki ✅ — terima kasih “Pak” 😀 " * 5])
def test_every_sms_template_fits_one_segment(template: str, note: str) -> None:
    rendered = templates.render(template, sms=True, tracking="ADU-7K3M-Q9XD",
                                link="https://lapor.kotabandung.go.id/status/ADU-7K3M-Q9XD",
                                unit="Dinas Pekerjaan Umum dan Penataan Ruang Kota Bandung " * 2, note=note)
    used, limit = templates.sms_units(rendered.text)
    assert limit == templates.SMS_GSM7_LIMIT and used <= 160, rendered.text  # GSM-7, never a UCS-2 segment
    assert "ADU-7K3M-Q9XD" in rendered.text and "ADU-7K3M-Q9XD" in rendered.subject


def test_sms_units_count_extension_characters_twice_and_ucs2_at_70() -> None:
    assert templates.sms_units("a" * 160) == (160, 160)
    assert templates.sms_units("€" * 80) == (160, 160)
    assert not templates.fits_one_sms("€" * 81)
    assert templates.sms_units("é" * 10 + "ñ") == (11, 160)
    assert templates.sms_units("ā" * 70) == (70, 70) and not templates.fits_one_sms("ā" * 71)


def test_followed_up_asks_the_question_and_keeps_the_note_in_other_channels() -> None:
    text = templates.render("followed_up", sms=False, tracking="ADU-0000-0001", link="L", note="Sudah ditambal.",
                            answer_link="https://x/status/ADU-0000-0001?t=abc").text
    assert "Sudah ditambal." in text and "YA atau BELUM" in text and "?t=abc" in text


def test_notification_ids_are_deterministic_per_event_and_template() -> None:
    event = make.status("c1", "ditindaklanjuti", reason="Sudah ditambal").model_dump(mode="json")
    first, again = plan.for_status(event), plan.for_status(dict(event))
    assert first.notification_id == again.notification_id
    assert first.notification_id != plan.for_status({**event, "event_id": "other"}).notification_id
    assert plan.ack_id("c1") == plan.ack_id("c1") != plan.ack_id("c2")
    assert plan.status_notification_id("e", "closed") != plan.status_notification_id("e", "verified")


def test_notes_are_redacted_and_internal_reasons_never_planned() -> None:
    followed = plan.for_status(make.status("c", "ditindaklanjuti", reason="hubungi 081234567890").model_dump(mode="json"))
    assert "081234567890" not in followed.note and "[disembunyikan]" in followed.note
    rerouted = plan.for_status(make.status("c", "bukan_wewenang", unit_code="DINKES.3273",
                                           reason="internal: salah unit, pelapor rewel").model_dump(mode="json"))
    assert rerouted.template == "rerouted" and rerouted.note == ""
    assert plan.for_status(make.status("c", "ditunda", reason="x").model_dump(mode="json")) is None
    reopened = plan.for_status(make.status("c", "terdisposisi", actor="pelapor", actor_role="citizen").model_dump(mode="json"))
    assert reopened.template == "reopened"


def _record(result: str, **fields) -> NotificationRecord:
    return NotificationRecord(notification_id="n", complaint_id="c", channel="sms", provider="twilio",
                              template="ack", result=result, at=utcnow(), **fields)


def test_fold_is_the_same_in_every_order() -> None:
    own = [_record("pending"), _record("sent", provider_message_id="SM1", attempts=1)]
    receipts = [_record("sent", provider_message_id="SM1"), _record("delivered", provider_message_id="SM1"),
                _record("read", provider_message_id="SM1"), _record("failed", error="late")]
    seen = set()
    for order in itertools.permutations([(r, False) for r in own] + [(r, True) for r in receipts]):
        if [r for r, mine in order if not mine] != own:
            continue  # the notifier writes its own records in order; the receipts come whenever
        ledger = Ledger()
        for record, receipt in order:
            ledger.apply(record, receipt=receipt)
        kept = ledger.records["n"]
        seen.add((kept.result, kept.provider_message_id, kept.attempts, kept.template))
    assert seen == {("read", "SM1", 1, "ack")}  # a failed receipt after delivered is not believed
    assert fold(_record("sent"), [_record("failed", error="undelivered")]).error == "undelivered"
    assert fold(None, [_record("delivered")]).result == "delivered"
    assert fold(_record("pending"), []).result == "pending"


class Broker:
    """What a publisher wrote, as (topic, key, value), and what a compacted topic keeps of it."""

    def __init__(self) -> None:
        self.log: list[tuple[str, str, bytes]] = []

    def publish(self, topic, key, event, raw=b"") -> None:
        self.log.append((topic.name, key, event.model_dump_json().encode()))

    async def publish_async(self, topic, key, event, raw=b"") -> None:
        self.publish(topic, key, event)

    def compacted(self) -> list[tuple[str, bytes, bytes]]:
        last = {(topic, key): value for topic, key, value in self.log}
        return [(topic, key.encode(), value) for (topic, key), value in last.items()]


def test_a_receipt_before_sent_survives_compaction() -> None:
    """Meta's status webhooks arrive before the notifier has written ``sent`` (the provider answers the send
    and posts the receipts at once), ``read`` before ``delivered`` as often as not; after compaction the
    ledger a restarted notifier reads still says ``read``."""
    broker = Broker()

    class RacingWhatsApp:
        def send(self, message) -> str:
            statuses = [{"id": "wamid.1", "status": status, "biz_opaque_callback_data": message.reference,
                         "timestamp": "1715658100", "recipient_id": "6281234567890"} for status in ("read", "delivered")]
            payload = {"entry": [{"changes": [{"value": {"statuses": statuses}}]}]}
            asyncio.run(receipts._publish(broker, receipts.whatsapp_receipts(payload)))  # the receipt endpoint's path
            return "wamid.1"

    routed = make.routed(channel="social", reporter={"phone": "+6281234567890"},
                         channel_meta={"platform": "whatsapp", "author_id": "6281234567890"})
    sink = NotifierSink(Settings(), broker, {"whatsapp": RacingWhatsApp()}, Ledger())
    record = SimpleNamespace(topic=ROUTED.name, partition=0, offset=0, key=None, value=routed.model_dump_json().encode())
    assert sink.write([record], threading.Event()).pending == set()
    restarted = Ledger()
    for topic, key, value in broker.compacted():
        restarted.read(topic, key, value)
    [kept] = restarted.records.values()
    assert (kept.result, kept.template, kept.provider_message_id) == ("read", "ack", "wamid.1")


def test_destinations_answer_in_the_channel_and_thread_of_the_complaint() -> None:
    def dest(**fields):
        return plan.destination(make.routed(**fields).model_dump(mode="json"), web_sms_provider="kannel")

    sms = dest(channel="sms", reporter={"phone": "+6281234567890"}, channel_meta={"provider": "gammu"})
    assert (sms.provider, sms.address, sms.sms, sms.contact_key) == ("gammu", "+6281234567890", True,
                                                                     "sms:phone:+6281234567890")
    wa = dest(channel="social", reporter={"phone": "+6281234567890"},
              channel_meta={"platform": "whatsapp", "phone_number_id": "1065"})
    assert (wa.provider, wa.address) == ("whatsapp", "6281234567890")
    mail = dest(channel="email", reporter={"email": "budi@example.com"}, subject="Jalan rusak",
                channel_meta={"message_id": "abc@mail.example.com", "references": ["root@x"]})
    assert mail.provider == "smtp" and mail.thread["message_id"] == "abc@mail.example.com"
    assert dest(channel="social", reporter={"handle": "x:budi"}, channel_meta={"platform": "x", "author_id": "42"}).provider == "x"
    assert dest(channel="web", reporter={"phone": "+6281234567890"}).provider == "kannel"
    assert dest(channel="web", reporter={}) is None


def test_twilio_and_kannel_were_acknowledged_by_their_own_reply() -> None:
    for provider, expected in (("twilio", None), ("kannel", None), ("gammu", "ack")):
        routed = make.routed(channel="sms", reporter={"phone": "+6281234567890"}, channel_meta={"provider": provider})
        planned = plan.for_routed(routed.model_dump(mode="json"))
        assert (planned.template if planned else None) == expected


@pytest.mark.parametrize("payload, expected", [("YA", ("YA", None)), (" ya. ", ("YA", None)),
                                               ("BELUM", ("BELUM", None)), ("YA:c-1", ("YA", "c-1")),
                                               ("belum:c-2", ("BELUM", "c-2")), ("STOP", (None, None))])
def test_answers(payload, expected) -> None:
    assert parse_answer(payload) == expected


def test_public_view_shows_no_reporter_text_actor_or_internal_reason() -> None:
    secret = make.marker("rahasia")
    now = utcnow()
    for privacy in ("publik", "anonim", "rahasia"):
        doc = {**make.routed(text=f"{secret} 081234567890", privacy=privacy, reporter=make.reporter(email="b@x.id"),
                             unit_name="Dinas PU").model_dump(mode="json"),
               "routed_unit_code": make.UNIT_CODE, "status": "ditindaklanjuti",
               "sla": {"stage": "penutupan", "due_at": (now + timedelta(days=14)).isoformat(), "breached": False},
               "history": [make.status("c", "bukan_wewenang", reason=f"internal {secret}", unit_code=make.UNIT_CODE,
                                       actor="op-budi").model_dump(mode="json"),
                           {**make.status("c", "ditindaklanjuti", reason="Sudah ditambal, info 081234567890",
                                          actor="unit-x", at=now).model_dump(mode="json"),
                            "reason_redacted": "Sudah ditambal, info [disembunyikan]"}]}
        view = public_view(doc)
        shown = repr(view)
        for forbidden in (secret, "081234567890", "b@x.id", "Budi", "op-budi", "unit-x", "+6281234567890"):
            assert forbidden not in shown, (privacy, forbidden)
        assert view["sla"]["due_at"].endswith("+07:00") and view["time_zone"] == "WIB"
        notes = [h["note"] for h in view["history"] if h["note"]]
        assert notes == ([] if privacy == "rahasia" else ["Sudah ditambal, info [disembunyikan]"])


def test_a_citizen_may_only_answer_the_closure_question() -> None:
    from consumers.cases.lifecycle import TransitionRefused, check_transition

    check_transition("ditindaklanjuti", "selesai", "citizen")
    check_transition("ditindaklanjuti", "terdisposisi", "citizen")
    for current, new in (("terdisposisi", "ditindaklanjuti"), ("diterima", "selesai"), ("ditindaklanjuti", "ditunda")):
        with pytest.raises(TransitionRefused):
            check_transition(current, new, "citizen")


def test_a_restarted_notifier_waits_for_the_receipt_of_a_pending_whatsapp_message() -> None:
    """Killed between WhatsApp accepting a message and ``sent``: the restarted notifier finds ``pending``; it
    reads the event again (no send) until the status webhook's receipt settles it, and sends again only once
    ``ADUAN_NOTIFY_RECEIPT_WAIT_S`` past the pending record have gone by without one."""
    sent = []

    class WhatsApp:
        def send(self, message) -> str:
            sent.append(message.notification_id)
            return "wamid.2"

    routed = make.routed(channel="social", reporter={"phone": "+6281234567890"},
                         channel_meta={"platform": "whatsapp", "author_id": "6281234567890"})
    record = SimpleNamespace(topic=ROUTED.name, partition=0, offset=0, key=None, value=routed.model_dump_json().encode())
    for receipt_comes in (True, False):
        ledger = Ledger()
        pending = NotificationRecord(notification_id=plan.ack_id(routed.complaint_id), complaint_id=routed.complaint_id,
                                     channel="social", provider="whatsapp", template="ack", result="pending",
                                     at=utcnow() - timedelta(seconds=1))
        ledger.apply(pending)
        sink = NotifierSink(Settings(notify_receipt_wait_s=1.5), Broker(), {"whatsapp": WhatsApp()}, ledger)
        assert sink.write([record], threading.Event()).pending == {0} and sent == []
        if receipt_comes:
            ledger.apply(pending.model_copy(update={"result": "sent", "provider_message_id": "wamid.1"}), receipt=True)
            assert sink.write([record], threading.Event()).pending == set() and sent == []
        else:
            ledger.apply(pending.model_copy(update={"at": utcnow() - timedelta(seconds=2)}))  # the wait is over
            assert sink.write([record], threading.Event()).pending == set() and sent == [pending.notification_id]


@pytest.fixture(scope="module")
def peers():
    running = RunningPeers().start()
    yield running
    running.stop()


@pytest.mark.parametrize("provider", ["twilio", "x"])
def test_a_provider_finds_a_message_it_accepted_in_what_it_lists(tmp_path, provider, peers) -> None:
    """What a restarted notifier asks Twilio (Messages list) and X (the conversation's DM events), of the
    stand-ins speaking their documented shapes: the message to that citizen with that text since the pending
    record, unless another notification has its id."""
    client = http_client(Settings())
    try:
        settings = Settings(**peers.settings(tmp_path))
        sender = Twilio(settings, client, "") if provider == "twilio" else XDirect(settings, client)
        address = f"+62812{uuid.uuid4().int % 10**7:07d}" if provider == "twilio" else str(uuid.uuid4().int % 10**9)

        def to(who: str, text: str = "Aduan ADU-0000-0001 diverifikasi.") -> Message:
            return Message(notification_id="n", reference="n|c|ack", subject="s", text=text,
                           destination=plan.Destination(provider, who, f"k:{who}", sms=True, medium="sms"))

        message, before = to(address), utcnow()
        assert sender.find(message, before, set()) is None  # nothing sent yet: send
        sent = sender.send(message)
        sender.send(to(address, "Aduan ADU-0000-0002 diverifikasi."))
        assert sent and sender.find(message, before, set()) == sent
        assert sender.find(message, before, {sent}) is None  # that id is another notification's
        assert sender.find(message, before + timedelta(minutes=5), set()) is None  # older than the pending record
        assert sender.find(to("+6289999999999" if provider == "twilio" else "4343"), before, set()) is None
    finally:
        client.close()
