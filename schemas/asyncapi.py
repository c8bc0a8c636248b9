"""An AsyncAPI 3.0.0 document of every topic, for downstream subscribers and their tooling.

Built from the topic registry and the exported JSON Schemas, so channels, keys and payloads
cannot drift from what producers actually write. Payload schemas are ``schemas.export``'s,
with their ``$defs`` moved to ``components.schemas`` (one copy of Reporter, Attachment, …).
"""

from __future__ import annotations

import copy
import json
from datetime import datetime, timedelta, timezone
from importlib import metadata
from pathlib import Path

from pydantic import BaseModel

from schemas.events import (
    Attachment, CitizenAnswer, Complaint, ComplaintCorrection, ComplaintRevision, ContactPreference, DeadLetter, DuplicateReport,
    LocationHint, NotificationRecord, Reporter, RoutedComplaint, SlaEvent, SlaState, StatusEvent, SurgeAlert,
)
from schemas.export import event_schemas
from schemas.topics import (
    ALERTS, ALL_TOPICS, ANSWERS, CORRECTIONS, DEADLETTER, DUPLICATES, NOTIFICATIONS, PREFERENCES, RAW, REVISIONS, ROUTED, SLA, STATUS,
    TopicSpec,
)

ASYNCAPI_VERSION = "3.0.0"
KAFKA_BINDING_VERSION = "0.5.0"
COMPONENT_SCHEMAS = "#/components/schemas/"

# Who inside aduan writes each topic: the `send` operations say so.
PUBLISHERS: dict[str, str] = {
    **{spec.name: "the intake producers (web form, SMS gateways, social webhooks, IMAP poller)"
       for spec in RAW.values()},
    ROUTED.name: "the stream worker, after normalise → locate → deduplicate → classify → route",
    DUPLICATES.name: "the stream worker, when a resend or the same reporter's same text arrives again",
    STATUS.name: "operators and units (through the API) and the SLA clock (automatic closing)",
    SLA.name: "the SLA clock, counting Indonesian working days per stage",
    ANSWERS.name: "the intake producers, when a message is a button, quick reply or keyword answer",
    REVISIONS.name: "the social producers, when a provider reports an edit, deletion or hide",
    PREFERENCES.name: "the intake producers, on opt-out keywords and provider opt-out types",
    NOTIFICATIONS.name: "the notifier, before and after each message to a reporter",
    ALERTS.name: "the surge detector beside the stream stage, when a window's count is far above its baseline",
    CORRECTIONS.name: "operators (through the API), when they correct a complaint's topic or cluster",
    DEADLETTER.name: "any stage that gives up: producers, the stream worker, the indexer",
}

# Keys are UTF-8 strings; the registry names them, this says what they look like.
KEY_SCHEMAS: dict[str, dict] = {
    "complaint_id": {"type": "string", "format": "uuid",
                     "description": "The event's complaint_id (UUIDv5 of channel and provider message id), UTF-8."},
    "sender_key": {"type": "string",
                   "description": "channel_meta.sender_key of the complaint (channel:kind:value of the sender's contact, "
                                  "so one sender's messages share a partition and the join window sees them in order), "
                                  "or its complaint_id when the producer sets none (web, e-mail, Kannel); UTF-8."},
    "duplicate_of": {"type": "string", "format": "uuid",
                     "description": "complaint_id of the original complaint, so every duplicate of one case "
                                    "lands on the same partition; UTF-8."},
    "contact_key": {"type": "string",
                    "description": "channel:kind:value of the normalised contact, e.g. sms:phone:+628123…; UTF-8."},
    "alert_id": {"type": "string", "description": "The alert's id, the same from open to closed; UTF-8."},
    "notification_id": {"type": "string",
                        "description": "The notification's id, derived from the causing event and template; UTF-8."},
    "source topic": {"type": "string",
                     "description": "The topic the record came from (e.g. complaints.raw.web), or "
                                    "`<stage>:<channel>` when a producer failed before anything reached Kafka; UTF-8."},
}


