"""The offline mirrors of the stream stage, as a user runs them: JSON Lines in, JSON Lines out."""

import json
import os
import subprocess
import sys


def run(command: str, lines: list[dict]) -> list[dict]:
    result = subprocess.run([sys.executable, "-m", "aduan", command], input="\n".join(map(json.dumps, lines)) + "\n",
                            capture_output=True, text=True, timeout=120, env={**os.environ})
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_classify_adds_the_routing_fields_and_keeps_the_input():
    out = run("classify", [
        {"id": "a", "channel": "sms", "text": "listrik padam terus di kec coblong bandung, pln tlg",
         "reporter": "0812 1111 2222", "received_at": "2026-03-02T08:00:00+07:00"},
        {"id": "b", "text": "Sertifikat tanah saya di BPN Kabupaten Bandung belum selesai 2 tahun",
         "subject": None, "reporter": None, "received_at": None},
    ])
    assert [line["id"] for line in out] == ["a", "b"]
    assert out[0]["topic"] == "energi" and out[0]["region_code"] == "3273" and out[0]["reporter"] == "0812 1111 2222"
    assert out[1]["topic"] == "pertanahan" and out[1]["region_code"] == "3204"
    for line in out:
        assert {"topic", "confidence", "needs_triage", "region_code", "region_name", "unit_code", "unit_name",
                "language"} <= line.keys()


def test_dedup_links_resends_and_paraphrases_in_arrival_order():
    out = run("dedup", [
        {"id": "a", "channel": "sms", "text": "listrik padam terus di kec coblong bandung", "reporter": "0812 1111 2222"},
        {"id": "b", "channel": "sms", "text": "LISTRIK PADAM TERUS DI KEC COBLONG BANDUNG", "reporter": "+62 812-1111-2222"},
        {"id": "c", "channel": "email", "text": "Pemadaman listrik terus-menerus di Kecamatan Coblong, Kota Bandung",
         "reporter": "warga@example.id"},
        {"id": "d", "channel": "sms", "text": "listrik padam terus di kec tembalang semarang", "reporter": "081299990000"},
    ])
    assert [line["duplicate_of"] for line in out] == [None, "a", None, None]
    assert out[0]["cluster_id"] == out[1]["cluster_id"] == out[2]["cluster_id"] == "a"
    assert out[3]["cluster_id"] == "d"  # same words, another place: not the same case


def test_bad_json_line_is_a_clear_error():
    result = subprocess.run([sys.executable, "-m", "aduan", "classify"], input="{oops\n", capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 2 and "line 1" in result.stderr


def test_eval_prints_topic_region_and_duplicate_scores():
    result = subprocess.run([sys.executable, "-m", "aduan", "eval"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "confusion matrix" in result.stdout and "accuracy" in result.stdout
    assert "== regions" in result.stdout and "== duplicates" in result.stdout
