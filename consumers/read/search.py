"""Searching the complaint alias for one caller: the query, its filters, facets, sorting and paging.

One function, ``search_complaints``, serves the HTTP API, the exports and the CLI, so a filter
means the same everywhere. What a role may see is enforced in the Elasticsearch query
(``consumers.read.access.visibility_filter``), so totals, facets, pages and exports can never count
or reach a hidden complaint; returned documents are redacted per role as a second layer.

Citizen text is data, never query syntax: ``q`` goes into ``multi_match`` (no ``query_string``),
and highlights are HTML-escaped by Elasticsearch (``encoder: html``) around our ``<mark>`` tags.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta, timezone
from typing import Any, Iterator, Literal

from elasticsearch import BadRequestError, Elasticsearch

from consumers.read.access import Principal, redact, sees_clear_for, visibility_filter
from consumers.read.references import keep_seen_references
from schemas.events import CLOSED_STATUSES

SEARCH_FIELDS = ["subject^2", "text", "normalised_text"]
# Who may not read the clear text is searched and highlighted on the redacted copies only
# (consumers.redaction): no query finds a complaint by its reporter's number, no highlight cuts one.
REDACTED_PREFIX = "redacted."
REDACTED_SEARCH_FIELDS = [REDACTED_PREFIX + name for name in SEARCH_FIELDS]
# Texts appended after intake (a caption sent as a second message, an edit): found, not highlighted.
SEARCH_FIELDS = [*SEARCH_FIELDS, "source_texts"]
REDACTED_SEARCH_FIELDS = [*REDACTED_SEARCH_FIELDS, "source_texts_redacted"]
HIGHLIGHT_FIELDS = {"subject": {"number_of_fragments": 0}, "text": {"fragment_size": 160, "number_of_fragments": 3}}
FACET_FIELDS = {"channel": "channel", "topic": "topic", "unit": "unit_code", "region": "region_code",
                "status": "status", "privacy": "privacy"}
FACET_SIZE = 50
MAX_PAGE_SIZE = 100  # what a caller may ask for one page
MAX_BATCH_SIZE = 1000  # what exports fetch per round trip
# The citizen's closing window (penutupan) ends in an automatic close, never in a breach.
BREACHABLE_STAGES = ("verifikasi", "tindak_lanjut")
# "At risk" at query time: due within this window. The SLA clock itself warns at 80 % of the working
# days; a fixed window is what a query can express without the per-topic limits.
AT_RISK_WINDOW = "now+1d"
# Date-only filters are calendar days in WIB, where most complaints (and the operators) are.
LOCAL_ZONE = timezone(timedelta(hours=7))
OPERATOR = Principal(role="operator", name="cli")

SortName = Literal["relevance", "newest", "oldest", "due"]
SlaFilter = Literal["at_risk", "breached", "on_time"]
SORTS: dict[str, list[dict[str, Any]]] = {
    "relevance": [{"_score": "desc"}, {"received_at": "desc"}, {"complaint_id": "asc"}],
    "newest": [{"received_at": "desc"}, {"complaint_id": "asc"}],
    "oldest": [{"received_at": "asc"}, {"complaint_id": "asc"}],
    "due": [{"sla.due_at": {"order": "asc", "missing": "_last"}}, {"complaint_id": "asc"}],
}
# Internal bookkeeping of the indexer: nobody reads it through search.
INTERNAL_FIELDS = ("sla_signals", "routed_unit_code")
SUMMARY_FIELDS = ["complaint_id", "tracking_number", "received_at", "channel", "privacy", "status", "subject",
                  "topic", "topic_label", "unit_code", "unit_name", "region_name", "report_count", "redacted"]



class BadCursor(ValueError):
    pass


@dataclass(frozen=True)
class SearchParams:
    q: str | None = None
    channel: tuple[str, ...] = ()
    topic: tuple[str, ...] = ()
    unit: tuple[str, ...] = ()
    region: tuple[str, ...] = ()
    status: tuple[str, ...] = ()
    privacy: tuple[str, ...] = ()
    sla: SlaFilter | None = None
    date_from: date | datetime | None = None  # on received_at; a date means from its start (WIB)
    date_to: date | datetime | None = None  # a date means up to its end (WIB), inclusive
    sort: SortName = "relevance"
    size: int = 20
    cursor: str | None = None
    facets: bool = True
    highlight: bool = True
    # More bool.filter clauses from the read side's own code (the desk's queues), never from a caller.
    extra: tuple[dict[str, Any], ...] = ()

    def __post_init__(self) -> None:
        if not 1 <= self.size <= MAX_BATCH_SIZE:
            raise ValueError(f"size must be between 1 and {MAX_BATCH_SIZE}")
        if self.sort not in SORTS:
            raise ValueError(f"sort must be one of {', '.join(SORTS)}")

    @property
    def effective_sort(self) -> str:
        # Without words there is no relevance: newest first is what people expect.
        return "newest" if self.sort == "relevance" and not (self.q and self.q.strip()) else self.sort


@dataclass
class SearchPage:
    total: int
    hits: list[dict[str, Any]]
    facets: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    next_cursor: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"total": self.total, "hits": self.hits, "facets": self.facets, "next_cursor": self.next_cursor}


# -- query ------------------------------------------------------------------------------------------------

def _matching(q: str, fields: list[str]) -> dict[str, Any]:
    # multi_match takes the text as data, never as query syntax: no injection through `q`.
    return {"multi_match": {"query": q, "fields": fields, "fuzziness": "AUTO", "operator": "and"}}


_ANONIM = {"term": {"privacy": "anonim"}}


def text_query(q: str | None, principal: Principal = OPERATOR) -> dict[str, Any]:
    """The words part of the query, on the fields this role may search (see consumers.redaction.sees_clear)."""
    if not q or not q.strip():
        return {"match_all": {}}
    if principal.role == "operator":
        return _matching(q, SEARCH_FIELDS)
    if principal.role == "unit":  # its own complaints: clear text, except for anonim reporters
        return {"bool": {"should": [
            {"bool": {"must": [_matching(q, SEARCH_FIELDS)], "must_not": [_ANONIM]}},
            {"bool": {"must": [_matching(q, REDACTED_SEARCH_FIELDS)], "filter": [_ANONIM]}},
        ], "minimum_should_match": 1}}
    return _matching(q, REDACTED_SEARCH_FIELDS)


def build_query(q: str | None) -> dict[str, Any]:
    """Kept for callers of the earlier API: the text part only, as an operator."""
    return text_query(q)


def highlight_fields(principal: Principal) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    if principal.role in ("operator", "unit"):
        fields.update(HIGHLIGHT_FIELDS)
    if principal.role != "operator":
        fields.update({REDACTED_PREFIX + name: spec for name, spec in HIGHLIGHT_FIELDS.items()})
    return fields


def sla_clauses(which: SlaFilter) -> dict[str, Any]:
    """A bool query for an SLA board; computed against ``now`` so a lagging indexer cannot hide a breach."""
    open_running = [{"exists": {"field": "sla.due_at"}}, {"terms": {"sla.stage": list(BREACHABLE_STAGES)}}]
    not_closed = {"terms": {"status": sorted(CLOSED_STATUSES)}}
    breached = {"bool": {"should": [
        {"term": {"sla.breached": True}},
        {"bool": {"filter": [{"range": {"sla.due_at": {"lt": "now"}}}],
                  "must_not": [{"term": {"sla.paused": True}}]}},
    ], "minimum_should_match": 1}}
    if which == "breached":
        return {"bool": {"filter": [*open_running, breached], "must_not": [not_closed]}}
    at_risk = {"bool": {"filter": [*open_running, {"range": {"sla.due_at": {"gte": "now", "lte": AT_RISK_WINDOW}}}],
                        "must_not": [not_closed, breached, {"term": {"sla.paused": True}}]}}
    if which == "at_risk":
        return at_risk
    if which == "on_time":
        return {"bool": {"must_not": [sla_clauses("breached"), at_risk]}}
    raise ValueError(f"unknown SLA filter {which!r}")


# Dates a filter may name: far enough out for any real question, near enough that a day or a 90-day
# window around it never leaves the calendar (year 1 or 9999 overflowed into a 500).
YEARS = range(1900, 3000)


def check_year(value: date | datetime) -> date | datetime:
    if value.year not in YEARS:
        raise ValueError(f"year {value.year} is outside {YEARS.start}-{YEARS.stop - 1}")
    return value


def parse_when(value: str) -> date | datetime:
    """``YYYY-MM-DD`` (a whole WIB day) or an ISO 8601 date-time; ValueError otherwise. For the API and CLI."""
    value = value.strip()
    parsed = date.fromisoformat(value) if len(value) == 10 else datetime.fromisoformat(value.replace("Z", "+00:00"))
    return check_year(parsed)


def day_bounds(value: date | datetime, end: bool) -> tuple[str, str]:
    """(operator, ISO instant) for a range bound; a bare date covers its whole WIB day."""
    if isinstance(value, datetime):
        moment = value if value.tzinfo else value.replace(tzinfo=LOCAL_ZONE)
        return ("lte" if end else "gte"), moment.isoformat()
    start = datetime.combine(value, time(), LOCAL_ZONE)
    return ("lt", (start + timedelta(days=1)).isoformat()) if end else ("gte", start.isoformat())


def build_filters(principal: Principal, params: SearchParams) -> list[dict[str, Any]]:
    clauses = list(visibility_filter(principal))
    for name, es_field in FACET_FIELDS.items():
        values = [v for v in getattr(params, name) if v]
        if values:
            clauses.append({"terms": {es_field: values}})
    if params.sla:
        clauses.append(sla_clauses(params.sla))
    bounds: dict[str, str] = {}
    if params.date_from is not None:
        bounds.update([day_bounds(params.date_from, end=False)])
    if params.date_to is not None:
        bounds.update([day_bounds(params.date_to, end=True)])
    if bounds:
        clauses.append({"range": {"received_at": bounds}})
    clauses.extend(params.extra)
    return clauses


def build_request(principal: Principal, params: SearchParams) -> dict[str, Any]:
    """Keyword arguments for ``Elasticsearch.search``."""
    sort_name = params.effective_sort
    request: dict[str, Any] = {
        "query": {"bool": {"must": [text_query(params.q, principal)], "filter": build_filters(principal, params)}},
        "sort": SORTS[sort_name],
        "size": params.size,
        "track_total_hits": True,
    }
    if params.cursor:
        request["search_after"] = decode_cursor(params.cursor, sort_name)
    if params.highlight and params.q and params.q.strip():
        request["highlight"] = {"encoder": "html", "pre_tags": ["<mark>"], "post_tags": ["</mark>"],
                                "fields": highlight_fields(principal)}
    if params.facets and not params.cursor:
        request["aggs"] = {name: {"terms": {"field": es_field, "size": FACET_SIZE}}
                           for name, es_field in FACET_FIELDS.items()}
    return request


# -- cursor -----------------------------------------------------------------------------------------------

def encode_cursor(sort_values: list[Any], sort_name: str) -> str:
    raw = json.dumps([sort_name, sort_values], separators=(",", ":"), ensure_ascii=False)
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(token: str, sort_name: str) -> list[Any]:
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        name, values = json.loads(raw)
    except (binascii.Error, UnicodeDecodeError, ValueError, TypeError) as exc:
        raise BadCursor("cursor is not one this API issued") from exc
    if name != sort_name:
        raise BadCursor(f"cursor belongs to sort={name}, not sort={sort_name}")
    kinds = [_sort_value_kind(next(iter(spec))) for spec in SORTS[sort_name]]
    if (not isinstance(values, list) or len(values) != len(kinds)
            or not all(_is_kind(value, kind) for value, kind in zip(values, kinds))):
        raise BadCursor("cursor is not one this API issued")
    return values


_INT64 = range(-(2 ** 63), 2 ** 63)


def _sort_value_kind(sort_field: str) -> str:
    """What Elasticsearch puts in ``sort`` for the field: a score, epoch milliseconds, or a keyword."""
    return "score" if sort_field == "_score" else "keyword" if sort_field == "complaint_id" else "millis"


def _is_kind(value: Any, kind: str) -> bool:
    # A value of another kind is not a cursor we issued; the engine would refuse it, or worse take it.
    if isinstance(value, bool):
        return False
    if kind == "keyword":
        return isinstance(value, str) and len(value) <= 200
    if kind == "millis":
        return isinstance(value, int) and value in _INT64
    return isinstance(value, (int, float)) and abs(value) < 1e38


# -- redaction --------------------------------------------------------------------------------------------

def present(principal: Principal, doc: dict[str, Any]) -> dict[str, Any]:
    """The document as this role may read it (access.redact, which applies consumers.redaction)."""
    return redact(principal, {k: v for k, v in doc.items() if k not in INTERNAL_FIELDS})


def _present_highlight(principal: Principal, source: dict[str, Any],
                       highlight: dict[str, list[str]]) -> dict[str, list[str]]:
    """The fragments of the fields this reader may read, under the clear field's name."""
    redacted = not sees_clear_for(principal, source)
    return {name.removeprefix(REDACTED_PREFIX): fragments for name, fragments in highlight.items()
            if name.startswith(REDACTED_PREFIX) == redacted}


