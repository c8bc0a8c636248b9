"""The journal's disk full, through the running stack: `aduan up` with its journals on a 4 MiB tmpfs,
complaints posted while a filler file takes every free byte, then the filler removed.

While the disk is full every answer is `503` with `Retry-After` (the journal could not sync the
record, so nobody may be told "yes"); no `202` without its complaint becoming searchable; once space
is freed the next complaints are `202` again and searchable exactly once.

What it exercises: a real ENOSPC from the kernel on the journal's own file system (the data dir's
other files — emulator state, logs — stay on the ordinary disk, so the stack itself keeps running).
Mounting a tmpfs needs root: elsewhere the test is skipped, and `tests/aduan/test_journal.py` covers
the same refusal with the size cap (`ADUAN_JOURNAL_MAX_BYTES`)."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import time

import httpx
import pytest

from aduan.ports import free_port
from tests import factories as make
from tests.faults.searchable import assert_exactly_once, wait_all_searchable
from tests.faults.local_stack import index_client, local_env, start

pytestmark = [pytest.mark.e2e, pytest.mark.faults]


@pytest.fixture
def small_journal_disk(tmp_path):
    journals = tmp_path / "data" / "journal"
    journals.mkdir(parents=True, mode=0o700)
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m,mode=0700", "tmpfs", str(journals)],
                             capture_output=True, text=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs for the journal (needs root): {mounted.stderr.strip()}")
    try:
        yield journals
    finally:
        subprocess.run(["umount", "-l", str(journals)], check=False)


def fill(directory) -> int:
    """Writes a filler file until the file system refuses; returns its size."""
    path = directory / "filler"
    with open(path, "wb", buffering=0) as handle:
        chunk = b"\0" * 65536
        while True:
            try:
                handle.write(chunk)
            except OSError as exc:
                assert exc.errno == errno.ENOSPC, exc
                if len(chunk) == 1:
                    break
                chunk = chunk[:len(chunk) // 2]
    return path.stat().st_size


def post(http: httpx.Client, api: str, marker: str, n: int) -> httpx.Response:
    return http.post(f"{api}/v1/complaints", headers={"Idempotency-Key": f"{marker}-{n}"},
                     json={"text": f"Air PDAM mati di blok {n % 40} {marker}"})


@pytest.mark.timeout(300)
def test_journal_disk_full_is_503_with_retry_after_never_a_false_202_and_service_returns(tmp_path,
                                                                                          small_journal_disk):
    env = local_env(tmp_path / "data")
    up, fields = start(env, free_port())
    api, marker = fields["api"], make.marker("penuh")
    accepted, full_answers, n = [], [], 0
    try:
        with httpx.Client(timeout=30) as http:
            for _ in range(5):
                answer = post(http, api, marker, n := n + 1)
                assert answer.status_code == 202, answer.text
                accepted.append(answer.json()["complaint_id"])
            filler = fill(small_journal_disk)
            for _ in range(20):
                full_answers.append(post(http, api, marker, n := n + 1))
            os.unlink(small_journal_disk / "filler")
            freed = time.monotonic()
            after = []
            while len(after) < 10:
                answer = post(http, api, marker, n := n + 1)
                if answer.status_code == 202:
                    after.append(answer.json()["complaint_id"])
                else:
                    assert time.monotonic() - freed < 10, f"still {answer.status_code} 10 s after space was freed"
            served_again = time.monotonic() - freed
        statuses = [a.status_code for a in full_answers]
        false_yes = [a.json()["complaint_id"] for a in full_answers if a.status_code == 202]
        print(f"\n[journal disk full] filler {filler} bytes; while full: {statuses.count(503)} × 503 "
              f"(Retry-After {sorted({a.headers.get('retry-after') for a in full_answers})}), "
              f"{len(false_yes)} × 202; after freeing: 202 again within {served_again:.2f}s")
        assert statuses == [503] * len(full_answers), statuses
        assert all(a.headers.get("retry-after") for a in full_answers)
        expected = set(accepted + after + false_yes)
        with index_client(fields) as es:
            wait_all_searchable(es, "aduan-complaints", marker, len(expected), timeout_s=60)
            assert_exactly_once(es, "aduan-complaints", marker, expected, len(expected), "journal disk full")
    finally:
        if up.poll() is None:
            up.send_signal(signal.SIGINT)
            up.wait(90)
