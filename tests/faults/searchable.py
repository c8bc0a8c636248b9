"""The check every fault test ends with: each accepted complaint searchable exactly once."""

from __future__ import annotations

import os
import time
from collections import Counter
from dataclasses import dataclass

from elasticsearch import Elasticsearch

from aduan.stack import Child
from tests.workers import log_tail


@dataclass
class Indexed:
    documents: int  # documents carrying the run marker
    found: set[str]  # complaint_ids among the expected ones that have a document
    report_counts: Counter  # report_count -> documents

    def missing(self, expected: set[str]) -> set[str]:
        return expected - self.found


def indexed(es: Elasticsearch, alias: str, marker: str, expected: set[str]) -> Indexed:
    """What the index holds for a run: documents whose text carries ``marker``, and which of the
    ``expected`` complaint ids exist (by document id and by the complaint_id field)."""
    es.indices.refresh(index=alias)
    query = {"match": {"text": marker}}
    documents = es.count(index=alias, query=query)["count"]
    counts = es.search(index=alias, query=query, size=0,
                       aggs={"counts": {"terms": {"field": "report_count", "size": 50}}})["aggregations"]["counts"]
    found: set[str] = set()
    ids = sorted(expected)
    for start in range(0, len(ids), 2000):
        chunk = ids[start:start + 2000]
        hits = es.search(index=alias, query={"terms": {"complaint_id": chunk}}, size=len(chunk),
                         source_includes=["complaint_id"])["hits"]["hits"]
        found |= {hit["_source"]["complaint_id"] for hit in hits}
    return Indexed(documents, found, Counter({b["key"]: b["doc_count"] for b in counts["buckets"]}))


def searchable_count(es: Elasticsearch, alias: str, marker: str) -> int:
    es.indices.refresh(index=alias)
    return es.count(index=alias, query={"match": {"text": marker}})["count"]


def wait_all_searchable(es: Elasticsearch, alias: str, marker: str, total: int, timeout_s: float,
                        alive=lambda: True) -> float:
    """Seconds until ``total`` documents carry the marker; fails (with the count) if time runs out."""
    started = time.monotonic()
    while (n := searchable_count(es, alias, marker)) < total:
        assert alive(), f"a pipeline process died with {n}/{total} searchable"
        assert time.monotonic() - started < timeout_s, f"only {n}/{total} searchable after {timeout_s:.0f}s"
        time.sleep(1)
    return time.monotonic() - started


class Supervised:
    """Watches a child that must survive the fault. A crash fails the test, unless
    ``ADUAN_FAULTS_LENIENT`` is set: then it is restarted (keeping its instance id) the way
    `aduan up`'s supervisor would, and counted, to tell a crash (reported) from a loss."""

    def __init__(self, child: Child) -> None:
        self.child = child
        self.restarts: list[str] = []

    def alive(self) -> bool:
        if not self.child.alive():
            self.restarts.append(log_tail(self.child, 3))
            if not os.environ.get("ADUAN_FAULTS_LENIENT"):
                return False
            self.child.start()
        return True


def assert_exactly_once(es: Elasticsearch, alias: str, marker: str, expected: set[str], accepted: int,
                        label: str) -> None:
    """Every accepted complaint has exactly one document, none has been counted twice; prints the counts."""
    got = indexed(es, alias, marker, expected)
    missing = got.missing(expected)
    duplicates = got.documents - len(got.found)
    print(f"\n[{label}] accepted {accepted}, distinct expected ids {len(expected)}, indexed documents "
          f"{got.documents}, found {len(got.found)}, missing {len(missing)}, duplicates = {duplicates}, "
          f"report_count histogram {dict(got.report_counts)}")
    assert accepted == len(expected), f"accepted {accepted} but {len(expected)} distinct complaint ids"
    assert not missing, f"{len(missing)} accepted complaints not searchable, e.g. {sorted(missing)[:5]}"
    assert got.documents == len(expected), f"{got.documents} documents for {len(expected)} complaints"
    assert dict(got.report_counts) == {1: len(expected)}, f"report counts {dict(got.report_counts)}"
