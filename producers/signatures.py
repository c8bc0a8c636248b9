"""Proving a webhook came from its provider: HMAC schemes of Twilio, Meta and X, and the gateway secret.

Every check compares in constant time and fails closed: an empty configured secret
verifies nothing, so a deployment that forgot a credential refuses traffic instead of
trusting it.

Replay: none of these schemes signs a timestamp (Twilio, Meta and X sign the URL or body
only), so a captured request can be replayed. That is harmless here because every
complaint id is derived from the provider's message id: a replay republishes the same
complaint id, which the pipeline treats as the same complaint.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from collections.abc import Iterable
from urllib.parse import urlsplit, urlunsplit


def secret_value(secret: object) -> str:
    """Plain string from a ``SecretStr`` (or ``str``); ``""`` when unset."""
    getter = getattr(secret, "get_secret_value", None)
    return (getter() if getter else str(secret or "")) or ""


def constant_time_equal(given: str | bytes | None, expected: str | bytes | None) -> bool:
    """``False`` for a missing or empty side, so an unset secret never matches an empty header."""
    if not given or not expected:
        return False
    given_b = given.encode() if isinstance(given, str) else given
    expected_b = expected.encode() if isinstance(expected, str) else expected
    return hmac.compare_digest(given_b, expected_b)


def _hmac(key: str, message: bytes, digest: str) -> bytes:
    return hmac.new(key.encode(), message, digest).digest()


# --- Twilio: base64(HMAC-SHA1(auth_token, URL + sorted name+value pairs)) ---------------------------

def twilio_signature(auth_token: str, url: str, params: Iterable[tuple[str, str]]) -> str:
    """Signature Twilio puts in ``X-Twilio-Signature`` for a form POST.

    Names are sorted; a repeated name contributes each of its values, sorted, as the
    official SDKs do.
    """
    by_name: dict[str, list[str]] = {}
    for name, value in params:
        by_name.setdefault(name, []).append(value)
    payload = url + "".join(name + value for name in sorted(by_name) for value in sorted(by_name[name]))
    return base64.b64encode(_hmac(auth_token, payload.encode("utf-8"), "sha1")).decode("ascii")


def _port_variants(url: str) -> list[str]:
    """The URL as given, without its port and with the scheme's default port: Twilio may sign any of
    these forms behind proxies and load balancers, and its SDKs accept each."""
    parts = urlsplit(url)
    default = {"https": 443, "http": 80}.get(parts.scheme)
    if default is None or not parts.netloc:
        return [url]
    userinfo, at, hostport = parts.netloc.rpartition("@")
    host, colon, port = hostport.rpartition(":")
    if not colon or "]" in port:  # no port (or the colon belonged to an IPv6 literal)
        host, port = hostport, ""
    variants = [url, urlunsplit(parts._replace(netloc=f"{userinfo}{at}{host}"))]
    if not port:
        variants.append(urlunsplit(parts._replace(netloc=f"{userinfo}{at}{host}:{default}")))
    return list(dict.fromkeys(variants))


def verify_twilio(auth_token: str, url: str, params: Iterable[tuple[str, str]], signature: str | None) -> bool:
    if not auth_token or not signature:
        return False
    pairs = list(params)
    return any(constant_time_equal(signature, twilio_signature(auth_token, candidate, pairs))
               for candidate in _port_variants(url))


# --- Meta: "sha256=" + hex(HMAC-SHA256(app_secret, raw body)) --------------------------------------

def meta_signature(app_secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(app_secret.encode(), body, hashlib.sha256).hexdigest()


def verify_meta(app_secret: str, body: bytes, signature: str | None) -> bool:
    if not app_secret or not signature:
        return False
    # Meta sends lower-case hex; accept upper-case too so only the digest decides.
    algo, _, digest = signature.strip().partition("=")
    expected = meta_signature(app_secret, body)
    return algo.lower() == "sha256" and constant_time_equal(f"sha256={digest.lower()}", expected)


# --- X: "sha256=" + base64(HMAC-SHA256(consumer_secret, message)) ---------------------------------

def x_signature(consumer_secret: str, message: bytes) -> str:
    """Used both for the CRC ``response_token`` (message = crc_token) and the POST body signature."""
    return "sha256=" + base64.b64encode(_hmac(consumer_secret, message, "sha256")).decode("ascii")


def verify_x(consumer_secret: str, body: bytes, signature: str | None) -> bool:
    if not consumer_secret or not signature:
        return False
    return constant_time_equal(signature.strip(), x_signature(consumer_secret, body))
