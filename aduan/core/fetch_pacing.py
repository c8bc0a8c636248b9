"""Consumers pause briefly after a fetch that brought nothing, instead of asking again at once.

Kafka holds a fetch that finds no data for ``fetch.max.wait.ms`` (500 ms) before answering, so an
idle consumer sends about two requests a second. The local emulator (noida-db 0.2.3) ignores the
wait and answers at once: one idle aiokafka consumer sent 29,338 fetch requests in 6 s and an idle
kafka-python consumer burned 0.96 s of CPU per second. The local stack runs several consumers (stream
worker, indexer, the API's live feed) on two cores, so idle consumers starved the busy ones.

Both client libraries get the same rule: after a fetch round that returned no records, wait
``pause_ms`` before the next one. Against Kafka the empty round already waited ``fetch.max.wait.ms``
on the broker, so the pause adds at most ``pause_ms`` of latency once per idle spell; against the
emulator it turns the busy loop into ``1000 / pause_ms`` requests a second. Records that arrive
during a pause are fetched when it ends. Installed once per process; the client versions are
pinned in pyproject.toml and the hooks are checked by tests/test_fetch_pacing.py.

A consumer whose records can wait (``slow``; a whole process with ``install``) pauses longer: at 20 ms an
idle kafka-python consumer still cost about 6 % of a core in fetch rounds and thread hand-overs, and the
indexer's second consumer (surge alerts, a topic that is nearly always empty) was one of those beside the
busy one.
"""

from __future__ import annotations

import asyncio
import functools
import time

from aiokafka.consumer.fetcher import Fetcher as AioFetcher
from kafka.consumer.fetcher import Fetcher as SyncFetcher

_pause_s = 0.0
_installed = False


def install(pause_ms: float) -> None:
    """Pace empty fetches of every consumer in this process (0 turns pacing off)."""
    global _pause_s, _installed
    _pause_s = max(pause_ms, 0.0) / 1000
    if _installed:
        return
    _installed = True
    _pace_kafka_python(SyncFetcher)
    _pace_aiokafka(AioFetcher)


def pause_s() -> float:
    return _pause_s


def slow(consumer, pause_ms: float) -> None:
    """Pace this kafka-python consumer's empty fetches by ``pause_ms`` instead of the process's pause."""
    consumer._fetcher.aduan_pause_s = max(pause_ms, 0.0) / 1000


def _pace_kafka_python(fetcher: type) -> None:
    fetch_records = fetcher.fetch_records

    @functools.wraps(fetch_records)
    def paced(self, max_records=None, update_offsets=True, timeout_ms=None):
        records, idle = fetch_records(self, max_records, update_offsets=update_offsets, timeout_ms=timeout_ms)
        pause = getattr(self, "aduan_pause_s", _pause_s)
        # ``idle`` means nothing was in flight: KafkaConsumer already sleeps then.
        if not records and not idle and pause:
            time.sleep(pause if timeout_ms is None else min(pause, max(timeout_ms, 0) / 1000))
        return records, idle

    fetcher.fetch_records = paced


def _pace_aiokafka(fetcher: type) -> None:
    proc_fetch_request = fetcher._proc_fetch_request

    @functools.wraps(proc_fetch_request)
    async def paced(self, assignment, node_id, request):
        # True when the response added records; the fetcher sends no new request to this node
        # until this returns, so sleeping here spaces that node's fetches.
        got_records = await proc_fetch_request(self, assignment, node_id, request)
        if not got_records and _pause_s:
            try:
                await asyncio.sleep(_pause_s)
            except asyncio.CancelledError:
                return False  # closing or unassigned, as the wrapped method reports it
        return got_records

    fetcher._proc_fetch_request = paced
