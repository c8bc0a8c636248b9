"""ComplaintRevision folded into the document: appended to source_history, never rewriting content."""

from datetime import timedelta

from consumers.cases.document import fold
from consumers.redaction import view
from schemas.events import Attachment, ComplaintRevision, Reporter, utcnow
from tests import factories as make

NOW = utcnow()


def revision(cid, kind, minutes=1, text=None, **fields):
    return ComplaintRevision(revision_id=f"{cid}:{kind}:{minutes}", complaint_id=cid, channel="social", kind=kind,
                             text=text, provider="facebook", at=NOW + timedelta(minutes=minutes), **fields)


def test_edit_withdraw_and_join_append_history_and_keep_content():
    routed = make.routed(text="Jalan rusak parah", privacy="anonim", reporter=Reporter(name="Sari", phone="+6281234567890"))
    cid = routed.complaint_id
    photo = Attachment(filename="foto 081234567890.jpg", content_type="image/jpeg", size_bytes=9, sha256="b" * 64)
    events = [revision(cid, "edited", 1, text="Jalan rusak parah, hubungi 081234567890"),
              revision(cid, "joined", 2, text="susulan", attachments=[photo], source_complaint_id="c2"),
              revision(cid, "hidden", 3), revision(cid, "unhidden", 4)]
    doc = fold(None, [routed, *events], NOW, "key").doc
    assert (doc["text"], doc["privacy"], doc["reporter"]["name"]) == ("Jalan rusak parah", "anonim", "Sari")
    assert [e["kind"] for e in doc["source_history"]] == ["edited", "joined", "hidden", "unhidden"]
    assert doc["source_state"] == "active" and doc["joined_ids"] == ["c2"] and doc["joined_tracking_numbers"]
    assert doc["status"] == "diterima", "a revision is not a status"
    # out of order and redelivered: the same document
    again = fold(None, [*reversed(events), routed, events[0]], NOW, "key").doc
    assert again["source_history"] == doc["source_history"] and again["text"] == doc["text"]
    withdrawn = fold(doc, [revision(cid, "withdrawn", 5), revision(cid, "unhidden", 6)], NOW, "key").doc
    assert withdrawn["source_state"] == "withdrawn"
    # non-operators read the redacted copies, like every other free text
    shown = view(withdrawn, clear=False)
    assert "081234567890" not in str(shown) and "[disembunyikan]" in shown["source_history"][0]["text"]
    assert "081234567890" not in str(shown["source_texts"]) and "text_redacted" not in shown["source_history"][0]
    assert view(withdrawn, clear=True)["source_history"][0]["text"].endswith("081234567890")


def test_revision_before_its_routing_waits_in_the_stub():
    routed = make.routed()
    doc = fold(None, [revision(routed.complaint_id, "withdrawn")], NOW).doc
    assert "received_at" not in doc and doc["source_state"] == "withdrawn"
    doc = fold(doc, [routed], NOW).doc
    assert doc["text"] == routed.text and doc["source_state"] == "withdrawn"
