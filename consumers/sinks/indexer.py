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

With a cold tier (the local stack: ``aduan.core.tiered_search``) the documents are read from the hot tier, and
from the cold one only for complaints that may have moved there; every write goes to the hot tier, a cold
document's as a ``create`` after which its cold copy is marked superseded (``consumers.sinks.tiering``).

Malformed records and documents Elasticsearch refuses are dead letters; an unreachable or overloaded
Elasticsearch is ``SinkUnavailable`` (the runtime holds the batch and tries again).
"""

from __future__ import annotations

import logging
import threading
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from elasticsearch import ApiError, Elasticsearch, TransportError, helpers
from kafka import KafkaConsumer
from kafka.consumer.fetcher import ConsumerRecord
from pydantic import BaseModel, ValidationError

from aduan.core import deadletters
from aduan.core.connections import BrokerUnavailable, Publisher
from aduan.core.metrics import SLA_SIGNALS
from aduan.core.runtime import BatchResult, ConsumerRuntime, SinkUnavailable
from aduan.core.settings import get_settings
from aduan.core.tiered_search import TieredElasticsearch
from consumers.cases.document import auto_close_event, fold, remember_published, sla_event
from consumers.cases.sla import default_calendar
from consumers.sinks.tiering import promote, without_mark
from schemas.events import DuplicateReport, RoutedComplaint
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

    def __init__(self, es: Elasticsearch, alias: str, publisher: Publisher, pseudonym_key: str | None = None,
                 hot_s: float | None = None) -> None:
        self.es = es
        self.tiers = es if isinstance(es, TieredElasticsearch) else None
        self.hot = self.tiers.hot if self.tiers else es  # where every document is written
        self.hot_s = hot_s if hot_s is not None else get_settings().index_hot_s
        self._new: set[str] = set()  # this batch's complaints too young to be in the cold tier
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
        self._new = set()
        now = datetime.now(timezone.utc)
        for index, record in enumerate(records):
            model = by_name(record.topic).value_model
            try:
                event = model.model_validate_json(record.value)
            except ValidationError as exc:
                result.letters[index] = [deadletters.for_record(STAGE, record, deadletters.reason(
                    f"invalid {model.__name__}", exc))]
                continue
            events[target_id(event)].append((index, event))
            if self._too_young_to_be_cold(event, record, now):
                self._new.add(event.complaint_id)
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

    def _too_young_to_be_cold(self, event: BaseModel, record: ConsumerRecord, now: datetime) -> bool:
        """A complaint routed moments ago cannot have moved to the cold tier yet (it moves after
        ``hot_s`` without a write): its document is not looked for there. Only a routing whose ``received_at``
        (intake's stamp) is recent and not after its record's own timestamp counts: a journal's re-publication
        after a crash carries the old stamp, and a date from a sender's clock cannot pass for a new one."""
        if self.tiers is None or not isinstance(event, RoutedComplaint):
            return False
        produced = datetime.fromtimestamp(record.timestamp / 1000, timezone.utc) if record.timestamp else now
        return now - timedelta(seconds=self.hot_s / 2) < event.received_at <= produced + timedelta(seconds=1)

    def _current(self, ids: list[str]) -> dict[str, dict]:
        """The documents as the index holds them now; a cold tier's are marked ``"_tier": "cold"``."""
        hot = {doc["_id"]: doc for doc in self.hot.mget(index=self.alias, ids=ids)["docs"] if doc.get("found")}
        maybe_cold = [cid for cid in ids if cid not in hot and cid not in self._new] if self.tiers else []
        if maybe_cold:
            for doc in self.tiers.cold.mget(index=self.alias, ids=maybe_cold)["docs"]:
                if doc.get("found"):
                    hot[doc["_id"]] = {**doc, "_tier": "cold", "_source": without_mark(doc["_source"])}
        return hot

    def _write_round(self, events: dict[str, list[tuple[int, BaseModel]]], refused: dict[str, str]) -> set[str]:
        """Read, fold, publish signals, write; returns the ids that lost a concurrent write."""
        current = self._current(list(events))
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
            if existing and existing.get("_tier") != "cold":
                action.update(_op_type="index", if_seq_no=existing["_seq_no"], if_primary_term=existing["_primary_term"])
            else:
                action["_op_type"] = "create"
            actions.append(action)
        if outgoing:
            self.publisher.publish_many(outgoing)
            self.stats.signals_published += len(outgoing)
            for _, _, event in outgoing:
                SLA_SIGNALS.labels(getattr(event, "stage", "penutupan"), getattr(event, "kind", "auto_close")).inc()
        _, items = helpers.bulk(self.hot.options(request_timeout=30), actions, raise_on_error=False,
                                raise_on_exception=True, stats_only=False)
        conflicted = set()
        promoted = {cid: doc for cid, doc in current.items() if doc.get("_tier") == "cold"}
        for item in items:
            result = next(iter(item.values()))
            status, cid = result.get("status", 500), result["_id"]
            if status == 409:
                conflicted.add(cid)
            elif status >= 500 or status == 429:
                raise SinkUnavailable(f"bulk item {cid} failed with {status}")
            else:
                refused[cid] = f"elasticsearch {status}: {result.get('error')}"
            promoted.pop(cid, None)
        self.stats.documents_written += len(actions) - len(items)  # helpers.bulk lists only the items that failed
        if promoted:
            promote(self.tiers, self.alias, promoted, now)
        return conflicted


def indexer(consumer: KafkaConsumer, es: Elasticsearch, alias: str, publisher: Publisher) -> ConsumerRuntime:
    """The indexer process's loop: ``IndexWriter`` on the consumer runtime (``publisher`` carries SLA
    signals and dead letters)."""
    # Built now, not in the first batch: the holidays package imports its country data (~0.4 s of CPU).
    default_calendar()
    return ConsumerRuntime(consumer, IndexWriter(es, alias, publisher), publisher, max_records=1000)
