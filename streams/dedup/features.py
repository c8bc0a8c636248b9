"""Deduplication features of one complaint: stemmed content words, place names, labelled numbers, region.

Text similarity alone links "jalan rusak di desa A" with "jalan rusak di desa B", so besides its content
words a complaint's features hold what must agree for two complaints to be the same issue: the places
it names (after a marker: desa, jalan, kecamatan, SDN...), capitalised words mid-sentence (weak place
evidence), labelled numbers (RT, RW, house numbers, amounts) and the region code. The word lists live in
streams/data (``streams.dedup.lexicons``).
"""

from __future__ import annotations

import re
from sys import intern
from dataclasses import dataclass
from functools import cached_property, lru_cache

from streams.dedup.lexicons import (
    COMPARISON_LEADS, COMPARISONS, CONCEPT_PHRASE_FIRSTS, CONCEPT_PHRASES, CONCEPTS, FINE_MARKERS, NEGATABLE_MARKERS,
    NEGATORS, NOT_ONLY_LEADS, ONLY_WORDS, COARSE_MARKERS, NAME_PREFIXES, NAME_QUALIFIERS, NOT_A_NAME, PLACE_MARKERS,
    REGION_NAME_WORDS, SCHOOL_MARKERS, SKIP_IN_NAME, STOPWORDS, UTILITY_WORDS,
)
from streams.normalise import clause_starts

_NUMBER_RE = re.compile(r"\b(rt|rw|no|nomor|nomer|km|gang|kav|kavling)\s*[.:]?\s*0*(\d{1,5})(?!\d)")
_BLOCK_RE = re.compile(r"\bblok\s*[.:]?\s*([a-z]?\d{0,3}[a-z]?)\b")
_MONEY_RE = re.compile(r"\brp\s*[.:]?\s*(\d[\d.,]*)\s*(rb|ribu|k|jt|juta)?\b")
# "rt/rw 03/05", "rt 03/05", "rt.03/rw.05"
_RT_RW_RE = re.compile(r"\brt\s*(?:/\s*rw)?\s*[.:]?\s*0*(\d{1,3})\s*/\s*(?:rw\s*[.:]?\s*)?0*(\d{1,3})\b")
_DIGIT_RE = re.compile(r"\d")  # what ``\d`` in the patterns above matches (any Unicode digit)
_SCALE = {"rb": 1_000, "ribu": 1_000, "k": 1_000, "jt": 1_000_000, "juta": 1_000_000}
_CAPITALISED_RE = re.compile(r"\b([A-Z][a-z]{2,})\b")
_MID_SENTENCE_CAPS_RE = re.compile(r"(?<![.!?:\n]\s)(?<!^)(?<!@)\b([A-Z][a-z]{2,})\b")
_STEM_CACHE: dict[str, str] = {}
_PREFIXES = ("meng", "meny", "peng", "peny", "mem", "men", "pem", "pen", "per", "ber", "ter", "me", "pe", "di", "ke", "se")


