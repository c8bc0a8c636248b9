"""The one dead-letter path: every stage's unprocessable input is built, keyed, counted and logged here.

A ``DeadLetter`` is keyed as the topic registry says (``schemas.topics.DEADLETTER.key``: the source
topic): for a record, the topic it was read from; for input refused at intake, the raw topic it
would have gone to (``complaints.raw.<channel>``). Reasons have one format (``reason`` below), and
``aduan_dead_letters_total{stage, channel}`` counts every letter once it was handed to the broker.
"""

from __future__ import annotations

import logging
from typing import Any

from pydantic import ValidationError

from aduan.core.connections import Publisher
from aduan.core.metrics import DEAD_LETTERS
from schemas.events import CHANNELS, Channel, DeadLetter
from schemas.topics import DEADLETTER, RAW

log = logging.getLogger(__name__)

MAX_REASON_CHARS = 2000
Output = tuple[str, bytes, bytes]  # (topic, key, value) for producers that are not a Publisher (faust)


def reason(summary: str, exc: ValidationError | None = None) -> str:
    """``summary`` and, for a validation error, its first three problems: ``field: message; …``."""
    if exc is not None:
        problems = exc.errors(include_input=False, include_url=False)[:3]
        detail = "; ".join(f"{'.'.join(map(str, e['loc'])) or 'value'}: {e['msg']}" for e in problems)
        summary = f"{summary}: {detail}" if detail else summary
    return summary[:MAX_REASON_CHARS]


def channel_of(topic: str | None) -> Channel | None:
    """The channel of a raw topic (``complaints.raw.sms`` → ``sms``); None for other topics."""
    for channel in CHANNELS:
        if topic == RAW[channel].name:
            return channel
    return None


def for_record(stage: str, record: Any, why: str) -> DeadLetter:
    """A letter for a Kafka record (kafka-python ``ConsumerRecord`` or a faust message)."""
    return DeadLetter(stage=stage, reason=why[:MAX_REASON_CHARS], source_topic=record.topic,
                      partition=record.partition, offset=record.offset, channel=channel_of(record.topic),
                      raw=record.value or b"")


def for_input(stage: str, channel: Channel, raw: bytes, why: str) -> DeadLetter:
    """A letter for input refused before it reached a topic: its source is the channel's raw topic."""
    return DeadLetter(stage=stage, reason=why[:MAX_REASON_CHARS], source_topic=RAW[channel].name,
                      channel=channel, raw=raw)


def key(letter: DeadLetter) -> str:
    return letter.source_topic or "-"


def counted(letter: DeadLetter) -> None:
    """Count and log a letter the broker has taken."""
    DEAD_LETTERS.labels(letter.stage, letter.channel or "-").inc()
    where = f"{letter.source_topic}[{letter.partition}]@{letter.offset}" if letter.offset is not None \
        else letter.source_topic
    log.warning("dead-lettered %s: %s", where, letter.reason,
                extra={"stage": letter.stage, "source_topic": letter.source_topic, "channel": letter.channel})


def send(publisher: Publisher, letters: list[DeadLetter]) -> None:
    """Publish and wait for the broker's acknowledgement (raises ``BrokerUnavailable``), then count."""
    if not letters:
        return
    publisher.publish_many([(DEADLETTER, key(letter), letter) for letter in letters])
    for letter in letters:
        counted(letter)


async def send_async(publisher: Publisher, letter: DeadLetter) -> None:
    await publisher.publish_async(DEADLETTER, key(letter), letter)
    counted(letter)


def as_output(letter: DeadLetter) -> Output:
    """The letter as a record for a producer of its own (the faust worker awaits the ack, then counts)."""
    return DEADLETTER.name, key(letter).encode(), letter.model_dump_json().encode()
