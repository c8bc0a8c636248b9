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
