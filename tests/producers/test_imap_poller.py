"""The mail poller against a real Dovecot (tests/dovecot.py). The Kafka side is a recording callable."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from producers.imap_poller import CONNECTION_ERRORS, ImapPoller
from aduan.core.connections import BrokerUnavailable
from aduan.dovecot import running_dovecot

# No skip when Dovecot is missing: the README's test command installs it, and a skipped
# mail test would let CI pass without ever touching IMAP.
pytestmark = pytest.mark.integration

SAMPLES = Path(__file__).parent / "mail_samples"
REPO = Path(__file__).resolve().parents[2]


def sample(name: str) -> bytes:
    return (SAMPLES / name).read_bytes()


def mail(n: int, subject: str = "Jalan rusak") -> bytes:
    return (f"From: Warga {n} <warga{n}@example.id>\r\nTo: pengaduan@example.go.id\r\n"
            f"Subject: {subject} {n}\r\nMessage-ID: <m{n}@example.id>\r\nDate: Mon, 15 Jan 2024 09:00:00 +0700\r\n"
            f"Content-Type: text/plain; charset=utf-8\r\n\r\nAduan nomor {n}.\r\n").encode()


class Recorder:
    def __init__(self) -> None:
        self.published: list = []
        self.dead: list[tuple[bytes, str]] = []

    def publish(self, complaint, raw: bytes) -> None:
        self.published.append(complaint)

    def dead_letter(self, raw: bytes, reason: str) -> None:
        self.dead.append((raw, reason))


@pytest.fixture(scope="module")
def dovecot():
    with running_dovecot() as server:
        yield server


@pytest.fixture
def mailbox(dovecot):
    """A clean INBOX (and Processed) for each test."""
    dovecot.clear("INBOX", "Processed")
    return dovecot


def poller(server, recorder: Recorder, **options) -> ImapPoller:
    options = {"poll_interval_s": 0.2, "backoff_initial_s": 0.05, "backoff_max_s": 0.2, "timeout_s": 5, **options}
    return ImapPoller(server.host, server.port, server.user, server.password, "INBOX",
                      options.pop("processed_folder", ""), False, publish=options.pop("publish", recorder.publish),
                      dead_letter=recorder.dead_letter, **options)


def seen(flags: set[str]) -> bool:
    return r"\Seen" in flags


def wait_for(predicate, timeout_s: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return predicate()


def test_marks_seen_only_after_publish_returned(mailbox):
    mailbox.append(mail(1))
    mailbox.append(sample("auto_reply.eml"))
    mailbox.append(sample("empty_body.eml"))
    recorder = Recorder()
    seen_at_publish: list[bool] = []

    def publish(complaint, raw):
        # Checked from a second IMAP session while "Kafka" has not acknowledged yet.
        seen_at_publish.append(any(seen(f) for f in mailbox.flags().values()))
        recorder.publish(complaint, raw)

    p = poller(mailbox, recorder, publish=publish)
    try:
        stats = p.run_once()
    finally:
        p.close()
    assert (stats.fetched, stats.published, stats.ignored, stats.dead_lettered, stats.deferred) == (3, 1, 1, 1, 0)
    assert seen_at_publish == [False]
    assert [c.provider_message_id for c in recorder.published] == ["m1@example.id"]
    assert recorder.dead == [(sample("empty_body.eml"), "empty message: no text body and no subject")]
    flags = mailbox.flags()
    assert len(flags) == 3 and all(seen(f) for f in flags.values())


def test_broker_unavailable_leaves_mail_unseen_until_next_run(mailbox):
    mailbox.append(mail(1))
    mailbox.append(mail(2))
    recorder = Recorder()
    broker_up = False

    def publish(complaint, raw):
        if not broker_up:
            raise BrokerUnavailable("not acknowledged")
        recorder.publish(complaint, raw)

    p = poller(mailbox, recorder, publish=publish)
    try:
        stats = p.run_once()
        assert (stats.fetched, stats.deferred, stats.published, stats.remaining) == (1, 1, 0, 2)
        assert not any(seen(f) for f in mailbox.flags().values())
        broker_up = True
        stats = p.run_once()
    finally:
        p.close()
    assert stats.published == 2
    assert sorted(c.provider_message_id for c in recorder.published) == ["m1@example.id", "m2@example.id"]
    assert all(seen(f) for f in mailbox.flags().values())


class Crash(BaseException):
    """Like SIGKILL/KeyboardInterrupt between Kafka's ack and the IMAP acknowledgement."""


def test_crash_between_publish_and_ack_loses_nothing_and_reuses_the_id(mailbox):
    mailbox.append(mail(7))
    first = Recorder()

    def publish_then_die(complaint, raw):
        first.publish(complaint, raw)
        raise Crash()

    crashing = poller(mailbox, first, publish=publish_then_die)
    with pytest.raises(Crash):
        crashing.run_once()
    crashing._drop()
    assert not any(seen(f) for f in mailbox.flags().values())

    second = Recorder()
    restarted = poller(mailbox, second)
    try:
        assert restarted.run_once().published == 1
        assert restarted.run_once().fetched == 0  # acknowledged now: not published a third time
    finally:
        restarted.close()
    assert [c.complaint_id for c in second.published] == [c.complaint_id for c in first.published]
    assert all(seen(f) for f in mailbox.flags().values())


