"""The deduplication index: exact keys, MinHash LSH buckets and place buckets over the records of
earlier complaints, and the store that makes them durable and shared.

Exact duplicate: the same provider message again (same complaint_id), or the same reporter
sending the same normalised text within the exact window (7 days). Near duplicate: the same
issue reported by someone else or through another channel (SMS slang vs formal email): a new
complaint that shares the earlier one's ``cluster_id``.

Near-duplicate candidates come from MinHash LSH over content words plus indexes of place names, region
codes and each complaint's rarest words (``WordRarity``); every candidate is then verified
(``streams.dedup.verify``) on the features of ``streams.dedup.features``.

What the deduplicator remembers lives in memory as string-keyed mappings of JSON values
(``DedupState``); what must survive a restart and be shared between workers is written to a
``store`` (a faust GlobalTable in the stream worker) once per micro-batch, and read back by
``reindex`` after recovery and by ``adopt_new`` as other workers write.

The join window (media first, its caption a minute later, or the other way round): citizens send a
photo with no text and then a line of text as a second message. Each message has its own provider id,
so its own complaint_id. Producers key the raw topics by sender (``schemas.topics.raw_key``), so one sender's
messages share a partition and one worker; a sender without a producer key (or a replay of records keyed
before) may still be on several. The join therefore lives in the same shared, changelog-backed
records as the exact keys: every record of a sender carries its join key ("s", the salted reporter key
or the provider's sender key), whether it was media only ("mo") and, when it joined, the complaint it
joined ("jt"). The per-sender index derived from them (``_senders``: sender -> [root complaint, last
event time, whether the group has text]) is rebuilt by ``reindex`` and extended by ``adopt_new``, so a
worker sees the messages of every partition: at once for its own partitions, within the sync interval
(``streams.app.SYNC_EVERY_S``, 2 s) for other workers'; the records also make the join survive a restart
or a rebalance that moves the sender's partition to another worker.
A message joins when it is media only, or the group so far is (photo + photo, photo + text, text + photo
join; text + text stays two complaints). A joined message is not a case: the stage emits a
``ComplaintRevision(kind="joined")`` for the first complaint (its content stays written once) instead of
a routing; a replay of the joined message joins again (same revision id).
"""

from __future__ import annotations

import hashlib
import json
import uuid
import zlib
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterable, MutableMapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any

import numpy as np
from datasketch import MinHash

from streams.dedup.features import EMPTY_SET, Features, extract, regions_compatible, shared_set
from streams.dedup.verify import NO_RARITY, PairVerifier, WordRarity, default_verifier, elsewhere
from streams.normalise import clause_starts, tokens_of_normalised


# --- state ------------------------------------------------------------------------------------


@dataclass
class DedupState:
    """Everything the deduplicator remembers in memory, as string-keyed mappings of JSON values.

    ``features`` holds one record per complaint: its exact keys ("x") and, when it has words, its
    features. ``exact``, ``buckets`` and ``timeline`` are derived from it (``Deduplicator.reindex``).
    What survives a restart is the deduplicator's ``store`` (a faust table in the worker), which holds
    the same records in batches.

    exact:    "m:<complaint_id>" | "r:<reporter_key>:<text hash>" -> [complaint_id, received_epoch]
    buckets:  "b<band>:<hash>" | "p:<place>" | "g:<region code>" | "w:<rare word>" -> [complaint_id, ...] (newest
              last, capped)
    features: complaint_id -> {"c": cluster_id, "t": epoch, "x": exact keys, "d": content digest (the
              content its "m:" key was first accepted with), and with words: "w": words, "p": places,
              "q": weak places, "n": {kind: values}, "r": region, "o": topic, "m": the other named words
              MinHash sees, "nn": the words it disclaims (only when it does), "mk": the kinds of place it names a place after (only when it does). Its bucket keys are not kept (random hex, ~65 % of a record's bytes, and 1.4 KB of
              a worker's memory per complaint): ``bucket_keys`` derives them from "w", "m", "p" and "r" when
              the record is indexed and again when it is forgotten. Records stored before this carry them
              as "k", and are indexed under them.}
    timeline: "x:<hour>" -> [exact keys] and "n:<hour>" -> [complaint ids], for eviction by event time
    """

    exact: MutableMapping[str, Any] = field(default_factory=dict)
    buckets: MutableMapping[str, Any] = field(default_factory=dict)
    features: MutableMapping[str, Any] = field(default_factory=dict)
    timeline: MutableMapping[str, Any] = field(default_factory=dict)

    def snapshot(self) -> dict[str, dict[str, Any]]:
        return {name: dict(getattr(self, name)) for name in ("exact", "buckets", "features", "timeline")}

    @classmethod
    def restore(cls, snapshot: dict[str, dict[str, Any]]) -> DedupState:
        return cls(**{name: dict(snapshot.get(name, {})) for name in ("exact", "buckets", "features", "timeline")})


