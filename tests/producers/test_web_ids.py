"""Who chose the complaint id decides what intake checks: a client's Idempotency-Key may have been used
before (the ledger, then the index of what every replica accepted); an id the server just drew cannot."""

from fastapi import FastAPI
from fastapi.testclient import TestClient

from aduan.core.blobs import BlobStore
from producers import web
from producers.http import rejected_response
from producers.intake import Intake, Ledger, Rejected


class RecordingPublisher:
    def __init__(self) -> None:
        self.sent: list[str] = []

    async def publish_async(self, topic, key, event, raw=b"") -> None:
        self.sent.append(event.complaint_id)


def _client(tmp_path) -> tuple[TestClient, Intake, list[str], RecordingPublisher]:
    asked: list[str] = []
    publisher = RecordingPublisher()
    intake = Intake(publisher, BlobStore(tmp_path), Ledger(100),
                    stored_digest=lambda complaint_id: asked.append(complaint_id) or None)
    app = FastAPI()
    app.include_router(web.router)
    app.add_exception_handler(Rejected, lambda _request, exc: rejected_response(exc))
    app.state.intake = intake
    return TestClient(app), intake, asked, publisher


def test_a_keyed_submission_is_checked_against_the_ledger_and_the_index(tmp_path):
    client, intake, asked, publisher = _client(tmp_path)
    first = client.post("/v1/complaints", json={"text": "Sampah menumpuk"}, headers={"Idempotency-Key": "form-9"})
    assert first.status_code == 202 and asked == [first.json()["complaint_id"]] == publisher.sent
    other = client.post("/v1/complaints", json={"text": "Jalan rusak"}, headers={"Idempotency-Key": "form-9"})
    assert other.status_code == 409 and publisher.sent == [first.json()["complaint_id"]]


def test_an_unkeyed_submission_asks_neither_the_index_nor_fills_the_ledger(tmp_path):
    client, intake, asked, publisher = _client(tmp_path)
    answers = [client.post("/v1/complaints", json={"text": "Sampah menumpuk"}) for _ in range(3)]
    assert [a.status_code for a in answers] == [202] * 3
    assert len(set(publisher.sent)) == 3 and asked == [] and intake.ledger._digests == {}
