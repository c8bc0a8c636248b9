"""Exponential backoff with optional jitter: the one retry schedule of every aduan process."""

from __future__ import annotations

import random
from dataclasses import dataclass


@dataclass(frozen=True)
class Backoff:
    initial_s: float = 0.5
    max_s: float = 10.0
    factor: float = 2.0
    jitter: float = 0.0  # each delay is drawn from [nominal * (1 - jitter), nominal]

    def nominal(self, attempt: int) -> float:
        """Delay before retry number ``attempt`` (1-based): initial, initial·factor, … capped at max_s."""
        return min(self.max_s, self.initial_s * self.factor ** (attempt - 1))

    def delay(self, attempt: int, rng: random.Random | None = None) -> float:
        # Jitter spreads the retries of many callers that failed together (a server restarting).
        if not self.jitter:
            return self.nominal(attempt)
        return self.nominal(attempt) * (1 - self.jitter * (rng or random).random())


class Retrying:
    """Stateful use of a ``Backoff``: ``next_delay()`` after each failure, ``reset()`` after a success."""

    def __init__(self, backoff: Backoff, rng: random.Random | None = None) -> None:
        self.backoff = backoff
        self.rng = rng
        self.failures = 0

    def next_delay(self) -> float:
        self.failures += 1
        return self.backoff.delay(self.failures, self.rng)

    def reset(self) -> None:
        self.failures = 0
