"""The indexer: every complaint event from Kafka folded into its Elasticsearch document.

One consumer group over ``complaints.routed``, ``.duplicates``, ``.status``, ``.sla``, ``.revisions`` and
``.notifications`` (what the reporter was sent, for the operator's complaint page) and ``.corrections``
(operators' topic and cluster corrections), on the
kernel's consumer runtime (``aduan.core.runtime``: poll, commit after the write, back off while
Elasticsearch is unavailable, dead letters). This module is only the write of one batch:

1. the events are grouped by the complaint they concern;
2. the current documents are read (``mget``) and each folded with its events (consumers.cases.document);
3. SLA signals the fold discovered are published (at-least-once: before the document records them);
4. the documents are written with optimistic concurrency (``if_seq_no``/``if_primary_term``, or
   ``create`` for new ones); a conflict — another indexer wrote first — re-reads and re-folds.

Malformed records and documents Elasticsearch refuses are dead letters; an unreachable or overloaded
Elasticsearch is ``SinkUnavailable`` (the runtime holds the batch and tries again).
"""

from __future__ import annotations

import logging
import threading
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timezone

from elasticsearch import ApiError, Elasticsearch, TransportError, helpers
from kafka import KafkaConsumer
from kafka.consumer.fetcher import ConsumerRecord
from pydantic import BaseModel, ValidationError

from aduan.core import deadletters
from aduan.core.connections import BrokerUnavailable, Publisher
from aduan.core.metrics import SLA_SIGNALS
from aduan.core.runtime import BatchResult, ConsumerRuntime, SinkUnavailable
from aduan.core.settings import get_settings
from consumers.cases.document import auto_close_event, fold, remember_published, sla_event
from consumers.cases.sla import default_calendar
from schemas.events import DuplicateReport
from schemas.topics import CORRECTIONS, DUPLICATES, NOTIFICATIONS, REVISIONS, ROUTED, SLA, STATUS, TopicSpec, by_name

log = logging.getLogger(__name__)

STAGE = "consumers.sinks.indexer"
SOURCES: tuple[TopicSpec, ...] = (ROUTED, DUPLICATES, STATUS, SLA, REVISIONS, NOTIFICATIONS, CORRECTIONS)
MAX_CONFLICT_ROUNDS = 10
# Room for a slow bulk under load (18 s measured on the emulator); a crashed member does not hold
# the group up for this long thanks to static membership.
MAX_POLL_INTERVAL_MS = 120_000


@dataclass
class IndexerStats:
    events: int = 0
    documents_written: int = 0
    conflicts: int = 0
    signals_published: int = 0


def target_id(event: BaseModel) -> str:
    """The document an event belongs to: a duplicate report raises its original's report count."""
    return event.duplicate_of if isinstance(event, DuplicateReport) else event.complaint_id


