"""Social channel: Meta and X payloads in their documented shapes, and the HTTP answers (fake intake)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.producers.fakes import FakeIntake
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import given, settings
from hypothesis import strategies as st

from aduan.core.settings import Settings
from producers import social
from producers.social.common import MAX_SOCIAL_BYTES, agency_ids
from producers.social.meta import meta_batch
from producers.social.x import x_batch
from producers.intake import record_topic
from producers.signatures import meta_signature, x_signature
from schemas.ids import notification_reference, receipt_key
from schemas.topics import NOTIFICATIONS

SAMPLES = Path(__file__).parent / "samples"
PAGE = "104857600000001"
IG = "17841400000000001"
WABA = "102290129340398"
AGENCY_X = "1191900000000000001"
META_SECRET = "meta-app-secret"
X_SECRET = "x-consumer-secret"
VERIFY = "verify-me"


def load(name: str) -> dict:
    return json.loads((SAMPLES / name).read_text("utf-8"))


@pytest.fixture
def client(intake: FakeIntake) -> TestClient:
    app = FastAPI()
    app.include_router(social.router)
    app.state.intake = intake
    app.state.settings = Settings(meta_app_secret=META_SECRET, meta_verify_token=VERIFY,
                                  meta_page_ids=f"{PAGE},{IG},{WABA}", x_consumer_secret=X_SECRET,
                                  x_account_ids=AGENCY_X)
    return TestClient(app)


META_AGENCY = agency_ids(f"{PAGE}, {IG},{WABA}")
X_AGENCY = agency_ids(AGENCY_X)


# --- Facebook Page ---------------------------------------------------------------------------------

def test_page_comment_is_a_complaint_and_own_comment_and_reaction_are_ignored():
    batch = meta_batch(load("meta_page_feed.json"), META_AGENCY)
    [complaint] = batch.complaints
    assert complaint.provider_message_id == "facebook:comment:881234567890123_1122334455667788"
    assert complaint.reporter.handle == "facebook:6021873400012345"
    assert complaint.reporter.name == "Siti Rahmawati"
    assert complaint.channel_meta["kind"] == "comment"
    assert complaint.channel_meta["hashtags"] == ["jembatanrusak"]
    assert complaint.channel_meta["urls"] == ["https://maps.app.goo.gl/abc123"]
    assert complaint.received_at.timestamp() == 1715654400
    assert len(batch.ignored) == 2 and batch.invalid == []


def test_edited_comment_is_a_revision_of_its_complaint():
    original = meta_batch(load("meta_page_feed.json"), META_AGENCY).complaints[0]
    batch = meta_batch(load("meta_page_feed_edited.json"), META_AGENCY)
    [edited] = batch.records
    assert batch.complaints == [] and batch.invalid == []
    assert edited.complaint_id == original.complaint_id and edited.kind == "edited"
    assert "lantainya berlubang" in edited.text


def test_page_not_configured_is_ignored():
    batch = meta_batch(load("meta_page_feed.json"), agency_ids("999"))
    assert batch.complaints == [] and batch.ignored


def test_empty_agency_list_trusts_the_delivering_account():
    assert len(meta_batch(load("meta_page_feed.json"), frozenset()).complaints) == 1


@pytest.mark.parametrize("verb, kind", [("remove", "withdrawn"), ("hide", "hidden"), ("unhide", "unhidden")])
def test_removed_or_hidden_comment_is_a_revision_not_a_complaint(verb, kind):
    original = meta_batch(load("meta_page_feed.json"), META_AGENCY).complaints[0]
    payload = load("meta_page_feed_edited.json")
    payload["entry"][0]["changes"][0]["value"]["verb"] = verb
    batch = meta_batch(payload, META_AGENCY)
    assert batch.complaints == [] and batch.invalid == []
    [revision] = batch.records
    assert (revision.kind, revision.complaint_id, revision.text) == (kind, original.complaint_id, None)


def test_visitor_post_without_message_is_dead_lettered_with_a_replayable_payload():
    payload = load("meta_page_feed_edited.json")
    value = payload["entry"][0]["changes"][0]["value"]
    value.update(item="status", message="", verb="add")
    batch = meta_batch(payload, META_AGENCY)
    [(reason, raw)] = batch.invalid
    assert reason == "empty text"
    assert json.loads(raw)["entry"][0]["changes"][0]["value"]["post_id"] == value["post_id"]


def test_messenger_message_and_echo():
    payload = {"object": "page", "entry": [{"id": PAGE, "time": 1715659000000, "messaging": [
        {"sender": {"id": "7001"}, "recipient": {"id": PAGE}, "timestamp": 1715659000000,
         "message": {"mid": "m_abc", "text": "Halo admin, ada pohon tumbang di Jl. Veteran"}},
        {"sender": {"id": PAGE}, "recipient": {"id": "7001"}, "timestamp": 1715659001000,
         "message": {"mid": "m_def", "text": "Baik, kami cek", "is_echo": True}},
    ]}]}
    batch = meta_batch(payload, META_AGENCY)
    [complaint] = batch.complaints
    assert complaint.provider_message_id == "facebook:message:m_abc"
    assert complaint.channel_meta["kind"] == "message"
    assert batch.ignored == ["message sent by the agency"]


# --- Instagram -------------------------------------------------------------------------------------

def test_instagram_comment_and_textless_mention():
    batch = meta_batch(load("meta_instagram.json"), META_AGENCY)
    [complaint] = batch.complaints
    [lookup] = batch.lookups  # the mention's text is read from the Graph API before publishing
    assert batch.invalid == [] and json.loads(lookup.replay)["entry"][0]["changes"][0]["field"] == "mentions"
    assert complaint.reporter.handle == "instagram:warga_bekasi"
    assert complaint.provider_message_id == "instagram:comment:17923456789012345"
    assert complaint.channel_meta["mentions"] == ["pemkot_contoh"]
    assert complaint.channel_meta["hashtags"] == ["lampumerah"]
    assert complaint.channel_meta["media_id"] == "18012345678901234"


def test_instagram_own_reply_is_ignored():
    payload = load("meta_instagram.json")
    payload["entry"][0]["changes"] = payload["entry"][0]["changes"][:1]
    payload["entry"][0]["changes"][0]["value"]["from"] = {"id": IG, "username": "pemkot_contoh"}
    batch = meta_batch(payload, META_AGENCY)
    assert batch.complaints == [] and batch.ignored == ["the account's own comment"]


# --- WhatsApp --------------------------------------------------------------------------------------

def test_whatsapp_messages():
    batch = meta_batch(load("meta_whatsapp.json"), META_AGENCY)
    text, image, voice = batch.complaints
    assert batch.invalid == []
    assert text.provider_message_id.startswith("whatsapp:wamid.")
    assert text.reporter.phone == "+6281398765432" and text.reporter.name == "Agus Salim"
    assert text.channel_meta["phone_number_id"] == "106540352242922"
    assert text.channel_meta["sender_key"] == "social:phone:+6281398765432" and "media_only" not in text.channel_meta
    assert image.text == "Ini foto antreannya" and "media_only" not in image.channel_meta
    [photo] = batch.media[image.complaint_id]
    assert (photo.media_id, photo.kind, photo.declared_type) == ("1234567890123456", "image", "image/jpeg")
    assert voice.text == "[Pesan suara]" and voice.channel_meta["media_only"] is True
    assert batch.media[voice.complaint_id][0].kind == "audio"


def _with_our_statuses(payload: dict) -> dict:
    """The sample's status of some other sender's message, plus two receipts of aduan's own messages."""
    statuses = payload["entry"][0]["changes"][0]["value"]["statuses"]
    statuses += [{**statuses[0], "id": "wamid.ours1", "status": "read",
                  "biz_opaque_callback_data": notification_reference("n-1", "c-1", "followed_up")},
                 {**statuses[0], "id": "wamid.ours2", "status": "failed",
                  "errors": [{"code": 131047, "title": "Re-engagement message"}],
                  "biz_opaque_callback_data": notification_reference("n-2", "c-2", "verified")}]
    return payload


