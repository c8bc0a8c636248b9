"""SMS channel: Twilio, Kannel and Gammu parsing, multipart joining, and the HTTP answers (fake intake)."""

from __future__ import annotations

import asyncio
import json
import time
from pathlib import Path
from urllib.parse import parse_qsl, urlencode

import pytest

from tests.producers.fakes import FakeIntake
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import given, settings
from hypothesis import strategies as st

from aduan.core.settings import Settings
from producers import sms
from producers.sms.common import (EMPTY_REPLY, GATEWAY_SECRET_HEADER, MAX_SMS_BYTES, InvalidSms, accepted_reply,
                                  query_bytes, sender_phone)
from producers.sms.gammu import gammu_complaint
from producers.sms.kannel import decode_sms_text, kannel_message, sweep_expired_parts
from producers.sms.parts import Concat, Part, PartStore, concat_from_udh, group_key
from producers.sms.twilio import twilio_complaint
from producers.intake import Rejected
from producers.signatures import twilio_signature
from schemas.ids import complaint_id

SAMPLES = Path(__file__).parent / "samples"
TOKEN = "twilio-test-token"
GATEWAY_SECRET = "gateway-test-secret"


def sample(name: str) -> str:
    return (SAMPLES / name).read_text("utf-8")


@pytest.fixture
def client(intake: FakeIntake, tmp_path: Path) -> TestClient:
    app = FastAPI()
    app.include_router(sms.router)
    app.state.intake = intake
    app.state.settings = Settings(twilio_auth_token=TOKEN, sms_gateway_secret=GATEWAY_SECRET, data_dir=tmp_path)
    app.state.sms_part_store = PartStore(tmp_path / "parts")
    return TestClient(app)


# --- Twilio: parsing -------------------------------------------------------------------------------

def twilio_params() -> list[tuple[str, str]]:
    return parse_qsl(sample("twilio_incoming.form"), keep_blank_values=True)


def test_twilio_sample_becomes_a_complaint():
    complaint = twilio_complaint(twilio_params())
    assert complaint.channel == "sms"
    assert complaint.provider_message_id == "SM8f2c1e0b5a6d4e3f9a7b1c2d3e4f5a6b"
    assert complaint.complaint_id == complaint_id("sms", "SM8f2c1e0b5a6d4e3f9a7b1c2d3e4f5a6b")
    assert complaint.reporter.phone == "+6281234567890"
    assert complaint.text.startswith("Lampu jalan di Jl. Merdeka No. 12 RT 03/RW 05")
    assert complaint.channel_meta["num_segments"] == 2
    assert complaint.channel_meta["provider"] == "twilio"
    assert complaint.channel_meta["to"] == "+6281100001111"


def test_twilio_redelivery_maps_to_the_same_complaint():
    assert twilio_complaint(twilio_params()).complaint_id == twilio_complaint(twilio_params()).complaint_id


def test_twilio_empty_body_is_invalid_with_a_reply():
    params = [(k, "  " if k == "Body" else v) for k, v in twilio_params()]
    with pytest.raises(InvalidSms) as caught:
        twilio_complaint(params)
    assert caught.value.reply == EMPTY_REPLY


def test_twilio_alphanumeric_sender_is_invalid():
    params = [(k, "TELKOMSEL" if k == "From" else v) for k, v in twilio_params()]
    with pytest.raises(InvalidSms, match="not a phone number"):
        twilio_complaint(params)


def test_twilio_without_message_sid_is_rejected():
    params = [(k, v) for k, v in twilio_params() if "Sid" not in k]
    with pytest.raises(Rejected) as caught:
        twilio_complaint(params)
    assert caught.value.status_code == 400


def test_twilio_whatsapp_sender_prefix():
    params = [(k, "whatsapp:+6281234567890" if k == "From" else v) for k, v in twilio_params()]
    complaint = twilio_complaint(params)
    assert complaint.reporter.phone == "+6281234567890"
    assert complaint.channel_meta["medium"] == "whatsapp"


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["MessageSid", "From", "Body", "NumSegments", "NumMedia", "MediaUrl0",
                                           "To", "X"]), st.text(max_size=40)), max_size=8))
