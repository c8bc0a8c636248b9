"""deploy/kubernetes, checked without a cluster.

Kubernetes' own kinds validate strictly with kubernetes-validate (the API's OpenAPI schemas). No
PyPI package ships the Strimzi, ECK or KEDA CRD schemas, so their resources are checked against
the minimal schemas below (written here from the operators' documented fields: only what these
manifests use, unknown keys refused where a typo would silently do nothing) and by the invariants.
"""

import json
import re
from pathlib import Path

import jsonschema
import kubernetes_validate
import pytest
import yaml
from typer.testing import CliRunner

from aduan import cli, processes
from aduan.admin import kafka_topic_resources
from aduan.core.settings import Settings
from schemas.topics import ALL_TOPICS

ROOT = Path(__file__).resolve().parents[1]
BASE = ROOT / "deploy" / "kubernetes"
KUSTOMIZATION = yaml.safe_load((BASE / "kustomization.yaml").read_text())
K8S_VERSION = "1.30.0"


def _documents(path: Path) -> list[dict]:
    return [doc for doc in yaml.safe_load_all(path.read_text()) if doc]


RESOURCES = [doc for name in KUSTOMIZATION["resources"] for doc in _documents(BASE / name)]
OPTIONAL = [doc for path in sorted((BASE / "optional").glob("*.yaml")) for doc in _documents(path)]
BY_KIND: dict[str, dict[str, dict]] = {}
for _doc in RESOURCES + OPTIONAL:
    BY_KIND.setdefault(_doc["kind"], {})[_doc["metadata"]["name"]] = _doc
WORKLOADS = {**BY_KIND["Deployment"], **BY_KIND["StatefulSet"]}
CONFIG = dict(line.split("=", 1) for line in KUSTOMIZATION["configMapGenerator"][0]["literals"])


def _strict(properties: dict, required: list[str] | None = None) -> dict:
    return {"type": "object", "properties": properties, "required": required or list(properties),
            "additionalProperties": False}


_META = {"type": "object", "required": ["name"]}
_STRIMZI_CLUSTER = {"type": "object", "properties": {"labels": {"type": "object", "required": ["strimzi.io/cluster"]}},
                    "required": ["name", "labels"]}
