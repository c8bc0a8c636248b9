"""Deduplication: exact duplicates are not new cases; near duplicates join an earlier cluster.

Exact duplicate: the same provider message again (same complaint_id), or the same reporter
sending the same normalised text within the exact window (7 days). Near duplicate: the same
issue reported by someone else or through another channel (SMS slang vs formal email): a new
complaint that shares the earlier one's ``cluster_id``.

Near-duplicate candidates come from MinHash LSH over content words plus an index of place
names; every candidate is then verified, because text similarity alone links "jalan rusak di
desa A" with "jalan rusak di desa B": places, region codes and labelled numbers (RT, RW, house
numbers, amounts) that both mention must agree, and the content words must overlap enough.

What the deduplicator remembers lives in memory as string-keyed mappings of JSON values
(``DedupState``); what must survive a restart and be shared between workers is written to a
``store`` (a faust GlobalTable in the stream worker) once per micro-batch, and read back by
``reindex`` after recovery and by ``adopt_new`` as other workers write.
"""

from __future__ import annotations

import hashlib
import json
import re
import uuid
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, MutableMapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any

import numpy as np
from datasketch import MinHash

from streams.normalise import tokens_of_normalised

# Function words and the formulas every complaint carries ("dengan hormat", "mohon segera"):
# they say nothing about which issue a complaint is about.
STOPWORDS = frozenset("""
yang dan di ke dari ini itu ada tidak sudah belum akan untuk dengan pada oleh karena sejak sampai
saya kami kita aku kamu anda mereka dia ia kalian bapak ibu pak bu mas mbak kak dik saudara
tolong mohon segera harap agar supaya bisa dapat mau ingin perlu harus masih sedang lagi juga saja
sangat banget sekali parah terus sekarang kemarin tadi hari minggu bulan tahun jam pagi siang sore malam
telah pernah tapi tetapi namun jadi maka kalau jika apakah kenapa mengapa bagaimana kapan
mana dimana apa siapa atau serta hingga lalu kemudian setelah sebelum selama tersebut sini situ sana
hormat terima kasih yth terhormat salam selamat laporan lapor melaporkan keluhan aduan pengaduan
mengadu menyampaikan sampaikan disampaikan informasi info perhatian tindak lanjut ditindaklanjuti
warga masyarakat penduduk pihak terkait dinas instansi pemerintah petugas admin min
nya lah kah pun deh dong sih kok ya yah nih tuh loh kan oh the is are of and a to in on at
please for with this that it be has have been was were not no our my we i you sir madam dear
orang semua banyak beberapa satu dua tiga empat lima enam tujuh delapan sembilan sepuluh
sekitar dekat depan belakang samping sebelah arah menuju dalam luar atas bawah antara
selalu sering kali setiap tiap baru masalah hal kondisi keadaan gimana ini lho
""".split())

