"""ROUTE: which unit kerja handles a complaint, from its topic, its region and what the text says.

The routing table (streams/data/routing.json, authored for aduan; see streams/data/README_locate_route.md) lists,
per topic, routes tried in order. A route with ``when_any`` phrases applies when one of them occurs in the text
("jalan nasional" → Kementerian PU, "SMA" → Dinas Pendidikan provinsi); the last route of a topic is its default.
A route's unit comes from the template of the finest level the region allows: kabkota (a kecamatan uses its
kab/kota), then provinsi, then nasional, which every route has, so a complaint with no region still reaches the
instansi's national triage unit.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from streams.locate import DESA, KABKOTA, KECAMATAN, Region
from schemas.categories import FALLBACK_CATEGORY, CATEGORY_CODES

from schemas.units import ROUTING_TABLE  # shared with the read side, which checks re-routes against it

LEVELS = ("kabkota", "provinsi", "nasional")
UNIT_FIELDS = ("instansi_code", "instansi_name", "unit_code", "unit_name", "jurisdiction")
_TOKEN = re.compile(r"[0-9a-z]+")


@dataclass(frozen=True)
class Unit:
    instansi_code: str
    instansi_name: str
    unit_code: str
    unit_name: str
    jurisdiction: str  # 'nasional' | 'provinsi' | 'kabkota'


@dataclass(frozen=True)
class _Route:
    name: str
    phrases: frozenset[tuple[str, ...]]
    templates: dict[str, dict[str, str]]  # level → the five unit fields, with placeholders


def load_routing_table(path: Path = ROUTING_TABLE) -> dict:
    """The routing table as written, checked: every topic present, every route complete, defaults last."""
    with open(path, encoding="utf-8") as f:
        table = json.load(f)
    _compile(table)  # raises ValueError on any inconsistency
    return table


def route(topic: str, region: Region | None, text: str) -> Unit:
    routes = _routes().get(topic) or _routes()[FALLBACK_CATEGORY]
    chosen = _choose(routes, text or "")
    fields = _template_for(chosen, region)
    values = _placeholders(region)
    return Unit(**{name: fields[name].format_map(values) for name in UNIT_FIELDS})


# ---------------------------------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _routes() -> dict[str, list[_Route]]:
    with open(ROUTING_TABLE, encoding="utf-8") as f:
        return _compile(json.load(f))


def _compile(table: dict) -> dict[str, list[_Route]]:
    presets = table.get("pemda", {})
    compiled: dict[str, list[_Route]] = {}
    missing = set(CATEGORY_CODES) - set(table["topics"])
    if missing:
        raise ValueError(f"routing table has no routes for topics {sorted(missing)}")
    for topic, routes in table["topics"].items():
        if topic not in CATEGORY_CODES:
            raise ValueError(f"routing table names unknown topic {topic!r}")
        compiled[topic] = []
        for index, raw in enumerate(routes):
            phrases = frozenset(tuple(_TOKEN.findall(p.lower())) for p in raw.get("when_any", []))
            if not phrases and index != len(routes) - 1:
                raise ValueError(f"{topic}: default route {raw['name']!r} must come last")
            if phrases and index == len(routes) - 1:
                raise ValueError(f"{topic}: the last route must be a default (no when_any)")
            templates = {}
            for level in LEVELS:
                if level not in raw:
                    continue
                fields = {k: raw[k] for k in ("instansi_code", "instansi_name", "jurisdiction") if k in raw}
                template = dict(raw[level])
                preset = template.pop("pemda", None)
                if preset:
                    fields.update(presets[preset])
                fields.update(template)
                absent = [f for f in UNIT_FIELDS if f not in fields]
                if absent:
                    raise ValueError(f"{topic}/{raw['name']}/{level}: missing {absent}")
                if fields["jurisdiction"] not in LEVELS:
                    raise ValueError(f"{topic}/{raw['name']}/{level}: bad jurisdiction {fields['jurisdiction']!r}")
                templates[level] = fields
            if "nasional" not in templates:
                raise ValueError(f"{topic}/{raw['name']}: every route needs a nasional (triage) unit")
            compiled[topic].append(_Route(raw["name"], phrases, templates))
    return compiled


def _choose(routes: list[_Route], text: str) -> _Route:
    tokens = _TOKEN.findall(text.lower())
    for candidate in routes[:-1]:
        if any(_contains(tokens, phrase) for phrase in candidate.phrases):
            return candidate
    return routes[-1]


def _contains(tokens: list[str], phrase: tuple[str, ...]) -> bool:
    size = len(phrase)
    first = phrase[0]
    return any(tokens[i:i + size] == list(phrase) for i, token in enumerate(tokens) if token == first)


def _template_for(chosen: _Route, region: Region | None) -> dict[str, str]:
    if region is None:
        order = ("nasional",)
    elif region.level in (KABKOTA, KECAMATAN, DESA):
        order = LEVELS
    else:
        order = ("provinsi", "nasional")
    return next(chosen.templates[level] for level in order if level in chosen.templates)


def _placeholders(region: Region | None) -> dict[str, str]:
    if region is None:
        return {}
    return {
        "kabkota_code": region.kabkota_code or "",
        "kabkota_name": region.kabkota_name or "",
        "province_code": region.province_code,
        "province_name": region.province_name,
    }
