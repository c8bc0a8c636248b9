"""``kill -9`` of the notifier in the middle of a burst of status changes, then restart: every notification
reaches the provider stand-in, and at most the one message in flight at the kill twice.

300 status changes (100 SMS complaints × terverifikasi, terdisposisi, ditindaklanjuti; the issue's
1,000 in CI would cost ~3× the time for no other path). The restarted notifier knows nothing of the
complaints it read before the kill: it finds them in the index (the indexer runs beside it).
"""

from __future__ import annotations

import collections
import signal
import sys
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

COMPLAINTS = 100
STEPS = ("terverifikasi", "terdisposisi", "ditindaklanjuti")


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
            wait_until(lambda: len(peers.peers.of("twilio")) >= 100, 60, "first hundred sent", notifier.alive)
            notifier.signal_group(signal.SIGKILL)
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
            assert duplicates <= 1, "more than the one message in flight at the kill was sent twice"
    except Exception:
        print(log_tail(notifier, 40))
        raise
    finally:
        notifier.stop(grace_s=5)
        publisher.close()
        peers.stop()
