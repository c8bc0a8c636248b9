from __future__ import annotations

import mailbox
import shutil
from pathlib import Path

from producers.backfill import count_mbox, eml_files, ingest_messages, iter_eml, iter_mbox
from aduan.core.connections import BrokerUnavailable

SAMPLES = Path(__file__).parent / "mail_samples"
NAMES = ["plain_utf8_qp.eml", "auto_reply.eml", "empty_body.eml", "attachment.eml", "bounce.eml"]


def write_mbox(path: Path, names: list[str]) -> None:
    box = mailbox.mbox(str(path))
    for name in names:
        box.add((SAMPLES / name).read_bytes())
    box.flush()
    box.close()


def test_mbox_round_trip_and_summary(tmp_path):
    path = tmp_path / "arsip.mbox"
    write_mbox(path, NAMES)
    assert count_mbox(path) == 5
    accepted, dead, ticks = [], [], []
    summary = ingest_messages(iter_mbox(path), lambda c, raw: accepted.append(c), ticks.append,
                              dead_letter=lambda raw, reason: dead.append(reason))
    assert (summary.total, summary.accepted, summary.ignored, summary.invalid) == (5, 2, 2, 1)
    assert summary.with_attachments == 1 and summary.aborted is None
    assert ticks == [1] * 5
    assert [c.provider_message_id for c in accepted] == ["CAKx9+qT8pL2mZ0vN3@mail.gmail.com", "foto-trotoar@example.org"]
    assert dead == ["empty message: no text body and no subject"]
    assert summary.ignored_reasons == {"auto-submitted": 1, "delivery or read report": 1}
    assert any("ignored: 2" in line for line in summary.lines())


def test_mbox_message_ids_match_eml_ingest(tmp_path):
    """The same mail from an mbox and from an .eml file is the same complaint (re-ingest is idempotent)."""
    write_mbox(tmp_path / "a.mbox", ["alternative.eml"])
    from_mbox = ingest_and_collect(iter_mbox(tmp_path / "a.mbox"))
    from_eml = ingest_and_collect([(SAMPLES / "alternative.eml").read_bytes()])
    assert [c.complaint_id for c in from_mbox] == [c.complaint_id for c in from_eml]


def ingest_and_collect(messages) -> list:
    out: list = []
    ingest_messages(messages, lambda c, raw: out.append(c))
    return out


def test_eml_directory_is_recursive_and_sorted(tmp_path):
    (tmp_path / "b").mkdir()
    shutil.copy(SAMPLES / "alternative.eml", tmp_path / "b" / "2.eml")
    shutil.copy(SAMPLES / "plain_utf8_qp.eml", tmp_path / "1.EML")
    (tmp_path / "notes.txt").write_text("not mail")
    assert [p.name for p in eml_files(tmp_path)] == ["1.EML", "2.eml"]
    assert len(ingest_and_collect(iter_eml(tmp_path))) == 2


def test_broker_unavailable_stops_with_a_resumable_summary():
    calls = []

    def accept(complaint, raw):
        calls.append(complaint)
        if len(calls) == 2:
            raise BrokerUnavailable("down")

    messages = [(SAMPLES / n).read_bytes() for n in ("alternative.eml", "plain_utf8_qp.eml", "attachment.eml")]
    summary = ingest_messages(messages, accept)
    assert summary.total == 1 and summary.accepted == 1 and len(calls) == 2
    assert summary.aborted.startswith("broker unavailable at message 2")
