"""Operators correct what the stream decided: ``POST /v1/complaints/{id}/corrections``.

A complaint's topic (``topic``), or its duplicate cluster: ``merge`` it into the cluster of another
complaint (``target``: its tracking number or id), ``split`` it out to be the head of its own. Each is a
``ComplaintCorrection`` on ``complaints.corrections`` with the key's actor name and the typed reason;
the indexer folds it over the stream's decision (consumers.cases.document), and ``aduan corrections
export`` writes them as labelled examples. What the citizen sent is never changed.

Operators only: a unit acts on its complaints' lifecycle, not on how they are classified or grouped
(that is cross-unit triage), and analysts read. As in status_api, nothing is read before it is
allowed (authenticate, refuse other roles, then read at most ``MAX_BODY_BYTES``): 404 for a complaint
(or a merge target) this key cannot act on, 409 for a correction that would change nothing about the
cluster, 422 for an unknown topic or a body of the wrong shape.
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Header, HTTPException, Request
from pydantic import BaseModel, ConfigDict, Field, model_validator

from aduan.core.deps import ElasticsearchDep, PublisherDep, SettingsDep
from consumers.cases.status_api import action_route, document_to_act_on, publish, read_body, refuse, request_event_id
from consumers.read.access import Principal, authenticate
from schemas.categories import CATEGORY_CODES
from schemas.events import ComplaintCorrection, utcnow
from schemas.topics import CORRECTIONS

router = APIRouter(tags=["lifecycle"])


class CorrectionRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: Literal["topic", "merge", "split"]
    topic: str | None = Field(None, max_length=100, description="the topic code (kind topic)")
    target: str | None = Field(None, max_length=200,
                               description="tracking number or id of a complaint whose cluster to join (kind merge)")
    reason: str | None = Field(None, max_length=2000, description="kept with the correction")

    @model_validator(mode="after")
    def _named(self) -> "CorrectionRequest":
        if (self.kind == "topic") != (self.topic is not None) or (self.kind == "merge") != (self.target is not None):
            raise ValueError("kind topic names a topic, merge names a target, split neither")
        return self


class CorrectionAccepted(BaseModel):
    correction_id: str
    complaint_id: str
    kind: str
    topic: str | None = None
    cluster_id: str | None = None


@action_route(router, "/v1/complaints/{complaint}/corrections", CorrectionRequest, CorrectionAccepted)
async def correct(
    complaint: str,
    request: Request,
    settings: SettingsDep,
    es: ElasticsearchDep,
    publisher: PublisherDep,
    principal: Annotated[Principal, Depends(authenticate)],
    idempotency_key: Annotated[str | None, Header(max_length=200)] = None,
) -> CorrectionAccepted:
    if principal.role != "operator":
        raise HTTPException(403, detail={"error": "forbidden", "message": "only operators correct topic and cluster"})
    body = await read_body(request, CorrectionRequest)
    if body.kind == "topic" and body.topic not in CATEGORY_CODES:
        raise refuse("topic", body.topic, "unknown_topic", "not a topic of the taxonomy")
    doc = document_to_act_on(es, settings.index_alias, principal, complaint)
    own, current = doc["complaint_id"], doc.get("cluster_id")
    cluster_id = None
    if body.kind == "merge":
        target = document_to_act_on(es, settings.index_alias, principal, body.target)
        cluster_id = target.get("cluster_id") or target["complaint_id"]
        if target["complaint_id"] == own or cluster_id == current:
            raise HTTPException(409, detail={"error": "already_in_cluster",
                                             "message": "the complaint is already in that cluster"})
    elif body.kind == "split" and current in (None, own):
        # The head keeps its id as the cluster's: split the members out instead.
        raise HTTPException(409, detail={"error": "not_a_member",
                                         "message": "the complaint heads its own cluster; split its members instead"})
    correction = ComplaintCorrection(
        correction_id=request_event_id("correction", principal, own, idempotency_key), complaint_id=own,
        kind=body.kind, topic=body.topic, cluster_id=cluster_id, actor=principal.name, reason=body.reason, at=utcnow())
    await publish(publisher, CORRECTIONS, own, correction)
    return CorrectionAccepted(correction_id=correction.correction_id, complaint_id=own, kind=correction.kind,
                              topic=correction.topic, cluster_id=cluster_id if body.kind == "merge" else
                              (own if body.kind == "split" else None))
