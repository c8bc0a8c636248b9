"""Compaction writes the writer's own state again, never the table's copy of it: a GlobalTable applies its
own changelog records to that copy as they are read back, so it can hold a key's older value for a while."""

from __future__ import annotations

import asyncio

import json

from benchmarks.surge_replay import START, WEEK, Traffic
from streams import changelog_compaction
from streams.surge import Replay, SurgeDetector
from tests.streams.test_surge import NAMES, burst


class StaleTable(dict):
    """A table whose local copy is behind what its writer last wrote (a read-back not yet caught up)."""

    class changelog_topic:  # noqa: N801 - the shape faust's table has
        @staticmethod
        def get_topic_name() -> str:
            return "surge-state-changelog"


class App:
    class producer:  # noqa: N801
        @staticmethod
        async def flush() -> None:
            return None


def test_compaction_rewrites_the_writers_state_not_the_stale_table_copy(monkeypatch):
    deleted: list[int] = []
    monkeypatch.setattr(changelog_compaction, "_offsets", lambda connections, tp: (0, 100))
    monkeypatch.setattr(changelog_compaction, "_delete_below", lambda connections, tp, offset: deleted.append(offset))
    table = StaleTable({"series|a": b"older", "series|gone": b"resurrected by a read-back"})
    current = {"series|a": b"newest", "clock": b"{}"}
    removed = asyncio.run(changelog_compaction.compact(App(), table, None, lambda: current))
    assert removed == 100 and deleted == [100]
    assert table["series|a"] == b"newest"  # the table's copy would have made "older" the key's newest record
    assert table["series|gone"] == b"resurrected by a read-back"  # not written again: its records go


def test_no_compaction_while_the_changelog_is_small(monkeypatch):
    monkeypatch.setattr(changelog_compaction, "_offsets", lambda connections, tp: (0, 4))
    monkeypatch.setattr(changelog_compaction, "_delete_below", lambda *a: (_ for _ in ()).throw(AssertionError))
    table = StaleTable()
    assert asyncio.run(changelog_compaction.compact(App(), table, None, lambda: {"a": b"1", "b": b"2"})) == 0
    assert table == {}


def test_a_snapshot_is_the_table_the_saved_batches_left_and_rebuilds_the_same_detector():
    observations = Traffic(3, 150).background(START, 2) + burst(START + 2 * WEEK - 3 * 3600, 20)
    observations.sort(key=lambda o: o.received_at)
    as_json = lambda entries: json.dumps(entries, sort_keys=True)  # noqa: E731
    detector, alerted = SurgeDetector(names=NAMES), False
    table = SurgeDetector(names=NAMES).snapshot()  # a fresh detector's clock, profile and repeat rate
    for start in range(0, len(observations), 5):  # saved after every batch, deletions included
        Replay(detector).feed(observations[start:start + 5])
        for key, value in detector.export().items():
            table.pop(key, None) if value is None else table.__setitem__(key, value)
        snapshot = detector.snapshot()
        # The hour-of-week profile is saved when its hour ends (it changes with every complaint); a snapshot
        # holds it as it is now: fresher than the table, never older.
        assert snapshot.pop("profile") == detector.profile and table["profile"]["c"] <= detector.profile["c"]
        assert as_json(snapshot) == as_json({k: v for k, v in table.items() if k != "profile"})
        assert not detector.dirty
        snapshot = detector.snapshot()
        alerted = alerted or any(key.startswith("alert|") for key in snapshot)
    assert alerted and any(key.startswith("series|") for key in snapshot)
    rebuilt = SurgeDetector(names=NAMES)
    rebuilt.load(snapshot.items())
    assert as_json(rebuilt.snapshot()) == as_json(snapshot)