# One shared empty set: CPython makes a new 216-byte object for every ``frozenset()``, and most of the records the
# deduplicator holds disclaim nothing.
EMPTY_SET: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Features:
    words: frozenset[str]  # stemmed content words (and "~concept" for a word of dedup_concepts.tsv); no place names
    places: frozenset[str]  # "f:<name>" (village, street, school...) or "c:<name>" (kecamatan, kota...)
    weak_places: frozenset[str]  # capitalised words mid-sentence in the original text
    numbers: dict[str, frozenset[str]]  # kind (rt, rw, no, km, blok, rp, ...) -> values
    region: str | None  # Kemendagri code, any level down to the desa/kelurahan (10 digits)
    shingles: tuple[str, ...]  # what MinHash sees: content words and place names
    topic: str | None = None  # the classifier's topic code, when known
    # Stemmed words the text disclaims ("bukan yang di Juanda", "bukan yang PHK massal", "bkn di pantai"): what it
    # says it is not about. Empty for most texts.
    negated: frozenset[str] = EMPTY_SET
    # The kinds of place it names a place after ("pantai" for "Pantai Kuta", "stasiun" for "st depok baru"): what
    # another text's "bukan di pantai" disclaims ("@pantai" among its ``negated``). Empty for most texts.
    markers: frozenset[str] = EMPTY_SET

    @cached_property
    def grams(self) -> frozenset[str]:
        """Character trigrams of the content words: "ngocor" and "mengalir" share none, but "kebanjiran" and
        "banjir", "sertipikat" and "sertifikat" share most. Derived, never stored."""
        # The union of each word's trigrams (``word_grams``, cached per word): the same few thousand words recur
        # in every complaint, so slicing and interning them again for each complaint was most of this property.
        return frozenset().union(*[word_grams(word) for word in self.words if word[0] != "~"])

    @cached_property
    def networks(self) -> frozenset[str]:
        """The utility networks it names (``UTILITIES``: "kabel listrik pln" -> listrik, "kabel FO" ->
        telekomunikasi). Derived, never stored."""
        return frozenset(UTILITIES[w] for w in self.words if w in UTILITIES) or EMPTY_SET

    @cached_property
    def concept_count(self) -> int:
        """How many of the content words are concepts ("~saluran"), added beside the words that name them."""
        return sum(1 for word in self.words if word[0] == "~")

    @cached_property
    def place_names(self) -> frozenset[str]:
        """Every word of the places it names, with the capitalised words: what another text may share."""
        return frozenset(part for place in self.places for part in place[2:].split()) | self.weak_places

    @cached_property
    def local_names(self) -> frozenset[str]:
        """The place names finer than a kecamatan: "Sukajadi", not the "Bandung" both texts name, nor a name this
        text marks as its kecamatan ("Kel. Kebon Waru, Kec. Batununggal" shares no local place with "listrik
        di Batununggal": the kecamatan, or the kelurahan of that name in Bandung Kidul, not Kebon Waru)."""
        coarse = {part for place in self.places if place[0] == "c" for part in place[2:].split()}
        return self.place_names - REGION_NAME_WORDS - coarse

    @cached_property
    def tokens(self) -> frozenset[str]:
        """Content words (no concepts) and the stemmed local place names: what two paraphrases may share, and
        what the rarity of shared words is read on (``streams.dedup.verify``)."""
        return frozenset(w for w in self.words if w[0] != "~") | self.stemmed_local_names

    @cached_property
    def mentions(self) -> frozenset[str]:
        """Every content word and place-name word, stemmed, and "@<kind>" for each kind of place it names a place
        after: what a disclaimer of another text may name."""
        return frozenset(w for w in self.words if w[0] != "~") | frozenset(stem(n) for n in self.place_names) \
            | frozenset("@" + kind for kind in self.markers)

    @cached_property
    def stemmed_local_names(self) -> frozenset[str]:
        """Those names as the other side's content words are written (stemmed): "Tegalsari" in an e-mail is
        "tegalsar" among the words of an SMS that wrote "di tegalsari" without a capital."""
        return frozenset(stem(name) for name in self.local_names)


_WORD_GRAMS: dict[str, frozenset[str]] = {}
# A word's trigram set is ~730 bytes (~850 with its entry): 20,000 words are ~17 MB at most, however many unique
# words a flood brings; a word beyond them has its trigrams built on each use, as every word had before.
_WORD_GRAMS_CAP = 20_000


def word_grams(word: str) -> frozenset[str]:
    """The character trigrams of one content word, space-padded (" rusak " -> " ru", "rus", ..., "ak "), cached
    (bounded, ``_WORD_GRAMS_CAP``). Interned: the same few thousand trigrams recur in every complaint, and a worker keeps the features of
    thousands of complaints ready (streams.dedup.index.FEATURES_CACHE): one copy of each string."""
    grams = _WORD_GRAMS.get(word)
    if grams is None:
        padded = f" {word} "
        grams = frozenset(intern(padded[i:i + 3]) for i in range(len(padded) - 2))
        if len(_WORD_GRAMS) < _WORD_GRAMS_CAP:
            _WORD_GRAMS[word] = grams
    return grams


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