def test_twilio_parser_never_crashes(params):
    try:
        complaint = twilio_complaint(params)
    except (Rejected, InvalidSms):
        return
    assert complaint.text and complaint.reporter.phone.startswith("+")


# --- Twilio: HTTP ----------------------------------------------------------------------------------

def post_twilio(client: TestClient, body: str, signature: str | None, url: str = "http://testserver/v1/sms/twilio"):
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    if signature is not None:
        headers["X-Twilio-Signature"] = signature
    return client.post(url.replace("http://testserver", ""), content=body.encode(), headers=headers)


def signed(body: str, url: str = "http://testserver/v1/sms/twilio", token: str = TOKEN) -> str:
    return twilio_signature(token, url, parse_qsl(body, keep_blank_values=True))


def test_twilio_webhook_answers_twiml_after_acceptance(client, intake):
    body = sample("twilio_incoming.form")
    response = post_twilio(client, body, signed(body))
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/xml")
    complaint, raw = intake.accepted[0]
    assert raw == body.encode()
    assert f"<Response><Message>Aduan Anda diterima. Nomor pelacakan: {complaint.tracking_number}" in response.text


def test_twilio_missing_signature_is_401_and_nothing_published(client, intake):
    response = post_twilio(client, sample("twilio_incoming.form"), None)
    assert response.status_code == 401
    assert intake.accepted == [] and intake.dead == []


def test_twilio_forged_signature_is_403_and_nothing_published(client, intake):
    body = sample("twilio_incoming.form")
    response = post_twilio(client, body, signed(body, token="not-the-token"))
    assert response.status_code == 403
    assert response.json()["error"] == "invalid_signature"
    assert intake.accepted == [] and intake.dead == []


def test_twilio_tampered_body_is_403(client, intake):
    body = sample("twilio_incoming.form")
    response = post_twilio(client, body.replace("Lampu", "Lampa"), signed(body))
    assert response.status_code == 403
    assert intake.accepted == []


def test_twilio_without_configured_token_refuses_everything(client, intake):
    client.app.state.settings = Settings(twilio_auth_token="")
    body = sample("twilio_incoming.form")
    response = post_twilio(client, body, signed(body, token=""))
    assert response.status_code == 403
    assert response.json()["error"] == "channel_not_configured"
    assert intake.accepted == []


def test_twilio_signature_over_public_base_url(client, intake):
    client.app.state.settings = Settings(twilio_auth_token=TOKEN, public_base_url="https://aduan.example.go.id/")
    body = sample("twilio_incoming.form")
    assert post_twilio(client, body, signed(body)).status_code == 403  # signed over the internal URL
    response = post_twilio(client, body, signed(body, url="https://aduan.example.go.id/v1/sms/twilio"))
    assert response.status_code == 200


def test_twilio_empty_message_is_dead_lettered_and_answered_200(client, intake):
    body = urlencode([(k, "" if k == "Body" else v) for k, v in twilio_params()])
    response = post_twilio(client, body, signed(body))
    assert response.status_code == 200
    assert EMPTY_REPLY in response.text
    assert intake.accepted == []
    assert intake.dead[0][0] == "sms" and intake.dead[0][2] == "empty message text"
    assert intake.dead[0][3] == "producers.sms"


def test_twilio_broker_down_is_503_with_retry_after(client, intake):
    intake.fail = True
    body = sample("twilio_incoming.form")
    response = post_twilio(client, body, signed(body))
    assert response.status_code == 503
    assert response.headers["Retry-After"]


def test_twilio_json_is_refused(client, intake):
    response = client.post("/v1/sms/twilio", json={"Body": "x"}, headers={"X-Twilio-Signature": "x"})
    assert response.status_code == 415


def test_twilio_oversized_body_is_413(client, intake):
    body = "Body=" + "a" * (MAX_SMS_BYTES + 1)
    assert post_twilio(client, body, "sig").status_code == 413


# --- gateway text and UDH --------------------------------------------------------------------------

