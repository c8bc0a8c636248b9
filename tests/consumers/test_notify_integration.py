"""The notifier through the real emulator and real provider stand-ins (tests/notify_peers.py): one message
per event in each channel, none again after a restart, opt-outs, retries, and YA turned into selesai."""

from __future__ import annotations

import threading
import time
import uuid
from email.message import EmailMessage

import pytest

from aduan.core.connections import Connections, Publisher
from aduan.core.settings import Settings
from consumers.notify.ledger import Ledger
from consumers.notify.notifier import SOURCES, http_client, notifier
from consumers.notify.providers import senders
from producers.email_parse import parse_email
from schemas.events import CitizenAnswer, ContactPreference, NotificationRecord, StatusEvent, utcnow
from schemas.topics import ANSWERS, NOTIFICATIONS, PREFERENCES, ROUTED, STATUS
from tests import factories as make
from tests.notify_peers import RunningPeers
from tests.servers import read_topic
from tests.workers import start_at_end

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def peers():
    running = RunningPeers().start()
    yield running
    running.stop()


def _notifier(settings: Settings, peers: RunningPeers, group: str):
    connections = Connections(settings)
    ledger = Ledger(connections.reader(f"{group}-ledger"))
    ledger.catch_up(to_end=True)
    consumer = connections.consumer(*SOURCES, group=group, max_poll_records=200)
    client = http_client(settings)
    runtime = notifier(consumer, settings, connections.publisher(group), connections.publisher(f"{group}-dl"),
                       senders(settings, client, "https://lapor.kota.go.id/v1/notify/twilio/status"), ledger)
    return runtime, client


def _run_until(runtime, done, timeout_s: float = 30.0) -> None:
    stop = threading.Event()
    deadline = time.monotonic() + timeout_s
    while not done() and time.monotonic() < deadline:
        runtime.run_once(stop)
    assert done(), f"the notifier did not get there in time: {runtime.stats}"


