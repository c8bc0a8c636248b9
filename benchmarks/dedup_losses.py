"""Where near-duplicate recall is lost, and what the false merges are, on the tuning sets.

    python benchmarks/dedup_losses.py [SET ...]     (default: independent_d independent_e independent_f)

Each set runs through the stage's own pipeline (``streams.evaluate.evaluate_set``, arrival order) with the
deduplicator's ``trace`` on. Every missed pair (same ``cluster`` label, not clustered) is put down to the
stage of the later complaint's check that lost it:

    split          the later complaint joined an earlier one of its true cluster, but not the cluster the other
                   earlier one is in (the true cluster was already split: transitivity / arrival order)
    wrong cluster  it passed the verifier and every veto against the earlier one, but joined another cluster
                   whose candidate scored higher
    root veto      the verifier accepted it; the first complaint of the earlier one's cluster vetoed it
    below          the verifier scored it below its threshold
    veto:<rule>    a hard veto of ``pair_features``: words (no content word shared), topic, region, numbers, places
    not candidate  the LSH, place and region buckets never proposed it (or it ranked past MAX_VERIFIED)
    no words       one side has no content word (nothing to compare)
    time gap       farther apart than the near window

Every false pair is put down to the link that made it: a direct wrong link (the later complaint was matched
with a complaint of another true cluster), described by how the two are located, or an inherited one (it
joined a complaint of its own true cluster, which was already merged with another).
The frozen eval/ sets are never read here.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from streams.dedup.features import disclaims, other_networks, regions_compatible, texts_places_agree  # noqa: E402
from streams.dedup.verify import numbers_compatible, pair_features  # noqa: E402
from streams.evaluate import evaluate_set  # noqa: E402
from streams.pipeline import Pipeline  # noqa: E402

TUNING = ROOT / "streams" / "data" / "tuning"
NEVER_READ = {"routing_b"}  # the held-out check of the team's own tuning


def hard_veto(a, b) -> str | None:
    """Which rule of ``pair_features`` vetoes the pair, in its order."""
    if a.words.isdisjoint(b.words):
        return "words"
    if a.topic and b.topic and a.topic != b.topic:
        return "topic"
    if other_networks(a, b):
        return "networks"
    if not regions_compatible(a.region, b.region):
        return "region"
    if not numbers_compatible(a.numbers, b.numbers):
        return "numbers"
    if disclaims(a, b):
        return "disclaimed"
    if texts_places_agree(a, b) is False:
        return "places"
    return None


def _located(f) -> str:
    return "unlocated" if not f.region else {10: "desa", 6: "kec", 4: "kab", 2: "prov"}.get(len(f.region), "?")


def analyse(records: list[dict], pipeline: Pipeline | None = None) -> dict:
    pipeline = pipeline or Pipeline("evaluation")
    traces: dict[str, tuple] = {}
    original_evaluate = evaluate_set.__globals__["Deduplicator"]

    class Traced(original_evaluate):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._current = None
            self.trace = lambda features, ranked, verified: traces.__setitem__(self._current, (features, ranked, verified))

        def check(self, complaint_id, *args, **kwargs):
            self._current = complaint_id
            return super().check(complaint_id, *args, **kwargs)

    evaluate_set.__globals__["Deduplicator"] = Traced
    try:
        report = evaluate_set(records, pipeline)
        dedup = pipeline.deduplicator
    finally:
        evaluate_set.__globals__["Deduplicator"] = original_evaluate
    by_id = {r["id"]: r for r in records}
    order = {r["id"]: i for i, r in enumerate(records)}
    stored = dedup.state.features
    gold = {r["id"]: r["cluster"] for r in records}

    def features_of(cid):
        s = stored.get(cid)
        return dedup._features_of(cid, s) if s and "w" in s else None

    def links(cid):
        """The earlier complaint this one was matched with (its cluster's member it joined), if any."""
        trace = traces.get(cid)
        if trace is None:
            return None
        s = stored[cid]
        best = [(c, score) for c, score, root in trace[2] if score and not root and stored[c]["c"] == s["c"]]
        return max(best, key=lambda x: x[1])[0] if best and s["c"] != cid else None

    causes: Counter[str] = Counter()
    examples: dict[str, list] = {}
    for a, b in report["missed_pairs"]:
        if a == b:
            continue
        # A resend caught as exact has no record of its own: the pair is judged as its original's.
        a, b = (by_id[x].get("duplicate_of") if x not in stored and by_id[x].get("duplicate_of") else x for x in (a, b))
        if a == b:
            continue
        i, j = sorted((a, b), key=order.get)
        trace = traces.get(j)
        fi, fj = features_of(i), features_of(j)
        mate = links(j)
        if fi is None or fj is None or trace is None:
            cause = "no words"
        elif mate is not None and gold.get(mate) == gold[j]:
            cause = "split"
        elif abs(stored[j]["t"] - stored[i]["t"]) > dedup.near_window:
            cause = "time gap"
        else:
            verified = {c: (score, root) for c, score, root in trace[2]}
            if i not in verified:
                veto = hard_veto(fj, fi)
                cause = "not candidate" + (f" (veto:{veto})" if veto else "")
            else:
                score, root = verified[i]
                if score and root:
                    cause = "root veto"
                elif score:
                    cause = "wrong cluster"
                else:
                    veto = hard_veto(fj, fi)
                    cause = f"veto:{veto}" if veto else "below"
        causes[cause] += 1
        examples.setdefault(cause, []).append((i, j))

    false_causes: Counter[str] = Counter()
    false_examples: dict[str, list] = {}
    for a, b in report["false_pairs"]:
        a, b = (by_id[x].get("duplicate_of") if x not in stored and by_id[x].get("duplicate_of") else x for x in (a, b))
        i, j = sorted((a, b), key=order.get)
        mate = links(j)
        if mate is None:  # j is the cluster's first; i joined through another: attribute to i's link
            mate, j = links(i), i
        if mate is None:
            cause = "unexplained"
        elif gold.get(mate) == gold[j]:
            cause = "inherited"
        else:
            fa, fb = features_of(j), features_of(mate)
            row = pair_features(fa, fb, 0.0)
            agree = texts_places_agree(fa, fb)
            cause = f"direct {_located(fa)}/{_located(fb)} places={'agree' if agree else 'none'}" + \
                (" trap" if by_id[j].get("trap_of") or by_id[mate].get("trap_of") else "")
            del row
        false_causes[cause] += 1
        false_examples.setdefault(cause, []).append((j, mate))
    return {"precision": report["dup_precision"], "recall": report["dup_recall"],
            "missed": sum(causes.values()), "causes": dict(causes.most_common()),
            "false": sum(false_causes.values()), "false_causes": dict(false_causes.most_common()),
            "examples": examples, "false_examples": false_examples}


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", default=["independent_d", "independent_e", "independent_f"],
                        help="tuning sets (streams/data/tuning/<set>); never routing_b nor a frozen eval/ set")
    parser.add_argument("-v", "--verbose", action="store_true", help="also every missed and false pair, as JSON")
    options = parser.parse_args(argv)
    names, verbose = options.sets, options.verbose
    for name in names:
        if name in NEVER_READ or "/" in name or not (TUNING / name / "complaints.jsonl").exists():
            parser.error(f"{name}: not a tuning set whose errors may be read (routing_b and the frozen eval/ sets never are)")
    pipeline = Pipeline("evaluation")
    for name in names:
        path = TUNING / name / "complaints.jsonl"
        records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        result = analyse(records, pipeline)
        print(f"== {name}: P {result['precision']:.3f} R {result['recall']:.3f}; missed pairs {result['missed']}, "
              f"false pairs {result['false']}")
        for cause, count in result["causes"].items():
            print(f"  missed  {count:4d}  {cause}")
        for cause, count in result["false_causes"].items():
            print(f"  false   {count:4d}  {cause}")
        if verbose:
            print(json.dumps({"missed": result["examples"], "false": result["false_examples"]}))


if __name__ == "__main__":
    main(sys.argv[1:])