def test_decode_sms_text():
    assert decode_sms_text("Jalan rusak".encode("utf-16-be"), "UTF-16BE") == "Jalan rusak"
    assert decode_sms_text("Jalan rusak".encode("utf-16-be"), "", coding="2") == "Jalan rusak"
    assert decode_sms_text("Café".encode("latin-1"), "ISO-8859-1") == "Café"
    assert decode_sms_text("Café".encode("utf-8")) == "Café"
    assert decode_sms_text(b"caf\xe9") == "café"  # not UTF-8: read as ISO-8859-1
    with pytest.raises(InvalidSms):
        decode_sms_text(b"\x00", "UTF-16BE")


def test_concat_from_udh():
    assert concat_from_udh(bytes.fromhex("050003A70201")) == Concat(0xA7, 2, 1)
    assert concat_from_udh(bytes.fromhex("06080401020302")) == Concat(0x0102, 3, 2)
    # another IE (port addressing) before the concatenation IE
    assert concat_from_udh(bytes.fromhex("0B05040B8423F00003A70202")) == Concat(0xA7, 2, 2)
    assert concat_from_udh(b"") is None
    assert concat_from_udh(bytes.fromhex("050003A70203")) is None  # part 3 of 2
    assert concat_from_udh(bytes.fromhex("0500")) is None


@given(st.binary(max_size=40))
def test_concat_from_udh_never_crashes(udh):
    result = concat_from_udh(udh)
    assert result is None or 1 <= result.sequence <= result.total


def test_query_bytes_keeps_raw_bytes():
    params = query_bytes("text=Jalan+rusak&udh=%05%00%03%A7%02%01&secret=s")
    assert params["text"] == b"Jalan rusak"
    assert params["udh"] == bytes.fromhex("050003A70201")


def test_kannel_get_url_sample():
    message = kannel_message(query_bytes(sample("kannel_get_url.query")), {}, None)
    assert message.sender == "+6281234567890"
    assert message.message_id == "3f1c9a52-7d0e-4b8a-9e21-5c6d7e8f9a0b"
    assert message.smsc == "telkomsel"
    assert decode_sms_text(message.text, message.charset).startswith("Jalan berlubang di depan SDN 3")


def test_kannel_post_url_headers_and_body():
    headers = {"X-Kannel-From": "081234567890", "X-Kannel-To": "1708", "X-Kannel-UDH": "050003A70201",
               "X-Kannel-Time": "2024-05-14 09:02"}
    text = "Got ramai".encode("utf-16-be")
    message = kannel_message({}, headers, text, "text/plain; charset=UTF-16BE")
    assert message.udh == bytes.fromhex("050003A70201")
    assert decode_sms_text(message.text, message.charset, message.coding) == "Got ramai"
    assert sender_phone(message.sender) == "+6281234567890"


def test_kannel_without_sender_is_rejected():
    with pytest.raises(Rejected):
        kannel_message(query_bytes("text=halo"), {}, None)


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(st.sampled_from(["from", "to", "text", "udh", "coding", "charset", "id", "time"]),
                       st.binary(max_size=30), max_size=8))
def test_kannel_parser_never_crashes(params):
    try:
        message = kannel_message(params, {}, None)
        phone = sender_phone(message.sender)
        text = decode_sms_text(message.text, message.charset, message.coding)
    except (Rejected, InvalidSms):
        return
    assert isinstance(phone, str) and phone and isinstance(text, str)


# --- Kannel: HTTP ----------------------------------------------------------------------------------

def kannel(client: TestClient, query: str, secret: str | None = GATEWAY_SECRET, header: bool = False):
    headers = {}
    if secret is not None and header:
        headers[GATEWAY_SECRET_HEADER] = secret
    elif secret is not None:
        query = f"secret={secret}&{query}"
    return client.get(f"/v1/sms/kannel?{query}", headers=headers)


def test_kannel_get_is_answered_with_the_reply_text(client, intake):
    response = kannel(client, sample("kannel_get_url.query"))
    assert response.status_code == 200
    complaint, raw = intake.accepted[0]
    assert response.text == accepted_reply(complaint.tracking_number)
    assert complaint.provider_message_id == "kannel:3f1c9a52-7d0e-4b8a-9e21-5c6d7e8f9a0b"
    assert complaint.reporter.phone == "+6281234567890"
    assert complaint.channel_meta["smsc"] == "telkomsel"
    assert GATEWAY_SECRET.encode() not in raw


