"""`aduan surge`: the surge detector (streams/surge.py) as its own faust app beside the stage.

    complaints.routed ──► agent "aduan.surge" ──► complaints.alerts (compacted on alert_id)

A separate app id (``ADUAN_SURGE_APP_ID``) and process: the stage's cost per complaint stays what it
was, and the detector sees every routed complaint whichever worker routed it. The routed event's
``region_code`` is the kab/kota, so the kecamatan is found again here by the same gazetteer on the same
text (~40 µs a complaint, paid in this process only).

State: the detector's entries (per key: the learned level and counts; per micro-batch: the complaints it
added to windows, their times and keys; the hour-of-week shape; the open alerts; the event clock) in one
faust GlobalTable with one changelog
partition (as the stage's dedup table: one process reads all of it, whatever partition a complaint
came from). Changed entries are written after every micro-batch, and faust flushes the changelog before
it commits the batch's offsets: a restarted process recovers the table, rebuilds the detector from it
and goes on where the committed offsets are; a replayed batch counts nothing twice (window ids).

Time is event time. When no complaint arrives the clock would stand still and an alert would stay
open through a quiet night, so a timer moves the clock on by the wall time that passed since the last
complaint (only while idle: a replay in compressed time never idles, a live stream idles in real time).
"""

from __future__ import annotations

import json
import logging
import time
from pathlib import Path

import faust
from pydantic import ValidationError

from aduan.core import deadletters
from aduan.core.connections import Connections
from aduan.core.settings import Settings
from schemas.categories import load_categories
from schemas.events import RoutedComplaint, SurgeAlert
from schemas.topics import ALERTS, DEADLETTER, ROUTED
from schemas.units import region_codes
from streams.app import Batch, announce_ready, faust_app, forward_batches
from streams.changelog_compaction import compact
from streams.locate import KECAMATAN, DESA, Gazetteer
from streams.surge import SurgeDetector, Thresholds, observation_of

log = logging.getLogger(__name__)

STAGE = "streams.surge"
IDLE_TICK_S = 30.0
SURGE_BATCH_MAX = 2000


def region_namer(gazetteer: Gazetteer):
    def name(code: str) -> str | None:
        if len(code) <= 4:
            return region_codes().get(code)
        region = gazetteer.by_code(code)
        return region.name if region else None
    return name


def kecamatan_locator(gazetteer: Gazetteer):
    """The kecamatan of a routed complaint, from the text the stage located it with."""
    def locate(routed: RoutedComplaint) -> str | None:
        location = routed.location
        text = "\n".join(p for p in (location.text if location else None, routed.subject, routed.text) if p)
        region = gazetteer.locate(text, location.region_code if location else None)
        if region is None:
            return None
        return region.code if region.level == KECAMATAN else region.kecamatan_code if region.level == DESA else None
    return locate


def detector_for(settings: Settings, gazetteer: Gazetteer) -> SurgeDetector:
    labels = {code: topic["label"] for code, topic in load_categories().items()}
    return SurgeDetector(Thresholds.from_settings(settings), names=region_namer(gazetteer), labels=labels)


def alert_output(alert: SurgeAlert) -> tuple[str, bytes, bytes]:
    return ALERTS.name, alert.alert_id.encode(), alert.model_dump_json().encode()


def process(detector: SurgeDetector, locate, events) -> Batch:
    """One micro-batch of routed complaints → the alert events it raises, updates and closes."""
    batch = Batch()
    for event in events:
        try:
            routed = RoutedComplaint.model_validate_json(event.message.value)
        except ValidationError as exc:
            refuse(batch, event.message, deadletters.reason("invalid RoutedComplaint", exc))
        else:
            batch.outputs.extend(map(alert_output, detector.observe(observation_of(routed, locate))))
    return batch


def refuse(batch: Batch, message, reason: str) -> None:
    letter = deadletters.for_record(STAGE, message, reason)
    batch.letters.append(letter)
    batch.outputs.append(deadletters.as_output(letter))


def decoded(value):
    return json.loads(value) if isinstance(value, (bytes, str)) else value


def encoded(value) -> bytes:
    return json.dumps(value, separators=(",", ":")).encode()


def save(detector: SurgeDetector, table) -> None:
    for key, value in detector.export().items():
        if value is None:
            table.pop(key, None)
        else:
            table[key] = encoded(value)


def create_surge_app(settings: Settings, ready_file: Path | None = None) -> faust.App:
    # The worker's faust configuration under the surge app id: same broker, store and commit pacing.
    app = faust_app(settings.model_copy(update={"stream_app_id": settings.surge_app_id}))
    routed_topic = app.topic(ROUTED.name, key_type=bytes, value_type=bytes)
    out = {spec.name: app.topic(spec.name, key_type=bytes, value_type=bytes) for spec in (ALERTS, DEADLETTER)}
    table = app.GlobalTable("surge-state", partitions=1, recovery_buffer_size=1, use_partitioner=True,
                            synchronize_all_active_partitions=True, key_type=str, value_type=bytes)
    gazetteer = Gazetteer.load()
    detector = detector_for(settings, gazetteer)
    locate = kecamatan_locator(gazetteer)
    last_event = {"wall": time.time()}

    @table.on_recover
    async def rebuild() -> None:
        entries = detector.load((key, decoded(value)) for key, value in table.items())
        log.info("surge state recovered: %d entries, %d open alerts", entries, len(detector.alerts))

    def handle(events) -> Batch:
        batch = process(detector, locate, events)
        save(detector, table)
        last_event["wall"] = time.time()
        return batch

    @app.agent(routed_topic, name="aduan.surge")
    async def surge(stream):
        # Batches of up to a second: each writes the keys it changed once, so a busy place's key is written
        # once a second instead of once a micro-batch (the detector's CPU under load nearly halved).
        await forward_batches(stream, handle, out, max_events=SURGE_BATCH_MAX, within_s=settings.surge_batch_s)

    @app.timer(IDLE_TICK_S)
    async def advance_while_idle() -> None:
        idle = time.time() - last_event["wall"]
        if idle < IDLE_TICK_S or not detector.now:
            return
        closed = detector.advance(detector.now + idle)
        last_event["wall"] = time.time()
        save(detector, table)
        for topic, key, value in map(alert_output, closed):
            await out[topic].send(key=key, value=value, force=True)

    if settings.changelog_compaction_s:
        connections = Connections(settings)

        @app.timer(settings.changelog_compaction_s)
        async def compact_changelog() -> None:
            try:
                await compact(app, table, connections,
                              lambda: {key: encoded(v) for key, v in detector.snapshot().items()})
            except Exception as exc:  # noqa: BLE001 - compaction is an economy; the next round tries again
                log.warning("surge changelog not compacted this round: %s", exc)

    announce_ready(app, ready_file)
    return app
