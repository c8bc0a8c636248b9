"""SLA clocks for the LAPOR!-style complaint lifecycle, counted in working days.

Stages (limits come from ``data/sla_policy.json``; defaults are the national LAPOR! flow):

* ``verifikasi``    3 working days, started by ``diterima``, ended by ``terverifikasi`` (or ``diarsipkan``,
  or implicitly by ``terdisposisi``);
* ``tindak_lanjut`` 5 working days, started by ``terdisposisi``, ended by ``ditindaklanjuti``;
* ``penutupan``    10 working days, started by ``ditindaklanjuti``, ended by ``selesai``. It is the citizen's
  window, not a unit's obligation: on expiry the clock asks for an automatic close (an ``auto_close``
  signal, which the wiring turns into a system ``selesai`` StatusEvent) instead of recording a breach.

Counting (see consumers/cases/calendar.py): the day of an event is day 0, a limit of N ends at 23:59:59 of
working day N in the unit's local zone, and every working day the clock ran on counts whole.

Pauses: ``ditunda`` pauses the running stage. Waiting for the citizen is a ``ditunda`` whose reason starts
with ``menunggu_pelapor`` (e.g. "menunggu_pelapor: mohon lampirkan foto"); it pauses the same way but is
recorded as its own pause reason. The day of the pause is consumed; the working days after it, up to and
including the day the clock resumes, do not count, so the deadline moves by exactly those days. Any later
status other than ``ditunda`` (or ``resume()``, e.g. when the citizen replies) resumes the clock.

Re-routing (``bukan_wewenang`` with another unit, or any event that moves the case to another region)
keeps the working days used so far; the remaining ones are counted in the new unit's zone.

Everything is pure: the clock only changes through ``apply``/``pause``/``resume``/``tick`` with explicit
times, and ``to_state``/``from_state`` round-trip it through JSON.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal, Mapping

from consumers.cases.calendar import WorkingCalendar, zone_for
from schemas.events import CLOSED_STATUSES

DEFAULT_POLICY = Path(__file__).with_name("data") / "sla_policy.json"
STAGES = ("verifikasi", "tindak_lanjut", "penutupan")
WAITING_FOR_CITIZEN = "menunggu_pelapor"
PAUSE_STATUSES = frozenset({"ditunda"})
STATE_VERSION = 1
# Float working days are compared with this slack: 0.8 * 3 is 2.4000000000000004.
_EPSILON = 1e-6

SignalKind = Literal["warning", "breached", "met", "auto_close"]
ExpiryAction = Literal["breach", "auto_close"]


# -- policy -----------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class SlaPolicy:
    """Working-day limits per stage. Most specific wins: topic+priority, then priority, then topic, then
    the defaults."""

    defaults: Mapping[str, int]
    warning_threshold: float = 0.8
    on_expiry: Mapping[str, ExpiryAction] = field(default_factory=dict)
    by_topic: Mapping[str, Mapping[str, int]] = field(default_factory=dict)
    by_priority: Mapping[str, Mapping[str, int]] = field(default_factory=dict)
    by_topic_priority: Mapping[str, Mapping[str, Mapping[str, int]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if set(self.defaults) != set(STAGES):
            raise ValueError(f"defaults must give exactly the stages {STAGES}")
        if not 0 < self.warning_threshold < 1:
            raise ValueError("warning_threshold must be between 0 and 1")
        tables = [self.defaults, *self.by_topic.values(), *self.by_priority.values(),
                  *(t for per in self.by_topic_priority.values() for t in per.values())]
        for table in tables:
            for stage, days in table.items():
                if stage not in STAGES:
                    raise ValueError(f"unknown stage {stage!r} in policy")
                if not isinstance(days, int) or isinstance(days, bool) or days < 1:
                    raise ValueError(f"limit for {stage!r} must be a positive whole number of working days")
        for stage, action in self.on_expiry.items():
            if stage not in STAGES or action not in ("breach", "auto_close"):
                raise ValueError(f"bad on_expiry entry {stage!r}: {action!r}")

    @classmethod
    def from_dict(cls, doc: Mapping[str, Any]) -> SlaPolicy:
        return cls(defaults=doc["defaults"], warning_threshold=doc.get("warning_threshold", 0.8),
                   on_expiry=doc.get("on_expiry", {}), by_topic=doc.get("by_topic", {}),
                   by_priority=doc.get("by_priority", {}), by_topic_priority=doc.get("by_topic_priority", {}))

    @classmethod
    def load(cls, path: str | Path | None = None) -> SlaPolicy:
        return cls.from_dict(json.loads(Path(path or DEFAULT_POLICY).read_text(encoding="utf-8")))

    def limit(self, stage: str, topic: str | None = None, priority: str | None = None) -> int:
        if stage not in STAGES:
            raise ValueError(f"unknown stage {stage!r}; known: {', '.join(STAGES)}")
        for table in (self.by_topic_priority.get(topic or "", {}).get(priority or "", {}),
                      self.by_priority.get(priority or "", {}), self.by_topic.get(topic or "", {})):
            if stage in table:
                return table[stage]
        return self.defaults[stage]

    def expiry_action(self, stage: str) -> ExpiryAction:
        return self.on_expiry.get(stage, "breach")


@lru_cache(maxsize=1)
def default_policy() -> SlaPolicy:
    return SlaPolicy.load()


@lru_cache(maxsize=1)
def default_calendar() -> WorkingCalendar:
    return WorkingCalendar()


# -- one-shot deadlines (CLI, routing) --------------------------------------------------------------------

def due_at(stage: str, start: datetime, region_code: str | None, *, topic: str | None = None,
           priority: str | None = None, calendar: WorkingCalendar | None = None,
           policy: SlaPolicy | None = None) -> datetime:
    """Deadline of ``stage`` started at ``start`` (aware), in the region's local zone."""
    policy = policy or default_policy()
    calendar = calendar or default_calendar()
    return calendar.add_working_days(start, policy.limit(stage, topic, priority), region_code)