def test_kannel_secret_in_header(client, intake):
    assert kannel(client, sample("kannel_get_url.query"), header=True).status_code == 200


def test_kannel_secret_missing_wrong_or_unconfigured(client, intake):
    assert kannel(client, sample("kannel_get_url.query"), secret=None).status_code == 401
    assert kannel(client, sample("kannel_get_url.query"), secret="wrong").status_code == 403
    client.app.state.settings = Settings(sms_gateway_secret="")
    assert kannel(client, sample("kannel_get_url.query"), secret="").status_code == 401
    assert kannel(client, sample("kannel_get_url.query"), secret="anything").status_code == 403
    assert intake.accepted == [] and intake.dead == []


def test_kannel_without_message_id_hashes_a_stable_id(client, intake):
    query = "&".join(p for p in sample("kannel_get_url.query").split("&") if not p.startswith("id="))
    kannel(client, query)
    kannel(client, query)
    first, second = intake.accepted[0][0], intake.accepted[1][0]
    assert first.provider_message_id.startswith("kannel:") and first.complaint_id == second.complaint_id


def test_kannel_alphanumeric_sender_is_dead_lettered(client, intake):
    query = sample("kannel_get_url.query").replace("from=%2B6281234567890", "from=INFO")
    response = kannel(client, query)
    assert response.status_code == 200 and response.text == ""
    assert intake.accepted == [] and len(intake.dead) == 1


def test_kannel_post_url(client, intake):
    response = client.post(f"/v1/sms/kannel?secret={GATEWAY_SECRET}&id=abc",
                           content="Banjir di Kampung Pulo".encode("utf-16-be"),
                           headers={"Content-Type": "text/plain; charset=UTF-16BE", "X-Kannel-From": "6281234567890",
                                    "X-Kannel-To": "1708"})
    assert response.status_code == 200
    complaint = intake.accepted[0][0]
    assert complaint.text == "Banjir di Kampung Pulo" and complaint.provider_message_id == "kannel:abc"


def test_kannel_multipart_is_joined_before_publishing(client, intake):
    first = kannel(client, sample("kannel_concat_part1.query"))
    assert first.status_code == 202 and first.text == ""
    assert intake.accepted == []
    second = kannel(client, sample("kannel_concat_part2.query"))
    assert second.status_code == 200
    [(complaint, raw)] = intake.accepted
    assert complaint.text == ("Sampah menumpuk di TPS Pasar Baru sudah tiga hari tidak diangkut, baunya menyengat "
                              "sampai ke rumah warga. Mohon Dinas Lingkungan Hidup segera menindaklanjuti.")
    assert complaint.channel_meta["concatenated"] is True and complaint.channel_meta["parts_total"] == 2
    assert "incomplete" not in complaint.channel_meta
    assert second.text == accepted_reply(complaint.tracking_number)
    # a redelivered part of a published message starts nothing new
    assert kannel(client, sample("kannel_concat_part2.query")).status_code == 202
    assert len(intake.accepted) == 1


def test_kannel_multipart_in_any_order_gives_the_same_complaint(client, intake, tmp_path):
    kannel(client, sample("kannel_concat_part2.query"))
    kannel(client, sample("kannel_concat_part1.query"))
    other = FakeIntake()
    app2 = FastAPI()
    app2.include_router(sms.router)
    app2.state.intake, app2.state.settings = other, client.app.state.settings
    app2.state.sms_part_store = PartStore(tmp_path / "other-parts")
    client2 = TestClient(app2)
    kannel(client2, sample("kannel_concat_part1.query"))
    kannel(client2, sample("kannel_concat_part2.query"))
    assert intake.accepted[0][0].complaint_id == other.accepted[0][0].complaint_id


def test_kannel_multipart_broker_down_keeps_parts_for_the_retry(client, intake):
    kannel(client, sample("kannel_concat_part1.query"))
    intake.fail = True
    assert kannel(client, sample("kannel_concat_part2.query")).status_code == 503
    intake.fail = False
    assert kannel(client, sample("kannel_concat_part2.query")).status_code == 200
    assert len(intake.accepted) == 1


