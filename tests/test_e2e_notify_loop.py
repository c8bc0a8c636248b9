"""The closure loop end to end, through the real processes: a complaint in by SMS (Twilio), WhatsApp and
e-mail → its acknowledgement → verified, dispatched and followed up through the status API (the last by
the routed unit) → the notifier (`aduan notifier`) asks the closure question at the citizen's provider
stand-in (tests/notify_peers.py) → the citizen answers YA in that channel (the SMS keyword, the WhatsApp
button the question carried, a reply to the question's mail read by `aduan mail`) → the complaint is
`selesai` by actor `pelapor`, and the public status page says so.

The three loops run side by side on the session's worker and indexer (tests/conftest.py), so the test
costs one pipeline latency per step, not three."""

from __future__ import annotations

import time
import uuid
from email.message import EmailMessage
from typing import Callable

import pytest
from elasticsearch import Elasticsearch
from fastapi.testclient import TestClient

from aduan.api import create_app
from aduan.provider_client import ProviderClient, append_mail, complaint_mail
from consumers.notify.notifier import SOURCES
from consumers.read.access import Principal
from tests import factories as make
from tests.channels import CREDENTIALS, with_channel_credentials
from tests.notify_peers import RunningPeers
from tests.test_e2e_channels import mailbox  # noqa: F401  (the dovecot and `aduan mail` fixture)
from tests.workers import log_tail, running, start_at_end

pytestmark = pytest.mark.e2e

OPERATOR = "op-e2e-key"


@pytest.fixture
def pipeline(e2e_pipeline):
    """The session's shared worker and indexer (tests/conftest.py)."""


def _until(what: str, check: Callable[[], object], timeout_s: float = 90.0):
    deadline = time.monotonic() + timeout_s
    while not (found := check()):
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.3)
    return found