@dataclass(frozen=True)
class DedupResult:
    duplicate_of: str | None  # set for exact duplicates only: not a new case
    reason: str | None  # "same_provider_message" | "same_reporter_same_text"
    cluster_id: str
    is_new_cluster: bool
    similar_to: str | None = None  # the earlier complaint a near duplicate was matched with
    # Set when this complaint id was seen with other content (``Complaint.content_digest``): the
    # digest it was first accepted with. Not a case, not a duplicate: a conflict, dead-lettered.
    conflicts_with: str | None = None
    # Set when the join window put this message into an earlier complaint of the same sender: that complaint.
    joined_to: str | None = None


NUM_PERM = 64
BAND_ROWS = 3  # 21 bands of 3 rows: a pair with Jaccard 0.3 becomes a candidate 44% of the time, 0.5 94%
BUCKET_CAP = 24  # most recent ids kept per bucket: a bucket of a very common word pair says little
MAX_VERIFIED = 12  # candidates verified per message, most hits first
# Features (and their trigram sets) kept ready for verification: the most recently used ones, ~16 weeks
# of the busiest desk's complaints (53,905 a year). Beyond it a candidate's are rebuilt from its record
# (~40 µs with its trigrams): with 4,096 the stage benchmark's traffic rebuilt 2.1 a complaint, with 16,384
# 0.05. So a worker's memory no longer grows by ~3.5 KB with every complaint of the 30-day window beyond
# those (the 30-minute soak passed the worker's budget at ~22,000 complaints); benchmarks/dedup_memory.py.
FEATURES_CACHE = 16_384
PLACE_HIT_WEIGHT = 4
# Candidates by place code: cross-channel paraphrases share few words but one desa or kecamatan code.
# Digits of the code -> hits it is worth (a shared desa says more than a shared kab/kota).
REGION_HIT_WEIGHTS = {10: 8, 6: 4, 4: 1}
# Candidates by rare word: an SMS that names no place the locator finds ("speedboat tengkayu batal lg") shares
# neither a region nor many bands with the e-mail it paraphrases, but it shares its rarest words ("tengkayu",
# unseen in the seed corpus: ``WordRarity``). A record is indexed under its RARE_KEYS rarest words.
RARE_KEYS = 3
RARE_HIT_WEIGHT = 4
# A store entry holds the records of one micro-batch, split to stay well under Kafka's 1 MB message.
STORE_ENTRY_BYTES = 256 * 1024
_SEED = 20240601
# The hash family must be identical in every worker and after every restart: bucket keys are stored.
_PERMUTATIONS = MinHash(num_perm=NUM_PERM, seed=_SEED).permutations
_HOUR = 3600.0


def _epoch(moment: datetime) -> float:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.timestamp()


_MERSENNE = np.uint64((1 << 61) - 1)
_MAX_HASH = np.uint64((1 << 32) - 1)
_A, _B = (np.asarray(p, dtype=np.uint64) for p in _PERMUTATIONS)