# Stemmed word -> the utility network it names (dedup_utilities.tsv): "pln" -> listrik, "indihome" -> telekomunikasi.
UTILITIES = {stem(word): network for network, words in UTILITY_WORDS.items() for word in words}


def extract_numbers(normalised: str) -> dict[str, frozenset[str]]:
    """Labelled numbers only: "2 bulan" against "dua bulan" must not split a cluster, "RT 03" against "RT 05" must."""
    found: dict[str, set[str]] = {}
    # Every pattern but a block's ("blok c") needs a digit, and each needs its label: the searches a text cannot match
    # are skipped (most texts have no digit, or no "rp"), the same findings for the ones that run.
    has_digit = _DIGIT_RE.search(normalised) is not None
    if has_digit and "rt" in normalised:
        rt_rw = _RT_RW_RE.findall(normalised)
    else:
        rt_rw = ()
    for rt, rw in rt_rw:
        found.setdefault("rt", set()).add(str(int(rt)))
        found.setdefault("rw", set()).add(str(int(rw)))
    for kind, value in _NUMBER_RE.findall(normalised) if has_digit else ():
        kind = {"nomor": "no", "nomer": "no", "kavling": "kav"}.get(kind, kind)
        found.setdefault(kind, set()).add(str(int(value)))
    for block in _BLOCK_RE.findall(normalised) if "blok" in normalised else ():
        if block:
            found.setdefault("blok", set()).add(block)
    for value, scale in _MONEY_RE.findall(normalised) if has_digit and "rp" in normalised else ():
        digits = value.rstrip(".,")
        # "50.000" and "50,000" are thousands; "1,5 jt" is a decimal.
        if scale in ("jt", "juta") and "," in digits:
            amount = float(digits.replace(".", "").replace(",", ".")) * 1_000_000
        else:
            amount = int(digits.replace(".", "").replace(",", "")) * _SCALE.get(scale, 1)
        found.setdefault("rp", set()).add(str(int(amount)))
    return {kind: frozenset(values) for kind, values in found.items()}


# "bukan yang di Juanda ya", "bkn di pantai", "perusahaan lain, bukan yang PHK massal": after "bukan" (and the other
# negators of dedup_negations.tsv: Javanese "dudu", Sundanese "sanes") up to NEGATED_SPAN words of the clause are what
# the text is not about. "bukan hanya" / "bukan cuma" (not only) include rather than exclude, but for place names:
# "Pasar Kranggan ... ora mung Beringharjo" and "retak, khawatir ambruk seperti kejadian di Cigalontang" name
# another place beside their own (``_PLACE_ONLY``).
_NEGATION_LEAD = frozenset({"yang", "yg", "di", "dari", "ke", "soal", "masalah", "dengan"})
_NOT_NEGATION = frozenset({"hanya", "cuma", "saja", "sekadar", "main", "sekali", "pertama", "baru"})
NEGATED_SPAN = 3
_TRIGGERS = NEGATORS | COMPARISONS | ONLY_WORDS


