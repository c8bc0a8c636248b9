"""The shipped Gammu forwarder (deploy/gammu/aduan-gammu-forward) as SMSD runs it: RunOnReceive's environment
and ids, a real aduan API process on a port and the real broker, a fake gammu-smsd-inject on PATH that records
how it was called; then `aduan ingest gammu` replays the inbox without duplicating what was forwarded."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from aduan.api import create_app
from producers.sms.gammu import gammu_complaint, inbox_messages
from tests.channels import CREDENTIALS, with_channel_credentials
from tests.consumers.test_live import serving
from tests.factories import marker
from tests.producers.test_channels_integration import raw_complaints

FORWARDER = Path(__file__).resolve().parents[2] / "deploy" / "gammu" / "aduan-gammu-forward"
FAKE_INJECT = """#!/bin/sh
printf '%s\\n' "$@" > "$INJECT_LOG"
"""


def test_mms_indication_is_a_complaint_with_unavailable_media():
    complaint = gammu_complaint({"SMS_MESSAGES": "1", "DECODED_PARTS": "1", "SMS_1_NUMBER": "+6281234500031",
                                 "SMS_1_TEXT": "", "DECODED_1_MMS_ADDRESS": "http://mmsc.example/abc",
                                 "DECODED_1_MMS_TITLE": "foto", "DECODED_1_MMS_SIZE": "40960", "ids": "IN1"})
    assert complaint.channel_meta["media_only"] and complaint.attachments[0].status == "unavailable"
    assert complaint.attachments[0].size_bytes == 40960 and "MMS" in complaint.text


def test_inbox_file_names_and_formats(tmp_path):
    (tmp_path / "IN20260301_101500_00_+6281234500032_00.txt").write_bytes("Lampu mati\n😊".encode("utf-16"))
    (tmp_path / "IN20260301_101600_00_+6281234500033_00.txt").write_bytes(b"Sampah menumpuk di ")
    (tmp_path / "IN20260301_101600_00_+6281234500033_01.txt").write_bytes(b"pasar baru")
    (tmp_path / "IN20260301_101700_00_+6281234500034_00.bin").write_bytes(b"\x00\x01")
    (tmp_path / "OUTA_+62812_00.txt").write_text("not inbox")
    messages = [gammu_complaint(fields) for fields, _ in inbox_messages(tmp_path, "modem-1")]
    assert [m.text for m in messages] == ["Lampu mati\n😊", "Sampah menumpuk di pasar baru"]
    assert messages[1].provider_message_id == ("gammu:modem-1:IN20260301_101600_00_+6281234500033_00.txt "
                                               "IN20260301_101600_00_+6281234500033_01.txt")


@pytest.mark.integration
def test_forwarder_posts_answers_with_inject_and_ingest_replays(settings, servers, server_env, tmp_path):
    word = marker("gammu")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    name = "IN20260301_101500_00_+6281234500041_00.txt"
    (inbox / name).write_bytes(f"Jalan rusak {word}".encode())
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    inject = bin_dir / "gammu-smsd-inject"
    inject.write_text(FAKE_INJECT)
    inject.chmod(0o755)
    with serving(create_app(with_channel_credentials(settings))) as url:
        env = {"PATH": f"{bin_dir}:{os.environ['PATH']}", "INJECT_LOG": str(tmp_path / "inject.log"),
               "ADUAN_FORWARD_CONFIG": str(tmp_path / "absent.conf"), "ADUAN_URL": url,
               "ADUAN_SMS_GATEWAY_SECRET": CREDENTIALS.sms_gateway_secret, "ADUAN_FORWARD_LOG": str(tmp_path / "fw.log"),
               "SMS_MESSAGES": "1", "DECODED_PARTS": "0", "PHONE_ID": "modem-1", "SMS_1_NUMBER": "+6281234500041",
               "SMS_1_TEXT": f"Jalan rusak {word}", "SMS_1_CLASS": "-1"}
        done = subprocess.run([sys.executable, str(FORWARDER), name], env=env, stdin=subprocess.DEVNULL,
                              capture_output=True, timeout=60)
        assert done.returncode == 0, (tmp_path / "fw.log").read_text()
        assert done.stdout == b"", "SMSD closes stdout: nothing may depend on it"
        args = (tmp_path / "inject.log").read_text().splitlines()
        assert args[:2] == ["TEXT", "+6281234500041"] and "ADU-" in args[args.index("-text") + 1]
        # aduan down: temporary failure, the message stays in the inbox for a replay
        down = subprocess.run([sys.executable, str(FORWARDER), name], timeout=60, stdin=subprocess.DEVNULL,
                              env={**env, "ADUAN_URL": "http://127.0.0.1:9", "ADUAN_FORWARD_ATTEMPTS": "1"})
        assert down.returncode == 75
    replay = subprocess.run([sys.executable, "-m", "aduan", "ingest", "gammu", str(inbox), "--phone-id", "modem-1"],
                            env=server_env, capture_output=True, text=True, timeout=120)
    assert replay.returncode == 0 and "1 accepted" in replay.stdout, replay.stderr[-2000:]
    provider_id = f"gammu:modem-1:{name}"
    got = raw_complaints(servers.kafka, "sms", {provider_id})
    # the replay derived the forwarder's provider id (hence its complaint id): the stream sees a redelivery
    assert got[provider_id].text == f"Jalan rusak {word}"
