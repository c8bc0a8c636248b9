"""The local stack's two index tiers kept consistent: documents move to the cold tier, and back when written.

Why there are tiers: ``aduan.core.tiered_search``. The rule both directions keep: **a document the hot tier
holds is the truth**, and a cold copy it supersedes carries ``superseded_at`` so that no reader sees it.

Moving hot → cold (``TierMover``, a thread of the indexer process, every ``MOVE_EVERY_S``):

1. *copy*: documents not written for ``ADUAN_INDEX_HOT_S`` are written to the cold tier marked superseded;
2. one step later (≥ ``SETTLE_S``: the emulator keeps its state in memory and writes it out about once a second,
   so an acknowledged write is on disk only a little later), each copy is read back from the cold tier, and
   the hot original is deleted if it is still the version copied (``if_seq_no``), then the cold copy unmarked.
   An original written meanwhile stays; its cold copy stays superseded until a later sweep removes it.

Back cold → hot (``promote``, by the indexer when it folds an event into a cold document): the folded document
is created in the hot tier, then the cold copy is marked superseded.

A crash can stop any of these between two writes, and the two emulators persist at different moments;
``sweep`` (at the indexer's start and every step) repairs what that leaves, never by deleting the only copy:

- both tiers hold it, the cold copy unmarked (a promotion that did not mark) → mark the cold copy;
- only the cold tier holds it, marked (a move whose delete was saved but not its unmark, a promotion whose
  create was lost) → unmark it (the index repair then folds the lost events in again);
- the cold copy marked and the hot copy settled (written ≥ ``SETTLE_S`` ago) → delete the cold copy.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any, Callable

from elasticsearch import ApiError, Elasticsearch, TransportError

from aduan.core.tiered_search import SUPERSEDED_FIELD, TieredElasticsearch

log = logging.getLogger(__name__)

MOVE_EVERY_S = 30.0
# How long before a write to the emulator is surely on its disk: it persists about once a second (a rewrite
# takes 1.7-2.6 s at 35,000 documents); thirty seconds is ten times the longest measured.
SETTLE_S = 30.0
MOVE_BATCH = 1000


@dataclass
class Copied:
    hot_seq: tuple[int, int]  # (_seq_no, _primary_term) of the hot original that was copied
    indexed_at: str
    at: float  # monotonic


@dataclass
class TierReport:
    copied: int = 0
    moved: int = 0  # hot originals deleted, their cold copies made visible
    kept: int = 0  # originals written after their copy: stay hot
    marked: int = 0
    unmarked: int = 0
    removed: int = 0  # superseded cold copies deleted

    def add(self, other: TierReport) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))


def _stamp(source: dict, at: datetime) -> dict:
    return {**source, SUPERSEDED_FIELD: at.isoformat()}


def without_mark(source: dict) -> dict:
    """A document's source as the hot tier holds it (a cold copy's mark left out)."""
    return {k: v for k, v in source.items() if k != SUPERSEDED_FIELD}


def _bulk(es: Elasticsearch, actions: list[dict]) -> list[dict]:
    """Each action's result (``{"status": …, "_id": …, "_seq_no": …}``), in order (``helpers.bulk`` lists only
    the failed ones: the versions of the written ones are needed)."""
    if not actions:
        return []
    operations: list[dict] = []
    for action in actions:
        operations.append({action["_op_type"]: {k: action[k] for k in ("_index", "_id", "if_seq_no", "if_primary_term")
                                                if k in action}})
        if action["_op_type"] != "delete":
            operations.append(action["_source"])
    return [next(iter(item.values())) for item in es.bulk(operations=operations)["items"]]


def promote(tiers: TieredElasticsearch, alias: str, cold_docs: dict[str, dict], now: datetime) -> int:
    """After the indexer created these documents in the hot tier from their cold copies (id → the cold
    ``mget`` doc): mark the cold copies superseded. Returns how many were marked; a copy changed meanwhile
    (409) is left to ``sweep``."""
    actions = [{"_op_type": "index", "_index": alias, "_id": cid, "_source": _stamp(doc["_source"], now),
                "if_seq_no": doc["_seq_no"], "if_primary_term": doc["_primary_term"]}
               for cid, doc in cold_docs.items()]
    results = _bulk(tiers.cold, actions)
    marked = sum(1 for r in results if r.get("status") in (200, 201))
    if marked < len(actions):
        log.info("tiers: %d cold copies changed before they could be marked (the sweep sees to them)",
                 len(actions) - marked)
    return marked


class TierMover:
    """Moves the documents nobody writes any more to the cold tier; ``step`` is one round, ``run`` the loop."""

    def __init__(self, tiers: TieredElasticsearch, alias: str, hot_s: float, settle_s: float = SETTLE_S,
                 batch: int = MOVE_BATCH, clock: Callable[[], float] = time.monotonic) -> None:
        self.tiers, self.alias, self.hot_s, self.settle_s, self.batch = tiers, alias, hot_s, settle_s, batch
        self.clock = clock
        self.copied: dict[str, Copied] = {}
        self.report = TierReport()

    def run(self, stop: threading.Event, every_s: float = MOVE_EVERY_S) -> None:
        while not stop.wait(every_s):
            try:
                self.report.add(self.step())
            except (TransportError, ApiError) as exc:  # a tier not answering: the next round tries again
                log.warning("tiers: a move round stopped: %s", exc)

    def step(self) -> TierReport:
        report = TierReport()
        self._finish(report)
        report.add(sweep(self.tiers, self.alias, self.settle_s, busy=set(self.copied)))
        self._copy(report)
        if report.copied or report.moved or report.removed:
            log.info("tiers: %s", report)
        return report

    def _copy(self, report: TierReport) -> None:
        cutoff = (datetime.now(timezone.utc) - timedelta(seconds=self.hot_s)).isoformat()
        hits = self.tiers.hot.search(index=self.alias, size=self.batch, source=False,
                                     query={"bool": {"filter": [{"range": {"indexed_at": {"lt": cutoff}}}],
                                                     "must_not": [{"ids": {"values": list(self.copied)}}]}},
                                     sort=[{"indexed_at": "asc"}, {"complaint_id": "asc"}])["hits"]["hits"]
        if not hits:
            return
        # A search sees the index as of its last refresh: a document just moved or written may still be listed.
        # What is copied is what a (real-time) mget reads now.
        hits = [d for d in self.tiers.hot.mget(index=self.alias, ids=[h["_id"] for h in hits])["docs"]
                if d.get("found") and (d["_source"].get("indexed_at") or "") < cutoff]
        now = datetime.now(timezone.utc)
        actions = [{"_op_type": "index", "_index": self.alias, "_id": hit["_id"],
                    "_source": _stamp(hit["_source"], now)} for hit in hits]
        for hit, result in zip(hits, _bulk(self.tiers.cold, actions)):
            if result.get("status") in (200, 201):
                self.copied[hit["_id"]] = Copied((hit["_seq_no"], hit["_primary_term"]),
                                                 hit["_source"].get("indexed_at", ""), self.clock())
                report.copied += 1

    def _finish(self, report: TierReport) -> None:
        due = [cid for cid, c in self.copied.items() if self.clock() - c.at >= self.settle_s]
        if not due:
            return
        cold = {d["_id"]: d for d in self.tiers.cold.mget(index=self.alias, ids=due)["docs"] if d.get("found")}
        verified = [cid for cid in due if cid in cold and
                    cold[cid]["_source"].get("indexed_at", "") == self.copied[cid].indexed_at]
        # A copy the cold tier lost (restarted from an older state) is not verified: the original stays, copied again.
        # The copy is made visible before the original goes: for a moment both are (hits are de-duplicated by id,
        # a count may be one high) rather than neither (a citizen's status lookup finding nothing).
        unmark = [{"_op_type": "index", "_index": self.alias, "_id": cid,
                   "_source": without_mark(cold[cid]["_source"]), "if_seq_no": cold[cid]["_seq_no"],
                   "if_primary_term": cold[cid]["_primary_term"]} for cid in verified]
        visible = {cid: r for cid, r in zip(verified, _bulk(self.tiers.cold, unmark)) if r.get("status") in (200, 201)}
        deletes = [{"_op_type": "delete", "_index": self.alias, "_id": cid, "if_seq_no": self.copied[cid].hot_seq[0],
                    "if_primary_term": self.copied[cid].hot_seq[1]} for cid in visible]
        stale = {}
        for cid, result in zip(visible, _bulk(self.tiers.hot, deletes)):
            if result.get("status") == 200:
                report.moved += 1
            else:  # written since the copy (409) or gone (404): the hot tier keeps the truth, the copy is hidden again
                stale[cid] = {"_source": cold[cid]["_source"], "_seq_no": visible[cid]["_seq_no"],
                              "_primary_term": visible[cid]["_primary_term"]}
                report.kept += 1
        if stale:
            promote(self.tiers, self.alias, stale, datetime.now(timezone.utc))
        for cid in due:
            self.copied.pop(cid, None)
        # A copy that could not be unmarked (changed in between) stays hidden; the sweep sees to it.


def _pages(es: Elasticsearch, alias: str, query: dict, page: int = 1000, source: Any = False):
    after = None
    while True:
        hits = es.search(index=alias, query=query, size=page, source=source, seq_no_primary_term=True,
                         sort=[{"complaint_id": "asc"}], search_after=after)["hits"]["hits"]
        if not hits:
            return
        yield hits
        after = hits[-1]["sort"]


def sweep(tiers: TieredElasticsearch, alias: str, settle_s: float = SETTLE_S, busy: set[str] = frozenset(),
          full: bool = False) -> TierReport:
    """Repair what a crash between two writes of a move or a promotion left (the module's rules). ``full``
    also reads every hot id (at the indexer's start): a promotion that created but did not mark."""
    report = TierReport()
    now = datetime.now(timezone.utc)
    settled = (now - timedelta(seconds=settle_s)).isoformat()
    if full:
        for hits in _pages(tiers.hot, alias, {"match_all": {}}):
            # Listed by a search (as of the last refresh), confirmed by a real-time mget: never hide the only copy.
            listed = [h["_id"] for h in hits if h["_id"] not in busy]
            ids = [d["_id"] for d in tiers.hot.mget(index=alias, ids=listed, source=False)["docs"]
                   if d.get("found")] if listed else []
            cold = [d for d in tiers.cold.mget(index=alias, ids=ids)["docs"] if d.get("found")] if ids else []
            unmarked = {d["_id"]: d for d in cold if SUPERSEDED_FIELD not in d["_source"]}
            report.marked += promote(tiers, alias, unmarked, now)
    for hits in _pages(tiers.cold, alias, {"exists": {"field": SUPERSEDED_FIELD}}, source=True):
        hits = [h for h in hits if h["_id"] not in busy]
        if not hits:
            continue
        hot = {d["_id"]: d for d in tiers.hot.mget(index=alias, ids=[h["_id"] for h in hits], source=["indexed_at"])
               ["docs"] if d.get("found")}
        actions = []
        for hit in hits:
            version = {"if_seq_no": hit["_seq_no"], "if_primary_term": hit["_primary_term"]}
            if hit["_id"] not in hot:
                actions.append(("unmarked", {"_op_type": "index", "_index": alias, "_id": hit["_id"],
                                             "_source": without_mark(hit["_source"]), **version}))
            elif (hot[hit["_id"]]["_source"].get("indexed_at") or "") < settled and \
                    (hit["_source"].get(SUPERSEDED_FIELD) or "") < settled:
                actions.append(("removed", {"_op_type": "delete", "_index": alias, "_id": hit["_id"], **version}))
        for (kind, _), result in zip(actions, _bulk(tiers.cold, [a for _, a in actions])):
            if result.get("status") in (200, 201):
                setattr(report, kind, getattr(report, kind) + 1)
    return report

