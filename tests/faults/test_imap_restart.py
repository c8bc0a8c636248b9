"""The IMAP server stopped while the real `aduan mail` poller is fetching: every mail becomes exactly
one searchable complaint once the server is back, and every mail ends up marked \\Seen."""

from __future__ import annotations

import imaplib
import sys
import threading
import time

import pytest

from aduan.dovecot import running_dovecot
from aduan.provider_client import append_mail, complaint_mail
from aduan.stack import Child
from producers.email_parse import normalise_message_id
from schemas.ids import complaint_id
from tests.faults.searchable import Supervised, assert_exactly_once, wait_all_searchable
from tests.workers import log_tail, running

pytestmark = [pytest.mark.integration, pytest.mark.faults]

MAILS = 200
DOWN_S = 5


class MailServer:
    """Delivers mail into the mailbox as a mail server would: a delivery that fails because the IMAP
    server is away is retried (a retry after a lost OK may deliver twice: same Message-ID)."""

    def __init__(self, imap, marker: str) -> None:
        self.imap, self.marker = imap, marker
        self.message_ids: list[str] = []
        self.failed_deliveries = 0

    def deliver(self, count: int) -> None:
        for i in range(count):
            message_id, raw = complaint_mail(f"Warga {i} <warga{i}.{self.marker}@mail.example.id>",
                                             f"Pengaduan {i}", f"Lampu jalan mati di RT {i} laporan {self.marker}",
                                             message_id=f"<{self.marker}.{i}@Mail.Example.ID>")
            while True:
                try:
                    append_mail(self.imap.host, self.imap.port, self.imap.user, self.imap.password, raw)
                    break
                except (OSError, imaplib.IMAP4.error):
                    self.failed_deliveries += 1
                    time.sleep(0.5)
            self.message_ids.append(message_id)
            time.sleep(0.01)


def test_imap_server_stopped_while_fetching_every_mail_searchable_once(server_env, fault_env, es, alias, run_id,
                                                                       tmp_path):
    marker = f"uji{run_id}"
    started = time.monotonic()
    with running_dovecot() as imap, \
            running("indexer", fault_env, tmp_path / "indexer") as indexer_child, \
            running("worker", fault_env, tmp_path / "worker") as worker:
        indexer = Supervised(indexer_child)
        poller = Child(name="mail", log_path=tmp_path / "mail.log", argv=[sys.executable, "-m", "aduan", "mail"],
                       env={**fault_env, "ADUAN_IMAP_HOST": imap.host, "ADUAN_IMAP_PORT": str(imap.port),
                            "ADUAN_IMAP_SSL": "false", "ADUAN_IMAP_USER": imap.user,
                            "ADUAN_IMAP_PASSWORD": imap.password})
        poller.start()
        try:
            mail_server = MailServer(imap, marker)
            delivery = threading.Thread(target=mail_server.deliver, args=(MAILS,), daemon=True)
            delivery.start()
            while len(mail_server.message_ids) < MAILS // 2:
                assert delivery.is_alive()
                time.sleep(0.05)
            imap.stop()  # the server goes away with the poller's session in the middle of fetching
            time.sleep(DOWN_S)
            imap.start()  # same port, same maildir
            delivery.join(timeout=120)
            assert not delivery.is_alive(), "mail delivery did not finish"
            expected = {complaint_id("email", normalise_message_id(mid)) for mid in mail_server.message_ids}
            waited = wait_all_searchable(es, alias, marker, len(expected), timeout_s=180,
                                         alive=lambda: poller.alive() and worker.alive() and indexer.alive())
            deadline = time.monotonic() + 30
            while True:
                flags_now = imap.flags()
                if len(flags_now) >= MAILS and all(r"\Seen" in flags for flags in flags_now.values()):
                    break
                assert time.monotonic() < deadline, "mail searchable but not acknowledged"
                time.sleep(0.5)
            assert poller.alive(), log_tail(poller)
        finally:
            poller.stop(grace_s=10)
    unseen = [uid for uid, flags in flags_now.items() if r"\Seen" not in flags]
    reconnects = poller.log_path.read_text(errors="replace").count("unavailable")
    print(f"\nmails delivered {MAILS} ({mail_server.failed_deliveries} deliveries retried while the server was away), "
          f"messages in INBOX {len(flags_now)}, unseen {len(unseen)}, poller reconnect warnings {reconnects}; all "
          f"searchable {waited:.1f}s after delivery; {time.monotonic() - started:.1f}s in all; "
          f"indexer restarts after a crash: {len(indexer.restarts)}")
    assert len(flags_now) >= MAILS and not unseen
    assert_exactly_once(es, alias, marker, expected, accepted=len(set(mail_server.message_ids)), label="IMAP restart")
