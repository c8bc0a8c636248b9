"""What every channel does after parsing: keep the raw bytes, publish, wait for the ack.

Channel modules turn a provider's wire format into a ``Complaint`` (or raise
``Rejected``) and hand it here. Nothing is acknowledged to a citizen, gateway or
mailbox before ``accept`` returns.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from pydantic import ValidationError

from aduan.core import deadletters
from aduan.core.connections import BrokerUnavailable, Publisher
from aduan.core.metrics import INTAKE_ACCEPTED, INTAKE_REJECTED, INTAKE_UNAVAILABLE
from aduan.core.blobs import BlobStore
from producers.media import STAGE as MEDIA_STAGE
from producers.media import MediaFetcher, MediaRef, fetch_letter
from schemas.events import Channel, CitizenAnswer, Complaint, ComplaintRevision, ContactPreference, NotificationRecord
from schemas.ids import receipt_key
from schemas.topics import ANSWERS, NOTIFICATIONS, PREFERENCES, RAW, REVISIONS, TopicSpec, raw_key

# What a channel publishes besides complaints, journaled like them: its topic and key.
Record = CitizenAnswer | ContactPreference | ComplaintRevision | NotificationRecord  # receipts of aduan's messages


def record_topic(event: Record) -> tuple[TopicSpec, str]:
    if isinstance(event, CitizenAnswer):
        return ANSWERS, event.contact_key
    if isinstance(event, ContactPreference):
        return PREFERENCES, event.contact_key
    if isinstance(event, NotificationRecord):
        return NOTIFICATIONS, receipt_key(event.notification_id, event.result)
    return REVISIONS, event.complaint_id


log = logging.getLogger(__name__)

INDEX_LOOKUP_S = 0.5  # how long a client-chosen id waits for the index's "was it taken?" answer
INDEX_QUIET_S = 10.0  # after a lookup failed: answer from the ledger (and the stage's check) alone


class Rejected(Exception):
    """Input refused at the door (unparseable, unauthenticated, too large): answered 4xx, nothing written."""

    def __init__(self, status_code: int, reason: str, detail: object = None) -> None:
        super().__init__(reason)
        self.status_code = status_code
        self.reason = reason
        self.detail = detail if detail is not None else reason


def validation_detail(exc: ValidationError) -> list[dict]:
    """Field-level errors without echoing the input back (it may hold contacts)."""
    return [{"field": ".".join(str(p) for p in err["loc"]) or None, "message": err["msg"], "type": err["type"]}
            for err in exc.errors(include_input=False, include_url=False)]


class Ledger:
    """What this process accepted under a client-chosen id: complaint_id → content digest, the newest
    ``size`` entries. In memory and per process: it answers a conflicting resubmission at the door
    (``409``) while it remembers; ``Intake.stored_digest`` asks the index for the rest (other replicas,
    restarts, evicted entries), and the stream stage's ``content_conflict`` dead letter is the durable
    line of defence behind both (a conflict sent before the first submission was indexed)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._digests: OrderedDict[str, str] = OrderedDict()

    def claim(self, complaint_id: str, digest: str) -> bool | None:
        """Take ``complaint_id`` for ``digest``: True when new, False when already held by the same
        content, None when held by other content (a conflict; nothing changes)."""
        held = self._digests.get(complaint_id)
        if held is not None and held != digest:
            return None
        self._digests[complaint_id] = digest
        self._digests.move_to_end(complaint_id)
        while len(self._digests) > self.size:
            self._digests.popitem(last=False)
        return held is None

    def conflicts(self, complaint_id: str, digest: str) -> bool:
        held = self._digests.get(complaint_id)
        return held is not None and held != digest

    def release(self, complaint_id: str, digest: str) -> None:
        """Give back a claim whose publish failed: the id was never accepted."""
        if self._digests.get(complaint_id) == digest:
            del self._digests[complaint_id]


class Conflict(Exception):
    """The id was accepted with other content (answered ``409 idempotency_conflict``)."""

    def __init__(self, complaint: Complaint) -> None:
        super().__init__(complaint.complaint_id)
        self.complaint = complaint


