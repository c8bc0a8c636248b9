"""ComplaintRevision folded into the document: appended to source_history, never rewriting content."""

from datetime import timedelta

from consumers.cases.document import fold
from consumers.redaction import view
from schemas.events import Attachment, ComplaintRevision, Routing, Reporter, utcnow
from schemas.units import unit_name
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


def test_a_joined_text_reroutes_a_media_only_complaint_in_either_order_and_a_reroute_still_wins():
    photo = make.routed(text="[Foto tanpa keterangan]", channel="social", channel_meta={"media_only": True},
                        topic="lainnya", needs_triage=True, unit_code="KSP.TRIASE", unit_name="Triase")
    cid = photo.complaint_id
    routing = Routing(topic="infrastruktur", topic_label="Infrastruktur", confidence=0.91, region_code="3273",
                            region_name="Kota Bandung", instansi_code="PEMDA.3273", instansi_name="Pemerintah Kota Bandung",
                            unit_code="DPUPR.3273", unit_name="Dinas PUPR Kota Bandung")
    text = revision(cid, "joined", 2, text="Jalan berlubang di Cicadas", source_complaint_id="c2", routing=routing)
    for events in ([photo, text], [text, photo]):
        doc = None
        for event in events:  # separate batches, either order
            doc = fold(doc, [event], NOW).doc
        assert (doc["unit_code"], doc["unit_name"], doc["topic"], doc["region_code"], doc["needs_triage"]) == (
            "DPUPR.3273", "Dinas PUPR Kota Bandung", "infrastruktur", "3273", False)
        assert doc["text"] == "[Foto tanpa keterangan]" and doc["routed_unit_code"] == "KSP.TRIASE", "content as written"
    assert fold(doc, [photo, text], NOW).doc == doc, "redelivery changes nothing"
    # an operator's re-route wins over the joined text's routing, and the unit's name follows it
    moved = fold(doc, [make.status(cid, "bukan_wewenang", unit_code="DINKES.3204", at=NOW + timedelta(minutes=5))], NOW).doc
    assert moved["unit_code"] == "DINKES.3204" and moved["unit_name"] == unit_name("DINKES.3204") != doc["unit_name"]
    # a text complaint keeps its own routing when a photo (or anything with a routing) joins it
    worded = make.routed(text="Lampu jalan mati", unit_code="DPUPR.3273", topic="infrastruktur")
    joined = revision(worded.complaint_id, "joined", 2, source_complaint_id="c3", routing=routing.model_copy(
        update={"unit_code": "DINKES.3204"}))
    assert fold(None, [worded, joined], NOW).doc["unit_code"] == "DPUPR.3273"
