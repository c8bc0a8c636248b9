"""One signed POST, retried with backoff and jitter until a 2xx, a final answer, or the policy runs out."""

from __future__ import annotations

import asyncio
import logging
import random
import time
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Awaitable, Callable

import httpx

from aduan.core.backoff import Backoff
from aduan.core.metrics import WEBHOOK_DELIVERIES
from consumers.sinks.webhooks.signing import sign
from consumers.sinks.webhooks.subscriptions import Subscription

log = logging.getLogger(__name__)

USER_AGENT = "aduan-webhooks/0.1"


@dataclass(frozen=True)
class RetryPolicy:
    max_attempts: int = 8
    base_delay_s: float = 1.0
    max_delay_s: float = 60.0
    max_elapsed_s: float = 180.0  # from the first attempt; keep well below the consumer's max_poll_interval
    jitter: float = 0.5  # each delay is drawn from [nominal * (1 - jitter), nominal]
    timeout_s: float = 10.0  # per request

    @property
    def backoff(self) -> Backoff:
        return Backoff(initial_s=self.base_delay_s, max_s=self.max_delay_s, jitter=self.jitter)

    def nominal_delay(self, retry: int) -> float:
        """Delay before retry number ``retry`` (1-based): base, 2·base, 4·base … capped."""
        return self.backoff.nominal(retry)

    def delay(self, retry: int, rng: random.Random) -> float:
        # Jitter spreads the retries of many deliveries that failed together (a unit's server restarting).
        return self.backoff.delay(retry, rng)

    def schedule(self) -> list[float]:
        return [self.nominal_delay(n) for n in range(1, self.max_attempts)]


def retryable(status: int) -> bool:
    return status in (408, 429) or status >= 500


def retry_after_s(value: str | None, now: float | None = None) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or HTTP-date); None if absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


@dataclass
class DeliveryResult:
    delivered: bool
    attempts: int
    last_error: str = ""
    aborted: bool = False  # stopped while waiting to retry: neither delivered nor dead-lettered


Sleeper = Callable[[float], Awaitable[bool]]  # returns True when asked to stop


async def deliver(client: httpx.AsyncClient, subscription: Subscription, secret: bytes, body: bytes, kind: str,
                  delivery: str, policy: RetryPolicy, *, rng: random.Random, sleep: Sleeper,
                  clock: Callable[[], float] = time.time, monotonic: Callable[[], float] = time.monotonic,
                  limit: asyncio.Semaphore | None = None) -> DeliveryResult:
    """POST until a 2xx, a non-retryable answer, or the policy's attempts or time run out.

    ``limit`` bounds concurrent requests; it is not held while waiting to retry.
    """
    started, attempt, last = monotonic(), 0, ""
    while True:
        attempt += 1
        wait_at_least = 0.0
        headers = {"Content-Type": "application/json", "User-Agent": USER_AGENT, "X-Aduan-Event": kind,
                   "X-Aduan-Delivery": delivery, "X-Aduan-Signature": sign(secret, body, int(clock()))}
        try:
            if limit is None:
                response = await client.post(subscription.url, content=body, headers=headers)
            else:
                async with limit:
                    response = await client.post(subscription.url, content=body, headers=headers)
        except httpx.TransportError as exc:  # connection refused or reset, DNS, timeouts
            last, again = f"{type(exc).__name__}: {exc}"[:300], True
        except httpx.HTTPError as exc:
            last, again = f"{type(exc).__name__}: {exc}"[:300], False
        else:
            if 200 <= response.status_code < 300:
                WEBHOOK_DELIVERIES.labels("delivered", subscription.unit_code).inc()
                return DeliveryResult(True, attempt)
            last, again = f"HTTP {response.status_code}", retryable(response.status_code)
            wait_at_least = retry_after_s(response.headers.get("retry-after")) or 0.0
        if not again:
            return DeliveryResult(False, attempt, f"{last} (not retried)")
        if attempt >= policy.max_attempts:
            return DeliveryResult(False, attempt, f"{last} after {attempt} attempts")
        delay = max(policy.delay(attempt, rng), wait_at_least)
        if monotonic() - started + delay > policy.max_elapsed_s:
            return DeliveryResult(False, attempt, f"{last} after {attempt} attempts; next retry in {delay:.1f}s "
                                                  f"would pass max_elapsed_s={policy.max_elapsed_s:g}")
        WEBHOOK_DELIVERIES.labels("retried", subscription.unit_code).inc()
        log.info("webhook %s to %s: %s; retry %d in %.2fs", delivery, subscription.id, last, attempt, delay)
        if await sleep(delay):
            return DeliveryResult(False, attempt, last, aborted=True)
