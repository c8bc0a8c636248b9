"""Who receives what: subscription files (format in WEBHOOKS.md), their validation and secrets."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any, Mapping, Protocol

import httpx
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from schemas.topics import ALERTS, ROUTED, SLA, STATUS, TopicSpec

OPERATORS = "*"
SOURCES: tuple[TopicSpec, ...] = (ROUTED, STATUS, SLA, ALERTS)
# surge.alert: a surge opened, grew or closed (streams/surge.py); no unit owns one, so operators' ("*")
# subscriptions receive it: ids and counts, never a complaint's text.
EVENT_KINDS: dict[str, str] = {ROUTED.name: "complaint.routed", STATUS.name: "complaint.status",
                               SLA.name: "complaint.sla", ALERTS.name: "surge.alert"}
MIN_SECRET_BYTES = 16


class Placed(Protocol):
    """What matching needs of an event (``events.WebhookEvent`` has it)."""

    kind: str
    source_topic: str
    units: tuple[str, ...]
    topic: str | None


class Subscription(BaseModel):
    """One endpoint. ``unit_code`` ``"*"`` is an operators' subscription: every unit, never contacts."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[A-Za-z0-9._:-]{1,100}$",
                    description="stable id, part of X-Aduan-Delivery; default derived from unit_code and url")
    unit_code: str = Field(min_length=1, max_length=100)
    url: str = Field(max_length=2000)
    secret_env: str = Field(pattern=r"^[A-Z_][A-Z0-9_]*$", description="environment variable holding the HMAC secret")
    events: tuple[str, ...] = Field(min_length=1, description="topic names, event kinds, or '*'")
    topic_codes: tuple[str, ...] | None = Field(None, description="only complaints classified under these topics")
    description: str | None = Field(None, max_length=500)

    @model_validator(mode="before")
    @classmethod
    def _default_id(cls, data: Any) -> Any:
        if isinstance(data, dict) and not data.get("id") and data.get("unit_code") and data.get("url"):
            digest = hashlib.sha256(f"{data['unit_code']}\n{data['url']}".encode()).hexdigest()[:12]
            data = {**data, "id": f"sub-{digest}"}
        return data

    @field_validator("url")
    @classmethod
    def _http_url(cls, url: str) -> str:
        parsed = httpx.URL(url)
        if parsed.scheme not in ("http", "https") or not parsed.host:
            raise ValueError("url must be an absolute http(s) URL")
        return url

    @field_validator("events")
    @classmethod
    def _known_events(cls, events: tuple[str, ...]) -> tuple[str, ...]:
        known = {"*", *EVENT_KINDS, *EVENT_KINDS.values()}
        unknown = [e for e in events if e not in known]
        if unknown:
            raise ValueError(f"unknown events {unknown}; use {sorted(known)}")
        return events

    def wants(self, event: Placed) -> bool:
        if not ({"*", event.kind, event.source_topic} & set(self.events)):
            return False
        if self.unit_code != OPERATORS and self.unit_code not in event.units:
            return False
        # Unknown topic (a status event whose complaint we cannot place) never passes a topic filter.
        return self.topic_codes is None or event.topic in self.topic_codes

    def owns(self, event: Placed) -> bool:
        return self.unit_code != OPERATORS and self.unit_code in event.units


class SubscriptionFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    comment: str | None = Field(None, alias="$comment")
    subscriptions: list[Subscription]

    @model_validator(mode="after")
    def _unique_ids(self) -> SubscriptionFile:
        ids = [s.id for s in self.subscriptions]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ValueError(f"duplicate subscription ids {duplicates}")
        return self


def load_subscriptions(path: str | Path) -> list[Subscription]:
    """Read and validate a subscription file (format in WEBHOOKS.md). Secrets are not read here."""
    return SubscriptionFile.model_validate_json(Path(path).read_bytes()).subscriptions


def resolve_secrets(subscriptions: list[Subscription], environ: Mapping[str, str] | None = None) -> dict[str, bytes]:
    """Secret per subscription id from the environment. Fails closed: no unsigned delivery, ever."""
    environ = os.environ if environ is None else environ
    secrets, problems = {}, []
    for sub in subscriptions:
        value = environ.get(sub.secret_env, "")
        if len(value.encode()) < MIN_SECRET_BYTES:
            problems.append(f"{sub.id}: ${sub.secret_env} " + ("not set" if not value else "shorter than 16 bytes"))
        secrets[sub.id] = value.encode()
    if problems:
        raise ValueError("webhook secrets missing: " + "; ".join(problems))
    return secrets
