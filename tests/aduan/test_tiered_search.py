"""Merging two tiers' answers (aduan.core.tiered_search): pure logic; the servers' side is tests/consumers/test_tiers.py."""

import pytest

from aduan.core.tiered_search import UnmergeableAggregation, merge_aggregations, merge_hits, merge_responses


def hit(cid, *sort, score=None):
    return {"_id": cid, "_score": score, **({"sort": list(sort)} if sort else {})}


def ids(hits):
    return [h["_id"] for h in hits]


def test_hits_merge_in_the_requested_order_each_id_once_the_hot_copy_kept():
    sort = [{"received_at": "desc"}, {"complaint_id": "asc"}]
    hot = [hit("c", 30, "c"), hit("a", 10, "a")]
    cold = [hit("d", 40, "d"), hit("c", 30, "c-stale"), hit("b", 10, "b")]
    merged = merge_hits(hot, cold, sort, 10)
    assert ids(merged) == ["d", "c", "a", "b"]
    assert merged[1]["sort"] == [30, "c"]  # the hot tier's copy
    assert ids(merge_hits(hot, cold, sort, 2)) == ["d", "c"]


def test_ascending_with_missing_values_last_or_first():
    last = [{"sla.due_at": {"order": "asc", "missing": "_last"}}, {"complaint_id": "asc"}]
    hot, cold = [hit("x", None, "x"), hit("a", 5, "a")], [hit("b", 3, "b"), hit("y", None, "y")]
    assert ids(merge_hits(hot, cold, last, 10)) == ["b", "a", "x", "y"]
    first = [{"sla.due_at": {"order": "asc", "missing": "_first"}}, {"complaint_id": "asc"}]
    assert ids(merge_hits(hot, cold, first, 10))[:2] == ["x", "y"]


def test_without_a_sort_hits_merge_by_score():
    assert ids(merge_hits([hit("a", score=1.0)], [hit("b", score=2.5), hit("c", score=0.5)], None, 10)) == ["b", "a", "c"]


def test_totals_and_from_size():
    hot = {"hits": {"total": {"value": 2, "relation": "eq"}, "max_score": None,
                    "hits": [hit("a", 4, "a"), hit("b", 2, "b")]}}
    cold = {"hits": {"total": {"value": 3, "relation": "eq"}, "max_score": None,
                     "hits": [hit("c", 3, "c"), hit("d", 1, "d"), hit("e", 0, "e")]}}
    merged = merge_responses(hot, cold, {"sort": [{"n": "desc"}], "size": 2}, offset=1)
    assert merged["hits"]["total"] == {"value": 5, "relation": "eq"}
    assert ids(merged["hits"]["hits"]) == ["c", "b"]


def test_aggregations_of_the_kinds_readers_ask_merge_exactly():
    specs = {"open": {"filter": {"term": {"status": "diterima"}},
                      "aggs": {"unit": {"terms": {"field": "unit_code", "size": 2},
                                        "aggs": {"name": {"terms": {"field": "unit_name", "size": 1}}}}}},
             "days": {"date_histogram": {"field": "received_at", "fixed_interval": "1d", "min_doc_count": 1}},
             "reports": {"sum": {"field": "report_count"}},
             "first": {"top_hits": {"size": 1, "sort": [{"received_at": "asc"}]}}}
    hot = {"open": {"doc_count": 5, "unit": {"sum_other_doc_count": 0, "buckets": [
               {"key": "A", "doc_count": 3, "name": {"buckets": [{"key": "Dinas A", "doc_count": 3}]}},
               {"key": "B", "doc_count": 2, "name": {"buckets": [{"key": "Dinas B", "doc_count": 2}]}}]}},
           "days": {"buckets": [{"key": 2, "key_as_string": "d2", "doc_count": 4}]},
           "reports": {"value": 7.0},
           "first": {"hits": {"total": {"value": 5, "relation": "eq"}, "hits": [hit("h", "2026-02-01")]}}}
    cold = {"open": {"doc_count": 6, "unit": {"sum_other_doc_count": 1, "buckets": [
                {"key": "C", "doc_count": 4, "name": {"buckets": [{"key": "Dinas C", "doc_count": 4}]}},
                {"key": "B", "doc_count": 1, "name": {"buckets": [{"key": "Dinas B", "doc_count": 1}]}}]}},
            "days": {"buckets": [{"key": 1, "key_as_string": "d1", "doc_count": 2},
                                 {"key": 2, "key_as_string": "d2", "doc_count": 1}]},
            "reports": {"value": 3.0},
            "first": {"hits": {"total": {"value": 6, "relation": "eq"}, "hits": [hit("c", "2026-01-01")]}}}
    merged = merge_aggregations(specs, hot, cold)
    assert merged["open"]["doc_count"] == 11
    units = merged["open"]["unit"]
    assert [(b["key"], b["doc_count"]) for b in units["buckets"]] == [("C", 4), ("A", 3)]
    assert units["sum_other_doc_count"] == 1 + 3  # cold's own other, and B's 3 cut by size 2
    assert merged["days"]["buckets"] == [{"key": 1, "key_as_string": "d1", "doc_count": 2},
                                         {"key": 2, "key_as_string": "d2", "doc_count": 5}]
    assert merged["reports"]["value"] == 10.0
    assert ids(merged["first"]["hits"]["hits"]) == ["c"] and merged["first"]["hits"]["total"]["value"] == 11


@pytest.mark.parametrize("spec", [{"cardinality": {"field": "reporter_key"}}, {"avg": {"field": "confidence"}},
                                  {"date_histogram": {"field": "received_at", "fixed_interval": "1d"}},
                                  {"terms": {"field": "unit_code", "order": {"_key": "asc"}}}])
def test_an_aggregation_without_an_exact_merge_is_an_error_not_a_guess(spec):
    with pytest.raises(UnmergeableAggregation):
        merge_aggregations({"x": spec}, {"x": {"value": 1, "buckets": []}}, {"x": {"value": 2, "buckets": []}})
