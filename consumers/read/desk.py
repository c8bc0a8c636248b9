"""The operators' desk: a triage inbox (``/desk``), a complaint page (``/desk/complaints/{tracking}``)
and the analysts' search page (``/search``), with the JSON they read.

The pages are static files (consumers.read.pages: key in sessionStorage, sent as a header; strict CSP;
data only through ``textContent``). What they read:

- ``GET /v1/desk/queue`` — one queue (``needs_triage``, ``unrouted``, ``bukan_wewenang``, ``at_risk``,
  ``breached``, ``open``) with every filter, sort and cursor of ``GET /v1/search``, and the count of
  every queue under the same filters. The queues are query clauses beside the role's visibility
  filter, so a unit's desk counts and lists only its own complaints.
- ``GET /v1/desk/complaints/{id or tracking}`` — ``GET /v1/complaints/…`` plus what a page needs to
  act: the unit's time zone and local times, the lifecycle steps this role may take next and the
  routing-table units of the complaint's region for a re-route, and the notifications sent to the
  reporter (channel, template, result, attempts; the provider's error and message id for operators only).

Actions go through the existing ``POST /v1/complaints/{id}/status`` (consumers.cases.status_api): a
``StatusEvent`` with the key's actor name and the reason typed on the page. Operators also correct the
topic and the duplicate cluster (merge into another complaint's, split out) through
``POST /v1/complaints/{id}/corrections`` (consumers.cases.correction_api).
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime
from functools import lru_cache
from typing import Annotated, Any, Literal

from elasticsearch import ApiError, TransportError
from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse

from aduan.core.deps import resource
from consumers.cases.calendar import zone_abbreviation
from consumers.cases.lifecycle import TRANSITIONS, UNIT_MAY_SET, region_of_unit
from consumers.read import pages
from consumers.read.access import Principal, authenticate
from consumers.read.search import (
    LOCAL_ZONE, MAX_PAGE_SIZE, BadCursor, SearchParams, build_filters, build_request, get_complaint,
    search_complaints, sla_clauses,
)
from consumers.read.stats import TIME_ZONE as WIB_OFFSET, local_time, unit_region, unit_time
from consumers.read.search_api import Filters
from schemas.categories import load_categories
from schemas.events import CLOSED_STATUSES
from schemas.units import ROUTING_TABLE, region_codes

Queue = Literal["needs_triage", "unrouted", "bukan_wewenang", "at_risk", "breached", "open"]
MAX_DAYS = 366  # a chart of more days than a year is no longer read day by day
_OPEN = {"bool": {"must_not": [{"terms": {"status": sorted(CLOSED_STATUSES)}}]}}


@lru_cache(maxsize=1)
def routing_units() -> tuple[tuple[str, str, str], ...]:
    """(unit_code template, unit_name template, jurisdiction) of every unit the routing table names."""
    with open(ROUTING_TABLE, encoding="utf-8") as f:
        table = json.load(f)
    found: dict[str, tuple[str, str, str]] = {}
    stack: list[Any] = [table.get("topics")]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if isinstance(node.get("unit_code"), str):
                found.setdefault(node["unit_code"], (node["unit_code"], node.get("unit_name") or node["unit_code"],
                                                     node.get("jurisdiction") or ""))
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return tuple(sorted(found.values()))


def triage_units() -> list[str]:
    """The national triage units: where the stage routes a complaint whose place it could not tell."""
    return sorted(code for code, _name, _level in routing_units() if code.endswith(".TRIASE"))


def units_for_region(region_code: str | None) -> list[dict[str, str]]:
    """Every routing-table unit a complaint of this region may be re-routed to, filled in: the region's
    kabupaten/kota and province offices and the national ones."""
    names = region_codes()
    region = (region_code or "").replace(".", "")
    fills = {"{kabkota_code}": region[:4] if len(region) >= 4 and region[:4] in names else None,
             "{province_code}": region[:2] if region[:2] in names else None}
    out = []
    for code, name, level in routing_units():
        if any(placeholder in code and value is None for placeholder, value in fills.items()):
            continue
        for placeholder, value in fills.items():
            if value:
                code = code.replace(placeholder, value)
        name = (name.replace("{kabkota_name}", names.get(fills["{kabkota_code}"] or "", ""))
                    .replace("{province_name}", names.get(fills["{province_code}"] or "", "")))
        out.append({"unit_code": code, "unit_name": name, "jurisdiction": level})
    return out


def queue_clause(queue: Queue) -> dict[str, Any]:
    if queue == "needs_triage":  # the classifier was unsure and nobody has acted yet
        return {"bool": {"filter": [{"term": {"needs_triage": True}}, {"term": {"status": "diterima"}}]}}
    if queue == "unrouted":
        return {"bool": {"filter": [{"terms": {"unit_code": triage_units()}}, _OPEN]}}
    if queue == "bukan_wewenang":  # re-routed, and the new unit has not taken it up yet
        return {"term": {"status": "bukan_wewenang"}}
    if queue in ("at_risk", "breached"):
        return sla_clauses(queue)
    return _OPEN


QUEUES: tuple[Queue, ...] = ("needs_triage", "unrouted", "bukan_wewenang", "at_risk", "breached", "open")


def queue_counts(es, alias: str, principal: Principal, params: SearchParams) -> dict[str, int]:
    """How many complaints each queue holds under the same filters: one request, one filter agg each."""
    request_filters = build_filters(principal, replace(params, extra=()))
    response = es.search(index=alias, size=0, query={"bool": {"filter": request_filters}},
                         aggs={q: {"filter": queue_clause(q)} for q in QUEUES})
    return {q: response["aggregations"][q]["doc_count"] for q in QUEUES}


# The order a desk offers the next steps in: forward along the lifecycle first, detours last.
STEP_ORDER = ("terverifikasi", "terdisposisi", "ditindaklanjuti", "selesai", "ditunda", "bukan_wewenang", "diarsipkan")


def next_steps(principal: Principal, status: str) -> list[str]:
    if principal.role == "analyst":
        return []
    steps = TRANSITIONS.get(status, frozenset())
    allowed = steps & UNIT_MAY_SET if principal.role == "unit" else steps
    return sorted(allowed, key=lambda step: STEP_ORDER.index(step) if step in STEP_ORDER else len(STEP_ORDER))


def unit_name(code: str | None, region_code: str | None) -> str | None:
    """The routing table's name for a unit code (for the region it serves), or None."""
    for unit in units_for_region(region_of_unit(code) or region_code):
        if unit["unit_code"] == code:
            return unit["unit_name"]
    return None


