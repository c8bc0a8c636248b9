"""Parsing of the message kinds citizens really send (photos, voice notes, pins, buttons, usernames,
opt-outs, edits), from the documented payload samples in tests/producers/samples/."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import parse_qsl

import pytest

from producers.answers import contact_key, keyword
from producers.social.common import agency_ids
from producers.social.meta import meta_batch
from producers.sms.twilio import twilio_message
from schemas.events import CitizenAnswer, ComplaintRevision, ContactPreference
from schemas.ids import complaint_id

SAMPLES = Path(__file__).parent / "samples"
AGENCY = agency_ids("104857600000001,17841400000000001,102290129340398")


def load(name: str) -> dict:
    return json.loads((SAMPLES / name).read_text("utf-8"))


def form(name: str) -> list[tuple[str, str]]:
    return parse_qsl((SAMPLES / name).read_text("utf-8"), keep_blank_values=True)


def test_whatsapp_every_kind():
    batch = meta_batch(load("meta_whatsapp_kinds.json"), AGENCY)
    by_type = {c.channel_meta["message_type"]: c for c in batch.complaints}
    assert set(by_type) == {"image", "video", "audio", "document", "sticker", "location"}
    expected = {"image": "[Foto tanpa keterangan]", "video": "[Video tanpa keterangan]", "audio": "[Pesan suara]",
                "document": "[Dokumen tanpa keterangan]", "sticker": "[Stiker]",
                "location": "[Lokasi dibagikan tanpa keterangan]"}
    for kind, complaint in by_type.items():
        assert complaint.text == expected[kind] and complaint.channel_meta["media_only"] is True
        assert complaint.channel_meta["sender_key"] == "social:phone:+6281377700001"
        assert complaint.reporter.bsuid == "ID.1502576394655843" and complaint.reporter.phone == "+6281377700001"
    pin = by_type["location"]
    assert (pin.location.lat, pin.location.lon, pin.location.text) == (-6.1754, 106.8272, None)
    assert batch.media.get(pin.complaint_id) is None
    [document] = batch.media[by_type["document"].complaint_id]
    assert (document.media_id, document.filename, document.kind) == ("3004", "surat_keluhan.pdf", "document")
    assert batch.media[by_type["audio"].complaint_id][0].declared_type == "audio/ogg; codecs=opus"

    answers = [r for r in batch.records if isinstance(r, CitizenAnswer)]
    assert [(a.kind, a.payload, a.text) for a in answers] == [
        ("button", "closure:yes", "Ya, sudah selesai"), ("list", "topic:jalan", "Jalan rusak"),
        ("button", "closure:no", "Belum"), ("keyword", "YA", "ya")]
    assert answers[0].context_message_id == "wamid.HBgNNjI4MTEwMDAwMjIyMhUCABEYEjQ1"
    assert {a.contact_key for a in answers} == {"social:phone:+6281377700001"}
    [stop] = [r for r in batch.records if isinstance(r, ContactPreference)]
    assert (stop.opted_out, stop.keyword, stop.source) == (True, "BERHENTI", "keyword")
    [(reason, raw)] = batch.invalid  # the shared contact card, kept for an operator
    assert "contacts" in reason and json.loads(raw)["entry"][0]["changes"][0]["value"]["messages"][0]["type"] == "contacts"


def test_a_redelivered_button_is_the_same_answer():
    first = meta_batch(load("meta_whatsapp_kinds.json"), AGENCY).records[0]
    again = meta_batch(load("meta_whatsapp_kinds.json"), AGENCY).records[0]
    assert first.answer_id == again.answer_id


def test_whatsapp_username_only_user_is_a_bsuid_contact():
    [complaint] = meta_batch(load("meta_whatsapp_username.json"), AGENCY).complaints
    assert complaint.reporter.phone is None and complaint.reporter.bsuid == "ID.9876543210123456"
    assert complaint.reporter.primary_contact() == "ID.9876543210123456"
    assert complaint.channel_meta["username"] == "rudi.bks"
    assert complaint.channel_meta["parent_user_id"] == "ID.ENT.11815799212886844830"
    assert complaint.channel_meta["sender_key"] == "social:bsuid:ID.9876543210123456"


def test_whatsapp_without_phone_or_bsuid_is_dead_lettered():
    payload = load("meta_whatsapp_username.json")
    value = payload["entry"][0]["changes"][0]["value"]
    value["contacts"][0].pop("user_id")
    value["messages"][0].pop("from_user_id")
    batch = meta_batch(payload, AGENCY)
    assert batch.complaints == [] and "business-scoped user id" in batch.invalid[0][0]


def test_messenger_attachments_quick_replies_postbacks_and_edits():
    batch = meta_batch(load("meta_messenger_kinds.json"), AGENCY)
    photo, pin, link = batch.complaints
    assert photo.text == "[Foto tanpa keterangan]" and photo.channel_meta["media_only"] is True
    [ref] = batch.media[photo.complaint_id]
    assert ref.provider == "facebook" and ref.kind == "image" and "fbcdn.net" in ref.url
    assert (pin.location.lat, pin.location.lon, pin.location.text) == (-6.9147, 107.6098, "Lokasi Dewi")
    assert link.text == "lihat ini" and link.channel_meta["shared_links"] == ["https://example.org/berita"]
    quick, postback, edit = batch.records
    assert (quick.kind, quick.payload, quick.text) == ("quick_reply", "closure:yes", "Sudah")
    assert (postback.kind, postback.payload) == ("button", "start:new")
    assert postback.contact_key == "social:handle:facebook:7002"
    assert isinstance(edit, ComplaintRevision) and edit.complaint_id == link.complaint_id
    assert (edit.kind, edit.text, edit.provider) == ("edited", "lihat berita ini", "facebook")


def test_facebook_photo_and_video_posts_and_a_hide():
    batch = meta_batch(load("meta_page_feed_media.json"), AGENCY)
    photo, video = batch.complaints
    assert photo.text == "[Foto tanpa keterangan]" and photo.channel_meta["photo_id"] == "900001"
    assert batch.media[photo.complaint_id][0].url.startswith("https://scontent.xx.fbcdn.net/")
    assert video.text == "Banjir di Jl. Melati" and "media_only" not in video.channel_meta
    assert batch.media[video.complaint_id][0].kind == "video"
    [hidden] = batch.records
    assert hidden.kind == "hidden"
    assert hidden.complaint_id == complaint_id("social", "facebook:comment:104857600000001_900001_700001")


def test_instagram_media_mention_is_a_lookup():
    batch = meta_batch(load("meta_instagram_media_mention.json"), AGENCY)
    assert batch.complaints == [] and batch.invalid == [] and len(batch.lookups) == 1


def test_twilio_mms_without_body_is_a_media_complaint():
    message = twilio_message(form("twilio_mms.form"))
    complaint = message.complaint
    assert complaint.text == "[Foto tanpa keterangan]" and complaint.channel_meta["media_only"] is True
    assert complaint.channel_meta["sender_key"] == "sms:phone:+6281234500077"
    [ref] = message.media
    assert (ref.provider, ref.kind, ref.declared_type) == ("twilio", "image", "image/jpeg")
    assert message.account_sid == "AC" + "0" * 32


def test_twilio_whatsapp_location_and_profile_name():
    complaint = twilio_message(form("twilio_whatsapp_location.form")).complaint
    assert (complaint.location.lat, complaint.location.lon) == (-7.2575, 112.7521)
    assert complaint.location.text == "Depan toko, Jl. Tunjungan, Surabaya"
    assert complaint.reporter.name == "Wati" and complaint.reporter.phone == "+6281234500078"
    assert complaint.text == "[Lokasi dibagikan tanpa keterangan]" and complaint.channel_meta["medium"] == "whatsapp"


def test_twilio_button_is_an_answer_and_opt_out_a_preference():
    button = twilio_message(form("twilio_whatsapp_button.form"))
    assert button.complaint is None
    assert (button.record.kind, button.record.payload, button.record.context_message_id) == (
        "button", "closure:yes", "MM" + "e5" * 16)
    stop = twilio_message(form("twilio_opt_out.form"))
    assert stop.complaint is None and stop.record.opted_out is True and stop.record.source == "provider"
    assert stop.record.contact_key == "sms:phone:+6281234500079"
    start = twilio_message([(k, "START" if k == "OptOutType" else v) for k, v in form("twilio_opt_out.form")])
    assert start.record.opted_out is False
    help_ = twilio_message([(k, "HELP" if k == "OptOutType" else v) for k, v in form("twilio_opt_out.form")])
    assert help_.complaint is None and help_.record is None and help_.ignored


@pytest.mark.parametrize("text, found", [
    ("STOP", ("opt_out", "STOP")), (" berhenti. ", ("opt_out", "BERHENTI")), ("Unsubscribe", ("opt_out", "UNSUBSCRIBE")),
    ("ya", ("answer", "YA")), ("Iya!", ("answer", "YA")), ("blm", ("answer", "BELUM")), ("MULAI", ("opt_in", "MULAI")),
    ("stop dulu, jalan di depan rumah rusak", None), ("ya jalan rusak parah", None), ("", None)])
def test_keywords_only_when_they_are_the_whole_message(text, found):
    assert keyword(text) == found


def test_bare_keyword_over_twilio_sms_is_not_a_complaint():
    params = [(k, "Berhenti" if k == "Body" else v) for k, v in form("twilio_opt_out.form") if k != "OptOutType"]
    message = twilio_message(params)
    assert message.complaint is None and message.record.keyword == "BERHENTI" and message.record.source == "keyword"


def test_contact_key_prefers_the_phone():
    from schemas.events import Reporter
    assert contact_key("social", Reporter(phone="+6281234567890", bsuid="ID.1")) == "social:phone:+6281234567890"
    assert contact_key("social", Reporter(bsuid="ID.1")) == "social:bsuid:ID.1"
