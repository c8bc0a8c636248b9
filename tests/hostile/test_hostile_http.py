"""Hostile requests through the real HTTP app (TestClient) on the real broker and search server.

Oversize and endless bodies, pathological nesting, broken encodings, query-syntax injection in search,
forged and replayed webhooks. Invariant: never a 5xx; refusals are 4xx before anything is published.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import uuid
from collections import Counter
from datetime import datetime, timezone
from urllib.parse import quote, urlencode

import pytest

from producers.signatures import meta_signature, twilio_signature, x_signature
from producers.sms.common import GATEWAY_SECRET_HEADER
from producers.web import MAX_JSON_BYTES
from schemas.ids import complaint_id
from schemas.topics import RAW
from consumers.redaction import copies
from tests.channels import CREDENTIALS
from tests.hostile.conftest import ANALYST_KEY, OPERATOR_KEY
from tests.servers import read_topic

pytestmark = [pytest.mark.integration, pytest.mark.hostile]

PAGE_ID = "104857600000001"


def seen(statuses: Counter, name: str) -> None:
    print(f"{name}: {sum(statuses.values())} requests, statuses {dict(sorted(statuses.items()))}")
    assert all(status < 500 for status in statuses), statuses


def meta_feed(message: str, comment_id: str) -> bytes:
    from aduan.provider_client import AGENCY_PAGE_ID
    return json.dumps({"object": "page", "entry": [{"id": AGENCY_PAGE_ID, "time": 1716000000, "changes": [{
        "field": "feed", "value": {"item": "comment", "verb": "add", "comment_id": comment_id,
                                   "post_id": f"{AGENCY_PAGE_ID}_1", "message": message,
                                   "from": {"id": "9000001", "name": "Warga"}, "created_time": 1716000000}}]}]},
                      ensure_ascii=False).encode()


def post_meta(client, body: bytes, signature: str | None = None):
    signature = meta_signature(CREDENTIALS.meta_app_secret, body) if signature is None else signature
    return client.post("/v1/social/meta", content=body,
                       headers={"Content-Type": "application/json", "X-Hub-Signature-256": signature})


def post_x(client, body: bytes, signature: str | None = None):
    signature = x_signature(CREDENTIALS.x_consumer_secret, body) if signature is None else signature
    return client.post("/v1/social/x", content=body,
                       headers={"Content-Type": "application/json", "x-twitter-webhooks-signature": signature})


# --- size ------------------------------------------------------------------------------------------

def endless(total: int, chunk: int = 64 * 1024):
    """A chunked body with no Content-Length: the server only learns the size by reading."""
    sent = 0
    while sent < total:
        yield b"x" * chunk
        sent += chunk


def test_oversize_bodies_are_refused(client, hostile_settings):
    statuses = Counter()
    big_json = json.dumps({"text": "a" * (MAX_JSON_BYTES + 10)}).encode()
    cases = [
        ("POST", "/v1/complaints", {"content": big_json, "headers": {"Content-Type": "application/json"}}, 413),
        ("POST", "/v1/complaints", {"content": endless(MAX_JSON_BYTES * 4)}, 413),
        ("POST", "/v1/sms/twilio", {"content": endless(200 * 1024), "headers": {
            "Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": "x"}}, 413),
        ("POST", "/v1/sms/gammu", {"content": endless(200 * 1024), "headers": {
            "Content-Type": "application/json", GATEWAY_SECRET_HEADER: CREDENTIALS.sms_gateway_secret}}, 413),
        ("POST", "/v1/social/meta", {"content": endless(2 * 1024 * 1024),
                                     "headers": {"X-Hub-Signature-256": "x"}}, 413),
        ("POST", "/v1/social/x", {"content": b"{" * (1024 * 1024 + 1),
                                  "headers": {"x-twitter-webhooks-signature": "x"}}, 413),
        # A chunked form is read as it arrives: garbage is refused at its first bytes (over-limit chunked
        # uploads: tests/hostile/test_trust_intake.py).
        ("POST", "/lapor", {"content": endless(1024 * 1024),
                            "headers": {"Content-Type": "multipart/form-data; boundary=b"}}, 400),
        ("POST", "/lapor", {"content": b"--b--\r\n", "headers": {
            "Content-Type": "multipart/form-data; boundary=b", "Content-Length": str(10**12)}}, 413),
    ]
    for method, path, kwargs, expected in cases:
        response = client.request(method, path, **kwargs)
        statuses[response.status_code] += 1
        assert response.status_code == expected, (path, response.status_code, response.text[:200])
    seen(statuses, "oversize bodies")


PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def test_form_attachment_over_the_limit_is_refused_and_nothing_published(app, client, servers):
    app.state.settings = app.state.settings.model_copy(update={"max_attachment_bytes": 1024 * 1024})
    marker = f"lampiran-{uuid.uuid4().hex}"
    fields = {"text": f"Jalan rusak {marker}", "privacy": "publik", "form_token": marker}
    too_big = PNG + b"\x00" * (1024 * 1024)
    statuses = Counter()
    for files in ([("attachments", ("foto.png", too_big, "image/png"))],
                  [("attachments", (f"f{i}.png", PNG, "image/png")) for i in range(6)],  # over MAX_ATTACHMENTS
                  [("attachments", ("../../etc/passwd", b"root:x:0:0", "image/png"))]):  # not an image
        response = client.post("/lapor", data=fields, files=files)
        statuses[response.status_code] += 1
        assert response.status_code in (400, 413, 422), response.text[:300]
    # A text field larger than a form part may be.
    response = client.post("/lapor", data={**fields, "text": "a" * (300 * 1024)})
    statuses[response.status_code] += 1
    assert response.status_code in (400, 413, 422)
    seen(statuses, "form attachments")
    published = read_topic(servers.kafka, RAW["web"].name)
    assert not [r for r in published if marker.encode() in r.value]


# --- nesting and encodings ---------------------------------------------------------------------------

@pytest.mark.parametrize("depth", [30_000, 100_000])  # 30k fits the SMS body limit, 100k does not
def test_deeply_nested_json_is_a_400_everywhere(client, depth):
    statuses = Counter()
    for body in (b'{"text":' + b"[" * depth + b"]" * depth + b"}", b"[" * depth + b"]" * depth,
                 b'{"a":' * depth + b"1" + b"}" * depth):
        for response in (
            client.post("/v1/complaints", content=body, headers={"Content-Type": "application/json"}),
            client.post("/v1/sms/gammu", content=body, headers={
                "Content-Type": "application/json", GATEWAY_SECRET_HEADER: CREDENTIALS.sms_gateway_secret}),
            post_meta(client, body),
            post_x(client, body),
        ):
            statuses[response.status_code] += 1
            assert response.status_code in (400, 413, 422), (response.request.url, response.text[:200])
    seen(statuses, f"JSON nested {depth} deep")


TEXT_FIELDS = ["text", "subject", "reporter.name", "reporter.email", "reporter.phone", "location.text"]


def with_field(path: str, value: str) -> dict:
    body: dict = {"text": "Jalan rusak di Jl. Merdeka"}
    head, _, tail = path.partition(".")
    if tail:
        body[head] = {tail: value}
    else:
        body[head] = value
    return body


@pytest.mark.parametrize("field", TEXT_FIELDS)
def test_invalid_utf8_and_nul_in_every_text_field(client, servers, field):
    statuses = Counter()
    accepted = []
    for bad in (b"\xff\xfe", b"\xc3\x28", b"\xed\xa0\x80", b"\xf4\x90\x80\x80"):  # not UTF-8 in four ways
        raw = json.dumps(with_field(field, "MARK")).encode().replace(b"MARK", b"ab" + bad + b"cd")
        response = client.post("/v1/complaints", content=raw, headers={"Content-Type": "application/json"})
        statuses[response.status_code] += 1
        # json.loads decodes with "surrogatepass": an encoded surrogate (ED A0 80) becomes a lone surrogate,
        # which the model refuses (422); every other invalid sequence fails to decode (400).
        assert (response.status_code, response.json()["error"]) in ((400, "invalid_json"), (422, "invalid_complaint"))
    for escaped in ("a\\u0000b", "\\ud800", "a\\udfffb"):  # valid JSON, NUL and lone surrogates
        raw = json.dumps(with_field(field, "MARK")).encode().replace(b"MARK", escaped.encode())
        response = client.post("/v1/complaints", content=raw, headers={"Content-Type": "application/json"})
        statuses[response.status_code] += 1
        assert response.status_code in (202, 422), response.text[:300]
        if response.status_code == 202:
            accepted.append(response.json()["complaint_id"])
    seen(statuses, f"invalid UTF-8 / NUL in {field}")
    if accepted:  # what was accepted was published intact, as JSON Kafka consumers can read
        records = read_topic(servers.kafka, RAW["web"].name,
                             until=lambda rs: {json.loads(r.value)["complaint_id"] for r in rs} >= set(accepted))
        assert {json.loads(r.value)["complaint_id"] for r in records} >= set(accepted)


def test_lone_surrogate_in_signed_webhooks_is_not_a_500(client, servers):
    # Before the fix: 500 (the complaint could not be serialised, or its dead letter could not be encoded).
    statuses = Counter()
    comment = f"c-{uuid.uuid4().hex}"
    body = meta_feed("MARK", comment).replace(b"MARK", b"Jalan \\ud800 rusak")
    response = post_meta(client, body)
    statuses[response.status_code] += 1
    assert response.status_code == 200 and response.json()["accepted"] == 1
    gammu = b'{"SMS_1_NUMBER": "+6281234567890", "SMS_1_TEXT": "Lampu \\udc97 mati", "ids": "\\ud800"}'
    response = client.post("/v1/sms/gammu", content=gammu, headers={
        "Content-Type": "application/json", GATEWAY_SECRET_HEADER: CREDENTIALS.sms_gateway_secret})
    statuses[response.status_code] += 1
    assert response.status_code == 200 and "complaint_id" in response.json()
    seen(statuses, "lone surrogates in signed webhooks")
    wanted = complaint_id("social", f"facebook:comment:{comment}")
    records = read_topic(servers.kafka, RAW["social"].name,
                         until=lambda rs: any(json.loads(r.value)["complaint_id"] == wanted for r in rs))
    [record] = [json.loads(r.value) for r in records if json.loads(r.value)["complaint_id"] == wanted]
    assert record["text"] == "Jalan \ufffd rusak"


@pytest.mark.parametrize("query", ["%ff%fe", "q=%00%ff", "%c3%28=%ed%a0%80", "a=" + "%ff" * 2000, "x=%", "%%%"])
def test_invalid_utf8_in_query_strings(client, query):
    statuses = Counter()
    for path in ("/v1/search", "/open311/v2/requests.json", "/open311/v2/services.json", "/v1/social/x",
                 "/v1/social/meta", "/v1/sms/kannel", "/healthz"):
        for name in ("q", "status", "service_code", "crc_token", "hub.challenge", "text", "from"):
            response = client.get(f"{path}?{name}={query}&{query}", headers={"X-API-Key": ANALYST_KEY})
            statuses[response.status_code] += 1
    secret = quote(CREDENTIALS.sms_gateway_secret)
    response = client.get(f"/v1/sms/kannel?secret={secret}&from=%2B6281234567890&text={query}")
    statuses[response.status_code] += 1
    seen(statuses, f"query {query[:20]!r}")


# --- search: query syntax is text, never a way around the role -----------------------------------------

INJECTIONS = [
    "*:*", "*", "text:(a OR b)", "privacy:rahasia", "privacy:rahasia OR privacy:publik", '{"query":{"match_all":{}}}',
    '"', '\\"', '\\', "a\" OR \"1\"=\"1", "/.*/", "/[a-z]+/", ".*", "(((((", ")", "a~100", "a^1000", "a AND NOT b",
    "_exists_:reporter", "reporter.phone:*", "+-&&||!(){}[]^\"~*?:\\/", "${script}", "'; DROP TABLE x; --",
    "<script>alert(1)</script>", "q" * 499, "x " * 249, "\u202e\u0000", "🔥" * 100,
]


@pytest.fixture
def indexed(app, client):
    """One public and one rahasia complaint sharing a marker word, indexed with the strict mapping."""
    es, alias = app.state.es, app.state.settings.index_alias
    marker = f"hostile{uuid.uuid4().hex[:10]}"
    now = datetime.now(timezone.utc).isoformat()
    docs = {}
    for privacy in ("publik", "rahasia"):
        cid = str(uuid.uuid4())
        docs[privacy] = cid
        document = {
            "complaint_id": cid, "tracking_number": f"ADU-{privacy[:4].upper()}-0000", "channel": "web",
            "received_at": now, "privacy": privacy, "subject": f"{marker} jalan rusak",
            "text": f"{marker} jalan rusak a b text rahasia OR publik script reporter",
            "reporter": {"name": f"Pelapor {privacy}", "email": f"{privacy}@example.com", "phone": "+6281234567890"},
            "status": "diterima", "unit_code": "DINAS-PU-3171", "routed_at": now}
        # With the redacted copies the indexer's fold writes: analysts are searched on those.
        es.index(index=alias, id=cid, refresh=True, document={**document, "redacted": copies(document, None)})
    return marker, docs


def search(client, q: str, key: str = ANALYST_KEY):
    return client.get("/v1/search", params={"q": q, "size": 100}, headers={"X-API-Key": key})


def test_search_syntax_is_text_and_never_leaks_rahasia(client, indexed):
    marker, docs = indexed
    statuses = Counter()
    # The set-up is right: the marker finds the public complaint for the analyst, both for the operator.
    found = {h["complaint_id"] for h in search(client, marker).json()["hits"]}
    assert docs["publik"] in found and docs["rahasia"] not in found
    assert docs["rahasia"] in {h["complaint_id"] for h in search(client, marker, OPERATOR_KEY).json()["hits"]}
    match_all_total = search(client, "").json()["total"]
    for q in INJECTIONS + [f"{marker} {i}" for i in INJECTIONS] + [f"{marker} OR privacy:rahasia"]:
        response = search(client, q)
        statuses[response.status_code] += 1
        assert response.status_code in (200, 400), (q, response.status_code, response.text[:300])
        if response.status_code != 200:
            continue
        hits = response.json()["hits"]
        assert all(h.get("privacy") != "rahasia" and h["complaint_id"] != docs["rahasia"] for h in hits), q
        assert all("publik@example.com" not in json.dumps(h) for h in hits), q  # contacts masked for analysts
    for q in ("*:*", "*", "/.*/", '{"query":{"match_all":{}}}'):
        # Syntax is not interpreted: these do not match everything.
        assert search(client, q).json()["total"] < max(match_all_total, 1), q
    response = client.get("/v1/search", params={"q": "a" * 10_000}, headers={"X-API-Key": ANALYST_KEY})
    statuses[response.status_code] += 1
    assert response.status_code == 400
    seen(statuses, "search injections")


# --- forged and replayed webhooks ------------------------------------------------------------------------

def test_forged_signatures_are_refused(client):
    statuses = Counter()
    body = meta_feed("Lampu jalan mati", f"c-{uuid.uuid4().hex}")
    sha1 = "sha1=" + hmac.new(CREDENTIALS.meta_app_secret.encode(), body, hashlib.sha1).hexdigest()
    sha256_hex = hmac.new(CREDENTIALS.meta_app_secret.encode(), body, hashlib.sha256).hexdigest()
    for signature in (sha1, sha256_hex, f"sha256={sha256_hex[:-1]}", f"sha512={sha256_hex}",
                      meta_signature("wrong-secret", body), meta_signature(CREDENTIALS.meta_app_secret, body + b" "),
                      "sha256=" + base64.b64encode(bytes.fromhex(sha256_hex)).decode(), "sha256=\r\nX: y", " "):
        response = post_meta(client, body, signature)
        statuses[response.status_code] += 1
        assert response.status_code in (401, 403), signature
    x_body = json.dumps({"for_user_id": "1191900000000000001", "tweet_create_events": []}).encode()
    digest = hmac.new(CREDENTIALS.x_consumer_secret.encode(), x_body, hashlib.sha256).digest()
    for signature in ("sha256=" + base64.urlsafe_b64encode(digest).decode().rstrip("="),
                      "sha256=" + digest.hex(), "sha256=" + base64.b64encode(digest[:-1]).decode(),
                      base64.b64encode(digest).decode(), "sha256=!!!notbase64!!!",
                      x_signature("wrong-secret", x_body)):
        response = post_x(client, x_body, signature)
        statuses[response.status_code] += 1
        assert response.status_code in (401, 403), signature
    form = {"MessageSid": "SMforged", "From": "+6281234567890", "Body": "Jalan rusak"}
    for url in ("http://evil.example/v1/sms/twilio", "http://testserver/v1/sms/twilio?x=1",
                "https://testserver/v1/sms/twilio", "http://testserver/v1/sms/gammu"):
        signature = twilio_signature(CREDENTIALS.twilio_auth_token, url, form.items())
        response = client.post("/v1/sms/twilio", content=urlencode(form), headers={
            "Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": signature})
        statuses[response.status_code] += 1
        assert response.status_code == 403, url
    good = twilio_signature(CREDENTIALS.twilio_auth_token, "http://testserver/v1/sms/twilio", form.items())
    response = client.post("/v1/sms/twilio", content=urlencode({**form, "Body": "Jalan rusak parah"}), headers={
        "Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": good})  # body changed
    statuses[response.status_code] += 1
    assert response.status_code == 403
    for secret in ("", "gateway-test-secreT", CREDENTIALS.sms_gateway_secret + "x"):
        response = client.get(f"/v1/sms/kannel?secret={quote(secret)}&from=%2B6281234567890&text=halo")
        statuses[response.status_code] += 1
        assert response.status_code in (401, 403)
    seen(statuses, "forged signatures")


def test_replayed_webhook_is_one_complaint(client, servers):
    """Replay semantics: providers sign no timestamp, so a captured delivery can be replayed; it is
    accepted again (200, one more record on the raw topic) under the same complaint id, which the
    pipeline deduplicates by id. A replay can repeat a complaint, never create a second one."""
    comment = f"c-{uuid.uuid4().hex}"
    body = meta_feed("Sampah menumpuk di pasar", comment)
    answers = [post_meta(client, body) for _ in range(3)]
    assert [a.status_code for a in answers] == [200, 200, 200]
    assert all(a.json()["accepted"] == 1 for a in answers)
    wanted = complaint_id("social", f"facebook:comment:{comment}")

    def mine(records):
        return [json.loads(r.value) for r in records if json.loads(r.value)["complaint_id"] == wanted]

    records = mine(read_topic(servers.kafka, RAW["social"].name, until=lambda rs: len(mine(rs)) >= 3))
    assert len(records) == 3 and {r["tracking_number"] for r in records} == {records[0]["tracking_number"]}
    form = {"MessageSid": f"SM{uuid.uuid4().hex}", "From": "+6281234567890", "Body": "Air PDAM mati"}
    signature = twilio_signature(CREDENTIALS.twilio_auth_token, "http://testserver/v1/sms/twilio", form.items())
    replies = [client.post("/v1/sms/twilio", content=urlencode(form), headers={
        "Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": signature}) for _ in range(2)]
    assert [r.status_code for r in replies] == [200, 200] and replies[0].text == replies[1].text  # same tracking no.
    print(f"replay: meta delivered 3x -> {len(records)} raw records, 1 complaint id; twilio 2x -> same reply")