def extract_negated(words: list[str], starts: frozenset[int], capitalised: frozenset[str] = frozenset(),
                    own_names: frozenset[str] | set[str] = frozenset()) -> frozenset[str]:
    """The stemmed words a text disclaims (``Features.negated``), less any it also names outside the disclaimer:
    "Depok Sleman ya, bukan Depok Jabar" disclaims "jabar", not "depok". A kind of place disclaimed without a name
    ("bukan di pantai") is "@pantai" (``NEGATABLE_MARKERS``), which another text names with ``Features.markers``.
    After "not only" and "like (what happened at)" only place names count (capitalised in the original, or after a
    place marker), and only when the text names a place of its own (``own_names``, unstemmed) besides them."""
    if _TRIGGERS.isdisjoint(words):
        return EMPTY_SET
    negated, spans, compared, compared_spans = set(), set(), set(), set()
    last = len(words)
    for i, word in enumerate(words):
        place_only = False
        if word in NEGATORS:
            j = i + 1
            while j < last and words[j] in _NEGATION_LEAD and j not in starts:
                j += 1
            if j < last and j not in starts and words[j] in ONLY_WORDS:
                place_only, j = True, j + 1
            elif j >= last or j in starts or words[j] in _NOT_NEGATION:
                continue
        elif word in NOT_ONLY_LEADS:
            if i + 1 >= last or i + 1 in starts or words[i + 1] not in ONLY_WORDS:
                continue
            place_only, j = True, i + 2
        elif word in COMPARISONS:
            place_only, j = True, i + 1
            while j < last and words[j] in COMPARISON_LEADS and j not in starts:
                j += 1
        else:
            continue
        if place_only:
            while j < last and words[j] in _NEGATION_LEAD and j not in starts:
                j += 1
            if j >= last or j in starts:
                continue
            for k in _clause_span(j, last, starts):
                compared_spans.add(k)
                w = words[k]
                if w.isalpha() and len(w) > 2 and w not in NOT_A_NAME \
                        and (w in capitalised or (k > 0 and words[k - 1] in FINE_MARKERS)):
                    compared.add(w)
            continue
        for k in _clause_span(j, last, starts):
            spans.add(k)
            w = words[k]
            if w in NEGATABLE_MARKERS:
                # "bukan di pantai": the kind of place, when no name follows it ("bukan di pantai kuta" disclaims kuta)
                if k + 1 >= last or k + 1 in starts or words[k + 1] in NOT_A_NAME:
                    negated.add("@" + NEGATABLE_MARKERS[w])
            elif w not in STOPWORDS and w not in PLACE_MARKERS and w.isalpha() and len(w) > 2:
                negated.add(stem(w))
    if compared and any(name not in compared for name in own_names):
        negated.update(stem(w) for w in compared)
        spans |= compared_spans
    if not negated:
        return EMPTY_SET
    named = {stem(w) for k, w in enumerate(words) if k not in spans and w not in _TRIGGERS}
    named.update("@" + NEGATABLE_MARKERS[w] for k, w in enumerate(words) if k not in spans and w in NEGATABLE_MARKERS)
    return frozenset(negated - named) or EMPTY_SET


def _clause_span(j: int, last: int, starts) -> range:
    """The word positions a disclaimer reaches from ``j``: up to NEGATED_SPAN words, not into the next clause."""
    end = min(j + NEGATED_SPAN, last)
    return range(j, next((k for k in range(j + 1, end) if k in starts), end))


def other_networks(a: Features, b: Features) -> bool:
    """Whether each text names a utility network and they name none in common: PLN's cable and the FO cable."""
    return bool(a.networks and b.networks and a.networks.isdisjoint(b.networks))


def disclaims(a: Features, b: Features) -> bool:
    """Whether one text says it is not about something the other names: two issues, however alike."""
    return bool((a.negated and not a.negated.isdisjoint(b.mentions)) or (b.negated and not b.negated.isdisjoint(a.mentions)))


# Words between a school marker and a number that say it is no school's number: "SD kelas 3", "SMP lantai 2".
_NOT_A_SCHOOL_NAME = frozenset({"kelas", "kls", "lantai", "ruang", "ruangan", "gedung", "km", "rt", "rw", "gang", "gg",
                                "blok", "jalan", "jl", "umur", "usia", "semester"})


