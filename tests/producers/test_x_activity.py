"""X Activity API post.create/post.delete, and edits/deletions of Account Activity, as complaints and revisions."""

import json
import time
from pathlib import Path

import pytest

from aduan.provider_client import AGENCY_X_ID
from producers.signatures import x_signature
from producers.social.x import x_batch, x_revisions
from schemas.events import ComplaintRevision
from schemas.ids import complaint_id
from schemas.topics import REVISIONS
from tests.channels import CREDENTIALS
from tests.producers.test_channels_integration import http  # noqa: F401  (the real app, channel credentials)

SAMPLE = json.loads((Path(__file__).parent / "samples" / "x_activity_post_create.json").read_text())
AGENCY = frozenset({AGENCY_X_ID})


def test_post_create_is_the_same_complaint_as_its_account_activity_twin():
    batch = x_batch(SAMPLE, AGENCY)
    [complaint] = batch.complaints
    assert complaint.provider_message_id == "x:post:2080761390344937796"
    assert complaint.reporter.handle == "x:rinak" and complaint.text.endswith("mati seminggu")
    assert complaint.channel_meta["kind"] == "mention"


def test_agency_own_post_and_unaddressed_posts_are_ignored():
    own = json.loads(json.dumps(SAMPLE))
    own["data"]["payload"]["author_id"] = AGENCY_X_ID
    assert not x_batch(own, AGENCY).complaints
    other = json.loads(json.dumps(SAMPLE))
    other["data"]["payload"]["entities"] = {}
    assert not x_batch(other, AGENCY).complaints


def test_edit_is_a_revision_of_the_initial_post_not_a_second_submission():
    edit = json.loads(json.dumps(SAMPLE))
    edit["data"]["payload"].update(id="2080761390344937999", text="@pemkot_aduan lampu PJU mati, sudah 8 hari",
                                   edit_history_tweet_ids=["2080761390344937796", "2080761390344937999"])
    assert not x_batch(edit, AGENCY).complaints
    [revision] = x_revisions(edit, AGENCY)
    assert (revision.kind, revision.complaint_id) == ("edited", complaint_id("social", "x:post:2080761390344937796"))
    assert "8 hari" in revision.text and x_revisions(edit, AGENCY) == [revision], "same edit, same revision id"


def test_deletions_from_both_apis_withdraw():
    account_activity = {"for_user_id": AGENCY_X_ID, "tweet_delete_events": [
        {"status": {"id": "601430178305220608", "user_id": "3198576760"}, "timestamp_ms": "1432228155593"}]}
    [aa] = x_revisions(account_activity, AGENCY)
    assert aa.kind == "withdrawn" and aa.complaint_id == complaint_id("social", "x:post:601430178305220608")
    assert not x_batch(account_activity, AGENCY).ignored, "a deletion is handled, not ignored"
    xaa = json.loads((Path(__file__).parent / "samples" / "x_activity_post_delete.json").read_text())  # the documented shape
    [withdrawn] = x_revisions(xaa, AGENCY)
    assert withdrawn.complaint_id == complaint_id("social", "x:post:2080761390344937796")
    # the payload has no time: a redelivery (or Account Activity reporting the same deletion) is the same revision
    time.sleep(0.002)
    assert x_revisions(xaa, AGENCY)[0].revision_id == withdrawn.revision_id
    same = {"for_user_id": AGENCY_X_ID, "tweet_delete_events": [
        {"status": {"id": "2080761390344937796", "user_id": "1500000000000000077"}, "timestamp_ms": "1432228155593"}]}
    assert x_revisions(same, AGENCY)[0].revision_id == withdrawn.revision_id


def test_a_mention_of_the_agency_is_a_complaint():
    """``post.mention.create``: how X Activity delivers a citizen's post mentioning the filtered (agency) account."""
    mention = json.loads((Path(__file__).parent / "samples" / "x_activity_post_mention_create.json").read_text())
    [complaint] = x_batch(mention, AGENCY).complaints
    assert complaint.provider_message_id == "x:post:2080765813578191303" and complaint.reporter.handle == "x:warga_kenanga"
    assert "got mampet" in complaint.text and complaint.channel_meta["kind"] == "mention"


@pytest.mark.integration
def test_x_activity_post_and_its_deletion_reach_their_topics(http, servers):
    from tests.producers.test_channels_integration import raw_complaints
    from tests.servers import read_topic

    post_id = str(int(time.time() * 1000))
    event = json.loads(json.dumps(SAMPLE))
    event["data"]["payload"].update(id=post_id, edit_history_tweet_ids=[post_id])
    deletion = {"data": {"event_type": "post.delete", "filter": {"user_id": "1500000000000000077"},
                         "payload": {"id": post_id, "author_id": "1500000000000000077"}}}
    for body in (event, deletion):
        raw = json.dumps(body).encode()
        response = http.post("/v1/social/x", content=raw, headers={
            "Content-Type": "application/json",
            "x-twitter-webhooks-signature": x_signature(CREDENTIALS.x_consumer_secret, raw)})
        assert response.status_code == 200, response.text
    assert raw_complaints(servers.kafka, "social", {f"x:post:{post_id}"})
    target = complaint_id("social", f"x:post:{post_id}")
    records = read_topic(servers.kafka, REVISIONS.name, until=lambda rs: any(
        ComplaintRevision.model_validate_json(r.value).complaint_id == target for r in rs))
    kinds = [ComplaintRevision.model_validate_json(r.value).kind for r in records
             if ComplaintRevision.model_validate_json(r.value).complaint_id == target]
    assert kinds == ["withdrawn"]


def test_a_posts_photos_and_video_are_fetched_media():
    """X API v2 media: the post's ``attachments.media_keys``, the media objects in ``includes.media`` (a photo's
    ``url``; a video's ``variants``, the best mp4 fetched) (docs.x.com/x-api/fundamentals/data-dictionary, Media)."""
    post = json.loads(json.dumps(SAMPLE))
    post["data"]["payload"]["attachments"] = {"media_keys": ["3_1", "7_2"]}
    post["data"]["includes"]["media"] = [
        {"media_key": "3_1", "type": "photo", "url": "https://pbs.twimg.com/media/lubang.jpg"},
        {"media_key": "7_2", "type": "video", "preview_image_url": "https://pbs.twimg.com/p.jpg", "variants": [
            {"content_type": "application/x-mpegURL", "url": "https://video.twimg.com/v.m3u8"},
            {"content_type": "video/mp4", "bit_rate": 256000, "url": "https://video.twimg.com/low.mp4"},
            {"content_type": "video/mp4", "bit_rate": 2176000, "url": "https://video.twimg.com/high.mp4"}]}]
    batch = x_batch(post, AGENCY)
    [complaint] = batch.complaints
    refs = batch.media[complaint.complaint_id]
    assert [(r.provider, r.kind, r.url) for r in refs] == [("x", "image", "https://pbs.twimg.com/media/lubang.jpg"),
                                                           ("x", "video", "https://video.twimg.com/high.mp4")]
    assert not x_batch(SAMPLE, AGENCY).media, "a post without media fetches nothing"