def band_keys(shingles: Iterable[str]) -> list[str]:
    """MinHash signature of the shingles, cut into LSH bands.

    The same affine permutations (a·h + b mod 2^61-1) as datasketch, over a CRC-32 of each shingle, so stable across
    processes (bucket keys are stored); each shingle's permuted hashes are computed once (``_permuted``) and a
    signature is their column-wise minimum: ~2x cheaper than permuting every shingle of every complaint again.
    """
    rows = [_permuted(s) for s in shingles]
    if not rows:
        return []
    signature = np.minimum.reduce(rows) if len(rows) > 1 else rows[0]
    # A band's key is its rows' raw bytes: equal bands give equal keys. Hexed once and sliced (the hex of a byte
    # slice is the slice of the hex).
    raw = signature.tobytes().hex()
    width = 8 * BAND_ROWS
    return [f"b{band}:{raw[band * width:(band + 1) * width]}" for band in range(NUM_PERM // BAND_ROWS)]


# Shingle -> its NUM_PERM permuted hashes (uint32: each is masked to 32 bits), for the shingles seen first: words
# recur, and 16,384 rows are ~7 MB. A shingle beyond them is permuted on every use, as all were before.
_PERMUTED: dict[str, np.ndarray] = {}
_PERMUTED_CAP = 16_384


def _permuted(shingle: str) -> np.ndarray:
    row = _PERMUTED.get(shingle)
    if row is None:
        row = (((np.uint64(zlib.crc32(shingle.encode())) * _A + _B) % _MERSENNE) & _MAX_HASH).astype(np.uint32)
        if len(_PERMUTED) < _PERMUTED_CAP:
            _PERMUTED[shingle] = row
    return row


def _place_keys(places: Iterable[str]) -> set[str]:
    # By the first word of the name, so "griya" (an SMS) finds "griya asri" (an email).
    return {f"p:{place[2:].split()[0]}" for place in places}


def _region_keys(region: str | None) -> list[str]:
    """Bucket keys of a complaint's region code at each level it has: its desa, kecamatan and kab/kota."""
    if not region:
        return []
    return [f"g:{region[:width]}" for width in REGION_HIT_WEIGHTS if len(region) >= width]


def _rare_keys(words: Iterable[str], rarity: WordRarity) -> list[str]:
    return [f"w:{word}" for word in rarity.rare(words)[:RARE_KEYS]]


def bucket_keys(stored: dict[str, Any], rarity: WordRarity = NO_RARITY) -> list[str]:
    """A record's LSH band, place, region and rare-word bucket keys, from what the store keeps of it."""
    if not stored.get("w"):
        return []
    places = stored.get("p", ())
    words = {*stored["w"], *stored.get("m", ())}
    return (band_keys(sorted({*words, *places})) + sorted(_place_keys(places))
            + _region_keys(stored.get("r")) + _rare_keys(words, rarity))


def _keys_of(stored: dict[str, Any], rarity: WordRarity) -> list[str]:
    """The bucket keys a record is indexed under: its own "k" when it was stored with them (older entries)."""
    keys = stored.get("k")
    return bucket_keys(stored, rarity) if keys is None else keys


def _entries_of(records: dict[str, Any]) -> Iterable[dict[str, Any]]:
    """The records in store entries of at most ~STORE_ENTRY_BYTES each (estimated, not serialised)."""
    entry: dict[str, Any] = {}
    size = 0
    for complaint_id, stored in records.items():
        weight = 200 + sum(len(word) + 4 for word in (*stored.get("w", ()), *stored.get("m", ())))
        if entry and size + weight > STORE_ENTRY_BYTES:
            yield entry
            entry, size = {}, 0
        entry[complaint_id] = stored
        size += weight
    if entry:
        yield entry


def encode_entry(entry: dict[str, Any]) -> bytes:
    """A store entry as the worker's table keeps it: compact JSON, zlib-compressed. One bytes object per
    micro-batch rather than the ~40 Python objects a record becomes when faust decodes JSON values: a
    GlobalTable reads its own writes back from the changelog, so as decoded JSON the worker held every record
    twice (the stage benchmark's worker: 15.7 KB of memory per complaint held)."""
    return zlib.compress(json.dumps(entry, separators=(",", ":"), ensure_ascii=False).encode(), 1)


def decode_entry(value: Any) -> dict[str, Any]:
    """A store entry back: compressed (``encode_entry``), JSON bytes (faust's JSON values of a changelog
    written before the table kept bytes, read back as raw), or already a mapping (a plain dict store)."""
    if isinstance(value, (bytes, bytearray, memoryview)):
        raw = bytes(value)
        return json.loads(raw if raw[:1] == b"{" else zlib.decompress(raw))
    return value or {}


def _newest(entry: dict[str, Any]) -> float:
    """The latest event time in a store entry: the entry is evicted once that leaves the near window."""
    return max(stored["t"] for stored in entry.values())


def text_key(normalised_text: str) -> str:
    return tokens_key(tokens_of_normalised(normalised_text))


def tokens_key(tokens: list[str]) -> str:
    """``text_key`` of a text already split into its tokens (``clause_starts`` gives the same tokens)."""
    return hashlib.blake2b(" ".join(tokens).encode(), digest_size=12).hexdigest()


class Deduplicator:
    def __init__(
        self,
        state: DedupState | None = None,
        *,
        exact_window: timedelta = timedelta(days=7),
        near_window: timedelta = timedelta(days=30),
        region_of: Callable[[str], str | None] | None = None,
        store: MutableMapping[str, Any] | None = None,
        verifier: PairVerifier | None = None,
        join_window: timedelta = timedelta(minutes=10),
    ) -> None:
        self.state = state if state is not None else DedupState()
        self.verifier = verifier or default_verifier()
        # The durable copy, shared by every worker: entry key -> {complaint_id: record}. One entry per
        # micro-batch (``flush``), because a faust table write and its changelog read-back cost
        # ~240 µs a complaint when each record is its own entry (a third of the stage's throughput).
        self.store = store
        self._unflushed: dict[str, Any] = {}
        self._entries: dict[str, float] = {}  # store entries already indexed -> newest event time in them
        self.exact_window = exact_window.total_seconds()
        self.near_window = near_window.total_seconds()
        self.region_of = region_of
        self.join_window = join_window.total_seconds()
        # sender -> [root complaint id, newest event time in the group, whether the group has text]
        self._senders: dict[str, list[Any]] = {}
        # Derived from state.features, the least recently used dropped first (FEATURES_CACHE); never persisted.
        self._features: OrderedDict[str, Features] = OrderedDict()
        self._indexed: set[str] = set()
        # Called with (features, ranked candidates [(id, hits)], verified [(id, score, vetoed_by_root)]) for every
        # complaint compared: what benchmarks/dedup_losses.py reads to say where a missed pair was lost. None in
        # the stream.
        self.trace: Callable[[Features, list, list], None] | None = None

    def check(
        self,
        complaint_id: str,
        reporter_key: str | None,
        normalised_text: str,
        received_at: datetime,
        region_code: str | None = None,
        *,
        original_text: str | None = None,
        digest: str | None = None,
        topic: str | None = None,
        sender: str | None = None,
        media_only: bool = False,
    ) -> DedupResult:
        now = _epoch(received_at)
        state = self.state
        # Content is written once: the same id with other content is a conflict whatever the time
        # between them (a forged mail can carry any Date), for as long as the record is remembered.
        known = state.features.get(complaint_id)
        first = known.get("d") if known else None
        if digest and first and first != digest:
            return DedupResult(None, None, known["c"], False, conflicts_with=first)
        if known and known.get("jt"):  # a replay of a joined message joins again
            return DedupResult(None, None, known["c"], False, joined_to=known["jt"])
        root = self._join_target(sender, media_only, now) if known is None else None
        if root is not None:
            stored = {"c": self._cluster_of(root), "t": now, "x": [f"m:{complaint_id}"], "s": sender,
                      "mo": media_only, "jt": root}
            if digest:
                stored["d"] = digest
            self._remember(complaint_id, stored)
            return DedupResult(None, None, stored["c"], False, joined_to=root)
        if media_only:
            # A photo's placeholder text says nothing: no same-text duplicate, no near-duplicate words.
            reporter_key, normalised_text, original_text = None, "", ""
        exact = self._exact_match(f"m:{complaint_id}", now)
        if exact is not None:
            return DedupResult(exact, "same_provider_message", self._cluster_of(exact), False)
        exact_keys = [f"m:{complaint_id}"]
        # The text split once: its tokens are the reporter's text key and what the features read (``extract``).
        clauses = clause_starts(normalised_text)
        if reporter_key:
            reporter_text = f"r:{reporter_key}:{tokens_key(clauses[0])}"
            exact = self._exact_match(reporter_text, now)
            if exact is not None:
                return DedupResult(exact, "same_reporter_same_text", self._cluster_of(exact), False)
            exact_keys.append(reporter_text)

        features = self.features(normalised_text, region_code, original_text, topic, clauses)
        bands = band_keys(features.shingles) if features.words else []
        rare = _rare_keys(features.shingles, self.verifier.rarity) if features.words else []
        match, cluster_id = self._best_match(features, bands, now, rare) if features.words else (None, None)
        is_new = cluster_id is None
        if is_new:
            cluster_id = complaint_id

        stored: dict[str, Any] = {"c": cluster_id, "t": now, "x": exact_keys}
        if digest:
            stored["d"] = digest
        if sender:
            stored.update({"s": sender, "mo": media_only})
        if features.words:
            stored.update({
                "w": sorted(features.words), "p": sorted(features.places), "q": sorted(features.weak_places),
                "m": sorted(set(features.shingles) - features.words - features.places),
                "n": {k: sorted(v) for k, v in features.numbers.items()}, "r": features.region, "o": features.topic,
            })
            if features.negated:
                stored["nn"] = sorted(features.negated)
            if features.markers:
                stored["mk"] = sorted(features.markers)
            self._cache(complaint_id, features)
        self._remember(complaint_id, stored, bands + sorted(_place_keys(features.places)) + _region_keys(features.region)
                       + rare if features.words else [])
        return DedupResult(None, None, cluster_id, is_new, match)

    def _remember(self, complaint_id: str, stored: dict[str, Any], keys: list[str] | None = None) -> None:
        self.state.features[complaint_id] = stored
        if self.store is not None:
            self._unflushed[complaint_id] = stored
        self._index(complaint_id, stored, keys)

    def _join_target(self, sender: str | None, media_only: bool, now: float) -> str | None:
        """The complaint this sender's message joins, if any (see the module's doc)."""
        if not sender or self.join_window <= 0:
            return None
        group = self._senders.get(sender)
        if group is None or abs(now - group[1]) > self.join_window:
            return None
        root, _, has_text = group
        return root if (media_only or not has_text) and root in self.state.features else None

    def features(self, normalised_text: str, region_code: str | None = None,
                 original_text: str | None = None, topic: str | None = None,
                 clauses: tuple[list[str], frozenset[int]] | None = None) -> Features:
        """What a complaint is compared on (also what the verifier is trained on: streams.training). ``clauses``:
        ``clause_starts(normalised_text)`` when the caller has it already."""
        hint = self.region_of(original_text or normalised_text) if self.region_of else None
        return extract(normalised_text, region_code, original_text, hint, topic, clauses=clauses)

    def flush(self) -> int:
        """Write the records checked since the last flush to the store. Returns how many."""
        if self.store is None or not self._unflushed:
            return 0
        records, self._unflushed = self._unflushed, {}
        for entry in _entries_of(records):
            key = uuid.uuid4().hex
            self.store[key] = encode_entry(entry)
            self._entries[key] = _newest(entry)
        return len(records)

    def reindex(self) -> int:
        """Rebuild the memory from the store: after a restart only the store comes back (from the changelog)."""
        for derived in (self.state.features, self.state.exact, self.state.buckets, self.state.timeline,
                        self._features, self._indexed, self._entries, self._senders):
            derived.clear()
        return self.adopt_new()

    def adopt_new(self) -> int:
        """Index the records other workers stored since the last look (they share the store)."""
        if self.store is None:
            return 0
        new = []
        for key in [key for key in list(self.store.keys()) if key not in self._entries]:
            entry = decode_entry(self.store.get(key))
            if entry:
                self._entries[key] = _newest(entry)
                new.extend((cid, stored) for cid, stored in entry.items() if cid not in self._indexed)
        for complaint_id, stored in sorted(new, key=lambda item: item[1]["t"]):
            self.state.features[complaint_id] = stored
            self._index(complaint_id, stored)
        return len(new)

    # Exact index, buckets and timeline are derived and live in memory only: updated in place.
    def _index(self, complaint_id: str, stored: dict[str, Any], keys: list[str] | None = None) -> None:
        seen = stored["t"]
        for key in stored.get("x", ()):
            self.state.exact[key] = [complaint_id, seen]
            self._index_exact(key, seen)
        buckets = self.state.buckets
        for key in _keys_of(stored, self.verifier.rarity) if keys is None else keys:
            bucket = buckets.get(key)
            if bucket is None:
                buckets[key] = [complaint_id]
            else:
                bucket.append(complaint_id)
                if len(bucket) > BUCKET_CAP:
                    del bucket[0]
        self.state.timeline.setdefault(f"n:{int(seen // _HOUR)}", []).append(complaint_id)
        self._indexed.add(complaint_id)
        sender = stored.get("s")
        if sender:
            root, has_text = stored.get("jt") or complaint_id, not stored.get("mo")
            group = self._senders.get(sender)
            if group is not None and group[0] == root:
                group[1], group[2] = max(group[1], seen), group[2] or has_text
            elif group is None or seen >= group[1]:  # the sender's newest group is the one to join
                self._senders[sender] = [root, seen, has_text]

    def _index_exact(self, key: str, seen: float) -> None:
        self.state.timeline.setdefault(f"x:{int(seen // _HOUR)}", []).append(key)

    def evict(self, now: datetime) -> int:
        """Drop everything older than its window (event time). Returns how many complaints left the index."""
        current = _epoch(now)
        exact_cutoff = int((current - self.exact_window) // _HOUR)
        near_cutoff = int((current - self.near_window) // _HOUR)
        evicted = 0
        for slot in list(self.state.timeline.keys()):
            kind, _, hour = slot.partition(":")
            if kind == "x" and int(hour) < exact_cutoff:
                for key in self.state.timeline.pop(slot):
                    entry = self.state.exact.get(key)
                    if entry is not None and entry[1] < current - self.exact_window:
                        del self.state.exact[key]
            elif kind == "n" and int(hour) < near_cutoff:
                for complaint_id in self.state.timeline.pop(slot):
                    evicted += self._forget(complaint_id)
        for sender, group in list(self._senders.items()):
            if group[1] < current - self.join_window:
                del self._senders[sender]
        for key, newest in list(self._entries.items()):
            if newest < current - self.near_window:
                self.store.pop(key, None)
                del self._entries[key]
        return evicted

    def snapshot(self) -> dict[str, dict[str, Any]]:
        return json.loads(json.dumps(self.state.snapshot()))

    @classmethod
    def restore(cls, snapshot: dict[str, dict[str, Any]], **options: Any) -> Deduplicator:
        return cls(DedupState.restore(snapshot), **options)

    # --- internals

    def _exact_match(self, key: str, now: float) -> str | None:
        entry = self.state.exact.get(key)
        if entry is None or abs(now - entry[1]) > self.exact_window:
            return None
        return entry[0]

    def _cluster_of(self, complaint_id: str) -> str:
        stored = self.state.features.get(complaint_id)
        return stored["c"] if stored else complaint_id

    def _best_match(self, features: Features, bands: list[str], now: float,
                    rare: list[str] = ()) -> tuple[str | None, str | None]:
        # The band hits in one list, counted by one Counter call (C); a weighted bucket then adds its weight to each
        # id instead of being repeated weight times (a desa's 24 ids counted 8 times each). The same counts in the
        # same first-seen order as a ``Counter.update`` per bucket (so the same ranking and ties), without the ~1 µs
        # of Python each of those ~20 calls a complaint cost before its C loop.
        buckets = self.state.buckets
        ids: list[str] = []
        for key in bands:
            bucket = buckets.get(key)
            if bucket:
                ids += bucket
        hits: Counter[str] = Counter(ids)
        weighted = [(key, PLACE_HIT_WEIGHT) for key in sorted(_place_keys(features.places))]  # sorted: ties rank the
        # same in every process. A shared place is worth several bands: paraphrases of one issue share few words.
        weighted += [(key, REGION_HIT_WEIGHTS[len(key) - 2]) for key in _region_keys(features.region)]
        weighted += [(key, RARE_HIT_WEIGHT) for key in rare]
        count = hits.get
        for key, weight in weighted:
            bucket = buckets.get(key)
            if bucket:
                for candidate in bucket:
                    hits[candidate] = count(candidate, 0) + weight
        best, best_score, best_cluster = None, 0.0, None
        ranked = hits.most_common(MAX_VERIFIED)
        verified = [] if self.trace is not None else None
        for candidate, _ in ranked:
            stored = self.state.features.get(candidate)
            if stored is None or abs(now - stored["t"]) > self.near_window:
                continue
            if _vetoed_on_record(features, stored):
                score = 0.0  # what the verifier gives it (its first vetoes), without building its features
            else:
                score = self.verifier.score(features, self._features_of(candidate, stored), now - stored["t"])
            if verified is not None:
                verified.append((candidate, score, bool(score) and self._vetoed_by_root(features, stored["c"], candidate)))
            if score > best_score and not self._vetoed_by_root(features, stored["c"], candidate):
                best, best_score, best_cluster = candidate, score, stored["c"]
        if verified is not None:
            self.trace(features, ranked, verified)
        return best, best_cluster

    def _vetoed_by_root(self, features: Features, cluster_id: str, candidate: str) -> bool:
        """Whether places or numbers set this complaint apart from the first complaint of the candidate's cluster. A
        cluster grows one link at a time, and a link to a vague member ("jalan rusak, Cikarang") would otherwise
        join "Desa Telajung" to the cluster of "Desa Karangasih", whose first report names another desa."""
        if cluster_id == candidate:
            return False
        root = self.state.features.get(cluster_id)
        return root is not None and "w" in root and elsewhere(features, self._features_of(cluster_id, root))

    def _features_of(self, complaint_id: str, stored: dict[str, Any]) -> Features:
        cached = self._features.get(complaint_id)
        if cached is None:
            cached = Features(
                words=_frozen(stored["w"]), places=_frozen(stored["p"]), weak_places=_frozen(stored["q"]),
                numbers={k: frozenset(v) for k, v in stored["n"].items()}, region=stored["r"], shingles=(),
                topic=stored.get("o"), negated=_frozen(stored.get("nn", ())), markers=shared_set(stored.get("mk")),
            )
            self._cache(complaint_id, cached)
        else:
            self._features.move_to_end(complaint_id)
        return cached

    def _cache(self, complaint_id: str, features: Features) -> None:
        self._features[complaint_id] = features
        if len(self._features) > FEATURES_CACHE:
            self._features.popitem(last=False)

    def _forget(self, complaint_id: str) -> int:
        stored = self.state.features.pop(complaint_id, None)
        self._features.pop(complaint_id, None)
        self._indexed.discard(complaint_id)
        if stored is None:
            return 0
        for key in _keys_of(stored, self.verifier.rarity):
            bucket = self.state.buckets.get(key)
            if bucket is None:
                continue
            remaining = [c for c in bucket if c != complaint_id]
            if remaining:
                self.state.buckets[key] = remaining
            else:
                del self.state.buckets[key]
        return 1


def _vetoed_on_record(features: Features, stored: dict[str, Any]) -> bool:
    """The first vetoes of ``streams.dedup.verify.pair_features`` read on a candidate's stored record: no content word
    in common, two confident topics that differ, regions that do not contain one another. Any of them makes the
    verifier's score 0, and they end about three candidates in four, so those are ruled out here without fetching or
    rebuilding the candidate's ``Features`` (whose words, topic and region are these same values, "w", "o" and "r")."""
    words = stored.get("w")
    if words is None:
        return False  # a record without words is never a candidate; if one were, the verifier would say
    topic, other_topic = features.topic, stored.get("o")
    return features.words.isdisjoint(words) or bool(topic and other_topic and topic != other_topic) \
        or not regions_compatible(features.region, stored.get("r"))


def _frozen(values) -> frozenset[str]:
    """``frozenset(values)``, but one shared object for every empty one: CPython makes a new 216-byte set for
    each, and many held records have no weak places, no disclaimer (``Features.negated``) or no place names."""
    return frozenset(values) if values else EMPTY_SET
