"""What was decided, sent and delivered (``complaints.notifications``) and who opted out
(``complaints.preferences``): both compacted topics, read whole at start and followed afterwards.

A notification has two kinds of records, on different keys of the compacted topic (``schemas.ids.receipt_key``):
the notifier's own (``pending`` before the send, then ``sent``/``failed``/``skipped_opted_out``; keyed by the
notification id) and the providers' receipts (``sent``/``delivered``/``read``/``failed``; one key per result).
What the ledger knows of it is ``fold(own, receipts)``, which does not depend on the order the records
arrived in nor on which of them compaction kept last: a receipt that beat the notifier's ``sent`` to the
broker is not erased by it, a ``read`` that beat ``delivered`` stays ``read``, and a ``failed`` receipt after
``delivered`` is not believed. A receipt also settles a ``pending`` record: the provider accepted the message,
so a notifier restarted in the crash window between the provider's answer and its own ``sent`` does not send
it again (``consumers/notify/notifier.py``).
"""

from __future__ import annotations

import logging
from typing import Iterable

from kafka import KafkaConsumer, TopicPartition
from pydantic import ValidationError

from schemas.events import ContactPreference, NotificationRecord
from schemas.topics import NOTIFICATIONS, PREFERENCES

log = logging.getLogger(__name__)

RANK = {"pending": 0, "sent": 1, "skipped_opted_out": 1, "failed": 2, "delivered": 3, "read": 4}
FINAL = frozenset({"sent", "failed", "skipped_opted_out", "delivered", "read"})


def fold_own(current: NotificationRecord | None, incoming: NotificationRecord) -> NotificationRecord:
    """The notifier's own record to keep: it writes ``pending`` before ``sent``/``failed`` and never the other
    way round, so a lower word after a final one (a zombie instance) is not believed; the first final word stands."""
    return incoming if current is None or current.result == "pending" else current


def fold(own: NotificationRecord | None, receipts: Iterable[NotificationRecord]) -> NotificationRecord | None:
    """The notification as known: the notifier's record raised to the highest-ranked receipt (ties by result
    name, so the outcome is the same in every order). Without a record of its own (the receipt came first, or
    the notifier's record was never read) the best receipt stands for it."""
    best = max(receipts, key=lambda r: (RANK[r.result], r.result), default=None)
    if own is None or best is None:
        return own or best
    raised = RANK[best.result] > RANK[own.result]
    return own.model_copy(update={"result": best.result if raised else own.result,
                                  "provider_message_id": own.provider_message_id or best.provider_message_id,
                                  "error": best.error if raised and best.result == "failed" else own.error})


class Ledger:
    """In-memory view of both compacted topics, fed by a group-less reader assigned to every partition."""

    def __init__(self, reader: KafkaConsumer | None = None) -> None:
        self.own: dict[str, NotificationRecord] = {}  # the notifier's records
        self.receipts: dict[str, dict[str, NotificationRecord]] = {}  # notification id → result → receipt
        self.records: dict[str, NotificationRecord] = {}  # fold(own, receipts) of each notification
        self.opted_out: dict[str, bool] = {}
        self.by_provider_id: dict[str, str] = {}  # provider message id → complaint id (answers that quote it)
        self.reader = reader
        if reader is not None:
            partitions = [TopicPartition(spec.name, p) for spec in (NOTIFICATIONS, PREFERENCES)
                          for p in range(spec.partitions)]
            reader.assign(partitions)
            reader.seek_to_beginning(*partitions)

    def apply(self, record: NotificationRecord, receipt: bool = False) -> None:
        """Fold in one record: the notifier's own, or (``receipt``) a provider's receipt."""
        key = record.notification_id
        if receipt:
            self.receipts.setdefault(key, {})[record.result] = record
        else:
            self.own[key] = fold_own(self.own.get(key), record)
        kept = fold(self.own.get(key), self.receipts.get(key, {}).values())
        self.records[key] = kept
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
                    self.read(tp.topic, record.key, record.value)
            if not to_end:
                if not batch:
                    return seen
                continue
            if all(self.reader.position(tp) >= end for tp, end in ends.items()):
                return seen

    def read(self, topic: str, key: bytes | None, value: bytes | None) -> None:
        """One record of either topic as the broker holds it (the key tells a receipt from the notifier's own)."""
        if value is None:
            return  # a tombstone
        try:
            if topic == NOTIFICATIONS.name:
                record = NotificationRecord.model_validate_json(value)
                self.apply(record, receipt=key is not None and key.decode(errors="replace") != record.notification_id)
            else:
                self.apply_preference(ContactPreference.model_validate_json(value))
        except ValidationError as exc:
            log.warning("unreadable record on %s ignored: %s", topic, exc.errors()[:1])

    def close(self) -> None:
        if self.reader is not None:
            self.reader.close()
