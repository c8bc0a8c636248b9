"""The intake journal on a real file system: synced before acknowledged, torn tails cut, nothing pending lost."""

from __future__ import annotations

import asyncio
import os
import threading
import time

import pytest

from aduan.core.journal import Entry, Forwarder, Journal, JournalFull, _read_segment


def entry(n: int, raw: bytes = b"") -> Entry:
    return Entry("complaints.raw.web", f"k{n}".encode(), f'{{"n": {n}}}'.encode(), raw)


def test_appended_records_survive_a_reopen_and_stay_pending_until_published(tmp_path):
    journal = Journal(tmp_path / "j").open()
    seqs = [journal.append(entry(n, raw=b"raw body %d" % n)) for n in range(5)]
    assert seqs == [0, 1, 2, 3, 4]
    journal.published(0)
    journal.published(2)  # out of order: 1 is still pending, so the position stays at 1
    journal.checkpoint()
    # kill -9: no close, no clean marker
    journal._lock_handle.close()
    again = Journal(tmp_path / "j").open()
    assert not again.was_clean
    assert [r.seq for r in again.pending()] == [1, 2, 3, 4]  # 2 was published, but only 0 was below the mark
    assert again.pending()[0].entry == entry(1, raw=b"raw body 1")
    assert again.append(entry(5)) == 5
    again.close()
    assert Journal(tmp_path / "j").open().was_clean


def test_concurrent_appends_are_group_committed(tmp_path):
    journal = Journal(tmp_path / "j").open()
    syncs = []
    real = os.fdatasync

    def counting(fd):
        syncs.append(fd)
        real(fd)

    os.fdatasync = counting
    try:
        async def burst():
            return await asyncio.gather(*(journal.append_async(entry(n)) for n in range(200)))
        seqs = asyncio.run(burst())
    finally:
        os.fdatasync = real
    assert sorted(seqs) == list(range(200)) and len(set(seqs)) == 200
    assert len(syncs) < 200 / 4, f"{len(syncs)} syncs for 200 concurrent appends"
    journal.close()


def test_a_torn_tail_is_cut_off_and_the_rest_kept(tmp_path):
    journal = Journal(tmp_path / "j").open()
    for n in range(3):
        journal.append(entry(n))
    journal._lock_handle.close()
    [segment] = sorted((tmp_path / "j").glob("*.log"))
    whole = segment.read_bytes()
    segment.write_bytes(whole[:-7])  # the power went out in the middle of the last write
    reopened = Journal(tmp_path / "j").open()
    assert [r.seq for r in reopened.pending()] == [0, 1]
    assert segment.stat().st_size == _read_segment(segment)[1] < len(whole) - 7  # cut at the last whole record
    assert reopened.append(entry(9)) == 2  # the torn record's seq is free again: it was never acknowledged
    reopened._lock_handle.close()
    # a flipped bit is caught by the checksum, not read as a record
    data = bytearray(segment.read_bytes())
    data[-3] ^= 0x40
    segment.write_bytes(bytes(data))
    assert [r.seq for r in Journal(tmp_path / "j").open().pending()] == [0, 1]


def test_the_size_cap_refuses_instead_of_acknowledging(tmp_path):
    journal = Journal(tmp_path / "j", max_bytes=600).open()
    journal.append(entry(0, raw=b"x" * 200))
    with pytest.raises(JournalFull):
        journal.append(entry(1, raw=b"x" * 500))
    assert [r.seq for r in journal.pending()] == [0]
    journal.close()


def test_a_second_writer_is_kept_out(tmp_path):
    journal = Journal(tmp_path / "j").open()
    with pytest.raises(RuntimeError, match="in use"):
        Journal(tmp_path / "j").open()
    journal.close()


def test_the_forwarder_publishes_pending_records_in_order_once_the_broker_answers(tmp_path):
    journal = Journal(tmp_path / "j").open()
    for n in range(4):
        journal.append(entry(n))
    broker_up = threading.Event()
    sent = []

    def publish(e: Entry) -> None:
        if not broker_up.is_set():
            raise ConnectionError("broker down")
        sent.append(e.key)

    forwarder = Forwarder(journal, publish, grace_s=0)
    with pytest.raises(ConnectionError):
        forwarder.forward_once()
    assert sent == [] and len(journal.pending()) == 4
    broker_up.set()
    assert forwarder.forward_once() == 4
    assert sent == [b"k0", b"k1", b"k2", b"k3"] and journal.pending() == []
    journal.append(entry(4))
    assert Forwarder(journal, publish, grace_s=60).forward_once() == 0  # its request still waits for the ack
    journal.close()


def test_recent_window_covers_published_records_too(tmp_path):
    journal = Journal(tmp_path / "j").open()
    for n in range(3):
        journal.published(journal.append(entry(n)))
    assert [r.seq for r in journal.recent(60)] == [0, 1, 2]
    assert list(journal.recent(60, now=time.time() + 3600)) == []
    journal.close()