def desk_view(principal: Principal, doc: dict[str, Any]) -> dict[str, Any]:
    """What the complaint page adds to the document: zone, local times, next steps, re-route targets."""
    if any(entry.get("status") == "bukan_wewenang" for entry in doc.get("history") or []):
        # The indexed unit_name is the first routing's; after a re-route the table names the new unit.
        doc = {**doc, "unit_name": unit_name(doc.get("unit_code"), doc.get("region_code")) or doc.get("unit_code")}
    zone_region = unit_region(doc)
    sla = doc.get("sla") or {}
    return {
        "role": principal.role,
        "complaint": doc,
        "zone": zone_abbreviation(zone_region),
        "local": {"received_at": local_time(doc.get("received_at"), zone_region),
                  "sla_due_at": local_time(sla.get("due_at"), zone_region),
                  "history": [local_time(entry.get("at"), zone_region) for entry in doc.get("history") or []]},
        "next_steps": next_steps(principal, doc.get("status") or "diterima"),
        "units": units_for_region(doc.get("region_code")) if principal.role != "analyst" else [],
        # Topic and cluster corrections are operators' (consumers.cases.correction_api): the taxonomy to pick from.
        "topics": ([{"code": code, "label": entry["label"]} for code, entry in load_categories().items()]
                   if principal.role == "operator" else []),
        # What the reporter was sent (the indexer folds complaints.notifications), latest first.
        "notifications": [{**n, "at_local": local_time(n.get("at"), zone_region)}
                          for n in reversed(doc.get("notifications") or [])],
    }


# -- routes -----------------------------------------------------------------------------------------------

router = APIRouter(tags=["desk"])
pages_router = APIRouter(include_in_schema=False)
Caller = Annotated[Principal, Depends(authenticate)]


