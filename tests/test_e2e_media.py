"""Twilio, Meta and X as citizens really use them, end to end: the documented payload → the real API (its
media fetcher against local stand-ins of the provider APIs, aduan/provider_apis.py) → broker → faust
worker → indexer → search hit with the media metadata (and the blob on disk) or the location; button
replies and opt-outs recorded on their topics, a media fetch that keeps failing dead-lettered while
the complaint is kept.

One test, one pipeline, one round of messages: CI time is scarce.
"""

from __future__ import annotations

import json
import time
import uuid
from urllib.parse import urlencode

import pytest
from elasticsearch import Elasticsearch
from fastapi.testclient import TestClient
from pydantic import SecretStr

from aduan.api import create_app
from consumers.read.search import search
from aduan.core.blobs import BlobStore
from aduan.provider_client import AGENCY_X_ID
from producers.signatures import meta_signature, twilio_signature, x_signature
from schemas.events import CitizenAnswer, ContactPreference, DeadLetter
from schemas.ids import complaint_id
from schemas.topics import ANSWERS, DEADLETTER, PREFERENCES
from tests import factories as make
from tests.channels import CREDENTIALS, with_channel_credentials
from aduan.provider_apis import ACCOUNT_SID, JPEG, MP4, OGG, TOKEN, running_provider_apis
from tests.servers import read_topic

pytestmark = pytest.mark.e2e

PAGE, IG, WABA = "104857600000001", "17841400000000001", "102290129340398"


@pytest.fixture
def pipeline(e2e_pipeline):
    """The session's shared worker and indexer (tests/conftest.py)."""


def whatsapp(messages: list[dict], contacts: list[dict]) -> dict:
    return {"object": "whatsapp_business_account", "entry": [{"id": WABA, "changes": [{"field": "messages", "value": {
        "messaging_product": "whatsapp", "metadata": {"display_phone_number": "6281100002222",
                                                      "phone_number_id": "106540352242922"},
        "contacts": contacts, "messages": messages}}]}]}


def wa_message(number: str, wamid: str, kind: str, **body) -> dict:
    return {"from": number, "from_user_id": f"ID.{number}", "id": wamid, "timestamp": str(int(time.time())),
            "type": kind, **body}


def wa_contact(number: str, name: str) -> dict:
    return {"profile": {"name": name}, "wa_id": number, "user_id": f"ID.{number}"}