def extract_places(words: list[str], capitalised: frozenset[str] = frozenset(),
                   starts: frozenset[int] = frozenset(), markers: set[str] | None = None) -> set[str]:
    """Names after a place marker: "desa sukamaju" -> f:sukamaju, "kec ngaliyan" -> c:ngaliyan, "smpn 4" -> f:smp 4.

    A second word joins the name when the first is a known name prefix ("griya asri") or both are
    capitalised in the original ("Griya Indah"), so "Griya Asri" and "Griya Indah" stay apart.
    ``starts`` (``streams.normalise.clause_starts``): the words a clause begins with, or handles. A name neither
    begins a clause after its marker ("di bahu jalan. @dishubbadung", "tiap kali. Kulkas") nor runs on into the
    next one ("Desa Canggu, Kuta Utara", "perumnas Antang. Bayar"): across a clause mark it is another word.
    A qualifier joins a kab/kota's name ("st depok baru" is the station Depok Baru, not the city), and a passive verb
    written lowercase is no name ("kantor desa dimintai uang"). ``markers``, when given, collects the kinds of place
    (``NEGATABLE_MARKERS``) a name was found after.
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
            # "SDN Mekarjaya 3", "SMP Negeri Sukamaju 2": the village's name may come before the number, which is
            # still the school's identity ("SDN Mekarjaya 3" and "SDN Mekarjaya 5" are two schools).
            named = j
            while named <= last and named - j < 2 and named not in starts and words[named].isalpha() \
                    and words[named] not in NOT_A_NAME and words[named] not in _NOT_A_SCHOOL_NAME:
                named += 1
            if named > j and named <= last and named not in starts and words[named].isdigit():
                j = named
            if j <= last and words[j].isdigit():
                places.add(f"f:{school} {int(words[j])}")
            continue
        if word not in PLACE_MARKERS and word != "di":
            continue
        j = i + 1
        while j < last and words[j] in SKIP_IN_NAME and j not in starts:
            j += 1
        if j in starts:
            continue
        first = words[j]
        if first in NOT_A_NAME or first in SKIP_IN_NAME or not first.isalpha() or len(first) < 3:
            continue  # "ke jalan raya": "raya" names a place only before a name ("jalan raya cileungsi")
        if word == "di" and first not in capitalised:
            # "di teras", "di rumah": only a capitalised word after a bare "di" is taken for a name.
            continue
        if first not in capitalised and _passive_verb(first):
            continue
        name = first
        if j < last and j + 1 not in starts:
            second = words[j + 1]
            joins = first in NAME_PREFIXES or (first in capitalised and second in capitalised)
            if (joins and second.isalpha() and second not in NOT_A_NAME) \
                    or (second in NAME_QUALIFIERS and first in REGION_NAME_WORDS):
                name = f"{first} {second}"
        if word in COARSE_MARKERS:
            # "kota memberi solusi", "di sorong kota tra jalan": after a kecamatan/kota marker only a region the
            # gazetteer knows is a name; a street or a market is named after a fine marker.
            if place_codes(name) or place_codes(first):
                coarse_names.add(name if place_codes(name) else first)
        else:
            places.add(f"f:{name}")
        if markers is not None and word in NEGATABLE_MARKERS:
            markers.add(NEGATABLE_MARKERS[word])
    # "di cibinong ... kecamatan cibinong": the marker tells the level.
    places -= {f"f:{name}" for name in coarse_names}
    places |= {f"c:{name}" for name in coarse_names}
    return places


def _passive_verb(word: str) -> bool:
    """A di-...-i / di-...-kan verb ("dimintai", "diperbaiki", "dibiarkan") the gazetteer knows no place of."""
    return len(word) >= 7 and word.startswith("di") and word.endswith(("i", "kan")) and not place_codes(word)


def capitalised_names(original: str) -> set[str]:
    """Capitalised words mid-sentence in the original text: weak place evidence ("banjir di Cibubur")."""
    return {word.lower() for word in _MID_SENTENCE_CAPS_RE.findall(original)} - NOT_A_NAME


def places_agree(a: frozenset[str], b: frozenset[str], region: str | None = None) -> bool | None:
    """True/False when both texts name places at a comparable level; None when there is nothing to compare.

    ``region`` is the finer of the two texts' (compatible) region codes: with it, two names that differ are
    also compared through the gazetteer's codes (``_codes_nest``)."""
    fine_a = {p for p in a if p[0] == "f"}
    fine_b = {p for p in b if p[0] == "f"}
    if fine_a and fine_b:
        if _names_overlap(fine_a, fine_b):
            return True
        # "Kel. Pondok Kacang Timur, Kec. Pondok Aren" against "PBG ruko di Pondok Aren": the one side's village
        # is the other's kecamatan, named without a marker. Different levels: nothing to compare, not a clash.
        if _names_overlap(fine_a, b - fine_b, loose=False) or _names_overlap(fine_b, a - fine_a, loose=False):
            return None
        return None if _codes_nest(fine_a, fine_b, region) else False
    if a and b:
        # One side names only a kecamatan/kota: compare names whatever the level ("di cibinong" vs "kec cibinong").
        # A street on one side and a city on the other is no disagreement ("Jl. Margonda" and "Depok").
        if _names_overlap(a, b):
            return True
        if bool(fine_a) != bool(fine_b):
            return None
        return None if _codes_nest(a, b, region) else False
    return None