def test_whatsapp_statuses_of_aduan_messages_are_receipts_others_ignored():
    batch = meta_batch(_with_our_statuses(load("meta_whatsapp_status.json")), META_AGENCY)
    assert batch.complaints == [] and batch.invalid == [] and batch.ignored == ["whatsapp status update"]
    read, failed = batch.records
    assert (read.notification_id, read.complaint_id, read.template, read.result, read.provider_message_id,
            read.provider, read.channel) == ("n-1", "c-1", "followed_up", "read", "wamid.ours1", "whatsapp", "social")
    assert (failed.result, failed.error) == ("failed", "Re-engagement message")
    # On a key of its own: compaction keeps it beside the notifier's record and the other receipts.
    assert record_topic(read) == (NOTIFICATIONS, receipt_key("n-1", "read")) != (NOTIFICATIONS, "n-1")
    assert meta_batch(_with_our_statuses(load("meta_whatsapp_status.json")), agency_ids("1")).records == []
    odd = _with_our_statuses(load("meta_whatsapp_status.json"))
    odd["entry"][0]["changes"][0]["value"]["statuses"][1].update(biz_opaque_callback_data="n|c|" + "t" * 300,
                                                                  errors=["not an object"])
    odd["entry"][0]["changes"][0]["value"]["statuses"][2]["errors"] = "not a list"
    batch = meta_batch(odd, META_AGENCY)  # references aduan never wrote, odd errors: no crash, no such receipt
    assert [r.notification_id for r in batch.records] == ["n-2"] and batch.ignored == ["whatsapp status update"] * 2