def test_sms_whatsapp_and_email_citizens_close_their_complaints(settings, servers, server_env, tmp_path, pipeline,
                                                                mailbox) -> None:  # noqa: F811
    marker = make.marker("loop")
    phone, wa_phone = f"+62812{uuid.uuid4().int % 10**7:07d}", f"+62813{uuid.uuid4().int % 10**7:07d}"
    mail_from = f"{marker}@mail.example.id"
    peers = RunningPeers().start()
    group = f"notify-e2e-{uuid.uuid4().hex[:6]}"
    start_at_end(servers.kafka, group, [spec.name for spec in SOURCES])
    env = {**server_env, **{f"ADUAN_{k.upper()}": v for k, v in peers.settings(tmp_path).items()},
           "ADUAN_NOTIFY_GROUP": group, "ADUAN_INDEX_ALIAS": settings.index_alias}
    es = Elasticsearch(servers.elasticsearch)
    app_settings = with_channel_credentials(settings)
    try:
        with running("notifier", env, tmp_path) as notifier, TestClient(create_app(app_settings)) as http:
            http.app.state.api_keys[OPERATOR] = Principal(role="operator", name="desk")
            provider = ProviderClient(http, "http://testserver", CREDENTIALS)
            sms = provider.twilio(phone, f"Jalan berlubang besar di depan pasar {marker}, bahaya untuk motor")
            assert sms.status_code == 200 and "ADU-" in sms.body  # the TwiML acknowledgement
            wa = provider.whatsapp(wa_phone, "Agus", f"Lampu jalan mati di gang mawar {marker} sudah seminggu")
            assert wa.status_code == 200
            _, raw = complaint_mail(f"Budi <{mail_from}>", "Sampah menumpuk",
                                          f"Sampah di TPS pasar tidak diangkut {marker} sejak Senin")
            append_mail(mailbox.host, mailbox.port, mailbox.user, mailbox.password, raw)

            def by_channel() -> dict[str, str] | None:
                es.indices.refresh(index=settings.index_alias)
                hits = es.search(index=settings.index_alias, size=10, query={"match": {"text": marker}})["hits"]["hits"]
                found = {h["_source"]["channel"]: h["_id"] for h in hits}
                return found if len(found) == 3 else None

            found = _until("the three complaints indexed", by_channel)
            ids = {"sms": found["sms"], "whatsapp": found["social"], "email": found["email"]}

            def doc(name: str) -> dict | None:
                found = es.options(ignore_status=404).get(index=settings.index_alias, id=ids[name])
                return found["_source"] if found.get("found") and "text" in found["_source"] else None

            docs = {name: _until(f"{name} complaint indexed", lambda n=name: doc(n)) for name in ids}

            def move(status: str, key: str, reason: str | None = None) -> None:
                for name, cid in ids.items():
                    body = {"status": status, **({"reason": reason} if reason else {})}
                    response = http.post(f"/v1/complaints/{cid}/status", json=body, headers={"X-API-Key": key(name)})
                    assert response.status_code == 202, (name, status, response.text)
                for name in ids:
                    _until(f"{name} {status}", lambda n=name: (doc(n) or {}).get("status") == status)

            move("terverifikasi", lambda _: OPERATOR)
            move("terdisposisi", lambda _: OPERATOR)
            for name, found in docs.items():  # the routed unit follows up, with its own key
                http.app.state.api_keys[f"unit-{name}"] = Principal(role="unit", name=name, unit_code=found["unit_code"])
            move("ditindaklanjuti", lambda name: f"unit-{name}", reason="Sudah ditangani petugas kami.")

            def question(provider_name: str, to: str):
                return next((r for r in peers.peers.of(provider_name) if r.to == to and "BELUM" in r.text), None)

            sms_q = _until("the SMS closure question", lambda: question("twilio", phone))
            wa_q = _until("the WhatsApp closure question", lambda: question("whatsapp", wa_phone.lstrip("+")))
            mail_q = _until("the e-mail closure question", lambda: question("smtp", mail_from))
            assert sms.body.count("ADU-") and docs["sms"]["tracking_number"] in sms_q.text

            # The citizens answer YA, each in their channel.
            assert provider.twilio(phone, "YA").status_code == 200
            [yes] = [b["reply"]["id"] for b in wa_q.body["interactive"]["action"]["buttons"] if b["reply"]["id"].startswith("YA")]
            button = {"type": "interactive", "interactive": {"type": "button_reply",
                                                             "button_reply": {"id": yes, "title": "YA, selesai"}}}
            assert provider.whatsapp_message(wa_phone, "Agus", button).status_code == 200
            reply = EmailMessage()
            reply["From"], reply["To"] = f"Budi <{mail_from}>", mail_q.body["from"]
            reply["Subject"], reply["Message-ID"] = f"Re: {mail_q.body['subject']}", f"<{uuid.uuid4().hex}@mail.example.id>"
            reply["In-Reply-To"] = reply["References"] = mail_q.body["message-id"]
            reply.set_content("YA\n\nTerima kasih.\n\n> Apakah masalah Anda sudah selesai?")
            append_mail(mailbox.host, mailbox.port, mailbox.user, mailbox.password, reply.as_bytes())

            for name in ids:
                closed = _until(f"{name} selesai", lambda n=name: (d := doc(n)) and d.get("status") == "selesai" and d)
                last = closed["history"][-1]
                assert (last["status"], last["actor"], last["actor_role"]) == ("selesai", "pelapor", "citizen"), name
                tracking = closed["tracking_number"]
                es.indices.refresh(index=settings.index_alias)  # the page searches: it sees the change once refreshed
                assert http.get(f"/v1/public/status/{tracking}").json()["status"] == "selesai"
                assert "Selesai" in http.get(f"/status/{tracking}").text
    except Exception:
        print(log_tail(notifier, 40) if "notifier" in locals() else "notifier did not start")
        raise
    finally:
        es.close()
        peers.stop()
