"""The media fetcher against local stand-ins of the provider APIs (aduan/provider_apis.py): the real
httpx client code, the documented request/response shapes and authentication."""

from __future__ import annotations

import asyncio

import pytest
from pydantic import SecretStr

from aduan.core.backoff import Backoff
from aduan.core.settings import Settings
from aduan.core.blobs import BlobStore
from producers.media import MediaFetcher, MediaRef, text_or_placeholder
from aduan.provider_apis import ACCOUNT_SID, AUTH_TOKEN, JPEG, OGG, TOKEN, running_provider_apis


@pytest.fixture(scope="module")
def apis():
    with running_provider_apis() as running:
        yield running


def fetcher_for(apis, tmp_path, **overrides) -> MediaFetcher:
    values = dict(data_dir=tmp_path, meta_access_token=SecretStr(TOKEN), meta_graph_url=apis.graph_url,
                  twilio_auth_token=SecretStr(AUTH_TOKEN), twilio_api_url=apis.api, media_hosts="127.0.0.1",
                  media_fetch_attempts=3)
    settings = Settings(**{**values, **overrides})
    return MediaFetcher(settings, BlobStore(tmp_path / "blobs"), backoff=Backoff(initial_s=0.01, max_s=0.02))


def fetch(fetcher: MediaFetcher, *refs: MediaRef, account_sid: str | None = None):
    async def run():
        try:
            return await fetcher.fetch_all(list(refs), account_sid)
        finally:
            await fetcher.close()
    return asyncio.run(run())


def test_whatsapp_media_id_is_looked_up_then_downloaded_with_the_token(apis, tmp_path):
    apis.whatsapp_media("771", "audio/ogg", OGG)
    [got] = fetch(fetcher_for(apis, tmp_path), MediaRef(provider="whatsapp", kind="audio", media_id="771",
                                                        declared_type="audio/ogg; codecs=opus"))
    assert got.failure is None
    a = got.attachment
    assert (a.status, a.kind, a.content_type, a.size_bytes, a.provider_media_id) == ("stored", "audio", "audio/ogg",
                                                                                     len(OGG), "771")
    assert BlobStore(tmp_path / "blobs").get(a.sha256) == OGG


def test_without_the_token_the_media_is_unavailable_not_retried_forever(apis, tmp_path):
    apis.whatsapp_media("772", "image/jpeg", JPEG)
    fetcher = fetcher_for(apis, tmp_path, meta_access_token=SecretStr("wrong"))
    [got] = fetch(fetcher, MediaRef(provider="whatsapp", kind="image", media_id="772"))
    assert got.attachment.status == "unavailable" and got.attachment.sha256 is None
    assert "401" in got.failure and got.failure.startswith("refused")


def test_twilio_media_uses_basic_auth_and_never_sends_it_past_the_redirect(apis, tmp_path):
    url = apis.twilio_media_url("MM" + "1" * 32, "ME" + "1" * 32, "image/jpeg", JPEG)
    [got] = fetch(fetcher_for(apis, tmp_path), MediaRef(provider="twilio", url=url, declared_type="image/jpeg"),
                  account_sid=ACCOUNT_SID)
    # The CDN stand-in answers 400 to any request carrying Authorization: stored means it was stripped.
    assert got.failure is None and got.attachment.kind == "image"
    assert got.attachment.provider_media_id.endswith("/Media/ME" + "1" * 32)
    [missing_auth] = fetch(fetcher_for(apis, tmp_path, twilio_auth_token=SecretStr("")),
                           MediaRef(provider="twilio", url=url), account_sid=ACCOUNT_SID)
    assert missing_auth.attachment.status == "unavailable" and "401" in missing_auth.failure


def test_a_flaky_cdn_is_retried_with_backoff(apis, tmp_path):
    apis.files["flaky.jpg"] = ("image/jpeg", JPEG)
    [got] = fetch(fetcher_for(apis, tmp_path), MediaRef(provider="messenger", url=f"{apis.cdn}/flaky/2/flaky.jpg"))
    assert got.failure is None and apis.hits["/flaky/2/flaky.jpg"] == 3


def test_a_fetch_that_keeps_failing_is_unavailable_after_the_bounded_attempts(apis, tmp_path):
    [got] = fetch(fetcher_for(apis, tmp_path), MediaRef(provider="messenger", kind="image",
                                                        url=f"{apis.cdn}/broken/x.jpg"))
    assert got.attachment.status == "unavailable" and got.failure.startswith("failed after 3 attempts")
    assert apis.hits["/broken/x.jpg"] == 3


