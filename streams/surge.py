"""Surge detection: far more complaints of one topic in one place, or one duplicate cluster growing,
than history says is normal — the early warning no ticket system gives (pure logic; the faust process
that runs it is streams/surge_app.py).

What is counted: every routed complaint (an exact duplicate is no new voice and is not routed) under
three keys — (topic, kecamatan), (topic, kab/kota) and its duplicate cluster — in a sliding window of
``window_minutes`` of **event time** (``received_at``): the clock is the latest ``received_at`` seen,
so a replay in compressed time behaves as the live stream did. A kecamatan counts for its kab/kota.

What is normal: per key, an EWMA of its complaints per day (bias-corrected, so a young detector is not
fooled by its zero start), times one hour-of-week shape learned from all traffic (an EWMA per hour of
the week, smoothed over neighbouring hours). A per-key hour-of-week cell would see a complaint a month
for most (topic, kecamatan) pairs — all noise; the factorised baseline learns each key's level from all
its complaints and the daily and weekly rhythm from everyone's. A key never seen gets ``floor``.
Complaints that are part of an alert do not teach the baseline: a flood does not make floods normal.

When it is far above normal — count ≥ ``min_count``, ≥ ``ratio`` × expected, and a Poisson upper tail
below ``p_value`` — an alert opens with the window's complaints. Reports the dedup stage put in one
cluster are not independent evidence of a place's surge: a place's span is judged as its distinct
clusters plus repeats at the repeat rate learned from history (``null_chance``). One event raises one alert: a
complaint whose key (or cluster) an open alert already covers joins it, other keys do not count it, and
a surge found under another key of an open alert's members (the rest of the flood's kecamatan, the
city around it, another cluster of it) is merged into that alert instead of opening a second. The
alert is re-emitted ("updated") as it grows by a quarter (three at least), and closed once its last window holds fewer
than half ``min_count`` and no more than ``ratio`` × normal.

State is plain JSON-able dicts per key (``export``/``load``), so the process keeps it in a faust table
whose changelog survives restarts. A key's entry holds its level and counts, not its window: the
complaints a batch added to windows are one entry of their own (``window|<first complaint id>``, each
complaint's time and keys), deleted once all of them have left the window. Rewriting every changed key's
whole window after each micro-batch cost bytes in proportion to the windows (5.5 MB for 3,000 complaints in
batches of 15 in one hour of event time, all of it compressed, sent, stored and read back by the table).
"""

from __future__ import annotations

import math
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from schemas.events import RoutedComplaint, SurgeAlert

HOURS_PER_WEEK = 168
MAX_MEMBERS = 500  # SurgeAlert.member_ids holds at most this many (the count goes on)
LEARNING_DAYS = 1
SCALES = (1 / 6, 1 / 2, 1.0)  # sub-windows scanned: 10, 30 and 60 minutes of a 60-minute window
SHAPE_BOUNDS = (0.25, 4.0)  # a sparse night hour cannot make normal traffic look like a surge
_ALERT_NS = uuid.UUID("6f1c3e0a-5b7d-4f2e-9a41-2d8c0b7e5a19")
KINDS = {"cluster": "cluster", "kec": "topic_kecamatan", "kab": "topic_kabkota"}


@dataclass(frozen=True)
class Thresholds:
    window_minutes: int = 60
    min_count: int = 3
    ratio: float = 3.0
    p_value: float = 1e-6
    floor: float = 0.05  # complaints per window assumed normal for a key never seen
    history_days: float = 28.0  # EWMA span of the per-key daily level; the weekly shape uses it in weeks

    @classmethod
    def from_settings(cls, settings) -> Thresholds:
        return cls(window_minutes=settings.surge_window_minutes, min_count=settings.surge_min_count,
                   ratio=settings.surge_ratio, p_value=settings.surge_p_value, floor=settings.surge_baseline_floor,
                   history_days=settings.surge_history_days)


