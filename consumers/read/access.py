"""Who may see and do what: roles from API keys, enforced in the Elasticsearch query.

- ``operator``: everything.
- ``analyst``: never ``rahasia`` complaints (filtered in the query); contacts masked; the
  reporter of an ``anonim`` complaint never revealed; free text only as its redacted copy.
- ``unit``: only complaints routed to its unit (filtered in the query); the reporter of an
  ``anonim`` complaint withheld and its free text only as its redacted copy.
- nobody but operators reads provider message ids, Idempotency-Keys, raw_ref, channel_meta or
  reporter_key (consumers.redaction).

Filtering happens in the query so that counts, facets, exports and pagination cannot leak
what a role may not see; redaction of the returned documents is the second layer.
"""

from __future__ import annotations

import hmac
import json
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from fastapi import Depends, HTTPException, Request

from aduan.core.deps import resource

from consumers.redaction import sees_clear, view
from schemas.contact import mask
from schemas.events import CONTACT_FIELDS

Role = Literal["operator", "analyst", "unit"]
ROLES: tuple[Role, ...] = ("operator", "analyst", "unit")


@dataclass(frozen=True)
class Principal:
    role: Role
    name: str
    unit_code: str | None = None

    def may_act_on(self, doc: dict[str, Any]) -> bool:
        return self.role == "operator" or (self.role == "unit" and doc.get("unit_code") == self.unit_code)


def parse_keys(raw: str) -> dict[str, Principal]:
    if not raw.strip():
        return {}
    keys = {}
    for key, spec in json.loads(raw).items():
        role = spec.get("role")
        if role not in ROLES:
            raise ValueError(f"API key {spec.get('name', '?')}: unknown role {role!r}")
        if role == "unit" and not spec.get("unit"):
            raise ValueError(f"API key {spec.get('name', '?')}: a unit key needs its unit code")
        keys[key] = Principal(role=role, name=spec.get("name") or role, unit_code=spec.get("unit"))
    return keys


def authenticate(request: Request, keys: Annotated[dict[str, Principal], Depends(resource("api_keys"))]) -> Principal:
    """FastAPI dependency: the caller's role from ``X-API-Key`` or ``Authorization: Bearer``."""
    given = request.headers.get("x-api-key") or _bearer(request.headers.get("authorization", ""))
    if not given:
        raise HTTPException(401, detail={"error": "unauthenticated", "message": "X-API-Key required"},
                            headers={"WWW-Authenticate": "Bearer"})
    for key, principal in keys.items():
        if hmac.compare_digest(key.encode(), given.encode()):
            return principal
    raise HTTPException(403, detail={"error": "forbidden", "message": "unknown API key"})


def _bearer(header: str) -> str | None:
    scheme, _, token = header.partition(" ")
    return token.strip() if scheme.lower() == "bearer" else None


def visibility_filter(principal: Principal) -> list[dict[str, Any]]:
    """Query clauses (bool.filter) limiting hits to what the role may see."""
    clauses: list[dict[str, Any]] = [{"exists": {"field": "text"}}]  # routed complaints, not stubs
    if principal.role == "analyst":
        clauses.append({"bool": {"must_not": [{"term": {"privacy": "rahasia"}}]}})
    elif principal.role == "unit":
        clauses.append({"term": {"unit_code": principal.unit_code}})
    return clauses


def sees_clear_for(principal: Principal, doc: dict[str, Any]) -> bool:
    return sees_clear(principal.role, doc.get("privacy"), principal.may_act_on(doc))


def redact(principal: Principal, doc: dict[str, Any]) -> dict[str, Any]:
    """What the role may read of a document it is allowed to see."""
    if principal.role == "operator":
        return doc
    doc = view(doc, clear=sees_clear_for(principal, doc))
    doc.pop("sla_clock", None)
    reporter = dict(doc.get("reporter") or {})
    if doc.get("privacy") == "anonim":
        reporter = {}
    elif principal.role == "analyst":
        reporter = {k: mask(v) if k in CONTACT_FIELDS else v for k, v in reporter.items()}
    doc["reporter"] = reporter
    return doc