# Words that introduce a place name. Fine places (a village, a street, a school) identify an issue;
# coarse ones (kecamatan, kabupaten) are shared by many unrelated issues.
FINE_MARKERS = frozenset("""
desa dusun dukuh kampung kelurahan jalan gang lorong perumahan perumnas komplek kompleks blok pasar masjid
musholla mushola puskesmas rsud terminal stasiun jembatan sungai kali lingkungan taman lapangan pantai
bendungan waduk stadion simpang perempatan pertigaan kantor balai dermaga pelabuhan bandara nagari gampong
jorong banjar street road village
""".split())
COARSE_MARKERS = frozenset("kecamatan kabupaten kota provinsi kawasan district regency city".split())
PLACE_MARKERS = FINE_MARKERS | COARSE_MARKERS
# "smpn 3", "sd negeri 2", "sdn 2": a school is named by its number.
SCHOOL_MARKERS = {
    "sd": "sd", "sdn": "sd", "smp": "smp", "smpn": "smp", "sma": "sma", "sman": "sma", "smk": "smk",
    "smkn": "smk", "mi": "mi", "min": "mi", "mts": "mts", "mtsn": "mts", "ma": "ma", "man": "ma", "tk": "tk",
}
# The first word of many two-word names ("Griya Asri", "Masjid Al Ikhlas"): the second word is part of the name.
NAME_PREFIXES = frozenset("""
griya graha taman bumi pondok villa vila puri citra permata nurul al baitul sumber karang tanjung gunung
bukit tegal pasir cipta mutiara kebon kebun sido sri
""".split())
# Words that follow a marker but are not a name: "jalan rusak", "desa kami", "pasar induk".
NOT_A_NAME = STOPWORDS | PLACE_MARKERS | frozenset(SCHOOL_MARKERS) | frozenset("""
rusak berlubang lubang mati padam banjir longsor ambles retak licin gelap macet kotor bau penuh putus
utama umum induk besar kecil negeri negri n setempat menuju penghubung poros alternatif nasional
sampah air listrik lampu pju got drainase selokan saluran aspal jalanan rt rw no nomor km
gantung tumbang hancur roboh bocor sepi ramai tergenang terendam
""".split())
_SKIP_IN_NAME = frozenset("raya nasional provinsi lintas".split())  # "jalan raya cileungsi" names Cileungsi
_NUMBER_RE = re.compile(r"\b(rt|rw|no|nomor|nomer|km|gang|kav|kavling)\s*[.:]?\s*0*(\d{1,5})(?!\d)")
_BLOCK_RE = re.compile(r"\bblok\s*[.:]?\s*([a-z]?\d{0,3}[a-z]?)\b")
_MONEY_RE = re.compile(r"\brp\s*[.:]?\s*(\d[\d.,]*)\s*(rb|ribu|k|jt|juta)?\b")
# "rt/rw 03/05", "rt 03/05", "rt.03/rw.05"
_RT_RW_RE = re.compile(r"\brt\s*(?:/\s*rw)?\s*[.:]?\s*0*(\d{1,3})\s*/\s*(?:rw\s*[.:]?\s*)?0*(\d{1,3})\b")
_SCALE = {"rb": 1_000, "ribu": 1_000, "k": 1_000, "jt": 1_000_000, "juta": 1_000_000}
_CAPITALISED_RE = re.compile(r"\b([A-Z][a-z]{2,})\b")
_MID_SENTENCE_CAPS_RE = re.compile(r"(?<![.!?:\n]\s)(?<!^)(?<!@)\b([A-Z][a-z]{2,})\b")
_STEM_CACHE: dict[str, str] = {}
_PREFIXES = ("meng", "meny", "peng", "peny", "mem", "men", "pem", "pen", "per", "ber", "ter", "me", "pe", "di", "ke", "se")


@dataclass(frozen=True)
class Features:
    words: frozenset[str]  # stemmed content words; place names and markers excluded
    places: frozenset[str]  # "f:<name>" (village, street, school...) or "c:<name>" (kecamatan, kota...)
    weak_places: frozenset[str]  # capitalised words mid-sentence in the original text
    numbers: dict[str, frozenset[str]]  # kind (rt, rw, no, km, blok, rp, ...) -> values
    region: str | None  # Kemendagri code, any level
    shingles: tuple[str, ...]  # what MinHash sees: content words and place names


def stem(word: str) -> str:
    """A light Indonesian stemmer, good enough that 'kerusakan' meets 'rusak'. Both sides of a
    comparison go through it, so consistency matters more than linguistic accuracy."""
    cached = _STEM_CACHE.get(word)
    if cached is not None:
        return cached
    stemmed = word
    if len(word) > 4 and word.isalpha():
        for suffix in ("nya", "lah", "kah"):
            if stemmed.endswith(suffix) and len(stemmed) - 3 >= 4:
                stemmed = stemmed[:-3]
                break
        removed = []
        for _ in range(2):  # di-per-baik-i, mem-per-baik-i
            for prefix in _PREFIXES:
                if stemmed.startswith(prefix) and len(stemmed) - len(prefix) >= 4:
                    stemmed = stemmed[len(prefix):]
                    removed.append(prefix)
                    break
            else:
                break
        # ke-...-an is one confix: "kerusakan" is ke-rusak-an, not ke-rusa-kan.
        for suffix in ("an", "kan", "i") if "ke" in removed else ("kan", "an", "i"):
            if stemmed.endswith(suffix) and len(stemmed) - len(suffix) >= 4:
                stemmed = stemmed[: -len(suffix)]
                break
    if len(_STEM_CACHE) < 200_000:
        _STEM_CACHE[word] = stemmed
    return stemmed


