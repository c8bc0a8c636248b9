"""Pipeline processes for tests: the same commands `aduan up` runs, as child processes."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from aduan.stack import Child, wait_until


@contextmanager
def running(name: str, env: dict[str, str], log_dir: Path, *extra: str) -> Iterator[Child]:
    """Start ``aduan <name>`` and wait until it announces readiness."""
    ready = log_dir / f"{name}.ready"
    ready.unlink(missing_ok=True)
    child = Child(name=name, env=env, log_path=log_dir / f"{name}.log",
                  argv=[sys.executable, "-m", "aduan", name, "--ready-file", str(ready), *extra])
    child.start()
    try:
        wait_until(ready.exists, 60, name, child.alive)
        yield child
    finally:
        child.stop(grace_s=10)


def log_tail(child: Child, lines: int = 30) -> str:
    return "\n".join(child.log_path.read_text(errors="replace").splitlines()[-lines:])