def test_killed_poller_process_is_resumed_by_the_next_one(mailbox, tmp_path):
    """A real SIGKILL of a poller process after publish returned, before it marked the mail."""
    mailbox.append(mail(9))
    published_log = tmp_path / "published.txt"
    script = textwrap.dedent(f"""
        import time
        from producers.imap_poller import ImapPoller
        def publish(complaint, raw):
            with open({str(published_log)!r}, "a") as f:
                f.write(complaint.complaint_id + "\\n")
            time.sleep(60)  # killed here
        ImapPoller({mailbox.host!r}, {mailbox.port}, {mailbox.user!r}, {mailbox.password!r}, ssl=False,
                   publish=publish, dead_letter=lambda raw, reason: None).run_once()
    """)
    child = subprocess.Popen([sys.executable, "-c", script], cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)})
    try:
        assert wait_for(lambda: published_log.exists() and published_log.read_text().endswith("\n"), 20)
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait(10)
    assert not any(seen(f) for f in mailbox.flags().values())
    recorder = Recorder()
    p = poller(mailbox, recorder)
    try:
        assert p.run_once().published == 1
    finally:
        p.close()
    assert [c.complaint_id for c in recorder.published] == published_log.read_text().split()
    assert all(seen(f) for f in mailbox.flags().values())


def test_processed_folder_mode_moves_mail(mailbox):
    mailbox.append(mail(1))
    mailbox.append(sample("bounce.eml"))
    recorder = Recorder()
    p = poller(mailbox, recorder, processed_folder="Processed")
    try:
        stats = p.run_once()
        assert (stats.published, stats.ignored) == (1, 1)
        assert p.run_once().fetched == 0
    finally:
        p.close()
    assert mailbox.flags("INBOX") == {}
    assert len(mailbox.flags("Processed")) == 2


def test_processed_folder_without_move_extension_copies_and_expunges(mailbox):
    mailbox.append(mail(1))
    recorder = Recorder()
    p = poller(mailbox, recorder, processed_folder="Processed")
    try:
        p.run_once()  # connects
        p._capabilities.discard("MOVE")
        mailbox.append(mail(2))
        assert p.run_once().published == 1
    finally:
        p.close()
    assert mailbox.flags("INBOX") == {}
    assert len(mailbox.flags("Processed")) == 2


def test_reconnects_after_imap_server_restart(mailbox):
    mailbox.append(mail(1))
    recorder = Recorder()
    p = poller(mailbox, recorder)
    try:
        assert p.run_once().published == 1
        mailbox.stop()
        with pytest.raises(CONNECTION_ERRORS):
            p.run_once()
        mailbox.start()
        mailbox.append(mail(2))
        assert p.run_once().published == 1
    finally:
        p.close()
    assert [c.provider_message_id for c in recorder.published] == ["m1@example.id", "m2@example.id"]


def test_run_forever_survives_restart_and_wakes_on_idle(mailbox):
    recorder = Recorder()
    # A long poll interval: only IDLE can deliver the new mail this fast.
    p = poller(mailbox, recorder, poll_interval_s=30, idle_timeout_s=30)
    stop = threading.Event()
    thread = threading.Thread(target=p.run_forever, args=(stop,), daemon=True)
    thread.start()
    try:
        assert wait_for(lambda: "IDLE" in p._capabilities, 5)
        time.sleep(0.3)
        started = time.monotonic()
        mailbox.append(mail(1))
        assert wait_for(lambda: len(recorder.published) == 1, 5)
        assert time.monotonic() - started < 5

        mailbox.stop()  # the IMAP server goes away while the poller idles on it
        time.sleep(0.5)
        mailbox.start()
        mailbox.append(mail(2))
        assert wait_for(lambda: len(recorder.published) == 2, 10)
    finally:
        stop.set()
        thread.join(10)
    assert not thread.is_alive()
    assert [c.provider_message_id for c in recorder.published] == ["m1@example.id", "m2@example.id"]
    assert all(seen(f) for f in mailbox.flags().values())


def test_polling_without_idle(mailbox):
    recorder = Recorder()
    p = poller(mailbox, recorder, use_idle=False, poll_interval_s=0.1)
    stop = threading.Event()
    thread = threading.Thread(target=p.run_forever, args=(stop,), daemon=True)
    thread.start()
    try:
        mailbox.append(mail(3))
        assert wait_for(lambda: len(recorder.published) == 1, 5)
    finally:
        stop.set()
        thread.join(10)
    assert not thread.is_alive()


def test_batches_process_everything(mailbox):
    for n in range(5):
        mailbox.append(mail(n))
    recorder = Recorder()
    p = poller(mailbox, recorder, batch_size=2)
    try:
        first = p.run_once()
        assert (first.published, first.remaining) == (2, 3)
        while p.run_once().published:
            pass
    finally:
        p.close()
    assert len(recorder.published) == 5
