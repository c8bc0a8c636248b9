"""The end-to-end benchmark runs on a tiny load and reports every figure it promises."""

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[1]
KEYS = ("e2e_per_s", "baseline_per_s", "ratio", "p50_s", "p95_s", "p99_s", "rate_for_latency", "peak_rss_mb",
        "accepted", "searchable", "complaints", "runs", "per_run")


def test_benchmark_json_has_every_figure_with_sane_values():
    # A subprocess, as `aduan bench` users run it: the benchmark changes environment variables while it runs.
    result = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "e2e.py"), "--json", "--complaints", "200",
                             "--rate-for-latency", "50", "--latency-seconds", "3"],
                            capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert result.returncode == 0, result.stderr[-3000:]
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    assert set(KEYS) <= set(summary)
    assert summary["complaints"] == 200 and summary["runs"] == 1
    assert summary["accepted"] == 200
    assert summary["searchable"] == summary["accepted"]
    assert summary["e2e_per_s"] > 0 and summary["baseline_per_s"] > 0 and summary["ratio"] > 0
    assert 0 < summary["p50_s"] <= summary["p95_s"] <= summary["p99_s"]
    assert summary["rate_for_latency"] == 50
    assert 100 < summary["peak_rss_mb"] < 4096
    run = summary["per_run"][0]
    assert run["latency"]["searchable"] == run["latency"]["accepted"] == 150
    assert run["baseline_messages"] == 200
    from aduan.stack import EMULATORS

    assert {*EMULATORS.values(), "worker", "indexer", "api"} <= set(run["peak_rss_mb_by_process"])


def test_stage_steps_benchmark_reports_each_step_against_its_baseline():
    from benchmarks.stage_steps import run

    figures = run(runs=1, calls=5)
    assert set(figures) == {"normalise (sms)", "locate (web)", "classify (web)"}
    assert all(row["per_call_us"] > 0 and row["baseline_us"] > 0 and row["ratio"] > 0 for row in figures.values())


def command_line(process: psutil.Process) -> list[str]:
    """A child's command line, or none if it exited while being looked at (the stack starts and stops
    short-lived helpers, e.g. the topic creation, while the test polls)."""
    try:
        return process.cmdline()
    except psutil.Error:
        return []


def test_a_terminated_benchmark_stops_the_stack_it_started():
    # The stack's children run in sessions of their own: a killed benchmark used to leave them running.
    bench = subprocess.Popen([sys.executable, str(ROOT / "benchmarks" / "e2e.py"), "--json", "--complaints", "100000"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    started: list[psutil.Process] = []
    try:
        parent = psutil.Process(bench.pid)
        deadline = time.monotonic() + 90
        while not any("api" in command_line(child) for child in parent.children()):
            assert time.monotonic() < deadline and bench.poll() is None, "the stack did not start"
            time.sleep(0.5)
        started = parent.children(recursive=True)
        bench.send_signal(signal.SIGTERM)
        bench.wait(60)
        _, alive = psutil.wait_procs(started, timeout=30)
        assert not alive, f"left running after SIGTERM: {[p.pid for p in alive]}"
        assert bench.returncode == 128 + signal.SIGTERM
    finally:
        for process in [*started, psutil.Process(bench.pid)] if bench.poll() is None else started:
            try:
                process.kill()
            except psutil.Error:
                pass
