"""`aduan simulate`'s traffic is what the channels accept: every kind it sends is answered as a success
and intake writes no dead letter for it (the stage's and indexer's share is measured by the soak test);
its photos, voice notes, videos and stickers are fetched by the API from the simulator's provider media
stand-in, as in `aduan up` (aduan.simulate.media_stand_in)."""

from __future__ import annotations

import json
import time
from collections import Counter

import httpx

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from aduan.api import create_app
from aduan.core.connections import Connections
from aduan.provider_client import ProviderClient
from aduan.simulate import MEDIA_KINDS, OTHER_KINDS, TrafficGenerator, dead_letters_since, media_stand_in
from aduan.stack import channel_secrets
from tests.channels import CREDENTIALS, with_channel_credentials

pytestmark = pytest.mark.integration


def test_every_simulated_kind_is_accepted_and_intake_letters_nothing(settings):
    settings = with_channel_credentials(settings)
    # The media stand-in's settings as `aduan up` generates them (a loopback Graph URL, a throwaway token).
    stack = channel_secrets(settings)
    # never with a provider account configured: the notifier sends through the same Graph and Twilio URLs
    assert "meta_graph_url" not in channel_secrets(settings.model_copy(update={"whatsapp_access_token": SecretStr("t")}))
    settings = settings.model_copy(update={"intake_rate_per_minute": 0, "meta_access_token": SecretStr(stack["meta_access_token"]),
                                           **{k: stack[k] for k in ("meta_graph_url", "twilio_api_url", "media_hosts")}})
    started_ms = int(time.time() * 1000)
    kinds, answers = Counter(), Counter()
    with media_stand_in(settings) as media, TestClient(create_app(settings)) as http:
        assert media is not None, "aduan up's settings start the stand-in"
        generator = TrafficGenerator(ProviderClient(http, "http://testserver", CREDENTIALS), mail=None, seed=12, media=media)
        for _ in range(400):
            kind, send = generator.next()
            sent = send()
            kinds[kind] += 1
            answers[sent.status_code] += 1
            assert sent.status_code in (200, 202), (kind, sent.status_code, sent.body[:300])
    print(f"\nsimulated kinds: {dict(kinds)}")
    assert {kind for kind, _ in OTHER_KINDS + MEDIA_KINDS} <= set(kinds)
    assert sum(media.hits.values()) >= kinds["social.whatsapp_photo"], "the API fetched the media from the stand-in"
    letters = dead_letters_since(Connections(settings), started_ms, settle_s=4)
    assert not {stage: n for stage, n in letters.items() if stage.startswith("producers")}, letters


def test_a_simulated_resend_is_the_same_submission_byte_for_byte_in_its_content():
    """A resend redelivers what was sent: the same provider id, author and text (a fresh author id on a
    Facebook comment's resend made the stage dead-letter it as a content conflict)."""
    bodies: list[bytes] = []

    def accept(request: httpx.Request) -> httpx.Response:
        bodies.append(request.content)
        return httpx.Response(200, text="ok")

    http = httpx.Client(transport=httpx.MockTransport(accept))
    generator = TrafficGenerator(ProviderClient(http, "http://testserver", CREDENTIALS), mail=None, seed=3)
    kind, send = generator._message(generator.writer.facts())
    while kind != "social.facebook":
        kind, send = generator._message(generator.writer.facts())
    send()
    first = bodies[-1]
    time.sleep(1.1)  # a second later: the webhook's own delivery time moves, the comment does not
    send()

    def comment(body: bytes) -> dict:
        return json.loads(body)["entry"][0]["changes"][0]["value"]

    assert comment(bodies[-1]) == comment(first)
