from schemas.events import Event
from schemas.topics import ALL_TOPICS, RAW, by_name


def test_registry_has_the_contract_topics():
    names = {t.name for t in ALL_TOPICS}
    assert names == {"complaints.raw.web", "complaints.raw.sms", "complaints.raw.social", "complaints.raw.email",
                     "complaints.routed", "complaints.duplicates", "complaints.status", "complaints.sla",
                     "complaints.answers", "complaints.revisions", "complaints.preferences",
                     "complaints.notifications", "complaints.alerts", "complaints.corrections",
                     "complaints.deadletter"}
    assert len(names) == len(ALL_TOPICS)


def test_every_topic_carries_a_versioned_event():
    for spec in ALL_TOPICS:
        assert issubclass(spec.value_model, Event), spec.name
        assert spec.partitions >= 1 and spec.cleanup_policy in {"delete", "compact"}
        assert spec.kafka_configs()["cleanup.policy"] == spec.cleanup_policy


def test_status_history_is_never_compacted():
    assert by_name("complaints.status").cleanup_policy == "delete"


def test_raw_topics_by_channel():
    assert RAW["email"].name == "complaints.raw.email"


def test_a_stored_attachment_needs_its_blob_and_an_unavailable_one_does_not():
    import pytest
    from pydantic import ValidationError

    from schemas.events import Attachment

    with pytest.raises(ValidationError, match="sha256"):
        Attachment(filename="foto.jpg", content_type="image/jpeg", size_bytes=10)
    missing = Attachment(filename="foto.jpg", content_type="image/jpeg", size_bytes=0, status="unavailable",
                         kind="image", provider_media_id="1234")
    assert missing.sha256 is None