def texts_places_agree(a: Features, b: Features) -> bool | None:
    """``places_agree`` for two complaints, their names read in the finer of their regions. A place one names after a
    marker that the other writes without one is no disagreement (None: the verifier weighs the rest): "Kelurahan
    Oebobo" and "daerah Oebobo dekat kantor gubernur" (f:oebobo, f:gubernur), "perumahan di Belian" and "Masjid
    Raya Batam Center" beside "Batam Center gak ada air". Not agreement either: "Pasar Kranggan ... ora mung
    Beringharjo" names Beringharjo to say it is somewhere else."""
    agree = places_agree(a.places, b.places, a.region if len(a.region or "") >= len(b.region or "") else b.region)
    if agree is False and (_mentioned(a.places, b) or _mentioned(b.places, a)):
        return None
    if agree is None and (_outside_kecamatan(a, b) or _outside_kecamatan(b, a)):
        return False
    return agree


def _outside_kecamatan(x: Features, y: Features) -> bool:
    """One text located to a kecamatan and naming no fine place, the other naming a fine place the gazetteer has
    only in other kecamatan of that kab/kota: "smph psr minggu jkt numpuk" (Kecamatan Pasar Minggu) against
    "sampah di TPS samping Pasar Tebet Barat" (the kelurahan Tebet Barat is in Tebet). Two places."""
    if len(x.region or "") < 6 or any(p[0] == "f" for p in x.places):
        return False
    kecamatan, kabkota = x.region[:6], x.region[:4]
    names = [p[2:] for p in y.places if p[0] == "f"]
    if any(len(c) <= 4 for name in names for c in place_codes(name)):
        return False  # "SD di Kendari": a kab/kota name after a fine marker contains every kecamatan of it
    codes = {c for name in names for c in place_codes(name) if c.startswith(kabkota)}
    return bool(codes) and all(not c.startswith(kecamatan) for c in codes)


def _mentioned(places: frozenset[str], other: Features) -> bool:
    """Whether every word of one of these fine place names (its name prefixes aside) is in the other text without a
    marker, capitalised or as a content word."""
    for place in places:
        if place[0] != "f":
            continue
        words = [w for w in place[2:].split() if w not in NAME_PREFIXES]
        if words and all(w in other.weak_places or stem(w) in other.words for w in words):
            return True
    return False


def _codes_nest(a: set[str] | frozenset[str], b: set[str] | frozenset[str], region: str | None) -> bool:
    """Whether a name of one side is, in the gazetteer, a place inside (or around) a place the other side names:
    "di Pakansari" (a kelurahan, 3201011007) and "di Cibinong" (its kecamatan, 320101), "Kota Jambi" and
    "Kecamatan Telanaipura", "Jakpus" and "Tanah Abang". Two names of one level (two desa, two kecamatan)
    never nest, so "Kel. Sukaluyu" and "Kel. Sukamaju" still differ. Only with a region to read the names in:
    every name's codes outside the texts' region are dropped, so one of Sukamaju's 66 namesakes does not happen
    to lie in another side's kecamatan."""
    if not region:
        return False
    codes_a = {code for place in a for code in _inner_codes(place[2:]) if regions_compatible(code, region)}
    if not codes_a:
        return False
    codes_b = {code for place in b for code in _inner_codes(place[2:]) if regions_compatible(code, region)}
    return any(len(x) != len(y) and (x.startswith(y) or y.startswith(x)) for x in codes_a for y in codes_b)


