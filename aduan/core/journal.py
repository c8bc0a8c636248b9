"""The intake journal: every accepted submission is on disk, checksummed and synced, before anyone hears "yes".

A process that acknowledges input (the API, the mail poller) appends each record — the topic and key
it is for, the event's bytes and the raw request bytes — to its own append-only journal and waits
for ``fdatasync`` before it answers. Appends from concurrent requests are written and synced
together (group commit): one sync per batch, so the cost per request stays small under load.

Then the record is published to Kafka as before. When the broker does not acknowledge, the record
stays *pending* in the journal and the answer is still a success (the journal has it); the
``Forwarder`` publishes pending records in order once the broker is back. When the journal cannot
take a record (disk full, size cap reached) ``JournalFull`` is raised and the caller must answer
``503`` with ``Retry-After`` — never a success.

On disk: ``<dir>/<first seq, 20 digits>.log`` segments of records

    magic "AJ" | version 1 | flags | u32 length | u32 crc32c(body) | body
    body = u64 seq | f64 unix time | u16 topic | topic | u16 key | key | u32 value | value | u32 raw | raw

and ``<dir>/published`` (the highest seq below which every record is known to be in Kafka, rewritten
atomically) and ``<dir>/clean`` (present only after a clean close). A torn or corrupt tail — a crash
in the middle of a write — fails its length or checksum and is cut off at open, with a log line:
those records were never synced, so nobody was told "yes" for them.
"""

from __future__ import annotations

import asyncio
import errno
import logging
import os
import signal
import struct
import threading
import time
from collections.abc import Iterator
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path

import crc32c
from pydantic import BaseModel

from aduan.core.backoff import Backoff, Retrying
from aduan.core.connections import BrokerUnavailable, Connections, Publisher
from aduan.core.settings import Settings
from schemas.topics import TopicSpec, by_name

log = logging.getLogger(__name__)

MAGIC = b"AJ\x01\x00"
HEADER = struct.Struct(">4sII")  # magic+version+flags, body length, crc32c of the body
MAX_RECORD_BYTES = 64 * 1024 * 1024
SEGMENT_BYTES = 64 * 1024 * 1024


class JournalFull(BrokerUnavailable):
    """The journal cannot take the record (disk full or size cap): not durable, so answer 503 with
    Retry-After like any other "not accepted" (it is a ``BrokerUnavailable`` for every caller)."""


@dataclass(frozen=True)
class Entry:
    topic: str
    key: bytes
    value: bytes
    raw: bytes = b""


@dataclass(frozen=True)
class Stored:
    seq: int
    at: float  # unix time the record was appended
    entry: Entry


def _encode(seq: int, at: float, entry: Entry) -> bytes:
    topic = entry.topic.encode()
    body = b"".join((struct.pack(">QdH", seq, at, len(topic)), topic, struct.pack(">H", len(entry.key)), entry.key,
                     struct.pack(">I", len(entry.value)), entry.value, struct.pack(">I", len(entry.raw)), entry.raw))
    return HEADER.pack(MAGIC, len(body), crc32c.crc32c(body)) + body


def _decode(body: bytes) -> Stored:
    seq, at, topic_len = struct.unpack_from(">QdH", body, 0)
    at_ = 18
    topic = body[at_:at_ + topic_len].decode()
    at_ += topic_len
    (key_len,) = struct.unpack_from(">H", body, at_)
    key = body[at_ + 2:at_ + 2 + key_len]
    at_ += 2 + key_len
    (value_len,) = struct.unpack_from(">I", body, at_)
    value = body[at_ + 4:at_ + 4 + value_len]
    at_ += 4 + value_len
    (raw_len,) = struct.unpack_from(">I", body, at_)
    raw = body[at_ + 4:at_ + 4 + raw_len]
    return Stored(seq, at, Entry(topic, key, value, raw))


def _read_segment(path: Path) -> tuple[list[Stored], int]:
    """The valid records of a segment and the byte length they cover (anything after is torn or corrupt)."""
    data = path.read_bytes()
    records, position = [], 0
    while position + HEADER.size <= len(data):
        magic, length, checksum = HEADER.unpack_from(data, position)
        end = position + HEADER.size + length
        if magic != MAGIC or length > MAX_RECORD_BYTES or end > len(data):
            break
        body = data[position + HEADER.size:end]
        if crc32c.crc32c(body) != checksum:
            break
        records.append(_decode(body))
        position = end
    return records, position


