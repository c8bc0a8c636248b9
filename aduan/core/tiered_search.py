"""Two search servers read as one: a small hot tier that takes every write and a cold tier of the rest.

Only for the local stack. Its search emulator rewrites its whole state about once a second while anything
changes, and every request waits meanwhile (README "The local stack and its caveats"): the time a complaint
needs to become searchable grew with everything the index held. With ``ADUAN_ELASTICSEARCH_COLD_URL`` set, the
indexer writes to the hot server only, a mover (``consumers.sinks.tiering``) takes the documents nobody has
written for a while to the cold one, and every reader gets this client instead of the hot server's: searches,
counts and aggregations on the complaint index go to both and are merged the way Elasticsearch merges its
shards' answers; everything else is the hot server's. Production leaves the setting empty: Elasticsearch has
no whole-state rewrite, and this module is not used.

The two tiers' one rule: **a document the hot tier holds is the truth**. A cold copy the hot tier has
superseded (a promotion, a move under way) carries ``superseded_at`` and no reader sees it; hits are also
de-duplicated by id, hot first, for the instants in which a move leaves both copies visible.
"""

from __future__ import annotations

from functools import cmp_to_key
from typing import Any

from elasticsearch import Elasticsearch

# Set on a cold copy while the hot tier holds the document (consumers.sinks.tiering): readers skip it.
SUPERSEDED_FIELD = "superseded_at"
_VISIBLE_IN_COLD = {"bool": {"must_not": [{"exists": {"field": SUPERSEDED_FIELD}}]}}


class UnmergeableAggregation(ValueError):
    """An aggregation whose per-tier answers cannot be combined exactly (say so, never guess)."""


class TieredElasticsearch:
    """``Elasticsearch`` for readers of a tiered index: the complaint alias (``tiered``) is read from both
    servers; every other call and index is the hot server's."""

    def __init__(self, hot: Elasticsearch, cold: Elasticsearch, tiered: str) -> None:
        self.hot, self.cold, self.tiered = hot, cold, tiered

    def __getattr__(self, name: str) -> Any:  # indices, bulk, index, ...: the hot server's
        return getattr(self.hot, name)

    def __enter__(self) -> TieredElasticsearch:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.hot.close()
        self.cold.close()

    def options(self, **options: Any) -> TieredElasticsearch:
        return TieredElasticsearch(self.hot.options(**options), self.cold.options(**options), self.tiered)

    def _is_tiered(self, index: Any) -> bool:
        names = index if isinstance(index, (list, tuple)) else str(index or "").split(",")
        return any(name == self.tiered or name.startswith(f"{self.tiered}-v") for name in names)

    # -- by id -----------------------------------------------------------------------------------------------

    def get(self, *, index: str, id: str, **kwargs: Any) -> Any:
        if not self._is_tiered(index):
            return self.hot.get(index=index, id=id, **kwargs)
        found = self.hot.options(ignore_status=404).get(index=index, id=id, **kwargs)
        if found.get("found"):
            return found
        return self.cold.get(index=index, id=id, **kwargs)  # NotFoundError when neither holds it

    def mget(self, *, index: str, ids: list[str], **kwargs: Any) -> dict[str, Any]:
        """Hot first; the ids it lacks from the cold tier, each marked ``"_tier": "cold"``."""
        docs = list(self.hot.mget(index=index, ids=ids, **kwargs)["docs"])
        missing = [i for i, doc in enumerate(docs) if not doc.get("found")]
        if missing and self._is_tiered(index):
            cold = self.cold.mget(index=index, ids=[docs[i]["_id"] for i in missing], **kwargs)["docs"]
            for i, doc in zip(missing, cold):
                if doc.get("found"):
                    docs[i] = {**doc, "_tier": "cold"}
        return {"docs": docs}

    # -- searches ----------------------------------------------------------------------------------------------

    def count(self, *, index: str, query: dict | None = None, **kwargs: Any) -> dict[str, Any]:
        hot = self.hot.count(index=index, query=query, **kwargs)
        if not self._is_tiered(index):
            return hot
        cold = self.cold.count(index=index, query=_visible(query), **kwargs)
        return {**dict(hot), "count": hot["count"] + cold["count"]}

    def search(self, *, index: str, query: dict | None = None, **kwargs: Any) -> dict[str, Any]:
        if not self._is_tiered(index):
            return self.hot.search(index=index, query=query, **kwargs)
        request = dict(kwargs)
        offset = kwargs.pop("from_", 0) or 0
        if offset:  # each tier's first from+size, merged and cut: what Elasticsearch does with its shards
            kwargs["size"] = offset + kwargs.get("size", 10)
        hot = self.hot.search(index=index, query=query, **kwargs).body
        cold = self.cold.search(index=index, query=_visible(query), **kwargs).body
        return merge_responses(hot, cold, request, offset)


