"""Scoring a labelled set in the independent format: the gold fields never reach the pipeline, and the
side-by-side table has a row per set."""

from __future__ import annotations

import json
from pathlib import Path

from streams.evaluate import evaluate_set, format_rows, own_set_rows, set_paths

DATA = Path(__file__).resolve().parents[2] / "streams" / "data"


def records() -> list[dict]:
    return [json.loads(line) for line in (DATA / "tuning" / "routing_b" / "complaints.jsonl").read_text().splitlines()]


def test_gold_labels_do_not_change_what_the_pipeline_decides():
    rows = records()
    truth = evaluate_set(rows)
    # Every line its own cluster and every topic and region wrong: the predictions must not move.
    scrambled = [{**r, "topic": "lainnya" if r["topic"] != "lainnya" else "pajak",
                  "region_code": "9999" if r["region_code"] else None, "cluster": f"x{i}"} for i, r in enumerate(rows)]
    lied = evaluate_set(scrambled)
    gold = {(a["id"], b["id"]) for i, a in enumerate(rows) for b in rows[i + 1:] if a["cluster"] == b["cluster"]}
    predicted = (gold - set(truth["missed_pairs"])) | set(truth["false_pairs"])
    assert set(lied["false_pairs"]) == predicted and predicted
    assert lied["triage_rate"] == truth["triage_rate"]
    assert lied["topic_accuracy"] == 0.0 and lied["region_accuracy"] == 0.0


def test_a_perfect_dedup_scores_one_and_splitting_everything_scores_zero_recall():
    rows = records()
    result = evaluate_set(rows)
    assert 0.0 <= result["dup_recall"] <= 1.0 and 0.0 <= result["dup_precision"] <= 1.0
    singletons = [{**r, "cluster": r["id"] + str(i)} for i, r in enumerate(rows)]
    assert evaluate_set(singletons)["dup_recall"] == 1.0  # no gold pairs: nothing to miss


def test_the_table_has_a_row_per_own_set():
    from streams.classify import TopicClassifier
    from streams.training import evaluate, load_examples, split_corpus

    rows = own_set_rows(evaluate(TopicClassifier.load(), split_corpus(load_examples())[1]))
    names = [name for name, _ in rows]
    assert names[:3] == ["seed_corpus (held-out split)", "locate_labelled", "dedup_labelled"]
    assert [n for n in names if n.startswith("tuning/")] == [f"tuning/{p.parent.name}"
                                                              for p in set_paths("tuning/*/complaints.jsonl")]
    table = format_rows(rows)
    assert len(table.splitlines()) == len(rows) + 1 and "—" in table
