"""The topic contract: every topic aduan reads or writes, in one place.

Producers, the stream worker, the indexer, `aduan topics create` and the exported
schemas all read this registry, so a topic's name, key and value model cannot drift.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pydantic import BaseModel

from schemas.events import (
    CHANNELS, Channel, CitizenAnswer, Complaint, ComplaintCorrection, ComplaintRevision, ContactPreference, DeadLetter, DuplicateReport,
    NotificationRecord, RoutedComplaint, SurgeAlert, SlaEvent, StatusEvent,
)

DAY_MS = 24 * 60 * 60 * 1000


@dataclass(frozen=True)
class TopicSpec:
    name: str
    partitions: int
    key: str
    cleanup_policy: str
    value_model: type[BaseModel]
    description: str
    configs: dict[str, str] = field(default_factory=dict)

    def kafka_configs(self) -> dict[str, str]:
        return {"cleanup.policy": self.cleanup_policy, **self.configs}


RAW: dict[Channel, TopicSpec] = {
    channel: TopicSpec(
        name=f"complaints.raw.{channel}",
        partitions=3,
        key="sender_key",
        cleanup_policy="delete",
        value_model=Complaint,
        description=f"Canonical complaints as accepted from the {channel} channel, before processing.",
        configs={"retention.ms": str(30 * DAY_MS)},
    )
    for channel in CHANNELS
}

def raw_key(complaint: Complaint) -> str:
    """The key a raw complaint is published under: its sender's ``channel_meta.sender_key`` where the
    producer sets one (the channels where media arrives without text: WhatsApp, Messenger, Instagram,
    Twilio, Gammu), else its complaint_id.

    Why the sender: the stream stage's join window puts a photo and the text sent after it into one
    complaint. Keyed by complaint_id, the two land on different partitions, possibly on different
    workers, which see each other's state only after the sync interval (and read their partitions in
    no guaranteed order); keyed by sender, one sender's messages share a partition, so one worker
    reads them, in the order they were accepted. The key was already in clear on the answers and
    preferences topics (``contact_key``), and the value carries the contact anyway. One sender's
    flood stays on one partition, which is also where it belongs (the others keep flowing)."""
    sender = complaint.channel_meta.get("sender_key")
    return str(sender) if sender else complaint.complaint_id


ROUTED = TopicSpec(
    name="complaints.routed",
    partitions=6,
    key="complaint_id",
    # Compacted: the latest routing of every complaint is kept, so the index can be rebuilt from it.
    cleanup_policy="compact",
    value_model=RoutedComplaint,
    description="Normalised, located, deduplicated, classified and routed complaints.",
)

DUPLICATES = TopicSpec(
    name="complaints.duplicates",
    partitions=3,
    key="duplicate_of",
    cleanup_policy="delete",
    value_model=DuplicateReport,
    description="Exact duplicates (resends, same reporter and text): each raises the original's report_count.",
    configs={"retention.ms": str(90 * DAY_MS)},
)

STATUS = TopicSpec(
    name="complaints.status",
    partitions=6,
    key="complaint_id",
    # Not compacted: the whole status history is the audit trail.
    cleanup_policy="delete",
    value_model=StatusEvent,
    description="Lifecycle changes (diterima → … → selesai) with actor, reason and time.",
    configs={"retention.ms": "-1"},
)

SLA = TopicSpec(
    name="complaints.sla",
    partitions=3,
    key="complaint_id",
    cleanup_policy="delete",
    value_model=SlaEvent,
    description="SLA clock events per stage: warning, breached, met.",
    configs={"retention.ms": "-1"},
)

DEADLETTER = TopicSpec(
    name="complaints.deadletter",
    partitions=1,
    key="source topic",
    cleanup_policy="delete",
    value_model=DeadLetter,
    description="Input no stage could process, with the reason and the original bytes.",
    configs={"retention.ms": str(90 * DAY_MS)},
)

ANSWERS = TopicSpec(
    name="complaints.answers",
    partitions=3,
    key="contact_key",
    cleanup_policy="delete",
    value_model=CitizenAnswer,
    description="Citizens' structured answers (buttons, quick replies, YA/BELUM) to questions aduan asked.",
    configs={"retention.ms": str(90 * DAY_MS)},
)

REVISIONS = TopicSpec(
    name="complaints.revisions",
    partitions=3,
    key="complaint_id",
    # The audit trail of what providers said happened to a source message: kept like the status history.
    cleanup_policy="delete",
    value_model=ComplaintRevision,
    description="Provider edits, deletions and hides of a complaint's source message, appended to its history.",
    configs={"retention.ms": "-1"},
)

PREFERENCES = TopicSpec(
    name="complaints.preferences",
    partitions=3,
    key="contact_key",
    # Compacted: the latest opt-out state of every contact is what a sender must respect.
    cleanup_policy="compact",
    value_model=ContactPreference,
    description="Opt-outs and opt-ins per contact and channel (STOP, BERHENTI, provider opt-out types).",
)

NOTIFICATIONS = TopicSpec(
    name="complaints.notifications",
    partitions=3,
    key="notification_id",
    # Compacted: the latest record of each notification is what stops a restarted notifier sending twice.
    cleanup_policy="compact",
    value_model=NotificationRecord,
    description="Messages to reporters: what was decided, sent and delivered (provider receipts folded in).",
)

ALERTS = TopicSpec(
    name="complaints.alerts",
    partitions=1,
    key="alert_id",
    # Compacted: the latest state of every alert; one partition keeps an alert's updates in order.
    cleanup_policy="compact",
    value_model=SurgeAlert,
    description="Surges: far more complaints of a topic in a place (or a growing cluster) than usual.",
)

CORRECTIONS = TopicSpec(
    name="complaints.corrections",
    partitions=3,
    key="complaint_id",
    # Append-only and kept: every operator correction is both part of the case and a labelled example.
    cleanup_policy="delete",
    value_model=ComplaintCorrection,
    description="Operators' corrections of a complaint's topic or duplicate cluster (merge, split).",
    configs={"retention.ms": "-1"},
)

ALL_TOPICS: tuple[TopicSpec, ...] = (*RAW.values(), ROUTED, DUPLICATES, STATUS, SLA, ANSWERS, REVISIONS, PREFERENCES,
                                     NOTIFICATIONS, ALERTS, CORRECTIONS, DEADLETTER)


def by_name(name: str) -> TopicSpec:
    for spec in ALL_TOPICS:
        if spec.name == name:
            return spec
    raise KeyError(f"unknown topic {name!r}; known: {', '.join(t.name for t in ALL_TOPICS)}")
