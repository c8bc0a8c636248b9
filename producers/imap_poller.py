"""Fetches complaints from an IMAP mailbox; a message is acknowledged only after Kafka acknowledged it.

Per message: ``UID FETCH BODY.PEEK[]`` (PEEK: fetching does not set ``\\Seen``) -> ``parse_email`` ->
``publish(complaint, raw)`` (blocks until the broker acknowledged) -> only then ``\\Seen`` is set, or
the message is moved to the processed folder. Ignored mail (auto-replies, bounces) is acknowledged
without publishing; invalid mail goes to ``dead_letter(raw, reason)`` first.

The mailbox is the only state: no local cursor, so UIDVALIDITY changes are harmless.

Crash safety: a poller killed between publish and acknowledgement leaves the message unseen; the next
run publishes it again. That is not a duplicate complaint: the complaint id is derived from the
Message-ID (``schemas.ids``), so the second record carries the same key and downstream deduplication
treats it as the same provider message. Nothing is ever acknowledged before it was published, so a
crash can repeat a message but never lose one.

``BrokerUnavailable`` from ``publish``/``dead_letter`` stops the round with the message left unseen;
``run_forever`` backs off and tries again. A lost IMAP connection is re-established with backoff.
New mail is awaited with IDLE (RFC 2177) when the server offers it, otherwise by polling.
"""

from __future__ import annotations

import imaplib
import logging
import select
import ssl as ssl_module
import threading
import time
from dataclasses import dataclass
from typing import Callable

from aduan.core.backoff import Backoff, Retrying
from aduan.core.blobs import BlobStore
from producers.email_parse import DEFAULT_MAX_ATTACHMENT_BYTES, ParsedMail, parse_email
from aduan.core.connections import BrokerUnavailable
from schemas.events import CitizenAnswer, Complaint, ContactPreference

log = logging.getLogger(__name__)

Publish = Callable[[Complaint | CitizenAnswer | ContactPreference, bytes], None]
DeadLetter = Callable[[bytes, str], None]

# What a dropped or unusable connection looks like: imaplib's abort/error, socket and TLS errors.
CONNECTION_ERRORS = (imaplib.IMAP4.error, OSError, EOFError)


@dataclass
class PollStats:
    fetched: int = 0
    published: int = 0
    ignored: int = 0
    dead_lettered: int = 0
    deferred: int = 0  # left unseen because the broker did not acknowledge
    remaining: int = 0  # matched but not fetched this round (batch limit or deferral)


def quote_mailbox(name: str) -> str:
    return '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'