def extract_numbers(normalised: str) -> dict[str, frozenset[str]]:
    """Labelled numbers only: "2 bulan" against "dua bulan" must not split a cluster, "RT 03" against "RT 05" must."""
    found: dict[str, set[str]] = {}
    for rt, rw in _RT_RW_RE.findall(normalised):
        found.setdefault("rt", set()).add(str(int(rt)))
        found.setdefault("rw", set()).add(str(int(rw)))
    for kind, value in _NUMBER_RE.findall(normalised):
        kind = {"nomor": "no", "nomer": "no", "kavling": "kav"}.get(kind, kind)
        found.setdefault(kind, set()).add(str(int(value)))
    for block in _BLOCK_RE.findall(normalised):
        if block:
            found.setdefault("blok", set()).add(block)
    for value, scale in _MONEY_RE.findall(normalised):
        digits = value.rstrip(".,")
        # "50.000" and "50,000" are thousands; "1,5 jt" is a decimal.
        if scale in ("jt", "juta") and "," in digits:
            amount = float(digits.replace(".", "").replace(",", ".")) * 1_000_000
        else:
            amount = int(digits.replace(".", "").replace(",", "")) * _SCALE.get(scale, 1)
        found.setdefault("rp", set()).add(str(int(amount)))
    return {kind: frozenset(values) for kind, values in found.items()}


def extract_places(words: list[str], capitalised: frozenset[str] = frozenset()) -> set[str]:
    """Names after a place marker: "desa sukamaju" -> f:sukamaju, "kec ngaliyan" -> c:ngaliyan, "smpn 4" -> f:smp 4.

    A second word joins the name when the first is a known name prefix ("griya asri") or both are
    capitalised in the original ("Griya Indah"), so "Griya Asri" and "Griya Indah" stay apart.
    """
    places: set[str] = set()
    coarse_names: set[str] = set()
    last = len(words) - 1
    for i, word in enumerate(words[:-1]):
        school = SCHOOL_MARKERS.get(word)
        if school:
            j = i + 1
            while j <= last and words[j] in ("negeri", "negri", "n", "no", "nomor"):
                j += 1
            if j <= last and words[j].isdigit():
                places.add(f"f:{school} {int(words[j])}")
            continue
        if word not in PLACE_MARKERS and word != "di":
            continue
        j = i + 1
        while j < last and words[j] in _SKIP_IN_NAME:
            j += 1
        first = words[j]
        if first in NOT_A_NAME or not first.isalpha() or len(first) < 3:
            continue
        if word == "di" and first not in capitalised:
            # "di teras", "di rumah": only a capitalised word after a bare "di" is taken for a name.
            continue
        name = first
        if j < last:
            second = words[j + 1]
            joins = first in NAME_PREFIXES or (first in capitalised and second in capitalised)
            if joins and second.isalpha() and second not in NOT_A_NAME:
                name = f"{first} {second}"
        if word in COARSE_MARKERS:
            coarse_names.add(name)
        else:
            places.add(f"f:{name}")
    # "di cibinong ... kecamatan cibinong": the marker tells the level.
    places -= {f"f:{name}" for name in coarse_names}
    places |= {f"c:{name}" for name in coarse_names}
    return places


def capitalised_names(original: str) -> set[str]:
    """Capitalised words mid-sentence in the original text: weak place evidence ("banjir di Cibubur")."""
    return {word.lower() for word in _MID_SENTENCE_CAPS_RE.findall(original)} - NOT_A_NAME


def places_agree(a: frozenset[str], b: frozenset[str]) -> bool | None:
    """True/False when both texts name places at a comparable level; None when there is nothing to compare."""
    fine_a = {p for p in a if p[0] == "f"}
    fine_b = {p for p in b if p[0] == "f"}
    if fine_a and fine_b:
        return _names_overlap(fine_a, fine_b)
    if a and b:
        # One side names only a kecamatan/kota: compare names whatever the level ("di cibinong" vs "kec cibinong").
        return _names_overlap(a, b)
    return None