def asyncapi_document() -> dict:
    schemas, payloads = _component_schemas()
    messages = _messages(payloads)
    channels, operations = {}, {}
    for spec in ALL_TOPICS:
        channel_id = _channel_id(spec)
        message_id = _message_id(spec)
        channels[channel_id] = {
            "address": spec.name,
            "title": spec.name,
            "description": spec.description,
            "messages": {message_id: {"$ref": f"#/components/messages/{message_id}"}},
            "bindings": {"kafka": _channel_binding(spec)},
        }
        channel_ref = {"$ref": f"#/channels/{channel_id}"}
        message_refs = [{"$ref": f"#/channels/{channel_id}/messages/{message_id}"}]
        operations[f"receive{channel_id[0].upper()}{channel_id[1:]}"] = {
            "action": "receive",
            "channel": channel_ref,
            "title": f"Subscribe to {spec.name}",
            "summary": f"A downstream subscriber reads {spec.value_model.__name__} events from {spec.name}.",
            "description": "Decode the value as JSON and validate it against the payload schema; the key is in "
                           "the message's Kafka binding. Subscribers use their own consumer group.",
            "messages": message_refs,
        }
        operations[f"send{channel_id[0].upper()}{channel_id[1:]}"] = {
            "action": "send",
            "channel": channel_ref,
            "title": f"aduan publishes to {spec.name}",
            "summary": f"Written by {PUBLISHERS[spec.name]}.",
            "description": "Published with acks=all and the idempotent producer: a record is acknowledged "
                           "before the sender is told it was accepted.",
            "messages": message_refs,
        }
    return {
        "asyncapi": ASYNCAPI_VERSION,
        "id": "urn:aduan:events",
        "info": _info(),
        "servers": _servers(),
        "defaultContentType": "application/json",
        "channels": channels,
        "operations": operations,
        "components": {"schemas": schemas, "messages": messages},
    }


def write(path: Path) -> Path:
    """Write the document; ``.yaml``/``.yml`` gives YAML (needs PyYAML), anything else JSON."""
    path = Path(path)
    document = asyncapi_document()
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix.lower() in (".yaml", ".yml"):
        try:
            import yaml  # only YAML output needs it
        except ImportError as exc:
            raise RuntimeError("YAML output needs PyYAML (pip install PyYAML); or write a .json file") from exc
        path.write_text(yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=120))
    else:
        path.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
    return path


def _info() -> dict:
    try:
        version = metadata.version("aduan")
    except metadata.PackageNotFoundError:  # running from a plain checkout
        version = "0.0.0"
    return {
        "title": "aduan events",
        "version": version,
        "description": (
            "Kafka topics of aduan, the pipeline for Indonesian public complaints (pengaduan masyarakat). "
            "Every value is UTF-8 JSON carrying `schema_version`; unknown fields are refused within a version, "
            "so a subscriber can validate strictly. Keys are UTF-8 strings described in each message's Kafka "
            "binding.\n\nPrivacy: values carry citizen contacts in clear and a `privacy` field "
            "(publik, anonim, rahasia). Subscribers must never show `rahasia` complaints to analysts or the "
            "public, never reveal `anonim` reporters outside operators, and mask contacts for analysts."
        ),
        "license": {"name": "Apache-2.0", "url": "https://www.apache.org/licenses/LICENSE-2.0"},
        "tags": [{"name": "pengaduan"}, {"name": "kafka"}],
    }


def _servers() -> dict:
    return {
        "production": {
            "host": "{bootstrap}",
            "protocol": "kafka",
            "protocolVersion": "3.9",
            "title": "Production Kafka",
            "description": "The deployment's brokers: the value of `ADUAN_KAFKA_BOOTSTRAP` "
                           "(host:port; the docker compose stack uses kafka:9092).",
            "variables": {"bootstrap": {"default": "kafka:9092",
                                        "description": "A bootstrap broker, as in ADUAN_KAFKA_BOOTSTRAP.",
                                        "examples": ["kafka:9092", "kafka-1.aduan.internal:9092"]}},
        },
        "local": {
            "host": "127.0.0.1:{port}",
            "protocol": "kafka",
            "title": "Local stack",
            "description": "`aduan up` starts a local broker on a free port and prints it "
                           "(`servers up: kafka=127.0.0.1:PORT`).",
            "variables": {"port": {"default": "9092", "description": "The port `aduan up` printed."}},
        },
    }