CRD_SCHEMAS = {
    ("kafka.strimzi.io/v1beta2", "KafkaTopic"): _strict({
        "apiVersion": {}, "kind": {}, "metadata": _STRIMZI_CLUSTER,
        "spec": _strict({"topicName": {"type": "string"}, "partitions": {"type": "integer", "minimum": 1},
                         "replicas": {"type": "integer", "minimum": 1},
                         "config": {"type": "object", "additionalProperties": {"type": ["string", "integer"]}}})}),
    ("kafka.strimzi.io/v1beta2", "KafkaNodePool"): _strict({
        "apiVersion": {}, "kind": {}, "metadata": _STRIMZI_CLUSTER,
        "spec": _strict({"replicas": {"type": "integer"},
                         "roles": {"type": "array", "items": {"enum": ["controller", "broker"]}},
                         "storage": {"type": "object", "required": ["type"]}})}),
    ("kafka.strimzi.io/v1beta2", "Kafka"): _strict({
        "apiVersion": {}, "kind": {}, "metadata": _META,
        "spec": _strict({
            "kafka": _strict({
                "version": {"type": "string"},
                "listeners": {"type": "array", "items": _strict(
                    {"name": {"type": "string"}, "port": {"type": "integer"},
                     "type": {"enum": ["internal", "route", "loadbalancer", "nodeport", "ingress", "cluster-ip"]},
                     "tls": {"type": "boolean"},
                     "authentication": _strict({"type": {"enum": ["tls", "scram-sha-512", "oauth", "custom"]}})})},
                "authorization": _strict({"type": {"enum": ["simple", "opa", "keycloak", "custom"]}}),
                "config": {"type": "object"}}),
            "entityOperator": _strict({"topicOperator": {"type": "object"}, "userOperator": {"type": "object"}})})}),
    ("kafka.strimzi.io/v1beta2", "KafkaUser"): _strict({
        "apiVersion": {}, "kind": {}, "metadata": _STRIMZI_CLUSTER,
        "spec": _strict({
            "authentication": _strict({"type": {"enum": ["tls", "tls-external", "scram-sha-512"]}}),
            "authorization": _strict({"type": {"const": "simple"}, "acls": {"type": "array", "items": _strict({
                "resource": _strict({"type": {"enum": ["topic", "group", "cluster", "transactionalId"]},
                                     "name": {"type": "string"}, "patternType": {"enum": ["literal", "prefix"]}},
                                    ["type"]),
                "operations": {"type": "array", "items": {"enum": [
                    "Read", "Write", "Create", "Delete", "Alter", "Describe", "ClusterAction", "AlterConfigs",
                    "DescribeConfigs", "IdempotentWrite", "All"]}}})}})})}),
    ("elasticsearch.k8s.elastic.co/v1", "Elasticsearch"): _strict({
        "apiVersion": {}, "kind": {}, "metadata": _META,
        "spec": _strict({
            "version": {"type": "string", "pattern": r"^8\."},
            "auth": _strict({"roles": {"type": "array", "items": _strict({"secretName": {"type": "string"}})},
                             "fileRealm": {"type": "array", "items": _strict({"secretName": {"type": "string"}})}}),
            "nodeSets": {"type": "array", "minItems": 1, "items": _strict(
                {"name": {"type": "string"}, "count": {"type": "integer", "minimum": 1}, "config": {"type": "object"},
                 "volumeClaimTemplates": {"type": "array"}, "podTemplate": {"type": "object"}}, ["name", "count"])}})}),
    ("kibana.k8s.elastic.co/v1", "Kibana"): _strict({
        "apiVersion": {}, "kind": {}, "metadata": _META,
        "spec": _strict({"version": {"type": "string"}, "count": {"type": "integer"},
                         "elasticsearchRef": _strict({"name": {"type": "string"}})})}),
    ("keda.sh/v1alpha1", "ScaledObject"): _strict({
        "apiVersion": {}, "kind": {}, "metadata": _META,
        "spec": _strict({
            "scaleTargetRef": _strict({"apiVersion": {"type": "string"}, "kind": {"type": "string"},
                                       "name": {"type": "string"}}),
            "minReplicaCount": {"type": "integer"}, "maxReplicaCount": {"type": "integer"},
            "cooldownPeriod": {"type": "integer"},
            "triggers": {"type": "array", "items": _strict({
                "type": {"type": "string"}, "authenticationRef": _strict({"name": {"type": "string"}}),
                "metadata": {"type": "object", "additionalProperties": {"type": "string"}}})}})}),
    ("keda.sh/v1alpha1", "TriggerAuthentication"): _strict({
        "apiVersion": {}, "kind": {}, "metadata": _META,
        "spec": _strict({"secretTargetRef": {"type": "array", "items": _strict(
            {"parameter": {"type": "string"}, "name": {"type": "string"}, "key": {"type": "string"}})}})}),
}


@pytest.mark.parametrize("doc", RESOURCES + OPTIONAL, ids=lambda d: f"{d['kind']}/{d['metadata']['name']}")
def test_every_resource_validates(doc):
    schema = CRD_SCHEMAS.get((doc["apiVersion"], doc["kind"]))
    if schema is not None:
        jsonschema.validate(doc, schema)
    else:
        kubernetes_validate.validate(doc, K8S_VERSION, strict=True)


def test_the_validators_reject_a_broken_resource():
    deployment = json.loads(json.dumps(BY_KIND["Deployment"]["api"]))
    deployment["spec"]["template"]["spec"]["containers"][0]["readinessprobe"] = {}  # a typo'd key
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(deployment, K8S_VERSION, strict=True)
    topic = json.loads(json.dumps(next(iter(BY_KIND["KafkaTopic"].values()))))
    topic["spec"]["partition"] = 3
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(topic, CRD_SCHEMAS[("kafka.strimzi.io/v1beta2", "KafkaTopic")])


