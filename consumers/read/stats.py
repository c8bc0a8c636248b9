"""Figures for the operations dashboard, from Elasticsearch aggregations, for one caller's role.

Everything is computed inside the visibility filter of the caller, so a unit's dashboard counts only
its own complaints and an analyst's never counts a ``rahasia`` one.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

from elasticsearch import Elasticsearch

from consumers.read.access import Principal, visibility_filter
from consumers.read.search import SearchParams, present, search_complaints
from schemas.events import CLOSED_STATUSES

WINDOW_MINUTES = 15
BOARD_SIZE = 10
UNITS = 100
CLUSTER_CANDIDATES = 100
RESOLVED = "selesai"
TIME_ZONE = "+07:00"  # the emulator and Elasticsearch both accept a fixed offset; WIB
SAMPLE_FIELDS = ["complaint_id", "tracking_number", "subject", "text", "topic_label", "unit_name", "unit_code",
                 "privacy", "redacted"]


def _unit_name(bucket: dict[str, Any]) -> str | None:
    names = bucket.get("name", {}).get("buckets") or []
    return names[0]["key"] if names else None


def aggregations(now: datetime) -> dict[str, Any]:
    since = (now - timedelta(minutes=WINDOW_MINUTES - 1)).replace(second=0, microsecond=0)
    unit_name = {"name": {"terms": {"field": "unit_name", "size": 1}}}
    return {
        "recent": {"filter": {"range": {"received_at": {"gte": since.isoformat()}}}, "aggs": {
            "channel": {"terms": {"field": "channel", "size": 10}, "aggs": {
                "minutes": {"date_histogram": {"field": "received_at", "fixed_interval": "1m",
                                               "time_zone": TIME_ZONE, "min_doc_count": 1}}}}}},
        "open": {"filter": {"bool": {"must_not": [{"terms": {"status": sorted(CLOSED_STATUSES)}}]}}, "aggs": {
            "unit": {"terms": {"field": "unit_code", "size": UNITS}, "aggs": unit_name}}},
        "unit": {"terms": {"field": "unit_code", "size": UNITS}, "aggs": {
            **unit_name, "resolved": {"filter": {"term": {"status": RESOLVED}}}}},
        "cluster": {"terms": {"field": "cluster_id", "size": CLUSTER_CANDIDATES}, "aggs": {
            "reports": {"sum": {"field": "report_count"}},
            "first": {"top_hits": {"size": 1, "sort": [{"received_at": "asc"}], "_source": SAMPLE_FIELDS}}}},
    }


def minute_slots(now: datetime) -> list[datetime]:
    last = now.astimezone(timezone.utc).replace(second=0, microsecond=0)
    return [last - timedelta(minutes=WINDOW_MINUTES - 1 - i) for i in range(WINDOW_MINUTES)]


def rates(agg: dict[str, Any], now: datetime) -> dict[str, Any]:
    slots = minute_slots(now)
    index = {int(slot.timestamp() * 1000): i for i, slot in enumerate(slots)}
    channels = []
    for bucket in agg["channel"]["buckets"]:
        series = [0] * len(slots)
        for minute in bucket["minutes"]["buckets"]:
            if minute["key"] in index:
                series[index[minute["key"]]] += minute["doc_count"]
        channels.append({"channel": bucket["key"], "count": sum(series), "per_minute": series})
    return {"window_minutes": WINDOW_MINUTES, "minutes": [slot.isoformat() for slot in slots],
            "total": sum(c["count"] for c in channels), "channels": channels}


def clusters(principal: Principal, agg: dict[str, Any]) -> list[dict[str, Any]]:
    found = []
    for bucket in agg["buckets"]:
        # report_count counts exact duplicates of each member; a document without it is one report.
        reports = max(int(bucket["reports"]["value"] or 0), bucket["doc_count"])
        if reports < 2:
            continue
        hits = bucket["first"]["hits"]["hits"]
        sample = present(principal, hits[0]["_source"]) if hits else {}
        found.append({"cluster_id": bucket["key"], "complaints": bucket["doc_count"], "reports": reports,
                      "tracking_number": sample.get("tracking_number"), "subject": sample.get("subject"),
                      "text": (sample.get("text") or "")[:200], "topic_label": sample.get("topic_label"),
                      "unit_name": sample.get("unit_name")})
    found.sort(key=lambda c: (-c["reports"], -c["complaints"], c["cluster_id"]))
    return found[:BOARD_SIZE]


def board(es: Elasticsearch, alias: str, principal: Principal, which: str) -> dict[str, Any]:
    page = search_complaints(es, alias, principal, SearchParams(sla=which, sort="due", size=BOARD_SIZE,
                                                                facets=False, highlight=False))
    keep = ("complaint_id", "tracking_number", "subject", "status", "topic_label", "unit_code", "unit_name",
            "received_at", "privacy")
    items = [{**{k: doc.get(k) for k in keep}, "due_at": (doc.get("sla") or {}).get("due_at"),
              "stage": (doc.get("sla") or {}).get("stage")} for doc in page.hits]
    return {"count": page.total, "items": items}


def collect_stats(es: Elasticsearch, alias: str, principal: Principal, now: datetime | None = None) -> dict[str, Any]:
    now = now or datetime.now(timezone.utc)
    response = es.search(index=alias, size=0, track_total_hits=True, aggs=aggregations(now),
                         query={"bool": {"filter": visibility_filter(principal)}})
    aggs = response["aggregations"]
    backlog = [{"unit_code": b["key"], "unit_name": _unit_name(b), "open": b["doc_count"]}
               for b in aggs["open"]["unit"]["buckets"]]
    resolution = []
    for b in aggs["unit"]["buckets"]:
        resolved = b["resolved"]["doc_count"]
        resolution.append({"unit_code": b["key"], "unit_name": _unit_name(b), "total": b["doc_count"],
                           "resolved": resolved, "percent": round(100.0 * resolved / b["doc_count"], 1)})
    return {
        "generated_at": now.isoformat(),
        "role": principal.role,
        "totals": {"all": response["hits"]["total"]["value"], "open": aggs["open"]["doc_count"]},
        "rates": rates(aggs["recent"], now),
        "backlog": backlog,
        "sla": {"breached": board(es, alias, principal, "breached"), "at_risk": board(es, alias, principal, "at_risk")},
        "resolution": resolution,
        "clusters": clusters(principal, aggs["cluster"]),
    }
