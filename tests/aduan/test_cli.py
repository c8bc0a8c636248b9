"""The admin commands against the real broker."""

import json

import pytest
from kafka import KafkaAdminClient
from kafka.admin import ConfigResource, ConfigResourceType

from schemas.topics import ALL_TOPICS, STATUS
from tests.servers import run_aduan

pytestmark = pytest.mark.integration


def test_topics_create_is_idempotent_and_applies_the_registry(servers, server_env):
    first = run_aduan("topics", "create", env=server_env)
    again = run_aduan("topics", "create", env=server_env)
    assert first.returncode == 0 and again.returncode == 0, first.stderr + again.stderr
    assert again.stdout.count("exists") == len(ALL_TOPICS)
    admin = KafkaAdminClient(bootstrap_servers=servers.kafka)
    try:
        described = {t["name"]: t for t in admin.describe_topics([t.name for t in ALL_TOPICS])}
        for spec in ALL_TOPICS:
            assert len(described[spec.name]["partitions"]) == spec.partitions, spec.name
        configs = admin.describe_configs([ConfigResource(ConfigResourceType.TOPIC, STATUS.name)])
        assert "'cleanup.policy': {'value': 'delete'" in str(configs)
    finally:
        admin.close()


def test_schemas_export_writes_json_schema_files(tmp_path, server_env):
    result = run_aduan("schemas", "export", str(tmp_path / "out"), env=server_env)
    assert result.returncode == 0, result.stderr
    written = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert "Complaint.schema.json" in written and "DeadLetter.schema.json" in written
    assert json.loads((tmp_path / "out" / "StatusEvent.schema.json").read_text())["x-topics"] == ["complaints.status"]