def test_expired_incomplete_group_is_published_marked_incomplete(tmp_path):
    store = PartStore(tmp_path, ttl_s=60)
    concat = Concat(7, 3, 1)
    key = group_key("+6281234567890", "1708", "", concat)
    store.add(key, 3, Part(1, "Pohon tumbang di Jl. Diponegoro ", None, {"phone": "+6281234567890", "raw": "q1",
                                                                          "meta": {"provider": "kannel"}}))
    store.add(key, 3, Part(3, "mohon dievakuasi.", None, {"phone": "+6281234567890", "raw": "q3", "meta": {}}))
    fake = FakeIntake()
    assert asyncio.run(sweep_expired_parts(store, fake, now=time.time())) == 0  # not expired yet
    assert asyncio.run(sweep_expired_parts(store, fake, now=time.time() + 120)) == 1
    [(complaint, raw)] = fake.accepted
    assert complaint.text == "Pohon tumbang di Jl. Diponegoro […] mohon dievakuasi."
    assert complaint.channel_meta["incomplete"] is True and complaint.channel_meta["parts_missing"] == [2]
    assert store.expired(now=time.time() + 120) == []


def test_part_store_survives_a_new_instance(tmp_path):
    concat = Concat(1, 2, 1)
    key = group_key("+62811", "", "", concat)
    PartStore(tmp_path).add(key, 2, Part(1, "a"))
    group = PartStore(tmp_path).add(key, 2, Part(2, "b"))
    assert group.complete and group.joined_text() == "ab"


# --- Gammu -----------------------------------------------------------------------------------------

def test_gammu_sample_uses_the_decoded_long_text():
    complaint = gammu_complaint(json.loads(sample("gammu_run_on_receive.json")))
    assert complaint.text.endswith("Sudah lapor ke kelurahan tapi belum ada tindakan.")
    assert complaint.provider_message_id == "gammu:modem-diskominfo:1423 1424"
    assert complaint.reporter.phone == "+6285712345678"
    assert complaint.channel_meta["sms_messages"] == 2


def test_gammu_without_decoded_text_concatenates_parts():
    fields = json.loads(sample("gammu_run_on_receive.json"))
    fields.pop("DECODED_1_TEXT")
    fields.pop("ids")
    complaint = gammu_complaint(fields)
    assert "kelurahan tapi belum" in complaint.text
    assert complaint.provider_message_id.startswith("gammu:")


def test_gammu_binary_message_is_invalid():
    with pytest.raises(InvalidSms):
        gammu_complaint({"SMS_1_NUMBER": "+6285712345678", "SMS_MESSAGES": "1"})


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(st.sampled_from(["SMS_1_NUMBER", "SMS_1_TEXT", "SMS_MESSAGES", "DECODED_PARTS",
                                        "DECODED_1_TEXT", "SMS_2_TEXT", "ids", "PHONE_ID"]),
                       st.text(max_size=30), max_size=8))
def test_gammu_parser_never_crashes(fields):
    try:
        complaint = gammu_complaint(fields)
    except (Rejected, InvalidSms):
        return
    assert complaint.channel == "sms" and complaint.text.strip()


def test_gammu_http_json_and_form(client, intake):
    fields = json.loads(sample("gammu_run_on_receive.json"))
    response = client.post("/v1/sms/gammu", json=fields, headers={GATEWAY_SECRET_HEADER: GATEWAY_SECRET})
    assert response.status_code == 200
    assert response.json()["tracking_number"] == intake.accepted[0][0].tracking_number
    response = client.post("/v1/sms/gammu", content=urlencode(fields),
                           headers={GATEWAY_SECRET_HEADER: GATEWAY_SECRET,
                                    "Content-Type": "application/x-www-form-urlencoded"})
    assert response.status_code == 200
    assert intake.accepted[0][0].complaint_id == intake.accepted[1][0].complaint_id


def test_gammu_http_requires_the_secret(client, intake):
    fields = json.loads(sample("gammu_run_on_receive.json"))
    assert client.post("/v1/sms/gammu", json=fields).status_code == 401
    assert client.post("/v1/sms/gammu", json=fields, headers={GATEWAY_SECRET_HEADER: "x"}).status_code == 403
    assert intake.accepted == []