def _channel_id(spec: TopicSpec) -> str:
    head, *rest = spec.name.split(".")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def _message_id(spec: TopicSpec) -> str:
    # One message per value model, unless two topics carry the same model under different keys.
    name = spec.value_model.__name__
    keys = {other.key for other in ALL_TOPICS if other.value_model is spec.value_model}
    return name if len(keys) == 1 else f"{name}_{_channel_id(spec)}"


def _channel_binding(spec: TopicSpec) -> dict:
    configs = spec.kafka_configs()
    topic_configuration: dict = {"cleanup.policy": configs["cleanup.policy"].split(",")}
    for name in ("retention.ms", "retention.bytes", "delete.retention.ms", "max.message.bytes"):
        if name in configs:
            topic_configuration[name] = int(configs[name])
    return {"partitions": spec.partitions, "topicConfiguration": topic_configuration,
            "bindingVersion": KAFKA_BINDING_VERSION}


def _component_schemas() -> tuple[dict[str, dict], dict[str, dict]]:
    """``components.schemas`` and the payload schema per model, from ``schemas.export``."""
    shared: dict[str, dict] = {}
    payloads: dict[str, dict] = {}
    for name, schema in event_schemas().items():
        schema = copy.deepcopy(schema)
        for def_name, definition in schema.pop("$defs", {}).items():
            definition = _rebase_refs(definition)
            if shared.setdefault(def_name, definition) != definition:
                raise ValueError(f"two models define {def_name} differently")
        # $id/$schema would change how refs resolve inside the AsyncAPI document; x-topics is said by channels.
        for key in ("$id", "$schema", "x-topics"):
            schema.pop(key, None)
        payloads[name] = _rebase_refs(schema)
    overlap = set(shared) & set(payloads)
    if overlap:
        raise ValueError(f"nested model names collide with event names: {sorted(overlap)}")
    return {**dict(sorted(shared.items())), **payloads}, payloads


def _rebase_refs(node):
    if isinstance(node, dict):
        return {key: (value.replace("#/$defs/", COMPONENT_SCHEMAS) if key == "$ref" and isinstance(value, str)
                      else _rebase_refs(value))
                for key, value in node.items()}
    if isinstance(node, list):
        return [_rebase_refs(item) for item in node]
    return node


def _messages(payloads: dict[str, dict]) -> dict[str, dict]:
    examples = _examples()
    messages = {}
    for spec in ALL_TOPICS:
        message_id = _message_id(spec)
        if message_id in messages:
            continue
        model = spec.value_model
        topics = [other.name for other in ALL_TOPICS if _message_id(other) == message_id]
        messages[message_id] = {
            "name": model.__name__,
            "title": model.__name__,
            "summary": (model.__doc__ or spec.description).strip().splitlines()[0],
            "description": f"Carried on {', '.join(topics)}. Value: UTF-8 JSON, `schema_version` 1.",
            "contentType": "application/json",
            "payload": {"$ref": f"{COMPONENT_SCHEMAS}{model.__name__}"},
            "bindings": {"kafka": {"key": KEY_SCHEMAS.get(spec.key, _key_schema(spec)),
                                   "bindingVersion": KAFKA_BINDING_VERSION}},
            "examples": [{"name": name, "summary": summary, "payload": event.model_dump(mode="json")}
                         for name, summary, event in examples[model.__name__]],
        }
        if model.__name__ not in payloads:
            raise ValueError(f"no exported schema for {model.__name__}")
    return messages


def _key_schema(spec: TopicSpec) -> dict:
    return {"type": "string", "description": f"{spec.key}, UTF-8."}


# Examples are real model instances, so they pass the models' own validation (ids derived, bounds, enums).
EXAMPLE_TIME = datetime(2026, 3, 9, 2, 15, tzinfo=timezone.utc)  # Monday 09:15 WIB


def example_events() -> dict[str, list[tuple[str, str, BaseModel]]]:
    """Per model name: (example name, summary, event). Public so tests and docs use the same ones."""
    return _examples()


