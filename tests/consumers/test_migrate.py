"""`aduan index migrate`: a new index version behind the same alias, nothing lost."""

import uuid
from datetime import datetime, timezone

import pytest
from elasticsearch import Elasticsearch

from consumers.cases.document import fold
from consumers.sinks.index import ensure_index, migrate
from tests import factories as make

pytestmark = pytest.mark.integration


def test_migrate_swaps_the_alias_to_the_next_version_with_every_document(servers):
    es = Elasticsearch(servers.elasticsearch)
    alias = f"migrate-{uuid.uuid4().hex[:6]}"
    ensure_index(es, alias)
    now = datetime.now(timezone.utc)
    ids = []
    for i in range(25):
        c = make.routed(received_at=now, text=f"Banjir {i}", topic="lingkungan", unit_code="DLH.3273")
        doc = fold(None, [c], now).doc
        doc["indexed_at"] = now.isoformat()
        es.index(index=alias, id=c.complaint_id, document=doc)
        ids.append(c.complaint_id)
    es.indices.refresh(index=alias)
    old, new, copied = migrate(es, alias, page=10)
    es.indices.refresh(index=alias)
    assert (old, new) == (f"{alias}-v1", f"{alias}-v2") and copied >= 25
    assert list(es.indices.get_alias(name=alias)) == [new]
    assert es.count(index=alias)["count"] == 25
    assert {d["_id"] for d in es.mget(index=alias, ids=ids)["docs"] if d["found"]} == set(ids)
    es.index(index=alias, id="after-swap", document={"complaint_id": "after-swap"})  # writes go to the new version
    assert es.get(index=new, id="after-swap")["found"]


def test_ensure_index_adds_new_properties_to_an_index_made_under_an_older_mapping(servers):
    """A local stack's index predates the redacted copies: ensure_index (run by every process at start)
    adds them, so the indexer's new documents are accepted there instead of refused by the strict mapping."""
    from consumers.sinks.index import MAPPING

    es = Elasticsearch(servers.elasticsearch)
    alias = f"older-{uuid.uuid4().hex[:6]}"
    older = {**MAPPING, "properties": {k: v for k, v in MAPPING["properties"].items()
                                       if k not in ("redacted", "content_digest", "content_conflicts")}}
    es.indices.create(index=f"{alias}-v1", mappings=older, aliases={alias: {"is_write_index": True}})
    now = datetime.now(timezone.utc)
    doc = fold(None, [make.routed(text="Jalan rusak, hubungi 0812-3456-7890")], now).doc
    with pytest.raises(Exception, match="strict|mapping"):
        es.index(index=alias, id="new-doc", document=doc)
    assert ensure_index(es, alias) == f"{alias}-v1"
    es.index(index=alias, id="new-doc", document=doc, refresh=True)
    mapping = es.indices.get_mapping(index=f"{alias}-v1")[f"{alias}-v1"]["mappings"]["properties"]
    assert mapping["redacted"]["properties"]["text"]["analyzer"] == "indonesian"
    hits = es.search(index=alias, query={"match": {"redacted.text": "hubungi"}})["hits"]["hits"]
    assert [h["_id"] for h in hits] == ["new-doc"] and "3456" not in hits[0]["_source"]["redacted"]["text"]
    ensure_index(es, alias)  # again: the same properties are no change
