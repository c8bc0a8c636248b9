"""Figures for the operations dashboard, from Elasticsearch aggregations, for one caller's role.

Everything is computed inside the visibility filter of the caller, so a unit's dashboard counts only
its own complaints and an analyst's never counts a ``rahasia`` one.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

from elasticsearch import Elasticsearch

from consumers.read.access import Principal, visibility_filter
from consumers.read.references import keep_only, visible_ids
from consumers.cases.calendar import zone_abbreviation, zone_for
from consumers.cases.lifecycle import region_of_unit
from consumers.read.search import SearchParams, present, search_complaints, sla_clauses
from schemas.events import CLOSED_STATUSES

WINDOW_MINUTES = 15
BOARD_SIZE = 10
UNITS = 100
CLUSTER_CANDIDATES = 100
RESOLVED = "selesai"
HOURS = 24  # the hourly intake chart
TREND_DAYS = 14  # the backlog trend chart
TIME_ZONE = "+07:00"  # the emulator and Elasticsearch both accept a fixed offset; WIB
SAMPLE_FIELDS = ["complaint_id", "tracking_number", "subject", "text", "topic_label", "unit_name", "unit_code",
                 "privacy", "redacted"]


def _unit_name(bucket: dict[str, Any]) -> str | None:
    names = bucket.get("name", {}).get("buckets") or []
    return names[0]["key"] if names else None


def hour_slots(now: datetime) -> list[datetime]:
    last = now.astimezone(timezone.utc).replace(minute=0, second=0, microsecond=0)
    return [last - timedelta(hours=HOURS - 1 - i) for i in range(HOURS)]


def day_slots(now: datetime) -> list[datetime]:
    """The last TREND_DAYS WIB days, each as its WIB midnight."""
    wib = timezone(timedelta(hours=7))
    today = now.astimezone(wib).replace(hour=0, minute=0, second=0, microsecond=0)
    return [today - timedelta(days=TREND_DAYS - 1 - i) for i in range(TREND_DAYS)]


def chart_aggregations(now: datetime) -> dict[str, Any]:
    """Hourly intake per channel, the backlog at the end of each day, SLA breaches per unit."""
    hours, days = hour_slots(now), day_slots(now)
    closed = {"terms": {"status": sorted(CLOSED_STATUSES)}}
    daily = {"fixed_interval": "1d", "time_zone": TIME_ZONE, "min_doc_count": 1}
    return {
        "hourly": {"filter": {"range": {"received_at": {"gte": hours[0].isoformat()}}}, "aggs": {
            "channel": {"terms": {"field": "channel", "size": 10}, "aggs": {"hours": {"date_histogram": {
                "field": "received_at", "fixed_interval": "1h", "min_doc_count": 1}}}}}},
        "received_before": {"filter": {"range": {"received_at": {"lt": days[0].isoformat()}}}},
        "received_days": {"filter": {"range": {"received_at": {"gte": days[0].isoformat()}}}, "aggs": {
            "days": {"date_histogram": {"field": "received_at", **daily}}}},
        "closed_before": {"filter": {"bool": {"filter": [closed, {"range": {"status_updated_at": {"lt": days[0].isoformat()}}}]}}},
        "closed_days": {"filter": {"bool": {"filter": [closed, {"range": {"status_updated_at": {"gte": days[0].isoformat()}}}]}},
                        "aggs": {"days": {"date_histogram": {"field": "status_updated_at", **daily}}}},
        "breaches": {"filter": sla_clauses("breached"), "aggs": {"unit": {"terms": {"field": "unit_code", "size": BOARD_SIZE},
                                                                           "aggs": {"name": {"terms": {"field": "unit_name", "size": 1}}}}}},
    }


def _per_slot(buckets: list[dict[str, Any]], slots: list[datetime]) -> list[int]:
    index = {int(slot.timestamp() * 1000): i for i, slot in enumerate(slots)}
    series = [0] * len(slots)
    for bucket in buckets:
        if bucket["key"] in index:
            series[index[bucket["key"]]] += bucket["doc_count"]
    return series


def charts(aggs: dict[str, Any], now: datetime) -> dict[str, Any]:
    hours, days = hour_slots(now), day_slots(now)
    received = _per_slot(aggs["received_days"]["days"]["buckets"], days)
    closed = _per_slot(aggs["closed_days"]["days"]["buckets"], days)
    backlog, running = [], aggs["received_before"]["doc_count"] - aggs["closed_before"]["doc_count"]
    for day, came, went in zip(days, received, closed):
        running += came - went
        backlog.append({"day": day.date().isoformat(), "received": came, "closed": went, "open": max(0, running)})
    return {
        "hourly": {"hours": [slot.isoformat() for slot in hours], "zone": "WIB",
                   "channels": [{"channel": b["key"], "per_hour": _per_slot(b["hours"]["buckets"], hours)}
                                for b in aggs["hourly"]["channel"]["buckets"]]},
        "backlog_trend": backlog,
        "breaches_per_unit": [{"unit_code": b["key"], "unit_name": _unit_name(b), "count": b["doc_count"]}
                              for b in aggs["breaches"]["unit"]["buckets"]],
    }


def aggregations(now: datetime) -> dict[str, Any]:
    since = (now - timedelta(minutes=WINDOW_MINUTES - 1)).replace(second=0, microsecond=0)
    unit_name = {"name": {"terms": {"field": "unit_name", "size": 1}}}
    return {
        **chart_aggregations(now),
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


def clusters(principal: Principal, agg: dict[str, Any], es: Elasticsearch, alias: str) -> list[dict[str, Any]]:
    """The biggest duplicate clusters the reader can see members of. A cluster's id is its head's
    complaint id: null for a reader who may not see the head (consumers.read.references)."""
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
    found = found[:BOARD_SIZE]
    keep_only(found, visible_ids(es, alias, principal, (c["cluster_id"] for c in found)))
    return found


def unit_region(doc: dict[str, Any]) -> str | None:
    """The region whose zone a complaint's unit works in: the unit's own, else the complaint's."""
    return region_of_unit(doc.get("unit_code")) or doc.get("region_code")


def local_time(moment: str | None, region_code: str | None) -> str | None:
    """An indexed instant as the unit's wall clock, e.g. ``2026-03-27T23:59:59+08:00`` (WITA)."""
    if not moment:
        return None
    return datetime.fromisoformat(moment.replace("Z", "+00:00")).astimezone(zone_for(region_code)).isoformat()


def unit_time(doc: dict[str, Any], moment: str | None) -> dict[str, Any]:
    """A deadline as the unit's wall clock: ``due_local`` and ``zone`` (WIB, WITA or WIT)."""
    return {"due_local": local_time(moment, unit_region(doc)), "zone": zone_abbreviation(unit_region(doc))}


def board(es: Elasticsearch, alias: str, principal: Principal, which: str) -> dict[str, Any]:
    page = search_complaints(es, alias, principal, SearchParams(sla=which, sort="due", size=BOARD_SIZE,
                                                                facets=False, highlight=False))
    keep = ("complaint_id", "tracking_number", "subject", "status", "topic_label", "unit_code", "unit_name",
            "received_at", "privacy")
    items = [{**{k: doc.get(k) for k in keep}, "due_at": (doc.get("sla") or {}).get("due_at"),
              "stage": (doc.get("sla") or {}).get("stage"), **unit_time(doc, (doc.get("sla") or {}).get("due_at"))}
             for doc in page.hits]
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
        "clusters": clusters(principal, aggs["cluster"], es, alias),
        "charts": charts(aggs, now),
    }
