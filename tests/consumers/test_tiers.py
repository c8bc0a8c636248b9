"""The local stack's two index tiers through two real search emulators (the session's and a cold one).

What the tiers must never do: show a reader anything else than one index would (each complaint once, the same
totals, facets and statistics), lose the only copy of a document, or let a later event write over a moved
document from scratch."""

from __future__ import annotations

import threading
import time
import uuid
from datetime import datetime, timedelta, timezone
from types import SimpleNamespace

import pytest
from elasticsearch import Elasticsearch

from aduan.core.connections import Publisher
from aduan.core.tiered_search import SUPERSEDED_FIELD, TieredElasticsearch
from aduan.stack import start_emulator
from consumers.read.access import Principal
from consumers.read.desk import queue_counts
from consumers.read.search import SearchParams, iter_complaints, search_complaints
from consumers.read.stats import collect_stats
from consumers.sinks.index import ensure_index
from consumers.sinks.indexer import IndexWriter
from consumers.sinks.tiering import TierMover, sweep
from schemas.topics import DUPLICATES, ROUTED, STATUS
from tests import factories as make

pytestmark = pytest.mark.integration

OPERATOR = Principal(role="operator", name="uji")
PUBLIC = Principal(role="public", name="warga")


@pytest.fixture(scope="module")
def cold_url(tmp_path_factory):
    data = tmp_path_factory.mktemp("cold")
    child, _, url = start_emulator(data / "noida-cold", data / "cold.log", only=("elasticsearch",), name="cold")
    yield url
    child.stop(grace_s=5)


@pytest.fixture
def tiers(servers, cold_url):
    """A tiered alias of this test's own, and a one-index alias beside it that is given the same events."""
    name = f"t{uuid.uuid4().hex[:10]}"
    hot, cold, single = Elasticsearch(servers.elasticsearch), Elasticsearch(cold_url), Elasticsearch(servers.elasticsearch)
    for es, alias in ((hot, name), (cold, name), (single, f"{name}-one")):
        ensure_index(es, alias)
    publisher = Publisher(servers.kafka, 5)
    tiered = TieredElasticsearch(hot, cold, name)
    yield SimpleNamespace(alias=name, one=f"{name}-one", es=tiered, single=single,
                          writer=IndexWriter(tiered, name, publisher, pseudonym_key="k", hot_s=120),
                          one_writer=IndexWriter(single, f"{name}-one", publisher, pseudonym_key="k"))
    publisher.close()
    for es in (hot, cold, single):
        es.close()


def records(*pairs, produced: datetime | None = None) -> list[SimpleNamespace]:
    stamp = int((produced or datetime.now(timezone.utc)).timestamp() * 1000)
    return [SimpleNamespace(topic=spec.name, value=event.model_dump_json().encode(), timestamp=stamp, partition=0,
                            offset=i, key=b"") for i, (spec, event) in enumerate(pairs)]


def write_both(t, pairs) -> None:
    for writer in (t.writer, t.one_writer):
        result = writer.write(records(*pairs), threading.Event())
        assert not result.letters and not result.pending
    refresh(t)


def refresh(t) -> None:
    for es, alias in ((t.es.hot, t.alias), (t.es.cold, t.alias), (t.single, t.one)):
        es.indices.refresh(index=alias)


def move_all(t) -> TierMover:
    """Every document of the hot tier to the cold one: copy, then (nothing to wait for) finish."""
    mover = TierMover(t.es, t.alias, hot_s=-60, settle_s=0)
    first = mover.step()
    assert first.copied > 0
    second = mover.step()
    assert second.moved == first.copied, (first, second)
    refresh(t)
    return mover


def held(es: Elasticsearch, alias: str) -> int:
    es.indices.refresh(index=alias)
    return es.count(index=alias)["count"]


def comparable(page) -> tuple:
    return page.total, [h["complaint_id"] for h in page.hits], page.facets


def corpus(n: int = 12):
    texts = ["Jalan rusak berlubang di Jl. Merdeka", "Lampu jalan mati di gang Mawar", "Sampah menumpuk di pasar",
             "Pungli di kantor kelurahan", "Air PDAM keruh sejak kemarin", "Banjir di perumahan Griya"]
    units = ["PUPR.3273", "DLH.3273", "PDAM.3273"]
    out = []
    for i in range(n):
        out.append(make.routed(text=f"{texts[i % len(texts)]} nomor {i}", channel=("web", "sms", "email")[i % 3],
                               unit_code=units[i % 3], topic=("infrastruktur", "lingkungan", "air")[i % 3],
                               privacy="rahasia" if i % 5 == 0 else "publik",
                               received_at=datetime.now(timezone.utc) - timedelta(minutes=30 - i)))
    return out