def test_the_forwarder_outlives_a_checkpoint_that_fails_on_a_full_disk(tmp_path, monkeypatch):
    journal = Journal(tmp_path / "j").open()
    journal.append(entry(0))

    def full(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(journal, "checkpoint", full)
    sent = []
    forwarder = Forwarder(journal, lambda e: sent.append(e.key), grace_s=0, period_s=0.01, checkpoint_s=0).start()
    try:
        deadline = time.monotonic() + 5
        while not sent and time.monotonic() < deadline:
            time.sleep(0.01)
        journal.append(entry(1))  # after a failed checkpoint the thread still forwards
        while len(sent) < 2 and time.monotonic() < deadline:
            time.sleep(0.01)
        assert sent == [b"k0", b"k1"] and forwarder._thread.is_alive()
    finally:
        forwarder.stop()
        monkeypatch.undo()
        journal.close()


def test_while_the_broker_is_failing_a_request_waits_briefly_and_the_journal_answers(tmp_path):
    from aduan.core.journal import JournaledPublisher
    from schemas.topics import STATUS
    from tests import factories as make

    class Stalled:
        failing = True
        waited = 0

        async def publish_bytes_async(self, topic, key, value):
            await asyncio.sleep(60)  # a stalled broker never answers

    journal = Journal(tmp_path / "j").open()
    publisher = JournaledPublisher(Stalled(), journal)
    event = make.status(make.complaint().complaint_id)
    started = time.monotonic()
    asyncio.run(publisher.publish_async(STATUS, event.complaint_id, event))
    assert time.monotonic() - started < JournaledPublisher.AWAY_WAIT_S + 0.5
    assert publisher.deferred == 1 and len(journal.pending()) == 1  # the forwarder sends it later
    journal.close()


def test_a_journal_left_by_a_process_that_is_gone_is_adopted_and_one_in_use_is_not(tmp_path):
    from aduan.core.journal import adopt_orphans

    root = tmp_path / "journal"
    gone = Journal(root / "api-old").open()
    for n in range(3):
        gone.append(entry(n))
    gone.published(0)
    gone.checkpoint()  # record 0 known to be in Kafka before the process died
    gone._lock_handle.close()  # died without closing: records 1 and 2 pending, an unclean stop
    gone._closed = True
    alive = Journal(root / "api-alive").open()
    alive.append(entry(9))
    own = Journal(root / "api-own").open()
    sent = []
    assert adopt_orphans(root, own.directory, lambda e: sent.append(e.key), window_s=300, idle_s=60) == 0  # too fresh
    assert adopt_orphans(root, own.directory, lambda e: sent.append(e.key), window_s=0, idle_s=0) == 2
    assert sent == [b"k1", b"k2"]  # the live journal (locked) and our own are left alone
    assert Journal(root / "api-old").open().pending() == []  # adopted: nothing left pending
    alive.close()
    own.close()


def test_told_the_broker_restarted_a_process_publishes_its_recent_window_again_until_it_goes_through(tmp_path):
    """The local stack's supervisor signals the API instead of restarting it after a broker restart: the
    window goes out again (published records too: the restarted broker may have lost them), and a first
    attempt the fresh broker refuses is retried, not given up (the records are marked published already)."""
    import signal

    from aduan.core.journal import REPUBLISH_SIGNAL, journaled
    from aduan.core.settings import Settings

    class Flaky:
        failing = False

        def __init__(self) -> None:
            self.refusals, self.sent = 2, []

        def publish_bytes(self, topic, key, value):
            if self.refusals:
                self.refusals -= 1
                raise ConnectionError("OutOfOrderSequenceNumberError")
            self.sent.append(key)

        def close(self) -> None:
            pass

    class Connections:
        def __init__(self) -> None:
            self.flaky = Flaky()

        def publisher(self, _name):
            return self.flaky

    settings = Settings(data_dir=str(tmp_path), kafka_bootstrap="127.0.0.1:1", elasticsearch_url="http://127.0.0.1:1",
                        instance_id="t")
    connections = Connections()
    earlier = signal.getsignal(REPUBLISH_SIGNAL)
    journal, publisher, forwarder = journaled(settings, connections, "api")
    try:
        from schemas.topics import STATUS
        from tests import factories as make

        for n in range(3):
            connections.flaky.refusals = 0
            event = make.status(make.complaint().complaint_id)
            publisher.publish(STATUS, f"k{n}", event)
        assert connections.flaky.sent == ["k0", "k1", "k2"] and journal.pending() == []
        connections.flaky.refusals = 2
        os.kill(os.getpid(), REPUBLISH_SIGNAL)
        deadline = time.monotonic() + 10
        while len(connections.flaky.sent) < 6 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert connections.flaky.sent == ["k0", "k1", "k2", "k0", "k1", "k2"]
    finally:
        signal.signal(REPUBLISH_SIGNAL, earlier)
        forwarder.stop()
        journal.close()


def test_after_one_send_waited_in_vain_the_next_request_waits_only_briefly(tmp_path):
    """A producer whose broker died does not fail its sends at once (it waits to reconnect): the first
    request of the outage waits ACK_WAIT_S, the ones after it AWAY_WAIT_S, each answered from the journal."""
    from aduan.core.journal import JournaledPublisher
    from schemas.topics import STATUS
    from tests import factories as make

    class Unreachable:
        failing = False  # nothing has failed yet: the sends just hang

        async def publish_bytes_async(self, topic, key, value):
            await asyncio.sleep(60)

    journal = Journal(tmp_path / "j").open()
    publisher = JournaledPublisher(Unreachable(), journal)
    waits = []
    for _ in range(2):
        event = make.status(make.complaint().complaint_id)
        started = time.monotonic()
        asyncio.run(publisher.publish_async(STATUS, event.complaint_id, event))
        waits.append(time.monotonic() - started)
    assert JournaledPublisher.ACK_WAIT_S <= waits[0] < JournaledPublisher.ACK_WAIT_S + 0.5
    assert JournaledPublisher.AWAY_WAIT_S <= waits[1] < JournaledPublisher.AWAY_WAIT_S + 0.5
    assert publisher.deferred == 2 and len(journal.pending()) == 2
    journal.close()
