"""Measuring the stage on labelled data, through the same pipeline the stream runs."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import combinations
from pathlib import Path
from typing import Any

from streams.dedup import Deduplicator
from streams.dedup.verify import PairVerifier
from streams.pipeline import Pipeline, Submission, dedup_records


def evaluate_pairs(records: Iterable[dict], pipeline: Pipeline | None = None,
                   verifier: PairVerifier | None = None) -> dict[str, Any]:
    """Pairwise precision and recall of predicted same-cluster pairs against the gold ``cluster`` labels.

    Records are compared by position (a resend carries the same id twice). Where a record carries a
    gold ``duplicate_of`` (id or null), the exact-duplicate decision is scored too.
    """
    records = list(records)
    deduplicator = Deduplicator(verifier=verifier)
    pipeline = pipeline or Pipeline("evaluation", deduplicator=deduplicator)
    pipeline.deduplicator = deduplicator
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


def evaluate_set(records: Iterable[dict], pipeline: Pipeline | None = None, batch: int = 256) -> dict[str, Any]:
    """Every figure of one labelled set in the format of streams/data/eval/<name>/complaints.jsonl, in one
    pass of the stream's pipeline over the lines in arrival order (only what the stream reads is passed in:
    the gold fields never reach it).

    topic accuracy on lines that are not resends (``duplicate_of`` null); triage rate and precision of the
    answers not sent to triage on the same lines; region accuracy (kab/kota, 4 digits) on lines with a
    ``region_code``; near-duplicate pairwise precision and recall over ``cluster``.
    """
    records = list(records)
    pipeline = pipeline or Pipeline("evaluation")
    pipeline.deduplicator = Deduplicator()
    results = []
    for start in range(0, len(records), batch):
        chunk = records[start:start + batch]
        results.extend(pipeline.run([Submission.from_record(r, start + i, pipeline.salt)
                                     for i, r in enumerate(chunk)]))
    new = [(r, res) for r, res in zip(records, results) if not r.get("duplicate_of")]
    right = [res.prediction is not None and res.prediction.topic == r["topic"] for r, res in new]
    triaged = [res.prediction is None or res.prediction.needs_triage for _, res in new]
    confident = [ok for ok, t in zip(right, triaged) if not t]
    placed = [(r, res) for r, res in zip(records, results) if r.get("region_code")]
    region_right = [bool(res.region_code) and res.region_code[:4] == r["region_code"][:4] for r, res in placed]
    gold = _pairs([r["cluster"] for r in records])
    predicted = _pairs([res.dedup.cluster_id for res in results])
    true_positive = len(gold & predicted)
    return {
        "records": len(records),
        "topic_accuracy": sum(right) / len(right) if right else None,
        "triage_rate": sum(triaged) / len(triaged) if triaged else None,
        "confident_precision": sum(confident) / len(confident) if confident else None,
        "region_accuracy": sum(region_right) / len(region_right) if region_right else None,
        "dup_precision": true_positive / len(predicted) if predicted else 1.0,
        "dup_recall": true_positive / len(gold) if gold else 1.0,
        "topic_errors": [(r["id"], r["topic"], res.prediction.topic if res.prediction else None)
                         for (r, res), ok in zip(new, right) if not ok],
        "region_errors": [(r["id"], r["region_code"], res.region_code)
                          for (r, res), ok in zip(placed, region_right) if not ok],
        "false_pairs": [(records[a]["id"], records[b]["id"]) for a, b in sorted(predicted - gold)],
        "missed_pairs": [(records[a]["id"], records[b]["id"]) for a, b in sorted(gold - predicted)],
    }


DATA_DIR = Path(__file__).with_name("data")
# Sets in the independent format: the team's own (tuned on) and the frozen independent ones (never tuned on).
TUNING_GLOB = "tuning/*/complaints.jsonl"
INDEPENDENT_GLOB = "eval/*/complaints.jsonl"
SUMMARY_COLUMNS = ("records", "topic_accuracy", "triage_rate", "confident_precision", "region_accuracy",
                   "dup_precision", "dup_recall")


def set_paths(pattern: str, data_dir: Path = DATA_DIR) -> list[Path]:
    return sorted(data_dir.glob(pattern))


def own_set_rows(topics: dict[str, Any], pipeline: Pipeline | None = None,
                 data_dir: Path = DATA_DIR) -> list[tuple[str, dict[str, Any]]]:
    """One summary row per labelled set of the team's: the topic corpus' held-out split (``topics``: what
    ``streams.training.evaluate`` says of it), the region set, the duplicate set and every tuning set (all
    figures through the stream's pipeline)."""
    import json

    from streams.locate import evaluate_regions

    pipeline = pipeline or Pipeline("evaluation")
    rows = [("seed_corpus (held-out split)", {
        "records": topics["n"], "topic_accuracy": topics["accuracy"], "triage_rate": topics["triage_rate"],
        "confident_precision": topics["accuracy_when_confident"]})]
    lines = lambda path: [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    regions = evaluate_regions(lines(data_dir / "locate_labelled.jsonl"), pipeline.gazetteer)
    rows.append(("locate_labelled", {"records": regions["records"], "region_accuracy": regions["kabkota_accuracy"]}))
    pairs = evaluate_pairs(lines(data_dir / "dedup_labelled.jsonl"), pipeline)
    rows.append(("dedup_labelled", {"records": pairs["records"], "dup_precision": pairs["precision"],
                                    "dup_recall": pairs["recall"]}))
    for path in set_paths(TUNING_GLOB, data_dir):
        rows.append((f"tuning/{path.parent.name}", evaluate_set(lines(path), pipeline)))
    return rows


def independent_set_rows(pipeline: Pipeline | None = None, data_dir: Path = DATA_DIR) -> list[tuple[str, dict[str, Any]]]:
    """The frozen independent sets, scored the same way. Printed last and apart: never a tuning signal."""
    import json

    pipeline = pipeline or Pipeline("evaluation")
    return [(f"eval/{path.parent.name}",
             evaluate_set([json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()],
                          pipeline))
            for path in set_paths(INDEPENDENT_GLOB, data_dir)]


def format_rows(rows: list[tuple[str, dict[str, Any]]]) -> str:
    header = ("set", "records", "topic", "triage", "prec.¬triage", "region", "dup P", "dup R")
    table = [header]
    for name, figures in rows:
        cells = [name]
        for column in SUMMARY_COLUMNS:
            value = figures.get(column)
            cells.append("—" if value is None else f"{value:.3f}" if isinstance(value, float) else str(value))
        table.append(tuple(cells))
    widths = [max(len(row[i]) for row in table) for i in range(len(header))]
    return "\n".join("  ".join(cell.ljust(width) if i == 0 else cell.rjust(width)
                               for i, (cell, width) in enumerate(zip(row, widths))) for row in table)