class Journal:
    """One writer per directory (a lock file keeps a second process out)."""

    def __init__(self, directory: Path, *, max_bytes: int = 1024 * 1024 * 1024, retention_s: float = 7 * 86400,
                 segment_bytes: int = SEGMENT_BYTES, sync: bool = True) -> None:
        self.directory = Path(directory)
        self.max_bytes = max_bytes
        self.retention_s = retention_s
        self.segment_bytes = segment_bytes
        self.sync = sync
        self.was_clean = True  # the previous writer closed the journal cleanly (set by open)
        self._pending: dict[int, Stored] = {}  # appended, not yet known to be in Kafka
        self._published_below = 0  # every seq < this is in Kafka
        self._next_seq = 0
        self._size = 0
        self._segment: Path | None = None
        self._handle = None
        self._queue: list[tuple[Entry, Future]] = []
        self._cond = threading.Condition()
        self._state_lock = threading.Lock()
        self._closed = False
        self._writer: threading.Thread | None = None
        self._lock_handle = None

    # -- lifecycle

    def open(self) -> Journal:
        import fcntl

        self.directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        self._lock_handle = open(self.directory / "lock", "a")
        try:
            fcntl.flock(self._lock_handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise RuntimeError(f"journal {self.directory} is in use by another process") from exc
        clean = self.directory / "clean"
        self.was_clean = clean.exists() or not any(self.directory.glob("*.log"))
        clean.unlink(missing_ok=True)
        self._published_below = self._read_published()
        for path in self._segments():
            records, valid = _read_segment(path)
            if valid < path.stat().st_size:
                log.warning("journal %s: %d torn or corrupt bytes cut off at %d (never acknowledged)",
                            path.name, path.stat().st_size - valid, valid)
                with open(path, "r+b") as handle:
                    handle.truncate(valid)
            for record in records:
                self._next_seq = record.seq + 1
                if record.seq >= self._published_below:
                    self._pending[record.seq] = record
            self._size += valid
        self._published_below = max(self._published_below, min(self._pending, default=self._next_seq))
        self._writer = threading.Thread(target=self._write_loop, name="journal-writer", daemon=True)
        self._writer.start()
        return self

    def close(self) -> None:
        with self._cond:
            self._closed = True
            self._cond.notify_all()
        if self._writer is not None:
            self._writer.join(10)
        if self._handle is not None:
            self._handle.close()
            self._handle = None
        self.checkpoint()
        (self.directory / "clean").touch(mode=0o600)
        if self._lock_handle is not None:
            self._lock_handle.close()

    # -- appending

    def append(self, entry: Entry) -> int:
        """Blocking append; returns the record's seq once it is synced. Raises ``JournalFull``."""
        return self._submit(entry).result()

    async def append_async(self, entry: Entry) -> int:
        return await asyncio.wrap_future(self._submit(entry))

    def _submit(self, entry: Entry) -> Future:
        future: Future = Future()
        with self._cond:
            if self._closed:
                future.set_exception(JournalFull("journal closed"))
                return future
            self._queue.append((entry, future))
            self._cond.notify()
        return future

    def _write_loop(self) -> None:
        while True:
            with self._cond:
                while not self._queue and not self._closed:
                    self._cond.wait()
                if not self._queue and self._closed:
                    return
                batch, self._queue = self._queue, []
            self._write_batch(batch)

    def _write_batch(self, batch: list[tuple[Entry, Future]]) -> None:
        now = time.time()
        records, blobs, size = [], [], 0
        for entry, _ in batch:
            record = Stored(self._next_seq + len(records), now, entry)
            blob = _encode(record.seq, now, entry)
            records.append(record)
            blobs.append(blob)
            size += len(blob)
        if self._size + size > self.max_bytes:
            self._fail(batch, JournalFull(f"journal at its size cap ({self.max_bytes} bytes)"))
            return
        try:
            handle = self._segment_for(size)
            start = handle.tell()
            try:
                handle.write(b"".join(blobs))
                handle.flush()
                if self.sync:
                    os.fdatasync(handle.fileno())
            except OSError:
                handle.truncate(start)  # leave no partial record behind a failed write
                raise
        except OSError as exc:
            full = exc.errno in (errno.ENOSPC, errno.EDQUOT)
            self._fail(batch, JournalFull("disk full" if full else f"journal write failed: {exc}"))
            return
        self._next_seq += len(records)
        self._size += size
        with self._state_lock:
            if not self._pending:
                self._published_below = records[0].seq
            for record in records:
                self._pending[record.seq] = record
        for (_, future), record in zip(batch, records):
            future.set_result(record.seq)

    @staticmethod
    def _fail(batch: list[tuple[Entry, Future]], exc: Exception) -> None:
        log.warning("journal refused %d records: %s", len(batch), exc)
        for _, future in batch:
            future.set_exception(exc)

    def _segment_for(self, size: int):
        if self._handle is not None and self._handle.tell() + size > self.segment_bytes:
            self._handle.close()
            self._handle = None
        if self._handle is None:
            existing = self._segments()
            if existing and existing[-1].stat().st_size + size <= self.segment_bytes:
                self._segment = existing[-1]
            else:
                self._segment = self.directory / f"{self._next_seq:020d}.log"
            fd = os.open(self._segment, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
            self._handle = os.fdopen(fd, "ab")
            if self.sync:
                dir_fd = os.open(self.directory, os.O_RDONLY)
                try:
                    os.fsync(dir_fd)  # the new segment's name survives a power cut too
                finally:
                    os.close(dir_fd)
        return self._handle

    # -- what Kafka has

    def published(self, seq: int) -> None:
        """``seq`` is acknowledged by Kafka."""
        with self._state_lock:
            if self._pending.pop(seq, None) is None or seq != self._published_below:
                return
            # Records are published nearly in order: walk forward over what is no longer pending.
            below = seq + 1
            while below < self._next_seq and below not in self._pending:
                below += 1
            self._published_below = below

    def pending(self) -> list[Stored]:
        """Records appended but not known to be in Kafka, oldest first."""
        with self._state_lock:
            return [self._pending[seq] for seq in sorted(self._pending)]

    def recent(self, window_s: float, now: float | None = None) -> Iterator[Stored]:
        """Every record appended within ``window_s`` (already published or not), oldest first: after an
        unclean stop they are published again, because the broker may have lost what it acknowledged."""
        since = (time.time() if now is None else now) - window_s
        for path in self._segments():
            for record in _read_segment(path)[0]:
                if record.at >= since:
                    yield record

    def checkpoint(self) -> None:
        """Persist the published position and drop segments that are published and past retention."""
        with self._state_lock:
            below = self._published_below
        target = self.directory / "published"
        temporary = target.with_suffix(".tmp")
        temporary.write_text(f"{below}\n")
        os.chmod(temporary, 0o600)
        os.replace(temporary, target)
        cutoff = time.time() - self.retention_s
        segments = self._segments()
        for path, following in zip(segments, segments[1:]):
            # A segment's records all come before the next segment's first seq.
            if int(following.stem) <= below and path.stat().st_mtime < cutoff and path != self._segment:
                self._size -= path.stat().st_size
                path.unlink()

    @property
    def size_bytes(self) -> int:
        return self._size

    def _read_published(self) -> int:
        try:
            return int((self.directory / "published").read_text().strip() or 0)
        except (OSError, ValueError):
            return 0

    def _segments(self) -> list[Path]:
        return sorted(self.directory.glob("*.log"))


class Forwarder:
    """Publishes what the journal has and Kafka does not, oldest first, once the broker answers.

    A record is left alone for ``grace_s`` after it was appended: the request that appended it is
    still waiting for its own acknowledgement. ``publish(entry)`` must raise when the broker does not
    acknowledge; the forwarder then backs off and tries the same record again.
    """

    def __init__(self, journal: Journal, publish, *, grace_s: float = 15.0, period_s: float = 0.5,
                 checkpoint_s: float = 1.0, backoff=None) -> None:
        self.journal = journal
        self.publish = publish
        self.grace_s = grace_s
        self.period_s = period_s
        self.checkpoint_s = checkpoint_s
        self.retrying = Retrying(backoff or Backoff(initial_s=0.5, max_s=10.0))
        self.forwarded = 0
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()

    def forward_once(self, now: float | None = None) -> int:
        """Publish every pending record older than the grace period; stops at the first failure."""
        cutoff = (time.time() if now is None else now) - self.grace_s
        sent = 0
        for record in self.journal.pending():
            if record.at > cutoff:
                break
            self.publish(record.entry)
            self.journal.published(record.seq)
            sent += 1
        self.forwarded += sent
        return sent

    def run(self) -> None:
        last_checkpoint = 0.0
        while not self._stop.is_set():
            delay = self.period_s
            try:
                if self.forward_once():
                    log.info("journal: forwarded %d pending records", self.forwarded)
                self.retrying.reset()
            except Exception as exc:  # the broker is still away: the records wait in the journal
                delay = self.retrying.next_delay()
                log.warning("journal: %d records wait for the broker (%s); next try in %.1fs",
                            len(self.journal.pending()), exc, delay)
            if time.monotonic() - last_checkpoint >= self.checkpoint_s:
                try:
                    self.journal.checkpoint()
                except OSError as exc:  # disk full: the forwarder must live on (the next try rewrites it)
                    log.warning("journal: checkpoint failed (%s)", exc)
                last_checkpoint = time.monotonic()
            self._stop.wait(delay)

    def start(self) -> Forwarder:
        self._thread = threading.Thread(target=self.run, name="journal-forwarder", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(15)


class JournaledPublisher:
    """A ``Publisher`` whose every record is journaled first: what it says "published" to is durable.

    ``publish_async``/``publish`` return once the journal has the record and Kafka acknowledged it —
    or, when Kafka does not answer, once the journal has it (the forwarder publishes it later). They
    raise ``JournalFull`` (a ``BrokerUnavailable``) only when the journal cannot take the record.
    ``raw`` (the request's bytes) is kept in the journal beside the event.
    """

    AWAY_WAIT_S = 1.0  # how long a request waits for Kafka while the broker is failing
    # ... and while it is not: an acknowledgement normally takes milliseconds; a broker that has just
    # stalled has not failed a send yet (that takes the producer's timeout), so without a cap every
    # request of the stall's first seconds would wait that long. Providers give up early (X after 3 s).
    ACK_WAIT_S = 2.0

    def __init__(self, publisher: Publisher, journal: Journal) -> None:
        self.publisher = publisher
        self.journal = journal
        self.deferred = 0  # records acknowledged from the journal alone (the broker did not answer)
        # The last send was not acknowledged within ACK_WAIT_S. A producer whose broker died does not fail its
        # sends for a while (it waits to reconnect), so without this every request of a broker outage waited
        # the full ACK_WAIT_S (2.01 s a request in tests/faults/test_broker_emulator_killed.py).
        self.acks_late = False

    def _entry(self, topic: TopicSpec, key: str, event: BaseModel, raw: bytes) -> Entry:
        return Entry(topic.name, key.encode(), Publisher._encode(topic, event), raw)

    async def publish_async(self, topic: TopicSpec, key: str, event: BaseModel, raw: bytes = b"") -> None:
        entry = self._entry(topic, key, event, raw)
        seq = await self.journal.append_async(entry)
        sent = asyncio.ensure_future(self.publisher.publish_bytes_async(topic, key, entry.value))
        # The broker did not acknowledge the last send: wait only briefly, then let the journal answer
        # (a provider that timed out counts the message as failed although the journal has it).
        wait_s = self.AWAY_WAIT_S if self.publisher.failing or self.acks_late else self.ACK_WAIT_S
        try:
            await asyncio.wait_for(asyncio.shield(sent), wait_s)
        except BrokerUnavailable:
            self.deferred += 1
            return
        except asyncio.TimeoutError:
            # Answered from the journal; a late acknowledgement still marks the record published, so
            # the forwarder does not send it a second time.
            self.deferred += 1
            self.acks_late = True
            sent.add_done_callback(lambda done, seq=seq: self._late(done, seq))
            return
        self.acks_late = False
        self.journal.published(seq)

    def _late(self, done: asyncio.Future, seq: int) -> None:
        if not done.cancelled() and done.exception() is None:
            self.acks_late = False  # the broker answers again, if slowly
            self.journal.published(seq)

    def publish(self, topic: TopicSpec, key: str, event: BaseModel, raw: bytes = b"") -> None:
        entry = self._entry(topic, key, event, raw)
        seq = self.journal.append(entry)
        try:
            self.publisher.publish_bytes(topic, key, entry.value)
        except BrokerUnavailable:
            self.deferred += 1
            return
        self.journal.published(seq)

    def publish_many(self, items: list[tuple[TopicSpec, str, BaseModel]]) -> None:
        for topic, key, event in items:
            self.publish(topic, key, event)

    def forward(self, entry: Entry) -> None:
        """The forwarder's publish: the journaled bytes, as they were."""
        self.publisher.publish_bytes(by_name(entry.topic), entry.key.decode(), entry.value)

    def republish_recent(self, window_s: float) -> int:
        """After an unclean stop the broker may have lost what it acknowledged: publish the window again
        (same ids, same bytes: idempotent downstream). Stops at the first failure; returns how many."""
        sent = 0
        for record in self.journal.recent(window_s):
            self.forward(record.entry)
            self.journal.published(record.seq)
            sent += 1
        return sent

    def close(self) -> None:
        self.publisher.close()


# Sent by the local stack's supervisor to a journaled process after the broker came back from a restart.
REPUBLISH_SIGNAL = signal.SIGUSR1
ORPHAN_IDLE_S = 60.0  # a journal untouched this long is not one a supervisor is about to reopen


def adopt_orphans(root: Path, own: Path, forward, *, window_s: float, idle_s: float = ORPHAN_IDLE_S) -> int:
    """Forward what the journals of processes that are gone left behind: a process that died and was not
    started again under the same identity (another ``ADUAN_INSTANCE_ID``, a second app's fallback
    journal) would otherwise keep its pending records forever. A journal whose process lives is locked
    and left alone; one written to within ``idle_s`` is left to its own restart. After an unclean stop
    the recent window goes out again too, as its own process would have done. Raises on the first
    failure (the broker is away): the next call tries again. Returns how many records it sent."""
    sent = 0
    for directory in sorted(p for p in root.iterdir() if p.is_dir() and p != own):
        newest = max((f.stat().st_mtime for f in directory.glob("*.log")), default=0.0)
        if time.time() - newest < idle_s:
            continue
        journal = Journal(directory)
        try:
            journal.open()
        except RuntimeError:
            continue  # its process is alive
        try:
            records = {r.seq: r for r in journal.pending()}
            if not journal.was_clean:
                records.update({r.seq: r for r in journal.recent(window_s)})
            for seq in sorted(records):
                forward(records[seq].entry)
                journal.published(seq)
                sent += 1
        finally:
            journal.close()
        if sent:
            log.warning("journal %s of a process that is gone: %d records forwarded", directory.name, sent)
    return sent


def journaled(settings: Settings, connections: Connections, process: str):
    """The process's journal, its journaled publisher and the forwarder (or the plain publisher when
    ADUAN_JOURNAL is off). After an unclean stop the recent window is published again, in the
    background: the broker may have lost what it acknowledged (the local emulator persists about
    once a second). So it is on ``REPUBLISH_SIGNAL``, which the local stack's supervisor sends when
    the broker restarted under the running process."""
    plain = connections.publisher(f"aduan-{process}")
    if not settings.journal:
        return None, plain, None
    directory = Path(settings.data_dir) / "journal" / f"{process}-{settings.instance_id}"
    try:
        journal = Journal(directory, max_bytes=settings.journal_max_bytes,
                          retention_s=settings.journal_retention_s).open()
    except RuntimeError:  # another process of the same instance id (a test's second app): one of its own
        journal = Journal(directory.with_name(f"{directory.name}-{os.getpid()}-{id(settings):x}"),
                          max_bytes=settings.journal_max_bytes, retention_s=settings.journal_retention_s).open()
    publisher = JournaledPublisher(plain, journal)
    forwarder = Forwarder(journal, publisher.forward, grace_s=settings.kafka_timeout_s + 5).start()
    republishing = threading.Lock()

    def republish(why: str) -> None:
        # Until it went through: the records it sends are marked published already, so the forwarder would
        # not send them again, and a broker that has just come back may not answer the first attempt.
        retrying = Retrying(Backoff(initial_s=0.5, max_s=10.0))
        with republishing:
            while True:
                try:
                    count = publisher.republish_recent(settings.recovery_window_s)
                    log.warning("journal %s: %d records of the last %.0fs published again (%s)",
                                directory.name, count, settings.recovery_window_s, why)
                    return
                except Exception as exc:
                    delay = retrying.next_delay()
                    log.warning("journal %s: re-publishing the recent window failed (%s); again in %.1fs",
                                directory.name, exc, delay)
                    if forwarder._stop.wait(delay):
                        return

    def republish_in_background(why: str) -> None:
        threading.Thread(target=republish, args=(why,), name="journal-republish", daemon=True).start()

    if not journal.was_clean or os.environ.get("ADUAN_RECOVERING") == "1":
        republish_in_background("after an unclean stop")
    if threading.current_thread() is threading.main_thread():
        # The local broker restarted under a running process (aduan.stack): what it had acknowledged in its
        # last second may be gone. Published again without a restart, intake never stops answering.
        signal.signal(REPUBLISH_SIGNAL, lambda _signum, _frame: republish_in_background("the broker restarted"))

    def adopt() -> None:
        while not forwarder._stop.wait(ORPHAN_IDLE_S / 2):
            try:
                adopt_orphans(journal.directory.parent, journal.directory, publisher.forward,
                              window_s=settings.recovery_window_s)
            except Exception as exc:  # the broker is away: the orphans wait, like our own records
                log.warning("journal: adopting orphaned journals failed (%s); trying again later", exc)
    threading.Thread(target=adopt, name="journal-adopt", daemon=True).start()
    return journal, publisher, forwarder
