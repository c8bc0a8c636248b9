"""Trust at the door and in the stream (issue #11), through the real app, a real uvicorn API process, the
real stream worker and the real broker.

* Write once: an outsider who knows (or guesses) a complaint's provider id — the API's Idempotency-Key,
  the /lapor form token, a mail's Message-ID — cannot change what the complaint says. The original
  reaches complaints.routed once, byte for byte; the API answers the conflict 409 while it remembers,
  and the stage dead-letters it (``content_conflict``) whatever API replica took it.
* Nothing is read before it is allowed: 1 GiB bodies to every intake endpoint, chunked, leave the API's
  memory flat; an over-limit upload leaves no file behind.
* Proxy headers, stored secrets, Twilio sids, HTML headers, redirects and the reporter salt.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterable
from email.message import EmailMessage
from pathlib import Path
from urllib.parse import urlencode

import httpx
import psutil
import pytest
from fastapi.testclient import TestClient

from aduan.api import create_app
from aduan.core.connections import Connections
from aduan.ports import free_port, wait_until
from aduan.stack import Child
from consumers.read.search import stored_content_digest
from aduan.core.blobs import BlobStore
from producers.email_parse import parse_email
from producers.imap_poller import intake_callables
from producers.intake import Intake
from producers.signatures import twilio_signature
from schemas.events import Complaint, DeadLetter
from schemas.ids import complaint_id
from schemas.topics import DEADLETTER, RAW, ROUTED
from tests.channels import CREDENTIALS
from tests import factories as make
from tests.servers import read_topic
from tests.workers import log_tail, own_groups, running

pytestmark = [pytest.mark.integration, pytest.mark.hostile]

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
GIB = 1024 ** 3


# --- the pipeline: a stream worker of this module's own ---------------------------------------------

@pytest.fixture(scope="module")
def worker(servers, tmp_path_factory):
    log_dir = tmp_path_factory.mktemp("trust-worker")
    env = own_groups(servers.kafka, {**os.environ, "ADUAN_KAFKA_BOOTSTRAP": servers.kafka,
                                     "ADUAN_ELASTICSEARCH_URL": servers.elasticsearch,
                                     "ADUAN_DATA_DIR": str(log_dir), "PYTHONUNBUFFERED": "1"}, "trust")
    with running("worker", env, log_dir) as child:
        yield child


def routed_values(servers, cid: str, at_least: int = 0) -> list[bytes]:
    records = read_topic(servers.kafka, ROUTED.name, timeout_s=30 if at_least else 3,
                         until=(lambda rs: sum(r.key == cid.encode() for r in rs) >= at_least) if at_least else None)
    return [r.value for r in records if r.key == cid.encode()]


def conflict_letters(servers, cid: str, at_least: int) -> list[DeadLetter]:
    def mine(records):
        letters = [DeadLetter.model_validate_json(r.value) for r in records]
        return [letter for letter in letters if letter.reason.startswith("content_conflict") and cid in letter.reason]

    return mine(read_topic(servers.kafka, DEADLETTER.name, timeout_s=30, until=lambda rs: len(mine(rs)) >= at_least))


def assert_original_stands(servers, worker, cid: str, before: list[bytes], attacks: int, text: str) -> None:
    """The conflicting submissions were seen by the stage (dead letters), and complaints.routed holds
    exactly what it held before them: the original, byte for byte."""
    letters = conflict_letters(servers, cid, attacks)
    assert len(letters) == attacks, log_tail(worker)
    assert all(letter.stage == "streams.stage" for letter in letters)
    after = routed_values(servers, cid)
    assert after == before and len(before) == 2  # the original and its retry, nothing since
    assert {json.loads(value)["text"] for value in before} == {text}
    print(f"{cid}: routed twice (original, retry), {attacks} conflicting submission(s) dead-lettered as content_conflict")


# --- write once ----------------------------------------------------------------------------------

def test_an_idempotency_key_cannot_rewrite_a_confidential_complaint(app, client, hostile_settings, servers, worker):
    key = f"key-{uuid.uuid4().hex}"
    text = f"Pungli di loket kelurahan {make.marker()}"
    first = client.post("/v1/complaints", json={"text": text, "privacy": "rahasia"}, headers={"Idempotency-Key": key})
    assert first.status_code == 202
    cid = first.json()["complaint_id"]
    again = client.post("/v1/complaints", json={"text": text, "privacy": "rahasia"}, headers={"Idempotency-Key": key})
    assert again.status_code == 202 and again.json() == first.json()  # a retry: the same answer (routed again)
    before = routed_values(servers, cid, at_least=2)

    forged = {"text": "Laporan dicabut, semua beres", "privacy": "publik"}
    conflict = client.post("/v1/complaints", json=forged, headers={"Idempotency-Key": key})
    assert conflict.status_code == 409 and conflict.json()["error"] == "idempotency_conflict"

    # Another API replica (or this one restarted) does not know the key and the index has not got the
    # complaint yet (no indexer here): it accepts, the stage refuses.
    with TestClient(create_app(hostile_settings)) as replica:
        assert replica.post("/v1/complaints", json=forged, headers={"Idempotency-Key": key}).status_code == 202
    assert_original_stands(servers, worker, cid, before, attacks=1, text=text)


def test_a_replica_refuses_a_rewrite_once_the_first_is_indexed(client, hostile_settings, servers, worker, tmp_path):
    """The ledger is per process; the index is not. A replica that never saw the key asks the index."""
    env = own_groups(servers.kafka, {**os.environ, "ADUAN_KAFKA_BOOTSTRAP": servers.kafka,
                                     "ADUAN_ELASTICSEARCH_URL": servers.elasticsearch,
                                     "ADUAN_INDEX_ALIAS": hostile_settings.index_alias,
                                     "ADUAN_DATA_DIR": str(tmp_path), "PYTHONUNBUFFERED": "1"}, "trust-index")
    key = f"key-{uuid.uuid4().hex}"
    text = f"Pungli pembuatan akta {make.marker()}"
    with running("indexer", env, tmp_path) as indexer:
        first = client.post("/v1/complaints", json={"text": text, "privacy": "rahasia"},
                            headers={"Idempotency-Key": key})
        assert first.status_code == 202
        cid = first.json()["complaint_id"]
        with Connections(hostile_settings).elasticsearch() as es:
            wait_until(lambda: stored_content_digest(es, hostile_settings.index_alias, cid) is not None, 60,
                       "the first submission indexed", indexer.alive)
            with TestClient(create_app(hostile_settings)) as replica:
                forged = replica.post("/v1/complaints", json={"text": "Sudah beres", "privacy": "publik"},
                                      headers={"Idempotency-Key": key})
                assert forged.status_code == 409 and forged.json()["error"] == "idempotency_conflict"
                retry = replica.post("/v1/complaints", json={"text": text, "privacy": "rahasia"},
                                     headers={"Idempotency-Key": key})
                assert retry.status_code == 202 and retry.json() == first.json()
            doc = es.get(index=hostile_settings.index_alias, id=cid)["_source"]
    assert (doc["text"], doc["privacy"]) == (text, "rahasia")


def lapor(client, token: str, text: str, privacy: str):
    return client.post("/lapor", data={"form_token": token, "text": text, "privacy": privacy},
                       files=[("attachments", ("foto.png", PNG, "image/png"))])


def test_a_form_token_cannot_rewrite_a_complaint(client, hostile_settings, servers, worker):
    token = str(uuid.uuid4())
    text = f"Sekolah memungut biaya ijazah {make.marker()}"
    first = lapor(client, token, text, "rahasia")
    assert first.status_code == 200
    cid = complaint_id("web", token)
    again = lapor(client, token, text, "rahasia")  # a double submit
    assert again.status_code == 200 and again.text == first.text
    before = routed_values(servers, cid, at_least=2)

    conflict = lapor(client, token, "Tidak ada masalah", "publik")
    assert conflict.status_code == 409 and "sudah terkirim dengan isi yang berbeda" in conflict.text
    with TestClient(create_app(hostile_settings)) as replica:
        assert lapor(replica, token, "Tidak ada masalah", "publik").status_code == 200
    assert_original_stands(servers, worker, cid, before, attacks=1, text=text)


def mail(message_id: str, sender: str, text: str) -> bytes:
    message = EmailMessage()
    message["From"], message["To"] = sender, "pengaduan@pemkot.example.go.id"
    message["Subject"], message["Message-ID"] = "Pengaduan", message_id
    message["Date"] = "Mon, 03 Mar 2025 08:00:00 +0700"
    message.set_content(text)
    return message.as_bytes()


def test_a_forged_mail_reusing_a_message_id_cannot_take_over_a_complaint(hostile_settings, servers, worker):
    message_id = f"<{uuid.uuid4().hex}@warga.example.id>"
    text = f"Jembatan desa retak parah {make.marker()}"
    connections = Connections(hostile_settings)
    intake = Intake(connections.publisher("trust-mail"), BlobStore(hostile_settings.blobs))
    publish, _dead_letter = intake_callables(intake)
    try:
        original = parse_email(mail(message_id, "Warga <warga@example.id>", text), intake.blobs).complaint
        publish(original, b"original")
        before = routed_values(servers, original.complaint_id, at_least=1)
        # A provider channel never refuses: the forgery is taken in, and the stage dead-letters it.
        forged = parse_email(mail(message_id, "Penyerang <x@evil.example>", "Abaikan laporan sebelumnya"),
                             intake.blobs).complaint
        assert forged.complaint_id == original.complaint_id
        publish(forged, b"forged")
        publish(original, b"original")  # the real mail re-fetched: an idempotent replay, routed as before
        letters = conflict_letters(servers, original.complaint_id, 1)
        replayed = routed_values(servers, original.complaint_id, at_least=2)
    finally:
        intake.publisher.close()
    assert len(letters) == 1 and Complaint.model_validate_json(letters[0].raw).reporter.email == "x@evil.example"
    assert replayed[0] == before[0]
    assert {json.loads(value)["text"] for value in replayed} == {original.text}
    assert {json.loads(value)["reporter"]["email"] for value in replayed} == {"warga@example.id"}


# --- a real API process ----------------------------------------------------------------------------

RATE = 20


@pytest.fixture(scope="module")
def api(servers, tmp_path_factory):
    """``aduan api`` as ``aduan up`` runs it (uvicorn, the process's own settings), on a free port."""
    data = tmp_path_factory.mktemp("trust-api")
    port = free_port()
    env = {"ADUAN_KAFKA_BOOTSTRAP": servers.kafka, "ADUAN_ELASTICSEARCH_URL": servers.elasticsearch,
           "ADUAN_DATA_DIR": str(data), "ADUAN_INTAKE_RATE_PER_MINUTE": str(RATE), "PYTHONUNBUFFERED": "1",
           "ADUAN_TWILIO_AUTH_TOKEN": CREDENTIALS.twilio_auth_token,
           "ADUAN_SMS_GATEWAY_SECRET": CREDENTIALS.sms_gateway_secret,
           "ADUAN_META_APP_SECRET": CREDENTIALS.meta_app_secret, "ADUAN_X_CONSUMER_SECRET": CREDENTIALS.x_consumer_secret}
    child = Child(name="api", env=env, log_path=data / "api.log",
                  argv=[sys.executable, "-m", "aduan", "api", "--host", "127.0.0.1", "--port", str(port)])
    child.start()
    url = f"http://127.0.0.1:{port}"

    def healthy() -> bool:
        try:
            return httpx.get(f"{url}/healthz", timeout=1).status_code == 200
        except httpx.HTTPError:
            return False

    try:
        wait_until(healthy, 60, "api", child.alive)
        yield url, child, data
    finally:
        child.stop(grace_s=5)


def raw_post(url: str, head: bytes, body: Iterable[bytes]) -> tuple[int | None, int]:
    """Send ``head`` then ``body``'s blocks from a raw socket until the server answers or hangs up.
    Returns the status (None when it closed without one) and the body bytes sent. The socket blocks, so
    a server that stops reading without answering makes this fail its timeout, not pass as a refusal."""
    host, port = url.removeprefix("http://").split(":")
    sock = socket.create_connection((host, int(port)), timeout=30)
    answer = bytearray()

    def receive():
        # The status line and headers are the answer; a server that keeps the connection open after
        # them (keep-alive) must not hold the test until the socket times out.
        try:
            while b"\r\n\r\n" not in answer and (chunk := sock.recv(65536)):
                answer.extend(chunk)
        except OSError:
            pass

    reader = threading.Thread(target=receive, daemon=True)
    reader.start()
    sent = 0
    try:
        sock.sendall(head)
        for block in body:
            if answer:
                break
            sock.sendall(block)
            sent += len(block)
    except OSError:
        pass  # the server hung up on the body: what we want
    reader.join(10)
    sock.close()
    match = re.match(rb"HTTP/1\.1 (\d{3})", bytes(answer))
    return (int(match.group(1)) if match else None), sent


def stream_body(url: str, path: str, headers: dict[str, str], total: int) -> tuple[int | None, int]:
    """``total`` generated bytes, chunked, to ``path``."""
    host = url.removeprefix("http://")
    head = [f"POST {path} HTTP/1.1", f"Host: {host}", *(f"{k}: {v}" for k, v in headers.items()),
            "Transfer-Encoding: chunked"]
    block = b"A" * (1024 * 1024)
    framed = b"%x\r\n" % len(block) + block + b"\r\n"

    def chunks():
        for _ in range(total // len(block)):
            yield framed
        yield b"0\r\n\r\n"

    return raw_post(url, ("\r\n".join(head) + "\r\n\r\n").encode(), chunks())


INTAKE = [
    ("/v1/complaints", {"Content-Type": "application/json"}),
    ("/lapor", {"Content-Type": "multipart/form-data; boundary=xyz"}),
    ("/v1/sms/twilio", {"Content-Type": "application/x-www-form-urlencoded"}),
    ("/v1/sms/kannel", {"Content-Type": "text/plain"}),
    ("/v1/sms/gammu", {"Content-Type": "application/json"}),
    ("/v1/social/meta", {"Content-Type": "application/json"}),
    ("/v1/social/x", {"Content-Type": "application/json"}),
]


def test_a_gigabyte_to_any_intake_endpoint_is_refused_with_flat_memory(api):
    url, child, _data = api
    process = psutil.Process(child.process.pid)
    baseline = process.memory_info().rss
    peak = [baseline]
    done = threading.Event()

    def sample():
        while not done.is_set():
            peak[0] = max(peak[0], process.memory_info().rss)
            time.sleep(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    results = []
    try:
        for path, headers in INTAKE:
            results.append((path, "chunked", *stream_body(url, path, headers, GIB)))
        # One file as large as the whole form may be, under an honest Content-Length: refused at the
        # per-file limit as it arrives, never read whole.
        boundary = "xyz"
        results.append(("/lapor", "one 40 MB file", *stream_file(url, boundary, 40 * 1024 * 1024)))
    finally:
        done.set()
        sampler.join()
    growth_mb = (peak[0] - baseline) / 2**20
    for row in results:
        print(f"{row[0]:<16} {row[1]:<14} status={row[2]} sent={row[3] / 2**20:.0f} MiB")
    print(f"API RSS: baseline {baseline / 2**20:.0f} MiB, peak {peak[0] / 2**20:.0f} MiB, growth {growth_mb:.1f} MiB")
    assert child.alive(), log_tail(child)
    for path, kind, status, sent in results:
        assert status in (None, 400, 401, 403, 413, 415), (path, kind, status)
        if kind != "chunked":
            assert status == 413, (path, kind, status)  # the file is over the limit; the form is not yet
        assert sent < 200 * 2**20, (path, kind, sent)  # refused long before the end
    assert growth_mb < 50


def stream_file(url: str, boundary: str, size: int) -> tuple[int | None, int]:
    """One ``size``-byte file in a /lapor form under an honest Content-Length."""
    head = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\nFoto jalan\r\n"
            f"--{boundary}\r\nContent-Disposition: form-data; name=\"attachments\"; filename=\"a.png\"\r\n"
            f"Content-Type: image/png\r\n\r\n").encode() + PNG
    tail = f"\r\n--{boundary}--\r\n".encode()
    host = url.removeprefix("http://")
    request = (f"POST /lapor HTTP/1.1\r\nHost: {host}\r\nContent-Type: multipart/form-data; boundary={boundary}"
               f"\r\nContent-Length: {len(head) + size + len(tail)}\r\n\r\n").encode() + head
    block = b"\x00" * (1024 * 1024)
    return raw_post(url, request, [*([block] * (size // len(block))), block[:size % len(block)], tail])


def files_under(root: Path) -> list[Path]:
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


@pytest.mark.parametrize("chunked", [True, False])
def test_an_upload_over_the_limit_is_refused_and_leaves_no_file_behind(app, client, hostile_settings, servers, chunked):
    app.state.settings = app.state.settings.model_copy(update={"max_attachment_bytes": 64 * 1024})
    marker = make.marker()
    boundary = "b0undary"
    parts = [(f"--{boundary}\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\nJalan rusak {marker}\r\n").encode(),
             (f"--{boundary}\r\nContent-Disposition: form-data; name=\"attachments\"; filename=\"ok.png\"\r\n"
              "Content-Type: image/png\r\n\r\n").encode() + PNG + b"\r\n",
             (f"--{boundary}\r\nContent-Disposition: form-data; name=\"attachments\"; filename=\"big.png\"\r\n"
              "Content-Type: image/png\r\n\r\n").encode() + PNG + b"\x00" * (256 * 1024) + b"\r\n",
             f"--{boundary}--\r\n".encode()]
    tmp_before = set(os.listdir(os.environ.get("TMPDIR", "/tmp")))
    body = (part for part in parts) if chunked else b"".join(parts)
    response = client.post("/lapor", content=body, headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
    assert response.status_code == 413 and "big.png" in response.text
    assert files_under(Path(hostile_settings.blobs)) == []  # not even ok.png, which came first
    assert set(os.listdir(os.environ.get("TMPDIR", "/tmp"))) - tmp_before == set()
    assert not [r for r in read_topic(servers.kafka, RAW["web"].name) if marker.encode() in r.value]


def test_image_pdf_polyglots_and_disagreeing_types_are_refused(client, hostile_settings):
    polyglot = PNG + b"%PDF-1.7\n1 0 obj<<>>endobj\n"
    cases = [("foto.png", polyglot, "image/png"), ("foto.pdf", PNG, "application/pdf"),
             ("foto.png", PNG, "application/pdf"), ("foto.jpg", PNG, "image/png"),
             ("foto.png", PNG + b"<script>alert(1)</script>", "image/png")]
    for name, data, declared in cases:
        response = client.post("/lapor", data={"text": "Foto jalan rusak"}, files=[("attachments", (name, data, declared))])
        assert response.status_code == 422, (name, declared)
    assert files_under(Path(hostile_settings.blobs)) == []
    assert client.post("/lapor", data={"text": "Foto jalan rusak"},
                       files=[("attachments", ("foto.png", PNG, "image/png"))]).status_code == 200


def test_rotating_x_forwarded_for_does_not_defeat_the_rate_limit(api):
    url, child, _data = api
    statuses = []
    with httpx.Client(base_url=url, timeout=10) as http:
        for i in range(RATE + 10):
            forged = f"203.0.113.{i % 250 + 1}"
            statuses.append(http.post("/v1/complaints", json={"text": f"Sampah menumpuk {make.marker()}"},
                                      headers={"X-Forwarded-For": forged, "X-Real-IP": forged}).status_code)
    print(f"{len(statuses)} posts from one address under rotating X-Forwarded-For: "
          f"{statuses.count(202)} accepted, {statuses.count(429)} refused 429")
    assert statuses.count(429) >= 10 and statuses.count(202) <= RATE


# --- what is stored, what is signed --------------------------------------------------------------

def test_a_percent_encoded_kannel_secret_is_not_stored(client, servers, hostile_settings):
    secret = CREDENTIALS.sms_gateway_secret
    encoded = "".join(f"%{byte:02X}" for byte in secret.encode())
    message_id = uuid.uuid4().hex
    query = f"%73ecret={encoded}&from=%2B6281234567890&to=1708&text=Jalan+rusak+{make.marker()}&id={message_id}"
    response = client.get(f"/v1/sms/kannel?{query}")
    assert response.status_code == 200, response.text  # it does authenticate
    cid = complaint_id("sms", f"kannel:{message_id}")
    records = read_topic(servers.kafka, RAW["sms"].name, until=lambda rs: any(r.key == cid.encode() for r in rs))
    complaint = Complaint.model_validate_json(next(r.value for r in records if r.key == cid.encode()))
    # The raw request is kept in the API's intake journal, beside the event (aduan.core.journal).
    [raw] = [r.entry.raw for r in client.app.state.publisher.journal.recent(600) if r.entry.key == cid.encode()]
    assert complaint.raw_ref == "sha256:" + hashlib.sha256(raw).hexdigest()
    assert secret.encode() not in raw and encoded.encode() not in raw and b"73ecret" not in raw.lower()
    assert message_id.encode() in raw  # the rest of the query is kept


def test_a_twilio_message_sid_cannot_swallow_the_next_parameter(client, servers):
    sid = "SM" + uuid.uuid4().hex
    url = "http://testserver/v1/sms/twilio"
    params = [("MessageSid", sid), ("NumMedia", "0"), ("From", "+6281234567890"), ("Body", "Air PDAM mati")]
    signature = twilio_signature(CREDENTIALS.twilio_auth_token, url, params)
    headers = {"Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": signature}
    assert client.post("/v1/sms/twilio", content=urlencode(params), headers=headers).status_code == 200
    # "MessageSid" + "SM…" + "NumMedia" + "0" signs the same as "MessageSid" + "SM…NumMedia0".
    swallowed = [("MessageSid", sid + "NumMedia0"), ("From", "+6281234567890"), ("Body", "Air PDAM mati")]
    assert twilio_signature(CREDENTIALS.twilio_auth_token, url, swallowed) == signature
    response = client.post("/v1/sms/twilio", content=urlencode(swallowed), headers=headers)
    assert response.status_code == 400 and response.json()["error"] == "not_a_twilio_message"
    forged = complaint_id("sms", sid + "NumMedia0")
    # By the complaint id in the value: Twilio messages are keyed by their sender (schemas.topics.raw_key).
    assert not [r for r in read_topic(servers.kafka, RAW["sms"].name) if forged.encode() in r.value]


# --- HTML, redirects, start-up ---------------------------------------------------------------------

def test_every_lapor_page_has_a_strict_csp_and_cannot_be_framed(client):
    token = str(uuid.uuid4())
    pages = [client.get("/lapor"),
             client.post("/lapor", data={"text": ""}),  # the form again, with errors
             client.post("/lapor", data={"text": f"Jalan rusak {make.marker()}", "form_token": token}),  # accepted
             client.post("/lapor", data={"text": "Isi lain", "form_token": token})]  # conflict
    assert [page.status_code for page in pages] == [200, 422, 200, 409]
    for page in pages:
        assert page.headers["content-type"].startswith("text/html")
        csp = page.headers["content-security-policy"]
        assert "default-src 'none'" in csp and "frame-ancestors 'none'" in csp and "script-src" not in csp
        assert page.headers["x-frame-options"] == "DENY"


def test_trailing_slash_redirects_are_relative_whatever_the_host_header(client):
    for path, target in (("/lapor/", "/lapor"), ("/lapor/?a=1", "/lapor?a=1"), ("/healthz/", "/healthz")):
        response = client.get(path, headers={"Host": "evil.example"}, follow_redirects=False)
        assert response.status_code == 307 and response.headers["location"] == target, path
    assert client.get("//evil.example/", follow_redirects=False).status_code == 404


@pytest.mark.parametrize("host,environment", [("0.0.0.0", None), ("127.0.0.1", "production")])
def test_the_api_refuses_to_start_with_the_public_development_salt(servers, tmp_path, host, environment):
    env = {**os.environ, "ADUAN_KAFKA_BOOTSTRAP": servers.kafka, "ADUAN_ELASTICSEARCH_URL": servers.elasticsearch,
           "ADUAN_DATA_DIR": str(tmp_path)}
    env.pop("ADUAN_REPORTER_SALT", None)
    env.pop("ADUAN_ENVIRONMENT", None)
    if environment is not None:
        env["ADUAN_ENVIRONMENT"] = environment
    try:
        done = subprocess.run([sys.executable, "-m", "aduan", "api", "--host", host, "--port", str(free_port())],
                              env=env, capture_output=True, text=True, timeout=30)
    except subprocess.TimeoutExpired:
        pytest.fail("the API started (and served) with the public development reporter_salt")
    assert done.returncode != 0 and "ADUAN_REPORTER_SALT" in done.stdout + done.stderr
