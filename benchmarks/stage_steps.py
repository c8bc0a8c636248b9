"""Per-call cost of the stage's text steps (normalise, locate, classify), against a baseline measured in
the same run.

    python benchmarks/stage_steps.py [--runs 5] [--calls 2000]

The baseline is the cheapest honest pass over the same text: NFKC normalisation, lower-casing and a
whitespace split, which every step does at least once. Each figure is the median over ``--runs`` of the
mean per call, and the ratio to the baseline's median, so a slower machine moves both alike. These were
unit tests with a time bound once; timing belongs here (2 shared cores make a bound in a test flaky).
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
import unicodedata
from collections.abc import Callable

from streams.classify import TopicClassifier
from streams.locate import Gazetteer
from streams.normalise import normalise_text

SMS = ("Pak, jln di ds Sukamaju kec. Cibinong udh rusak bgt, tlg diperbaiki. Anak2 SD & SMP sy susah lewat krn "
       "lubangnya dlm. RT 03 RW 05. Trmksh RSUD dr. Soetomo antri lama bgt, dr pagi smp sore gak")
WEB = ("Lapor, jalan di depan SDN 3 Cicendo rusak parah dan berlubang sejak musim hujan, sudah dua motor jatuh. "
       "Mohon Dinas PU Kota Bandung segera memperbaiki karena anak-anak sekolah lewat sini setiap pagi dan sore, "
       "dan warga sudah lapor ke kelurahan tapi belum ada tanggapan sama sekali dari petugas.")[:300]


def per_call_us(step: Callable[[str], object], text: str, calls: int, runs: int) -> float:
    for _ in range(min(200, calls)):
        step(text)
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        for _ in range(calls):
            step(text)
        samples.append((time.perf_counter() - start) / calls * 1e6)
    return statistics.median(samples)


def baseline(text: str) -> list[str]:
    return unicodedata.normalize("NFKC", text).lower().split()


def run(runs: int = 5, calls: int = 2000) -> dict:
    gazetteer = Gazetteer.load()
    classifier = TopicClassifier.load()
    steps = {"normalise (sms)": (normalise_text, SMS), "locate (web)": (gazetteer.locate, WEB),
             "classify (web)": (classifier.predict, WEB)}
    base = {name: per_call_us(baseline, text, calls, runs) for name, (_, text) in steps.items()}
    figures = {}
    for name, (step, text) in steps.items():
        cost = per_call_us(step, text, calls, runs)
        figures[name] = {"per_call_us": round(cost, 1), "baseline_us": round(base[name], 2),
                         "ratio": round(cost / base[name], 1)}
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--calls", type=int, default=2000)
    parser.add_argument("--json", action="store_true")
    options = parser.parse_args(argv)
    figures = run(options.runs, options.calls)
    if options.json:
        print(json.dumps(figures))
    else:
        for name, row in figures.items():
            print(f"{name:<16} {row['per_call_us']:>8.1f} µs per call  baseline {row['baseline_us']:.2f} µs  "
                  f"ratio {row['ratio']:.1f}×")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