# -- searching --------------------------------------------------------------------------------------------

def search_complaints(es: Elasticsearch, alias: str, principal: Principal, params: SearchParams) -> SearchPage:
    """One page of complaints this principal may see, redacted, with facets and the next page's cursor."""
    request = build_request(principal, params)
    try:
        response = es.search(index=alias, **request)
    except BadRequestError as exc:
        if params.cursor:  # well-formed, but values the engine cannot sort after (a forged or stale cursor)
            raise BadCursor("cursor is not one this API issued") from exc
        raise
    hits = response["hits"]["hits"]
    page = SearchPage(total=response["hits"]["total"]["value"], hits=[])
    for hit in hits:
        doc = present(principal, hit["_source"])
        if "highlight" in hit:
            doc["_highlight"] = _present_highlight(principal, hit["_source"], hit["highlight"])
        page.hits.append(doc)
    keep_seen_references(es, alias, principal, page.hits)
    if len(hits) == params.size and hits[-1].get("sort") is not None:
        page.next_cursor = encode_cursor(hits[-1]["sort"], params.effective_sort)
    for name, agg in (response.get("aggregations") or {}).items():
        page.facets[name] = [{"value": b["key"], "count": b["doc_count"]} for b in agg["buckets"]]
    return page


def iter_complaints(es: Elasticsearch, alias: str, principal: Principal, params: SearchParams,
                    page_size: int = MAX_PAGE_SIZE, limit: int | None = None) -> Iterator[dict[str, Any]]:
    """Every matching complaint, redacted, page after page (search_after), for exports."""
    params = replace(params, size=page_size, facets=False, highlight=False)
    sent = 0
    while True:
        page = search_complaints(es, alias, principal, params)
        for doc in page.hits:
            if limit is not None and sent >= limit:
                return
            sent += 1
            yield doc
        if not page.next_cursor:
            return
        params = replace(params, cursor=page.next_cursor)


