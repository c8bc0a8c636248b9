"""Every channel end to end: real input format → broker → faust worker → indexer → search hit.

Each message is delivered twice with the same provider id (a gateway retry, a webhook
redelivery, the same mail appended again): the index must hold exactly one complaint.
"""

import subprocess
import sys
import time

import uuid

import pytest
from elasticsearch import Elasticsearch
from fastapi.testclient import TestClient

from aduan.api import create_app
from aduan.dovecot import running_dovecot
from aduan.provider_client import ProviderClient, append_mail, complaint_mail
from consumers.read.search import search
from schemas.ids import complaint_id
from tests.channels import CREDENTIALS, with_channel_credentials
from tests import factories as make

pytestmark = pytest.mark.e2e


@pytest.fixture
def pipeline(e2e_pipeline):
    """The session's shared worker and indexer (tests/conftest.py)."""


@pytest.fixture
def mailbox(server_env, tmp_path):
    with running_dovecot() as imap:
        env = {**server_env, "ADUAN_IMAP_HOST": imap.host, "ADUAN_IMAP_PORT": str(imap.port),
               "ADUAN_IMAP_SSL": "false", "ADUAN_IMAP_USER": imap.user, "ADUAN_IMAP_PASSWORD": imap.password}
        poller = subprocess.Popen([sys.executable, "-m", "aduan", "mail"], env=env,
                                  stdout=open(tmp_path / "mail.log", "wb"), stderr=subprocess.STDOUT)
        try:
            yield imap
        finally:
            poller.terminate()
            poller.wait(timeout=20)


def test_every_channel_to_one_search_hit_despite_redelivery(settings, servers, pipeline, mailbox):
    marker = make.marker("m")
    number = str(uuid.uuid4().int % 10**9)  # provider ids that must be digits (X, Facebook, Gammu)
    sid = "SM" + uuid.uuid4().hex  # Twilio's documented shape
    with TestClient(create_app(with_channel_credentials(settings))) as http:
        provider = ProviderClient(http, "http://testserver", CREDENTIALS)
        sent = {}
        for _ in range(2):  # the second round redelivers every message with the same provider id
            sent["web"] = provider.web(f"Trotoar rusak {marker} web", key=f"web-{marker}")
            sent["twilio"] = provider.twilio("+6281234500001", f"Lampu PJU mati {marker} twilio", sid=sid)
            sent["kannel"] = provider.kannel("6285700000002", f"jln rusak {marker} kannel", message_id=f"k-{marker}")
            sent["gammu"] = provider.gammu("085700000003", f"Air mati {marker} gammu", ids=number)
            sent["facebook"] = provider.facebook_comment("Siti", f"Jembatan patah {marker} facebook",
                                                         comment_id=f"88_{number}")
            sent["whatsapp"] = provider.whatsapp("+6281398765432", "Agus", f"KTP lambat {marker} whatsapp",
                                                 wamid=f"wamid.{marker}")
            sent["x"] = provider.tweet("warga", f"PDAM mati {marker} x", tweet_id=f"17902310{number}")
            sent["x_dm"] = provider.x_direct_message("1500000000000000042", "rina", f"Pungli {marker} xdm",
                                                     dm_id=f"17902400{number}")
            message_id, raw = complaint_mail("Budi <budi@mail.example.id>", "Pengaduan sampah",
                                             f"Sampah menumpuk {marker} email", message_id=f"<{marker}@mail.example.id>")
            append_mail(mailbox.host, mailbox.port, mailbox.user, mailbox.password, raw)
        assert {name: s.status_code for name, s in sent.items()} == {name: 200 for name in sent} | {"web": 202}

    expected = {"web", "twilio", "kannel", "gammu", "facebook", "whatsapp", "x", "xdm", "email"}
    es = Elasticsearch(servers.elasticsearch)
    deadline = time.monotonic() + 90
    while True:
        es.indices.refresh(index=settings.index_alias)
        hits = search(es, settings.index_alias, marker, size=50)["hits"]
        found = {hit["text"].rsplit(" ", 1)[-1] for hit in hits}
        if found >= expected or time.monotonic() > deadline:
            break
        time.sleep(0.5)
    print(f"indexed {len(hits)} complaints for {len(expected)} channel messages sent twice each")
    assert found == expected
    assert len(hits) == len(expected), "a redelivered message created a second complaint"
    assert len({hit["complaint_id"] for hit in hits}) == len(expected)
    by_kind = {hit["text"].rsplit(" ", 1)[-1]: hit for hit in hits}
    assert by_kind["email"]["complaint_id"] == complaint_id("email", f"{marker}@mail.example.id")
    assert by_kind["twilio"]["reporter"]["phone"] == "+6281234500001"
    assert by_kind["email"]["channel"] == "email" and by_kind["x"]["channel"] == "social"
