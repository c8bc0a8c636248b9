"""Schemathesis over the app's own OpenAPI document, against the real broker and search server.

Every operation gets generated requests (``EXAMPLES`` for writes and SMS webhooks, fewer for reads), positive (valid per the schema) and
negative (violating it). Checks: no 5xx, the status code is one the operation declares, and the
body matches the declared response schema.

Signatures would stop almost every generated webhook at the door, so half of the generated
requests to a signed endpoint are signed correctly over the exact bytes sent: the parsers behind
the signature check are fuzzed too, and their complaints really go to Kafka.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from urllib.parse import parse_qsl, urlencode

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance, status_code_conformance

from aduan.api import create_app
from aduan.core.settings import Settings
from producers.signatures import meta_signature, twilio_signature, x_signature
from producers.sms.common import GATEWAY_SECRET_HEADER
from tests.channels import CREDENTIALS
from tests.hostile.conftest import ANALYST_KEY, OPERATOR_KEY, UNIT_KEY

pytestmark = [pytest.mark.integration, pytest.mark.hostile]

# 500 per write in CI (deterministic: the same cases every run); ADUAN_HOSTILE_EXAMPLES=2000 for a deeper run.
EXAMPLES = int(os.environ.get("ADUAN_HOSTILE_EXAMPLES", "500"))
CHECKS = [not_a_server_error, status_code_conformance, response_schema_conformance]
BASE = "http://testserver"


# Contract breaches found in routes outside producers/ (reported to their owner with the fix). Strict: once
# fixed, the test passes, the xfail turns into a failure, and the entry must be removed.
KNOWN_BREACHES: dict[tuple[str, str], str] = {}  # (method, path) → why; a strict xfail each
# Server-Sent Events never end, so a generated request would never finish: its authentication,
# role filtering and escaping are tested in tests/consumers/test_live.py and test_access_roles.py.
ENDLESS = {("GET", "/v1/live")}
# Where an outsider's bytes go in — every POST, and the SMS gateways' GET webhooks (Kannel's and Twilio's
# documented GET option carry the message in the query) — is fuzzed at full strength. The read routes share
# their parameters' parsing (the search filters, a complaint id, a format suffix) and their role filter, as
# do the social webhooks' GET handshakes (hub.challenge, crc_token): they get fewer cases, and
# ADUAN_HOSTILE_READ_EXAMPLES raises them.
READ_EXAMPLES = int(os.environ.get("ADUAN_HOSTILE_READ_EXAMPLES", "200"))
GET_INTAKE = ("/v1/sms/",)


def examples(method: str, path: str) -> int:
    writes = method != "GET" or path.startswith(GET_INTAKE)
    return EXAMPLES if writes else min(EXAMPLES, READ_EXAMPLES)


def _operations() -> list:
    # Building the app needs server addresses only, not servers: the publisher and the search client connect lazily.
    spec = create_app(Settings(kafka_bootstrap="127.0.0.1:9", elasticsearch_url="http://127.0.0.1:9")).openapi()
    return [pytest.param(method.upper(), path, marks=[pytest.mark.xfail(strict=True, reason=reason)]
                         if (reason := KNOWN_BREACHES.get((method.upper(), path))) else [])
            for path, item in spec["paths"].items() for method in item if (method.upper(), path) not in ENDLESS]


def body_bytes(kwargs: dict) -> bytes | None:
    """The request body exactly as it will be sent, so a signature can be computed over it."""
    if "json" in kwargs:
        return json.dumps(kwargs["json"]).encode()
    data = kwargs.get("data")
    if data is None:
        return None
    if isinstance(data, (bytes, str)):
        return data.encode() if isinstance(data, str) else data
    return urlencode({str(k): v if isinstance(v, (str, bytes)) else json.dumps(v) for k, v in data.items()}).encode()


def sign(path: str, method: str, url: str, headers: dict, params: dict, body: bytes | None) -> None:
    """Make the request authentic, the way the provider would."""
    body = body or b""
    if path == "/v1/sms/twilio":
        try:
            pairs = parse_qsl(body.decode("utf-8"), keep_blank_values=True)
        except UnicodeDecodeError:
            return
        headers["X-Twilio-Signature"] = twilio_signature(CREDENTIALS.twilio_auth_token, url, pairs)
    elif path in ("/v1/sms/kannel", "/v1/sms/gammu"):
        headers[GATEWAY_SECRET_HEADER] = CREDENTIALS.sms_gateway_secret
    elif path == "/v1/social/meta" and method == "POST":
        headers["X-Hub-Signature-256"] = meta_signature(CREDENTIALS.meta_app_secret, body)
    elif path == "/v1/social/meta":
        params.update({"hub.mode": "subscribe", "hub.verify_token": "meta-verify-test"})
    elif path == "/v1/social/x" and method == "POST":
        headers["x-twitter-webhooks-signature"] = x_signature(CREDENTIALS.x_consumer_secret, body)
    else:
        headers["X-API-Key"] = (OPERATOR_KEY, ANALYST_KEY, UNIT_KEY)[len(url) % 3]


@pytest.mark.parametrize(("method", "path"), _operations())
def test_operation_holds_its_contract(app, client, method, path):
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    operation = schema[path][method]
    strategies = [operation.as_strategy(GenerationMode.POSITIVE)]
    if operation.query or operation.headers or operation.path_parameters or operation.body:
        strategies.append(operation.as_strategy(GenerationMode.NEGATIVE))
    statuses: Counter[int] = Counter()
    signed = Counter()

    @hypothesis_settings(max_examples=examples(method, path), deadline=None, derandomize=True, database=None,
                         phases=(Phase.explicit, Phase.generate), suppress_health_check=list(HealthCheck))
    @given(case=st.one_of(strategies), authentic=st.booleans())
    def run(case, authentic):
        kwargs = case.as_transport_kwargs(base_url=BASE)
        headers = {k: v for k, v in kwargs.get("headers", {}).items() if k.lower() != "content-length"}
        params = dict(kwargs.get("params") or {})
        body = body_bytes(kwargs)
        if body is not None and case.media_type and not any(k.lower() == "content-type" for k in headers):
            headers["Content-Type"] = case.media_type
        url = kwargs["url"]
        if authentic:
            query = urlencode(params, doseq=True)
            sign(path, method, url + (f"?{query}" if query else ""), headers, params, body)
            signed[True] += 1
        response = client.request(method, url, params=params, headers=headers, content=body,
                                  cookies=kwargs.get("cookies") or None)
        statuses[response.status_code] += 1
        case.validate_response(response, checks=CHECKS)

    try:
        run()
    finally:
        print(f"{method} {path}: {sum(statuses.values())} cases ({signed[True]} authentic), "
              f"statuses {dict(sorted(statuses.items()))}")
    assert sum(statuses.values()) > 0
