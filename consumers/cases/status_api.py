"""Units and operators move complaints through the lifecycle: ``POST /v1/complaints/{id}/status``.

The change is checked against the lifecycle and the caller's role, then published as a
``StatusEvent`` on ``complaints.status``; the indexer folds it into the document. Nothing is
answered 202 before Kafka acknowledged the event.

Nothing is read before it is allowed: the route declares no body model (FastAPI would read and parse
it before any dependency, authentication included, ran); it authenticates, refuses analysts, then
reads at most ``MAX_BODY_BYTES`` of the body itself (aduan.core.http.read_capped) and validates it.
A re-route may name only a unit of the routing table (schemas.units).
"""

from __future__ import annotations

import uuid
from typing import Annotated, Any, TypeVar

from elasticsearch import Elasticsearch, TransportError
from fastapi import APIRouter, Depends, Header, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from aduan.core.deps import ElasticsearchDep, PublisherDep, SettingsDep
from aduan.core.http import BodyTooLarge, read_capped
from consumers.read.access import Principal, authenticate
from consumers.cases.lifecycle import TransitionRefused, check_transition
from aduan.core.connections import BrokerUnavailable, Publisher
from schemas.events import Status, StatusEvent, utcnow
from schemas.topics import STATUS, TopicSpec
from schemas.units import is_known_unit

router = APIRouter(tags=["lifecycle"])
# A status, a reason of at most 2,000 characters (up to 4 bytes each in UTF-8, 6 escaped) and a unit code.
MAX_BODY_BYTES = 16 * 1024


class StatusChange(BaseModel):
    model_config = ConfigDict(extra="forbid")

    status: Status
    reason: str | None = Field(None, max_length=2000, description="shown in the complaint's history")
    unit_code: str | None = Field(None, max_length=100, description="target unit, required for bukan_wewenang")


class StatusAccepted(BaseModel):
    event_id: str
    complaint_id: str
    status: Status


def find_document(es: Elasticsearch, alias: str, key: str) -> dict[str, Any] | None:
    """A complaint by its id or its tracking number (``ADU-XXXX-XXXX``)."""
    if key.upper().startswith("ADU-"):
        hits = es.search(index=alias, query={"term": {"tracking_number": key.upper()}}, size=1)["hits"]["hits"]
        return hits[0]["_source"] if hits else None
    found = es.options(ignore_status=404).get(index=alias, id=key)
    return found["_source"] if found.get("found") else None


def document_to_act_on(es: Elasticsearch, alias: str, principal: Principal, key: str) -> dict[str, Any]:
    """The complaint ``key`` names, if this principal may act on it; 404 otherwise, 503 without a search engine."""
    try:
        doc = find_document(es, alias, key)
    except TransportError as exc:
        raise HTTPException(503, detail={"error": "search_unavailable"}, headers={"Retry-After": "5"}) from exc
    # Another unit's complaint is answered like a missing one: its existence is not the caller's business.
    if doc is None or not doc.get("text") or not principal.may_act_on(doc):
        raise HTTPException(404, detail={"error": "not_found", "message": "no such complaint for this key"})
    return doc


async def publish(publisher: Publisher, spec: TopicSpec, key: str, event: BaseModel) -> None:
    """Acknowledged by Kafka, or 503: nothing is answered 202 before."""
    try:
        await publisher.publish_async(spec, key, event)
    except BrokerUnavailable as exc:
        raise HTTPException(503, detail={"error": "broker_unavailable"}, headers={"Retry-After": "5"}) from exc


def request_event_id(kind: str, principal: Principal, complaint_id: str, idempotency_key: str | None) -> str:
    """Deterministic per (actor, complaint, Idempotency-Key), so a retried request is the same event; random
    without a key. The complaint is part of it: a key reused on another complaint (a client numbering its
    requests) is another event, or its notification would count as sent already (``status:<event id>``)."""
    return (str(uuid.uuid5(uuid.NAMESPACE_URL, f"aduan:{kind}:{principal.name}:{complaint_id}:{idempotency_key}"))
            if idempotency_key else str(uuid.uuid4()))


Body = TypeVar("Body", bound=BaseModel)


async def read_body(request: Request, model: type[Body]) -> Body:
    """The body as ``model``, read only now (after authentication) and at most ``MAX_BODY_BYTES`` of it."""
    try:
        raw = await read_capped(request, MAX_BODY_BYTES)
    except BodyTooLarge as exc:
        raise HTTPException(413, detail={"error": "payload_too_large", "message": str(exc)}) from exc
    try:
        return model.model_validate_json(raw)
    except ValidationError as exc:
        # FastAPI's own 422 shape, as a declared body model would have answered.
        # A body that is not JSON comes back as raw bytes in ``input``: not echoed (it may not even be UTF-8).
        raise RequestValidationError([
            {**error, "loc": ("body", *error["loc"]), "input": None if isinstance(error["input"], bytes) else error["input"]}
            for error in exc.errors(include_url=False, include_context=False)]) from exc


def refuse(field: str, value: Any, kind: str, message: str) -> RequestValidationError:
    """A 422 in FastAPI's shape for a body that parsed but names something that does not exist."""
    return RequestValidationError([{"type": kind, "loc": ("body", field), "input": value, "msg": message}])


async def read_change(request: Request) -> StatusChange:
    change = await read_body(request, StatusChange)
    if change.unit_code is not None and not is_known_unit(change.unit_code):
        raise refuse("unit_code", change.unit_code, "unknown_unit", "not a unit of the routing table")
    return change


def action_route(on: APIRouter, path: str, body: type[BaseModel], response: type[BaseModel]):
    """A 202 action whose body the handler reads itself (``read_body``), documented as if declared."""
    return on.post(path, status_code=202, response_model=response,
                   responses={401: {}, 403: {}, 404: {}, 409: {}, 413: {"description": "body too large"}, 503: {}},
                   openapi_extra={"requestBody": {"required": True, "content": {"application/json": {
                       "schema": body.model_json_schema()}}}})


@action_route(router, "/v1/complaints/{complaint}/status", StatusChange, StatusAccepted)
async def change_status(
    complaint: str,
    request: Request,
    settings: SettingsDep,
    es: ElasticsearchDep,
    publisher: PublisherDep,
    principal: Annotated[Principal, Depends(authenticate)],
    idempotency_key: Annotated[str | None, Header(max_length=200)] = None,
) -> StatusAccepted:
    if principal.role == "analyst":
        raise HTTPException(403, detail={"error": "forbidden", "message": "analysts read, they do not act"})
    change = await read_change(request)
    doc = document_to_act_on(es, settings.index_alias, principal, complaint)
    try:
        check_transition(doc.get("status", "diterima"), change.status, principal.role, change.unit_code)
    except TransitionRefused as exc:
        raise HTTPException(409, detail={"error": "transition_refused", "message": str(exc)}) from exc
    event_id = request_event_id("status", principal, doc["complaint_id"], idempotency_key)
    event = StatusEvent(event_id=event_id, complaint_id=doc["complaint_id"], status=change.status,
                        actor=principal.name, actor_role=principal.role, reason=change.reason,
                        unit_code=change.unit_code, at=utcnow())
    await publish(publisher, STATUS, event.complaint_id, event)
    return StatusAccepted(event_id=event.event_id, complaint_id=event.complaint_id, status=event.status)