def test_media_pins_buttons_usernames_and_opt_outs_end_to_end(settings, servers, pipeline):
    marker = make.marker("media")
    run = uuid.uuid4().hex[:12]
    digits = str(uuid.uuid4().int % 10**6).zfill(6)
    numbers = {name: f"62813{digits}{i:02d}" for i, name in enumerate(
        ("photo", "voice", "pin", "broken", "mms", "stop", "video"))}
    with running_provider_apis() as apis:
        app_settings = with_channel_credentials(settings).model_copy(update={
            "meta_page_ids": f"{PAGE},{IG},{WABA}", "meta_access_token": SecretStr(TOKEN),
            "meta_graph_url": apis.graph_url, "twilio_api_url": apis.api, "twilio_account_sid": ACCOUNT_SID,
            "media_hosts": "127.0.0.1", "media_fetch_attempts": 2})
        ids: dict[str, str] = {}

        def wamid(name: str) -> str:
            ids[name] = complaint_id("social", f"whatsapp:wamid.{name}{run}")
            return f"wamid.{name}{run}"

        apis.whatsapp_media(f"p{run}", "image/jpeg", JPEG)
        apis.whatsapp_media(f"v{run}", "audio/ogg", OGG)
        apis.whatsapp_media(f"mv{run}", "video/mp4", MP4 + b"w")
        apis.graph[f"comment:17{digits}"] = {"text": f"@pemkot_contoh trotoar ambles {marker}", "username": "warga_ig",
                                             "timestamp": "2026-11-30T10:00:00+0000", "id": f"17{digits}"}
        wa = whatsapp([
            wa_message(numbers["photo"], wamid("photo"), "image", image={"mime_type": "image/jpeg", "id": f"p{run}"}),
            wa_message(numbers["voice"], wamid("voice"), "audio",
                       audio={"mime_type": "audio/ogg; codecs=opus", "id": f"v{run}", "voice": True}),
            wa_message(numbers["pin"], wamid("pin"), "location", location={"latitude": -6.9147, "longitude": 107.6098}),
            wa_message(numbers["video"], wamid("video"), "video", video={"mime_type": "video/mp4", "id": f"mv{run}"}),
            wa_message(numbers["broken"], wamid("broken"), "image", image={"mime_type": "image/jpeg", "id": f"gone{run}"}),
            wa_message(numbers["photo"], f"wamid.button{run}", "button",
                       button={"payload": f"closure:yes:{run}", "text": "Ya"}),
            {"from_user_id": f"ID.u{run}", "id": wamid("username"), "timestamp": str(int(time.time())),
             "type": "text", "text": {"body": f"Got mampet di Jl. Kenanga {marker}"}},
        ], [*(wa_contact(n, name) for name, n in numbers.items()),
            {"profile": {"name": "Rudi", "username": "rudi.bks"}, "user_id": f"ID.u{run}"}])
        messenger = {"object": "page", "entry": [{"id": PAGE, "time": 1, "messaging": [
            {"sender": {"id": f"70{digits}"}, "recipient": {"id": PAGE}, "timestamp": int(time.time() * 1000),
             "message": {"mid": f"m_{run}", "attachments": [
                 {"type": "image", "payload": {"url": apis.cdn_url(f"m{run}.jpg", "image/jpeg", JPEG + b"m")}}]}}]}]}
        feed = {"object": "page", "entry": [{"id": PAGE, "time": 1, "changes": [{"field": "feed", "value": {
            "item": "video", "verb": "add", "post_id": f"{PAGE}_{digits}", "video_id": digits,
            "link": apis.cdn_url(f"f{run}.mp4", "video/mp4", MP4), "created_time": int(time.time()),
            "from": {"id": f"50{digits}", "name": "Budi"}}}]}]}
        mention = {"object": "instagram", "entry": [{"id": IG, "time": 1, "changes": [{"field": "mentions", "value": {
            "media_id": f"18{digits}", "comment_id": f"17{digits}"}}]}]}
        ids.update(messenger=complaint_id("social", f"facebook:message:m_{run}"),
                   facebook=complaint_id("social", f"facebook:post:{PAGE}_{digits}"),
                   instagram=complaint_id("social", f"instagram:comment:17{digits}"))

        # An X Activity post mentioning the agency, with a photo (X API v2 attachments.media_keys + includes.media).
        post_id = str(2080765813578000000 + int(digits))
        x_post = {"data": {"event_uuid": post_id, "filter": {"user_id": AGENCY_X_ID}, "event_type": "post.mention.create",
                           "tag": "mentions", "payload": {
                               "id": post_id, "edit_history_tweet_ids": [post_id], "author_id": f"22{digits}", "lang": "in",
                               "created_at": time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime()),
                               "text": f"@pemkot_aduan trotoar rusak {marker}", "attachments": {"media_keys": [f"3_{digits}"]},
                               "entities": {"mentions": [{"start": 0, "end": 13, "username": "pemkot_aduan", "id": AGENCY_X_ID}]}},
                           "includes": {"users": [{"id": f"22{digits}", "name": "Warga", "username": "warga_x"}],
                                        "media": [{"media_key": f"3_{digits}", "type": "photo",
                                                   "url": apis.cdn_url(f"x{run}.jpg", "image/jpeg", JPEG + b"x")}]}}}
        ids["x"] = complaint_id("social", f"x:post:{post_id}")
        mms_sid, stop_sid = "MM" + uuid.uuid4().hex, "SM" + uuid.uuid4().hex
        mms = {"MessageSid": mms_sid, "AccountSid": ACCOUNT_SID, "From": f"+{numbers['mms']}", "To": "+6281100001111",
               "Body": "", "NumMedia": "1", "MediaContentType0": "image/jpeg",
               "MediaUrl0": apis.twilio_media_url(mms_sid, "ME" + run * 2 + "abcdefgh", "image/jpeg", JPEG + b"t")}
        stop = {"MessageSid": stop_sid, "AccountSid": ACCOUNT_SID, "From": f"+{numbers['stop']}", "Body": "Stop",
                "NumMedia": "0", "OptOutType": "STOP"}
        ids["mms"] = complaint_id("sms", mms_sid)

        started = time.monotonic()
        with TestClient(create_app(app_settings)) as http:
            for payload in (wa, messenger, feed, mention):
                body = json.dumps(payload).encode()
                answer = http.post("/v1/social/meta", content=body, headers={
                    "Content-Type": "application/json",
                    "X-Hub-Signature-256": meta_signature(CREDENTIALS.meta_app_secret, body)})
                assert answer.status_code == 200, answer.text
            body = json.dumps(x_post).encode()
            answer = http.post("/v1/social/x", content=body, headers={
                "Content-Type": "application/json",
                "x-twitter-webhooks-signature": x_signature(CREDENTIALS.x_consumer_secret, body)})
            assert answer.status_code == 200, answer.text
            # The MMS as a POST, the opt-out as a GET webhook (Twilio's other documented method).
            form = urlencode(mms)
            answer = http.post("/v1/sms/twilio", content=form, headers={
                "Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": twilio_signature(
                    CREDENTIALS.twilio_auth_token, "http://testserver/v1/sms/twilio", mms.items())})
            assert answer.status_code == 200 and "Nomor pelacakan" in answer.text
            url = "http://testserver/v1/sms/twilio?" + urlencode(stop)
            answer = http.get(url, headers={"X-Twilio-Signature": twilio_signature(
                CREDENTIALS.twilio_auth_token, url, [])})
            assert answer.status_code == 200 and "MULAI" in answer.text
        print(f"\nintake of 13 messages (media fetched in the request): {time.monotonic() - started:.2f} s")

    es = Elasticsearch(servers.elasticsearch)
    deadline = time.monotonic() + 60
    while True:
        es.indices.refresh(index=settings.index_alias)
        hits = es.search(index=settings.index_alias, query={"ids": {"values": list(ids.values())}}, size=50)
        docs = {hit["_id"]: hit["_source"] for hit in hits["hits"]["hits"]}
        if len(docs) == len(ids) or time.monotonic() > deadline:
            break
        time.sleep(0.3)
    print(f"searchable {len(docs)}/{len(ids)} after {time.monotonic() - started:.2f} s")
    by_name = {name: docs.get(cid) for name, cid in ids.items()}
    assert {name for name, doc in by_name.items() if doc is None} == set()

    blobs = BlobStore(app_settings.blobs)
    for name, kind in (("photo", "image"), ("voice", "audio"), ("messenger", "image"), ("facebook", "video"),
                       ("mms", "image"), ("video", "video"), ("x", "image")):
        [attachment] = by_name[name]["attachments"]
        assert (attachment["status"], attachment["kind"]) == ("stored", kind), name
        assert blobs.path_for(attachment["sha256"]).stat().st_size == attachment["size_bytes"] > 0
    assert by_name["photo"]["text"] == "[Foto tanpa keterangan]"
    assert by_name["photo"]["channel_meta"]["media_only"] is True
    assert by_name["voice"]["text"] == "[Pesan suara]" and by_name["video"]["text"] == "[Video tanpa keterangan]"
    assert (by_name["pin"]["location"]["lat"], by_name["pin"]["location"]["lon"]) == (-6.9147, 107.6098)
    reporter = by_name["username"]["reporter"]
    assert (reporter["bsuid"], reporter["name"], reporter.get("phone")) == (f"ID.u{run}", "Rudi", None)
    [gone] = by_name["broken"]["attachments"]
    assert gone["status"] == "unavailable" and gone.get("sha256") is None
    found = {hit["complaint_id"] for hit in search(es, settings.index_alias, marker, size=10)["hits"]}
    assert {ids["instagram"], ids["username"], ids["x"]} <= found  # the mention's text was read from the Graph API

    answers = [CitizenAnswer.model_validate_json(r.value) for r in read_topic(servers.kafka, ANSWERS.name)]
    assert [a.payload for a in answers if a.payload == f"closure:yes:{run}"] == [f"closure:yes:{run}"]
    preferences = [ContactPreference.model_validate_json(r.value) for r in read_topic(servers.kafka, PREFERENCES.name)]
    assert any(p.contact_key == f"sms:phone:+{numbers['stop']}" and p.opted_out for p in preferences)
    letters = [DeadLetter.model_validate_json(r.value) for r in read_topic(servers.kafka, DEADLETTER.name)]
    fetches = [json.loads(letter.raw) for letter in letters if letter.stage == "producers.media"]
    assert [f["complaint_id"] for f in fetches if f["complaint_id"] in ids.values()] == [ids["broken"]]
    assert not [letter for letter in letters if run in letter.raw.decode("utf-8", "replace")
                and letter.stage != "producers.media"], "a message of this run was dead-lettered"
