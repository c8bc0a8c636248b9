"""Builders for the events of ``schemas/events.py``: one per kind, shared by the tests.

Each builder makes a valid, unremarkable event from keyword arguments with defaults, so a test names
only what it is about; any other field of the model passes through ``**fields`` unchanged::

    from tests import factories as make

    make.complaint(text="Jalan rusak di Cibiru", channel="sms")
    make.routed(unit_code="PLN.3273", topic="energi", privacy="rahasia")   # complaint fields go through
    make.routed(make.complaint(...), unit_code="PLN.3273")                  # or route a complaint you have
    make.status(case.complaint_id, "selesai", actor_role="system", at=moment)

The builders, and what each returns:

    reporter(*, name="Budi", phone="+6281234567890", email=None, handle=None) -> Reporter
    complaint(*, text=TEXT, channel="web", privacy="publik", reporter=None, received_at=None,
              provider_message_id=None, **fields) -> Complaint
    routed(complaint=None, *, unit_code="DPUPR.3273", topic="infrastruktur", confidence=0.9,
           **fields) -> RoutedComplaint
    duplicate(duplicate_of, *, complaint_id=None, channel="web", reason="same_reporter_same_text",
              received_at=None, **fields) -> DuplicateReport
    status(complaint_id, status="terverifikasi", *, actor="operator", actor_role="operator", at=None,
           event_id=None, **fields) -> StatusEvent
    sla_state(stage="verifikasi", *, started_at=None, due_at=None, **fields) -> SlaState
    sla(complaint_id, kind="warning", *, stage="verifikasi", due_at=None, elapsed_working_days=2.4,
        **fields) -> SlaEvent
    dead_letter(raw=b"\\xff\\xfe not json", *, stage="tests", reason="not JSON", **fields) -> DeadLetter

What the defaults are, and when to pass your own:

- Times (``received_at``, ``at``, ``started_at``, ``due_at``) default to now, so an event falls inside
  every "recent" window (Open311's 90 days, the SLA clock). A test that asserts on a time, a weekday or
  an order in time passes its own.
- Identities are unique per call: ``provider_message_id`` (and so ``complaint_id`` and
  ``tracking_number``), a status ``event_id``, a duplicate's own ``complaint_id``. Tests sharing the one
  broker and search server never collide; a test that needs a stable or readable id passes it.
- ``complaint`` has no reporter (``Reporter()``) unless given one, so no two complaints are exact
  duplicates of each other; ``reporter()`` is a citizen with a name and a phone number, for tests about
  masking and privacy.
- ``routed`` takes a ``Complaint`` to route, or builds one: its ``**fields`` that belong to ``Complaint``
  (``text``, ``channel``, ``privacy``, ``reporter``, ``received_at``, ...) go to ``complaint()``, the rest
  (``region_code``, ``status``, ``sla``, ``routed_at``, ``reporter_key``, ...) to ``RoutedComplaint``.
  It sets none of the routing fields that have model defaults (``status``, ``report_count``, ...).
- ``sla`` defaults to a warning at 2.4 of the 3 working days of ``verifikasi``: 80 %, where the shipped
  policy warns.

A file whose events all share some values (a reporter, a unit, a fixed time) binds them once with
``functools.partial(make.routed, ...)``; a call can still override any of them.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from schemas.events import (
    Channel, Complaint, ComplaintCorrection, DeadLetter, DuplicateReport, Privacy, Reporter, RoutedComplaint, SlaEvent, SlaState,
    StatusEvent, utcnow,
)

TEXT = "Jalan berlubang di depan SDN 3, sudah dua bulan tidak diperbaiki."
UNIT_CODE = "DPUPR.3273"
TOPIC = "infrastruktur"

# The fields a RoutedComplaint adds to a Complaint: these stay with the routing, the rest build the complaint.
_ROUTING_FIELDS = frozenset(RoutedComplaint.model_fields) - frozenset(Complaint.model_fields)


def unique(prefix: str = "test") -> str:
    """A fresh identifier, e.g. ``test-3f2a...``."""
    return f"{prefix}-{uuid.uuid4().hex}"


def marker(prefix: str = "uji") -> str:
    """A unique word of letters only, to find a test's own complaints in shared topics and indexes.

    Digits would not do: a run of nine or more is a possible phone or NIK number, which every
    non-operator view masks (schemas.contact.scrub), so the word would no longer be found there."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    value = uuid.uuid4().int
    word = ""
    while value:
        value, digit = divmod(value, 26)
        word += letters[digit]
    return prefix + word[:16]


