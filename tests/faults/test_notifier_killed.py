"""``kill -9`` of the notifier in the middle of a burst of 1,000 status changes, then restart: every
notification reaches the Twilio stand-in exactly once (counted there, by the reference in each message's
status callback URL).

250 SMS complaints × terverifikasi, terdisposisi, ditindaklanjuti, selesai. The kill is not left to
chance: the stand-in kills the notifier when it accepts the 400th message, before it answers, i.e. in the
window between the provider accepting a message and the notifier recording ``sent``, the one place a
restarted notifier could send twice. It must ask Twilio's Messages list and find the message there. The
restarted notifier knows nothing of the complaints it read before the kill: it finds them in the index
(the indexer runs beside it).
"""

from __future__ import annotations

import collections
import signal
import sys
import threading
import time
import uuid
from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import pytest

from aduan.core.connections import Publisher
from aduan.ports import wait_until
from aduan.stack import Child
from consumers.notify.notifier import SOURCES
from schemas.events import utcnow
from schemas.topics import ROUTED, STATUS
from tests import factories as make
from tests.notify_peers import RunningPeers
from tests.workers import log_tail, own_groups, running, start_at_end

pytestmark = [pytest.mark.integration, pytest.mark.faults]

COMPLAINTS = 250
STEPS = ("terverifikasi", "terdisposisi", "ditindaklanjuti", "selesai")
KILL_AT = 400


def _refs(peers: RunningPeers) -> collections.Counter:
    return collections.Counter(parse_qs(urlsplit(r.body["StatusCallback"]).query)["ref"][0]
                               for r in peers.peers.of("twilio"))


def test_killed_notifier_sends_every_notification_once(servers, server_env, tmp_path) -> None:
    peers = RunningPeers().start()
    env = own_groups(servers.kafka, server_env, "notify-kill")
    group = f"notify-kill-{uuid.uuid4().hex[:6]}"
    start_at_end(servers.kafka, group, [spec.name for spec in SOURCES])
    env.update({f"ADUAN_{k.upper()}": v for k, v in peers.settings(tmp_path).items()})
    env.update({"ADUAN_NOTIFY_GROUP": group, "ADUAN_INSTANCE_ID": "kill-test", "ADUAN_PUBLIC_BASE_URL": "https://lapor.kota.go.id"})
    notifier = Child(name="notifier", env=env, log_path=tmp_path / "notifier.log",
                     argv=[sys.executable, "-m", "aduan", "notifier", "--ready-file", str(tmp_path / "n.ready")])
    publisher = Publisher(servers.kafka)
    try:
        with running("indexer", env, tmp_path):
            routed = [make.routed(channel="sms", reporter={"phone": f"+6281{n:09d}"},
                                  channel_meta={"provider": "twilio"}) for n in range(COMPLAINTS)]
            publisher.publish_many([(ROUTED, r.complaint_id, r) for r in routed])
            notifier.start()
            wait_until((tmp_path / "n.ready").exists, 60, "notifier", notifier.alive)
            started = time.monotonic()
            base = utcnow()
            events = [make.status(r.complaint_id, step, at=base + timedelta(milliseconds=i), reason="Sudah ditangani.")
                      for i, step in enumerate(STEPS) for r in routed]
            publisher.publish_many([(STATUS, e.complaint_id, e) for e in events])
            killed = threading.Event()

            def kill_in_the_window(item) -> None:
                if not killed.is_set() and len(peers.peers.of("twilio")) >= KILL_AT:
                    killed.set()
                    notifier.signal_group(signal.SIGKILL)
                    notifier.process.wait(10)  # dead before Twilio answers: the notifier never learns the sid

            peers.peers.on_accept = kill_in_the_window
            wait_until(killed.is_set, 90, f"{KILL_AT} sent", notifier.alive)
            peers.peers.on_accept = None
            at_kill = len(peers.peers.of("twilio"))
            notifier.process.wait(10)
            notifier.start()
            total = len(events)
            wait_until(lambda: len(_refs(peers)) >= total, 90, "every notification sent", notifier.alive)
            elapsed = time.monotonic() - started
            time.sleep(1.0)  # anything sent twice would have arrived by now
            refs = _refs(peers)
            duplicates = sum(n - 1 for n in refs.values())
            print(f"\n{total} status changes, kill -9 after {at_kill} sends; {len(refs)} distinct notifications at "
                  f"the Twilio stand-in, {duplicates} sent twice; all sent {elapsed:.1f}s after the burst began")
            assert len(refs) == total
            assert duplicates == 0, [ref for ref, n in refs.items() if n > 1]
            assert "not sent again" in notifier.log_path.read_text(), "the message of the window was not looked up"
    except Exception:
        print(log_tail(notifier, 40))
        raise
    finally:
        notifier.stop(grace_s=5)
        publisher.close()
        peers.stop()
