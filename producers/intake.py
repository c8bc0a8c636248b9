"""What every channel does after parsing: keep the raw bytes, publish, wait for the ack.

Channel modules turn a provider's wire format into a ``Complaint`` (or raise
``Rejected``) and hand it here. Nothing is acknowledged to a citizen, gateway or
mailbox before ``accept`` returns.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from pydantic import ValidationError

from aduan.core import deadletters
from aduan.core.connections import BrokerUnavailable, Publisher
from aduan.core.metrics import INTAKE_ACCEPTED, INTAKE_REJECTED, INTAKE_UNAVAILABLE
from producers.blobs import BlobStore
from schemas.events import Channel, Complaint
from schemas.topics import RAW


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


@dataclass
class Intake:
    publisher: Publisher
    blobs: BlobStore

    async def accept(self, complaint: Complaint, raw: bytes | None = None) -> Complaint:
        complaint = self._with_raw(complaint, raw)
        with self._counted(complaint.channel):
            await self.publisher.publish_async(RAW[complaint.channel], complaint.complaint_id, complaint)
        return complaint

    def accept_sync(self, complaint: Complaint, raw: bytes | None = None) -> Complaint:
        """``accept`` for blocking callers (the IMAP poller, backfills)."""
        complaint = self._with_raw(complaint, raw)
        with self._counted(complaint.channel):
            self.publisher.publish(RAW[complaint.channel], complaint.complaint_id, complaint)
        return complaint

    async def dead_letter(self, channel: Channel, raw: bytes, reason: str, stage: str) -> None:
        """Parseable but invalid input: kept with its reason, never silently dropped."""
        await deadletters.send_async(self.publisher, deadletters.for_input(stage, channel, raw, reason))

    def dead_letter_sync(self, channel: Channel, raw: bytes, reason: str, stage: str) -> None:
        deadletters.send(self.publisher, [deadletters.for_input(stage, channel, raw, reason)])

    def _with_raw(self, complaint: Complaint, raw: bytes | None) -> Complaint:
        if raw is not None and complaint.raw_ref is None:
            complaint = complaint.model_copy(update={"raw_ref": self.blobs.ref(raw)})
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
