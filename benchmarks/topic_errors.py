"""Every topic error of the tuning sets, for reading, and the topic figures that say what generalises.

    python benchmarks/topic_errors.py [--json out.json] [--quiet] [set ...]

The outsiders' sets (``tuning/independent_*``) are in the topic model's training part (``OUTSIDER_TOPIC_SETS``) or
not yet, so the shipped model's errors on them are training-fit errors that say little. Each of them is scored here
**left out**: the model fitted as `aduan train` fits it (the seed corpus' training part, the team's additions and the
other outsiders' sets, taxonomy exclusions left out) without the named set — ``streams.training.topic_classifier_without``,
the same model whose topics the verifier's pairs of the set carry — then scored on its lines that are not resends
(every line, against the author's label, as `aduan eval` scores them). A set in no training list is scored by the
shipped artifact, which never learnt from it.
routing_a/c are in no training part: the shipped artifact scores them. Each error is printed with the left-out
probability of the best and second topics, and per set the accuracy, triage rate and precision of the non-triaged at
the shipped artifact's triage rule and threshold. `tuning/routing_b` is scored for its figures only (its errors are
never printed or written), and the frozen `eval/` sets are never read, whatever is asked.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from streams.classify import DATA_DIR, TopicClassifier, example_text  # noqa: E402
from streams.training import load_records, topic_classifier_without  # noqa: E402

# Every outsider's set in the tuning folder, as it is found there: a new one is scored without being listed.
LEFT_OUT = tuple(sorted(p.parent.name for p in (DATA_DIR / "tuning").glob("independent_*/complaints.jsonl")))
UNTRAINED = ("routing_a", "routing_b", "routing_c")
# Scored, never read: its figures only (the held-out check of the team's own tuning).
FIGURES_ONLY = {"routing_b"}


def _scored(records: list[dict]) -> list[dict]:
    return [r for r in records if not r.get("duplicate_of")]


def left_out_probabilities(name: str, classifier: TopicClassifier) -> tuple[list[dict], list[str], np.ndarray]:
    """The set's non-resend lines, the classes and the probabilities of the model fitted without the set (the one the
    verifier's pairs of the set are given: ``topic_classifier_without``); a set the shipped model never learnt from
    is scored by ``classifier``, the shipped one."""
    path = DATA_DIR / "tuning" / name / "complaints.jsonl"
    left_out = topic_classifier_without(path) or classifier
    records = _scored(load_records(path))
    return records, left_out.classes, left_out.predict_proba([example_text(r) for r in records])


def shipped_probabilities(name: str, classifier: TopicClassifier) -> tuple[list[dict], list[str], np.ndarray]:
    records = _scored(load_records(DATA_DIR / "tuning" / name / "complaints.jsonl"))
    return records, classifier.classes, classifier.predict_proba([example_text(r) for r in records])


def figures(name: str, records: list[dict], classes: list[str], probabilities: np.ndarray,
            classifier: TopicClassifier) -> tuple[dict, list[dict]]:
    order = np.argsort(-probabilities, axis=1)
    rows = np.arange(len(records))
    best, second = probabilities[rows, order[:, 0]], probabilities[rows, order[:, 1]]
    triaged = np.asarray([classifier.triage(b, s) for b, s in zip(best, second)], dtype=bool)
    right = np.asarray([classes[order[i, 0]] == r["topic"] for i, r in enumerate(records)])
    errors = [{"set": name, "id": r["id"], "expected": r["topic"], "got": classes[order[i, 0]],
               "p": round(float(best[i]), 3), "second": classes[order[i, 1]], "p2": round(float(second[i]), 3),
               "triaged": bool(triaged[i]), "channel": r.get("channel"), "text": example_text(r)}
              for i, r in enumerate(records) if not right[i]]
    kept = ~triaged
    return {"set": name, "n": len(records), "accuracy": float(right.mean()), "triage_rate": float(triaged.mean()),
            "precision_not_triaged": float(right[kept].mean()) if kept.any() else None,
            "errors_triaged": float((triaged & ~right).sum() / max(1, (~right).sum()))}, errors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sets", nargs="*", default=[*LEFT_OUT, *UNTRAINED])
    parser.add_argument("--json", help="also write the errors to this file")
    parser.add_argument("--quiet", action="store_true", help="the figures only, no texts")
    args = parser.parse_args()
    classifier = TopicClassifier.load()
    summary, errors = [], []
    for name in args.sets:
        if "/" in name or not (DATA_DIR / "tuning" / name / "complaints.jsonl").exists():
            raise SystemExit(f"{name}: not a tuning set (the frozen eval/ sets are never read)")
        scored = left_out_probabilities(name, classifier) if name.startswith("independent_") \
            else shipped_probabilities(name, classifier)
        row, set_errors = figures(name, *scored, classifier)
        summary.append(row)
        if name not in FIGURES_ONLY:
            errors += set_errors
    if not args.quiet:
        for e in errors:
            print(f"[{e['set']}:{e['id']}] {e['expected']} → {e['got']} {e['p']:.2f} (2nd {e['second']} {e['p2']:.2f})"
                  f"{' TRIAGED' if e['triaged'] else ''}")
            print("    " + " ".join(e["text"].split())[:300])
    print(f"{'set':<16} {'n':>4} {'acc':>6} {'triage':>7} {'prec¬t':>7} {'err.triaged':>11}  (independent_* left out)")
    for row in summary:
        print(f"{row['set']:<16} {row['n']:>4} {row['accuracy']:6.3f} {row['triage_rate']:7.3f} "
              f"{row['precision_not_triaged'] or 0:7.3f} {row['errors_triaged']:11.3f}")
    if args.json:
        Path(args.json).write_text(json.dumps({"summary": summary, "errors": errors}, ensure_ascii=False, indent=1),
                                   encoding="utf-8")


if __name__ == "__main__":
    main()
