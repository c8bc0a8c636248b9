"""Stripe-style signatures: ``X-Aduan-Signature: t=<unix>,v1=<hex HMAC-SHA256(secret, "t.body")>``."""

from __future__ import annotations

import hashlib
import hmac
import time


def sign(secret: bytes | str, body: bytes, timestamp: int) -> str:
    """The X-Aduan-Signature value: the timestamp is inside the MAC, so a captured request cannot be replayed later."""
    key = secret.encode() if isinstance(secret, str) else secret
    mac = hmac.new(key, f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={mac}"


def verify_signature(secret: bytes | str, header: str | None, body: bytes, tolerance_s: float = 300,
                     now: float | None = None) -> bool:
    """True if ``header`` signs exactly ``body`` with ``secret`` and its timestamp is within ``tolerance_s``.

    ``body`` must be the raw request bytes, before any JSON parsing. Several ``v1`` values are accepted
    (one of them must match), so a sender may sign with an old and a new secret during rotation.
    """
    if not header:
        return False
    timestamp, candidates = None, []
    for item in header.split(","):
        key, _, value = item.strip().partition("=")
        if key == "t" and value.isdigit():
            timestamp = int(value)
        elif key == "v1":
            candidates.append(value)
    if timestamp is None or not candidates:
        return False
    if abs((time.time() if now is None else now) - timestamp) > tolerance_s:
        return False
    expected = sign(secret, body, timestamp).rpartition("v1=")[2]
    return any(hmac.compare_digest(expected, candidate) for candidate in candidates)


def delivery_id(subscription_id: str, topic: str, partition: int, offset: int) -> str:
    """Same record, same subscription → same id, across retries, restarts and rebalances."""
    return hashlib.sha256(f"{subscription_id}\n{topic}\n{partition}\n{offset}".encode()).hexdigest()[:32]
