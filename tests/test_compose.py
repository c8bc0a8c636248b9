"""docker-compose.yml cannot run here (no Docker engine); check what can be checked statically."""

import json
import re
from pathlib import Path

import yaml

from aduan.core.settings import Settings
from consumers.sinks.index import MAPPING

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


# --- Kibana saved objects (deploy/kibana/aduan.ndjson) loaded by the kibana-setup service ---

KIBANA_DIR = ROOT / "deploy" / "kibana"
SAVED_OBJECTS = [json.loads(line) for line in (KIBANA_DIR / "aduan.ndjson").read_text(encoding="utf-8").splitlines()
                 if line.strip()]
LENS_COUNT_OF_RECORDS = "___records___"  # Lens's pseudo-field for "count of documents"


def _mapped_fields(properties: dict, prefix: str = "") -> set[str]:
    fields = set()
    for name, spec in properties.items():
        path = prefix + name
        fields.add(path)
        fields |= _mapped_fields(spec.get("properties", {}), path + ".")
        fields |= {f"{path}.{sub}" for sub in spec.get("fields", {})}
    return fields


MAPPED_FIELDS = _mapped_fields(MAPPING["properties"])


def _objects(kind: str) -> list[dict]:
    return [obj for obj in SAVED_OBJECTS if obj["type"] == kind]


def _walk(value):
    """Every (key, value) pair in a JSON tree, decoding the JSON-in-a-string attributes Kibana uses."""
    if isinstance(value, str) and value[:1] in "[{":
        try:
            value = json.loads(value)
        except ValueError:
            return
    if isinstance(value, dict):
        for key, item in value.items():
            yield key, item
            yield from _walk(item)
    elif isinstance(value, list):
        for item in value:
            yield from _walk(item)


def test_every_saved_object_line_is_a_complete_object():
    assert len(SAVED_OBJECTS) >= 5
    for obj in SAVED_OBJECTS:
        assert {"type", "id", "attributes"} <= obj.keys(), obj.get("id")
        assert isinstance(obj["attributes"], dict) and obj["attributes"].get("title"), obj["id"]
        assert obj["coreMigrationVersion"] and obj["typeMigrationVersion"], obj["id"]
    keys = [(obj["type"], obj["id"]) for obj in SAVED_OBJECTS]
    assert len(keys) == len(set(keys))


def test_the_data_view_reads_the_alias_by_a_mapped_time_field():
    (data_view,) = _objects("index-pattern")
    assert data_view["attributes"]["title"] == Settings().index_alias
    time_field = data_view["attributes"]["timeFieldName"]
    assert MAPPING["properties"][time_field]["type"] == "date"
    # Kibana cannot mask per role: contacts stay out of Discover documents.
    hidden = {rule["value"] for rule in json.loads(data_view["attributes"]["sourceFilters"])}
    assert {"reporter.*", "reporter_key"} <= hidden


def test_every_field_a_visualization_uses_is_mapped():
    lenses = _objects("lens")
    assert len(lenses) >= 3
    seen = 0
    for lens in lenses:
        for key, value in _walk(lens["attributes"]):
            if key in ("sourceField", "field") and isinstance(value, str) and value != LENS_COUNT_OF_RECORDS:
                seen += 1
                assert value in MAPPED_FIELDS, f"{lens['id']}: {value}"
            if key == "query" and isinstance(value, str):
                for field in re.findall(r"([\w.]+)\s*:", value):
                    assert field in MAPPED_FIELDS, f"{lens['id']}: {field} in {value!r}"
    assert seen >= len(lenses)


def test_lens_layers_reference_the_data_view():
    (data_view,) = _objects("index-pattern")
    for lens in _objects("lens"):
        layers = lens["attributes"]["state"]["datasourceStates"]["formBased"]["layers"]
        names = {ref["name"]: ref for ref in lens["references"]}
        for layer_id, layer in layers.items():
            ref = names[f"indexpattern-datasource-layer-{layer_id}"]
            assert (ref["type"], ref["id"]) == ("index-pattern", data_view["id"])
            assert set(layer["columnOrder"]) == set(layer["columns"]), lens["id"]


def test_every_dashboard_reference_points_to_an_object_in_the_file():
    (dashboard,) = _objects("dashboard")
    assert dashboard["attributes"]["title"] == "Aduan – operasi"
    present = {(obj["type"], obj["id"]) for obj in SAVED_OBJECTS}
    references = {ref["name"]: ref for ref in dashboard["references"]}
    assert references
    for ref in references.values():
        assert (ref["type"], ref["id"]) in present, ref
    panels = json.loads(dashboard["attributes"]["panelsJSON"])
    assert 3 <= len(panels) <= 6
    for panel in panels:
        assert f"{panel['panelIndex']}:{panel['panelRefName']}" in references, panel


def test_kibana_setup_mounts_the_objects_and_posts_them_to_the_import_api():
    service = SERVICES["kibana-setup"]
    assert "./deploy/kibana:/setup:ro" in service["volumes"]
    assert service["depends_on"]["kibana"]["condition"] == "service_healthy"
    assert service["restart"] == "no"
    script = " ".join(service["command"])
    assert "/api/saved_objects/_import?overwrite=true" in script
    assert "kbn-xsrf: true" in script and "file=@/setup/aduan.ndjson" in script
    assert (KIBANA_DIR / "aduan.ndjson").is_file()