def test_every_custom_resource_has_a_schema_here():
    custom = {(doc["apiVersion"], doc["kind"]) for doc in RESOURCES + OPTIONAL if "." in doc["apiVersion"].split("/")[0]
              and not doc["apiVersion"].startswith(("apps/", "policy/", "networking.k8s.io/", "autoscaling/"))}
    assert custom == set(CRD_SCHEMAS)


def test_kustomization_lists_every_manifest_and_its_generator_files_exist():
    shipped = {path.name for path in BASE.glob("*.yaml")} - {"kustomization.yaml"}
    assert set(KUSTOMIZATION["resources"]) == shipped
    for generator in KUSTOMIZATION["configMapGenerator"]:
        for entry in generator.get("files", []):
            assert (BASE / entry.split("=")[-1]).is_file(), entry


def test_shipped_kafka_topics_are_the_registry():
    result = CliRunner().invoke(cli.app, ["topics", "kubernetes"])
    assert result.exit_code == 0, result.output
    assert (BASE / "kafka-topics.yaml").read_text() == result.output, \
        "regenerate: aduan topics kubernetes > deploy/kubernetes/kafka-topics.yaml"
    (kafka,) = BY_KIND["Kafka"].values()
    assert list(BY_KIND["KafkaTopic"].values()) == kafka_topic_resources(kafka["metadata"]["name"])
    assert {doc["spec"]["topicName"] for doc in BY_KIND["KafkaTopic"].values()} == {t.name for t in ALL_TOPICS}
    for spec, doc in zip(ALL_TOPICS, BY_KIND["KafkaTopic"].values()):
        assert doc["spec"]["partitions"] == spec.partitions
        assert {k: v for k, v in doc["spec"]["config"].items() if k != "min.insync.replicas"} == spec.kafka_configs()
        assert int(doc["spec"]["config"]["min.insync.replicas"]) < doc["spec"]["replicas"]
        assert doc["spec"]["replicas"] == int(CONFIG["ADUAN_TOPIC_REPLICATION"])


def test_the_configuration_names_real_settings_and_starts_in_production():
    fields = set(Settings.model_fields)
    named = set(CONFIG)
    for workload in WORKLOADS.values():
        for container in workload["spec"]["template"]["spec"]["containers"]:
            named |= {item["name"] for item in container.get("env", [])}
    for name in named:
        assert name.removeprefix("ADUAN_").lower() in fields, name
    secrets = {"ADUAN_KAFKA_SASL_PLAIN_PASSWORD": "x", "ADUAN_ELASTICSEARCH_PASSWORD": "x",
               "ADUAN_REPORTER_SALT": "x" * 32, "ADUAN_API_KEYS": '{"k": {"role": "operator"}}'}
    settings = Settings(_env_file=None, **{k.removeprefix("ADUAN_").lower(): v for k, v in {**CONFIG, **secrets}.items()})
    assert settings.environment == "production" and settings.deployment_problems(api=True) == []


