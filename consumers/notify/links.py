"""Links in messages: the status page of a tracking number, and the one-time answer link of a closure question.

The answer link carries ``<event id>.<HMAC>`` of the question (the ``ditindaklanjuti`` status event that
asked it), keyed from ``ADUAN_REPORTER_SALT``: only the reporter, who received it, can answer on the
page. It is one-time by state: the notifier acts on an answer only while that event is the complaint's
open question, and the first answer closes or reopens it.
"""

from __future__ import annotations

import hashlib
import hmac

from aduan.core.settings import Settings


def base_url(settings: Settings) -> str:
    return (settings.status_base_url or settings.public_base_url
            or f"http://{settings.api_host}:{settings.api_port}").rstrip("/")


def status_link(settings: Settings, tracking_number: str) -> str:
    return f"{base_url(settings)}/status/{tracking_number}"


def _key(settings: Settings) -> bytes:
    return hmac.new(settings.reporter_salt.get_secret_value().encode(), b"aduan:answer-link", hashlib.sha256).digest()


def answer_token(settings: Settings, complaint_id: str, event_id: str) -> str:
    mac = hmac.new(_key(settings), f"{complaint_id}:{event_id}".encode(), hashlib.sha256).hexdigest()[:32]
    return f"{event_id}.{mac}"


def verify_token(settings: Settings, complaint_id: str, token: str) -> str | None:
    """The question's event id when ``token`` was made for ``complaint_id``; else None."""
    event_id, _, _mac = token.partition(".")
    if not event_id or len(token) > 200:
        return None
    return event_id if hmac.compare_digest(answer_token(settings, complaint_id, event_id), token) else None


def answer_link(settings: Settings, tracking_number: str, complaint_id: str, event_id: str) -> str:
    return f"{status_link(settings, tracking_number)}?t={answer_token(settings, complaint_id, event_id)}"