@pytest.mark.parametrize("content_type, data, why", [
    ("text/html", b"<html><script>alert(1)</script>", "type 'text/html' not accepted"),
    ("image/jpeg", b"<html>not a jpeg</html>", "only JPEG"),  # the claim and the bytes disagree
    ("image/jpeg", JPEG + b"%PDF-1.7", ""),  # a polyglot marker beyond the first KB is harmless
])
def test_type_is_checked_by_content(apis, tmp_path, content_type, data, why):
    url = apis.cdn_url(f"t-{abs(hash((content_type, data)))}", content_type, data)
    [got] = fetch(fetcher_for(apis, tmp_path), MediaRef(provider="facebook", kind="image", url=url))
    if why:
        assert got.attachment.status == "unavailable" and why in got.failure
    else:
        assert got.failure is None


def test_size_limit_is_enforced(apis, tmp_path):
    url = apis.cdn_url("big.ogg", "audio/ogg", OGG)
    [got] = fetch(fetcher_for(apis, tmp_path, media_max_bytes=100), MediaRef(provider="messenger", url=url))
    assert got.attachment.status == "unavailable" and "larger than 100 bytes" in got.failure


def test_hosts_outside_the_list_are_not_fetched(apis, tmp_path):
    url = apis.cdn_url("elsewhere.jpg", "image/jpeg", JPEG).replace("127.0.0.1", "localhost")
    [got] = fetch(fetcher_for(apis, tmp_path), MediaRef(provider="messenger", url=url))
    assert got.attachment.status == "unavailable" and "host not allowed" in got.failure


def test_the_budget_bounds_the_whole_request(apis, tmp_path):
    fetcher = fetcher_for(apis, tmp_path, media_fetch_budget_s=0.05, media_fetch_attempts=50)
    fetcher.backoff = Backoff(initial_s=0.5, max_s=0.5)
    [got] = fetch(fetcher, MediaRef(provider="messenger", url=f"{apis.cdn}/broken/slow.jpg"))
    assert got.failure == "fetch budget exhausted"


def test_graph_lookup_of_a_mentioned_comment(apis, tmp_path):
    apis.graph["comment:555"] = {"text": "@pemkot jalan rusak", "username": "warga", "timestamp": "2026-11-30T10:00:00+0000"}
    fetcher = fetcher_for(apis, tmp_path)

    async def run():
        try:
            return await fetcher.graph_get("17841400000000001", {
                "fields": "mentioned_comment.comment_id(555){text,timestamp,username}"})
        finally:
            await fetcher.close()
    assert asyncio.run(run())["mentioned_comment"]["text"] == "@pemkot jalan rusak"


def test_placeholder_text():
    assert text_or_placeholder("", [MediaRef(provider="whatsapp", kind="image")], False) == (
        "[Foto tanpa keterangan]", True)
    assert text_or_placeholder("", [], True) == ("[Lokasi dibagikan tanpa keterangan]", True)
    assert text_or_placeholder("ada foto", [MediaRef(provider="whatsapp", kind="image")], False) == ("ada foto", False)
    assert text_or_placeholder("  ", [], False) == ("", False)


def test_instagram_media_mention_reads_the_caption_and_fetches_the_post(apis, tmp_path):
    import json as json_
    from pathlib import Path

    from producers.social.common import agency_ids
    from producers.social.meta import meta_batch

    payload = json_.loads((Path(__file__).parent / "samples" / "meta_instagram_media_mention.json").read_text())
    apis.graph["media:18011112222333444"] = {
        "caption": "@pemkot_contoh sampah menumpuk di taman", "media_type": "IMAGE", "username": "warga_ig",
        "media_url": apis.cdn_url("ig-post.jpg", "image/jpeg", JPEG + b"ig"), "timestamp": "2026-11-30T10:00:00+0000",
        "permalink": "https://www.instagram.com/p/abc/", "id": "18011112222333444"}
    [lookup] = meta_batch(payload, agency_ids("17841400000000001")).lookups
    fetcher = fetcher_for(apis, tmp_path)

    async def run():
        try:
            found = await lookup.resolve(fetcher)
            return found, await fetcher.fetch_all(found.media)
        finally:
            await fetcher.close()
    found, [photo] = asyncio.run(run())
    assert found.complaint.text == "@pemkot_contoh sampah menumpuk di taman"
    assert found.complaint.provider_message_id == "instagram:media:18011112222333444"
    assert found.complaint.reporter.handle == "instagram:warga_ig"
    assert photo.failure is None and photo.attachment.kind == "image"