def test_meta_webhook_publishes_the_receipts_in_its_statuses(client, intake):
    body = json.dumps(_with_our_statuses(load("meta_whatsapp_status.json"))).encode()
    response = post_meta(client, body, meta_signature(META_SECRET, body))
    assert response.status_code == 200
    assert response.json() == {"accepted": 0, "dead_lettered": 0, "ignored": 1, "recorded": 2}
    assert [(r.notification_id, r.result) for r, _ in intake.records] == [("n-1", "read"), ("n-2", "failed")]


def test_whatsapp_location():
    payload = load("meta_whatsapp.json")
    value = payload["entry"][0]["changes"][0]["value"]
    value["messages"] = [{"from": "6281398765432", "id": "wamid.loc", "timestamp": "1715658000", "type": "location",
                          "location": {"latitude": -6.2, "longitude": 106.8, "name": "Pasar Senen",
                                       "address": "Jl. Pasar Senen, Jakarta Pusat"}}]
    [complaint] = meta_batch(payload, META_AGENCY).complaints
    assert complaint.location.lat == -6.2 and "Pasar Senen" in complaint.location.text


def test_whatsapp_for_another_business_is_ignored():
    batch = meta_batch(load("meta_whatsapp.json"), agency_ids("1"))
    assert batch.complaints == [] and batch.invalid == []


# --- X ---------------------------------------------------------------------------------------------

def test_x_tweets():
    batch = x_batch(load("x_tweet_create_events.json"), X_AGENCY)
    mention, quote = batch.complaints
    assert mention.provider_message_id == "x:post:1790231000000000001"
    assert mention.text.endswith("Kapan diperbaiki? #airmati #PDAM https://t.co/AbC123")  # extended_tweet
    assert mention.reporter.handle == "x:rinakartika_" and mention.reporter.name == "Rina Kartika"
    assert mention.channel_meta["kind"] == "mention"
    assert mention.channel_meta["hashtags"] == ["airmati", "PDAM"]
    assert mention.channel_meta["mentions"] == ["pemkot_contoh"]
    assert mention.channel_meta["urls"] == ["https://example.org/foto/klender-air"]
    assert mention.received_at.timestamp() == 1715656200
    assert quote.channel_meta["kind"] == "quote" and quote.reporter.handle == "x:yuniastuti"
    assert sorted(batch.ignored) == ["repost: no words of the citizen's", "the agency's own post"]


