"""``GET /v1/alerts``: surges the stream saw (streams/surge.py), from the alert index.

Who sees what: operators and analysts every alert; a unit the alerts in its jurisdiction — the region
digits of its unit code (``DINKES.3273`` → Kota Bandung and its kecamatan; a provincial unit its
province; a national unit, whose code names no region, every alert). Not filtered by topic: a flood
concerns the public-works office and the health office alike. An alert holds complaint ids and counts,
never a complaint's text or reporter: opening a member goes through the complaint endpoints and their
role rules, and a non-operator gets only the ids of members it may see (``keep_visible``).
"""

from __future__ import annotations

from typing import Annotated, Literal

from elasticsearch import ApiError, NotFoundError, TransportError
from fastapi import APIRouter, Depends, HTTPException, Query

from aduan.core.deps import ElasticsearchDep, SettingsDep
from consumers.cases.lifecycle import region_of_unit
from consumers.read.access import Principal, authenticate
from consumers.read.references import visible_ids

router = APIRouter(tags=["alerts"], responses={401: {"description": "no API key"},
                                                403: {"description": "unknown API key"},
                                                503: {"description": "index unavailable"}})


def jurisdiction(principal: Principal) -> str | None:
    """The region prefix a unit sees alerts of; None = every alert."""
    if principal.role != "unit" or not principal.unit_code:
        return None
    # The one reading of a unit code's region (a kecamatan's six digits too: a pattern of two or four
    # digits read none in them and gave a kecamatan's unit every alert, as if it were national).
    return region_of_unit(principal.unit_code)


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
        alerts = [hit["_source"] for hit in found["hits"]["hits"]]
        keep_visible(es, settings.index_alias, principal, alerts)
    except NotFoundError:
        return {"total": 0, "alerts": []}  # no alert yet: the index is created by the first one
    except (TransportError, ApiError) as exc:
        raise HTTPException(503, f"alert index unavailable: {type(exc).__name__}") from exc
    return {"total": found["hits"]["total"]["value"], "alerts": alerts}


def keep_visible(es, alias: str, principal: Principal, alerts: list[dict]) -> None:
    """Member ids (and a cluster alert's ``cluster_id``, its head's id) that this key may see
    (consumers.read.references: a complaint id opens the public status page). The counts stay: they
    say how big the surge is, not which complaints."""
    if principal.role == "operator":
        return
    visible = visible_ids(es, alias, principal,
                          (i for a in alerts for i in [*(a.get("member_ids") or ()), a.get("cluster_id")] if i))
    for alert in alerts:
        alert["member_ids"] = [i for i in alert.get("member_ids") or () if i in visible]
        if alert.get("cluster_id") not in visible:
            alert["cluster_id"] = None