def _inner_codes(name: str) -> tuple[str, ...]:
    """A name's codes without a kab/kota or province reading that is only an alias of a place inside it: "Tanah
    Abang" (an alias of Jakarta Pusat, and its kecamatan) is the kecamatan, so it does not contain "Pasar Senen".
    (A kecamatan keeps its reading beside the desa of its name inside it: Cibinong, the town and the kecamatan.)"""
    codes = place_codes(name)
    return tuple(c for c in codes if len(c) > 4 or not any(len(o) > len(c) and o.startswith(c) for o in codes))


_GAZETTEER = None


@lru_cache(maxsize=65_536)
def place_codes(name: str) -> tuple[str, ...]:
    """Every Kemendagri code a place name may stand for (``Gazetteer.name_codes``); () for a name the gazetteer
    does not know (a street, a market, or a word after a marker that is no name at all: "kota memberi")."""
    global _GAZETTEER
    if _GAZETTEER is None:
        from streams.locate import Gazetteer  # the gazetteer is big: loaded once, on the first comparison

        _GAZETTEER = Gazetteer.load()
    return _GAZETTEER.name_codes(name)


def _names_overlap(a: set[str] | frozenset[str], b: set[str] | frozenset[str], loose: bool = True) -> bool:
    """Whether the two sets name one place; ``loose=False`` only for a name written whole on both sides."""
    names_a = {p[2:] for p in a}
    names_b = {p[2:] for p in b}
    if names_a & names_b:
        return True
    if not loose:
        return any(x.startswith(y + " ") or y.startswith(x + " ") for x in names_a for y in names_b)
    return any(_same_place_name(x, y) for x in names_a for y in names_b)


def _same_place_name(x: str, y: str) -> bool:
    """Two spellings of one place name, as channels write it: "griya" (SMS, no capitals) and "griya asri";
    "Mojolangu, Lowokwaru" and "Mojolangu Malang" (a capitalised neighbour joined the name); "bungur" and
    "Bungurasih"; "mggrai" and "Manggarai". Not "griya asri" and "griya indah" (a name prefix is no name),
    nor "Cilandak Timur" and "Cilandak Barat" (both qualified, differently)."""
    if x.startswith(y + " ") or y.startswith(x + " "):
        return True
    words_x, words_y = x.split(), y.split()
    if any(w.isdigit() for w in words_x + words_y):
        return False  # "sd 2" and "sd 3": a school is its number
    if not any(_same_word(u, v) for u in words_x if u not in NAME_PREFIXES for v in words_y if v not in NAME_PREFIXES):
        return False
    qualifiers_x, qualifiers_y = set(words_x) & NAME_QUALIFIERS, set(words_y) & NAME_QUALIFIERS
    return not (qualifiers_x and qualifiers_y and qualifiers_x != qualifiers_y)


def _same_word(u: str, v: str) -> bool:
    """One name word written whole, cut short ("bungur") or without its vowels ("mggrai"), never a qualifier."""
    if u in NAME_QUALIFIERS or v in NAME_QUALIFIERS or len(u) < 4 or len(v) < 4:
        return False  # a qualifier or a short word ("sd", "al") is no name on its own
    if u == v:
        return True
    short, long = sorted((u, v), key=len)
    if len(short) < 5 or short[0] != long[0]:
        return False
    if long.startswith(short):
        return True
    # an SMS abbreviation keeps the first and last letters and most consonants, in order
    if short[-1] != long[-1] or len(short) * 3 < len(long) * 2:
        return False
    letters = iter(long)
    return all(ch in letters for ch in short)