def test_one_message_per_event_in_each_channel_and_none_after_a_restart(servers, tmp_path, peers) -> None:
    settings = Settings(kafka_bootstrap=servers.kafka, elasticsearch_url=servers.elasticsearch, data_dir=tmp_path,
                        kafka_timeout_s=5, instance_id=uuid.uuid4().hex[:8], **peers.settings(tmp_path))
    group = f"notify-{uuid.uuid4().hex[:6]}"
    for g in (group, f"{group}-again"):
        start_at_end(servers.kafka, g, [spec.name for spec in SOURCES])
    phone = "+62812" + str(uuid.uuid4().int)[:7]
    x_user = str(uuid.uuid4().int)[:12]
    cases = {
        "gammu": make.routed(channel="sms", reporter={"phone": phone}, channel_meta={"provider": "gammu"}),
        "twilio": make.routed(channel="sms", reporter={"phone": phone}, channel_meta={"provider": "twilio"}),
        "whatsapp": make.routed(channel="social", reporter={"phone": phone},
                                channel_meta={"platform": "whatsapp", "author_id": phone}),
        "messenger": make.routed(channel="social", reporter={"handle": "messenger:77"},
                                 channel_meta={"platform": "messenger", "author_id": "77"}),
        "x": make.routed(channel="social", reporter={"handle": f"x:{x_user}"},
                         channel_meta={"platform": "x", "kind": "dm", "author_id": x_user}),
        "smtp": make.routed(channel="email", reporter={"email": "budi@example.com"}, subject="Jalan rusak",
                            channel_meta={"message_id": "asli-1@mail.example.com"}),
        "kannel": make.routed(channel="web", reporter={"phone": phone}),
    }
    publisher = Publisher(servers.kafka)
    # The X reporter opted out: acknowledged, then nothing more.
    publisher.publish(PREFERENCES, f"social:handle:x:{x_user}",
                      ContactPreference(contact_key=f"social:handle:x:{x_user}", channel="social", opted_out=True,
                                        keyword="STOP", source="keyword", at=utcnow()))
    note = "Lubang sudah ditambal; info lanjut 081299998888."
    followups = {}
    for name, routed in cases.items():
        publisher.publish(ROUTED, routed.complaint_id, routed)
        followups[name] = make.status(routed.complaint_id, "ditindaklanjuti", reason=note, actor="unit-a",
                                      actor_role="unit")
        publisher.publish(STATUS, routed.complaint_id, followups[name])
    peers.peers.fail_next["twilio"] = 2  # two 503s first: retried with backoff
    base = len(peers.peers.received)
    settings_web = settings.model_copy(update={"notify_web_sms_provider": "kannel"})
    runtime, client = _notifier(settings_web, peers, group)
    # acks: all but twilio (its TwiML acknowledged); follow-ups: all but the opted-out X reporter;
    # gammu's two are in its outbox, not at the HTTP/SMTP peers.
    expected = 6 + 6 - 2
    try:
        _run_until(runtime, lambda: len(peers.peers.received) - base >= expected)
        time.sleep(0.5)
        runtime.run_once()
        got = peers.peers.received[base:]
        assert len(got) == expected, [(r.provider, r.text[:40]) for r in got]
        by = {p: [r for r in got if r.provider == p] for p in ("twilio", "kannel", "whatsapp", "messenger", "x", "smtp")}
        assert [len(by[p]) for p in by] == [1, 2, 2, 2, 1, 2]
        assert all("081299998888" not in r.text for r in got)  # the note is redacted
        twilio = by["twilio"][0]
        assert twilio.body["To"] == phone and "YA atau BELUM" in twilio.text and len(twilio.text) <= 160
        assert "ref=" in twilio.body["StatusCallback"]
        question = next(r for r in by["whatsapp"] if r.body["type"] == "interactive")
        assert [b["reply"]["id"] for b in question.body["interactive"]["action"]["buttons"]] == [
            f"YA:{cases['whatsapp'].complaint_id}", f"BELUM:{cases['whatsapp'].complaint_id}"]
        assert any("quick_replies" in r.body["message"] for r in by["messenger"])
        mail = by["smtp"][-1].body
        assert mail["in-reply-to"] == "<asli-1@mail.example.com>" and cases["smtp"].tracking_number in mail["subject"]
        assert mail["from"].endswith("<pengaduan@kota.go.id>")
        outbox = (tmp_path / "gammu-outbox.jsonl").read_text().splitlines()
        assert len(outbox) == 2 and outbox[0].startswith(f"TEXT {phone} -len")
        records = read_topic(servers.kafka, NOTIFICATIONS.name)
        mine = {}
        for r in records:
            rec = NotificationRecord.model_validate_json(r.value)
            if rec.complaint_id in {c.complaint_id for c in cases.values()}:
                mine.setdefault(rec.notification_id, []).append(rec.result)
        assert sorted(v[-1] for v in mine.values()).count("sent") == expected + 2
        assert ["skipped_opted_out"] in mine.values()
        assert all(v[0] in ("pending", "skipped_opted_out") for v in mine.values())  # pending before every send
    finally:
        runtime.close()
        client.close()

    # A restarted notifier (fresh ledger and group, the same events again) sends nothing twice.
    again, client = _notifier(settings_web, peers, f"{group}-again")
    try:
        before = len(peers.peers.received)
        stop = threading.Event()
        for _ in range(6):
            again.run_once(stop)
        assert again.stats.records >= 2 * len(cases) and len(peers.peers.received) == before

        # The citizen answers YA by SMS (as the SMS producer publishes it): selesai by "pelapor", and thanks.
        answer = CitizenAnswer(answer_id=uuid.uuid4().hex, contact_key=f"sms:phone:{phone}", channel="sms",
                               provider_message_id=uuid.uuid4().hex, reporter={"phone": phone}, kind="keyword",
                               payload="YA", complaint_id=cases["gammu"].complaint_id, received_at=utcnow())
        publisher.publish(ANSWERS, answer.contact_key, answer)
        publisher.publish(ANSWERS, answer.contact_key, answer)  # redelivered: one status event
        outbox = tmp_path / "gammu-outbox.jsonl"
        _run_until(again, lambda: len(outbox.read_text().splitlines()) == 3)
        closing = [StatusEvent.model_validate_json(r.value) for r in read_topic(servers.kafka, STATUS.name)]
        closing = [e for e in closing if e.complaint_id == cases["gammu"].complaint_id and e.status == "selesai"]
        assert len({e.event_id for e in closing}) == 1
        assert (closing[0].actor, closing[0].actor_role) == ("pelapor", "citizen")
        assert "selesai" in outbox.read_text().splitlines()[-1] and len(peers.peers.received) == before

        # The e-mail reporter answers the closure question by replying "Belum" to the mail it received:
        # the mail poller's parser makes it an answer, and the complaint goes back to the unit.
        question = peers.peers.of("smtp")[-1].body
        reply = EmailMessage()
        reply["From"], reply["To"] = "Budi <budi@example.com>", question["from"]
        reply["Subject"], reply["Message-ID"] = f"Re: {question['subject']}", f"<{uuid.uuid4().hex}@example.com>"
        reply["In-Reply-To"] = question["message-id"]
        reply.set_content("Belum\nJalannya masih berlubang.\n\n> Apakah masalah Anda sudah selesai?")
        parsed = parse_email(reply.as_bytes())
        assert parsed.complaint is None and parsed.answer.kind == "email_reply"
        publisher.publish(ANSWERS, parsed.answer.contact_key, parsed.answer)

        def reopened() -> list[StatusEvent]:
            events = [StatusEvent.model_validate_json(r.value) for r in read_topic(servers.kafka, STATUS.name)]
            return [e for e in events if e.complaint_id == cases["smtp"].complaint_id and e.status == "terdisposisi"]

        _run_until(again, lambda: bool(reopened()))
        [back] = reopened()
        assert (back.actor_role, back.reason.splitlines()[0]) == ("citizen", "Belum")
    finally:
        again.close()
        client.close()
        publisher.close()


def test_after_a_restart_an_sms_answer_finds_its_open_question_in_the_index(servers) -> None:
    from elasticsearch import Elasticsearch

    from consumers.cases.document import fold
    from consumers.notify.notifier import elasticsearch_open_question
    from consumers.sinks.index import ensure_index

    es = Elasticsearch(servers.elasticsearch)
    alias = f"test-notify-{uuid.uuid4().hex[:8]}"
    ensure_index(es, alias)
    phone = "+62813" + str(uuid.uuid4().int)[:7]
    asked = make.routed(channel="sms", reporter={"phone": phone})
    closed = make.routed(channel="sms", reporter={"phone": phone})
    for routed, steps in ((asked, ["ditindaklanjuti"]), (closed, ["ditindaklanjuti", "selesai"])):
        events = [routed, *(make.status(routed.complaint_id, s) for s in steps)]
        es.index(index=alias, id=routed.complaint_id, document=fold(None, events, utcnow()).doc, refresh=True)
    find = elasticsearch_open_question(es, alias)
    assert find({"phone": phone}) == asked.complaint_id
    assert find({"phone": "+6281300000000"}) is None
    es.close()