class IndexWriter:
    """The indexer's sink: one batch of events folded into documents and written."""

    stage = STAGE

    def __init__(self, es: Elasticsearch, alias: str, publisher: Publisher, pseudonym_key: str | None = None) -> None:
        self.es = es
        self.alias = alias
        self.publisher = publisher  # SLA signals the fold discovers
        # Keys the provider_ref readers get instead of provider ids: the deployment's secret for keyed
        # hashes of citizen identifiers (the reporter salt), never a constant of the code.
        self.pseudonym_key = (pseudonym_key if pseudonym_key is not None
                              else get_settings().reporter_salt.get_secret_value())
        self.stats = IndexerStats()

    def write(self, records: list[ConsumerRecord], stop: threading.Event) -> BatchResult:
        result = BatchResult()
        events: dict[str, list[tuple[int, BaseModel]]] = defaultdict(list)
        for index, record in enumerate(records):
            model = by_name(record.topic).value_model
            try:
                event = model.model_validate_json(record.value)
            except ValidationError as exc:
                result.letters[index] = [deadletters.for_record(STAGE, record, deadletters.reason(
                    f"invalid {model.__name__}", exc))]
                continue
            events[target_id(event)].append((index, event))
        try:
            refused = self._write(events)
        except (TransportError, ApiError) as exc:
            raise SinkUnavailable(f"elasticsearch: {type(exc).__name__}") from exc
        except BrokerUnavailable as exc:  # the SLA signals of the fold were not acknowledged
            raise SinkUnavailable(f"kafka: {exc}") from exc
        for cid, why in refused.items():
            for index, _ in events[cid]:
                result.letters[index] = [deadletters.for_record(STAGE, records[index], why)]
        self.stats.events += len(records)
        return result

    def close(self) -> None:
        pass  # the caller owns the Elasticsearch client and the publisher

    def _write(self, events: dict[str, list[tuple[int, BaseModel]]]) -> dict[str, str]:
        """Write every document; returns the refused ones (id → reason)."""
        pending, refused = set(events), {}
        for _ in range(MAX_CONFLICT_ROUNDS):
            if not pending:
                return refused
            pending = self._write_round({cid: events[cid] for cid in pending}, refused)
            self.stats.conflicts += len(pending)
        raise SinkUnavailable(f"{len(pending)} documents still conflicting after {MAX_CONFLICT_ROUNDS} rounds")

    def _write_round(self, events: dict[str, list[tuple[int, BaseModel]]], refused: dict[str, str]) -> set[str]:
        """Read, fold, publish signals, write; returns the ids that lost a concurrent write."""
        current = {doc["_id"]: doc for doc in self.es.mget(index=self.alias, ids=list(events))["docs"]
                   if doc.get("found")}
        now = datetime.now(timezone.utc)
        actions, outgoing = [], []
        for cid, items in events.items():
            existing = current.get(cid)
            folded = fold(existing["_source"] if existing else None, [event for _, event in items], now,
                          self.pseudonym_key)
            for signal in folded.signals:
                outgoing.append((STATUS, cid, auto_close_event(cid, signal)) if signal.kind == "auto_close"
                                else (SLA, cid, sla_event(cid, signal)))
            remember_published(folded.doc, folded.signals)
            folded.doc["indexed_at"] = now.isoformat()
            action = {"_index": self.alias, "_id": cid, "_source": folded.doc}
            if existing:
                action.update(_op_type="index", if_seq_no=existing["_seq_no"], if_primary_term=existing["_primary_term"])
            else:
                action["_op_type"] = "create"
            actions.append(action)
        if outgoing:
            self.publisher.publish_many(outgoing)
            self.stats.signals_published += len(outgoing)
            for _, _, event in outgoing:
                SLA_SIGNALS.labels(getattr(event, "stage", "penutupan"), getattr(event, "kind", "auto_close")).inc()
        _, items = helpers.bulk(self.es.options(request_timeout=30), actions, raise_on_error=False,
                                raise_on_exception=True, stats_only=False)
        conflicted = set()
        for item in items:
            result = next(iter(item.values()))
            status, cid = result.get("status", 500), result["_id"]
            if status in (200, 201):
                self.stats.documents_written += 1
            elif status == 409:
                conflicted.add(cid)
            elif status >= 500 or status == 429:
                raise SinkUnavailable(f"bulk item {cid} failed with {status}")
            else:
                refused[cid] = f"elasticsearch {status}: {result.get('error')}"
        return conflicted


def indexer(consumer: KafkaConsumer, es: Elasticsearch, alias: str, publisher: Publisher) -> ConsumerRuntime:
    """The indexer process's loop: ``IndexWriter`` on the consumer runtime (``publisher`` carries SLA
    signals and dead letters)."""
    # Built now, not in the first batch: the holidays package imports its country data (~0.4 s of CPU).
    default_calendar()
    return ConsumerRuntime(consumer, IndexWriter(es, alias, publisher), publisher, max_records=1000)
