"""Independent evaluation sets are frozen: nobody edits (or tunes) them after they are committed."""

import hashlib
from pathlib import Path

import pytest

EVAL = Path(__file__).resolve().parents[1] / "streams" / "data" / "eval"


@pytest.mark.parametrize("sums", sorted(EVAL.glob("*/SHA256SUMS")), ids=lambda p: p.parent.name)
def test_frozen_sets_are_byte_for_byte_what_was_committed(sums):
    lines = [line.split() for line in sums.read_text().splitlines() if line.strip()]
    assert lines
    for digest, name in lines:
        assert hashlib.sha256((sums.parent / name).read_bytes()).hexdigest() == digest, f"{name} changed"