def test_readers_see_two_tiers_as_one_index(tiers):
    t = tiers
    old, new = corpus(12), corpus(6)
    write_both(t, [(ROUTED, c) for c in old])
    move_all(t)
    write_both(t, [(ROUTED, c) for c in new] + [(STATUS, make.status(old[1].complaint_id, "terverifikasi"))] +
               [(DUPLICATES, make.duplicate(old[2].complaint_id, received_at=old[2].received_at))])
    refresh(t)
    assert held(t.es.cold, t.alias) == 12 and held(t.es.hot, t.alias) == 6 + 2  # two promoted back
    assert t.es.count(index=t.alias)["count"] == t.single.count(index=t.one)["count"] == 18

    for principal in (OPERATOR, PUBLIC):
        for params in (SearchParams(), SearchParams(sort="oldest", size=5), SearchParams(sort="due", size=7),
                       SearchParams(channel=("sms",)), SearchParams(status=("terverifikasi",)),
                       SearchParams(q="jalan")):
            tiered, single = search_complaints(t.es, t.alias, principal, params), \
                search_complaints(t.single, t.one, principal, params)
            if params.q:  # relevance: each index scores by its own term statistics, as Elasticsearch's shards do
                assert (tiered.total, sorted(h["complaint_id"] for h in tiered.hits), tiered.facets) == \
                    (single.total, sorted(h["complaint_id"] for h in single.hits), single.facets)
            else:
                assert comparable(tiered) == comparable(single), params
        every = [d["complaint_id"] for d in iter_complaints(t.es, t.alias, principal, SearchParams(sort="newest"),
                                                           page_size=4)]
        assert every == [d["complaint_id"] for d in iter_complaints(t.single, t.one, principal,
                                                                   SearchParams(sort="newest"), page_size=4)]
        assert len(every) == len(set(every))
        now = datetime.now(timezone.utc)
        tiered_stats, single_stats = collect_stats(t.es, t.alias, principal, now), \
            collect_stats(t.single, t.one, principal, now)
        assert tiered_stats == single_stats
        assert queue_counts(t.es, t.alias, principal, SearchParams()) == \
            queue_counts(t.single, t.one, principal, SearchParams())


def test_an_event_for_a_moved_complaint_brings_it_back_and_the_cold_copy_is_hidden_then_removed(tiers):
    t = tiers
    [c] = corpus(1)
    write_both(t, [(ROUTED, c)])
    move_all(t)
    assert t.es.hot.options(ignore_status=404).get(index=t.alias, id=c.complaint_id)["found"] is False
    write_both(t, [(STATUS, make.status(c.complaint_id, "terverifikasi"))])
    hot = t.es.hot.get(index=t.alias, id=c.complaint_id)["_source"]
    cold = t.es.cold.get(index=t.alias, id=c.complaint_id)["_source"]
    assert hot["status"] == "terverifikasi" and hot["text"] == c.text and SUPERSEDED_FIELD not in hot
    assert cold["status"] != "terverifikasi" and SUPERSEDED_FIELD in cold
    found = t.es.search(index=t.alias, query={"term": {"complaint_id": c.complaint_id}})["hits"]
    assert found["total"]["value"] == 1 and found["hits"][0]["_source"]["status"] == "terverifikasi"
    assert t.es.get(index=t.alias, id=c.complaint_id)["_source"]["status"] == "terverifikasi"
    # The superseded copy goes once the hot copy has settled (a copy younger than that stays: a crash could
    # still lose the hot one).
    assert sweep(t.es, t.alias, settle_s=3600).removed == 0
    time.sleep(1.1)
    assert sweep(t.es, t.alias, settle_s=1).removed == 1
    refresh(t)
    assert t.es.cold.options(ignore_status=404).get(index=t.alias, id=c.complaint_id)["found"] is False


