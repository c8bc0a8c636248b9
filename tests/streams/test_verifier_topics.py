"""The verifier learns from pairs whose topics a new writer's text would get, not topics learnt by heart."""

from __future__ import annotations

import streams.training as training
from streams.training import OUTSIDER_TOPIC_SETS, VERIFIER_SETS, load_records, topic_classifier_without


def test_a_set_outside_the_topic_training_keeps_the_shipped_classifier():
    assert topic_classifier_without(training.DATA_DIR / "dedup_labelled.jsonl") is None


def test_a_set_in_the_topic_training_gets_a_classifier_fitted_without_it():
    path = next(p for p in VERIFIER_SETS if p in OUTSIDER_TOPIC_SETS)
    classifier = topic_classifier_without(path)
    trained_on = classifier.metadata["outsider_sets"]
    assert str(path.relative_to(training.DATA_DIR)) not in trained_on
    assert len(trained_on) == len(OUTSIDER_TOPIC_SETS)  # the others and the exclusions file
    # Fitted without them, some of the set's own labels are missed (in-sample the shipped model gets them all).
    records = [r for r in load_records(path) if not r.get("duplicate_of")]
    predictions = classifier.predict_batch([training.example_text(r) for r in records])
    wrong = sum(p.topic != r["topic"] for p, r in zip(predictions, records))
    assert wrong > 0