def _visible(query: dict | None) -> dict:
    """The query on the cold tier: the same, without the copies the hot tier superseded."""
    return {"bool": {"must": [query or {"match_all": {}}], "filter": [_VISIBLE_IN_COLD]}}


def merge_responses(hot: dict, cold: dict, request: dict, offset: int = 0) -> dict[str, Any]:
    """One answer from both tiers' answers to the same ``request`` (the keyword arguments of ``search``)."""
    hot_hits, cold_hits = hot.get("hits", {}), cold.get("hits", {})
    size = request.get("size", 10)
    hits = merge_hits(hot_hits.get("hits", []), cold_hits.get("hits", []), request.get("sort"), offset + size)
    merged: dict[str, Any] = {
        "took": max(hot.get("took", 0), cold.get("took", 0)),
        "timed_out": bool(hot.get("timed_out") or cold.get("timed_out")),
        "_shards": {key: hot.get("_shards", {}).get(key, 0) + cold.get("_shards", {}).get(key, 0)
                    for key in ("total", "successful", "skipped", "failed")},
        "hits": {"hits": hits[offset:offset + size]},
    }
    if "total" in hot_hits or "total" in cold_hits:
        totals = [h.get("total") for h in (hot_hits, cold_hits) if h.get("total") is not None]
        if all(isinstance(t, dict) for t in totals):
            merged["hits"]["total"] = {"value": sum(t["value"] for t in totals),
                                       "relation": "eq" if all(t["relation"] == "eq" for t in totals) else "gte"}
        else:
            merged["hits"]["total"] = sum(int(t) for t in totals)
    scores = [s for s in (hot_hits.get("max_score"), cold_hits.get("max_score")) if s is not None]
    merged["hits"]["max_score"] = max(scores) if scores else None
    aggs = request.get("aggs") or request.get("aggregations")
    if aggs:
        merged["aggregations"] = merge_aggregations(aggs, hot.get("aggregations", {}), cold.get("aggregations", {}))
    return merged


# -- hits ---------------------------------------------------------------------------------------------------

def _directions(sort: Any) -> list[tuple[bool, bool]]:
    """(descending, missing first) per sort position of an Elasticsearch ``sort``."""
    if sort is None:
        return [(True, False)]  # by _score
    out = []
    for item in sort if isinstance(sort, list) else [sort]:
        if isinstance(item, str):
            field, order, missing = item, ("desc" if item == "_score" else "asc"), None
        else:
            field, spec = next(iter(item.items()))
            order, missing = (spec, None) if isinstance(spec, str) else (spec.get("order"), spec.get("missing"))
            order = order or ("desc" if field == "_score" else "asc")
        descending = order == "desc"
        out.append((descending, missing == "_first"))
    return out


def merge_hits(hot: list[dict], cold: list[dict], sort: Any, limit: int) -> list[dict]:
    """Both tiers' hits in the request's order, each id once (the hot tier's copy), the first ``limit``."""
    directions = _directions(sort)

    def values(hit: dict) -> list[Any]:
        return hit["sort"] if sort is not None and "sort" in hit else [hit.get("_score") or 0.0]

    def compare(a: tuple[int, dict], b: tuple[int, dict]) -> int:
        for (descending, missing_first), x, y in zip(directions, values(a[1]), values(b[1])):
            if x == y:
                continue
            if x is None or y is None:  # a missing value sorts last unless asked otherwise
                return (-1 if missing_first else 1) * (1 if x is None else -1)
            try:
                less = x < y
            except TypeError:
                less = str(x) < str(y)
            return (1 if less else -1) if descending else (-1 if less else 1)
        return a[0] - b[0]  # equal keys: hot first, each tier's own order kept

    seen: set[str] = {hit["_id"] for hit in hot}
    tagged = [(i, hit) for i, hit in enumerate(hot)] + \
             [(len(hot) + i, hit) for i, hit in enumerate(cold) if hit["_id"] not in seen]
    return [hit for _, hit in sorted(tagged, key=cmp_to_key(compare))[:limit]]