def find_visible(es: Elasticsearch, alias: str, principal: Principal, id_or_tracking: str) -> dict[str, Any] | None:
    """The stored document (not redacted) by id or tracking number, if this role may see it at all:
    the visibility filter is part of the query, as for search."""
    query = {"bool": {"filter": [*visibility_filter(principal), {"bool": {"should": [
        {"term": {"complaint_id": id_or_tracking}}, {"term": {"tracking_number": id_or_tracking.upper()}},
        # A message joined to this complaint (its caption sent apart) was answered with its own number.
        {"term": {"joined_tracking_numbers": id_or_tracking.upper()}}, {"term": {"joined_ids": id_or_tracking}},
    ], "minimum_should_match": 1}}]}}
    hits = es.search(index=alias, query=query, size=1)["hits"]["hits"]
    return hits[0]["_source"] if hits else None


def get_complaint(es: Elasticsearch, alias: str, principal: Principal, id_or_tracking: str,
                  cluster_size: int = 50) -> dict[str, Any] | None:
    """The full document with its history and cluster, or None when missing or not visible to the role."""
    source = find_visible(es, alias, principal, id_or_tracking)
    if source is None:
        return None
    doc = present(principal, source)
    doc.setdefault("history", [])
    doc["cluster"] = []
    if doc.get("cluster_id"):
        members = es.search(index=alias, size=cluster_size, source=SUMMARY_FIELDS, sort=SORTS["oldest"], query={
            "bool": {"filter": [*visibility_filter(principal), {"term": {"cluster_id": doc["cluster_id"]}}],
                     "must_not": [{"term": {"complaint_id": doc["complaint_id"]}}]}})
        doc["cluster"] = [present(principal, hit["_source"]) for hit in members["hits"]["hits"]]
    keep_seen_references(es, alias, principal, [doc, *doc["cluster"]])
    return doc


def stored_content_digest(es: Elasticsearch, alias: str, complaint_id: str) -> str | None:
    """The content digest the index holds for ``complaint_id`` (None when it is not indexed)."""
    found = es.options(ignore_status=404, request_timeout=1, max_retries=0).get(
        index=alias, id=complaint_id, source_includes=["content_digest"])
    return (found.get("_source") or {}).get("content_digest") if found.get("found") else None


def search(es: Elasticsearch, alias: str, q: str | None, size: int = 20) -> dict[str, Any]:
    """Operator search by words only (earlier API, kept for the CLI and tests)."""
    return search_complaints(es, alias, OPERATOR, SearchParams(q=q, size=size, facets=False)).as_dict()
