"""HTTP search over the index: ``GET /v1/search``."""

from __future__ import annotations

from typing import Annotated, Any

from elasticsearch import Elasticsearch, TransportError
from fastapi import APIRouter, HTTPException, Query, Request

from consumers.search import search

router = APIRouter(tags=["search"])


def _es(request: Request) -> Elasticsearch:
    return request.app.state.es


@router.get("/v1/search")
def search_complaints(
    request: Request,
    q: Annotated[str | None, Query(max_length=500, description="full-text query over subject and text")] = None,
    size: Annotated[int, Query(ge=1, le=100)] = 20,
) -> dict[str, Any]:
    try:
        return search(_es(request), request.app.state.settings.index_alias, q, size=size)
    except TransportError as exc:
        raise HTTPException(503, detail={"error": "search_unavailable"}, headers={"Retry-After": "5"}) from exc