def test_the_servers_are_the_operators_services_with_tls_and_scram():
    (kafka,) = BY_KIND["Kafka"].values()
    host, port = CONFIG["ADUAN_KAFKA_BOOTSTRAP"].split(":")
    assert host == f"{kafka['metadata']['name']}-kafka-bootstrap"  # Strimzi's service name
    (listener,) = [item for item in kafka["spec"]["kafka"]["listeners"] if item["port"] == int(port)]
    assert listener["tls"] and listener["authentication"]["type"] == "scram-sha-512"
    assert (CONFIG["ADUAN_KAFKA_SECURITY_PROTOCOL"], CONFIG["ADUAN_KAFKA_SASL_MECHANISM"]) == ("SASL_SSL", "SCRAM-SHA-512")
    assert kafka["spec"]["kafka"]["config"]["min.insync.replicas"] == 2
    assert CONFIG["ADUAN_KAFKA_SASL_PLAIN_USERNAME"] in BY_KIND["KafkaUser"]
    (es,) = BY_KIND["Elasticsearch"].values()
    assert CONFIG["ADUAN_ELASTICSEARCH_URL"] == f"https://{es['metadata']['name']}-es-http:9200"  # ECK's service
    assert {"secretName": "aduan-es-user"} in es["spec"]["auth"]["fileRealm"]
    for workload in WORKLOADS.values():
        spec = workload["spec"]["template"]["spec"]
        secrets = {v["name"]: v["secret"]["secretName"] for v in spec["volumes"] if "secret" in v}
        # The CAs are the operators' own Secrets: <kafka>-cluster-ca-cert (Strimzi), <es>-es-http-certs-public (ECK).
        assert secrets == {"kafka-ca": f"{kafka['metadata']['name']}-cluster-ca-cert",
                           "es-ca": f"{es['metadata']['name']}-es-http-certs-public"}
        (container,) = spec["containers"]
        mounts = {m["name"]: m["mountPath"] for m in container["volumeMounts"]}
        assert CONFIG["ADUAN_KAFKA_SSL_CAFILE"] == f"{mounts['kafka-ca']}/ca.crt"
        assert CONFIG["ADUAN_ELASTICSEARCH_CA_CERTS"] == f"{mounts['es-ca']}/ca.crt"
        refs = {item["name"]: item["valueFrom"]["secretKeyRef"] for item in container["env"] if "valueFrom" in item
                and "secretKeyRef" in item["valueFrom"]}
        assert refs["ADUAN_KAFKA_SASL_PLAIN_PASSWORD"] == {"name": CONFIG["ADUAN_KAFKA_SASL_PLAIN_USERNAME"], "key": "password"}
        assert refs["ADUAN_ELASTICSEARCH_PASSWORD"] == {"name": "aduan-es-user", "key": "password"}
        assert {"secretRef": {"name": "aduan-settings"}} in container["envFrom"]


def test_aduans_kafka_user_may_use_its_topics_and_groups_only():
    (user,) = BY_KIND["KafkaUser"].values()
    acls = user["spec"]["authorization"]["acls"]
    settings = Settings(_env_file=None)

    def allowed(kind: str, name: str, operation: str) -> bool:
        return any(acl["resource"]["type"] == kind and operation in acl["operations"] and (
            name.startswith(acl["resource"]["name"]) if acl["resource"].get("patternType") == "prefix"
            else name == acl["resource"]["name"]) for acl in acls)

    for topic in ALL_TOPICS:
        assert allowed("topic", topic.name, "Read") and allowed("topic", topic.name, "Write"), topic.name
        assert not allowed("topic", topic.name, "Create")  # the Topic Operator owns them
    assert allowed("topic", f"{settings.stream_app_id}-dedup-batches-changelog", "Create")  # faust's own
    assert allowed("topic", f"{settings.surge_app_id}-surge-state-changelog", "Create")  # `aduan surge`'s own
    for group in (settings.stream_app_id, settings.surge_app_id, settings.indexer_group, settings.webhook_group):
        assert allowed("group", group, "Read"), group
    assert not allowed("topic", "__consumer_offsets", "Read")


def test_elasticsearch_roles_for_eck_are_the_compose_roles():
    roles = {path.stem: json.loads(path.read_text()) for path in (ROOT / "deploy" / "elasticsearch" / "roles").glob("*.json")}
    assert yaml.safe_load((BASE / "elasticsearch-roles.yml").read_text()) == roles


def test_every_aduan_process_runs_with_probes():
    runs = {name.removeprefix("run_") for name in dir(processes) if name.startswith("run_")}
    commands = {}
    for name, workload in WORKLOADS.items():
        (container,) = workload["spec"]["template"]["spec"]["containers"]
        line = container.get("args") or re.search(r"exec aduan (.*)$", container["command"][-1])[1].split()
        commands[line[0]] = (name, container)
    assert set(commands) == runs
    for command, (name, container) in commands.items():
        assert container["image"] == "aduan"
        assert "readinessProbe" in container and "livenessProbe" in container, name
        if "--ready-file" in " ".join(container.get("command", [])):
            assert "rm -f /run/aduan/ready &&" in container["command"][-1], name  # no stale file after a restart
    (_, api) = commands["api"]
    assert api["readinessProbe"]["httpGet"]["path"] == api["livenessProbe"]["httpGet"]["path"] == "/healthz"


