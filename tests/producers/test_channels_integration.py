"""Every webhook channel from its real wire format through the real broker to its raw topic."""

import uuid

import pytest
from fastapi.testclient import TestClient
from prometheus_client import REGISTRY

from aduan.api import create_app
from aduan.core.connections import Connections
from consumers.notify.ledger import Ledger
from aduan.provider_client import ProviderClient
from schemas.events import Complaint
from schemas.ids import notification_reference
from schemas.topics import RAW
from tests.channels import CREDENTIALS, with_channel_credentials
from tests.producers.test_web import end_offsets
from tests.servers import read_topic

pytestmark = pytest.mark.integration


@pytest.fixture
def http(settings):
    with TestClient(create_app(with_channel_credentials(settings))) as client:
        yield client


@pytest.fixture
def provider(http):
    return ProviderClient(http, "http://testserver", CREDENTIALS)


def raw_complaints(bootstrap: str, channel: str, provider_ids: set[str]) -> dict[str, Complaint]:
    def found(records):
        return {Complaint.model_validate_json(r.value).provider_message_id for r in records} >= provider_ids

    records = read_topic(bootstrap, RAW[channel].name, until=found)
    complaints = [Complaint.model_validate_json(r.value) for r in records]
    return {c.provider_message_id: c for c in complaints if c.provider_message_id in provider_ids}


def test_sms_dialects_reach_the_raw_topic(provider, servers):
    twilio = provider.twilio("+6281234500001", "Lampu PJU di Jl. Merdeka mati sdh seminggu")
    kannel = provider.kannel("6285700000002", "jln rusak parah di ds Sukamaju kec Cibiru")
    gammu = provider.gammu("085700000003", "Air PDAM tdk ngalir 3 hari")
    assert (twilio.status_code, kannel.status_code, gammu.status_code) == (200, 200, 200)
    assert "ADU-" in twilio.body and "<Response>" in twilio.body and "ADU-" in kannel.body
    ids = {twilio.message_id, f"kannel:{kannel.message_id}"}
    got = raw_complaints(servers.kafka, "sms", ids)
    assert got[twilio.message_id].reporter.phone == "+6281234500001"
    assert got[f"kannel:{kannel.message_id}"].reporter.phone == "+6285700000002"  # leading 62 is the country code
    gammu_hits = [c for c in _all(servers.kafka, "sms") if c.text == "Air PDAM tdk ngalir 3 hari"]
    assert gammu_hits and gammu_hits[0].reporter.phone == "+6285700000003"


def test_social_platforms_reach_the_raw_topic(provider, servers):
    comment = provider.facebook_comment("Siti Rahmawati", "Jembatan di Jl. Sudirman pagarnya patah")
    whatsapp = provider.whatsapp("+6281398765432", "Agus", "Pelayanan KTP di Kecamatan Cempaka Putih lambat")
    tweet = provider.tweet("warga_klender", "Air PDAM di Perumnas Klender mati total #airmati")
    dm = provider.x_direct_message("1500000000000000042", "rinakartika_", "Pungli parkir di Pasar Induk")
    assert [s.status_code for s in (comment, whatsapp, tweet, dm)] == [200, 200, 200, 200]
    texts = {c.text for c in _all(servers.kafka, "social", until_texts={
        "Jembatan di Jl. Sudirman pagarnya patah", "Pelayanan KTP di Kecamatan Cempaka Putih lambat",
        "Pungli parkir di Pasar Induk"})}
    assert {"Jembatan di Jl. Sudirman pagarnya patah", "Pelayanan KTP di Kecamatan Cempaka Putih lambat",
            "Pungli parkir di Pasar Induk"} <= texts
    assert any("Perumnas Klender" in t for t in texts)


def test_forged_and_missing_signatures_are_refused_counted_and_never_published(http, servers):
    forged = ProviderClient(http, "http://testserver", CREDENTIALS.__class__(
        twilio_auth_token="wrong", sms_gateway_secret="wrong", meta_app_secret="wrong", x_consumer_secret="wrong"))
    before = {channel: end_offsets(servers.kafka, RAW[channel].name) for channel in ("sms", "social")}
    rejected_before = _counter("aduan_intake_rejected_total")
    answers = [forged.twilio("+6281234500009", "palsu").status_code,
               forged.kannel("6281234500009", "palsu").status_code,
               forged.gammu("081234500009", "palsu").status_code,
               forged.facebook_comment("X", "palsu").status_code,
               forged.tweet("palsu", "palsu").status_code,
               http.post("/v1/social/meta", json={"object": "page", "entry": []}).status_code,
               http.post("/v1/social/x", json={"for_user_id": "1"}).status_code,
               http.post("/v1/sms/twilio", data={"From": "+62812", "Body": "x", "MessageSid": "SMx"}).status_code]
    assert answers[:5] == [403] * 5 and answers[5:] == [401] * 3
    assert _counter("aduan_intake_rejected_total") - rejected_before == len(answers)
    assert {channel: end_offsets(servers.kafka, RAW[channel].name) for channel in ("sms", "social")} == before


def test_whatsapp_receipts_at_the_meta_webhook_reach_the_notifiers_ledger(provider, settings):
    """One webhook URL per WhatsApp Business account: the statuses of the notifier's messages come to the
    producers' Meta webhook, and the notifier's ledger (read from the broker as a restarted notifier reads it)
    knows them, in whatever order they came, before or without the notifier's own record."""
    notification, complaint = str(uuid.uuid4()), str(uuid.uuid4())
    reference = notification_reference(notification, complaint, "followed_up")
    for status in ("read", "delivered", "sent"):  # Meta does not promise their order
        sent = provider.whatsapp_status("+6281398765432", "wamid.receipt", status, reference)
        assert (sent.status_code, sent.body) == (200, '{"accepted":0,"dead_lettered":0,"ignored":0,"recorded":1}')
    assert provider.whatsapp_status("+6281398765432", "wamid.other", "read").body.count('"ignored":1')
    ledger = Ledger(Connections(settings).reader(f"receipts-{notification[:8]}"))
    try:
        ledger.catch_up(to_end=True)
    finally:
        ledger.close()
    kept = ledger.records[notification]
    assert (kept.result, kept.complaint_id, kept.template, kept.provider_message_id) == (
        "read", complaint, "followed_up", "wamid.receipt")
    assert ledger.done(notification) and ledger.by_provider_id["wamid.receipt"] == complaint


def test_subscription_handshakes(http):
    meta = http.get("/v1/social/meta", params={"hub.mode": "subscribe", "hub.verify_token": "meta-verify-test",
                                               "hub.challenge": "1158201444"})
    assert meta.status_code == 200 and meta.text == "1158201444"
    crc = http.get("/v1/social/x", params={"crc_token": "abc123"})
    assert crc.status_code == 200 and crc.json()["response_token"].startswith("sha256=")


def _all(bootstrap: str, channel: str, until_texts: set[str] | None = None) -> list[Complaint]:
    def found(records):
        texts = {Complaint.model_validate_json(r.value).text for r in records}
        return all(any(t in x for x in texts) for t in until_texts)

    # Without texts to wait for: everything up to the topic's current end.
    records = read_topic(bootstrap, RAW[channel].name, until=found if until_texts else None, timeout_s=30)
    return [Complaint.model_validate_json(r.value) for r in records]


def _counter(name: str) -> float:
    return sum(sample.value for metric in REGISTRY.collect() for sample in metric.samples
               if sample.name == name)