def _unavailable(exc: Exception) -> HTTPException:
    return HTTPException(503, detail={"error": "search_unavailable", "message": type(exc).__name__},
                         headers={"Retry-After": "5"})


@router.get("/v1/desk/queue", responses={400: {"description": "bad cursor"}, 401: {}, 403: {}, 503: {}})
def queue(request: Request, principal: Caller, filters: Filters, name: Annotated[Queue, Query(alias="queue")] = "open",
          size: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = 25,
          cursor: Annotated[str | None, Query(max_length=2000)] = None) -> dict[str, Any]:
    """One desk queue (with the search filters, facets and cursor paging) and the count of every queue."""
    es, alias = resource("es")(request), resource("settings")(request).index_alias
    params = replace(filters, size=size, cursor=cursor, extra=(queue_clause(name),), highlight=False)
    try:
        page = search_complaints(es, alias, principal, params).as_dict()
        counts = queue_counts(es, alias, principal, params)
    except BadCursor as exc:
        raise HTTPException(400, detail={"error": "bad_cursor", "message": str(exc)}) from exc
    except (TransportError, ApiError) as exc:
        raise _unavailable(exc) from exc
    for hit in page["hits"]:  # the deadline as its unit's wall clock (WIB, WITA, WIT)
        hit["sla_local"] = unit_time(hit, (hit.get("sla") or {}).get("due_at"))
    return {"queue": name, "counts": counts, "role": principal.role, "unit_code": principal.unit_code, **page}


@router.get("/v1/desk/complaints/{id_or_tracking}", responses={404: {}, 401: {}, 403: {}, 503: {}})
def complaint(request: Request, principal: Caller, id_or_tracking: str) -> dict[str, Any]:
    """One complaint as the complaint page shows it (see ``desk_view``)."""
    try:
        doc = get_complaint(resource("es")(request), resource("settings")(request).index_alias, principal,
                            id_or_tracking[:200])
    except (TransportError, ApiError) as exc:
        raise _unavailable(exc) from exc
    if doc is None:
        raise HTTPException(404, detail={"error": "not_found"})
    return desk_view(principal, doc)


@router.get("/v1/me", responses={401: {}, 403: {}})
def me(principal: Caller) -> dict[str, Any]:
    """Who this key is: the pages label themselves with it."""
    return {"role": principal.role, "name": principal.name, "unit_code": principal.unit_code}


@router.get("/v1/search/days", responses={400: {"description": "bad filter"}, 401: {}, 403: {}, 503: {}})
def days(request: Request, principal: Caller, filters: Filters) -> dict[str, Any]:
    """How many of the matching complaints arrived each day (WIB days): the search page's chart."""
    es, alias = resource("es")(request), resource("settings")(request).index_alias
    params = replace(filters, size=1)
    query = build_request(principal, params)["query"]
    try:
        response = es.search(index=alias, size=0, query=query, aggs={"days": {"date_histogram": {
            "field": "received_at", "fixed_interval": "1d", "time_zone": WIB_OFFSET, "min_doc_count": 1}}})
    except (TransportError, ApiError) as exc:
        raise _unavailable(exc) from exc
    buckets = response["aggregations"]["days"]["buckets"]
    return {"days": [{"day": local_day(b["key"]), "count": b["doc_count"]} for b in buckets][-MAX_DAYS:]}


def local_day(epoch_ms: int) -> str:
    return datetime.fromtimestamp(epoch_ms / 1000, LOCAL_ZONE).date().isoformat()


@pages_router.get("/desk")
def desk_page() -> HTMLResponse:
    return pages.html("desk")


@pages_router.get("/desk/complaints/{tracking_number}")
def complaint_page(tracking_number: str) -> HTMLResponse:
    return pages.html("complaint")  # the script reads the tracking number from the URL


@pages_router.get("/search")
def search_page() -> HTMLResponse:
    return pages.html("search")


@pages_router.get("/desk/assets/{name}")
def desk_asset(name: str) -> FileResponse:
    return pages.asset(name)


@pages_router.get("/desk/")
def desk_slash() -> RedirectResponse:
    return RedirectResponse("/desk", status_code=308)


router.include_router(pages_router)
