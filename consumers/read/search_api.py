"""HTTP reading of the index for staff: search, one complaint, exports and dashboard figures.

Every route needs an API key (``consumers.read.access.authenticate``); the caller's role is enforced in
the Elasticsearch query and the returned documents are redacted for it (see consumers/read/search.py).
A complaint the role may not see answers 404, exactly like one that does not exist.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from datetime import date, datetime, timezone
from typing import Annotated, Any, Iterator, Literal

from elasticsearch import ApiError, TransportError
from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import StreamingResponse

from aduan.core.deps import resource
from consumers.read.access import Principal, authenticate
from consumers.read.search import (
    MAX_PAGE_SIZE, BadCursor, SearchParams, get_complaint, iter_complaints, parse_when, search_complaints,
)
from consumers.read.stats import collect_stats

router = APIRouter(tags=["search"], responses={401: {"description": "no API key"},
                                                403: {"description": "unknown API key"},
                                                503: {"description": "index unavailable"}})

Caller = Annotated[Principal, Depends(authenticate)]

CSV_COLUMNS = (
    "complaint_id", "tracking_number", "received_at", "channel", "privacy", "status", "topic", "topic_label",
    "unit_code", "unit_name", "region_code", "region_name", "subject", "text", "reporter_name", "reporter_email",
    "reporter_phone", "report_count", "cluster_id", "sla_stage", "sla_due_at", "sla_breached",
)
# Spreadsheet programs run a cell that starts with these as a formula; citizen text must stay text.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
EXPORT_PAGE = 1000  # round trips dominate an export: few, large pages


_es = resource("es")


def _alias(request: Request) -> str:
    return resource("settings")(request).index_alias


def _unavailable(exc: Exception) -> HTTPException:
    return HTTPException(503, detail={"error": "search_unavailable", "message": type(exc).__name__},
                         headers={"Retry-After": "5"})


def _when(value: str | None, name: str) -> date | datetime | None:
    if not value:
        return None
    try:
        return parse_when(value)
    except ValueError as exc:
        # The same shape as FastAPI's own 422, so clients (and the OpenAPI contract) see one format.
        raise RequestValidationError([{"type": "date_parsing", "loc": ("query", name), "input": value,
                                       "msg": "use YYYY-MM-DD (a WIB day) or an ISO 8601 date-time"}]) from exc


def _values(raw: list[str] | None) -> tuple[str, ...]:
    # Repeated (?channel=web&channel=sms) or comma-separated (?channel=web,sms): codes hold no commas.
    return tuple(v.strip() for item in raw or () for v in item.split(",") if v.strip())


def _filters(
    q: Annotated[str | None, Query(max_length=500, description="words to find in subject and text (typos tolerated)")] = None,
    channel: Annotated[list[str] | None, Query(description="web, sms, social, email; repeat or comma-separate")] = None,
    topic: Annotated[list[str] | None, Query(description="topic code, e.g. infrastruktur")] = None,
    unit: Annotated[list[str] | None, Query(description="unit code")] = None,
    region: Annotated[list[str] | None, Query(description="Kemendagri region code without dots")] = None,
    status: Annotated[list[str] | None, Query(description="lifecycle status, e.g. diterima, selesai")] = None,
    privacy: Annotated[list[str] | None, Query(description="publik, anonim, rahasia")] = None,
    sla: Annotated[Literal["at_risk", "breached", "on_time"] | None, Query(description="SLA board")] = None,
    from_: Annotated[str | None, Query(alias="from", description="received on or after (YYYY-MM-DD in WIB, or ISO date-time)")] = None,
    to: Annotated[str | None, Query(description="received on or before (YYYY-MM-DD inclusive, or ISO date-time)")] = None,
    sort: Annotated[Literal["relevance", "newest", "oldest", "due"], Query(description="relevance falls back to newest without q")] = "relevance",
) -> SearchParams:
    return SearchParams(q=q, channel=_values(channel), topic=_values(topic), unit=_values(unit),
                        region=_values(region), status=_values(status), privacy=_values(privacy), sla=sla,
                        date_from=_when(from_, "from"), date_to=_when(to, "to"), sort=sort)


Filters = Annotated[SearchParams, Depends(_filters)]


@router.get("/v1/search", responses={400: {"description": "bad cursor"}})
def search(
    request: Request, principal: Caller, filters: Filters,
    size: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = 20,
    cursor: Annotated[str | None, Query(max_length=2000, description="next_cursor of the previous page")] = None,
) -> dict[str, Any]:
    """Search complaints: words, filters, facets with counts, highlights (HTML-escaped) and cursor paging."""
    params = replace(filters, size=size, cursor=cursor)
    try:
        return search_complaints(_es(request), _alias(request), principal, params).as_dict()
    except BadCursor as exc:
        raise HTTPException(400, detail={"error": "bad_cursor", "message": str(exc)}) from exc
    except (TransportError, ApiError) as exc:
        raise _unavailable(exc) from exc


@router.get("/v1/complaints/{id_or_tracking}", responses={404: {"description": "not found (or not yours to see)"}})
def complaint(request: Request, principal: Caller, id_or_tracking: str) -> dict[str, Any]:
    """One complaint by complaint_id or tracking number, with its status history and cluster members."""
    try:
        doc = get_complaint(_es(request), _alias(request), principal, id_or_tracking[:200])
    except (TransportError, ApiError) as exc:
        raise _unavailable(exc) from exc
    if doc is None:
        raise HTTPException(404, detail={"error": "not_found"})
    return doc


@router.get("/v1/stats")
def stats(request: Request, principal: Caller) -> dict[str, Any]:
    """Operations figures for the dashboard: rates, backlog, SLA boards, resolution, clusters."""
    try:
        return collect_stats(_es(request), _alias(request), principal)
    except (TransportError, ApiError) as exc:
        raise _unavailable(exc) from exc


# -- exports ----------------------------------------------------------------------------------------------

def csv_cell(value: Any) -> str:
    if value is None:
        return ""
    text = value if isinstance(value, str) else json.dumps(value) if isinstance(value, (bool, dict, list)) else str(value)
    # Also after leading blanks (an ideographic or no-break space): an importer set to trim them would run it.
    return "'" + text if text.startswith(_FORMULA_START) or text.lstrip().startswith(_FORMULA_START) else text


def csv_row(doc: dict[str, Any]) -> list[str]:
    reporter, sla = doc.get("reporter") or {}, doc.get("sla") or {}
    flat = {**doc, "reporter_name": reporter.get("name"), "reporter_email": reporter.get("email"),
            "reporter_phone": reporter.get("phone"), "sla_stage": sla.get("stage"), "sla_due_at": sla.get("due_at"),
            "sla_breached": sla.get("breached")}
    return [csv_cell(flat.get(column)) for column in CSV_COLUMNS]


def csv_lines(docs: Iterator[dict[str, Any]], bom: bool, delimiter: str) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")

    def take(row: list[str]) -> str:
        writer.writerow(row)
        line = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return line

    yield ("\ufeff" if bom else "") + take(list(CSV_COLUMNS))
    for doc in docs:
        yield take(csv_row(doc))


def jsonl_lines(docs: Iterator[dict[str, Any]]) -> Iterator[str]:
    for doc in docs:
        yield json.dumps(doc, ensure_ascii=False, separators=(",", ":")) + "\n"


def _primed(docs: Iterator[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Fetch the first page before the response starts, so an unavailable index is a 503, not an empty file.
    A failure after that aborts the response mid-stream: a truncated export must not look complete."""
    try:
        first = next(docs, None)
    except (TransportError, ApiError) as exc:
        raise _unavailable(exc) from exc

    def chain() -> Iterator[dict[str, Any]]:
        if first is not None:
            yield first
            yield from docs
    return chain()