def extract(
    normalised: str, region_code: str | None = None, original: str | None = None, region_hint: str | None = None,
    topic: str | None = None, *, clauses: tuple[list[str], frozenset[int]] | None = None,
) -> Features:
    """``clauses``: ``clause_starts(normalised)``, when the caller has split the text already (not changed here)."""
    words, starts = clause_starts(normalised) if clauses is None else clauses
    capitalised = frozenset(w.lower() for w in _CAPITALISED_RE.findall(original)) if original else frozenset()
    markers: set[str] = set()
    places = extract_places(words, capitalised, starts, markers)
    place_words = {part for place in places for part in place[2:].split()}
    weak = capitalised_names(original) - place_words if original else set()
    # Place words leave the content words before stemming: stemmed, "Kendari" is "ndar" and "Bekasi" "bekas",
    # which no longer match the names they came from, so two unrelated complaints from one city shared a "word".
    not_content = place_words | weak | PLACE_MARKERS
    content, named = set(), set()
    if not CONCEPT_PHRASE_FIRSTS.isdisjoint(words):
        # "mati lampu" (a blackout, not a street light), "hunian tetap", "tangga berjalan": a concept of two words in a
        # row, whatever either says alone; never across a clause mark.
        for k in range(len(words) - 1):
            if words[k] in CONCEPT_PHRASE_FIRSTS and k + 1 not in starts:
                concept = CONCEPT_PHRASES.get((words[k], words[k + 1]))
                if concept is not None:
                    content.add("~" + concept)
    for word in words:
        if word in STOPWORDS or len(word) < 2 or not word.replace("-", "").isalpha():
            continue  # numbers are compared by kind (extract_numbers), not as words
        if word in not_content:
            named.add(stem(word))
            if word in PLACE_MARKERS and word in CONCEPTS:
                content.add("~" + CONCEPTS[word])  # "huntap" marks a place ("Huntap Tondo") and names a thing too
            continue
        _add_content(content, word)
    if "#" in normalised:
        # "#medanrusak", "#makassarbanjir", "#robsemarang": a hashtag of a city and what is wrong there says the issue
        # in one word; its issue word counts as a content word (the city is the region codes' to compare).
        for tag in _HASHTAG_RE.findall(normalised):
            for part in _hashtag_issue(tag):
                if part not in STOPWORDS and part not in not_content:
                    _add_content(content, part)
    region = region_code or None
    if region_hint and regions_compatible(region, region_hint) and len(region_hint) > len(region or ""):
        region = region_hint
    return Features(
        words=frozenset(content),
        places=frozenset(places),
        weak_places=frozenset(weak),
        numbers=extract_numbers(normalised),
        region=region,
        shingles=tuple(sorted(content | named | places)),
        topic=topic,
        negated=extract_negated(words, starts, capitalised, place_words | weak),
        markers=shared_set(markers),
    )


def _add_content(content: set[str], word: str) -> None:
    """A content word, stemmed, and its concept beside it: "got buntu" and "saluran tersumbat" share "~saluran" and
    "~sumbat"."""
    content.add(stem(word))
    concept = CONCEPTS.get(word)
    if concept is not None:
        content.add("~" + concept)


_HASHTAG_RE = re.compile(r"#([a-z]+)\b")
_CITY_WORD = 5  # a gazetteer name of at least five letters ("medan", "ambon"): "bau", "batu", "laut" are words too


def _hashtag_issue(tag: str) -> tuple[str, ...]:
    """The rest of a hashtag that begins or ends with a province or kab/kota name word: "medanrusak" -> ("rusak",),
    "robsemarang" -> ("rob",); () for any other hashtag ("jalanrusak", "ambon")."""
    for cut in range(_CITY_WORD, len(tag) - 2):
        if tag[:cut] in REGION_NAME_WORDS:
            return (tag[cut:],)
    for cut in range(3, len(tag) - _CITY_WORD + 1):
        if tag[cut:] in REGION_NAME_WORDS:
            return (tag[:cut],)
    return ()


_SHARED_SETS: dict[frozenset[str], frozenset[str]] = {}


def shared_set(values) -> frozenset[str]:
    """One frozenset object for every equal set of a few marker kinds (``Features.markers``): a worker keeps the
    features of thousands of complaints, and these combinations are few."""
    if not values:
        return EMPTY_SET
    key = frozenset(values)
    found = _SHARED_SETS.get(key)
    if found is None:
        found = key
        if len(_SHARED_SETS) < 4096:
            _SHARED_SETS[key] = key
    return found


def regions_compatible(a: str | None, b: str | None) -> bool:
    """Codes at different levels agree when one contains the other ("32" and "3201")."""
    return not a or not b or a.startswith(b) or b.startswith(a)
