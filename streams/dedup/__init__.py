"""Deduplication: exact duplicates are not new cases; near duplicates join an earlier cluster.

    lexicons.py  the word lists (read from streams/data/dedup_*.txt|tsv)
    features.py  a complaint's content words, places, labelled numbers and region
    verify.py    whether a near-duplicate candidate is the same issue
    index.py     the exact and LSH index, the state and the store (``Deduplicator``)
"""

from streams.dedup.features import Features, extract, extract_numbers, extract_places, regions_compatible, stem
from streams.dedup.index import DedupResult, DedupState, Deduplicator, band_keys, text_key
from streams.dedup.verify import similarity

__all__ = [
    "DedupResult", "DedupState", "Deduplicator", "Features", "band_keys", "extract", "extract_numbers",
    "extract_places", "regions_compatible", "similarity", "stem", "text_key",
]
