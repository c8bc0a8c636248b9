"""Ids of other complaints in what a non-operator reads: only those it may see.

A document names other complaints: its duplicate cluster (``cluster_id``, the head's id, and the stream's
``routed_cluster_id``), the complaint it duplicates (``duplicate_of``), its exact resends
(``duplicate_ids``), the messages joined to it (``joined_ids``), and the clusters operators merged it
into (``corrections[].cluster_id``). A complaint id gives away its tracking number (``schemas.ids``: a
public derivation), and the number opens the public status page, which tells the unit, the status and
the deadlines. So an analyst who can see a complaint must not learn from it the id of a ``rahasia``
complaint in the same cluster, nor a unit the id of another unit's complaint: every such id is asked of
the index with the reader's own visibility filter (access.visibility_filter), in one query for a whole
page, and the ones it may not see are removed (a list loses them, a single reference becomes null).
Counts stay (``report_count``, the size of a cluster): they say how many, not which.
"""

from __future__ import annotations

from typing import Any, Iterable

from elasticsearch import Elasticsearch, NotFoundError

from consumers.read.access import Principal, visibility_filter

SINGLE_REFERENCES = ("cluster_id", "routed_cluster_id", "duplicate_of")
LIST_REFERENCES = ("duplicate_ids", "joined_ids")
# What one request asks the index about (its result window is 10,000 documents).
VISIBLE_BATCH = 10_000


def referenced(doc: dict[str, Any]) -> set[str]:
    """Every id of another complaint that ``doc`` (as served) names."""
    ids = {doc.get(name) for name in SINGLE_REFERENCES}
    for name in LIST_REFERENCES:
        ids.update(doc.get(name) or ())
    ids.update(entry.get("cluster_id") for entry in doc.get("corrections") or () if isinstance(entry, dict))
    ids.discard(doc.get("complaint_id"))
    return {i for i in ids if isinstance(i, str) and i}


def visible_ids(es: Elasticsearch, alias: str, principal: Principal, ids: Iterable[str]) -> set[str]:
    """The ids among ``ids`` of complaints this reader may see (the visibility filter is in the query)."""
    wanted = sorted(set(ids))
    if principal.role == "operator":
        return set(wanted)
    visible: set[str] = set()
    for start in range(0, len(wanted), VISIBLE_BATCH):
        batch = wanted[start:start + VISIBLE_BATCH]
        try:
            hits = es.search(index=alias, size=len(batch), source=False, query={"bool": {"filter": [
                *visibility_filter(principal), {"terms": {"complaint_id": batch}}]}})["hits"]["hits"]
        except NotFoundError:
            break  # no complaint index yet: nothing is visible
        visible.update(hit["_id"] for hit in hits)
    return visible


def keep_seen_references(es: Elasticsearch, alias: str, principal: Principal, docs: list[dict[str, Any]]) -> None:
    """Remove from ``docs`` (served documents, changed in place) the ids of complaints the reader may not see."""
    if principal.role == "operator" or not docs:
        return
    named = set().union(*(referenced(doc) for doc in docs))
    if not named:
        return
    keep_only(docs, visible_ids(es, alias, principal, named))


def keep_only(docs: list[dict[str, Any]], visible: set[str]) -> None:
    """Every reference of ``docs`` that is neither in ``visible`` nor the document's own id, removed."""
    for doc in docs:
        seen = visible | {doc.get("complaint_id")}
        for name in SINGLE_REFERENCES:
            if doc.get(name) is not None and doc[name] not in seen:
                doc[name] = None
        for name in LIST_REFERENCES:
            if isinstance(doc.get(name), list):
                doc[name] = [i for i in doc[name] if i in seen]
        if isinstance(doc.get("corrections"), list):
            doc["corrections"] = [{**entry, "cluster_id": None}
                                  if isinstance(entry, dict) and entry.get("cluster_id") not in seen | {None}
                                  else entry for entry in doc["corrections"]]