def parse_local(value: str, region_code: str | None) -> datetime:
    """ISO-8601 date or datetime; one without an offset is read in the region's local zone (a unit in
    Jayapura writing "09:00" means 09:00 WIT). A bare date means its midnight."""
    moment = datetime.fromisoformat(value.strip())
    return moment if moment.tzinfo else moment.replace(tzinfo=zone_for(region_code))


def format_due(stage: str, from_iso: str, region_code: str | None, *, topic: str | None = None,
               priority: str | None = None, calendar: WorkingCalendar | None = None,
               policy: SlaPolicy | None = None) -> str:
    """For ``aduan sla due``: the deadline as ISO-8601 with the local offset, e.g.
    ``2026-03-30T23:59:59+07:00``. A naive ``from_iso`` is local to the region (WIB when unknown)."""
    start = parse_local(from_iso, region_code)
    deadline = due_at(stage, start, region_code, topic=topic, priority=priority, calendar=calendar, policy=policy)
    return deadline.isoformat(timespec="seconds")


# -- the clock --------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class SlaSignal:
    """Something the wiring must publish: an SlaEvent (warning, breached, met) or, for ``auto_close``,
    a system ``selesai`` StatusEvent at ``due_at``."""

    kind: SignalKind
    stage: str
    due_at: datetime
    elapsed_working_days: float
    at: datetime
    unit_code: str | None = None

    def event_fields(self) -> dict[str, Any]:
        """Keyword arguments for ``schemas.events.SlaEvent`` (add ``complaint_id``)."""
        if self.kind == "auto_close":
            raise ValueError("auto_close is a status change (selesai), not an SlaEvent")
        return {"stage": self.stage, "kind": self.kind, "due_at": self.due_at,
                "elapsed_working_days": self.elapsed_working_days, "unit_code": self.unit_code, "at": self.at}