@dataclass(frozen=True)
class Observation:
    """What the detector needs of a routed complaint."""

    complaint_id: str
    received_at: float  # epoch seconds
    topic: str
    kecamatan: str | None = None  # 6 digits
    kabkota: str | None = None  # 4 digits
    cluster_id: str | None = None

    def keys(self) -> list[str]:
        """Most specific first: at a tie the cluster claims the complaints. A report naming only its kab/kota
        is also counted under ``city`` (topic, kab/kota, no kecamatan): never an alert of its own, but
        evidence for a kecamatan of that kab/kota (``SurgeDetector.evidence``)."""
        keys = []
        if self.cluster_id:
            keys.append(f"cluster|{self.topic}|{self.cluster_id}")
        if self.kecamatan:
            keys.append(f"kec|{self.topic}|{self.kecamatan}")
        if self.kabkota:
            keys.append(f"kab|{self.topic}|{self.kabkota}")
            if not self.kecamatan:
                keys.append(f"city|{self.topic}|{self.kabkota}")
        return keys


def observation_of(routed: RoutedComplaint, locate: Callable[[RoutedComplaint], str | None] | None = None) -> Observation:
    """The routed event's codes; its ``region_code`` is the kab/kota (the stage's choice), so the kecamatan
    comes from a finer code the event carries or from ``locate`` (the gazetteer on the same text)."""
    code = routed.region_code or ""
    hint = routed.location.region_code if routed.location and routed.location.region_code else ""
    kecamatan = next((c[:6] for c in (code, hint) if len(c) >= 6 and c.startswith(code[:4])), None)
    if kecamatan is None and len(code) == 4 and locate is not None:
        found = locate(routed)
        kecamatan = found if found and found.startswith(code) else None
    return Observation(routed.complaint_id, routed.received_at.timestamp(), routed.topic, kecamatan,
                       code[:4] if len(code) >= 4 else None, routed.cluster_id)


def poisson_tail(count: int, mean: float) -> float:
    """P(X ≥ count) for X ~ Poisson(mean), summed upward from ``count`` (stable for tiny tails)."""
    if count <= 0:
        return 1.0
    if mean <= 0:
        return 0.0
    term = math.exp(-mean + count * math.log(mean) - math.lgamma(count + 1))
    total, k = 0.0, count
    while term > total * 1e-12 and k < count + 1000:
        total += term
        k += 1
        term *= mean / k
    return min(1.0, total)


def decimal_id(value: float) -> str:
    """0.4 → "0,4" (Indonesian decimals)."""
    return "kurang dari 0,1" if value < 0.05 else f"{value:.1f}".replace(".", ",")


@dataclass
class _Alert:
    alert_id: str
    key: str
    claims: set[str]
    members: dict[str, float]  # complaint id → received_at
    opened_at: float
    baseline: float
    emitted: int = 0
    updated_at: float = 0.0

    def export(self) -> dict[str, Any]:
        return {"id": self.alert_id, "key": self.key, "claims": sorted(self.claims), "m": self.members,
                "o": self.opened_at, "b": self.baseline, "e": self.emitted, "u": self.updated_at}

    @classmethod
    def load(cls, data: dict[str, Any]) -> _Alert:
        return cls(data["id"], data["key"], set(data["claims"]), dict(data["m"]), data["o"], data["b"],
                   data["e"], data["u"])


