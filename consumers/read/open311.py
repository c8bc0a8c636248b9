"""Open311 GeoReport v2 read endpoints, so existing civic-tech tools can read aduan.

Mount with ``app.include_router(open311.router)``; it reads the ``es`` and ``settings`` resources
(aduan.core.deps). Spec: https://wiki.open311.org/GeoReport_v2. Every endpoint answers ``.xml`` (the
spec's required format) and ``.json`` (schemas.open311); ``POST requests`` is intake
(producers/open311.py).

Services are aduan's topic taxonomy; service requests are complaints, public data only:
``rahasia`` complaints are excluded in the Elasticsearch query itself (never filtered after the
fact, so no page size or id guess can reach one), and only whitelisted ``_source`` fields are
fetched, so reporter data, contacts, the reporter key and attachments never leave the index.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from typing import Annotated, Any

from elasticsearch import ApiError, Elasticsearch, TransportError
from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from aduan.core.deps import resource
from consumers.read.attachments import is_image, serve_file
from consumers.read.search import check_year
from consumers.read.status_page import public_note
from schemas.categories import load_categories
from schemas.events import CLOSED_STATUSES
from schemas.open311 import FORMATS, SPECIFICATION, Format, Open311Error, encode, error_body, response_format

# GeoReport v2: "Default query limit is a span of 90 days or first 1000 requests returned".
MAX_RESULTS = 1000
WINDOW = timedelta(days=90)
# Elasticsearch's default index.max_result_window: deeper pages are refused rather than failing inside.
MAX_RESULT_WINDOW = 10_000
MAX_IDS = 1000
DESCRIPTION_CHARS = 1000

# Whitelist, not blacklist: a field added to the index later stays private until named here.
# Free text only as its redacted copy (consumers.redaction): the clear text never leaves the index here.
PUBLIC_SOURCE_FIELDS = (
    "complaint_id", "tracking_number", "status", "history.at", "history.status", "history.actor_role",
    "history.reason_redacted", "topic", "topic_label",
    "redacted.text", "unit_name", "received_at", "routed_at", "sla.due_at", "redacted.location_text",
    "location.lat", "location.lon", "region_name",
    # For media_url: which attachments are stored images of a public complaint (no names, no blob addresses).
    "privacy", "attachments.kind", "attachments.content_type", "attachments.status",
)

# Open311 `group`: authored for aduan, the kind of government work a topic belongs to.
TOPIC_GROUPS = {
    "infrastruktur": "Infrastruktur dan Utilitas",
    "energi": "Infrastruktur dan Utilitas",
    "air_bersih": "Infrastruktur dan Utilitas",
    "telekomunikasi": "Infrastruktur dan Utilitas",
    "perhubungan": "Infrastruktur dan Utilitas",
    "kependudukan": "Administrasi dan Perizinan",
    "perizinan": "Administrasi dan Perizinan",
    "pajak": "Administrasi dan Perizinan",
    "pertanahan": "Administrasi dan Perizinan",
    "kesehatan": "Layanan Sosial dan Dasar",
    "pendidikan": "Layanan Sosial dan Dasar",
    "sosial": "Layanan Sosial dan Dasar",
    "ketenagakerjaan": "Layanan Sosial dan Dasar",
    "lingkungan": "Lingkungan dan Ketertiban",
    "ketertiban": "Lingkungan dan Ketertiban",
    "kepolisian": "Hukum dan Integritas",
    "korupsi_pungli": "Hukum dan Integritas",
    "lainnya": "Lainnya",
}
DEFAULT_GROUP = "Lainnya"

# W3C datetime profile with the time zone the spec requires ("Z" or ±hh:mm).
_W3C_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$")
# Agency acronyms in a topic description (PTSL, BPN, KTP-el, DPMPTSP) are what people search for.
_ACRONYM = re.compile(r"\b[A-Z][A-Z0-9]+(?:-[A-Za-z]+)?\b")


def respond(document: str, data: Any, fmt: Format, status_code: int = 200,
            headers: Mapping[str, str] | None = None) -> Response:
    body, media_type = encode(document, data, fmt)
    return Response(body, status_code=status_code, media_type=media_type, headers=dict(headers or {}))


def error_response(error: Open311Error, fmt: str = "json", headers: Mapping[str, str] | None = None) -> Response:
    """The spec's error document, in the request's format (JSON when the format itself was wrong)."""
    return respond("errors", error_body(error.code, error.description), fmt if fmt in FORMATS else "json",
                   error.code, headers)


# --- services -------------------------------------------------------------------------------------


def keywords(code: str, description: str) -> str:
    words = [part for part in code.split("_") if part]
    for acronym in _ACRONYM.findall(description):
        if acronym not in words:
            words.append(acronym)
    return ", ".join(words)


def to_service(code: str, topic: Mapping[str, str]) -> dict[str, Any]:
    return {
        "service_code": code,
        "service_name": topic["label"],
        "description": topic["description"],
        # aduan takes no extra attributes per topic and creates requests in real time.
        "metadata": False,
        "type": "realtime",
        "keywords": keywords(code, topic["description"]),
        "group": TOPIC_GROUPS.get(code, DEFAULT_GROUP),
    }


@lru_cache(maxsize=1)
def services() -> tuple[dict[str, Any], ...]:
    return tuple(to_service(code, topic) for code, topic in load_categories().items())


def service_definition(service_code: str) -> dict[str, Any]:
    if service_code not in {service["service_code"] for service in services()}:
        raise Open311Error(404, f"service_code {service_code!r} not found")
    return {"service_code": service_code, "attributes": []}


# --- request parameters ---------------------------------------------------------------------------


def parse_w3c_datetime(value: str, name: str) -> datetime:
    value = value.strip()
    if not _W3C_DATETIME.match(value):
        raise Open311Error(400, f"{name} must be a W3C datetime with a time zone, e.g. 2024-05-01T08:00:00+07:00 "
                                f"or 2024-05-01T01:00:00Z; got {value!r}")
    try:
        return check_year(datetime.fromisoformat(value.replace("Z", "+00:00")))
    except ValueError as exc:
        raise Open311Error(400, f"{name} is not a valid datetime: {value!r} ({exc})") from exc


def split_list(value: str | None) -> list[str]:
    """Comma-delimited parameter values, blanks dropped, order kept, duplicates removed."""
    if not value:
        return []
    return list(dict.fromkeys(part.strip() for part in value.split(",") if part.strip()))


def request_window(start: datetime | None, end: datetime | None, now: datetime) -> tuple[datetime, datetime]:
    """A missing bound is 90 days from the other (or from now); a given range may not exceed 90 days."""
    if start is None and end is None:
        end = now
    if start is None:
        start = end - WINDOW
    if end is None:
        end = start + WINDOW
    if end < start:
        raise Open311Error(400, "end_date is before start_date")
    if end - start > WINDOW:
        raise Open311Error(400, "start_date and end_date may not span more than 90 days")
    return start, end


def _positive_int(value: str | None, name: str, default: int, maximum: int) -> int:
    if value is None or not value.strip():
        return default
    # isdigit() alone admits "²" and other digits int() refuses (a 500); ASCII digits only.
    if not (value.strip().isascii() and value.strip().isdigit()) or not 1 <= int(value) <= maximum:
        raise Open311Error(400, f"{name} must be an integer from 1 to {maximum}; got {value!r}")
    return int(value)


@dataclass(frozen=True)
class RequestsQuery:
    service_request_ids: tuple[str, ...] = ()
    service_codes: tuple[str, ...] = ()
    window: tuple[datetime, datetime] | None = None
    statuses: tuple[str, ...] = ()
    page: int = 1
    page_size: int = MAX_RESULTS


def parse_requests_params(params: Mapping[str, str | None], now: datetime) -> RequestsQuery:
    """The ``GET requests.json`` parameters, validated; raises ``Open311Error(400)``."""
    page_size = _positive_int(params.get("page_size"), "page_size", MAX_RESULTS, MAX_RESULTS)
    page = _positive_int(params.get("page"), "page", 1, MAX_RESULT_WINDOW)
    if page * page_size > MAX_RESULT_WINDOW:
        raise Open311Error(400, f"page * page_size may not exceed {MAX_RESULT_WINDOW}; narrow the dates instead")

    ids = split_list(params.get("service_request_id"))
    if len(ids) > MAX_IDS:
        raise Open311Error(400, f"at most {MAX_IDS} service_request_id values")
    if ids:
        # Spec: service_request_id "overrides all other arguments".
        return RequestsQuery(service_request_ids=tuple(ids), page=page, page_size=page_size)

    statuses = split_list(params.get("status"))
    unknown = [status for status in statuses if status not in ("open", "closed")]
    if unknown:
        raise Open311Error(400, f"status must be open or closed (comma-delimited); got {', '.join(unknown)!r}")
    start = parse_w3c_datetime(params["start_date"], "start_date") if params.get("start_date") else None
    end = parse_w3c_datetime(params["end_date"], "end_date") if params.get("end_date") else None
    return RequestsQuery(
        service_codes=tuple(split_list(params.get("service_code"))),
        window=request_window(start, end, now),
        # open and closed together is every request: no filter.
        statuses=tuple(statuses) if len(statuses) == 1 else (),
        page=page,
        page_size=page_size,
    )


# --- Elasticsearch query --------------------------------------------------------------------------


def _id_variants(ids: Sequence[str]) -> tuple[list[str], list[str]]:
    # Tracking numbers are read aloud and retyped (upper case); complaint ids are lower-case UUIDs.
    return [i.upper() for i in ids], [i.lower() for i in ids]


def build_query(query: RequestsQuery) -> dict[str, Any]:
    """The Elasticsearch ``query``; every variant excludes ``rahasia`` complaints."""
    filters: list[dict[str, Any]] = []
    must_not: list[dict[str, Any]] = [{"term": {"privacy": "rahasia"}}]
    if query.service_request_ids:
        tracking_numbers, complaint_ids = _id_variants(query.service_request_ids)
        filters.append({"bool": {"should": [{"terms": {"tracking_number": tracking_numbers}},
                                            {"terms": {"complaint_id": complaint_ids}}],
                                 "minimum_should_match": 1}})
    if query.service_codes:
        filters.append({"terms": {"topic": list(query.service_codes)}})
    if query.window:
        start, end = query.window
        filters.append({"range": {"received_at": {"gte": start.isoformat(), "lte": end.isoformat()}}})
    if query.statuses == ("closed",):
        filters.append({"terms": {"status": sorted(CLOSED_STATUSES)}})
    elif query.statuses == ("open",):
        # A complaint without a status yet is open.
        must_not.append({"terms": {"status": sorted(CLOSED_STATUSES)}})
    return {"bool": {"filter": filters, "must_not": must_not}}


def build_search(query: RequestsQuery) -> dict[str, Any]:
    """Keyword arguments for ``Elasticsearch.search`` (index excluded)."""
    return {
        "query": build_query(query),
        "size": query.page_size,
        "from_": (query.page - 1) * query.page_size,
        "sort": [{"received_at": "desc"}, {"tracking_number": "asc"}],
        "source_includes": list(PUBLIC_SOURCE_FIELDS),
        "track_total_hits": False,
    }


# --- aduan complaint -> Open311 service request ---------------------------------------------------


def _parse_time(value: Any) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


def _w3c(value: Any) -> str | None:
    parsed = _parse_time(value)
    return parsed.isoformat() if parsed else None


def last_status_event(history: Any) -> dict[str, Any] | None:
    """The latest status event by ``at`` (list order breaks ties and covers unparseable times)."""
    events = [event for event in history or () if isinstance(event, dict)]
    if not events:
        return None
    epoch = datetime.min.replace(tzinfo=timezone.utc)
    return max(enumerate(events), key=lambda pair: (_parse_time(pair[1].get("at")) or epoch, pair[0]))[1]


def open311_status(status: str | None) -> str:
    return "closed" if status in CLOSED_STATUSES else "open"


def public_description(redacted_text: str | None) -> str | None:
    # Cut after redaction (the copy is redacted at write time), so a cut cannot free half a number.
    return redacted_text[:DESCRIPTION_CHARS] if redacted_text else None


def public_image(source: Mapping[str, Any]) -> int | None:
    """The index of the first stored image of a ``publik`` complaint: what ``media_url`` may show.

    Photos only (a voice note, a video or a scanned letter identifies people far more often than a
    photo of a pothole), and never of an ``anonim`` complaint: the public reads no more than an analyst."""
    for n, attachment in enumerate(source.get("attachments") or ()):
        if is_public_image(source, attachment):
            return n
    return None


def is_public_image(source: Mapping[str, Any], attachment: Any) -> bool:
    return (source.get("privacy") == "publik" and isinstance(attachment, dict)
            and attachment.get("status", "stored") == "stored" and is_image(attachment))


def media_path(tracking_number: str, n: int) -> str:
    return f"/open311/v2/requests/{tracking_number}/media/{n}"


def to_service_request(source: Mapping[str, Any], base_url: str = "") -> dict[str, Any]:
    """One indexed complaint as a GeoReport v2 service request. Reads only public fields, and free text
    only from the redacted copies the indexer wrote (consumers.redaction)."""
    location = source.get("location") or {}
    redacted = source.get("redacted") or {}
    last = last_status_event(source.get("history"))
    sla = source.get("sla") or {}
    return {
        "service_request_id": source.get("tracking_number"),
        "status": open311_status(source.get("status")),
        "status_notes": public_note(last, source.get("privacy")) if last else None,
        "service_name": source.get("topic_label"),
        "service_code": source.get("topic"),
        "description": public_description(redacted.get("text")),
        "agency_responsible": source.get("unit_name"),
        "service_notice": None,
        "requested_datetime": _w3c(source.get("received_at")),
        "updated_datetime": _w3c((last or {}).get("at")) or _w3c(source.get("routed_at")),
        "expected_datetime": _w3c(sla.get("due_at")),
        "address": redacted.get("location_text") or source.get("region_name"),
        "address_id": None,
        "zipcode": None,
        "lat": location.get("lat"),
        "long": location.get("lon"),
        "media_url": (f"{base_url.rstrip('/')}{media_path(source['tracking_number'], image)}"
                      if (image := public_image(source)) is not None and source.get("tracking_number") else None),
    }


def find_requests(es: Elasticsearch, alias: str, query: RequestsQuery, base_url: str = "") -> list[dict[str, Any]]:
    response = es.search(index=alias, **build_search(query))
    return [to_service_request(hit["_source"], base_url) for hit in response["hits"]["hits"]]


# --- HTTP ---------------------------------------------------------------------------------------

_ERROR_SCHEMA = {"type": "array", "items": {"type": "object", "properties": {
    "code": {"type": "integer"}, "description": {"type": "string"}}}}
_FORMAT = "`.json` or `.xml` (the spec's required format); the same document in both."


def _error_doc(description: str, example: str, code: int) -> dict[str, Any]:
    return {"description": description, "content": {
        "application/json": {"schema": _ERROR_SCHEMA, "example": error_body(code, example)},
        "text/xml": {"example": encode("errors", error_body(code, example), "xml")[0].decode()}}}


_UNAVAILABLE = _error_doc("The index is unavailable; retry after the Retry-After delay.",
                          "service requests are temporarily unavailable", 503)
_NOT_FOUND = _error_doc("Unknown id, or a format other than .xml/.json.", "service request 'x' not found", 404)
_JURISDICTION = Query(description="Accepted for compatibility; aduan serves a single jurisdiction.")

router = APIRouter(prefix="/open311", tags=["open311"])


def _search_or_error(request: Request, query: RequestsQuery, fmt: Format) -> list[dict[str, Any]] | Response:
    try:
        settings = resource("settings")(request)
        return find_requests(resource("es")(request), settings.index_alias, query, settings.public_base_url)
    except (TransportError, ApiError):
        return error_response(Open311Error(503, "service requests are temporarily unavailable"), fmt,
                              headers={"Retry-After": "5"})


def discovery_document(base_url: str, contact: str) -> dict[str, Any]:
    """GeoReport v2 service discovery: where the endpoint is and what it speaks."""
    return {
        "changeset": DISCOVERY_CHANGESET,
        "contact": contact,
        "key_service": "API keys for POST requests are issued by the desk (ADUAN_OPEN311_API_KEYS).",
        "endpoints": [{"specification": SPECIFICATION, "url": f"{base_url.rstrip('/')}/open311/v2",
                       "changeset": DISCOVERY_CHANGESET, "type": "production",
                       "formats": ["text/xml", "application/json"]}],
    }


# When the endpoint's behaviour last changed (POST requests, tokens, XML): clients re-read on change.
DISCOVERY_CHANGESET = "2026-12-01T00:00:00Z"


@router.get("/discovery.{fmt}", summary="GeoReport v2: service discovery", responses={404: _NOT_FOUND},
            description=f"The endpoints, their specification and formats. {_FORMAT} The URL is "
                        "`ADUAN_PUBLIC_BASE_URL` (relative when unset: the Host header is not trusted).")
def discovery(request: Request, fmt: str) -> Response:
    try:
        fmt = response_format(fmt)
    except Open311Error as error:
        return error_response(error, fmt)
    settings = resource("settings")(request)
    return respond("discovery", discovery_document(settings.public_base_url, settings.open311_contact), fmt)


@router.get(
    "/v2/services.{fmt}",
    summary="GeoReport v2: list services",
    description="aduan's complaint topics as Open311 services: `service_code` is the topic code, "
                "`group` a family of topics, `keywords` the code and agency acronyms. No topic takes "
                f"extra attributes (`metadata: false`). {_FORMAT}",
    responses={404: _NOT_FOUND},
)
def list_services(fmt: str, jurisdiction_id: Annotated[str | None, _JURISDICTION] = None) -> Response:
    try:
        return respond("services", list(services()), response_format(fmt))
    except Open311Error as error:
        return error_response(error, fmt)


@router.get(
    "/v2/services/{service_code}.{fmt}",
    summary="GeoReport v2: service definition",
    description=f"The attributes a service takes. aduan topics take none, so `attributes` is empty. {_FORMAT}",
    responses={404: _error_doc("Unknown service_code.", "service_code 'x' not found", 404)},
)
def get_service_definition(service_code: str, fmt: str,
                           jurisdiction_id: Annotated[str | None, _JURISDICTION] = None) -> Response:
    try:
        return respond("service_definition", service_definition(service_code), response_format(fmt))
    except Open311Error as error:
        return error_response(error, fmt)


@router.get(
    "/v2/requests.{fmt}",
    summary="GeoReport v2: query service requests",
    description="Public complaints, newest first. Without dates the last 90 days; a date range may not "
                "span more than 90 days; at most 1000 requests per page (`page`, `page_size` are the "
                "common pagination extension). Confidential (`rahasia`) complaints are never returned; "
                f"no reporter data is ever included, and contacts written in the text are redacted. {_FORMAT}",
    responses={400: _error_doc("A parameter is invalid.", "end_date is before start_date", 400),
               404: _NOT_FOUND, 503: _UNAVAILABLE},
)
def list_requests(
    request: Request,
    fmt: str,
    service_request_id: Annotated[str | None, Query(
        description="Comma-delimited tracking numbers (or complaint ids); overrides all other parameters.")] = None,
    service_code: Annotated[str | None, Query(description="Topic code; comma-delimited for several.")] = None,
    start_date: Annotated[str | None, Query(
        description="Earliest requested_datetime, W3C datetime with zone, e.g. 2024-05-01T00:00:00+07:00.")] = None,
    end_date: Annotated[str | None, Query(description="Latest requested_datetime, W3C datetime with zone.")] = None,
    status: Annotated[str | None, Query(description="open or closed; comma-delimited for both.")] = None,
    page: Annotated[str | None, Query(description="Page number from 1 (extension).")] = None,
    page_size: Annotated[str | None, Query(description="Requests per page, 1-1000, default 1000 (extension).")] = None,
    jurisdiction_id: Annotated[str | None, _JURISDICTION] = None,
) -> Response:
    params = {"service_request_id": service_request_id, "service_code": service_code, "start_date": start_date,
              "end_date": end_date, "status": status, "page": page, "page_size": page_size}
    try:
        form = response_format(fmt)
        query = parse_requests_params(params, datetime.now(timezone.utc))
    except Open311Error as error:
        return error_response(error, fmt)
    found = _search_or_error(request, query, form)
    return found if isinstance(found, Response) else respond("service_requests", found, form)


@router.get(
    "/v2/requests/{service_request_id}.{fmt}",
    summary="GeoReport v2: one service request",
    description="A one-element list for a tracking number (or complaint id). Confidential complaints "
                f"answer 404 exactly like ids that do not exist. {_FORMAT}",
    responses={404: _error_doc("No public request with this id.", "service request ADU-0000-0000 not found", 404),
               503: _UNAVAILABLE},
)
def get_request(request: Request, service_request_id: str, fmt: str,
                jurisdiction_id: Annotated[str | None, _JURISDICTION] = None) -> Response:
    return _one_request(request, service_request_id, fmt, token=None)


@router.get(
    "/v2/tokens/{token}.{fmt}",
    summary="GeoReport v2: service request id from a token",
    description="The token a `POST requests` answered resolves to its `service_request_id` (the tracking "
                f"number) once the request is indexed; 404 before that and for unknown tokens. {_FORMAT}",
    responses={404: _error_doc("Unknown token, or not processed yet.", "token 'x' not found", 404),
               503: _UNAVAILABLE},
)
def get_token(request: Request, token: str, fmt: str,
              jurisdiction_id: Annotated[str | None, _JURISDICTION] = None) -> Response:
    return _one_request(request, token, fmt, token=token)


def _one_request(request: Request, key: str, fmt: str, token: str | None) -> Response:
    try:
        form = response_format(fmt)
    except Open311Error as error:
        return error_response(error, fmt)
    # A token is the complaint id; a service request id is a tracking number (or, as before, a complaint id).
    query = RequestsQuery(service_request_ids=(key.strip()[:200],), page_size=1)
    found = _search_or_error(request, query, form)
    if isinstance(found, Response):
        return found
    if not found:
        what = f"token {key!r}" if token is not None else f"service request {key!r}"
        return error_response(Open311Error(404, f"{what} not found"), form)
    if token is not None:
        found = [{"service_request_id": found[0]["service_request_id"], "token": token}]
    return respond("service_requests", found, form)


@router.get(
    "/v2/requests/{service_request_id}/media/{n}",
    summary="GeoReport v2: a request's photo (media_url)",
    description="The photo a `media_url` names: stored images of `publik` complaints only (404 for anything "
                "else, exactly like an unknown id); the same headers as the authorised attachment endpoint.",
    responses={200: {"content": {"image/jpeg": {}}}, 404: _NOT_FOUND, 503: _UNAVAILABLE},
)
def get_media(request: Request, service_request_id: str, n: int) -> Response:
    settings = resource("settings")(request)
    query = RequestsQuery(service_request_ids=(service_request_id.strip()[:200],), page_size=1)
    try:
        hits = resource("es")(request).search(
            index=settings.index_alias, query=build_query(query), size=1,
            source_includes=["tracking_number", "privacy", "attachments"])["hits"]["hits"]
    except (TransportError, ApiError):
        return error_response(Open311Error(503, "service requests are temporarily unavailable"), "json",
                              headers={"Retry-After": "5"})
    source = hits[0]["_source"] if hits else {}
    attachments = source.get("attachments") or []
    if not 0 <= n < len(attachments) or not is_public_image(source, attachments[n]):
        return error_response(Open311Error(404, "no such media"), "json")
    served = serve_file(resource("blobs")(request), attachments[n], None, f"foto-{n + 1}", clear=False)
    return served if served is not None else error_response(Open311Error(404, "no such media"), "json")
