"""The HTML form at /lapor through the real broker: attachments stored by content, metadata on Kafka."""

import hashlib
import re

import pytest
from fastapi.testclient import TestClient

from aduan.api import create_app
from aduan.core.blobs import BlobStore
from schemas.events import Complaint, utcnow
from schemas.topics import RAW
from tests.servers import read_topic

pytestmark = pytest.mark.integration

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n%%EOF\n"


@pytest.fixture
def client(settings):
    with TestClient(create_app(settings)) as test_client:
        yield test_client


def test_form_is_indonesian_accessible_and_self_contained(client):
    page = client.get("/lapor")
    assert page.status_code == 200
    body = page.text
    assert '<html lang="id">' in body and "Sampaikan Pengaduan" in body
    assert 'enctype="multipart/form-data"' in body
    for field in ("text", "subject", "name", "email", "phone", "location", "attachments"):
        assert f'<label for="{field}">' in body and f'id="{field}"' in body
    assert "<legend>Kerahasiaan *</legend>" in body
    assert not re.search(r"""(src|href)=["']https?://""", body)  # no CDN


def test_form_submission_with_attachments(client, servers, settings):
    token = "form-token-attach-1"
    response = client.post("/lapor", data={
        "form_token": token, "text": "Pipa PDAM bocor di depan rumah saya sejak seminggu",
        "subject": "Pipa bocor", "privacy": "rahasia", "phone": "0812 1111 2222", "location": "Kec. Coblong, Kota Bandung",
    }, files=[("attachments", ("../../etc/foto.png", PNG, "image/png")),
              ("attachments", ("surat.pdf", PDF, "application/pdf"))])
    assert response.status_code == 200, response.text
    tracking = re.search(r'id="tracking-number">(ADU-[A-Z0-9-]+)<', response.text).group(1)
    expected_id = Complaint.new(channel="web", provider_message_id=token, received_at=utcnow(), text="x").complaint_id
    records = read_topic(servers.kafka, RAW["web"].name,
                         until=lambda rs: any(r.key == expected_id.encode() for r in rs))
    complaint = Complaint.model_validate_json(next(r.value for r in records if r.key == expected_id.encode()))
    assert complaint.tracking_number == tracking and complaint.privacy == "rahasia"
    assert complaint.location.text == "Kec. Coblong, Kota Bandung"
    assert [(a.filename, a.content_type, a.size_bytes) for a in complaint.attachments] == [
        ("foto.png", "image/png", len(PNG)), ("surat.pdf", "application/pdf", len(PDF))]
    blobs = BlobStore(settings.blobs)
    assert blobs.get(complaint.attachments[0].sha256) == PNG
    assert complaint.attachments[1].sha256 == hashlib.sha256(PDF).hexdigest()


def test_refused_attachment_and_invalid_text_rerender_the_form_escaped(client):
    response = client.post("/lapor", data={"text": "", "name": "<script>alert(1)</script>"},
                           files=[("attachments", ("virus.exe", b"MZ\x90\x00", "image/png"))])
    assert response.status_code == 422
    assert "<script>alert(1)</script>" not in response.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text
    assert "virus.exe" in response.text and "Isi pengaduan" in response.text
    assert 'role="alert"' in response.text


def test_oversize_attachment_is_refused(settings):
    small = settings.model_copy(update={"max_attachment_bytes": 1024})
    with TestClient(create_app(small)) as client:
        response = client.post("/lapor", data={"text": "Foto jalan rusak"},
                               files=[("attachments", ("big.png", PNG + b"\x00" * 2048, "image/png"))])
    # Refused while the file arrives, before it is read whole: 413, the form shown again with the reason.
    assert response.status_code == 413 and "big.png" in response.text


def test_public_intake_is_rate_limited_per_address(settings):
    limited = settings.model_copy(update={"intake_rate_per_minute": 2})
    with TestClient(create_app(limited)) as client:
        codes = [client.post("/v1/complaints", json={"text": f"Sampah {i}"}).status_code for i in range(3)]
        assert codes == [202, 202, 429]
        refused = client.post("/v1/complaints", json={"text": "lagi"})
        assert int(refused.headers["Retry-After"]) >= 1
        assert client.get("/healthz").status_code == 200  # reads are not limited
