"""Done-when of the join window, end to end through the real worker and indexer: a WhatsApp photo without a
caption then a text from the same number 2 minutes later is one complaint whose search hit carries both;
20 minutes later it is two. Raw complaints are published as the WhatsApp producer publishes them (channel_meta.media_only
+ sender_key, keyed by schemas.topics.raw_key), all four at once, so a photo and its text can share a micro-batch."""

import time
from datetime import timedelta

import pytest
from elasticsearch import Elasticsearch

from aduan.core.connections import Connections
from consumers.read.search import search
from schemas.events import Attachment, Complaint, Reporter, utcnow
from schemas.topics import RAW, raw_key
from tests import factories as make
from tests.workers import own_groups, running_together

pytestmark = pytest.mark.e2e
PHOTO = Attachment(filename="lubang.jpg", content_type="image/jpeg", size_bytes=51234, sha256="c" * 64, kind="image",
                   provider_media_id="1234567890")


def message(mid, minutes, phone, text=None):
    at = utcnow() - timedelta(minutes=30) + timedelta(minutes=minutes)
    if text is None:
        return Complaint.new(channel="social", provider_message_id=mid, received_at=at, text="[Foto tanpa keterangan]",
                             attachments=[PHOTO], reporter=Reporter(phone=phone),
                             channel_meta={"platform": "whatsapp", "media_only": True, "sender_key": f"whatsapp:{phone}"})
    return Complaint.new(channel="social", provider_message_id=mid, received_at=at, text=text, reporter=Reporter(phone=phone),
                         channel_meta={"platform": "whatsapp", "sender_key": f"whatsapp:{phone}"})


def test_photo_then_text_joins_within_the_window_not_after(settings, servers, server_env, tmp_path):
    word = make.marker("foto")
    env = own_groups(servers.kafka, server_env, "e2e-join")
    soon, late = "+6281234598001", "+6281234598002"
    sent = [message(f"wamid.{word}.1", 0, soon), message(f"wamid.{word}.2", 2, soon, f"Jalan berlubang {word} dekat pasar"),
            message(f"wamid.{word}.3", 0, late), message(f"wamid.{word}.4", 20, late, f"Got mampet {word} di gang")]
    with running_together(["worker", "indexer"], env, tmp_path):
        publisher = Connections(settings).publisher("e2e-join")
        es = Elasticsearch(servers.elasticsearch)
        try:
            for complaint in sent:  # together, as one webhook delivers them
                publisher.publish(RAW["social"], raw_key(complaint), complaint)
        finally:
            publisher.close()
        deadline = time.monotonic() + 60
        while True:
            es.indices.refresh(index=settings.index_alias)
            hits = search(es, settings.index_alias, word, size=10)["hits"]
            joined = [h for h in hits if h.get("joined_ids")]
            if (len(hits) >= 2 and joined and es.exists(index=settings.index_alias, id=sent[2].complaint_id)) \
                    or time.monotonic() > deadline:
                break
            time.sleep(0.3)
    by_id = {h["complaint_id"]: h for h in hits}
    # One complaint for the photo and its text: one sender's messages share a partition, the text is joined to the photo.
    pair = {sent[0].complaint_id, sent[1].complaint_id}
    assert len(set(by_id) & pair) == 1 and sent[3].complaint_id in by_id and len(by_id) == 2
    root = by_id[(set(by_id) & pair).pop()]
    other = (pair - {root["complaint_id"]}).pop()
    assert not es.exists(index=settings.index_alias, id=other), "the joined message is no second case"
    assert root["joined_ids"] == [other] and root["source_history"][0]["kind"] == "joined"
    attachments = root["attachments"] + root["source_history"][0]["attachments"]
    texts = [root["text"], *root.get("source_texts", [])]
    assert [a["sha256"] for a in attachments] == ["c" * 64] and any(word in t for t in texts), "the hit carries both"
    assert root["complaint_id"] == sent[0].complaint_id, "the photo first, as sent"
    assert root["text"] == "[Foto tanpa keterangan]", "first content stays as written"
    routing = root["source_history"][0]["routing"]
    assert (root["topic"], root["unit_code"]) == (routing["topic"], routing["unit_code"]) != (
        root["routed_fields"]["topic"], root["routed_fields"]["unit_code"]), "the joined text re-routed the photo"
    # 20 minutes later: two complaints
    assert es.exists(index=settings.index_alias, id=sent[2].complaint_id), "the late sender's photo is a complaint"