def _names_overlap(a: set[str] | frozenset[str], b: set[str] | frozenset[str]) -> bool:
    names_a = {p[2:] for p in a}
    names_b = {p[2:] for p in b}
    if names_a & names_b:
        return True
    # "griya" (SMS, no capitals) and "griya asri" name the same estate; "griya asri" and "griya indah" do not.
    return any(x.startswith(y + " ") or y.startswith(x + " ") for x in names_a for y in names_b)


def extract(
    normalised: str, region_code: str | None = None, original: str | None = None, region_hint: str | None = None,
) -> Features:
    words = tokens_of_normalised(normalised)
    capitalised = frozenset(w.lower() for w in _CAPITALISED_RE.findall(original)) if original else frozenset()
    places = extract_places(words, capitalised)
    content = set()
    for word in words:
        if word in STOPWORDS or len(word) < 2 or not word.replace("-", "").isalpha():
            continue  # numbers are compared by kind (extract_numbers), not as words
        content.add(stem(word))
    place_words = {part for place in places for part in place[2:].split()}
    weak = capitalised_names(original) - place_words if original else set()
    region = region_code or None
    if region_hint and regions_compatible(region, region_hint) and len(region_hint) > len(region or ""):
        region = region_hint
    return Features(
        words=frozenset(content - place_words - PLACE_MARKERS - weak),
        places=frozenset(places),
        weak_places=frozenset(weak),
        numbers=extract_numbers(normalised),
        region=region,
        shingles=tuple(sorted(content | places)),
    )


def regions_compatible(a: str | None, b: str | None) -> bool:
    """Codes at different levels agree when one contains the other ("32" and "3201")."""
    return not a or not b or a.startswith(b) or b.startswith(a)


# --- verification -----------------------------------------------------------------------------

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


# --- state ------------------------------------------------------------------------------------