def _filename(extension: str) -> str:
    return f"aduan-{datetime.now(timezone.utc).strftime('%Y%m%d-%H%M%S')}.{extension}"


ExportLimit = Annotated[int | None, Query(ge=1, description="at most this many rows; default all")]


@router.get("/v1/export.csv", response_class=StreamingResponse,
            responses={200: {"content": {"text/csv": {}}, "description": "streamed, redacted for the caller's role"}})
def export_csv(
    request: Request, principal: Caller, filters: Filters, limit: ExportLimit = None,
    bom: Annotated[bool, Query(description="UTF-8 byte order mark, so Excel reads Indonesian text right")] = True,
    delimiter: Annotated[Literal[",", ";"], Query(description="';' for spreadsheets set to Indonesian locale")] = ",",
) -> StreamingResponse:
    """The matching complaints as CSV (fixed columns), streamed page by page."""
    docs = _primed(iter_complaints(_es(request), _alias(request), principal, filters, EXPORT_PAGE, limit))
    return StreamingResponse(csv_lines(docs, bom, delimiter), media_type="text/csv; charset=utf-8",
                             headers={"Content-Disposition": f'attachment; filename="{_filename("csv")}"'})


@router.get("/v1/export.jsonl", response_class=StreamingResponse,
            responses={200: {"content": {"application/x-ndjson": {}}, "description": "one redacted document a line"}})
def export_jsonl(request: Request, principal: Caller, filters: Filters, limit: ExportLimit = None) -> StreamingResponse:
    """The matching complaints as JSON Lines (whole redacted documents), streamed page by page."""
    docs = _primed(iter_complaints(_es(request), _alias(request), principal, filters, EXPORT_PAGE, limit))
    return StreamingResponse(jsonl_lines(docs), media_type="application/x-ndjson",
                             headers={"Content-Disposition": f'attachment; filename="{_filename("jsonl")}"'})
