"""Dead letters through the real broker: intake's letters carry the registry's key, and every stage counts."""

from __future__ import annotations

import asyncio
import uuid

import pytest
from prometheus_client import REGISTRY

from aduan.core.connections import Publisher
from aduan.core.blobs import BlobStore
from producers.intake import Intake
from schemas.events import DeadLetter
from schemas.topics import DEADLETTER, RAW
from tests.servers import read_topic

pytestmark = pytest.mark.integration


def counted(stage: str, channel: str) -> float:
    return REGISTRY.get_sample_value("aduan_dead_letters_total", {"stage": stage, "channel": channel}) or 0.0


def test_intake_dead_letters_are_keyed_by_the_raw_topic_and_counted(servers, tmp_path):
    publisher = Publisher(servers.kafka, timeout_s=5)
    intake = Intake(publisher, BlobStore(tmp_path))
    marker = uuid.uuid4().hex.encode()
    before = counted("producers.sms", "sms"), counted("producers.email", "email")
    try:
        intake.dead_letter_sync("email", b"mail " + marker, "no text", "producers.email")
        asyncio.run(intake.dead_letter("sms", b"sms " + marker, "empty message", "producers.sms"))
    finally:
        publisher.close()
    ours = lambda rs: [r for r in rs if marker in DeadLetter.model_validate_json(r.value).raw]
    records = ours(read_topic(servers.kafka, DEADLETTER.name, until=lambda rs: len(ours(rs)) == 2))
    by_channel = {DeadLetter.model_validate_json(r.value).channel: r for r in records}
    for channel in ("email", "sms"):
        letter = DeadLetter.model_validate_json(by_channel[channel].value)
        assert by_channel[channel].key == RAW[channel].name.encode()  # DEADLETTER.key: the source topic
        assert letter.source_topic == RAW[channel].name and letter.stage == f"producers.{channel}"
    assert counted("producers.email", "email") == before[1] + 1 and counted("producers.sms", "sms") == before[0] + 1
