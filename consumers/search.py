"""Full-text search over the complaint alias."""

from __future__ import annotations

from typing import Any

from elasticsearch import Elasticsearch

SEARCH_FIELDS = ["subject^2", "text", "normalised_text"]


def build_query(q: str | None) -> dict[str, Any]:
    if not q or not q.strip():
        return {"match_all": {}}
    # multi_match takes the text as data, never as query syntax: no injection through `q`.
    return {"multi_match": {"query": q, "fields": SEARCH_FIELDS, "fuzziness": "AUTO", "operator": "and"}}


def search(es: Elasticsearch, alias: str, q: str | None, size: int = 20) -> dict[str, Any]:
    response = es.search(
        index=alias,
        query=build_query(q),
        size=size,
        sort=[{"_score": "desc"}, {"received_at": "desc"}, {"complaint_id": "asc"}],
        highlight={"fields": {"text": {}, "subject": {}}, "pre_tags": ["<mark>"], "post_tags": ["</mark>"]},
        track_total_hits=True,
    )
    hits = response["hits"]
    return {
        "total": hits["total"]["value"],
        "hits": [{**hit["_source"], "_highlight": hit.get("highlight", {})} for hit in hits["hits"]],
    }
