import json
from pathlib import Path

import pytest

from streams.evaluate import evaluate_pairs

LABELLED = Path(__file__).resolve().parents[2] / "streams" / "data" / "dedup_labelled.jsonl"


def test_pairwise_precision_and_recall_on_the_labelled_set():
    records = [json.loads(line) for line in LABELLED.read_text(encoding="utf-8").splitlines()]
    report = evaluate_pairs(records)
    assert report["precision"] >= 0.95, report["false_positives"]
    assert report["recall"] >= 0.85, report["false_negatives"]
    assert report["exact_duplicate_accuracy"] == 1.0


def test_evaluator_counts_pairs():
    records = [
        {"id": "a", "text": "jalan rusak berlubang di desa sukamaju", "cluster": "x"},
        {"id": "b", "text": "jalan rusak berlubang di desa sukamaju parah", "cluster": "x"},
        {"id": "c", "text": "lampu mati di gang mawar", "cluster": "x"},
    ]
    report = evaluate_pairs(records)
    assert report["gold_pairs"] == 3 and report["predicted_pairs"] == 1
    assert report["precision"] == 1.0 and report["recall"] == pytest.approx(1 / 3)
