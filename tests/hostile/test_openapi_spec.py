"""The OpenAPI document itself: what fuzzers and client generators read must be usable (no servers needed)."""

from __future__ import annotations

import pytest

from aduan.api import create_app
from aduan.core.settings import Settings
from producers.http import inline_schema
from producers.web import ComplaintIn

pytestmark = pytest.mark.hostile


@pytest.fixture(scope="module")
def spec() -> dict:
    # Server addresses only: the publisher and the search client connect lazily.
    return create_app(Settings(kafka_bootstrap="127.0.0.1:9", elasticsearch_url="http://127.0.0.1:9")).openapi()


def refs(node, found: list[str]) -> list[str]:
    if isinstance(node, dict):
        if isinstance(node.get("$ref"), str):
            found.append(node["$ref"])
        for value in node.values():
            refs(value, found)
    elif isinstance(node, list):
        for value in node:
            refs(value, found)
    return found


def resolve(spec: dict, ref: str):
    assert ref.startswith("#/"), ref
    node = spec
    for part in ref[2:].split("/"):
        assert isinstance(node, dict) and part in node, f"{ref} does not resolve"
        node = node[part]
    return node


def test_every_reference_resolves(spec):
    # Before: POST /v1/complaints pointed at #/components/schemas/ReporterIn and LocationHint, which
    # did not exist, so schemathesis generated no body at all for it.
    found = refs(spec, [])
    for ref in found:
        resolve(spec, ref)
    print(f"{len(found)} $refs resolved")
    assert found


def test_complaint_body_is_declared_inline():
    schema = inline_schema(ComplaintIn)
    assert refs(schema, []) == [] and "$defs" not in schema
    reporter = next(s for s in schema["properties"]["reporter"]["anyOf"] if s.get("type") == "object")
    assert reporter["additionalProperties"] is False and set(reporter["properties"]) == {"name", "email", "phone"}


@pytest.mark.parametrize(("method", "path", "media_types"), [
    ("post", "/v1/complaints", {"application/json"}),
    ("post", "/v1/sms/twilio", {"application/x-www-form-urlencoded"}),
    ("post", "/v1/sms/kannel", {"text/plain", "application/x-www-form-urlencoded"}),
    ("post", "/v1/sms/gammu", {"application/json", "application/x-www-form-urlencoded"}),
    ("post", "/v1/social/meta", {"application/json"}),
    ("post", "/v1/social/x", {"application/json"}),
])
def test_intake_request_bodies_are_declared(spec, method, path, media_types):
    # The handlers read their bodies themselves; without a declaration a fuzzer sends empty requests only.
    assert set(spec["paths"][path][method]["requestBody"]["content"]) == media_types


@pytest.mark.parametrize(("path", "parameter"), [
    ("/v1/sms/twilio", "X-Twilio-Signature"), ("/v1/social/meta", "X-Hub-Signature-256"),
    ("/v1/social/x", "x-twitter-webhooks-signature"), ("/v1/sms/gammu", "X-Aduan-Gateway-Secret"),
])
def test_signature_headers_are_declared(spec, path, parameter):
    names = {p["name"] for p in spec["paths"][path]["post"]["parameters"]}
    assert parameter in names


def test_rejections_have_a_schema(spec):
    rejection = spec["paths"]["/v1/sms/twilio"]["post"]["responses"]["403"]["content"]["application/json"]["schema"]
    assert resolve(spec, rejection["$ref"])["required"] == ["error"]