def test_a_routing_replayed_after_the_move_folds_into_the_moved_document_not_over_it(tiers):
    """A journal's re-publication after a crash, or an index repair, sends a complaint's routing again: found in
    the cold tier, not written afresh in the hot one (which would drop everything folded since)."""
    t = tiers
    [c] = corpus(1)
    write_both(t, [(ROUTED, c), (STATUS, make.status(c.complaint_id, "terverifikasi"))])
    move_all(t)
    write_both(t, [(ROUTED, c)])  # produced now: the stamp is older than the record, the cold tier is asked
    doc = t.es.get(index=t.alias, id=c.complaint_id)["_source"]
    assert doc["status"] == "terverifikasi"
    assert t.es.count(index=t.alias, query={"term": {"complaint_id": c.complaint_id}})["count"] == 1


def test_a_new_complaint_is_not_looked_for_in_the_cold_tier_but_a_forged_recent_stamp_is(tiers):
    t = tiers
    now = datetime.now(timezone.utc)
    fresh = make.routed(text="Lampu mati", received_at=now)
    record = records((ROUTED, fresh), produced=now)[0]
    assert t.writer._too_young_to_be_cold(fresh, record, now)
    # A date after its own record's (a sender's clock ahead): not taken as young.
    ahead = make.routed(text="Lampu mati", received_at=now + timedelta(seconds=30))
    assert not t.writer._too_young_to_be_cold(ahead, records((ROUTED, ahead), produced=now)[0], now)
    old = make.routed(text="Lampu mati", received_at=now - timedelta(seconds=61))
    assert not t.writer._too_young_to_be_cold(old, records((ROUTED, old), produced=now)[0], now)


def test_a_document_written_while_it_was_being_moved_stays_hot_and_is_seen_once(tiers):
    t = tiers
    [c] = corpus(1)
    write_both(t, [(ROUTED, c)])
    mover = TierMover(t.es, t.alias, hot_s=-60, settle_s=0)
    assert mover.step().copied == 1  # copied, marked superseded
    write_both(t, [(STATUS, make.status(c.complaint_id, "terverifikasi"))])  # the original changes meanwhile
    report = mover.step()
    assert report.kept == 1 and report.moved == 0
    refresh(t)
    found = t.es.search(index=t.alias, query={"term": {"complaint_id": c.complaint_id}})["hits"]
    assert found["total"]["value"] == 1 and found["hits"][0]["_source"]["status"] == "terverifikasi"


def test_the_sweep_repairs_what_a_crash_between_two_writes_leaves(tiers):
    t = tiers
    a, b = corpus(2)
    write_both(t, [(ROUTED, a), (ROUTED, b)])
    now = datetime.now(timezone.utc).isoformat()
    # a: in both tiers, the cold copy unmarked (a promotion that created but did not mark) → seen twice.
    t.es.cold.index(index=t.alias, id=a.complaint_id, document=t.es.hot.get(index=t.alias, id=a.complaint_id)["_source"])
    # b: only in the cold tier, marked (a move whose hot delete was saved, its unmark not) → seen nowhere.
    source = t.es.hot.get(index=t.alias, id=b.complaint_id)["_source"]
    t.es.cold.index(index=t.alias, id=b.complaint_id, document={**source, SUPERSEDED_FIELD: now})
    t.es.hot.delete(index=t.alias, id=b.complaint_id)
    refresh(t)
    assert t.es.count(index=t.alias)["count"] == 2 - 1 + 1  # a twice, b never
    report = sweep(t.es, t.alias, full=True)
    assert (report.marked, report.unmarked) == (1, 1), report
    refresh(t)
    ids = [h["_id"] for h in t.es.search(index=t.alias, query={"match_all": {}})["hits"]["hits"]]
    assert sorted(ids) == sorted([a.complaint_id, b.complaint_id]) and t.es.count(index=t.alias)["count"] == 2


def test_a_copy_the_cold_tier_lost_is_never_made_the_only_one(tiers):
    """The cold emulator restarted from an older state between the copy and the delete: the hot original stays."""
    t = tiers
    [c] = corpus(1)
    write_both(t, [(ROUTED, c)])
    mover = TierMover(t.es, t.alias, hot_s=-60, settle_s=0)
    assert mover.step().copied == 1
    t.es.cold.delete(index=t.alias, id=c.complaint_id, refresh=True)  # what a restart from an older snapshot does
    report = mover.step()
    assert report.moved == 0
    assert t.es.hot.get(index=t.alias, id=c.complaint_id)["found"]