def _examples() -> dict[str, list[tuple[str, str, BaseModel]]]:
    t = EXAMPLE_TIME
    web = Complaint.new(
        channel="web", provider_message_id="form-7f3a9c", received_at=t,
        reporter=Reporter(name="Siti Rahmawati", email="siti.rahmawati@example.id", phone="+6281234567890"),
        subject="Sertifikat PTSL belum dibagikan",
        text="Saya mendaftar PTSL sejak Maret 2023 di Desa Sukamaju, Kecamatan Cibungbulang, Kabupaten Bogor, "
             "tetapi sampai sekarang sertifikat tanah kami belum juga dibagikan.",
        language="id", location=LocationHint(text="Desa Sukamaju, Cibungbulang, Kab. Bogor", region_code="3201"),
        attachments=[Attachment(filename="bukti-pendaftaran.jpg", content_type="image/jpeg", size_bytes=184_233,
                                sha256="9b0c5a3f4e1d2c7b8a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b")],
        channel_meta={"form_version": "2"},
        raw_ref="sha256:4f2d6c0e8a1b3d5f7092a4c6e8b0d2f4a6c8e0b2d4f6a8c0e2b4d6f8a0c2e4b6",
    )
    sms = Complaint.new(
        channel="sms", provider_message_id="SM5f1e0d2c3b4a59687766554433221100", received_at=t + timedelta(minutes=4),
        reporter=Reporter(phone="+6285712345678"),
        text="lampu PJU di jl. ahmad yani depan pasar baru mati sdh 2 minggu, mohon diperbaiki",
        privacy="anonim", channel_meta={"provider": "twilio", "parts": 1},
    )
    social = Complaint.new(
        channel="social", provider_message_id="x:1898765432101234567", received_at=t + timedelta(minutes=9),
        reporter=Reporter(handle="x:warga_depok"),
        text="@pemkot_depok sampah di TPS Jl. Margonda belum diangkut 5 hari, bau sekali #Depok",
        channel_meta={"platform": "x", "mentions": ["pemkot_depok"], "hashtags": ["Depok"]},
    )
    email = Complaint.new(
        channel="email", provider_message_id="<CAF3d9k2@mail.example.id>", received_at=t + timedelta(minutes=12),
        reporter=Reporter(name="Budi Santoso", email="budi.santoso@example.id"),
        subject="Pungutan liar pembuatan KTP-el", privacy="rahasia",
        text="Petugas meminta uang Rp200.000 agar KTP-el saya cepat dicetak. Mohon identitas saya dirahasiakan.",
        channel_meta={"message_id": "<CAF3d9k2@mail.example.id>"},
    )
    routed = RoutedComplaint(
        **web.model_dump(), reporter_key="5c1f0e9b2a7d4c3e8f6a1b0d9e2c7f4a",
        normalised_text=web.text.lower(), topic="pertanahan", topic_label="Pertanahan", confidence=0.93,
        region_code="3201", region_name="Kabupaten Bogor", instansi_code="ATR-BPN",
        instansi_name="Kementerian Agraria dan Tata Ruang/Badan Pertanahan Nasional",
        unit_code="ATR-BPN.3201", unit_name="Kantor Pertanahan Kabupaten Bogor", status="diterima",
        sla=SlaState(stage="verifikasi", started_at=t, due_at=t + timedelta(days=3)),
        routed_at=t + timedelta(seconds=2),
    )
    resend = Complaint.new(channel="web", provider_message_id="form-7f3b01", received_at=t + timedelta(hours=1),
                           reporter=web.reporter, text=web.text)
    duplicate = DuplicateReport(complaint_id=resend.complaint_id, duplicate_of=web.complaint_id, channel="web",
                                reason="same_reporter_same_text", received_at=resend.received_at,
                                detected_at=resend.received_at + timedelta(seconds=1))
    verified = StatusEvent(event_id="9d7e5c3a-1b2f-4e6d-8c0a-2f4e6a8c0e1b", complaint_id=web.complaint_id,
                           status="terverifikasi", actor="operator.bogor@atrbpn.example.id", actor_role="operator",
                           at=t + timedelta(hours=5))
    rerouted = StatusEvent(event_id="0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", complaint_id=web.complaint_id,
                           status="bukan_wewenang", actor="unit:ATR-BPN.3201", actor_role="unit",
                           reason="Lokasi termasuk wilayah Kota Bogor.", unit_code="ATR-BPN.3271",
                           at=t + timedelta(days=1))
    sla = SlaEvent(complaint_id=web.complaint_id, stage="verifikasi", kind="warning", due_at=t + timedelta(days=3),
                   elapsed_working_days=2.0, unit_code="ATR-BPN.3201", at=t + timedelta(days=2))
    letter = DeadLetter(stage="streams.route", reason="invalid Complaint: 1 error: Field required (text)",
                        source_topic=RAW["sms"].name, partition=1, offset=4821, channel="sms",
                        raw=b'{"schema_version":1,"channel":"sms"}', failed_at=t + timedelta(minutes=5))
    answer = CitizenAnswer(
        answer_id="3e1d2c4b-5a6f-4b7c-8d9e-0f1a2b3c4d5e", contact_key="sms:phone:+6285712345678", channel="sms",
        provider_message_id="SM0a1b2c3d4e5f60718293a4b5c6d7e8f9", reporter=sms.reporter, kind="keyword",
        payload="YA", text="ya", received_at=t + timedelta(days=9))
    revision = ComplaintRevision(
        revision_id="6b5a4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d", complaint_id=social.complaint_id, channel="social",
        kind="withdrawn", provider="x", at=t + timedelta(hours=2))
    preference = ContactPreference(
        contact_key="sms:phone:+6285712345678", channel="sms", reporter=sms.reporter, opted_out=True,
        keyword="BERHENTI", source="keyword", provider_message_id="SM9f8e7d6c5b4a39281706f5e4d3c2b1a0",
        at=t + timedelta(days=20))
    notification = NotificationRecord(
        notification_id="1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f", complaint_id=sms.complaint_id, channel="sms",
        provider="twilio", template="diterima", result="delivered", provider_message_id="SMa1b2c3d4e5f60718293a4b5c6d7e8f90",
        attempts=1, at=t + timedelta(minutes=5))
    alert = SurgeAlert(
        alert_id="lingkungan:327301:2024-05-20T01", kind="topic_kecamatan", state="open", topic="lingkungan",
        region_code="327301", region_name="Kecamatan Sukasari", window_minutes=60, count=25, baseline=0.4,
        message="Lingkungan: 25 laporan dari Kec. Sukasari dalam 60 menit (biasanya 0,4)",
        member_ids=[web.complaint_id], opened_at=t + timedelta(hours=1), updated_at=t + timedelta(hours=1))
    correction = ComplaintCorrection(
        correction_id="7d6c5b4a-3e2f-4d1c-8b0a-9f8e7d6c5b4a", complaint_id=web.complaint_id, kind="topic",
        topic="infrastruktur", actor="operator.bogor@atrbpn.example.id", reason="Jalan desa, bukan sengketa tanah.",
        at=t + timedelta(hours=4))
    return {
        "ComplaintCorrection": [("topic", "An operator corrected the classifier's topic", correction)],
        "SurgeAlert": [("open", "A surge of environment complaints in one kecamatan", alert)],
        "CitizenAnswer": [("keyword", "The citizen answered YA to the closure question by SMS", answer)],
        "ComplaintRevision": [("withdrawn", "The citizen deleted the post the complaint came from", revision)],
        "ContactPreference": [("opt_out", "The citizen sent BERHENTI", preference)],
        "NotificationRecord": [("delivered", "The acknowledgement SMS was delivered", notification)],
        "Complaint": [("web", "Web form complaint with an attachment", web),
                      ("sms", "Anonymous SMS complaint", sms),
                      ("social", "Mention of the agency on X", social),
                      ("email", "Confidential (rahasia) email complaint", email)],
        "RoutedComplaint": [("routed", "The web complaint, classified and routed to a land office", routed)],
        "DuplicateReport": [("resend", "The same reporter sent the same text again", duplicate)],
        "StatusEvent": [("verified", "An operator verified the complaint", verified),
                        ("rerouted", "The unit declined: not its jurisdiction", rerouted)],
        "SlaEvent": [("warning", "Verification is due in one working day", sla)],
        "DeadLetter": [("invalid", "An SMS record without text", letter)],
    }
