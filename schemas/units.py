"""The units kerja complaints can be routed to, from the routing table (schemas/data/routing.json).

The stream stage routes with the table (streams/route.py); the read side checks a re-route
(``bukan_wewenang``) against it, so a unit cannot hand a complaint to a unit that does not exist (the
complaint would vanish from every unit's view). The table lives here because both stages read it.

A unit code in the table is a template: ``DINKES.{kabkota_code}`` stands for the health office of any
kabupaten/kota (a four-digit Kemendagri code), ``{province_code}`` for a province (two digits). The code
filled in must be a real one (``schemas/data/region_codes.tsv``): ``DINKES.9999`` is no office anywhere.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

ROUTING_TABLE = Path(__file__).resolve().parent / "data" / "routing.json"
REGION_CODES = Path(__file__).resolve().parent / "data" / "region_codes.tsv"
# Named groups, so the filled-in code can be checked against the real ones.
_PLACEHOLDERS = {"{kabkota_code}": r"(?P<kabkota{n}>\d{{4}})", "{province_code}": r"(?P<province{n}>\d{{2}})"}


def _unit_nodes(table: dict) -> Iterator[dict]:
    """Every route node of the table that names a ``unit_code``, at any level of any route."""
    stack: list = [table]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if isinstance(node.get("unit_code"), str):
                yield node
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)


def unit_templates(table: dict) -> set[str]:
    """Every ``unit_code`` the table names, at any level of any route."""
    return {node["unit_code"] for node in _unit_nodes(table)}


def _pattern(template: str, n: int) -> str:
    parts = re.split(r"(\{\w+\})", template)
    return "".join(_PLACEHOLDERS[part].format(n=n) if part in _PLACEHOLDERS else re.escape(part) for part in parts)


@lru_cache(maxsize=1)
def _unit_code() -> re.Pattern[str]:
    with open(ROUTING_TABLE, encoding="utf-8") as f:
        templates = unit_templates(json.load(f))
    return re.compile("|".join(f"(?:{_pattern(t, n)})" for n, t in enumerate(sorted(templates))))


@lru_cache(maxsize=1)
def region_codes() -> dict[str, str]:
    """Kemendagri province and kabupaten/kota codes (no dots) → official name."""
    with open(REGION_CODES, encoding="utf-8") as f:
        rows = (line.rstrip("\n").split("\t") for line in f if line.strip() and not line.startswith("#"))
        return {code: name for code, name in rows}


def is_known_unit(code: str) -> bool:
    """Whether ``code`` is a unit of the routing table, for a province or kabupaten/kota that exists."""
    match = _unit_code().fullmatch(code)
    if match is None:
        return False
    filled = [value for value in match.groupdict().values() if value is not None]
    known = region_codes()
    return all(value in known for value in filled)


@lru_cache(maxsize=1)
def _unit_names() -> list[tuple[re.Pattern[str], str]]:
    """(pattern of a unit code template, its unit_name template) for every unit the table names."""
    with open(ROUTING_TABLE, encoding="utf-8") as f:
        table = json.load(f)
    pairs: dict[str, str] = {}
    for node in _unit_nodes(table):
        if isinstance(node.get("unit_name"), str):
            pairs.setdefault(node["unit_code"], node["unit_name"])
    return [(re.compile(_pattern(code, 0)), name) for code, name in sorted(pairs.items())]


def unit_name(code: str | None) -> str | None:
    """The name of a unit of the routing table (``DINKES.3273`` → its name for Kota Bandung), None if unknown:
    a re-route (``bukan_wewenang``) names only the unit's code, and the document shows the unit's name."""
    if not code:
        return None
    names = region_codes()
    for pattern, template in _unit_names():
        match = pattern.fullmatch(code)
        if match is None:
            continue
        kabkota, province = match.groupdict().get("kabkota0"), match.groupdict().get("province0")
        if kabkota:
            province = kabkota[:2]
        if (kabkota and kabkota not in names) or (province and province not in names):
            return None
        return template.format_map({"kabkota_code": kabkota or "", "kabkota_name": names.get(kabkota or "", ""),
                                    "province_code": province or "", "province_name": names.get(province or "", "")})
    return None
