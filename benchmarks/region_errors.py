"""Every region error of the tuning sets, for reading: set, id, expected and located kab/kota, the text.

    python benchmarks/region_errors.py [--json out.json] [set ...]

Through the stream's pipeline, as `aduan eval` scores them (kab/kota level). The default sets are the ones tuned
on; `routing_b` (the held-out check) and the frozen `eval/` sets are never listed, whatever is asked.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from streams.evaluate import DATA_DIR, evaluate_set  # noqa: E402
from streams.pipeline import Pipeline  # noqa: E402

TUNED_ON = ("independent_d", "independent_e", "independent_f", "routing_a", "routing_c")
NEVER = {"routing_b"}


def region_errors(sets: list[str], pipeline: Pipeline) -> list[dict]:
    errors = []
    for name in sets:
        if name in NEVER or "/" in name:
            raise SystemExit(f"{name}: held out or frozen; never listed")
        path = DATA_DIR / "tuning" / name / "complaints.jsonl"
        records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        by_id = {r["id"]: r for r in records}
        for rid, expected, got in evaluate_set(records, pipeline)["region_errors"]:
            found = pipeline.gazetteer.by_code(got) if got else None
            errors.append({"set": name, "id": rid, "expected": expected,
                           "expected_name": pipeline.gazetteer.by_code(expected).label, "got": got,
                           "got_name": found.label if found else None, "text": by_id[rid]["text"],
                           "note": by_id[rid].get("note")})
    return errors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sets", nargs="*", default=list(TUNED_ON))
    parser.add_argument("--json", help="also write the errors to this file")
    args = parser.parse_args()
    errors = region_errors(args.sets, Pipeline("evaluation"))
    for e in errors:
        print(f"[{e['set']}:{e['id']}] expected {e['expected']} {e['expected_name']} | got {e['got']} {e['got_name']}")
        print("    " + " ".join(e["text"].split())[:300])
    print(f"{len(errors)} errors")
    if args.json:
        Path(args.json).write_text(json.dumps(errors, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
