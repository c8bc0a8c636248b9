"""Measuring the stage on labelled data, through the same pipeline the stream runs."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import combinations
from typing import Any

from streams.dedup import Deduplicator
from streams.pipeline import Pipeline, dedup_records


def evaluate_pairs(records: Iterable[dict], pipeline: Pipeline | None = None) -> dict[str, Any]:
    """Pairwise precision and recall of predicted same-cluster pairs against the gold ``cluster`` labels.

    Records are compared by position (a resend carries the same id twice). Where a record carries a
    gold ``duplicate_of`` (id or null), the exact-duplicate decision is scored too.
    """
    records = list(records)
    pipeline = pipeline or Pipeline("evaluation")
    pipeline.deduplicator = Deduplicator()
    gold_duplicates = {i: r["duplicate_of"] for i, r in enumerate(records) if "duplicate_of" in r}
    output = list(dedup_records(({k: v for k, v in r.items() if k != "duplicate_of"} for r in records), pipeline))
    gold = _pairs([r["cluster"] for r in records])
    predicted = _pairs([r["cluster_id"] for r in output])
    true_positive = len(gold & predicted)
    report: dict[str, Any] = {
        "records": len(output),
        "gold_pairs": len(gold),
        "predicted_pairs": len(predicted),
        "true_positive_pairs": true_positive,
        "precision": true_positive / len(predicted) if predicted else 1.0,
        "recall": true_positive / len(gold) if gold else 1.0,
        "false_positives": [(output[a]["id"], output[b]["id"]) for a, b in sorted(predicted - gold)],
        "false_negatives": [(output[a]["id"], output[b]["id"]) for a, b in sorted(gold - predicted)],
    }
    if gold_duplicates:
        correct = sum(output[i]["duplicate_of"] == want for i, want in gold_duplicates.items())
        report["exact_duplicate_accuracy"] = correct / len(gold_duplicates)
    return report


def _pairs(labels: list[Any]) -> set[tuple[int, int]]:
    groups: dict[Any, list[int]] = {}
    for position, label in enumerate(labels):
        groups.setdefault(label, []).append(position)
    return {pair for members in groups.values() for pair in combinations(members, 2)}
