import copy
import json
from pathlib import Path

import jsonschema
import pytest
import yaml
from referencing import Registry, Resource
from referencing.exceptions import NoSuchResource
from referencing.jsonschema import DRAFT202012

from schemas.asyncapi import asyncapi_document, example_events, write
from schemas.export import event_schemas
from schemas.topics import ALL_TOPICS, by_name

SPEC_PATH = Path(__file__).parent / "asyncapi" / "3.0.0.json"
DOC_URI = "urn:aduan:asyncapi"


def refuse(uri: str):
    # Everything the official schema references is embedded in it: a lookup elsewhere is a bug, never a download.
    raise NoSuchResource(ref=uri)


@pytest.fixture(scope="module")
def spec_validator() -> jsonschema.Draft7Validator:
    spec = json.loads(SPEC_PATH.read_text())
    registry = Registry(retrieve=refuse).with_resource(spec["$id"], Resource.from_contents(spec))
    return jsonschema.Draft7Validator(spec, registry=registry)


@pytest.fixture(scope="module")
def document() -> dict:
    return asyncapi_document()


def payload_validator(document: dict, model_name: str) -> jsonschema.Draft202012Validator:
    registry = Registry(retrieve=refuse).with_resource(DOC_URI, DRAFT202012.create_resource(document))
    return jsonschema.Draft202012Validator({"$ref": f"{DOC_URI}#/components/schemas/{model_name}"},
                                           registry=registry,
                                           format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def test_document_validates_against_the_official_asyncapi_3_schema(spec_validator, document):
    errors = [f"{e.json_path}: {e.message[:200]}" for e in spec_validator.iter_errors(document)]
    assert errors == []


@pytest.mark.parametrize("breakage", [
    ("operation action from AsyncAPI 2", lambda d: d["operations"]["receiveComplaintsRouted"].update(action="publish")),
    ("no info", lambda d: d.pop("info")),
    ("zero partitions", lambda d: d["channels"]["complaintsRouted"]["bindings"]["kafka"].update(partitions=0)),
    ("cleanup.policy not a list",
     lambda d: d["channels"]["complaintsStatus"]["bindings"]["kafka"]["topicConfiguration"].update(
         {"cleanup.policy": "delete"})),
    ("key is not a schema", lambda d: d["components"]["messages"]["StatusEvent"]["bindings"]["kafka"].update(key=7)),
    ("server without protocol", lambda d: d["servers"]["production"].pop("protocol")),
])
def test_a_broken_copy_fails(spec_validator, document, breakage):
    _, breaks = breakage
    broken = copy.deepcopy(document)
    breaks(broken)
    assert not spec_validator.is_valid(broken)


def test_one_channel_per_topic_with_its_key_and_kafka_configuration(document):
    channels = {channel["address"]: channel for channel in document["channels"].values()}
    assert set(channels) == {spec.name for spec in ALL_TOPICS}
    for address, channel in channels.items():
        spec = by_name(address)
        kafka = channel["bindings"]["kafka"]
        assert kafka["partitions"] == spec.partitions
        assert kafka["topicConfiguration"]["cleanup.policy"] == [spec.cleanup_policy]
        if "retention.ms" in spec.configs:
            assert kafka["topicConfiguration"]["retention.ms"] == int(spec.configs["retention.ms"])
        (message_ref,) = channel["messages"].values()
        message = document["components"]["messages"][message_ref["$ref"].rsplit("/", 1)[1]]
        assert message["payload"] == {"$ref": f"#/components/schemas/{spec.value_model.__name__}"}
        assert message["bindings"]["kafka"]["key"]["type"] == "string"
    assert channels["complaints.routed"]["bindings"]["kafka"]["topicConfiguration"]["cleanup.policy"] == ["compact"]
    assert channels["complaints.status"]["bindings"]["kafka"]["topicConfiguration"]["retention.ms"] == -1


def test_every_topic_has_a_receive_and_a_send_operation_on_its_own_channel(document):
    for action in ("receive", "send"):
        ops = [op for op in document["operations"].values() if op["action"] == action]
        assert len(ops) == len(ALL_TOPICS)
        for op in ops:
            channel_id = op["channel"]["$ref"].removeprefix("#/channels/")
            assert all(ref["$ref"].startswith(f"#/channels/{channel_id}/messages/") for ref in op["messages"])


def resolve(node, schemas: dict, prefix: str):
    """Inline every local ref, so two documents' schemas compare by content."""
    if isinstance(node, dict):
        if set(node) == {"$ref"}:
            return resolve(schemas[node["$ref"].removeprefix(prefix)], schemas, prefix)
        return {k: resolve(v, schemas, prefix) for k, v in node.items()}
    if isinstance(node, list):
        return [resolve(item, schemas, prefix) for item in node]
    return node


def test_payloads_are_the_exported_json_schemas(document):
    components = document["components"]["schemas"]
    for name, exported in event_schemas().items():
        expected = {k: v for k, v in exported.items() if k not in ("$schema", "$id", "x-topics", "$defs")}
        assert resolve(components[name], components, "#/components/schemas/") == \
            resolve(expected, exported.get("$defs", {}), "#/$defs/")


def test_every_message_has_examples_that_validate_against_their_own_payload(document):
    models = {spec.value_model.__name__: spec.value_model for spec in ALL_TOPICS}
    for message in document["components"]["messages"].values():
        name = message["payload"]["$ref"].rsplit("/", 1)[1]
        validator = payload_validator(document, name)
        assert message["examples"], name
        for example in message["examples"]:
            assert list(validator.iter_errors(example["payload"])) == [], (name, example["name"])
            models[name].model_validate(example["payload"])  # and the Python model agrees


def test_an_example_broken_against_its_payload_schema_fails(document):
    example = copy.deepcopy(document["components"]["messages"]["Complaint"]["examples"][0]["payload"])
    validator = payload_validator(document, "Complaint")
    assert validator.is_valid(example)
    example["reporter"]["fax"] = "021-555"  # nested schema (components.schemas.Reporter) refuses unknown fields
    assert not validator.is_valid(example)


def test_examples_cover_every_channel_and_every_event_type():
    examples = example_events()
    assert {event.channel for _, _, event in examples["Complaint"]} == {"web", "sms", "social", "email"}
    assert {spec.value_model.__name__ for spec in ALL_TOPICS} == set(examples)


@pytest.mark.parametrize("suffix", [".json", ".yaml"])
def test_write_round_trips(tmp_path, document, suffix):
    path = write(tmp_path / f"asyncapi{suffix}")
    loaded = json.loads(path.read_text()) if suffix == ".json" else yaml.safe_load(path.read_text())
    assert loaded == document


def test_every_local_reference_points_at_something(document):
    def refs(node):
        if isinstance(node, dict):
            if isinstance(node.get("$ref"), str):
                yield node["$ref"]
            for value in node.values():
                yield from refs(value)
        elif isinstance(node, list):
            for item in node:
                yield from refs(item)

    found = list(refs(document))
    assert found
    for ref in found:
        assert ref.startswith("#/"), ref
        target = document
        for part in ref[2:].split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        assert isinstance(target, dict), ref