def reporter(*, name: str | None = "Budi", phone: str | None = "+6281234567890", email: str | None = None,
             handle: str | None = None) -> Reporter:
    """A citizen with contacts to mask; pass ``None`` to leave one out."""
    return Reporter(name=name, phone=phone, email=email, handle=handle)


def complaint(*, text: str = TEXT, channel: Channel = "web", privacy: Privacy = "publik",
              reporter: Reporter | dict | None = None, received_at: datetime | None = None,
              provider_message_id: str | None = None, **fields: Any) -> Complaint:
    """A canonical complaint, ids derived as intake derives them; ``**fields``: subject, location, ..."""
    return Complaint.new(channel=channel, provider_message_id=provider_message_id or unique(channel),
                         received_at=received_at or utcnow(), text=text, privacy=privacy,
                         reporter=reporter if reporter is not None else Reporter(), **fields)


_build_complaint = complaint  # for routed(), whose parameter takes the name


def routed(complaint: Complaint | None = None, *, unit_code: str = UNIT_CODE, topic: str = TOPIC,
           confidence: float = 0.9, **fields: Any) -> RoutedComplaint:
    """``complaint`` (built from the complaint fields among ``**fields`` when not given) as routed."""
    routing = {k: v for k, v in fields.items() if k in _ROUTING_FIELDS}
    complaint_fields = {k: v for k, v in fields.items() if k not in _ROUTING_FIELDS}
    if complaint is None:
        complaint = _build_complaint(**complaint_fields)
    elif complaint_fields:
        raise TypeError(f"complaint given: build it with {sorted(complaint_fields)} instead")
    return RoutedComplaint(**complaint.model_dump(), unit_code=unit_code, topic=topic, confidence=confidence,
                           **routing)


def duplicate(duplicate_of: str, *, complaint_id: str | None = None, channel: Channel = "web",
              reason: str = "same_reporter_same_text", received_at: datetime | None = None,
              **fields: Any) -> DuplicateReport:
    """Another report of ``duplicate_of`` (a complaint_id), under a fresh id of its own by default."""
    return DuplicateReport(complaint_id=complaint_id or unique("dup"), duplicate_of=duplicate_of, channel=channel,
                           reason=reason, received_at=received_at or utcnow(), **fields)


def status(complaint_id: str, status: str = "terverifikasi", *, actor: str = "operator",
           actor_role: str = "operator", at: datetime | None = None, event_id: str | None = None,
           **fields: Any) -> StatusEvent:
    """A status change of ``complaint_id``; ``**fields``: reason, unit_code (the target of bukan_wewenang)."""
    return StatusEvent(event_id=event_id or uuid.uuid4().hex, complaint_id=complaint_id, status=status, actor=actor,
                       actor_role=actor_role, at=at or utcnow(), **fields)


def correction(complaint_id: str, kind: str = "topic", *, actor: str = "desk", at: datetime | None = None,
               correction_id: str | None = None, **fields: Any) -> ComplaintCorrection:
    """An operator's correction of ``complaint_id``; ``**fields``: topic (kind topic), cluster_id (merge), reason."""
    return ComplaintCorrection(correction_id=correction_id or uuid.uuid4().hex, complaint_id=complaint_id, kind=kind,
                               actor=actor, at=at or utcnow(), **fields)


def sla_state(stage: str = "verifikasi", *, started_at: datetime | None = None, due_at: datetime | None = None,
              **fields: Any) -> SlaState:
    """The SLA clock as a routed complaint carries it; ``**fields``: breached, elapsed_working_days, paused."""
    now = utcnow()
    return SlaState(stage=stage, started_at=started_at or now, due_at=due_at or now, **fields)


def sla(complaint_id: str, kind: str = "warning", *, stage: str = "verifikasi", due_at: datetime | None = None,
        elapsed_working_days: float = 2.4, **fields: Any) -> SlaEvent:
    """An SLA signal about ``complaint_id``; ``**fields``: unit_code, at."""
    return SlaEvent(complaint_id=complaint_id, stage=stage, kind=kind, due_at=due_at or utcnow(),
                    elapsed_working_days=elapsed_working_days, **fields)


def dead_letter(raw: bytes = b"\xff\xfe not json", *, stage: str = "tests", reason: str = "not JSON",
                **fields: Any) -> DeadLetter:
    """What a stage gave up on; ``**fields``: source_topic, partition, offset, channel, failed_at."""
    return DeadLetter(stage=stage, reason=reason, raw=raw, **fields)