@dataclass
class _Stage:
    name: str
    limit: int
    started_at: datetime
    segment_start: datetime  # the event after whose local day the current run counts
    consumed: int = 0  # whole working days used before the current run (or up to the pause)
    due_at: datetime | None = None
    paused: bool = False
    pause_reason: str | None = None
    paused_at: datetime | None = None
    warned: bool = False
    breached: bool = False
    expiry_signalled: bool = False


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def _parse(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _require_aware(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        raise ValueError("aware datetime required")
    return moment


class SlaClock:
    """The SLA state machine of one complaint. Feed it status changes with ``apply`` and call ``tick``
    from a timer (at ``next_timer()``) so warnings, breaches and auto-closes fire with no traffic."""

    def __init__(self, region_code: str | None = None, unit_code: str | None = None, *, topic: str | None = None,
                 priority: str | None = None, calendar: WorkingCalendar | None = None,
                 policy: SlaPolicy | None = None):
        self.region_code = region_code
        self.unit_code = unit_code
        self.topic = topic
        self.priority = priority
        self.calendar = calendar or default_calendar()
        self.policy = policy or default_policy()
        self.stage: _Stage | None = None
        self.closed = False
        self.reopened = 0
        self.last_at: datetime | None = None
        self.history: list[dict[str, Any]] = []

    # -- queries ------------------------------------------------------------------------------------------

    def elapsed(self, now: datetime) -> float:
        """Working days used by the current stage at ``now`` (0 when no stage runs)."""
        stage = self.stage
        if stage is None:
            return 0.0
        if stage.paused:
            return float(stage.consumed)
        return stage.consumed + self.calendar.working_days_between(stage.segment_start, now, self.region_code)

    def next_timer(self) -> datetime | None:
        """When ``tick`` next has something to say (warning, breach or auto-close); None if nothing can
        fire (no stage, paused, or all said)."""
        stage = self.stage
        if stage is None or stage.paused or stage.due_at is None:
            return None
        if not stage.warned:
            target = self.policy.warning_threshold * stage.limit - stage.consumed
            warn_at = self.calendar.instant_after(stage.segment_start, max(target, 0.0), self.region_code)
            if warn_at <= stage.due_at:
                return warn_at
        if not (stage.breached or stage.expiry_signalled):
            return stage.due_at + timedelta(seconds=1)
        return None

    def sla_doc(self, now: datetime | None = None) -> dict[str, Any] | None:
        """The indexed ``sla`` fields (shape of ``schemas.events.SlaState``): the running stage, else the
        last finished one; None before any stage started."""
        if self.stage is not None:
            stage = self.stage
            moment = now or self.last_at or stage.started_at
            return {"stage": stage.name, "started_at": stage.started_at, "due_at": stage.due_at,
                    "breached": stage.breached or (not stage.paused and moment > stage.due_at
                                                   and self.policy.expiry_action(stage.name) == "breach"),
                    "elapsed_working_days": round(self.elapsed(moment), 4), "paused": stage.paused}
        if self.history:
            last = self.history[-1]
            return {"stage": last["stage"], "started_at": _parse(last["started_at"]), "due_at": _parse(last["due_at"]),
                    "breached": last["outcome"] == "breached", "elapsed_working_days": last["elapsed_working_days"],
                    "paused": False}
        return None

    # -- transitions --------------------------------------------------------------------------------------

    def apply(self, status: str, at: datetime, *, region_code: str | None = None, unit_code: str | None = None,
              reason: str | None = None) -> list[SlaSignal]:
        """Apply one status change. ``region_code``/``unit_code`` are the (new) handling unit's, when the
        event names one (re-routing); None keeps the current unit. Events older than the last one are
        treated as happening at the last one's time, so the clock never runs backwards."""
        at = self._clamp(at)
        signals = self.tick(at)
        if unit_code is not None:
            self.unit_code = unit_code
        if region_code is not None and region_code != self.region_code:
            self._reroute(at, region_code)
        stage = self.stage
        current = stage.name if stage else None

        if status in PAUSE_STATUSES:
            self.pause(at, reason)
        elif status == "bukan_wewenang":
            pass  # the re-route above is all it does: elapsed time stays with the complaint
        elif status == "diterima":
            signals += self._start_or_resume("verifikasi", at)
        elif status == "terverifikasi":
            if current == "verifikasi":
                signals += self._end(at)
        elif status == "terdisposisi":
            signals += self._start_or_resume("tindak_lanjut", at)
        elif status == "ditindaklanjuti":
            signals += self._start_or_resume("penutupan", at)
        elif status in CLOSED_STATUSES:
            signals += self._end(at)
            self.closed = True
        else:
            raise ValueError(f"unknown status {status!r}")
        return signals

    def apply_event(self, event: Any, region_code: str | None = None) -> list[SlaSignal]:
        """Apply a ``schemas.events.StatusEvent``; ``region_code`` is the region of ``event.unit_code``
        when it re-routes (the clock cannot look units up)."""
        return self.apply(event.status, event.at, region_code=region_code, unit_code=event.unit_code,
                          reason=event.reason)

    def pause(self, at: datetime, reason: str | None = None) -> list[SlaSignal]:
        """Stop the clock; the working day of ``at`` is consumed."""
        at = self._clamp(at)
        stage = self.stage
        if stage is None or stage.paused:
            return []
        signals = self.tick(at)
        stage.consumed += self._days_run(stage, at)
        stage.paused, stage.paused_at = True, at
        waiting = (reason or "").strip().lower().startswith(WAITING_FOR_CITIZEN)
        stage.pause_reason = WAITING_FOR_CITIZEN if waiting else "ditunda"
        return signals

    def resume(self, at: datetime) -> list[SlaSignal]:
        """Restart a paused clock; counting continues on the working day after ``at``."""
        at = self._clamp(at)
        stage = self.stage
        if stage is None or not stage.paused:
            return []
        stage.paused, stage.pause_reason, stage.paused_at = False, None, None
        stage.segment_start = at
        stage.due_at = self._due(stage)
        return self.tick(at)

    def tick(self, now: datetime) -> list[SlaSignal]:
        """Warnings, breaches and auto-closes due by ``now``, each emitted once per stage."""
        _require_aware(now)
        stage = self.stage
        if stage is None or stage.paused or stage.due_at is None:
            return []
        signals: list[SlaSignal] = []
        elapsed = self.elapsed(now)
        overdue = now > stage.due_at
        if not stage.warned:
            if overdue:
                stage.warned = True  # a warning after the deadline would only be noise next to the breach
            elif elapsed >= self.policy.warning_threshold * stage.limit - _EPSILON:
                stage.warned = True
                signals.append(self._signal("warning", stage, elapsed, now))
        if overdue:
            if self.policy.expiry_action(stage.name) == "auto_close":
                if not stage.expiry_signalled:
                    stage.expiry_signalled = True
                    signals.append(self._signal("auto_close", stage, elapsed, now))
            elif not stage.breached:
                stage.breached = True
                signals.append(self._signal("breached", stage, elapsed, now))
        return signals

    # -- internals ----------------------------------------------------------------------------------------

    def _clamp(self, at: datetime) -> datetime:
        _require_aware(at)
        if self.last_at is not None and at < self.last_at:
            at = self.last_at
        self.last_at = at
        return at

    def _days_run(self, stage: _Stage, until: datetime) -> int:
        """Whole working days of the current run up to and including ``until``'s local day."""
        start_day = self.calendar.local(stage.segment_start, self.region_code).date()
        until_day = self.calendar.local(until, self.region_code).date()
        return self.calendar.count_working_days(start_day, until_day, self.region_code)

    def _due(self, stage: _Stage) -> datetime:
        remaining = max(stage.limit - stage.consumed, 0)
        return self.calendar.add_working_days(stage.segment_start, remaining, self.region_code)

    def _signal(self, kind: SignalKind, stage: _Stage, elapsed: float, at: datetime) -> SlaSignal:
        return SlaSignal(kind=kind, stage=stage.name, due_at=stage.due_at, elapsed_working_days=round(elapsed, 4),
                         at=at, unit_code=self.unit_code)

    def _reroute(self, at: datetime, region_code: str) -> None:
        stage = self.stage
        if stage is not None and not stage.paused:
            stage.consumed += self._days_run(stage, at)
            stage.segment_start = at
        self.region_code = region_code
        if stage is not None and not stage.paused:
            stage.due_at = self._due(stage)

    def _start_or_resume(self, name: str, at: datetime) -> list[SlaSignal]:
        if self.stage is not None and self.stage.name == name and not self.closed:
            return self.resume(at)  # a repeated status continues the stage; it restarts nothing
        signals = self._end(at)
        if self.closed:
            self.closed = False
            self.reopened += 1
        stage = _Stage(name=name, limit=self.policy.limit(name, self.topic, self.priority), started_at=at,
                       segment_start=at)
        stage.due_at = self._due(stage)
        self.stage = stage
        return signals

    def _end(self, at: datetime) -> list[SlaSignal]:
        stage = self.stage
        if stage is None:
            return []
        signals = self.resume(at) if stage.paused else []
        elapsed = self.elapsed(at)
        auto_close = self.policy.expiry_action(stage.name) == "auto_close"
        late = at > stage.due_at
        if auto_close:
            outcome = "met"  # the citizen's window: closing late is the automatic close, not a failure
        else:
            outcome = "breached" if stage.breached or late else "met"
        if outcome == "met":
            signals.append(self._signal("met", stage, elapsed, at))
        elif not stage.breached:
            stage.breached = True
            signals.append(self._signal("breached", stage, elapsed, at))
        self.history.append({
            "stage": stage.name, "limit": stage.limit, "started_at": _iso(stage.started_at),
            "ended_at": _iso(at), "due_at": _iso(stage.due_at), "outcome": outcome,
            "elapsed_working_days": round(elapsed, 4), "unit_code": self.unit_code, "region_code": self.region_code,
            **({"auto_closed": stage.expiry_signalled or late} if auto_close else {}),
        })
        self.stage = None
        return signals

    # -- persistence --------------------------------------------------------------------------------------

    def to_state(self) -> dict[str, Any]:
        """JSON-able snapshot (datetimes as ISO-8601 strings with offsets)."""
        stage = None
        if self.stage is not None:
            stage = {key: _iso(value) if isinstance(value, datetime) else value
                     for key, value in asdict(self.stage).items()}
        return {"version": STATE_VERSION, "region_code": self.region_code, "unit_code": self.unit_code,
                "topic": self.topic, "priority": self.priority, "closed": self.closed, "reopened": self.reopened,
                "last_at": _iso(self.last_at), "stage": stage, "history": [dict(item) for item in self.history]}

    @classmethod
    def from_state(cls, state: Mapping[str, Any], *, calendar: WorkingCalendar | None = None,
                   policy: SlaPolicy | None = None) -> SlaClock:
        if state.get("version") != STATE_VERSION:
            raise ValueError(f"unsupported SLA state version {state.get('version')!r}")
        clock = cls(state.get("region_code"), state.get("unit_code"), topic=state.get("topic"),
                    priority=state.get("priority"), calendar=calendar, policy=policy)
        clock.closed = bool(state.get("closed"))
        clock.reopened = int(state.get("reopened", 0))
        clock.last_at = _parse(state.get("last_at"))
        clock.history = [dict(item) for item in state.get("history", [])]
        raw = state.get("stage")
        if raw is not None:
            dates = ("started_at", "segment_start", "due_at", "paused_at")
            clock.stage = _Stage(**{key: _parse(value) if key in dates else value for key, value in raw.items()})
        return clock