@dataclass
class DedupState:
    """Everything the deduplicator remembers in memory, as string-keyed mappings of JSON values.

    ``features`` holds one record per complaint: its exact keys ("x") and, when it has words, its
    features. ``exact``, ``buckets`` and ``timeline`` are derived from it (``Deduplicator.reindex``).
    What survives a restart is the deduplicator's ``store`` (a faust table in the worker), which holds
    the same records in batches.

    exact:    "m:<complaint_id>" | "r:<reporter_key>:<text hash>" -> [complaint_id, received_epoch]
    buckets:  "b<band>:<hash>" | "p:<place>" -> [complaint_id, ...] (newest last, capped)
    features: complaint_id -> {"c": cluster_id, "t": epoch, "x": exact keys, and with words: "w": words,
              "p": places, "q": weak places, "n": {kind: values}, "r": region, "k": bucket keys}
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


NUM_PERM = 64
BAND_ROWS = 3  # 21 bands of 3 rows: a pair with Jaccard 0.3 becomes a candidate 44% of the time, 0.5 94%
BUCKET_CAP = 24  # most recent ids kept per bucket: a bucket of a very common word pair says little
MAX_VERIFIED = 12  # candidates verified per message, most hits first
PLACE_HIT_WEIGHT = 4
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

    The same affine permutations (a·h + b mod 2^61-1) as datasketch, applied to all shingles at once
    with numpy over a CRC-32 of each: ~17 µs for 30 shingles, against ~50 µs for datasketch's
    per-message SHA-1 hashing. Stable across processes (bucket keys are stored).
    """
    hashes = np.fromiter((zlib.crc32(s.encode()) for s in shingles), dtype=np.uint64)
    if not hashes.size:
        return []
    signature = (((hashes[:, None] * _A + _B) % _MERSENNE) & _MAX_HASH).min(axis=0).astype(np.uint32)
    # A band's key is its rows' raw bytes: equal bands give equal keys, and hex slicing is cheap.
    raw = signature.tobytes()
    width = 4 * BAND_ROWS
    return [f"b{band}:{raw[band * width:(band + 1) * width].hex()}" for band in range(NUM_PERM // BAND_ROWS)]


def _place_keys(places: Iterable[str]) -> set[str]:
    # By the first word of the name, so "griya" (an SMS) finds "griya asri" (an email).
    return {f"p:{place[2:].split()[0]}" for place in places}


def _entries_of(records: dict[str, Any]) -> Iterable[dict[str, Any]]:
    """The records in store entries of at most ~STORE_ENTRY_BYTES each (estimated, not serialised)."""
    entry: dict[str, Any] = {}
    size = 0
    for complaint_id, stored in records.items():
        weight = 200 + sum(len(word) + 4 for word in stored.get("w", ())) + 32 * len(stored.get("k", ()))
        if entry and size + weight > STORE_ENTRY_BYTES:
            yield entry
            entry, size = {}, 0
        entry[complaint_id] = stored
        size += weight
    if entry:
        yield entry


def _newest(entry: dict[str, Any]) -> float:
    """The latest event time in a store entry: the entry is evicted once that leaves the near window."""
    return max(stored["t"] for stored in entry.values())


def text_key(normalised_text: str) -> str:
    canonical = " ".join(tokens_of_normalised(normalised_text))
    return hashlib.blake2b(canonical.encode(), digest_size=12).hexdigest()


class Deduplicator:
    def __init__(
        self,
        state: DedupState | None = None,
        *,
        exact_window: timedelta = timedelta(days=7),
        near_window: timedelta = timedelta(days=30),
        region_of: Callable[[str], str | None] | None = None,
        store: MutableMapping[str, Any] | None = None,
    ) -> None:
        self.state = state if state is not None else DedupState()
        # The durable copy, shared by every worker: entry key -> {complaint_id: record}. One entry per
        # micro-batch (``flush``), because a faust table write and its changelog read-back cost
        # ~240 µs a complaint when each record is its own entry (a third of the stage's throughput).
        self.store = store
        self._unflushed: dict[str, Any] = {}
        self._entries: dict[str, float] = {}  # store entries already indexed -> newest event time in them
        self.exact_window = exact_window.total_seconds()
        self.near_window = near_window.total_seconds()
        self.region_of = region_of
        # Derived from state.features, rebuilt lazily after a restart; never persisted.
        self._features: dict[str, Features] = {}
        self._indexed: set[str] = set()

    def check(
        self,
        complaint_id: str,
        reporter_key: str | None,
        normalised_text: str,
        received_at: datetime,
        region_code: str | None = None,
        *,
        original_text: str | None = None,
    ) -> DedupResult:
        now = _epoch(received_at)
        state = self.state
        exact = self._exact_match(f"m:{complaint_id}", now)
        if exact is not None:
            return DedupResult(exact, "same_provider_message", self._cluster_of(exact), False)
        exact_keys = [f"m:{complaint_id}"]
        if reporter_key:
            reporter_text = f"r:{reporter_key}:{text_key(normalised_text)}"
            exact = self._exact_match(reporter_text, now)
            if exact is not None:
                return DedupResult(exact, "same_reporter_same_text", self._cluster_of(exact), False)
            exact_keys.append(reporter_text)

        hint = self.region_of(original_text or normalised_text) if self.region_of else None
        features = extract(normalised_text, region_code, original_text, hint)
        bands = band_keys(features.shingles) if features.words else []
        match, cluster_id = self._best_match(features, bands, now) if features.words else (None, None)
        is_new = cluster_id is None
        if is_new:
            cluster_id = complaint_id

        stored: dict[str, Any] = {"c": cluster_id, "t": now, "x": exact_keys}
        if features.words:
            stored.update({
                "w": sorted(features.words), "p": sorted(features.places), "q": sorted(features.weak_places),
                "n": {k: sorted(v) for k, v in features.numbers.items()}, "r": features.region,
                "k": bands + sorted(_place_keys(features.places)),
            })
            self._features[complaint_id] = features
        state.features[complaint_id] = stored
        if self.store is not None:
            self._unflushed[complaint_id] = stored
        self._index(complaint_id, stored)
        return DedupResult(None, None, cluster_id, is_new, match)

    def flush(self) -> int:
        """Write the records checked since the last flush to the store. Returns how many."""
        if self.store is None or not self._unflushed:
            return 0
        records, self._unflushed = self._unflushed, {}
        for entry in _entries_of(records):
            key = uuid.uuid4().hex
            self.store[key] = entry
            self._entries[key] = _newest(entry)
        return len(records)

    def reindex(self) -> int:
        """Rebuild the memory from the store: after a restart only the store comes back (from the changelog)."""
        for derived in (self.state.features, self.state.exact, self.state.buckets, self.state.timeline,
                        self._features, self._indexed, self._entries):
            derived.clear()
        return self.adopt_new()

    def adopt_new(self) -> int:
        """Index the records other workers stored since the last look (they share the store)."""
        if self.store is None:
            return 0
        new = []
        for key in [key for key in list(self.store.keys()) if key not in self._entries]:
            entry = self.store.get(key)
            if entry:
                self._entries[key] = _newest(entry)
                new.extend((cid, stored) for cid, stored in entry.items() if cid not in self._indexed)
        for complaint_id, stored in sorted(new, key=lambda item: item[1]["t"]):
            self.state.features[complaint_id] = stored
            self._index(complaint_id, stored)
        return len(new)

    # Exact index, buckets and timeline are derived and live in memory only: updated in place.
    def _index(self, complaint_id: str, stored: dict[str, Any]) -> None:
        seen = stored["t"]
        for key in stored.get("x", ()):
            self.state.exact[key] = [complaint_id, seen]
            self._index_exact(key, seen)
        buckets = self.state.buckets
        for key in stored.get("k", ()):
            bucket = buckets.get(key)
            if bucket is None:
                buckets[key] = [complaint_id]
            else:
                bucket.append(complaint_id)
                if len(bucket) > BUCKET_CAP:
                    del bucket[0]
        self.state.timeline.setdefault(f"n:{int(seen // _HOUR)}", []).append(complaint_id)
        self._indexed.add(complaint_id)

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

    def _best_match(self, features: Features, bands: list[str], now: float) -> tuple[str | None, str | None]:
        hits: Counter[str] = Counter()
        buckets = self.state.buckets
        for key in bands:
            bucket = buckets.get(key)
            if bucket:
                hits.update(bucket)  # counted in C: this loop is the hot path
        for key in sorted(_place_keys(features.places)):  # sorted: ties rank the same in every process
            bucket = buckets.get(key)
            if bucket:
                # A shared place is worth several bands: paraphrases of one issue share few words.
                hits.update(bucket * PLACE_HIT_WEIGHT)
        best, best_score, best_cluster = None, 0.0, None
        for candidate, _ in hits.most_common(MAX_VERIFIED):
            stored = self.state.features.get(candidate)
            if stored is None or abs(now - stored["t"]) > self.near_window:
                continue
            score = similarity(features, self._features_of(candidate, stored))
            if score > best_score:
                best, best_score, best_cluster = candidate, score, stored["c"]
        return best, best_cluster

    def _features_of(self, complaint_id: str, stored: dict[str, Any]) -> Features:
        cached = self._features.get(complaint_id)
        if cached is None:
            cached = Features(
                words=frozenset(stored["w"]), places=frozenset(stored["p"]), weak_places=frozenset(stored["q"]),
                numbers={k: frozenset(v) for k, v in stored["n"].items()}, region=stored["r"], shingles=(),
            )
            self._features[complaint_id] = cached
        return cached

    def _forget(self, complaint_id: str) -> int:
        stored = self.state.features.pop(complaint_id, None)
        self._features.pop(complaint_id, None)
        self._indexed.discard(complaint_id)
        if stored is None:
            return 0
        for key in stored.get("k", ()):
            bucket = self.state.buckets.get(key)
            if bucket is None:
                continue
            remaining = [c for c in bucket if c != complaint_id]
            if remaining:
                self.state.buckets[key] = remaining
            else:
                del self.state.buckets[key]
        return 1

