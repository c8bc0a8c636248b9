"""Leave-one-set-out figures of the near-duplicate verifier: how it does on a set it never learnt from.

    python benchmarks/dedup_loso.py [--sets independent_d independent_e independent_f]

For each named set: the verifier is fitted (``streams.training.fit_verifier``, weights and threshold, exactly as
``aduan train`` does) on every other set of ``VERIFIER_SETS``, and the left-out set is scored with it. Beside
it, the in-sample figure: the verifier fitted on every set, the left-out one included (what ``aduan train``
ships). tuning/routing_b is in no training set, so its figure is the same in both columns. The frozen eval/
sets are never read.

Speed only: the pipeline's steps before deduplication (normalise, locate, classify) run once per set; every
threshold of the sweep replays ``Pipeline.deduplicate`` (the stream's call) over those results with a fresh
``Deduplicator``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import streams.training as training  # noqa: E402
from streams.dedup import Deduplicator  # noqa: E402
from streams.dedup.verify import PairVerifier  # noqa: E402
from streams.evaluate import _pairs  # noqa: E402
from streams.pipeline import Pipeline, Submission  # noqa: E402

DATA = ROOT / "streams" / "data"
HELD_OUT = DATA / "tuning" / "routing_b" / "complaints.jsonl"


def _name(path: Path) -> str:
    return path.parent.name if path.name == "complaints.jsonl" else path.stem


class Replay:
    """One set's pipeline results before deduplication, and its gold pairs."""

    def __init__(self, records: list[dict], pipeline: Pipeline, batch: int = 256) -> None:
        self.results = []
        for start in range(0, len(records), batch):
            chunk = [Submission.from_record(r, start + i, pipeline.salt) for i, r in enumerate(records[start:start + batch])]
            self.results.extend(pipeline.run(chunk, deduplicate=False))
        self.gold = _pairs([r["cluster"] for r in records])
        self.pipeline = pipeline

    def counts(self, verifier: PairVerifier) -> tuple[int, int, int]:
        """(true positive, predicted, gold) pairs of the clusters the deduplicator makes with ``verifier``."""
        self.pipeline.deduplicator = Deduplicator(verifier=verifier)
        for r in self.results:
            self.pipeline.deduplicate(r)
        predicted = _pairs([r.dedup.cluster_id for r in self.results])
        return len(predicted & self.gold), len(predicted), len(self.gold)


def _figures(counts: tuple[int, int, int]) -> tuple[float, float]:
    tp, predicted, gold = counts
    return (tp / predicted if predicted else 1.0, tp / gold if gold else 1.0)


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    # Left out in turn by default: every outsider's set the verifier trains on (one list: training.VERIFIER_SETS).
    outsiders = [p.parent.name for p in training.VERIFIER_SETS if p.parent.name.startswith("independent_")]
    parser.add_argument("--sets", nargs="*", default=outsiders)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--sweep", action="store_true",
                        help="also the left-out figures at every threshold of the sweep (what a threshold costs)")
    parser.add_argument("--write-verifier", action="store_true",
                        help="only write the shipped artifact (streams.training.train_verifier, what `aduan train` runs "
                             "after the topic model), its threshold sweep replayed over cached pipeline results")
    parser.add_argument("--floor", type=float, default=None,
                        help="the pooled precision floor of the threshold choice (streams.training."
                             "VERIFIER_PRECISION_FLOOR), to see what another floor does left out")
    parser.add_argument("--trained-on-shipped-topics", action="store_true",
                        help="fit the verifiers on pairs whose topics come from the shipped classifier (how `aduan train` "
                             "fitted it before topic_classifier_without), scored as always: what that choice costs")
    options = parser.parse_args(argv)
    if options.floor is not None:
        training.VERIFIER_PRECISION_FLOOR = options.floor
    paths = list(training.VERIFIER_SETS)
    records = {path: training.load_records(path) for path in paths + [HELD_OUT]}
    # Each set's topics as `aduan train` gives the verifier them: from the classifier fitted without the set when
    # its labels train the shipped one (training.topic_classifier_without), in its pairs and in its scoring alike.
    classifiers = {path: training.topic_classifier_without(path) for path in records}
    replays = {path: Replay(records[path], training._training_pipeline(classifiers[path])) for path in records}
    if options.write_verifier:
        metadata = training.train_verifier(paths, classifiers=[classifiers[p] for p in paths],
                                           sweep=lambda threshold, verifier: [replays[path].counts(verifier) for path in paths])
        print(json.dumps(metadata, indent=2, ensure_ascii=False))
        return metadata
    rarity = training.word_rarity()
    rows_cache: dict[int, tuple] = {}
    pair_rows = training._pair_rows
    # The same rows, computed once per set.
    training._pair_rows = lambda recs, **kw: rows_cache[id(recs)] if id(recs) in rows_cache else \
        rows_cache.setdefault(id(recs), pair_rows(recs, **kw))

    def fit(train_paths):
        by_records = {id(records[p]): replays[p] for p in train_paths}
        current = [records[p] for p in train_paths]

        def sweep(threshold, verifier):
            return [by_records[id(recs)].counts(verifier) for recs in current]
        fitted = training.fit_verifier(current, rarity, sweep=None if options.trained_on_shipped_topics else sweep,
                                       classifiers=[None if options.trained_on_shipped_topics else classifiers[p]
                                                    for p in train_paths])
        verifier = PairVerifier(fitted["weights"], fitted["intercept"], fitted["threshold"], rarity=rarity)
        verifier.metadata["training_sweep"] = fitted["sweep"]
        return verifier

    try:
        full = fit(paths)
        report = {"in_sample_threshold": full.threshold, "sets": {}}
        for path in paths + [HELD_OUT]:
            report["sets"][_name(path)] = {"in_sample": _figures(replays[path].counts(full))}
        for name in options.sets:
            path = next(p for p in paths + [HELD_OUT] if _name(p) == name)
            if path == HELD_OUT:
                report["sets"][name]["left_out"] = report["sets"][name]["in_sample"]
                continue
            verifier = fit([p for p in paths if p != path])
            report["sets"][name]["left_out"] = _figures(replays[path].counts(verifier))
            report["sets"][name]["left_out_threshold"] = verifier.threshold
            if options.sweep:
                report["sets"][name]["training_sweep"] = verifier.metadata["training_sweep"]
                report["sets"][name]["left_out_sweep"] = {
                    t: _figures(replays[path].counts(PairVerifier(verifier.weights, verifier.intercept, t, rarity=rarity)))
                    for t in training.VERIFIER_THRESHOLDS}
    finally:
        training._pair_rows = pair_rows
    if options.json:
        print(json.dumps(report))
    else:
        print(f"in-sample threshold {full.threshold}")
        print(f"{'set':18} {'in-sample P/R':>15} {'left-out P/R':>15}  threshold")
        for name, row in report["sets"].items():
            left = row.get("left_out")
            print(f"{name:18} {row['in_sample'][0]:7.3f}/{row['in_sample'][1]:.3f} "
                  + (f"{left[0]:7.3f}/{left[1]:.3f}  {row.get('left_out_threshold', full.threshold)}" if left else ""))
        for name, row in report["sets"].items():
            if "left_out_sweep" in row:
                print(f"{name} left out, by threshold: " + "  ".join(
                    f"{t}: {p:.3f}/{r:.3f}" for t, (p, r) in row["left_out_sweep"].items()))
    return report


if __name__ == "__main__":
    main()
