"""Operators correcting a complaint's topic and cluster: roles, validation, then a ComplaintCorrection on Kafka."""

import json
from datetime import datetime, timezone

import pytest
from elasticsearch import Elasticsearch

from consumers.cases.document import fold
from schemas.events import ComplaintCorrection
from schemas.topics import CORRECTIONS
from tests import factories as make
from tests.consumers.test_status_api import _answer_while_streaming, client, complaint_doc  # noqa: F401 (fixtures)
from tests.consumers.test_live import serving
from tests.servers import read_topic

pytestmark = pytest.mark.integration


@pytest.fixture
def other_doc(servers, settings):
    """Another complaint, member of a cluster: the merge target."""
    routed = make.routed(text="Jalan berlubang di Cibiru juga", unit_code="DPUPR.3273", region_code="3273",
                         cluster_id="cluster-of-another")
    doc = fold(None, [routed], datetime.now(timezone.utc)).doc
    with Elasticsearch(servers.elasticsearch) as es:
        es.index(index=settings.index_alias, id=routed.complaint_id, document=doc, refresh="wait_for")
    return doc


def post(client, doc, key, body, **headers):
    return client.post(f"/v1/complaints/{doc['complaint_id']}/corrections", json=body,
                       headers={"X-API-Key": key, **headers} if key else headers)


@pytest.mark.parametrize(("key", "body", "code"), [
    (None, {"kind": "topic", "topic": "pajak"}, 401),
    ("an-key", {"kind": "topic", "topic": "pajak"}, 403),
    ("unit-a", {"kind": "topic", "topic": "pajak"}, 403),  # its own complaint: units do not reclassify
    ("op-key", {"kind": "topic", "topic": "ghaib"}, 422),
    ("op-key", {"kind": "topic"}, 422),
    ("op-key", {"kind": "merge", "topic": "pajak"}, 422),
    ("op-key", {"kind": "merge", "target": "ADU-0000-0000"}, 404),
    ("op-key", {"kind": "split"}, 409),  # not in anyone else's cluster
    ("op-key", {"kind": "topic", "topic": "pajak", "actor": "someone"}, 422),
])
def test_refusals(client, complaint_doc, key, body, code):
    assert post(client, complaint_doc, key, body).status_code == code


def test_an_operator_sets_the_topic_and_merges_and_the_corrections_reach_kafka(client, complaint_doc, other_doc,
                                                                                servers):
    topic = post(client, complaint_doc, "op-key", {"kind": "topic", "topic": "lingkungan", "reason": "sampah"},
                 **{"Idempotency-Key": "t1"})
    assert topic.status_code == 202, topic.text
    again = post(client, complaint_doc, "op-key", {"kind": "topic", "topic": "lingkungan"}, **{"Idempotency-Key": "t1"})
    assert again.json()["correction_id"] == topic.json()["correction_id"]  # a retried request is the same correction
    merge = post(client, complaint_doc, "op-key", {"kind": "merge", "target": other_doc["tracking_number"]})
    assert merge.status_code == 202 and merge.json()["cluster_id"] == "cluster-of-another"
    # Into the cluster it is already in: nothing to do.
    assert post(client, other_doc, "op-key", {"kind": "merge", "target": other_doc["complaint_id"]}).status_code == 409
    wanted = {topic.json()["correction_id"], merge.json()["correction_id"]}
    records = read_topic(servers.kafka, CORRECTIONS.name, until=lambda rs: wanted <= {
        ComplaintCorrection.model_validate_json(r.value).correction_id for r in rs})
    found = {c.correction_id: c for c in (ComplaintCorrection.model_validate_json(r.value) for r in records)
             if c.correction_id in wanted}
    assert {(c.kind, c.topic, c.cluster_id, c.actor, c.complaint_id) for c in found.values()} == {
        ("topic", "lingkungan", None, "desk", complaint_doc["complaint_id"]),
        ("merge", None, "cluster-of-another", "desk", complaint_doc["complaint_id"])}


def test_the_body_is_read_only_after_the_role_is_checked(client, complaint_doc, settings):
    with serving(client.app) as base:
        for key in ("unit-a", "an-key"):
            status, sent = _answer_while_streaming(base, f"/v1/complaints/{complaint_doc['complaint_id']}/corrections",
                                                   key, 1 << 30)
            assert status == 403 and sent < 16 * 1024 * 1024, key


def test_corrections_export_as_labelled_examples_without_contacts_or_rahasia_text(servers, tmp_path):
    """Through the real index and CLI; then the file is what `aduan train --corrections` reads."""
    from consumers.sinks.index import ensure_index
    from streams.corrections import load_corrections
    from tests.aduan.test_cli_tables import aduan, bare_env

    alias = f"test-corrections-{make.marker('ekspor')}"
    secret = make.marker("rahasia")
    head = make.routed(text="Got di Jalan Melati mampet, sampah menumpuk, WA 0813-2222-3333", topic="lingkungan")
    routed = make.routed(text="Sampah di got, hubungi 0812-3456-7890 atau warga@example.id", topic="infrastruktur",
                         cluster_id="c1")
    hidden = make.routed(text=f"Kepala sekolah {secret} meminta uang", topic="pendidikan", privacy="rahasia")
    cid = routed.complaint_id
    corrections = [make.correction(cid, "topic", topic="lingkungan", reason="bukan jalan, 0812-3456-7890"),
                   make.correction(cid, "merge", cluster_id=head.complaint_id)]
    now = datetime.now(timezone.utc)
    with Elasticsearch(servers.elasticsearch) as es:
        ensure_index(es, alias)
        for events in ([routed, *corrections], [head],
                       [hidden, make.correction(hidden.complaint_id, "topic", topic="korupsi_pungli",
                                                reason=f"pungli {secret}")]):
            es.index(index=alias, id=events[0].complaint_id, document=fold(None, events, now).doc)
        es.indices.refresh(index=alias)
    out = tmp_path / "corrections.jsonl"
    env = {**bare_env(tmp_path), "ADUAN_KAFKA_BOOTSTRAP": servers.kafka,
           "ADUAN_ELASTICSEARCH_URL": servers.elasticsearch, "ADUAN_INDEX_ALIAS": alias}
    result = aduan("corrections", "export", "--output", str(out), env=env)
    assert result.returncode == 0, result.stderr
    lines = out.read_text(encoding="utf-8").splitlines()
    examples = {(e["complaint_id"], e["kind"]): e for e in map(json.loads, lines)}
    assert {(e["kind"], e["label"], e["routed_topic"], e["actor"]) for e in examples.values()
            if e["complaint_id"] == cid} == {("topic", "lingkungan", "infrastruktur", "desk"),
                                             ("merge", head.complaint_id, "infrastruktur", "desk")}
    merge = examples[(cid, "merge")]
    assert "Sampah di got" in merge["text"] and merge["privacy"] == "publik"
    assert merge["pair"]["complaint_id"] == head.complaint_id and "Got di Jalan Melati" in merge["pair"]["text"]
    assert all(complaint_id != hidden.complaint_id for complaint_id, _kind in examples)  # no line of a rahasia one
    written = out.read_text()
    assert "3456" not in written and "warga@" not in written and "2222" not in written  # text and reason scrubbed
    assert secret not in written and hidden.tracking_number not in written  # analysts never see a rahasia complaint
    taught = load_corrections([out])
    assert [e["topic"] for e in taught.topic_examples] == ["lingkungan"] and taught.withheld == 0
    assert [(a["id"], b["id"], same) for a, b, same in taught.pairs] == [(cid, head.complaint_id, True)]
