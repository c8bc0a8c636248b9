"""Verifying a near-duplicate candidate: places, region codes and labelled numbers that both complaints
mention must agree, and their content words must overlap enough."""

from __future__ import annotations

from streams.dedup.features import Features, places_agree, regions_compatible

# Content-word overlap needed, as containment |A∩B| / min(|A|, |B|) and shared-word count. With a
# shared place the bar is lower: the place is itself strong evidence. Tuned on data/dedup_labelled.jsonl.
SAME_PLACE_CONTAINMENT = 0.34
SAME_PLACE_SHARED = 2
NO_PLACE_CONTAINMENT = 0.5
NO_PLACE_JACCARD = 0.3
NO_PLACE_SHARED = 3
ONE_PLACE_JACCARD = 0.6


def numbers_compatible(a: dict[str, frozenset[str]], b: dict[str, frozenset[str]]) -> bool:
    if not a or not b:
        return True
    return all(a[kind] & b[kind] for kind in a.keys() & b.keys())


def similarity(a: Features, b: Features) -> float:
    """0 when the two are not the same issue, else a score (higher is more alike)."""
    shared = len(a.words & b.words)
    smaller = min(len(a.words), len(b.words))
    if not shared or shared < SAME_PLACE_CONTAINMENT * smaller:
        return 0.0  # most LSH candidates end here, before the slower checks
    if not regions_compatible(a.region, b.region) or not numbers_compatible(a.numbers, b.numbers):
        return 0.0
    agree = places_agree(a.places, b.places)
    if agree is False:
        return 0.0
    if agree is None and (a.places or a.weak_places) and (b.places or b.weak_places):
        # Weak evidence on at least one side: agreement counts, disagreement only raises the bar.
        names_a = {p[2:] for p in a.places} | a.weak_places
        names_b = {p[2:] for p in b.places} | b.weak_places
        agree = True if names_a & names_b else None
    containment = shared / smaller
    jaccard = shared / (len(a.words) + len(b.words) - shared)
    if agree:
        ok = containment >= SAME_PLACE_CONTAINMENT and shared >= min(SAME_PLACE_SHARED, smaller)
    elif bool(a.places) != bool(b.places):
        # One names a place, the other does not: "jalan rusak parah" is not evidence for "jalan rusak di desa X".
        ok = jaccard >= ONE_PLACE_JACCARD and shared >= NO_PLACE_SHARED
    else:
        ok = containment >= NO_PLACE_CONTAINMENT and jaccard >= NO_PLACE_JACCARD and shared >= min(NO_PLACE_SHARED, smaller)
    return (containment + jaccard) / 2 + bool(agree) if ok else 0.0