# -- aggregations -------------------------------------------------------------------------------------------

_SUB = ("aggs", "aggregations")


def _kind(spec: dict) -> tuple[str, dict]:
    kinds = [k for k in spec if k not in (*_SUB, "meta")]
    if len(kinds) != 1:
        raise UnmergeableAggregation(f"aggregation with kinds {kinds}")
    return kinds[0], spec[kinds[0]]


def merge_aggregations(specs: dict, hot: dict, cold: dict) -> dict[str, Any]:
    """Per-tier aggregation results combined by each aggregation's kind (``specs``: the request's ``aggs``).

    Exact for what the readers ask (filter, date_histogram and histogram with ``min_doc_count`` ≥ 1, sum,
    value_count, min, max, top_hits); ``terms`` like Elasticsearch across shards (each tier's top ``size``,
    counts summed). Any other kind raises ``UnmergeableAggregation``: a wrong figure is worse than an error."""
    merged = {}
    for name, spec in specs.items():
        a, b = hot.get(name), cold.get(name)
        if a is None or b is None:
            merged[name] = a if b is None else b
            continue
        kind, body = _kind(spec)
        subs = next((spec[k] for k in _SUB if k in spec), {})
        merged[name] = _merge_one(kind, body, subs, a, b)
    return merged


def _merge_bucket(subs: dict, a: dict, b: dict) -> dict:
    out = {**a, "doc_count": a.get("doc_count", 0) + b.get("doc_count", 0)}
    if subs:
        out.update(merge_aggregations(subs, {k: a[k] for k in subs if k in a}, {k: b[k] for k in subs if k in b}))
    return out


def _merge_one(kind: str, body: dict, subs: dict, a: dict, b: dict) -> dict:
    if kind == "filter":
        return _merge_bucket(subs, a, b)
    if kind in ("date_histogram", "histogram"):
        if body.get("min_doc_count", 0) < 1:
            raise UnmergeableAggregation(f"{kind} with min_doc_count 0 (gaps between the tiers' ranges)")
        buckets = _merge_keyed(subs, a["buckets"], b["buckets"])
        return {**a, "buckets": sorted(buckets, key=lambda x: x["key"])}
    if kind == "terms":
        buckets = _merge_keyed(subs, a["buckets"], b["buckets"])
        order = body.get("order")
        if order not in (None, {"_count": "desc"}, [{"_count": "desc"}]):
            raise UnmergeableAggregation(f"terms ordered by {order}")
        buckets.sort(key=lambda x: (-x["doc_count"], x["key"]))
        size = body.get("size", 10)
        dropped = sum(x["doc_count"] for x in buckets[size:])
        return {"doc_count_error_upper_bound": a.get("doc_count_error_upper_bound", 0) +
                b.get("doc_count_error_upper_bound", 0),
                "sum_other_doc_count": a.get("sum_other_doc_count", 0) + b.get("sum_other_doc_count", 0) + dropped,
                "buckets": buckets[:size]}
    if kind in ("sum", "value_count"):
        return {**a, "value": (a.get("value") or 0) + (b.get("value") or 0)}
    if kind in ("min", "max"):
        values = [v for v in (a.get("value"), b.get("value")) if v is not None]
        pick = min if kind == "min" else max
        return {"value": pick(values) if values else None}
    if kind == "top_hits":
        hits = merge_hits(a["hits"]["hits"], b["hits"]["hits"], body.get("sort"), body.get("size", 3))
        total = a["hits"].get("total", {}).get("value", 0) + b["hits"].get("total", {}).get("value", 0)
        return {"hits": {**a["hits"], "total": {"value": total, "relation": "eq"}, "hits": hits}}
    raise UnmergeableAggregation(f"no exact merge for a {kind} aggregation across tiers")


def _merge_keyed(subs: dict, a: list[dict], b: list[dict]) -> list[dict]:
    by_key = {bucket["key"]: bucket for bucket in a}
    for bucket in b:
        by_key[bucket["key"]] = _merge_bucket(subs, by_key[bucket["key"]], bucket) if bucket["key"] in by_key \
            else bucket
    return list(by_key.values())