def test_x_edit_is_a_revision_of_the_original_complaint():
    from producers.social.x import x_revisions

    original = x_batch(load("x_tweet_create_events.json"), X_AGENCY).complaints[0]
    assert not x_batch(load("x_tweet_edited.json"), X_AGENCY).complaints, "content is written once"
    [edited] = x_revisions(load("x_tweet_edited.json"), X_AGENCY)
    assert (edited.kind, edited.complaint_id) == ("edited", original.complaint_id) and edited.text


def test_x_reply_to_agency_counts_and_unrelated_post_does_not():
    payload = {"for_user_id": AGENCY_X, "tweet_create_events": [
        {"id_str": "1", "text": "masih belum diperbaiki", "user": {"id_str": "5", "screen_name": "a"},
         "in_reply_to_user_id_str": AGENCY_X, "in_reply_to_status_id_str": "0"},
        {"id_str": "2", "text": "cuaca cerah", "user": {"id_str": "5", "screen_name": "a"}},
    ]}
    batch = x_batch(payload, X_AGENCY)
    assert [c.channel_meta["kind"] for c in batch.complaints] == ["reply"]
    assert batch.ignored == ["post not addressed to the agency"]


def test_x_direct_messages():
    batch = x_batch(load("x_direct_message_events.json"), X_AGENCY)
    [dm] = batch.complaints
    assert dm.provider_message_id == "x:dm:1790240000000000100"
    assert dm.reporter.handle == "x:rinakartika_"
    assert dm.channel_meta["kind"] == "dm" and dm.channel_meta["hashtags"] == ["pungli"]
    assert batch.ignored == ["direct message sent by the agency"]


def test_x_other_account_is_ignored():
    batch = x_batch(load("x_direct_message_events.json"), agency_ids("42"))
    assert batch.complaints == []


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=5),
    max_leaves=30)


@settings(max_examples=200, deadline=None)
@given(payload=json_values)
def test_parsers_never_crash_on_arbitrary_json(payload):
    for batch in (meta_batch(payload, META_AGENCY), x_batch(payload, X_AGENCY)):
        assert all(c.channel == "social" for c in batch.complaints)


@settings(max_examples=200, deadline=None)
@given(value=json_values, which=st.sampled_from(["from", "message", "comment_id", "created_time", "item", "verb"]))
def test_meta_parser_survives_odd_field_values(value, which):
    payload = load("meta_page_feed.json")
    payload["entry"][0]["changes"][0]["value"][which] = value
    batch = meta_batch(payload, META_AGENCY)
    assert len(batch.complaints) + len(batch.invalid) + len(batch.ignored) == 3


@settings(max_examples=200, deadline=None)
@given(value=json_values, which=st.sampled_from(["user", "text", "id_str", "entities", "extended_tweet",
                                                 "edit_history", "timestamp_ms", "quoted_status"]))
def test_x_parser_survives_odd_field_values(value, which):
    payload = load("x_tweet_create_events.json")
    payload["tweet_create_events"][0][which] = value
    batch = x_batch(payload, X_AGENCY)
    assert len(batch.complaints) + len(batch.invalid) + len(batch.ignored) == 4


# --- HTTP: Meta ------------------------------------------------------------------------------------

def post_meta(client, body: bytes, signature: str | None):
    headers = {"Content-Type": "application/json"}
    if signature is not None:
        headers["X-Hub-Signature-256"] = signature
    return client.post("/v1/social/meta", content=body, headers=headers)


def test_meta_verification_handshake(client):
    ok = client.get("/v1/social/meta", params={"hub.mode": "subscribe", "hub.verify_token": VERIFY,
                                               "hub.challenge": "1158201444"})
    assert ok.status_code == 200 and ok.text == "1158201444"
    bad = client.get("/v1/social/meta", params={"hub.mode": "subscribe", "hub.verify_token": "nope",
                                                "hub.challenge": "1158201444"})
    assert bad.status_code == 403


def test_meta_handshake_refused_without_configured_token(client):
    client.app.state.settings = Settings(meta_verify_token="")
    response = client.get("/v1/social/meta", params={"hub.mode": "subscribe", "hub.verify_token": "",
                                                     "hub.challenge": "1"})
    assert response.status_code == 403


