"""What was decided, sent and delivered (``complaints.notifications``) and who opted out
(``complaints.preferences``): both compacted topics, read whole at start and followed afterwards.

The fold of one notification's records is monotone: ``pending`` < ``sent``/``failed``/``skipped`` <
``delivered`` < ``read``, so a receipt that arrives before the notifier's own ``sent`` record (a fast
provider) is never undone by it in the ledger, and a receipt that says ``failed`` after ``delivered`` is
not believed. (On the compacted topic itself the last record written wins; the race between a receipt
and ``sent`` is milliseconds wide and only ever loses a receipt, never causes a send.)
"""

from __future__ import annotations

import logging

from kafka import KafkaConsumer, TopicPartition
from pydantic import ValidationError

from schemas.events import ContactPreference, NotificationRecord
from schemas.topics import NOTIFICATIONS, PREFERENCES

log = logging.getLogger(__name__)

RANK = {"pending": 0, "sent": 1, "failed": 1, "skipped_opted_out": 1, "delivered": 2, "read": 3}
FINAL = frozenset({"sent", "failed", "skipped_opted_out", "delivered", "read"})


def fold(current: NotificationRecord | None, incoming: NotificationRecord) -> NotificationRecord:
    """The record to keep. A receipt (no template known to its sender) keeps the sent record's fields."""
    if current is None:
        return incoming
    if RANK[incoming.result] < RANK[current.result]:
        return current
    if RANK[incoming.result] == RANK[current.result] and incoming.result != "pending" and current.result != "pending":
        return current  # sent twice would be a bug upstream; the first word stands
    return incoming.model_copy(update={
        "provider_message_id": incoming.provider_message_id or current.provider_message_id,
        "attempts": max(incoming.attempts, current.attempts)})


class Ledger:
    """In-memory view of both compacted topics, fed by a group-less reader assigned to every partition."""

    def __init__(self, reader: KafkaConsumer | None = None) -> None:
        self.records: dict[str, NotificationRecord] = {}
        self.opted_out: dict[str, bool] = {}
        self.by_provider_id: dict[str, str] = {}  # provider message id → complaint id (answers that quote it)
        self.reader = reader
        if reader is not None:
            partitions = [TopicPartition(spec.name, p) for spec in (NOTIFICATIONS, PREFERENCES)
                          for p in range(spec.partitions)]
            reader.assign(partitions)
            reader.seek_to_beginning(*partitions)

    def apply(self, record: NotificationRecord) -> None:
        kept = fold(self.records.get(record.notification_id), record)
        self.records[record.notification_id] = kept
        if kept.provider_message_id:
            self.by_provider_id[kept.provider_message_id] = kept.complaint_id

    def apply_preference(self, preference: ContactPreference) -> None:
        self.opted_out[preference.contact_key] = preference.opted_out

    def done(self, notification_id: str) -> bool:
        record = self.records.get(notification_id)
        return record is not None and record.result in FINAL

    def catch_up(self, to_end: bool = False, timeout_ms: int = 0) -> int:
        """Read what is new on both topics; ``to_end``: until the end offsets of now (start-up)."""
        if self.reader is None:
            return 0
        seen = 0
        ends = self.reader.end_offsets(list(self.reader.assignment())) if to_end else {}
        while True:
            batch = self.reader.poll(timeout_ms=timeout_ms if not to_end else 200, max_records=5000)
            for tp, records in batch.items():
                for record in records:
                    seen += 1
                    self._read(tp.topic, record.value)
            if not to_end:
                if not batch:
                    return seen
                continue
            if all(self.reader.position(tp) >= end for tp, end in ends.items()):
                return seen

    def _read(self, topic: str, value: bytes | None) -> None:
        if value is None:
            return  # a tombstone
        try:
            if topic == NOTIFICATIONS.name:
                self.apply(NotificationRecord.model_validate_json(value))
            else:
                self.apply_preference(ContactPreference.model_validate_json(value))
        except ValidationError as exc:
            log.warning("unreadable record on %s ignored: %s", topic, exc.errors()[:1])

    def close(self) -> None:
        if self.reader is not None:
            self.reader.close()
