"""``GET /v1/alerts``: surges the stream saw (streams/surge.py), from the alert index.

Who sees what: operators and analysts every alert; a unit the alerts in its jurisdiction — the region
digits of its unit code (``DINKES.3273`` → Kota Bandung and its kecamatan; a provincial unit its
province; a national unit, whose code names no region, every alert). Not filtered by topic: a flood
concerns the public-works office and the health office alike. An alert holds complaint ids and counts,
never a complaint's text or reporter: opening a member goes through the complaint endpoints and their
role rules.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from elasticsearch import ApiError, NotFoundError, TransportError
from fastapi import APIRouter, Depends, HTTPException, Query

from aduan.core.deps import ElasticsearchDep, SettingsDep
from consumers.read.access import Principal, authenticate

router = APIRouter(tags=["alerts"], responses={401: {"description": "no API key"},
                                                403: {"description": "unknown API key"},
                                                503: {"description": "index unavailable"}})


def jurisdiction(principal: Principal) -> str | None:
    """The region prefix a unit sees alerts of; None = every alert."""
    if principal.role != "unit" or not principal.unit_code:
        return None
    found = re.search(r"\.(\d{2}(?:\d{2})?)\b", principal.unit_code)
    return found[1] if found else None


def alerts_query(principal: Principal, state: str, topic: str | None, region: str | None) -> dict:
    filters: list[dict] = []
    if state == "open":
        filters.append({"terms": {"state": ["open", "updated"]}})
    elif state == "closed":
        filters.append({"term": {"state": "closed"}})
    if topic:
        filters.append({"term": {"topic": topic}})
    if region:
        filters.append({"prefix": {"region_code": region}})
    scope = jurisdiction(principal)
    if scope is not None:
        filters.append({"prefix": {"region_code": scope}})
    return {"bool": {"filter": filters}}


@router.get("/v1/alerts")
def list_alerts(
    es: ElasticsearchDep,
    settings: SettingsDep,
    principal: Annotated[Principal, Depends(authenticate)],
    state: Annotated[Literal["open", "closed", "all"], Query(description="open = open or updated")] = "open",
    topic: Annotated[str | None, Query(max_length=64)] = None,
    region: Annotated[str | None, Query(pattern=r"^\d{2}(\d{2}(\d{2})?)?$")] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> dict:
    """Surge alerts, the latest first (``updated_at``)."""
    try:
        found = es.search(index=settings.alerts_index, query=alerts_query(principal, state, topic, region),
                          sort=[{"updated_at": "desc"}], size=limit, track_total_hits=True)
    except NotFoundError:
        return {"total": 0, "alerts": []}  # no alert yet: the index is created by the first one
    except (TransportError, ApiError) as exc:
        raise HTTPException(503, f"alert index unavailable: {type(exc).__name__}") from exc
    hits = found["hits"]
    return {"total": hits["total"]["value"], "alerts": [hit["_source"] for hit in hits["hits"]]}
