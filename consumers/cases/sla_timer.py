"""SLA timers that fire with no traffic: warnings, breaches and auto-closes found by time alone.

Every tick asks the index for documents whose next SLA moment (``sla.next_timer_at``) has come,
folds each with no new event at the current time, and publishes what the clock says: an
``SlaEvent`` on ``complaints.sla`` or, when the closing period ran out, the system's
``selesai`` on ``complaints.status``. The indexer folds those back into the documents. A signal
published twice (two timers, a crash) folds once.
"""

from __future__ import annotations

import logging
import threading
from datetime import datetime, timezone

from elasticsearch import Elasticsearch, TransportError

from consumers.cases.document import auto_close_event, fold, sla_event
from aduan.core.connections import BrokerUnavailable, Publisher
from schemas.topics import SLA, STATUS
from schemas.events import CLOSED_STATUSES

log = logging.getLogger(__name__)

PAGE = 500


def running_clocks(es: Elasticsearch, alias: str, *, unit: str | None = None, breached: bool = False,
                   due_before: datetime | None = None, size: int = 50) -> tuple[int, list[dict]]:
    """Open complaints with a running SLA stage, soonest deadline first: (total, documents)."""
    filters: list[dict] = [{"exists": {"field": "sla.due_at"}}]
    if unit:
        filters.append({"term": {"unit_code": unit}})
    if breached:
        filters.append({"term": {"sla.breached": True}})
    if due_before:
        filters.append({"range": {"sla.due_at": {"lte": due_before.isoformat()}}})
    hits = es.search(index=alias, size=size, sort=[{"sla.due_at": "asc"}],
                     query={"bool": {"filter": filters, "must_not": [{"terms": {"status": sorted(CLOSED_STATUSES)}}]}})
    return hits["hits"]["total"]["value"], [hit["_source"] for hit in hits["hits"]["hits"]]


class SlaTimer:
    def __init__(self, es: Elasticsearch, alias: str, publisher: Publisher) -> None:
        self.es = es
        self.alias = alias
        self.publisher = publisher

    def due(self, now: datetime) -> list[dict]:
        query = {"bool": {
            "filter": [{"range": {"sla.next_timer_at": {"lte": now.isoformat()}}}, {"exists": {"field": "text"}}],
            "must_not": [{"terms": {"status": sorted(CLOSED_STATUSES)}}],
        }}
        hits, after = [], None
        while True:
            page = self.es.search(index=self.alias, query=query, size=PAGE, sort=[{"complaint_id": "asc"}],
                                  search_after=after)["hits"]["hits"]
            hits.extend(hit["_source"] for hit in page)
            if len(page) < PAGE:
                return hits
            after = page[-1]["sort"]

    def tick(self, now: datetime | None = None) -> int:
        """Publish what is due; returns how many events were published."""
        now = now or datetime.now(timezone.utc)
        outgoing = []
        for doc in self.due(now):
            cid = doc["complaint_id"]
            for signal in fold(doc, [], now).signals:
                outgoing.append((STATUS, cid, auto_close_event(cid, signal)) if signal.kind == "auto_close"
                                else (SLA, cid, sla_event(cid, signal)))
        if outgoing:
            self.publisher.publish_many(outgoing)
            log.info("sla timer: %d events published", len(outgoing))
        return len(outgoing)

    def run(self, stop: threading.Event, period_s: float) -> None:
        while not stop.wait(period_s):
            try:
                self.tick()
            except (TransportError, BrokerUnavailable) as exc:
                log.warning("sla timer skipped a tick: %s", exc)
