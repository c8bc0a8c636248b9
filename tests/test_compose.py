"""docker-compose.yml cannot run here (no Docker engine); check what can be checked statically."""

import re
from pathlib import Path

import yaml

from aduan.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
SERVICES = COMPOSE["services"]


def test_every_aduan_variable_names_a_real_settings_field():
    fields = set(Settings.model_fields)
    seen = 0
    for name, service in SERVICES.items():
        for variable in (service.get("environment") or {}):
            if variable.startswith("ADUAN_"):
                seen += 1
                assert variable.removeprefix("ADUAN_").lower() in fields, f"{name}: {variable}"
    assert seen >= 10


def test_images_are_pinned():
    for name, service in SERVICES.items():
        image = service["image"]
        assert re.search(r":\d+(\.\d+)+", image) and not image.endswith(":latest"), f"{name}: {image}"


def test_the_real_servers_and_every_pipeline_stage_are_there():
    images = {service["image"].split(":")[0] for service in SERVICES.values()}
    assert {"apache/kafka", "docker.elastic.co/elasticsearch/elasticsearch", "docker.elastic.co/kibana/kibana"} <= images
    commands = {service.get("command", [None])[0] for service in SERVICES.values()}
    assert {"api", "worker", "indexer", "topics"} <= commands
    assert SERVICES["kafka"]["environment"]["KAFKA_PROCESS_ROLES"] == "broker,controller"  # KRaft, no ZooKeeper
    assert SERVICES["elasticsearch"]["image"].split(":")[1].startswith("8.")
    assert "xpack.security.enabled" in SERVICES["elasticsearch"]["environment"]
    for service in SERVICES.values():
        if service.get("command", [None])[0] in {"api", "worker", "indexer"}:
            assert "healthcheck" in service


def test_no_secret_values_in_the_compose_file():
    for service in SERVICES.values():
        for variable, value in (service.get("environment") or {}).items():
            if any(word in variable for word in ("SECRET", "SALT", "PASSWORD", "TOKEN")):
                assert str(value).startswith("${"), variable