class SurgeDetector:
    """Feed observations in event-time order (roughly: late ones count only inside the window)."""

    def __init__(self, thresholds: Thresholds = Thresholds(), names: Callable[[str], str | None] | None = None,
                 labels: dict[str, str] | None = None) -> None:
        self.t = thresholds
        self.window_s = thresholds.window_minutes * 60.0
        self.alpha_day = 2.0 / (thresholds.history_days + 1.0)
        self.alpha_week = 2.0 / (thresholds.history_days / 7.0 + 1.0)
        self.names = names or (lambda code: None)
        self.labels = labels or {}
        self.now = 0.0
        self.first_day: int | None = None
        self.series: dict[str, dict[str, Any]] = {}  # key → {"w": {id: ts}, "l": level, "d": day, "c": count}
        self.profile: dict[str, Any] = {"p": [0.0] * HOURS_PER_WEEK, "n": [0] * HOURS_PER_WEEK, "h": None, "c": 0}
        self.alerts: dict[str, _Alert] = {}  # alert id → open alert
        # How often a complaint repeats a duplicate cluster that has a member within each scanned span
        # before it (decayed daily like the levels): how much a repeat says under normal traffic.
        self.repeat_rate: dict[str, Any] = {"r": [0.0] * len(SCALES), "a": 0.0, "d": None}
        self.cluster_of: dict[str, str] = {}  # complaint id → its cluster, for complaints in a window (derived)
        # The window entries: name → {complaint id: [received_at, keys]}; ``pending`` holds the complaints
        # added since the last export, which writes them as one new entry.
        self.windows: dict[str, dict[str, list]] = {}
        self.pending: dict[str, list] = {}
        self.dirty: set[str] = set()
        self.pruned_at = 0.0
        self.evicted_day = 0
        self.active: set[str] = set()  # keys with complaints in their window (derived, not stored)
        self.kecamatan_keys: dict[str, set[str]] = {}  # city key → the active kecamatan keys under it (derived)
        self._shapes: dict[int, float] = {}

    # --- the baseline ------------------------------------------------------------------------------

    def _fold_series(self, s: dict[str, Any], day: int) -> None:
        """Close the days before ``day`` into the key's EWMA (empty days count as zeros)."""
        if s["d"] is None:
            s["d"] = day
        if day > s["d"]:
            keep = 1.0 - self.alpha_day
            s["l"] = (s["l"] * keep + self.alpha_day * s["c"]) * keep ** (day - s["d"] - 1)
            s["d"], s["c"] = day, 0

    def _fold_profile(self, hour: int) -> None:
        p = self.profile
        if p["h"] is None:
            p["h"] = hour
        # Every hour that passed is a sample of its hour of the week; a gap longer than a week sets them all.
        for h in range(p["h"], min(hour, p["h"] + HOURS_PER_WEEK)):
            cell = h % HOURS_PER_WEEK
            p["p"][cell] = p["p"][cell] * (1.0 - self.alpha_week) + self.alpha_week * (p["c"] if h == p["h"] else 0)
            p["n"][cell] += 1
        if hour > p["h"]:
            p["h"], p["c"] = hour, 0
            self.dirty.add("profile")
            self._shapes.clear()

    def shape(self, at: float) -> float:
        """How busy this hour of the week is against the average hour (1 until a week was seen)."""
        hour = int(at // 3600) % HOURS_PER_WEEK
        if hour not in self._shapes:
            self._shapes[hour] = self._shape(hour)
        return self._shapes[hour]

    def _shape(self, hour: int) -> float:
        p = self.profile
        corrected = [p["p"][h] / (1.0 - (1.0 - self.alpha_week) ** p["n"][h]) if p["n"][h] else None
                     for h in range(HOURS_PER_WEEK)]
        seen = [v for v in corrected if v is not None]
        if len(seen) < HOURS_PER_WEEK:
            return 1.0
        mean = sum(seen) / len(seen)
        local = sum(corrected[(hour + d) % HOURS_PER_WEEK] for d in (-1, 0, 1)) / 3
        low, high = SHAPE_BOUNDS
        return min(high, max(low, local / mean)) if mean > 0 else 1.0

    def expected(self, key: str, at: float) -> float:
        """What the window ending at ``at`` usually holds for ``key``."""
        s = self.series.get(key)
        days = int(at // 86400) - (self.first_day if self.first_day is not None else int(at // 86400))
        if s is None or days <= 0:
            return self.t.floor
        day = int(at // 86400)
        keep = 1.0 - self.alpha_day
        level = s["l"] * keep ** max(0, day - s["d"]) if day >= s["d"] else s["l"]
        if day > s["d"]:
            level += self.alpha_day * s["c"] * keep ** (day - s["d"] - 1)
        per_day = level / (1.0 - keep ** days)
        return max(self.t.floor, per_day * self.window_s / 86400.0 * self.shape(at))

    # --- observing -----------------------------------------------------------------------------------

    def _learn_repeat(self, obs: Observation) -> None:
        """Count whether this complaint's cluster has a member within each scanned span before it."""
        rr = self.repeat_rate
        day = int(self.now // 86400)
        if rr["d"] is None:
            rr["d"] = day
        if day > rr["d"]:
            keep = (1.0 - self.alpha_day) ** (day - rr["d"])
            rr["r"], rr["a"], rr["d"] = [r * keep for r in rr["r"]], rr["a"] * keep, day
        rr["a"] += 1
        cluster = self.series.get(f"cluster|{obs.topic}|{obs.cluster_id}") if obs.cluster_id else None
        mates = cluster["w"].values() if cluster else ()
        for i, fraction in enumerate(SCALES):
            if any(obs.received_at - fraction * self.window_s < ts <= obs.received_at for ts in mates):
                rr["r"][i] += 1
        self.dirty.add("repeats")

    def repeat_chance(self, scale: int) -> float:
        """The chance that a complaint repeats a cluster with a member in the span before it, from history
        (Jeffreys' prior: a young detector that has seen few complaints gives a repeat little weight)."""
        rr = self.repeat_rate
        return (rr["r"][scale] + 0.5) / (rr["a"] + 1.0)

    def observe(self, obs: Observation) -> list[SurgeAlert]:
        out = self.advance(obs.received_at)
        at = obs.received_at
        keys = obs.keys()
        if at <= self.now - self.window_s:
            # Older than the window (a partition read late, a catch-up): too late to be part of a surge
            # now, but still part of what is normal.
            for key in keys:
                s = self.series.setdefault(key, {"w": {}, "l": 0.0, "d": None, "c": 0})
                self._fold_series(s, int(self.now // 86400))
                s["c"] += 1
                self.dirty.add(key)
            self.profile["c"] += 1
            return out
        if any(obs.complaint_id in self.series.get(k, {}).get("w", {}) for k in keys):
            return out  # a replay of a complaint already counted (at-least-once upstream)
        owner = next((a for a in self.alerts.values() if a.claims.intersection(keys)), None)
        if owner is None:
            self._learn_repeat(obs)  # before the complaint joins its cluster's window
        if obs.cluster_id:
            self.cluster_of[obs.complaint_id] = obs.cluster_id
        for key in keys:
            s = self.series.setdefault(key, {"w": {}, "l": 0.0, "d": None, "c": 0})
            self._fold_series(s, int(self.now // 86400))
            s["w"][obs.complaint_id] = at
            self._activate(key)
            if owner is None:
                s["c"] += 1  # complaints of an alert do not teach the baseline
            self.dirty.add(key)
        self.pending[obs.complaint_id] = [at, keys]
        if owner is None:
            self.profile["c"] += 1
        if owner is not None:
            owner.members[obs.complaint_id] = at
            owner.claims.update(keys)
            earlier = None
            if at < owner.opened_at:  # a partition read late: the evidence may have been there earlier
                earlier = self._earliest(owner.key, owner.members, self._own(owner.key, owner.members))
            self.dirty.add(f"alert|{owner.alert_id}")
            if earlier is not None and earlier < owner.opened_at:
                owner.opened_at = earlier
                out.append(self._emit(owner, "updated"))
            else:
                out.extend(self._maybe_update(owner))
            return out
        for key in self._candidates(obs, keys):
            alert = self._evaluate(key, at)
            if alert is not None:
                out.append(alert)
                break
        return out

    def _candidates(self, obs: Observation, keys: list[str]) -> list[str]:
        """The keys a new complaint may open an alert under: its own, and for a report naming only its kab/kota
        the kecamatan of that kab/kota with reports in their window (it may be one of them), after its kab/kota."""
        own = [k for k in keys if not k.startswith("city|")]
        if obs.kecamatan or not obs.kabkota:
            return own
        return own + sorted(self.kecamatan_keys.get(f"city|{obs.topic}|{obs.kabkota}", ()))

    def _activate(self, key: str) -> None:
        if key not in self.active:
            self.active.add(key)
            city = self.city_key(key)
            if city is not None:
                self.kecamatan_keys.setdefault(city, set()).add(key)

    def _deactivate(self, key: str) -> None:
        self.active.discard(key)
        city = self.city_key(key)
        if city is not None and city in self.kecamatan_keys:
            self.kecamatan_keys[city].discard(key)
            if not self.kecamatan_keys[city]:
                del self.kecamatan_keys[city]

    def _own(self, key: str, members: dict[str, float]) -> set[str] | None:
        """A kecamatan alert's own reports when its members include reports naming only the kab/kota (they
        are judged with the kab/kota's unlocated traffic, ``evidence``), else None."""
        city = self.city_key(key)
        if city is None or not self.series.get(city, {}).get("w", {}).keys() & members.keys():
            return None
        return set(members) - set(self.series[city]["w"])

    @staticmethod
    def city_key(key: str) -> str | None:
        """The kab/kota-only reports a kecamatan key's evidence may add (the same topic, its kab/kota)."""
        if not key.startswith("kec|"):
            return None
        _kind, topic, code = key.split("|", 2)
        return f"city|{topic}|{code[:4]}"

    def _claimed(self) -> set[str]:
        return {cid for a in self.alerts.values() for cid in a.members}

    def _evaluate(self, key: str, at: float) -> SurgeAlert | None:
        city = self.city_key(key)
        # What the windows hold bounds what is unclaimed in them: most keys are far from a surge, and the
        # first day only learns (every place would look surprising before it).
        if self.now < (self.first_day + LEARNING_DAYS) * 86400 or (
                len(self.series.get(key, {}).get("w", ())) + len(self.series.get(city, {}).get("w", ()))
                < self.t.min_count):
            return None
        claimed = self._claimed()
        horizon = self.now - self.window_s
        unclaimed = lambda k: {cid: ts for cid, ts in self.series.get(k, {}).get("w", {}).items()  # noqa: E731
                               if ts > horizon and cid not in claimed}
        window = unclaimed(key)
        around = unclaimed(city) if city and len(window) >= self.t.min_count - 1 else {}
        if len(window) + len(around) < self.t.min_count:
            return None
        opened = self._earliest(key, window) if len(window) >= self.t.min_count else None
        if opened is None and around:  # the kecamatan's own reports and those naming only its kab/kota
            opened = self._earliest(key, {**window, **around}, own=set(window))
            window = {**window, **around} if opened is not None else window
        if opened is None:
            return None
        expected = self.expected(key, opened)
        if self._own(key, window) is not None:
            expected += self.expected(city, opened)
        related = self._related(window)
        if related is not None:  # the same event seen under another key: one alert, grown
            related.members.update(window)
            related.claims.update(self._keys_of(window))
            self.dirty.add(f"alert|{related.alert_id}")
            return next(iter(self._maybe_update(related)), None)
        alert_id = str(uuid.uuid5(_ALERT_NS, f"{key}|{opened}"))
        alert = _Alert(alert_id, key, self._keys_of(window) | {key}, dict(window), opened, expected, updated_at=opened)
        self.alerts[alert_id] = alert
        self.dirty.add(f"alert|{alert_id}")
        return self._emit(alert, "open")

    def _earliest(self, key: str, members: dict[str, float], own: set[str] | None = None) -> float | None:
        """The first moment (event time) the window ending there shows a surge, or None. Partitions are
        read in no common order, so the evidence is judged at each complaint's own time, not the clock's."""
        items = sorted((ts, cid) for cid, ts in members.items())
        return next((end for end, _ in items if self.evidence(key, items, end, own) <= self.t.p_value), None)

    def evidence(self, key: str, items: list[tuple[float, str]], end: float, own: set[str] | None = None) -> float:
        """The scan's chance under normal traffic of the window ending at ``end`` (``items``: its
        (received_at, complaint id), sorted): the smallest over the window's last sixth, half and whole
        — a burst's first ten minutes are as telling as a full hour of it — times three, so three looks
        are one test. 1.0 when no look holds ``min_count`` and ``ratio`` × normal.

        With ``own`` (a kecamatan's own reports among ``items``, the rest naming only its kab/kota), the
        normal traffic is the kecamatan's plus its kab/kota's reports without a kecamatan: 40 % of reports
        name only the city, and a flood's are among them. A look then needs ``min_count`` - 1 of the
        kecamatan's own (a city-wide surge of unlocated reports is the kab/kota key's, not any kecamatan's)."""
        expected, cluster, best = self.expected(key, end), key.startswith("cluster|"), 1.0
        if own is not None:
            expected += self.expected(self.city_key(key), end)
        for scale, fraction in enumerate(SCALES):
            span = [cid for ts, cid in items if end - fraction * self.window_s < ts <= end]
            mean = expected * fraction
            if own is not None and sum(1 for cid in span if cid in own) < self.t.min_count - 1:
                continue
            if len(span) >= self.t.min_count and len(span) >= self.t.ratio * mean:
                best = min(best, self.null_chance(span, mean, scale, cluster) * len(SCALES))
        return best

    def null_chance(self, span: list[str], mean: float, scale: int, cluster: bool) -> float:
        """How likely normal traffic is to give a span this full (a Poisson upper tail at the key's rate).

        A place's span is not always that many independent reports: the dedup stage puts reports of one
        thing in one cluster, and normal traffic can repeat a cluster minutes apart more often than a
        topic's rate in a place brings an independent report (neighbours report the same burst pipe
        within the hour). So normal traffic can fill a span two ways — all its reports independent, or
        its distinct clusters independent (Poisson at the key's rate) and the rest repeats of them
        (Poisson at the learned ``repeat_chance`` per distinct cluster) — and the chance is the sum.
        Without repeats it is the plain tail. A cluster's own key keeps the plain tail at its rate: its
        members are all repeats of each other, and that growth is the evidence it counts."""
        if cluster:
            return poisson_tail(len(span), mean)
        originals = len({self.cluster_of.get(cid, cid) for cid in span})
        repeated = len(span) - originals
        if not repeated:
            return poisson_tail(originals, mean)
        return min(1.0, poisson_tail(len(span), mean)
                   + poisson_tail(originals, mean) * poisson_tail(repeated, originals * self.repeat_chance(scale)))

    def _keys_of(self, complaints: dict[str, float]) -> set[str]:
        return {k for k in self.active if self.series[k]["w"].keys() & complaints.keys()}

    def _related(self, window: dict[str, float]) -> _Alert | None:
        """An open alert that shares a (topic, place) or a cluster with these complaints."""
        keys_of = self._keys_of(window)
        return next((a for a in self.alerts.values() if a.claims & keys_of), None)

    def advance(self, at: float) -> list[SurgeAlert]:
        """Move the event clock to ``at`` (never back): windows slide, days and hours close, alerts may close."""
        if at <= self.now:
            return []
        self.now = at
        day = int(at // 86400)
        if self.first_day is None:
            self.first_day = day
            self.dirty.add("clock")
        self._fold_profile(int(at // 3600))
        self.dirty.add("clock")
        horizon = at - self.window_s
        if at - self.pruned_at >= 60:
            self.pruned_at = at
            self._prune(horizon, day)
        closed = []
        for alert in list(self.alerts.values()):
            in_window = sum(1 for ts in alert.members.values() if ts > horizon)
            if in_window < max(self.t.min_count / 2, self.t.ratio * self.expected(alert.key, at)):
                closed.append(self._emit(alert, "closed"))
                del self.alerts[alert.alert_id]
                self.dirty.add(f"alert|{alert.alert_id}")
        return closed

    def _prune(self, horizon: float, day: int) -> None:
        for key in list(self.active):
            window = self.series[key]["w"]
            stale = [cid for cid, ts in window.items() if ts <= horizon]
            for cid in stale:
                del window[cid]
                if key.startswith("cluster|"):
                    self.cluster_of.pop(cid, None)
            if not window:  # the key's entry is unchanged: the window is in the window entries
                self._deactivate(key)
        for name, complaints in list(self.windows.items()):
            if all(ts <= horizon for ts, _keys in complaints.values()):
                del self.windows[name]
                self.dirty.add(name)
        if self.pending:  # a detector never exported (a replay) keeps only what is still in a window
            self.pending = {cid: entry for cid, entry in self.pending.items() if entry[0] > horizon}
        if day > self.evicted_day:  # once a day: keys nobody has used for weeks are forgotten
            self.evicted_day = day
            keep = 1.0 - self.alpha_day
            for key, s in list(self.series.items()):
                if not s["w"] and not s["c"] and s["l"] * keep ** max(0, day - (s["d"] or day)) < 0.01:
                    del self.series[key]
                    self.dirty.add(key)

    def _maybe_update(self, alert: _Alert) -> list[SurgeAlert]:
        if len(alert.members) >= alert.emitted + max(3, alert.emitted // 4):
            return [self._emit(alert, "updated")]
        return []

    # --- the alert ------------------------------------------------------------------------------------

    def _emit(self, alert: _Alert, state: str) -> SurgeAlert:
        kind, topic, code = alert.key.split("|", 2)
        horizon = self.now - self.window_s
        count = sum(1 for ts in alert.members.values() if ts > horizon)
        alert.emitted, alert.updated_at = len(alert.members), self.now
        members = sorted(alert.members, key=alert.members.get)[-MAX_MEMBERS:]
        region = None
        if kind != "cluster":
            region = code
        else:  # where the cluster is: the finest place all its counted members share
            places = {k.split("|")[2] for k in alert.claims if not k.startswith("cluster|")}
            region = max((p for p in places if all(q.startswith(p) or p.startswith(q) for q in places)),
                         key=len, default=None)
        city = self.series.get(self.city_key(alert.key) or "", {}).get("w", {})
        unlocated = sum(1 for cid, ts in alert.members.items() if ts > horizon and cid in city)
        as_dt = lambda ts: datetime.fromtimestamp(ts, timezone.utc)  # noqa: E731
        return SurgeAlert(
            alert_id=alert.alert_id, kind=KINDS[kind], state=state, topic=topic, region_code=region,
            region_name=self.names(region) if region else None, cluster_id=code if kind == "cluster" else None,
            window_minutes=self.t.window_minutes, count=count, baseline=round(alert.baseline, 3),
            message=self.message(kind, topic, region, count, alert.baseline, unlocated)[:500], member_ids=members,
            opened_at=as_dt(alert.opened_at), updated_at=as_dt(self.now),
            closed_at=as_dt(self.now) if state == "closed" else None)

    def place(self, code: str | None) -> str | None:
        if not code:
            return None
        name = self.names(code) or code
        if len(code) == 6:
            city = self.names(code[:4])
            return f"Kec. {name}" + (f" ({city})" if city else "")
        return name

    def message(self, kind: str, topic: str, region: str | None, count: int, baseline: float,
                unlocated: int = 0) -> str:
        label = self.labels.get(topic, topic)
        place = self.place(region)
        usual = f"biasanya {decimal_id(baseline)}"
        if unlocated and region:  # "…, 3 hanya menyebut Kota Bandung": counted as this kecamatan's, not named so
            usual = f"{unlocated} hanya menyebut {self.place(region[:4])}; {usual}"
        if kind == "cluster":
            where = f" dari {place}" if place else ""
            return f"{label}: {count} laporan serupa{where} dalam {self.t.window_minutes} menit ({usual})"
        return f"{label}: {count} laporan dari {place} dalam {self.t.window_minutes} menit ({usual})"

    # --- state ------------------------------------------------------------------------------------------

    def export(self) -> dict[str, Any]:
        """The entries changed since the last export (key → JSON-able value, None = deleted)."""
        if self.pending:
            name = self._pending_name()
            self.windows[name], self.pending = self.pending, {}
            self.dirty.add(name)
        changed = dict(self._entry(key) for key in self.dirty)
        self.dirty.clear()
        return changed

    def snapshot(self) -> dict[str, Any]:
        """Every live entry as `export` writes it: what a recovery needs (a compaction writes it again)."""
        keys = ["clock", "profile", "repeats", *(f"alert|{a}" for a in self.alerts), *self.windows, *self.series]
        entries = {name: value for name, value in map(self._entry, keys) if value is not None}
        if self.pending:  # under the name the next export gives it
            entries[self._pending_name()] = self.pending
        return entries

    def _pending_name(self) -> str:
        return f"window|{next(iter(self.pending))}"  # a complaint enters a window once: a unique name

    def _entry(self, key: str) -> tuple[str, Any]:
        """One entry of the state by its dirty-set key: (table key, JSON-able value or None)."""
        if key == "clock":
            return key, {"now": self.now, "first_day": self.first_day, "pruned_at": self.pruned_at}
        if key == "profile":
            return key, self.profile
        if key == "repeats":
            return key, self.repeat_rate
        if key.startswith("alert|"):
            alert = self.alerts.get(key.split("|", 1)[1])
            return key, alert.export() if alert else None
        if key.startswith("window|"):
            return key, self.windows.get(key)
        s = self.series.get(key)
        return f"series|{key}", None if s is None else {"l": s["l"], "d": s["d"], "c": s["c"]}

    def load(self, entries: Iterable[tuple[str, Any]]) -> int:
        """Rebuild from exported entries (the table after a restart); returns how many were read."""
        n = 0
        for key, value in entries:
            if value is None:
                continue
            n += 1
            if key == "clock":
                self.now, self.first_day = value["now"], value["first_day"]
                self.pruned_at = value.get("pruned_at", 0.0)
            elif key == "profile":
                self.profile = value
            elif key == "repeats":
                self.repeat_rate = value
            elif key.startswith("alert|"):
                alert = _Alert.load(value)
                self.alerts[alert.alert_id] = alert
            elif key.startswith("window|"):
                self.windows[key] = value
            elif key.startswith("series|"):
                self.series[key.removeprefix("series|")] = {"w": {}, **value}
                for cid, ts in value.get("w", {}).items():  # an entry written before windows had their own
                    self.pending.setdefault(cid, [ts, []])[1].append(key.removeprefix("series|"))
        # The windows as they were after the last prune: an entry is deleted only once all of its complaints
        # have left, so it may hold some that the prune at ``pruned_at`` took out of the windows.
        horizon = self.pruned_at - self.window_s
        for complaints in (*self.windows.values(), self.pending):
            for cid, (ts, keys) in complaints.items():
                if ts > horizon:
                    for key in keys:
                        self.series.setdefault(key, {"w": {}, "l": 0.0, "d": None, "c": 0})["w"][cid] = ts
        self.active, self.kecamatan_keys = set(), {}
        for key, s in self.series.items():
            if s["w"]:
                self._activate(key)
        self.cluster_of = {cid: key.split("|", 2)[2] for key in self.active if key.startswith("cluster|")
                           for cid in self.series[key]["w"]}
        self._shapes.clear()
        return n


@dataclass
class Replay:
    """Observations through a detector, with every alert event kept (the measurement's harness)."""

    detector: SurgeDetector
    events: list[SurgeAlert] = field(default_factory=list)

    def feed(self, observations: Iterable[Observation]) -> Replay:
        for obs in sorted(observations, key=lambda o: o.received_at):
            self.events.extend(self.detector.observe(obs))
        return self

    def opened(self) -> list[SurgeAlert]:
        return [e for e in self.events if e.state == "open"]
