"""Operators' corrections as labelled examples: what ``aduan corrections export`` writes.

One JSON object per correction, read from the index (where the indexer folded each
``ComplaintCorrection`` beside the complaint it corrects): the complaint's text, the label the
operator gave (a topic, or the cluster it was merged into or split out to), what the stream had
decided (``routed_topic``, ``routed_cluster_id``), the unit, the actor and the time; never of a
``rahasia`` complaint (excluded in the query). The text goes
through the one contact scrubber (consumers.redaction.scrub_text, as analysts read it): a training
set is copied and shared, a reporter's number or e-mail must not travel with it. The reason is the
redacted copy for the same cause.

Analysts never see a ``rahasia`` complaint, so neither does the file: such a complaint has no line, and a
pair whose other side is one names it without its text. Should a line of one reach ``examples_of`` all the same
(a document read by other code), it keeps what was corrected and when but no text, reason or tracking number.

A merge or a split also names the other side of the pair it teaches (``pair``): the head of the
cluster the complaint was merged into, or of the cluster it was split out of, with that complaint's
text under the same rules. ``aduan train --corrections`` makes them positive and negative pairs for the
near-duplicate verifier (streams.corrections).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from elasticsearch import Elasticsearch

from consumers.redaction import scrub_text

# Every corrected complaint but the confidential ones: a training set is shared like an analyst's export,
# and no analyst reads a ``rahasia`` complaint's words (the names in them are not contacts to scrub).
CORRECTED = {"bool": {"filter": [{"exists": {"field": "corrections.correction_id"}}],
                      "must_not": [{"term": {"privacy": "rahasia"}}]}}
FIELDS = ["complaint_id", "tracking_number", "text", "subject", "privacy", "channel", "received_at", "topic",
          "routed_topic", "cluster_id", "routed_cluster_id", "unit_code", "corrections"]
PAIR_FIELDS = ["complaint_id", "text", "subject", "privacy", "channel", "received_at"]


def labelled_examples(es: Elasticsearch, alias: str, page: int = 500) -> Iterator[dict[str, Any]]:
    """Every correction in the index, oldest complaint id first (search_after: any size, stable)."""
    after = None
    while True:
        hits = es.search(index=alias, query=CORRECTED, size=page,
                         source=FIELDS, sort=[{"complaint_id": "asc"}], search_after=after)["hits"]["hits"]
        if not hits:
            return
        docs = [hit["_source"] for hit in hits]
        wanted = sorted({other for doc in docs for _entry, other in _pairs(doc)})
        others = {}
        if wanted:
            found = es.search(index=alias, query={"terms": {"complaint_id": wanted}}, size=len(wanted),
                              source=PAIR_FIELDS)["hits"]["hits"]
            others = {hit["_source"]["complaint_id"]: hit["_source"] for hit in found}
        for doc in docs:
            yield from examples_of(doc, others)
        after = hits[-1]["sort"]


def _text(doc: dict[str, Any]) -> str | None:
    if doc.get("privacy") == "rahasia":
        return None
    return scrub_text(" ".join(part for part in (doc.get("subject"), doc.get("text")) if part))


def _pairs(doc: dict[str, Any]) -> Iterator[tuple[dict[str, Any], str]]:
    """(cluster correction, the other complaint of its pair): a merge's target head; a split's former head."""
    cluster = doc.get("routed_cluster_id") or doc.get("cluster_id")
    for entry in doc.get("corrections") or ():
        if entry["kind"] == "merge" and entry.get("cluster_id"):
            yield entry, entry["cluster_id"]
        elif entry["kind"] == "split" and cluster and cluster != doc["complaint_id"]:
            yield entry, cluster
        if entry["kind"] in ("merge", "split"):
            cluster = entry.get("cluster_id") or cluster


def examples_of(doc: dict[str, Any], others: dict[str, dict[str, Any]] | None = None) -> Iterator[dict[str, Any]]:
    """The lines of one document; ``others``: the documents of the pairs' other complaints, by id."""
    text, hidden = _text(doc), doc.get("privacy") == "rahasia"
    pairs = {id(entry): other for entry, other in _pairs(doc)}
    for entry in doc.get("corrections") or ():
        line = {"complaint_id": doc["complaint_id"], "tracking_number": None if hidden else doc.get("tracking_number"),
                "privacy": doc.get("privacy"), "channel": doc.get("channel"), "received_at": doc.get("received_at"),
                "text": text, "kind": entry["kind"],
                "label": entry["topic"] if entry["kind"] == "topic" else entry.get("cluster_id"),
                "routed_topic": doc.get("routed_topic"), "routed_cluster_id": doc.get("routed_cluster_id"),
                "topic": doc.get("topic"), "cluster_id": doc.get("cluster_id"), "unit_code": doc.get("unit_code"),
                "actor": entry.get("actor"), "reason": None if hidden else entry.get("reason_redacted"),
                "at": entry["at"]}
        if id(entry) in pairs:
            other = (others or {}).get(pairs[id(entry)]) or {"complaint_id": pairs[id(entry)]}
            line["pair"] = {"complaint_id": other["complaint_id"], "privacy": other.get("privacy"),
                            "channel": other.get("channel"), "received_at": other.get("received_at"),
                            "text": _text(other) if "text" in other else None}
        yield line
