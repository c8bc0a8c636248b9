"""The faust stream worker: raw complaints from every channel → routed complaints.

At-least-once: every record sent while handling an event is attached to that event's
offset (``stream_publish_on_commit``), so an offset is committed only after Kafka has
acknowledged what was produced for it. A crash replays the event; the complaint id is
deterministic, so the replay overwrites, never duplicates, downstream.
"""

from __future__ import annotations

import logging
from pathlib import Path

import faust
from pydantic import ValidationError

from aduan.settings import Settings
from schemas.events import Complaint, DeadLetter
from schemas.topics import DEADLETTER, RAW, ROUTED
from streams import pipeline

log = logging.getLogger(__name__)


def create_app(settings: Settings, ready_file: Path | None = None) -> faust.App:
    settings.require_servers(elasticsearch=False)
    app = faust.App(
        settings.stream_app_id,
        broker=[f"kafka://{server}" for server in settings.kafka_bootstrap.split(",")],
        store="memory://",
        datadir=str(settings.data_dir / "streams"),
        processing_guarantee="at_least_once",
        stream_publish_on_commit=True,
        # Output waits for the commit, so commit often: this bounds intake→index latency.
        broker_commit_interval=0.2,
        broker_commit_every=500,
        consumer_auto_offset_reset="earliest",
        topic_replication_factor=settings.topic_replication,
        topic_allow_declare=True,
        web_enabled=False,
        value_serializer="raw",
        key_serializer="raw",
    )

    raw_topic = app.topic(*(spec.name for spec in RAW.values()), key_type=bytes, value_type=bytes)
    routed_topic = app.topic(ROUTED.name, key_type=bytes, value_type=bytes)
    deadletter_topic = app.topic(DEADLETTER.name, key_type=bytes, value_type=bytes)

    @app.agent(raw_topic, name="aduan.route")
    async def route_complaints(stream):
        async for event in stream.events():
            message = event.message
            try:
                complaint = Complaint.model_validate_json(message.value)
            except ValidationError as exc:
                letter = DeadLetter(
                    stage="streams.route", reason=_reason(exc), source_topic=message.topic,
                    partition=message.partition, offset=message.offset, raw=message.value or b"",
                )
                log.warning("dead-lettered %s[%s]@%s: %s", message.topic, message.partition, message.offset, letter.reason)
                await deadletter_topic.send(key=message.topic.encode(), value=letter.model_dump_json().encode())
                continue
            routed = pipeline.route(complaint)
            await routed_topic.send(key=routed.complaint_id.encode(), value=routed.model_dump_json().encode())

    if ready_file is not None:
        # Ready means consuming: announced once the group has handed this worker its partitions.
        @app.on_rebalance_complete.connect
        async def announce_ready(sender, **_kwargs) -> None:
            ready_file.write_text("ready\n")

    return app


def _reason(exc: ValidationError) -> str:
    first = exc.errors(include_input=False, include_url=False)[:3]
    return "; ".join(f"{'.'.join(map(str, e['loc'])) or 'value'}: {e['msg']}" for e in first)
