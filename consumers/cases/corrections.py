"""Operators' corrections as labelled examples: what ``aduan corrections export`` writes.

One JSON object per correction, read from the index (where the indexer folded each
``ComplaintCorrection`` beside the complaint it corrects): the complaint's text, the label the
operator gave (a topic, or the cluster it was merged into or split out to), what the stream had
decided (``routed_topic``, ``routed_cluster_id``), the unit, the actor and the time; never of a
``rahasia`` complaint (excluded in the query). The text goes
through the one contact scrubber (consumers.redaction.scrub_text, as analysts read it): a training
set is copied and shared, a reporter's number or e-mail must not travel with it. The reason is the
redacted copy for the same cause.
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
FIELDS = ["complaint_id", "tracking_number", "text", "subject", "topic", "routed_topic", "cluster_id",
          "routed_cluster_id", "unit_code", "corrections"]


def labelled_examples(es: Elasticsearch, alias: str, page: int = 500) -> Iterator[dict[str, Any]]:
    """Every correction in the index, oldest complaint id first (search_after: any size, stable)."""
    after = None
    while True:
        hits = es.search(index=alias, query=CORRECTED, size=page,
                         source=FIELDS, sort=[{"complaint_id": "asc"}], search_after=after)["hits"]["hits"]
        if not hits:
            return
        for hit in hits:
            yield from examples_of(hit["_source"])
        after = hits[-1]["sort"]


def examples_of(doc: dict[str, Any]) -> Iterator[dict[str, Any]]:
    text = scrub_text(" ".join(part for part in (doc.get("subject"), doc.get("text")) if part))
    for entry in doc.get("corrections") or ():
        yield {"complaint_id": doc["complaint_id"], "tracking_number": doc.get("tracking_number"),
               "text": text, "kind": entry["kind"],
               "label": entry["topic"] if entry["kind"] == "topic" else entry.get("cluster_id"),
               "routed_topic": doc.get("routed_topic"), "routed_cluster_id": doc.get("routed_cluster_id"),
               "topic": doc.get("topic"), "cluster_id": doc.get("cluster_id"), "unit_code": doc.get("unit_code"),
               "actor": entry.get("actor"), "reason": entry.get("reason_redacted"), "at": entry["at"]}
