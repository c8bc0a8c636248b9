"""The units kerja complaints can be routed to, from the routing table (schemas/data/routing.json).

The stream stage routes with the table (streams/route.py); the read side checks a re-route
(``bukan_wewenang``) against it, so a unit cannot hand a complaint to a unit that does not exist (the
complaint would vanish from every unit's view). The table lives here because both stages read it.

A unit code in the table is a template: ``DINKES.{kabkota_code}`` stands for the health office of any
kabupaten/kota (a four-digit Kemendagri code), ``{province_code}`` for a province (two digits).
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

ROUTING_TABLE = Path(__file__).resolve().parent / "data" / "routing.json"
_PLACEHOLDERS = {"{kabkota_code}": r"\d{4}", "{province_code}": r"\d{2}"}


def unit_templates(table: dict) -> set[str]:
    """Every ``unit_code`` the table names, at any level of any route."""
    found: set[str] = set()
    stack: list = [table]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "unit_code" and isinstance(value, str):
                    found.add(value)
                else:
                    stack.append(value)
        elif isinstance(node, list):
            stack.extend(node)
    return found


def _pattern(template: str) -> str:
    parts = re.split(r"(\{\w+\})", template)
    return "".join(_PLACEHOLDERS[part] if part in _PLACEHOLDERS else re.escape(part) for part in parts)


@lru_cache(maxsize=1)
def _unit_code() -> re.Pattern[str]:
    with open(ROUTING_TABLE, encoding="utf-8") as f:
        templates = unit_templates(json.load(f))
    return re.compile("|".join(f"(?:{_pattern(t)})" for t in sorted(templates)))


def is_known_unit(code: str) -> bool:
    """Whether ``code`` is a unit of the routing table (its region code is not checked against the gazetteer)."""
    return _unit_code().fullmatch(code) is not None