def test_state_lives_on_volumes_and_stateless_processes_scale():
    worker = BY_KIND["StatefulSet"]["stream-worker"]
    (container,) = worker["spec"]["template"]["spec"]["containers"]
    env = {item["name"]: item for item in container["env"]}
    assert env["ADUAN_STREAM_STORE"]["value"].startswith("rocksdb://")
    assert env["ADUAN_INSTANCE_ID"]["valueFrom"]["fieldRef"]["fieldPath"] == "metadata.name"  # stable per replica
    (claim,) = worker["spec"]["volumeClaimTemplates"]
    assert {"name": claim["metadata"]["name"], "mountPath": CONFIG["ADUAN_DATA_DIR"]} in container["volumeMounts"]
    for name in ("api", "mail"):  # the blob store is shared by whoever writes attachments
        volumes = BY_KIND["Deployment"][name]["spec"]["template"]["spec"]["volumes"]
        assert {"name": "blobs", "persistentVolumeClaim": {"claimName": "aduan-blobs"}} in volumes, name
    assert BY_KIND["PersistentVolumeClaim"]["aduan-blobs"]["spec"]["accessModes"] == ["ReadWriteMany"]
    for hpa in BY_KIND["HorizontalPodAutoscaler"].values():
        target = hpa["spec"]["scaleTargetRef"]
        assert target["name"] in BY_KIND[target["kind"]]
        assert hpa["spec"]["metrics"][0]["resource"]["name"] == "cpu"
    assert {"api", "indexer"} <= set(BY_KIND["HorizontalPodAutoscaler"])
    (scaled,) = BY_KIND["ScaledObject"].values()
    assert scaled["spec"]["scaleTargetRef"] == {"apiVersion": "apps/v1", "kind": "StatefulSet", "name": "stream-worker"}
    (trigger,) = scaled["spec"]["triggers"]
    assert trigger["type"] == "kafka" and trigger["metadata"]["consumerGroup"] == Settings(_env_file=None).stream_app_id
    raw_partitions = max(spec.partitions for spec in ALL_TOPICS if spec.name.startswith("complaints.raw."))
    assert scaled["spec"]["maxReplicaCount"] <= raw_partitions


def test_every_workload_has_a_disruption_budget():
    for name, workload in WORKLOADS.items():
        labels = workload["spec"]["selector"]["matchLabels"]
        budgets = [pdb for pdb in BY_KIND["PodDisruptionBudget"].values() if pdb["spec"]["selector"]["matchLabels"] == labels]
        assert len(budgets) == 1, name
        assert workload["spec"]["template"]["metadata"]["labels"] == labels


def test_the_workers_rocksdb_store_keeps_its_table_on_the_data_volume(tmp_path):
    """What the StatefulSet relies on: rocksdb:// (rocksdict, in the image) under ADUAN_DATA_DIR survives a restart."""
    from aduan.processes import worker_app

    worker = BY_KIND["StatefulSet"]["stream-worker"]["spec"]["template"]["spec"]["containers"][0]
    store_url = {item["name"]: item.get("value") for item in worker["env"]}["ADUAN_STREAM_STORE"]
    settings = Settings(_env_file=None, kafka_bootstrap="127.0.0.1:1", stream_store=store_url, data_dir=tmp_path)
    first = worker_app(settings).tables["dedup-batches"].data._db_for_partition(0)
    first[b"batch"] = b"records"
    first.close()
    again = worker_app(settings).tables["dedup-batches"].data._db_for_partition(0)
    try:
        assert again[b"batch"] == b"records"
    finally:
        again.close()
    assert list(tmp_path.glob("streams/*/tables/dedup-batches-0.db"))