def test_meta_post_publishes_every_complaint_then_answers(client, intake):
    body = (SAMPLES / "meta_whatsapp.json").read_bytes()
    response = post_meta(client, body, meta_signature(META_SECRET, body))
    assert response.status_code == 200
    assert response.json() == {"accepted": 3, "dead_lettered": 0, "ignored": 0}
    assert [raw for _, raw in intake.accepted] == [body, body, body]
    # No media fetcher here: both media are marked unavailable, each with a dead letter of the fetch.
    marks = [a.status for c, _ in intake.accepted for a in c.attachments]
    assert marks == ["unavailable", "unavailable"]
    assert [d[3] for d in intake.dead] == ["producers.media", "producers.media"]


def test_meta_missing_and_forged_signatures(client, intake):
    body = (SAMPLES / "meta_page_feed.json").read_bytes()
    assert post_meta(client, body, None).status_code == 401
    assert post_meta(client, body, meta_signature("wrong", body)).status_code == 403
    assert post_meta(client, body + b" ", meta_signature(META_SECRET, body)).status_code == 403
    assert intake.accepted == [] and intake.dead == []


def test_meta_without_configured_secret_refuses(client, intake):
    client.app.state.settings = Settings(meta_app_secret="")
    body = (SAMPLES / "meta_page_feed.json").read_bytes()
    response = post_meta(client, body, meta_signature("", body))
    assert response.status_code == 403 and response.json()["error"] == "channel_not_configured"
    assert intake.accepted == []


def test_meta_signed_garbage_is_400(client, intake):
    assert post_meta(client, b"{not json", meta_signature(META_SECRET, b"{not json")).status_code == 400


def test_meta_broker_down_is_503(client, intake):
    intake.fail = True
    body = (SAMPLES / "meta_page_feed.json").read_bytes()
    response = post_meta(client, body, meta_signature(META_SECRET, body))
    assert response.status_code == 503 and response.headers["Retry-After"]


# --- HTTP: X ---------------------------------------------------------------------------------------

def test_x_crc(client):
    response = client.get("/v1/social/x", params={"crc_token": "9b4507b3-9040-4669-9ca3-6b94edb50553"})
    assert response.status_code == 200
    assert response.json() == {"response_token": x_signature(X_SECRET, b"9b4507b3-9040-4669-9ca3-6b94edb50553")}


def test_x_crc_cannot_be_used_to_sign_a_body(client):
    body = json.dumps(load("x_direct_message_events.json"))
    assert client.get("/v1/social/x", params={"crc_token": body}).status_code == 400
    assert client.get("/v1/social/x").status_code == 400


def test_x_crc_refused_without_secret(client):
    client.app.state.settings = Settings(x_consumer_secret="")
    assert client.get("/v1/social/x", params={"crc_token": "abc"}).status_code == 403


def post_x(client, body: bytes, signature: str | None):
    headers = {"Content-Type": "application/json"}
    if signature is not None:
        headers["x-twitter-webhooks-signature"] = signature
    return client.post("/v1/social/x", content=body, headers=headers)


def test_x_post(client, intake):
    body = (SAMPLES / "x_tweet_create_events.json").read_bytes()
    response = post_x(client, body, x_signature(X_SECRET, body))
    assert response.status_code == 200
    assert response.json() == {"accepted": 2, "dead_lettered": 0, "ignored": 2}
    assert len(intake.accepted) == 2


def test_x_missing_and_forged_signatures(client, intake):
    body = (SAMPLES / "x_direct_message_events.json").read_bytes()
    assert post_x(client, body, None).status_code == 401
    assert post_x(client, body, x_signature("wrong", body)).status_code == 403
    assert post_x(client, body, meta_signature(X_SECRET, body)).status_code == 403
    assert intake.accepted == [] and intake.dead == []


def test_social_oversized_body_is_413(client, intake):
    body = b"{" + b" " * MAX_SOCIAL_BYTES + b"}"
    assert post_x(client, body, x_signature(X_SECRET, body)).status_code == 413
