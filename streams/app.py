"""The faust stream worker: raw complaints from every channel → routed complaints and duplicates.

    complaints.raw.*  ──►  agent "aduan.stage"  ──►  complaints.routed
                             validate                complaints.duplicates
                                                     complaints.revisions (joined messages)
                             normalise → locate      complaints.deadletter
                             → deduplicate → classify → route   (streams.pipeline)

At-least-once: events arrive in micro-batches (``take_events``), and faust acks a batch only
after this code returns from it. Everything produced for the batch is sent and its broker
acknowledgement awaited before returning, so an offset is never committed ahead of its output.
A crash replays the batch; complaint ids are deterministic, so replays overwrite downstream.

Deduplication needs to compare every complaint with every earlier one, whatever partition or
worker it arrived on, so its state lives in a faust GlobalTable (every worker reads the whole
changelog): one entry per micro-batch holding the batch's records (exact keys and features), so
one changelog write per batch. faust flushes its producer, changelog included, before it commits
offsets, so a committed batch's records are durable. The exact-key index and the LSH buckets are
derived from the records in memory, rebuilt after recovery and extended with what other workers wrote.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Callable

import faust
from pydantic import ValidationError

from aduan.core import deadletters, livelock_guard
from aduan.core.connections import compression
from aduan.core.metrics import CLASSIFICATION_CONFIDENCE
from aduan.core.logs import logging_config
from aduan.core.settings import Settings
from schemas.events import Complaint
from schemas.events import DeadLetter
from schemas.topics import DEADLETTER, DUPLICATES, RAW, REVISIONS, ROUTED
from streams.dedup import Deduplicator
from streams.pipeline import Pipeline, Submission

log = logging.getLogger(__name__)

STAGE = "streams.stage"
BATCH_MAX = 200
BATCH_WITHIN_S = 0.05
SYNC_EVERY_S = 2.0
EVICT_EVERY_S = 600.0


Output = tuple[str, bytes, bytes]  # (topic, key, value)


def faust_app(settings: Settings) -> faust.App:
    """The worker's faust configuration (also used by the benchmark's pass-through baseline)."""
    settings.require_servers(elasticsearch=False)
    livelock_guard.install()
    return faust.App(
        settings.stream_app_id,
        broker=[f"kafka://{server}" for server in settings.kafka_bootstrap.split(",")],
        store=settings.stream_store,
        datadir=str(settings.data_dir / "streams"),
        processing_guarantee="at_least_once",
        consumer_auto_offset_reset="earliest",
        # Static membership: a worker restarted after a crash takes its partitions back at once.
        consumer_group_instance_id=f"{settings.stream_app_id}-{settings.instance_id}",
        topic_replication_factor=settings.topic_replication,
        topic_allow_declare=True,
        # Offsets are committed often: a routed complaint is searchable only after its batch commits.
        broker_commit_interval=0.2,
        # A batch's outputs leave together: fewer, larger produce requests for the broker.
        producer_linger=0.005,
        producer_max_batch_size=256 * 1024,
        producer_compression_type=compression(settings),
        web_enabled=False,
        # faust replaces the process's logging with this at start: aduan's JSON lines, contacts scrubbed.
        logging_config=logging_config(settings.log_level, settings.log_format),
        value_serializer="raw",
        key_serializer="raw",
    )


async def forward_batches(stream, handle: Callable[[list], Batch], topics: dict[str, faust.TopicT],
                          max_events: int = BATCH_MAX, within_s: float = BATCH_WITHIN_S) -> None:
    """Micro-batches in, outputs out; returns from a batch (so faust acks it) only once every
    output of the batch was acknowledged by the broker."""
    async for events in stream.take_events(max_events, within=within_s):
        batch = handle(events)
        pending = [await topics[topic].send(key=key, value=value, force=True) for topic, key, value in batch.outputs]
        await asyncio.gather(*pending)
        for letter in batch.letters:
            deadletters.counted(letter)


def create_app(settings: Settings, ready_file: Path | None = None) -> faust.App:
    app = faust_app(settings)
    raw_topic = app.topic(*(spec.name for spec in RAW.values()), key_type=bytes, value_type=bytes)
    out = {spec.name: app.topic(spec.name, key_type=bytes, value_type=bytes) for spec in (ROUTED, DUPLICATES, REVISIONS, DEADLETTER)}

    # One changelog partition: faust documents GlobalTables with several partitions as able to
    # loop in recovery when more than one worker runs.
    table_options = dict(partitions=1, recovery_buffer_size=1, use_partitioner=True,
                         synchronize_all_active_partitions=True, key_type=str)
    # Values are bytes (streams.dedup.index.encode_entry): faust keeps them as they come back from the
    # changelog instead of decoding each record into Python objects beside the deduplicator's own.
    records = app.GlobalTable("dedup-batches", value_type=bytes, **table_options)
    # The join window's per-sender state rides in the same shared records (see streams.dedup.index).
    deduplicator = Deduplicator(store=records, join_window=timedelta(seconds=settings.join_window_s))
    pipeline = Pipeline(settings.reporter_salt.get_secret_value(), deduplicator)

    @records.on_recover
    async def rebuild_indexes() -> None:
        adopted = deduplicator.reindex()
        log.info("dedup state recovered: %d complaints indexed", adopted)

    @app.agent(raw_topic, name="aduan.stage")
    async def stage(stream):
        await forward_batches(stream, lambda events: process(pipeline, events), out)

    @app.timer(SYNC_EVERY_S)
    async def adopt_other_workers_state() -> None:
        deduplicator.adopt_new()

    @app.timer(EVICT_EVERY_S)
    async def evict_old_state() -> None:
        evicted = deduplicator.evict(datetime.now(timezone.utc))
        if evicted:
            log.info("dedup window: %d complaints evicted", evicted)

    announce_ready(app, ready_file)
    return app


def announce_ready(app: faust.App, ready_file: Path | None) -> None:
    """Ready means consuming: announced once the group has handed this worker its partitions."""
    if ready_file is None:
        return

    @app.on_rebalance_complete.connect
    async def write_ready_file(sender, **_kwargs) -> None:
        ready_file.write_text("ready\n")


@dataclass
class Batch:
    """What one micro-batch produces; ``letters`` are among ``outputs`` and counted once acknowledged."""

    outputs: list[Output] = field(default_factory=list)
    letters: list[DeadLetter] = field(default_factory=list)


def conflict_reason(result) -> str:
    """Why a record was refused as an overwrite: its id is taken by other content."""
    s = result.submission
    return (f"content_conflict: complaint {s.complaint_id} was accepted with other content "
            f"(digest {result.dedup.conflicts_with[:16]}…, this one {s.digest[:16]}…); the first stands")


def process(pipeline: Pipeline, events) -> Batch:
    """One micro-batch of raw events → what to produce (the stage's batch handler, tested in process)."""
    batch = Batch()
    outputs = batch.outputs
    submissions, messages = [], []
    for event in events:
        message = event.message
        try:
            complaint = Complaint.model_validate_json(message.value)
        except ValidationError as exc:
            letter = deadletters.for_record(STAGE, message, deadletters.reason("invalid Complaint", exc))
            batch.letters.append(letter)
            outputs.append(deadletters.as_output(letter))
            continue
        submissions.append(Submission.of(complaint, pipeline.salt))
        messages.append(message)
    for result, message in zip(pipeline.run(submissions), messages):
        if result.is_conflict:
            letter = deadletters.for_record(STAGE, message, conflict_reason(result))
            batch.letters.append(letter)
            outputs.append(deadletters.as_output(letter))
            continue
        if result.prediction is not None:
            CLASSIFICATION_CONFIDENCE.observe(result.prediction.confidence)
        if result.is_join:
            revision = pipeline.joined(result)
            outputs.append((REVISIONS.name, revision.complaint_id.encode(), revision.model_dump_json().encode()))
        elif result.is_exact_duplicate:
            report = pipeline.duplicate(result)
            outputs.append((DUPLICATES.name, report.duplicate_of.encode(), report.model_dump_json().encode()))
        else:
            routed = pipeline.routed(result)
            outputs.append((ROUTED.name, routed.complaint_id.encode(), routed.model_dump_json().encode()))
    return batch