class ImapPoller:
    def __init__(self, host: str, port: int, user: str, password: str, folder: str = "INBOX",
                 processed_folder: str = "", ssl: bool = True, *, publish: Publish, dead_letter: DeadLetter,
                 blobs: BlobStore | None = None, poll_interval_s: float = 30.0,
                 max_attachment_bytes: int = DEFAULT_MAX_ATTACHMENT_BYTES, timeout_s: float = 30.0,
                 batch_size: int = 50, use_idle: bool = True, idle_timeout_s: float = 300.0,
                 backoff_initial_s: float = 1.0, backoff_max_s: float = 60.0) -> None:
        self.host, self.port, self.user, self._password = host, port, user, password
        self.folder, self.processed_folder, self.ssl = folder, processed_folder, ssl
        self.publish, self.dead_letter, self.blobs = publish, dead_letter, blobs
        self.poll_interval_s, self.max_attachment_bytes, self.timeout_s = poll_interval_s, max_attachment_bytes, timeout_s
        self.batch_size, self.use_idle, self.idle_timeout_s = batch_size, use_idle, idle_timeout_s
        self.backoff = Backoff(initial_s=backoff_initial_s, max_s=backoff_max_s)
        self._conn: imaplib.IMAP4 | None = None
        self._capabilities: set[str] = set()

    @classmethod
    def from_settings(cls, settings, *, publish: Publish, dead_letter: DeadLetter,
                      blobs: BlobStore | None = None, **options) -> ImapPoller:
        return cls(settings.imap_host, settings.imap_port, settings.imap_user,
                   settings.imap_password.get_secret_value(), settings.imap_folder,
                   settings.imap_processed_folder, settings.imap_ssl, publish=publish, dead_letter=dead_letter,
                   blobs=blobs, max_attachment_bytes=settings.max_attachment_bytes, **options)

    # --- one round --------------------------------------------------------------------------------

    def run_once(self) -> PollStats:
        """Process what is waiting now. Connection errors propagate (after dropping the connection);
        the next call reconnects."""
        try:
            return self._run_once(self._ensure_connected())
        except CONNECTION_ERRORS:
            self._drop()
            raise

    def _run_once(self, conn: imaplib.IMAP4) -> PollStats:
        stats = PollStats()
        # Move mode empties the folder, so everything still there is pending; \Deleted ones await EXPUNGE.
        criteria = ("UNDELETED",) if self.processed_folder else ("UNSEEN", "UNDELETED")
        # Arrival notices gathered so far are answered by this SEARCH; later ones mean "run again".
        for kind in ("EXISTS", "RECENT"):
            conn.untagged_responses.pop(kind, None)
        uids = _ok(conn.uid("SEARCH", *criteria), "SEARCH")[0].split()
        for position, uid in enumerate(uids[:self.batch_size]):
            raw = self._fetch(conn, uid)
            if raw is None:
                continue  # expunged by someone else meanwhile
            stats.fetched += 1
            try:
                outcome = self._deliver(uid, raw)
            except BrokerUnavailable as exc:
                log.warning("broker did not acknowledge mail uid %s; left unseen: %s", uid.decode(), exc)
                stats.deferred += 1
                stats.remaining = len(uids) - position
                return stats
            setattr(stats, outcome, getattr(stats, outcome) + 1)
            self._acknowledge(conn, uid)
        stats.remaining = max(0, len(uids) - self.batch_size)
        return stats

    def _fetch(self, conn: imaplib.IMAP4, uid: bytes) -> bytes | None:
        data = _ok(conn.uid("FETCH", uid, "(BODY.PEEK[])"), "FETCH")
        for item in data:
            # Unsolicited FETCH (FLAGS ...) responses for other messages may share the list.
            if isinstance(item, tuple) and b"BODY[]" in item[0].upper():
                return item[1]
        return None

    def _deliver(self, uid: bytes, raw: bytes) -> str:
        parsed: ParsedMail = parse_email(raw, self.blobs, self.max_attachment_bytes)
        if parsed.complaint is not None:
            self.publish(parsed.complaint, raw)
            log.info("mail uid %s published as %s", uid.decode(), parsed.complaint.complaint_id)
            return "published"
        if parsed.answer is not None:
            self.publish(parsed.answer, raw)
            log.info("mail uid %s published as a %s", uid.decode(), type(parsed.answer).__name__)
            return "published"
        if parsed.ignored_reason is not None:
            log.info("mail uid %s ignored: %s", uid.decode(), parsed.ignored_reason)
            return "ignored"
        self.dead_letter(raw, parsed.invalid_reason or "invalid")
        log.warning("mail uid %s dead-lettered: %s", uid.decode(), parsed.invalid_reason)
        return "dead_lettered"

    def _acknowledge(self, conn: imaplib.IMAP4, uid: bytes) -> None:
        if not self.processed_folder:
            _ok(conn.uid("STORE", uid, "+FLAGS.SILENT", r"(\Seen)"), "STORE")
            return
        target = quote_mailbox(self.processed_folder)
        if "MOVE" in self._capabilities:
            _ok(conn.uid("MOVE", uid, target), "MOVE")
            return
        # Without MOVE (RFC 6851): a crash after COPY leaves a second copy in the processed folder and the
        # original pending, which is then published again under the same complaint id: harmless.
        _ok(conn.uid("COPY", uid, target), "COPY")
        _ok(conn.uid("STORE", uid, "+FLAGS.SILENT", r"(\Deleted)"), "STORE")
        if "UIDPLUS" in self._capabilities:
            _ok(conn.uid("EXPUNGE", uid), "UID EXPUNGE")
        else:
            _ok(conn.expunge(), "EXPUNGE")  # also removes other \Deleted mail in this folder; nothing else ours

    # --- forever ---------------------------------------------------------------------------------

    def run_forever(self, stop_event: threading.Event) -> None:
        retrying = Retrying(self.backoff)
        while not stop_event.is_set():
            try:
                stats = self.run_once()
            except CONNECTION_ERRORS as exc:
                delay = retrying.next_delay()
                log.warning("IMAP %s:%s unavailable (%s); reconnecting in %.1fs", self.host, self.port, exc, delay)
                stop_event.wait(delay)
                continue
            except Exception:
                # A bug must not end the process; the message stays unacknowledged and is retried.
                delay = retrying.next_delay()
                log.exception("mail poller round failed; retrying in %.1fs", delay)
                self._drop()
                stop_event.wait(delay)
                continue
            if stats.deferred:
                stop_event.wait(retrying.next_delay())
                continue
            retrying.reset()
            if stats.remaining:
                continue
            try:
                self.wait_for_mail(stop_event)
            except CONNECTION_ERRORS as exc:
                log.warning("IMAP connection lost while waiting for mail: %s", exc)
                self._drop()
        self.close()

    def wait_for_mail(self, stop_event: threading.Event) -> None:
        """Return when new mail may have arrived: IDLE when offered, else after ``poll_interval_s``."""
        if self._conn is not None and ("EXISTS" in self._conn.untagged_responses
                                       or "RECENT" in self._conn.untagged_responses):
            return  # mail arrived while the last round was acknowledging
        if self.use_idle and self._conn is not None and "IDLE" in self._capabilities:
            self._idle(self._conn, stop_event, min(self.poll_interval_s, self.idle_timeout_s))
        else:
            stop_event.wait(self.poll_interval_s)

    def _idle(self, conn: imaplib.IMAP4, stop_event: threading.Event, timeout_s: float) -> bool:
        """RFC 2177 IDLE on the raw socket (imaplib 3.11 has none). Returns whether new mail was announced.

        Only the socket is read here, never imaplib's buffered file: after a completed command that buffer
        is empty, and this reads exactly through the IDLE's tagged completion, so imaplib resumes cleanly.
        """
        tag = conn._new_tag()
        conn.send(tag + b" IDLE\r\n")
        reader = _LineReader(conn.sock)
        new_mail = False
        try:
            while True:  # until the continuation "+ idling"
                line = reader.readline(time.monotonic() + self.timeout_s)
                if line is None:
                    raise TimeoutError("no answer to IDLE")
                if line.startswith(tag):
                    self._capabilities.discard("IDLE")  # refused after all: poll from now on
                    return False
                if line.startswith(b"+"):
                    break
                new_mail |= _announces_mail(line)
            end = time.monotonic() + timeout_s
            while not new_mail and not stop_event.is_set() and time.monotonic() < end:
                line = reader.readline(min(end, time.monotonic() + 1.0))
                if line is None:
                    continue
                if line.startswith(b"* BYE"):
                    raise imaplib.IMAP4.abort(line.decode(errors="replace").strip())
                new_mail |= _announces_mail(line)
            conn.send(b"DONE\r\n")
            while True:
                line = reader.readline(time.monotonic() + self.timeout_s)
                if line is None:
                    raise TimeoutError("IDLE not terminated")
                if line.startswith(tag):
                    if not line[len(tag):].lstrip().upper().startswith(b"OK"):
                        raise imaplib.IMAP4.error(line.decode(errors="replace").strip())
                    return new_mail
                new_mail |= _announces_mail(line)
        finally:
            conn.tagged_commands.pop(tag, None)

    # --- connection ------------------------------------------------------------------------------

    def _ensure_connected(self) -> imaplib.IMAP4:
        if self._conn is not None:
            try:
                _ok(self._conn.noop(), "NOOP")
                return self._conn
            except CONNECTION_ERRORS:
                self._drop()
        conn = (imaplib.IMAP4_SSL(self.host, self.port, ssl_context=ssl_module.create_default_context(),
                                  timeout=self.timeout_s)
                if self.ssl else imaplib.IMAP4(self.host, self.port, timeout=self.timeout_s))
        try:
            conn.login(self.user, self._password)
            # Capabilities change after login (MOVE, IDLE, UIDPLUS are often only announced then).
            caps = _ok(conn.capability(), "CAPABILITY")[0] or b""
            self._capabilities = {c.upper() for c in caps.decode(errors="replace").split()}
            if self.processed_folder:
                conn.create(quote_mailbox(self.processed_folder))  # NO when it exists: fine
            _ok(conn.select(quote_mailbox(self.folder)), f"SELECT {self.folder}")
        except BaseException:
            _close_quietly(conn)
            raise
        self._conn = conn
        log.info("IMAP connected to %s:%s/%s", self.host, self.port, self.folder)
        return conn

    def _drop(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            try:
                conn.shutdown()
            except Exception:
                pass

    def close(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            _close_quietly(conn)


def _ok(response: tuple, what: str) -> list:
    typ, data = response
    if typ != "OK":
        detail = b" ".join(d for d in data if isinstance(d, bytes)).decode(errors="replace")
        raise imaplib.IMAP4.error(f"{what} failed: {typ} {detail}")
    return data


def _announces_mail(line: bytes) -> bool:
    return line.startswith(b"* ") and (line.rstrip().upper().endswith(b" EXISTS") or b" RECENT" in line.upper())


def _close_quietly(conn: imaplib.IMAP4) -> None:
    try:
        conn.logout()
    except Exception:
        try:
            conn.shutdown()
        except Exception:
            pass


class _LineReader:
    """CRLF lines from a (TLS) socket with a deadline, without the socket-file's sticky timeouts."""

    def __init__(self, sock) -> None:
        self.sock = sock
        self.buffer = b""

    def readline(self, deadline: float) -> bytes | None:
        while b"\r\n" not in self.buffer:
            pending = self.sock.pending() if hasattr(self.sock, "pending") else 0
            if not pending:
                wait = deadline - time.monotonic()
                if wait <= 0 or not select.select([self.sock], [], [], wait)[0]:
                    return None
            try:
                chunk = self.sock.recv(65536)
            except ssl_module.SSLWantReadError:
                continue  # a partial TLS record; wait for the rest
            if not chunk:
                raise imaplib.IMAP4.abort("connection closed by server")
            self.buffer += chunk
        line, _, self.buffer = self.buffer.partition(b"\r\n")
        return line + b"\r\n"


def intake_callables(intake, stage: str = "producers.email") -> tuple[Publish, DeadLetter]:
    """Blocking ``publish``/``dead_letter`` for the poller, built on ``producers.intake.Intake``."""
    def publish(event: Complaint | CitizenAnswer | ContactPreference, raw: bytes) -> None:
        if isinstance(event, Complaint):
            intake.accept_sync(event, raw)
        else:
            intake.record_sync(event, raw)

    def dead_letter(raw: bytes, reason: str) -> None:
        intake.dead_letter_sync("email", raw, reason, stage)

    return publish, dead_letter