@dataclass
class Intake:
    publisher: Publisher
    blobs: BlobStore
    ledger: Ledger = field(default_factory=lambda: Ledger(100_000))
    raw_in_journal: bool = False  # the publisher is journaled (aduan.core.journal): it keeps the raw request
    # complaint_id → the content digest the index holds (None when not indexed). The ledger is per
    # process and forgets on restart; the index remembers what every replica accepted once indexed.
    # Wired by the API's composition root (the read side owns the index).
    stored_digest: Callable[[str], str | None] | None = None
    media: MediaFetcher | None = None  # provider media and Graph lookups; None = nothing is fetched
    _index_quiet_until: float = field(default=0.0, repr=False)

    async def accept_once(self, complaint: Complaint, raw: bytes | None = None,
                          before_publish: Callable[[], None] | None = None) -> Complaint:
        """``accept`` for ids a client chooses (``Idempotency-Key``, the form token): the same content
        again is the same answer, other content raises ``Conflict`` before anything is written.
        The claim is taken before the publish, so two concurrent requests cannot both pass.
        ``before_publish`` runs once the id is known to be free (the form stores its files then)."""
        digest = complaint.content_digest()
        claimed = self.ledger.claim(complaint.complaint_id, digest)
        if claimed is None:
            raise Conflict(complaint)
        if claimed:
            held = await self._indexed_digest(complaint.complaint_id)
            if held is not None and held != digest:
                # Another replica (or this one before a restart) accepted the id: remember what stands.
                self.ledger.release(complaint.complaint_id, digest)
                self.ledger.claim(complaint.complaint_id, held)
                raise Conflict(complaint)
        try:
            if before_publish is not None:
                before_publish()
            return await self.accept(complaint, raw)
        except BaseException:
            if claimed:
                self.ledger.release(complaint.complaint_id, digest)
            raise

    async def accept(self, complaint: Complaint, raw: bytes | None = None) -> Complaint:
        complaint = self._with_raw(complaint, raw)
        with self._counted(complaint.channel):
            await self.publisher.publish_async(RAW[complaint.channel], raw_key(complaint), complaint,
                                               raw=raw or b"")
        return complaint

    async def record(self, event: Record, raw: bytes | None = None) -> None:
        """Publish an answer, preference, revision or receipt through the same journaled path as complaints."""
        topic, key = record_topic(event)
        await self.publisher.publish_async(topic, key, event, raw=raw or b"")

    def record_sync(self, event: Record, raw: bytes | None = None) -> None:
        """``record`` for blocking callers (the IMAP poller)."""
        topic, key = record_topic(event)
        self.publisher.publish(topic, key, event, raw=raw or b"")

    async def with_media(self, complaint: Complaint, refs: list[MediaRef],
                         account_sid: str | None = None) -> tuple[Complaint, list[tuple[bytes, str]]]:
        """The complaint with its provider media fetched into the blob store (``producers.media``), and
        the dead letters (raw, reason) of the fetches that kept failing: their attachments are marked
        unavailable, the complaint is kept."""
        if not refs:
            return complaint, []
        if self.media is None:
            fetched = [MediaFetcher._unavailable(ref, "media fetching is not configured") for ref in refs]
        else:
            fetched = await self.media.fetch_all(refs, account_sid)
        letters = [(fetch_letter(complaint.complaint_id, ref, f.failure), f"media unavailable: {f.failure}")
                   for ref, f in zip(refs, fetched) if f.failure]
        attachments = [*complaint.attachments, *(f.attachment for f in fetched)]
        return complaint.model_copy(update={"attachments": attachments}), letters

    async def media_dead_letters(self, channel: Channel, letters: list[tuple[bytes, str]]) -> None:
        for raw, why in letters:
            await self.dead_letter(channel, raw, why, stage=MEDIA_STAGE)

    def accept_sync(self, complaint: Complaint, raw: bytes | None = None) -> Complaint:
        """``accept`` for blocking callers (the IMAP poller, backfills)."""
        complaint = self._with_raw(complaint, raw)
        with self._counted(complaint.channel):
            self.publisher.publish(RAW[complaint.channel], raw_key(complaint), complaint, raw=raw or b"")
        return complaint

    async def dead_letter(self, channel: Channel, raw: bytes, reason: str, stage: str) -> None:
        """Parseable but invalid input: kept with its reason, never silently dropped."""
        await deadletters.send_async(self.publisher, deadletters.for_input(stage, channel, raw, reason))

    def dead_letter_sync(self, channel: Channel, raw: bytes, reason: str, stage: str) -> None:
        deadletters.send(self.publisher, [deadletters.for_input(stage, channel, raw, reason)])

    async def _indexed_digest(self, complaint_id: str) -> str | None:
        if self.stored_digest is None or time.monotonic() < self._index_quiet_until:
            return None
        try:
            # Briefly: a stalled search server must not hold the citizen's answer (the journal answers
            # while the broker is away; this lookup must not undo that).
            return await asyncio.wait_for(asyncio.to_thread(self.stored_digest, complaint_id), INDEX_LOOKUP_S)
        except Exception as exc:  # noqa: BLE001 — the index being down must not refuse intake
            # The stream stage's content_conflict dead letter still keeps the first content.
            log.warning("index not asked whether %s was accepted before: %s", complaint_id, type(exc).__name__)
            # Not again for a while: lookups piling up on a stalled search server would hold the
            # threads that also carry sends to Kafka.
            self._index_quiet_until = time.monotonic() + INDEX_QUIET_S
            return None

    def _with_raw(self, complaint: Complaint, raw: bytes | None) -> Complaint:
        if raw is not None and complaint.raw_ref is None:
            # A journaled publisher keeps the raw bytes beside the event: no file per request.
            ref = f"sha256:{hashlib.sha256(raw).hexdigest()}" if self.raw_in_journal else self.blobs.ref(raw)
            complaint = complaint.model_copy(update={"raw_ref": ref})
        return complaint

    @staticmethod
    @contextmanager
    def _counted(channel: Channel) -> Iterator[None]:
        try:
            yield
        except BrokerUnavailable:
            INTAKE_UNAVAILABLE.labels(channel).inc()
            raise
        INTAKE_ACCEPTED.labels(channel).inc()

    @staticmethod
    def reject(channel: Channel, status_code: int, reason: str, detail: object = None) -> Rejected:
        INTAKE_REJECTED.labels(channel, reason).inc()
        return Rejected(status_code, reason, detail)
