"""LOCATE: the region a complaint is about, read from its raw text with a Kemendagri gazetteer.

The gazetteer (streams/data/gazetteer/, provenance in streams/data/README_locate_route.md) has 38 provinsi,
514 kabupaten/kota and 7,285 kecamatan. Place names are found with one dictionary scan over the lowercase
tokens (longest n-gram first), never a regex per place, so a 300-character text costs tens of microseconds.

How a name becomes a region (the rules the tests pin down):

* A cue just before the name decides its level: "kota X" / "kab X" / "kec X" / "provinsi X". Without one, a
  bare name shared by a kota and a kabupaten is the **kota** ("Bandung" → Kota Bandung 3273), and a name shared
  by a province and its capital is the kota too ("Jambi" → Kota Jambi; "Provinsi Jambi" → 15).
* A kecamatan that lies in a kab/kota also named in the text wins and brings its kab/kota with it ("Soreang,
  Bandung" → Soreang in Kabupaten Bandung). A kecamatan named alone counts only if its name is unique in the
  country (after narrowing by a province named in the text or the hint) and is not an ordinary word.
* Names that are also ordinary words ("Batu", "Malang", "Padang", "Solo"; ordinary_words.tsv plus
  name_policy.tsv, both authored) count only with a cue ("di", "kota", "kab", ...) or a capital letter that
  does not start a sentence (a dateline "Malang, 3 Mei" counts). A few ("Puncak", "Batang", "Buru") are
  ``strict``: only "kota"/"kab"/"kec" will do. Without the cue such a name can still refine a place named
  elsewhere ("Banjar, Kalsel"), never stand alone. Ordinary-word kecamatan names stand alone only with a "kec"
  cue or as a capitalised multi-word name ("Pasar Minggu"). Names after "jalan", "desa", "kelurahan", "gang",
  "perumahan" ... name streets and villages, not regions, and are skipped; "never" names are not indexed.
* Among several regions named, a place someone moves from or to or lives in ("dari X", "ke X", "jurusan X",
  "domisili X", "tinggal di X") ranks after the others; then the one with the strongest cue wins
  (kota/kab cue > "di" > none), then the first.
* A desa/kelurahan name with nothing around it is read when the country has it once and it is capitalised or
  long, or when exactly one of its namesakes is a kelurahan of a kota (the others rural desa) and it is written
  with a cue other than "desa"/"ds"; else the coarser level its readings share, or nothing.
* A name is also read as people join or split its words ("#pasarminggu", "tanjungpriok", "gunung sari" for
  Gunungsari, "Medan Satria" for Medansatria), keeping the caution of the words it is made of; an official
  spelling wins over another name's variant. A name right after "bukan" ("Jalan Purwakarta (bukan Kabupaten
  Purwakarta)") names nothing; two or more words after a kelurahan/desa marker are a name however common.
* Context that chooses among a name's readings, never places a text alone (region round 5): a regional language
  (regional_words.tsv: "kada", "seng", "indak") chooses the namesake in its provinces; "desa" in the text makes a
  name shared by a kota (without desa) and a kabupaten the kabupaten; "Polres X" is the kabupaten's; a kelurahan
  marker prefers the kelurahan among desa namesakes; "maksud saya" replaces the place named before it.
* ``hint_region_code`` (a region the citizen picked in a form) narrows every candidate to those inside it (or
  containing it), and is the answer when the text names nothing consistent with it.
"""

from __future__ import annotations

import csv
import gzip
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, NamedTuple

GAZETTEER_DIR = Path(__file__).resolve().parent / "data" / "gazetteer"

PROVINSI, KABKOTA, KECAMATAN, DESA = "provinsi", "kabkota", "kecamatan", "desa"
_LEVEL_OF_LENGTH = {2: PROVINSI, 4: KABKOTA, 6: KECAMATAN, 10: DESA}

# Province → IANA zone. Indonesia's three zones follow province borders.
WIB, WITA, WIT = "Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"
_WITA_PROVINCES = frozenset({"51", "52", "53", "63", "64", "65", "71", "72", "73", "74", "75", "76"})
_WIT_PROVINCES = frozenset({"81", "82", "91", "92", "93", "94", "95", "96"})
# A complaint with no region is handled by the national triage unit in Jakarta.
DEFAULT_TIMEZONE = WIB


@dataclass(frozen=True)
class Region:
    code: str
    name: str
    level: str  # 'provinsi' | 'kabkota' | 'kecamatan' | 'desa' (a desa or a kelurahan)
    kabkota_code: str | None
    kabkota_name: str | None
    province_code: str
    province_name: str
    kecamatan_code: str | None = None
    kecamatan_name: str | None = None

    @property
    def label(self) -> str:
        """Readable path, nearest first: "Coblong, Kota Bandung, Jawa Barat"."""
        parts = [self.name]
        if self.level == DESA and self.kecamatan_name:
            parts.append(self.kecamatan_name)
        if self.level in (KECAMATAN, DESA) and self.kabkota_name:
            parts.append(self.kabkota_name)
        if self.level != PROVINSI:
            parts.append(self.province_name)
        return ", ".join(parts)


def timezone_of(region_code: str | None) -> str:
    """IANA zone of a region (any level): "Asia/Jakarta" (WIB), "Asia/Makassar" (WITA) or "Asia/Jayapura" (WIT).

    No region (None or "") gives DEFAULT_TIMEZONE; a code of an unknown province raises ValueError.
    """
    if not region_code:
        return DEFAULT_TIMEZONE
    province = region_code.replace(".", "")[:2]
    if province not in Gazetteer.load().province_codes:
        raise ValueError(f"unknown province in region code {region_code!r}")
    if province in _WIT_PROVINCES:
        return WIT
    if province in _WITA_PROVINCES:
        return WITA
    return WIB


# ---------------------------------------------------------------------------------------------------------------
# Text side: tokens and the cue words around a name.

# Apostrophes vanish ("Ma'u" → "mau") and everything else not alphanumeric separates tokens, for names and texts.
_TOKEN = re.compile(r"[0-9A-Za-z]+")
_APOSTROPHES = str.maketrans("", "", "'’`")

_KOTA_CUES = frozenset({"kota", "kodya", "kotamadya", "pemkot", "walikota", "wali", "polresta", "polrestabes"})
_KAB_CUES = frozenset({"kab", "kabupaten", "kabupatn", "kbpt", "pemkab", "bupati"})
_KEC_CUES = frozenset({"kec", "kecamatan", "kcmtn", "kecmatan", "distrik", "camat"})
_PROV_CUES = frozenset({"provinsi", "prov", "propinsi", "prop", "pemprov", "gubernur", "polda"})
_LOCATIVE_CUES = frozenset({
    "di", "d", "dari", "dr", "ke", "k", "daerah", "daerh", "wilayah", "wil", "kawasan", "sekitar", "sekitaran",
    "area", "warga", "dekat", "dkt", "deket", "sktr", "seputar", "asal",
    "alun", "alun2", "aloon",  # "alun-alun Tegal": a town's square is in the town
    # Javanese "in"/"at" (ngoko; "ndek" East Javanese): "banyu mati nang pacar keling", "ndek sidoarjo" (region
    # round 8). Not "neng": also Sundanese "miss" before a given name; not "ng": also a contraction of "yang".
    "nang", "ning", "ndek",
})
# Words before a name that make it a street, village or building name rather than the region itself.
_BLOCKING_CUES = frozenset({
    "jalan", "jl", "jln", "jlan", "gg", "gang", "desa", "ds", "kel", "kelurahan", "lurah", "dusun", "dsn",
    "kampung", "kp", "kmp", "perum", "perumahan", "komplek", "kompleks", "komp", "blok", "apartemen", "universitas",
    "univ", "stasiun", "terminal", "bandara",
})
# A name after these is a person's ("Pak Bambang"), not a place.
_HONORIFICS = frozenset({
    "pak", "bapak", "bpk", "bu", "ibu", "mas", "mbak", "mba", "bang", "kak", "sdr", "sdri", "saudara", "saudari",
    "om", "tante", "adik", "dik", "h", "hj", "haji", "ir", "drs", "prof", "nama", "namanya",
})
_ADMINISTRASI = frozenset({"administrasi", "adm"})
# Words before a name that make it a desa/kelurahan ("Kel. Sukaluyu", "ds benda", "gampong Peunayong").
_DESA_CUES = frozenset({"desa", "ds", "kel", "kelurahan", "kelurhan", "kelrahan", "lurah", "gampong", "nagari", "kalurahan"})
_RURAL_DESA_CUES = frozenset({"desa", "ds", "gampong", "nagari", "kalurahan"})
_URBAN_DESA_CUES = _DESA_CUES - _RURAL_DESA_CUES  # a kelurahan (of a kota, or a kabupaten's town)
_RURAL, _URBAN = 1, 2  # _Phrase.villages: the kinds of desa/kelurahan that share the name
# A station, bus terminal or port is named after the kelurahan or kecamatan it stands in ("Terminal Rajabasa",
# "Stasiun Pondok Cina", "pelabuhan bastiong"): a kecamatan or desa name after one is read as after "di", and so is
# a kab/kota name ("terminal Baubau"). ("Bandara" is no such cue: "Bandara Juanda" is not in Juanda.)
_FACILITY_CUES = frozenset({"stasiun", "terminal", "pelabuhan", "stasion", "stsiun", "trminal", "plabuhan", "plbhn",
                            # a puskesmas is named after the kecamatan or kelurahan it serves ("puskesmas oesapa")
                            "puskesmas"})
# Region round 11: a market, a waste depot, a block of flats or a post-disaster settlement is named after the kelurahan
# it stands in ("pasar sesetan", "rusun marunda", "TPS Cipayung", "huntap Talise"): a desa name after one is read as
# after "di" when the country has it once (one with namesakes stays as it was: "pasar rejowinangun" is Kota
# Magelang's market, named after its Rejowinangun Utara/Selatan, not the Rejowinangun of Kotagede).
_NAMED_AFTER_DESA = frozenset({"pasar", "psr", "tps", "rusun", "huntap"})
# Words that open the name of a junction, a market, a monument or a natural feature as often as a desa's ("Simpang
# Lima", "Bundaran Besar", "Gunung Putri", "Pulau Baru"): a capitalised name of everyday words opening with one is not
# read as the one desa of that name alone (region round 11).
_FEATURE_WORDS = frozenset({"simpang", "bundaran", "perempatan", "pertigaan", "prapatan", "tugu", "pasar", "taman",
                            "jembatan", "terminal", "gunung", "bukit", "sungai", "pulau", "danau", "teluk", "tanjung",
                            "pantai", "muara", "ujung", "gerbang", "pintu", "lapangan", "alun", "kampung"})
# Offices there is one of per kecamatan, named after it: "KUA Gading Cempaka", "Polsek Coblong" are the kecamatan, as
# after "kec" (region round 6). A name no kecamatan has ("Polsek Metro Tanah Abang": not Kota Metro) is read as
# without the word.
_KECAMATAN_OFFICES = frozenset({"kua", "polsek"})
# Landmarks named "<kind> <name>" after a place ("Stasiun Palmerah", "Bandara Kertajati"; region round 10).
_NAMED_FACILITIES = frozenset({"stasiun", "terminal", "pelabuhan", "bandara"})
# "Rumah Sakit Umum Daerah": a kab/kota's (or province's) own hospital, named after it ("RSUD Batang"). Not "rs"/"rsu":
# private hospitals are named after anything ("RS Bunda", "RSU Haji").
_REGIONAL_HOSPITALS = frozenset({"rsud"})
# Schools, named after the desa or kelurahan they stand in ("SDN Mekarjaya 5", "SMPN 2 Sukamaju"). Not "mi", "min",
# "man", "ma": also everyday words and the admin ("tlg min").
_SCHOOLS = frozenset({"sd", "sdn", "sdi", "smp", "smpn", "sma", "sman", "smk", "smkn", "mts", "mtsn", "tk", "paud",
                      "sekolah"})
# "Jl. Terusan Jakarta" (in Bandung): a word after "jalan" that starts a street's own name; the place name after it
# names the street (like "jalan raya X"), not the region (region round 6). Not "lingkar" nor "bypass": "jalan lingkar
# Raha", "bypass Padang" are the ring road and bypass of that town, in it.
_STREET_WORDS = frozenset({"raya", "terusan"})
_STREETS = frozenset({"jalan", "jl", "jln", "jlan"})
# "jalan Padang–Solok", "jln poros Kendari–Konawe": the words a road between two towns is written after (round 10).
_ROAD_WORDS = frozenset({"jalan", "jl", "jln", "jlan", "poros", "lintas"})
# Words before a name that make it a street, an estate or a building, not the desa of that name.
# "Sungai Ciwulan": a river named after a village is the river, not the desa of that name (desa names repeat across
# the country; a place whose own name starts with "Sungai" is matched whole, from that word). A kecamatan or kab/kota
# after it stays read: "Sungai Rangkui", "Sungai Batanghari" run through their namesakes. Not "kali": it is also
# "times" and, in Medan, "very".
_RIVER_WORDS = frozenset({"sungai", "sungei"})
_NOT_DESA_CUES = _BLOCKING_CUES - _DESA_CUES - _FACILITY_CUES | _HONORIFICS | _RIVER_WORDS
_TYPE_CUES = _KOTA_CUES | _KAB_CUES | _KEC_CUES | _PROV_CUES
# A text naming two places names where the problem is with a static preposition ("di X", or no cue: "RSUD X",
# "#X") and the others as where someone moves from or to ("pindah dari X ke Y", "dirujuk ke X", "jurusan X")
# or lives ("domisili X", "tinggal di X", "KTP X"). Those rank after every static mention and still stand
# alone when nothing else is named ("kami tinggal di Kel. X ..."). Not "warga X": the residents of X are most
# often who the problem is happening to ("Warga Kabupaten Malang di pesisir selatan ..."). Read back past cue words
# ("dari Kota X", "tinggal di Desa X") to the first word that is not one.
_ELSEWHERE_CUES = frozenset({
    "dari", "dr", "ke", "k", "menuju", "mnuju", "arah", "jurusan", "jrsn", "tujuan", "rujuk", "dirujuk",
    "domisili", "berdomisili", "tinggal", "asal", "alamat", "ktp",
    "jalur",  # "peron jalur Bogor", "bus jalur Padang": a line or route named after where it goes (round 6)
    "mahasiswa", "mahasiswi", "alumni", "lulusan",  # "Kami mahasiswa Universitas Tadulako ... di Kabupaten Sigi"
    # "Urang Banjar bayar tiap bulan", "wong Solo", "orang Padang": a people (who), not where the problem is.
    "orang", "urang", "wong", "suku",
})
# "Saya warga Jakarta yang ke vila keluarga": the writer's own home, unlike "warga X" (who it happens to).
_FIRST_PERSON = frozenset({"saya", "sy", "aku", "ak", "gw", "gue", "gua"})
_SKIPPED_BEFORE_NAME = _TYPE_CUES | _DESA_CUES | _ADMINISTRASI | {"di", "d", "daerah", "wilayah", "kawasan", "sekitar"}


def _named_elsewhere(tokens: list[str], start: int) -> bool:
    for back in range(start - 1, max(start - 4, -1), -1):
        word = tokens[back]
        if word in _ELSEWHERE_CUES or (word == "warga" and back and tokens[back - 1] in _FIRST_PERSON):
            return True
        if word not in _SKIPPED_BEFORE_NAME:
            return False
    return False

# "Jalan Purwakarta (bukan Kabupaten Purwakarta)", "Kota Baru Karawang, bukan Kota Baru Jambi": the writer says
# which place it is not. A name right after one of these (past cue words) names nothing.
_NEGATIONS = frozenset({"bukan", "bukang", "bkn", "bukannya", "ndak", "not"})


_AND = frozenset({"dan", "atau", "serta", "maupun", "n"})


def _negated(tokens: list[str], start: int) -> bool:
    for back in range(start - 1, max(start - 4, -1), -1):
        word = tokens[back]
        if word in _NEGATIONS:
            return True
        if word not in _SKIPPED_BEFORE_NAME:
            return False
    return False


_LANDMARK_SHORT = {"pasar": ("psr",), "stasiun": ("st", "stasion", "stsiun"), "pelabuhan": ("plabuhan", "plbhn"),
                   "bandara": ("bndr", "bandar udara"), "terminal": ("trminal",), "jalan": ("jl", "jln", "jlan"),
                   # "pos lintas batas motaain": a border post (PLBN) as written in full (region round 9)
                   "plbn": ("pos lintas batas", "pos lintas batas negara")}

# A hospital is written with any of these before its name, and often with its namesake's title: "RSUD Dr.
# Moewardi", "RS Moewardi", "rumah sakit moewardi" are one hospital.
_HOSPITAL_PREFIXES = ("rumah sakit umum daerah", "rumah sakit umum pusat", "rumah sakit umum", "rumah sakit", "rsud",
                      "rsup", "rsu", "rs")
# "RSUD Prof. Margono Soekarjo": a professor without "dr" too (region round 6); "prof dr" is stripped before "prof".
# "RSUD Dr. H. Abdul Moeloek": the namesake's pilgrim title "H."/"Hj." (haji, hajjah), with or without "dr" (region
# round 9). The longest title is stripped first.
_HOSPITAL_TITLES = ("", "dr ", "prof ", "prof dr ", "h ", "hj ", "dr h ", "dr hj ")


def _hospital_spellings(landmarks: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """The landmarks with every prefix-and-title spelling of each hospital among them; a spelling two hospitals
    of different kab/kota would share is left out (the written rows still stand)."""
    landmarks = list(landmarks)
    written = {" ".join(_tokens(phrase.lower())) for phrase, _ in landmarks}
    spelled: dict[str, set[str]] = {}
    for phrase, code in landmarks:
        key = " ".join(_tokens(phrase.lower()))
        prefix = next((p for p in _HOSPITAL_PREFIXES if key.startswith(p + " ")), None)
        if prefix is None:
            continue
        name = key[len(prefix) + 1:]
        for title in sorted(_HOSPITAL_TITLES[1:], key=len, reverse=True):
            if name.startswith(title):
                name = name[len(title):]
                break
        for other in _HOSPITAL_PREFIXES:
            for title in _HOSPITAL_TITLES:
                spelled.setdefault(f"{other} {title}{name}", set()).add(code)
    return landmarks + [(key, next(iter(codes))) for key, codes in sorted(spelled.items())
                        if len(codes) == 1 and key not in written]


DISTINCTIVE, AMBIGUOUS, STRICT = 0, 1, 2
_POLICY_CAUTION = {"distinctive": DISTINCTIVE, "ambiguous": AMBIGUOUS, "strict": STRICT}


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.translate(_APOSTROPHES))


# How SMS, street signs and addresses shorten or respell a name's first word: "tj priok", "tg pinang", "sei rampah" /
# "sungai rampah", "muaro bulian" (Jambi and Minang Malay), "bkt tinggi", "pdg bulan". A shortened word keeps the
# caution of the word it stands for (``_FULL_WORD``): "pdg bulan" is as everyday as "padang bulan". Not "pd" (SMS
# "pada") nor "p" (any initial).
_FIRST_WORD_FORMS = {"tanjung": ("tj", "tg", "tjg"), "sungai": ("sei", "sg"), "sei": ("sungai",), "muara": ("muaro",),
                     "muaro": ("muara",), "bukit": ("bkt",), "pondok": ("pdk",), "gunung": ("gn", "gng"),
                     "teluk": ("tlk",), "padang": ("pdg",), "karang": ("krg",), "simpang": ("spg",),
                     "pasar": ("psr",)}
_FULL_WORD = {form: word for word, forms in _FIRST_WORD_FORMS.items() for form in forms if len(form) < len(word)}
_FULL_WORD.update(muaro="muara", sei="sungai")


# Minangkabau says a name of West Sumatra as it sounds there, and an SMS writes it so: "Lubuk Buaya" is "lubuak
# buayo", "Lubuk Basung" "lubuak basuang", "Pasar" "pasa", "Air Tawar" "aia tawa". The regular endings (word-final
# -uk -uak, -ung -uang, -ut -uik, -it -ik, -ir -ia, -ar -a, -as -eh, -is -ih, -a -o), for names of two words or more
# in province 13, where no other name is spelled so.
_MINANG_PROVINCE = "13"
_MINANG_ENDINGS = (("uk", "uak"), ("ung", "uang"), ("ut", "uik"), ("it", "ik"), ("ir", "ia"), ("ar", "a"),
                   ("as", "eh"), ("is", "ih"), ("a", "o"))


def _minang(key: str) -> str | None:
    words = key.split(" ")
    if len(words) < 2:
        return None
    spoken = []
    for word in words:
        for ending, said in _MINANG_ENDINGS:
            if word.endswith(ending) and len(word) > len(ending) + 1 and word.isalpha():
                word = word[:-len(ending)] + said
                break
        spoken.append(word)
    variant = " ".join(spoken)
    return variant if variant != key else None


def _full_words(words: Iterable[str]) -> list[str]:
    return [_FULL_WORD.get(w, w) for w in words]


# The numbered halves of a split region, as the official name, a Roman numeral or a digit writes the number.
_ORDINAL_FORMS = (("satu", "i", "1"), ("dua", "ii", "2"), ("tiga", "iii", "3"), ("empat", "iv", "4"),
                  ("lima", "v", "5"))
_ORDINALS = {form: n for n, forms in enumerate(_ORDINAL_FORMS) for form in forms}


def _name_keys(name: str) -> list[str]:
    """Every spelling a region name is indexed under: "Toli-Toli" → "toli toli", "tolitoli"."""
    variants = {name}
    for separator in ("/", "("):
        if separator in name:
            variants.update(part.strip(" )") for part in name.split(separator))
    keys = []
    for variant in variants:
        lowered = variant.lower().translate(_APOSTROPHES)
        for spelled in {lowered, lowered.replace("kep.", "kepulauan ")}:
            tokens = re.findall(r"[0-9a-z]+", spelled)
            if tokens:
                keys.append(" ".join(tokens))
            ordinal = _ORDINALS.get(tokens[-1]) if len(tokens) > 1 else None
            if ordinal is not None:
                # "Ilir Timur Satu" is written "Ilir Timur I" and "ilir timur 1"; "Banyuasin II" "banyuasin 2".
                keys.extend(" ".join(tokens[:-1] + [form]) for form in _ORDINAL_FORMS[ordinal])
            if "-" in spelled:
                joined = re.findall(r"[0-9a-z]+", spelled.replace("-", ""))
                if joined:
                    keys.append(" ".join(joined))
    for key in list(keys):
        first, _, rest = key.partition(" ")
        if rest:
            keys.extend(f"{form} {rest}" for form in _FIRST_WORD_FORMS.get(first, ()))
    return sorted(set(keys))


# The words that part a split kecamatan from its sibling ("Tambun Selatan", "Bojongloa Kaler", "Siberut Barat Daya").
_DIRECTIONS = frozenset({"utara", "selatan", "barat", "timur", "tengah", "pusat", "laut", "daya", "kidul", "lor",
                         "kulon", "wetan", "kaler", "hulu", "hilir", "ilir", "ulu", "darat"})
_NOT_A_REST = frozenset({"tenggara", "kepulauan"})
_KABKOTA_PREFIX = re.compile(r"^(kabupaten administrasi|kota administrasi|kabupaten|kota)\s+", re.IGNORECASE)
# A social post tags the government it complains to ("@pemkotsemarang", "@pemkabbadung", "#kotabatu", "@pemkotjogja",
# "@dlhjogja", "@pdamsby"): the handle names a kab/kota in one word, which no place phrase matches. Read as the
# region's name. Prefixes say whose handle it is: a kota's or a kabupaten's government, or a local agency of either
# (its name then only with an alias or a name that is no other kind's: "@dishubsby", "@bapendasurabaya").
# A handle may put one underscore between whose it is and the name ("@polres_jaksel", "@pemkot_semarang"); any
# other underscore ("@pemkotbekasi_official") makes it a handle no place phrase is read from.
_HANDLE = re.compile(r"[@#]([A-Za-z]+(?:_[A-Za-z]+)?)(?![A-Za-z0-9_])")
# The police of a kota are a Polresta or Polrestabes, of a kabupaten a Polres ("@polrestabesmakassar"); a bupati
# heads a kabupaten, a walikota a kota ("@bupatipati").
_HANDLE_PREFIXES = {"kota": ("pemkot", "pemko", "kota", "polresta", "polrestabes", "walikota"),
                    "kabupaten": ("pemkab", "kab", "kabupaten", "bupati")}
# A government's handle may follow its web domain, the kind after the name ("@kulonprogokab", "@jogjakota"; region
# round 10).
_HANDLE_SUFFIX = {"kota": "kota", "kabupaten": "kab"}
_MIN_SHORTENED = 5
_AGENCY_PREFIXES = ("humas", "dlh", "dishub", "pdam", "bapenda", "satpolpp", "bpbd", "dinkes", "disdik", "dinsos",
                    "disdukcapil", "dukcapil", "perumdaairminum", "polres",
                    # Region round 11: Jakarta's suku dinas ("@sudinbmjaktim", Bina Marga; "@sudinsdajakbar", water
                    # resources), a public-works office ("@dbmtkotabandung", Bina Marga dan Tata Ruang) and a city's
                    # complaint channel ("@sapawargasby").
                    "sudin", "sudinbm", "sudinsda", "sudinlh", "sudinhub", "sudinkes", "dbmt", "dbmtr", "dpupr",
                    "sapawarga")
# A province's police and government ("@poldasumut", "@pemprovjabar", "@DKIJakarta"); "@jatimprov" puts it after.
_PROVINCE_HANDLE_PREFIXES = ("polda", "pemprov", "pemprop", "prov", "provinsi", "gubernur", "dki")
# An agency's handle may say whose it is: "@satpolppkotabogor" is Kota Bogor's, "@bpbdkabbogor" the kabupaten's.
_AGENCY_KIND = {"kota": ("kota", "kot"), "kabupaten": ("kab",)}
# Every prefix a handle of a kab/kota of that kind may carry before its joined name.
_KIND_HANDLE_PREFIXES = {kind: prefixes + tuple(a + k for a in _AGENCY_PREFIXES for k in _AGENCY_KIND[kind])
                         for kind, prefixes in _HANDLE_PREFIXES.items()}


def _joined(name: str) -> str:
    """A name as a handle writes it: lowercase, one word ("Kota Batu" → "kotabatu" after the prefix is gone)."""
    return re.sub(r"[^a-z0-9]", "", name.lower())


class _Phrase(NamedTuple):
    provinces: tuple[str, ...]
    kotas: tuple[str, ...]
    kabupatens: tuple[str, ...]
    kecamatans: tuple[str, ...]
    caution: int  # DISTINCTIVE, AMBIGUOUS (needs a cue or a capital) or STRICT (needs a kota/kab/kec cue)
    landmark: bool = False  # a station, port, market...: names its kab/kota whatever the cue before it
    words: int = 1  # words of the name as officially spelled ("pasarminggu" is the two of "Pasar Minggu")
    cue_free: bool = False  # opens with a cue word that makes no other reading ("Kota Raja": no region "Raja")
    villages: int = 0  # _RURAL | _URBAN: whether a desa, a kelurahan of the same name exists
    village_elsewhere: bool = False  # a desa/kelurahan of the name lies outside the kab/kota of its kecamatan(s)
    capital_namesake: bool = False  # a kabupaten name that is also a kelurahan of DKI Jakarta elsewhere (Manggarai)


def _direction_stem(key: str, also: tuple[str, ...] = ()) -> str | None:
    """The name a direction (or one of ``also``) was added to as its last word: "kelayan barat" -> "kelayan",
    "bandung barat" -> "bandung"; None for a name that does not end so."""
    stem, _, last = key.rpartition(" ")
    return stem if stem and (last in _DIRECTIONS or last in also) else None


# Besides directions, the words a split kelurahan/desa adds to its stem: "Kelayan Dalam", and "Talang Rimbo Baru" /
# "Talang Rimbo Lama" (new and old; region round 8), "Air Itam Atas" / "Bawah" (upper and lower).
_STEM_ENDINGS = ("dalam", "kota", "baru", "lama", "atas", "bawah")


# A compound spelling needs each part to be a word of some name or an everyday word, of 3 letters or more:
# "gunungsari" splits as "gunung sari", "sukaluyu" not as "suk aluyu".
_MIN_PART = 3
# A joined spelling is read only for names of this many words (or fewer): "kampung baru lama" joined is noise.
_MAX_COMPOUND_WORDS = 3


def _word_vocabulary(rows, desa, ordinary_words: set[str]) -> frozenset[str]:
    """Every word of a region or desa name, and every everyday word: the halves a one-word name may be split
    into ("medansatria": "medan", a word of "Medan Kota", and "satria", a desa)."""
    vocabulary = set(ordinary_words)
    for _, _, name in list(rows) + list(desa):
        vocabulary.update(t for t in _tokens(name.lower()) if len(t) >= _MIN_PART and t.isalpha())
    return frozenset(vocabulary)


def _compound_spellings(names: Iterable[tuple[str, str]], existing, vocabulary: frozenset[str]):
    """(spelling, parts, code) for every name's other spelling no official name has: a two- or three-word name
    joined ("pasar minggu" → "pasarminggu"), a one-word name split once into two vocabulary words ("gunungsari"
    → "gunung sari"). A name spelled officially so wins over another's variant: "Caturtunggal" stays the one
    desa of that name, whatever "Catur Tunggal" elsewhere joins into."""
    found: dict[str, tuple[list[str], list[str]]] = {}
    for key, code in names:
        tokens = key.split(" ")
        if 1 < len(tokens) <= _MAX_COMPOUND_WORDS and all(t.isalpha() for t in tokens):
            spellings = [("".join(tokens), tokens)]
        elif len(tokens) == 1 and key.isalpha() and len(key) >= 2 * _MIN_PART:
            spellings = [(f"{key[:i]} {key[i:]}", [key[:i], key[i:]]) for i in range(_MIN_PART, len(key) - _MIN_PART + 1)
                         if key[:i] in vocabulary and key[i:] in vocabulary]
        else:
            continue
        for spelled, parts in spellings:
            if spelled not in existing:
                entry = found.setdefault(spelled, (parts, []))
                if code not in entry[1]:
                    entry[1].append(code)
    for spelled, (parts, codes) in found.items():
        for code in codes:
            yield spelled, parts, code


_NO_PHRASE = _Phrase((), (), (), (), DISTINCTIVE)


class _Mention(NamedTuple):
    position: int
    length: int
    key: str  # the phrase as matched
    codes: tuple[str, ...]  # candidates, best first
    score: int  # cue strength
    weak: bool  # may only refine a region named elsewhere
    elsewhere: bool = False  # named as where someone comes from, goes to or lives ("dari X", "ke X", "domisili X")
    rural: bool = False  # a desa name after "desa"/"ds": not a kelurahan of a kota
    namesake: bool = False  # a kabupaten read weak for a DKI Jakarta kelurahan of its name ("Manggarai")
    origin: bool = False  # "pindah dari X ke Y": X, the place moved from (``_origins_marked``)
    street: bool = False  # the kab/kota of a desa a street is named after ("Jl. Ketintang Baru"; region round 10)


# ---------------------------------------------------------------------------------------------------------------


class Gazetteer:
    """Every region by code and every place-name spelling by phrase. Built once per process (``load``)."""

    def __init__(self, rows: Iterable[tuple[str, str, str]], aliases: Iterable[tuple[str, str]],
                 policy: dict[str, str], ordinary_words: set[str],
                 desa: Iterable[tuple[str, str, str]] = (), landmarks: Iterable[tuple[str, str]] = (),
                 desa_common_words: set[str] = frozenset(),
                 regional_words: Iterable[tuple[str, int, str]] = (),
                 station_codes: Iterable[tuple[str, str]] = ()):
        self.regions: dict[str, Region] = {}
        # word -> (weight, provinces whose regional language or Malay uses it): ``_language_provinces``.
        self._regional_words: dict[str, tuple[int, tuple[str, ...]]] = {
            word: (weight, tuple(provinces.split(","))) for word, weight, provinces in regional_words}
        self._regional_keys = frozenset(self._regional_words)
        kinds: dict[str, str] = {}
        rows = sorted(rows)
        desa = list(desa)
        aliases = list(aliases)
        vocabulary = _word_vocabulary(rows, desa, ordinary_words)
        names = {code: name for code, _, name in rows}
        for code, kind, name in rows:
            province = code[:2]
            kabkota = code[:4] if len(code) >= 4 else None
            level = {2: PROVINSI, 4: KABKOTA, 6: KECAMATAN}[len(code)]
            self.regions[code] = Region(code, name, level, kabkota, names.get(kabkota) if kabkota else None,
                                        province, names[province])
            kinds[code] = kind
        self.province_codes = frozenset(c for c in self.regions if len(c) == 2)
        self._handles: dict[str, str] = {}
        kabkota_names: dict[str, set[str]] = {}  # joined name or alias -> kab/kota codes
        for code, kind, name in rows:
            if kind in _KIND_HANDLE_PREFIXES:
                joined = _joined(_KABKOTA_PREFIX.sub("", name))
                kabkota_names.setdefault(joined, set()).add(code)
                for prefix in _KIND_HANDLE_PREFIXES[kind]:
                    self._handles[prefix + joined] = f" {name} "
                    # "@polrestamalangkota": the kind said again after the name (session 17).
                    self._handles.setdefault(prefix + joined + _HANDLE_SUFFIX[kind], f" {name} ")
                # Region round 10. "@kulonprogokab", "@slemankab", "@semarangkota": a government's handle written as its
                # web domain is (kulonprogokab.go.id), the kind after the name.
                self._handles.setdefault(joined + _HANDLE_SUFFIX[kind], f" {name} ")
        for alias, code in aliases:
            if len(code) == 4 and code in self.regions:
                joined = _joined(alias)
                kabkota_names.setdefault(joined, set()).add(code)
                for prefix in _KIND_HANDLE_PREFIXES[kinds[code]]:
                    self._handles.setdefault(prefix + joined, f" {names[code]} ")
                self._handles.setdefault(joined + _HANDLE_SUFFIX[kinds[code]], f" {names[code]} ")
        # "@pemkabtasik", "@pemkotprob": a government's handle may shorten the name to its first letters. A
        # shortening of five letters or more that opens exactly one kab/kota name of that kind (and is no full
        # name or alias) is read as it (``_handle``).
        self._shortened: dict[str, dict[str, set[str]]] = {kind: {} for kind in _HANDLE_PREFIXES}
        for code, kind, name in rows:
            if kind in _HANDLE_PREFIXES:
                joined = _joined(_KABKOTA_PREFIX.sub("", name))
                for end in range(_MIN_SHORTENED, len(joined)):
                    self._shortened[kind].setdefault(joined[:end], set()).add(code)
        for kind, shortened in self._shortened.items():
            # "@pemkabtasik": "tasik" is the kota's alias, not the kabupaten's; a name or alias of the other kind does
            # not hide the shortening (region round 6).
            self._shortened[kind] = {s: codes for s, codes in shortened.items()
                                     if len(codes) == 1 and not any(kinds[c] == kind for c in kabkota_names.get(s, ()))}
        for joined, codes in kabkota_names.items():
            if len(codes) == 1 and len(joined) >= 3:  # "@dlhbandung": the kota or the kabupaten? Neither.
                for prefix in _AGENCY_PREFIXES:
                    self._handles.setdefault(prefix + joined, f" {names[next(iter(codes))]} ")
            if len(joined) >= 3:  # "@polresmalangkab", "@dlhbandungkota": the kind after the name says which
                for code in codes:
                    for prefix in _AGENCY_PREFIXES:
                        self._handles.setdefault(prefix + joined + _HANDLE_SUFFIX[kinds[code]], f" {names[code]} ")
        # A province's police, government or agency ("@poldamaluku", "@pemprovjatim", "@jabarprov", "@BPBDJakarta",
        # "@DKIJakarta") names the province: read as "Provinsi X", which places a desa or kecamatan named in the
        # text ("di Passo": the one in Maluku). An agency's handle only where no kab/kota has the name ("@dinkesjambi"
        # is the province's or Kota Jambi's).
        province_names = {_joined(name): code for code, kind, name in rows if kind == "provinsi"}
        province_names.update((_joined(alias), code) for alias, code in aliases if len(code) == 2)
        for joined, code in province_names.items():
            if len(joined) < 3:
                continue
            spelled = f" Provinsi {names[code]} "
            for handle in [p + joined for p in _PROVINCE_HANDLE_PREFIXES] + [joined + "prov"]:
                self._handles.setdefault(handle, spelled)
            if joined not in kabkota_names:
                for prefix in _AGENCY_PREFIXES:
                    self._handles.setdefault(prefix + joined, spelled)

        buckets: dict[str, dict[str, list[str]]] = {}

        def add(key: str, code: str) -> None:
            kind = kinds[code]
            slot = "kecamatan" if kind == "distrik" else kind
            bucket = buckets.setdefault(key, {"provinsi": [], "kota": [], "kabupaten": [], "kecamatan": []})
            if code not in bucket[slot]:
                bucket[slot].append(code)

        joined_ordinary: set[str] = set()
        for code, kind, name in rows:
            base = _KABKOTA_PREFIX.sub("", name) if kind in ("kota", "kabupaten") else name
            for key in _name_keys(base):
                add(key, code)
                # "Tanjung Pinang" is also written "Tanjungpinang"; only region names this big get the joined form.
                if kind != "kecamatan" and kind != "distrik" and " " in key and key.count(" ") <= 2:
                    add(key.replace(" ", ""), code)
                    if all(t in ordinary_words for t in key.split(" ")):
                        joined_ordinary.add(key.replace(" ", ""))  # "Batu Bara" joined is "batubara", coal
        # The other spelling of a kecamatan name: "Pasar Minggu" written "pasarminggu" (a hashtag, an SMS),
        # "Gunungsari" written "gunung sari". Only spellings no official name already has; each keeps the
        # caution of the words it is made of (``compound_parts``), so "batu merah" joined stays an everyday word.
        compound_parts: dict[str, list[str]] = {}
        for key, parts, code in _compound_spellings(((k, c) for c, kind, n in rows if kind in ("kecamatan", "distrik")
                                                      for k in _name_keys(n)), buckets, vocabulary):
            compound_parts[key] = parts
            add(key, code)
        # A town's core kecamatan is often officially "Kota X Y" ("Kota Ternate Selatan", "Kota Kisaran Barat") and
        # written without "Kota": that spelling too, when no other name has it.
        for code, kind, name in rows:
            if kind in ("kecamatan", "distrik"):
                for key in _name_keys(name):
                    if key.startswith("kota ") and key.count(" ") >= 2 and key[5:] not in buckets:
                        add(key[5:], code)
        for code, kind, name in rows:
            if kind == "kecamatan" and code.startswith(_MINANG_PROVINCE):
                for key in _name_keys(name):
                    variant = _minang(key)
                    if variant and variant not in buckets:
                        add(variant, code)
        # "di Marelan", "Tembung", "Sigi Biromaru" written "Biromaru": a kecamatan named after its kab/kota and one more
        # word ("Medan Marelan") is written by that word alone, when no other name has it and it is no everyday,
        # direction or ordinal word.
        for code, kind, name in rows:
            if kind in ("kecamatan", "distrik") and code[:4] in names:
                town = " ".join(_tokens(_KABKOTA_PREFIX.sub("", names[code[:4]]).lower()))
                for key in _name_keys(name):
                    rest = key[len(town) + 1:]
                    if key.startswith(town + " ") and rest not in buckets and len(rest) >= 5 and rest.isalpha() \
                            and policy.get(rest) != "never" and rest not in _NOT_A_REST and rest not in _DIRECTIONS \
                            and rest not in ordinary_words and rest not in desa_common_words:
                        add(rest, code)
        # "Mentawai", "Sangihe", "Selayar": a kabupaten "Kepulauan X" is written by its islands' name alone, when no
        # region has that name ("seribu", a thousand, is written "Pulau Seribu": never, in name_policy.tsv).
        for code, kind, name in rows:
            base = _KABKOTA_PREFIX.sub("", name)
            if kind == "kabupaten" and base.lower().startswith("kepulauan "):
                for key in _name_keys(base[len("kepulauan "):]):
                    bucket = buckets.get(key)
                    if policy.get(key) != "never" and not (bucket and (bucket["provinsi"] or bucket["kota"]
                                                                       or bucket["kabupaten"])):
                        add(key, code)
        # "di Tambun", "Siberut", "Kebayoran": the shared first words of the kecamatan of one kab/kota that differ
        # only by a direction ("Tambun Selatan", "Tambun Utara") name the town they were split from: read as those
        # kecamatan (so their kab/kota, or the one among them a desa named beside lies in). Not when no such name
        # is free, when the words are everyday ones ("Kampung Laut", "Pantai Timur") or a cue ("Kota Ternate Selatan").
        everyday = ordinary_words | desa_common_words | _DIRECTIONS
        stems: dict[str, set[str]] = {}
        for code, kind, name in rows:
            if kind in ("kecamatan", "distrik"):
                for key in _name_keys(name):
                    words = key.split(" ")
                    while len(words) > 1 and words[-1] in _DIRECTIONS:
                        words.pop()
                    if words != key.split(" "):
                        stems.setdefault(" ".join(words), set()).add(code)
        # "di marpoyan", "Kebayoran", "Cipocok": a kota's kecamatan of two words whose second is an everyday word
        # ("Marpoyan Damai", "Kebayoran Lama/Baru", "Cipocok Jaya") is written by its first, as a split one is.
        # Only in a kota, and a first word of six letters or more.
        for code, kind, name in rows:
            if kind == "kecamatan" and code[2] == "7":
                words = name.lower().split(" ")
                if len(words) == 2 and len(words[0]) >= 6 and words[1] in ordinary_words \
                        and words[1] not in _DIRECTIONS:
                    stems.setdefault(words[0], set()).add(code)
        for stem, codes in stems.items():
            words = stem.split(" ")
            if stem not in buckets and len(stem) >= 5 and len({c[:4] for c in codes}) == 1 \
                    and policy.get(stem) != "never" and words[0] not in _TYPE_CUES \
                    and not any(w in everyday or not w.isalpha() for w in words):
                for code in sorted(codes):
                    add(stem, code)
        alias_keys = set()
        for alias, code in aliases:
            if code not in self.regions:
                raise ValueError(f"alias {alias!r} points to unknown region {code}")
            for key in _name_keys(alias):
                add(key, code)
                alias_keys.add(key)
        landmark_keys = set()
        for phrase, code in _hospital_spellings(landmarks):
            if code not in self.regions or len(code) != 4:
                raise ValueError(f"landmark {phrase!r} must name a kab/kota code, not {code}")
            for key in _name_keys(phrase):
                # "psr induk kramat jati", "st. bekasi": how SMS shortens the kind of place
                first, _, rest = key.partition(" ")
                spellings = [key] + [f"{short} {rest}" for short in _LANDMARK_SHORT.get(first, ()) if rest]
                # "terminal kp rambutan": "kampung" inside a landmark's name as addresses shorten it (round 6).
                spellings += [s.replace(" kampung ", " kp ") for s in spellings if " kampung " in s]
                for spelled in spellings:
                    add(spelled, code)
                    landmark_keys.add(spelled)
        # Region round 10. "#LabuanBajo", "#KampungInggris", "#LembahAnai": a hashtag joins the words of an alias or a
        # landmark as it joins a kecamatan's ("#pasarminggu"). The joined spelling of a name of two or three words,
        # when no name has it and the name needs no cue (no name_policy entry).
        for phrase, code, keys in [(a, c, alias_keys) for a, c in aliases] + [(l, c, landmark_keys) for l, c in landmarks]:
            key = " ".join(_tokens(phrase.lower()))
            words = key.split(" ")
            joined = "".join(words)
            if 1 < len(words) <= _MAX_COMPOUND_WORDS and joined.isalpha() and joined not in buckets \
                    and key not in policy and joined not in policy:
                add(joined, code)
                keys.add(joined)

        self._phrases: dict[str, _Phrase] = {}
        self._max_len: dict[str, int] = {}
        for key, bucket in buckets.items():
            rule = policy.get(key)
            if rule == "never":
                continue
            tokens = key.split(" ")
            is_region = bool(bucket["provinsi"] or bucket["kota"] or bucket["kabupaten"])
            if rule in _POLICY_CAUTION:
                caution = _POLICY_CAUTION[rule]
            elif key in alias_keys:
                caution = DISTINCTIVE
            elif is_region:
                ordinary = len(tokens) == 1 and (tokens[0] in ordinary_words or len(tokens[0]) <= 3
                                                 or key in joined_ordinary)
                caution = AMBIGUOUS if ordinary else DISTINCTIVE
            else:
                # "tahunan" (yearly, Kec. Tahunan in Jepara) is an everyday word when its root is one ("tahun").
                words = _full_words(compound_parts.get(key, tokens))
                ordinary = all(t in ordinary_words or (t.endswith("an") and t[:-2] in ordinary_words) for t in words) \
                    or (len(tokens) == 1 and len(key) <= 4)
                caution = AMBIGUOUS if ordinary else DISTINCTIVE
            rest = buckets.get(" ".join(tokens[1:])) if len(tokens) > 1 and tokens[0] in _TYPE_CUES else None
            cue_free = len(tokens) > 1 and tokens[0] in _TYPE_CUES and policy.get(" ".join(tokens[1:])) != "never" \
                and not (rest and (rest["provinsi"] or rest["kota"] or rest["kabupaten"]))
            self._phrases[key] = _Phrase(tuple(bucket["provinsi"]), tuple(bucket["kota"]),
                                         tuple(bucket["kabupaten"]), tuple(bucket["kecamatan"]), caution,
                                         key in landmark_keys, len(compound_parts.get(key, tokens)), cue_free)
            first = tokens[0]
            self._max_len[first] = max(self._max_len.get(first, 0), len(tokens))

        # Region round 9. A station or airport named without "stasiun"/"bandara" ("transit di Manggarai #KRL",
        # "baru mendarat di Juanda"), and a commuter-line station's KAI code ("peron transit mri"): read as the
        # landmark only in a text that speaks of trains or flights (``_CONTEXT_WORDS``), and only where no other
        # reading of the words stands (``_context_mentions``). The bare name is taken from the "stasiun X" /
        # "bandara X" rows of landmarks.tsv when it is no everyday word, of five letters or more, and one kab/kota's.
        named: dict[str, dict[str, set[str]]] = {context: {} for context in _CONTEXT_WORDS}
        for phrase, code in landmarks:
            first, _, rest = " ".join(_tokens(phrase.lower())).partition(" ")
            context = _CONTEXT_OF_KIND.get(first)
            # A port's name may be a word common as a desa name ("ketapang", a tree, many desa): in a ferry text it is
            # the port, whose row names one kab/kota (region round 10); an everyday word ("lembar", a sheet) is not.
            if context and len(rest) >= 5 and policy.get(rest) != "never" \
                    and (rest not in desa_common_words or context == "sea") \
                    and not all(t in ordinary_words for t in rest.split(" ")):
                named[context].setdefault(rest, set()).add(code)
        for phrase, code in station_codes:
            named["rail"].setdefault(" ".join(_tokens(phrase.lower())), set()).add(code)
        self._context_names = {context: {key: next(iter(codes)) for key, codes in keys.items() if len(codes) == 1}
                               for context, keys in named.items()}
        self._context_max_len = max((k.count(" ") + 1 for keys in self._context_names.values() for k in keys), default=0)
        # Region round 9. A phrase name_policy.tsv marks `never` that is no name of the gazetteer ("rambu solo", the
        # Toraja funeral rite: not Solo) hides the names inside it.
        self._masks = {key for key, rule in policy.items() if rule == "never" and " " in key and key not in buckets}
        self._mask_max_len: dict[str, int] = {}
        for key in self._masks:
            first = key.split(" ")[0]
            self._mask_max_len[first] = max(self._mask_max_len.get(first, 0), key.count(" ") + 1)

        # Desa/kelurahan: 83,762 names, most repeated across the country ("Sukamaju" 80 times), so a desa
        # name is indexed apart and only ever read with context (``_refine_with_desa``): a marker ("Kel.",
        # "ds"), or a kecamatan or kab/kota in the same text that contains it.
        self._desa_names: dict[str, tuple[str, str]] = {}
        self._desa: dict[str, tuple[tuple[str, ...], bool]] = {}  # key -> (codes, needs a marker)
        self._desa_max_len: dict[str, int] = {}
        desa_keys: dict[str, list[str]] = {}
        for code, kind, name in desa:
            self._desa_names[code] = (kind, name)
            for key in _name_keys(name):
                desa_keys.setdefault(key, []).append(code)
                if key.startswith("kampung "):  # "Kp. Melayu", as SMS and signs write it
                    desa_keys.setdefault("kp " + key[8:], []).append(code)
        for key, codes in list(desa_keys.items()):
            variant = _minang(key)
            if variant and variant not in desa_keys and variant not in buckets:
                minang = [c for c in codes if c.startswith(_MINANG_PROVINCE)]
                if minang:
                    desa_keys[variant] = minang
        desa_parts: dict[str, list[str]] = {}
        for key, parts, code in _compound_spellings(((k, c) for k, codes in list(desa_keys.items()) for c in codes),
                                                    desa_keys, vocabulary):
            desa_parts[key] = parts
            desa_keys.setdefault(key, []).append(code)
        common = ordinary_words | desa_common_words
        # "banyu pdam di kelayan": kelurahan split by a direction ("Kelayan Barat", "Kelayan Timur", "Kelayan Dalam"...,
        # all in Banjarmasin Selatan) are called by their stem, as split kecamatan are. A stem no place has, shared by
        # two or more desa/kelurahan of one kecamatan only, names that kecamatan (``_refine_with_desa``: their common
        # kecamatan). Region round 6.
        stems: dict[str, list[str]] = {}
        for key, codes in desa_keys.items():
            if stem := _direction_stem(key, also=_STEM_ENDINGS):
                stems.setdefault(stem, []).extend(codes)
        for stem, codes in stems.items():
            if stem not in desa_keys and stem not in buckets and len(codes) >= 2 and len(stem) >= 5 \
                    and len({c[:6] for c in codes}) == 1 and policy.get(stem) != "never" \
                    and not all(t in common or t in _DIRECTIONS for t in stem.split(" ")):
                desa_keys[stem] = codes
        for key, codes in desa_keys.items():
            if policy.get(key) == "never":
                continue
            tokens = key.split(" ")
            words = _full_words(desa_parts.get(key, tokens))
            ordinary = all(t in common or t.isdigit() for t in words) or (len(tokens) == 1 and len(key) <= 4)
            self._desa[key] = (tuple(codes), ordinary)
            self._desa_max_len[tokens[0]] = max(self._desa_max_len.get(tokens[0], 0), len(tokens))
        self._desa_regions: dict[str, Region] = {}
        # Kelurahan (urban, as against rural desa) of a kota (Kemendagri kab/kota codes 71-79 are the kota).
        self._city_kelurahan = frozenset(code for code, (kind, _) in self._desa_names.items()
                                         if kind == "kelurahan" and code[2] == "7")
        self._kelurahan_codes = frozenset(code for code, (kind, _) in self._desa_names.items() if kind == "kelurahan")
        for key, phrase in self._phrases.items():
            entry = self._desa.get(key)
            if entry is not None:
                kinds = {_URBAN if c in self._kelurahan_codes else _RURAL for c in entry[0]}
                elsewhere = bool(phrase.kecamatans) and any(
                    not any(c.startswith(k[:4]) for k in phrase.kecamatans) for c in entry[0])
                # Region round 8. "Tawuran di Manggarai": Kelurahan Manggarai (Tebet, Jakarta Selatan; its station and
                # floodgate are in the national news daily) or Kabupaten Manggarai (NTT)? A kabupaten name that is also a
                # kelurahan of DKI Jakarta, named without "kab", is neither alone: the kabupaten needs a place of its
                # own named too ("Manggarai, Ruteng", "Manggarai, NTT"), the kelurahan a Jakarta one ("Manggarai,
                # Tebet"). Kemendagri data: Manggarai (3174) and Bangka (Mampang Prapatan, 3174) are the two.
                capital = bool(phrase.kabupatens) and not phrase.kotas and not phrase.kecamatans and any(
                    c.startswith("31") and c in self._kelurahan_codes and not any(c.startswith(k) for k in phrase.kabupatens)
                    for c in entry[0])
                self._phrases[key] = phrase._replace(villages=sum(kinds), village_elsewhere=elsewhere,
                                                     capital_namesake=capital)
        self._kota_with_desa = frozenset(code[:4] for code, (kind, _) in self._desa_names.items()
                                         if kind != "kelurahan" and code[2] == "7")
        # Region round 6. A kab/kota split off another and named after it with a direction ("Bandung Barat" from
        # Bandung, "Tangerang Selatan", "Buton Tengah", "Mamuju Tengah") is still called by its parent's name:
        # "Lembang, Bandung" is Lembang in Bandung Barat. Parent kab/kota code -> the children of its province.
        bases: dict[str, list[str]] = {}
        for code, region in self.regions.items():
            if region.level == KABKOTA:
                bases.setdefault(" ".join(_tokens(_KABKOTA_PREFIX.sub("", region.name).lower())), []).append(code)
        self._children: dict[str, tuple[str, ...]] = {}
        for base, codes in bases.items():
            if stem := _direction_stem(base):
                for parent in bases.get(stem, ()):
                    self._children[parent] = self._children.get(parent, ()) + tuple(
                        c for c in codes if c[:2] == parent[:2])
        # "Samsat Surabaya Timur": a city's part named by a direction. A desa or kelurahan elsewhere named "<kota>
        # <direction>" (Surabaya Timur is a desa in Ogan Komering Ulu Selatan; Sukabumi Selatan a kelurahan of
        # Kebon Jeruk, Jakarta Barat) is read like a name that is also a region's: aside (score -1), winning only when
        # a region named in the text contains it ("Sukabumi Selatan, Kebon Jeruk"); the kota name in it is read as
        # well (region round 6). Only kota: "Manggarai Selatan" (Tebet) does not name Kabupaten Manggarai.
        self._city_direction_desa = frozenset(
            key for key, (codes, ordinary) in self._desa.items()
            if not ordinary and (city := bases.get(_direction_stem(key) or ""))
            and any(b[2] == "7" for b in city) and not any(c.startswith(b) for b in city for c in codes))

    # -- loading --------------------------------------------------------------------------------------------

    @classmethod
    def load(cls) -> Gazetteer:
        return _load_default()

    @classmethod
    def from_directory(cls, directory: Path) -> Gazetteer:
        rows = [(r["code"], r["type"], r["name"]) for r in _read_tsv(directory / "regions.tsv")]
        aliases = [(r["alias"], r["code"]) for r in _read_tsv(directory / "aliases.tsv")]
        policy = {" ".join(_tokens(r["phrase"].lower())): r["policy"] for r in _read_tsv(directory / "name_policy.tsv")}
        words = {r["word"] for r in _read_tsv(directory / "ordinary_words.tsv")}
        desa_file = directory / "desa.tsv.gz"
        desa = []
        if desa_file.exists():
            lines = gzip.decompress(desa_file.read_bytes()).decode("utf-8").splitlines()
            desa = [tuple(line.split("\t")) for line in lines[1:]]
        landmark_file = directory / "landmarks.tsv"
        landmark_rows = _read_tsv(landmark_file) if landmark_file.exists() else []
        # A station's KAI code ("mri") is no name alone: read only in a text about trains (region round 9).
        landmarks = [(r["phrase"], r["code"]) for r in landmark_rows if r["kind"] != "kode_stasiun"]
        station_codes = [(r["phrase"], r["code"]) for r in landmark_rows if r["kind"] == "kode_stasiun"]
        common_file = directory / "desa_common_words.txt"
        common = set()
        if common_file.exists():
            common = {w.strip() for w in common_file.read_text(encoding="utf-8").splitlines() if w.strip() and w[0] != "#"}
        regional_file = directory / "regional_words.tsv"
        regional = [(r["word"], int(r["weight"]), r["provinces"]) for r in _read_tsv(regional_file)] \
            if regional_file.exists() else []
        return cls(rows, aliases, policy, words, desa, landmarks, common, regional, station_codes)

    # -- lookups --------------------------------------------------------------------------------------------

    def by_code(self, code: str) -> Region | None:
        if not code:
            return None
        code = code.replace(".", "")
        return self._desa_region(code) if len(code) == 10 else self.regions.get(code)

    def _desa_region(self, code: str) -> Region | None:
        region = self._desa_regions.get(code)
        if region is None and code in self._desa_names:
            kecamatan = self.regions[code[:6]]
            region = Region(code, self._desa_names[code][1], DESA, kecamatan.kabkota_code, kecamatan.kabkota_name,
                            kecamatan.province_code, kecamatan.province_name, kecamatan.code, kecamatan.name)
            self._desa_regions[code] = region
        return region

    def name_codes(self, name: str) -> tuple[str, ...]:
        """Every code a place name may stand for, at every level (province, kab/kota, kecamatan, desa), whatever
        the cue: "sukaluyu" is twelve desa, "cibinong" a kecamatan and desa, "jakpus" (an alias) 3171. For
        deduplication, which compares two texts' places by their codes' containment, not by their words."""
        key = " ".join(_tokens(name.lower().translate(_APOSTROPHES)))
        phrase = self._phrases.get(key)
        codes = (phrase.provinces + phrase.kotas + phrase.kabupatens + phrase.kecamatans) if phrase else ()
        desa = self._desa.get(key)
        return codes + desa[0] if desa else codes

    def locate(self, text: str, hint_region_code: str | None = None) -> Region | None:
        """The finest region the text names consistently: a desa/kelurahan, a kecamatan, a kab/kota or a province."""
        hint = self.by_code(hint_region_code) if hint_region_code else None
        if text and ("@" in text or "#" in text):
            text = _HANDLE.sub(self._handle, text)
        mentions, words = self._mentions(text) if text else ([], frozenset())
        if mentions and not _LOCAL_NOUNS.keys().isdisjoint(words):
            mentions = _without_local_nouns(mentions, self._language_provinces(words))
        mentions = _read_adjacent(mentions)
        if hint is not None:
            mentions = _narrow_to(mentions, hint.code)
        language = self._language_provinces(words) if mentions else frozenset()
        desa = [m for m in mentions if len(m.codes[0]) == 10]
        regional = [m for m in mentions if len(m.codes[0]) != 10] if desa else mentions
        shadowed = [m for m in desa if m.score < 0]
        if desa:
            desa, regional = _settle_shadowed(desa, regional, language)
        code = _resolve(regional, language, self._children)
        if code and len(code) == 4:
            code = _best_supported(code, regional, desa)
        if shadowed and code and len(code) == 6:
            code = _coarsen_clash(code, shadowed, regional)
        if desa and code and not any(not m.elsewhere for m in regional if not m.weak):
            # "Jalan Curup–Lubuk Linggau di Kelurahan Talang Rimbo": only places moved between are named as regions,
            # and a desa/kelurahan is named with its marker where the problem is ("di Kel. X", not "dari"/"ke"): it decides,
            # read among the regions named as its context (region round 10).
            static = [m for m in desa if not m.weak and not m.elsewhere and m.score >= 3]
            if static and not any(c.startswith(code) for m in static for c in m.codes):
                code = _refine_with_desa(None, static, regional, self._city_kelurahan, language) or code
        if desa:
            code = _refine_with_desa(code, desa, regional, self._city_kelurahan, language)
        if code is None:
            return hint
        return self.by_code(code)

    def _village_kabupaten(self, m: _Mention) -> _Mention:
        """A bare name shared by a kota and a kabupaten, in a text that speaks of a desa, is the kabupaten when the
        kota has no desa (Kemendagri: Kota Probolinggo and Kota Bima have only kelurahan; Kota Batu has desa)."""
        return m if m.codes and m.codes[0] in self._kota_with_desa else _kabupaten_first(m)

    def _handle(self, match: re.Match) -> str:
        handle = match.group(1).replace("_", "").lower()
        spelled = self._handles.get(handle)
        if spelled is not None:
            return spelled
        for kind, prefixes in _HANDLE_PREFIXES.items():
            for prefix in prefixes:
                if handle.startswith(prefix):
                    codes = self._shortened[kind].get(handle[len(prefix):])
                    if codes:
                        return f" {self.regions[next(iter(codes))].name} "
        return match.group(0)

    # -- scanning -------------------------------------------------------------------------------------------

    def _language_provinces(self, words: set[str] | frozenset[str]) -> frozenset[str]:
        """The provinces whose regional language or Malay the text is written in, from its words
        (regional_words.tsv): "beta", "seng", "bukang" are Ambon Malay (Maluku, Maluku Utara), "kada", "pian" Banjar,
        "indak", "aia" Minangkabau. Each distinct word adds its weight (2 for a word no Indonesian text uses, 1 for
        one that is also an Indonesian word, "seng" zinc, "tiang" a pole) to its provinces; the best-scored ones
        count when they reach 2. Only ever used to choose among the namesakes of a place the text names
        (``_resolve_among``, ``_refine_with_desa``), never as a place."""
        found = self._regional_keys.intersection(words)
        if not found:
            return frozenset()
        scores: dict[str, int] = {}
        for word in found:
            weight, provinces = self._regional_words[word]
            for province in provinces:
                scores[province] = scores.get(province, 0) + weight
        best = max(scores.values())
        return frozenset(p for p, score in scores.items() if score == best) if best >= 2 else frozenset()

    def _context_mentions(self, mentions: list[_Mention], tokens: list[str], cues: list[str],
                          contexts: list[str]) -> list[_Mention]:
        """The bare station and airport names of a text about trains or flights, as landmarks (score 3), where no
        other reading of those words stands: only weak readings (a DKI kelurahan's kabupaten namesake, an
        everyday word) give way. Not after a street, estate or honorific word ("Jl. Juanda"), and not a name two
        contexts of the text read as different places (Stasiun Juanda, Bandara Juanda)."""
        n, longest = len(tokens), self._context_max_len
        i = 0
        while i < n:
            found = None
            for length in range(min(longest, n - i), 0, -1):
                key = tokens[i] if length == 1 else " ".join(tokens[i:i + length])
                codes = {self._context_names[c][key] for c in contexts if key in self._context_names[c]}
                if codes:
                    found = (length, key, codes)
                    break
            if found is None:
                i += 1
                continue
            length, key, codes = found
            end = i + length
            overlapping = [m for m in mentions if m.position < end and i < m.position + m.length]
            blocked = i and (cues[i - 1] in _BLOCKING_CUES or cues[i - 1] in _HONORIFICS)
            # Region round 10. A ferry text that names another port ("Antri nyebrang di Ketapang ... #Gilimanuk") is
            # about that crossing: a bare port name there is the port even where a region of the name is read with a
            # cue, when that name needs one (an everyday word or a shared name: Kabupaten Ketapang, Kalbar).
            crossing = "sea" in contexts and any(
                m.score == 3 and self._phrases.get(m.key, _NO_PHRASE).landmark and m.key != key
                and not (m.position < end and i < m.position + m.length) for m in mentions) and all(
                m.weak or m.namesake or self._phrases.get(m.key, _NO_PHRASE).caution != DISTINCTIVE
                for m in overlapping if len(m.codes[0]) != 10) and all(
                i <= m.position and m.position + m.length <= end for m in overlapping)  # not "gili ketapang", an island
            if len(codes) == 1 and not blocked and (crossing or all(m.weak or m.namesake for m in overlapping)):
                code = next(iter(codes))
                # The desa/kelurahan of the name inside the landmark's kab/kota is where it stands (Stasiun Manggarai,
                # Kelurahan Manggarai of Tebet): kept as read after "di", the other readings dropped.
                inner = [m._replace(codes=inside, score=2, weak=False) for m in overlapping if len(m.codes[0]) == 10
                         and len(inside := tuple(c for c in m.codes if c.startswith(code))) == 1]
                mentions = [m for m in mentions if m not in overlapping] + inner
                mentions.append(_Mention(i, length, key, (code,), 3, False))
            i = end
        mentions.sort(key=lambda m: m.position)
        return mentions

    def _mentions(self, text: str) -> tuple[list[_Mention], set[str]]:
        text = text.translate(_APOSTROPHES)
        tokens = _TOKEN.findall(text.lower())
        n = len(tokens)
        mentions: list[_Mention] = []
        capitals = _CapitalCue(text, tokens)
        phrases, max_len = self._phrases, self._max_len
        desa_index, desa_max_len = self._desa, self._desa_max_len
        masks_len = self._mask_max_len
        # Names are read within a sentence, and cue words before them too: the word that ends a sentence is
        # replaced by a full stop in the words cues are read from (``cues``), so nothing reads across it.
        sentence_starts = capitals.sentence_starts() if _SENTENCE_END.search(text) else []
        cues = tokens
        if sentence_starts:
            cues = list(tokens)
            for start in sentence_starts:
                cues[start - 1] = "."
        sentence_starts.append(n)
        sentence = 0
        i = 0
        while i < n:
            while sentence_starts[sentence] <= i:
                sentence += 1
            left = sentence_starts[sentence] - i  # words before the sentence ends
            mask_longest = masks_len.get(tokens[i])
            if mask_longest is not None:
                masked = next((length for length in range(min(mask_longest, left), 1, -1)
                               if " ".join(tokens[i:i + length]) in self._masks), 0)
                if masked:
                    i += masked
                    continue
            longest = max_len.get(tokens[i])
            desa_longest = desa_max_len.get(tokens[i])
            desa_length = 0
            desa_found = None
            if desa_longest is not None:
                for length in range(min(desa_longest, left), 0, -1):
                    key = tokens[i] if length == 1 else " ".join(tokens[i:i + length])
                    entry = desa_index.get(key)
                    if entry is not None:
                        found = _read_desa_mention(entry, key, i, length, cues, capitals)
                        if found is not None and found.score == 3 and i and cues[i - 1] in _URBAN_DESA_CUES:
                            # "kelurahan sawahan": the kelurahan of the name, when there is one, not its desa namesakes.
                            urban = tuple(c for c in found.codes if c in self._kelurahan_codes)
                            # "Kelurahan Harapan Jaya": the kelurahan Harapanjaya (Bekasi) is so called as well as the one
                            # of Langkat spelled apart: the kelurahan of both spellings (region round 11).
                            joined = desa_index.get(key.replace(" ", "")) if length > 1 else None
                            if joined is not None:
                                urban += tuple(c for c in joined[0] if c in self._kelurahan_codes and c not in urban)
                            found = found._replace(codes=urban or found.codes)
                        if found is not None and len(found.codes[0]) == 4 and key in phrases and any(
                                not c.startswith(found.codes[0]) for c in _codes_of(phrases[key])):
                            found = None  # "jl ciledug raya": also the kecamatan Ciledug, of another kab/kota
                        if found is not None and found.score < 3 and key in self._city_direction_desa:
                            found = found._replace(score=-1, weak=True)
                        if found is not None:
                            mentions.append(found)
                            desa_found = found
                            # Only a read desa name hides the region names inside it; a bare one may be wrong.
                            desa_length = 0 if found.weak else length
                        break
            if longest is None:
                i += max(desa_length, 1)
                continue
            step = max(desa_length, 1)
            for length in range(min(longest, left), 0, -1):
                if length < desa_length:
                    break  # "Kel. Lenteng Agung": the longer desa name, not the kecamatan "Lenteng" inside it
                key = tokens[i] if length == 1 else " ".join(tokens[i:i + length])
                phrase = phrases.get(key)
                if phrase is None:
                    continue
                found = _read_mention(phrase, key, i, length, cues, capitals)
                if found and desa_found is not None and desa_found.weak and length == 1 < desa_found.length \
                        and phrase.caution != DISTINCTIVE and not phrase.landmark:
                    # "di batu merah": an everyday word that is a region ("batu", Kota Batu) opening a longer
                    # place name is that name's first word, not the region; the longer name alone is too common to
                    # say where, so it only refines a region named elsewhere.
                    found = [m._replace(weak=True) for m in found if m.score < 3] or found
                if found and desa_found is not None and length >= desa_found.length and desa_found.score < 3:
                    # "Soreang, Kab. Bandung", "gubeng banjir": one name, two readings. The desa reading is kept
                    # aside and wins only when another mention contains it and not the region reading
                    # ("Cikole, Lembang": desa Cikole in Lembang, not the kecamatan Cikole in Sukabumi).
                    mentions[mentions.index(desa_found)] = desa_found._replace(score=-1, weak=True)
                    desa_found = None
                mentions.extend(found)
                if any(not m.weak for m in found):
                    step = max(length, desa_length)
                    break
            i += step
        landmark_names: dict[str, str] = {}
        for m in mentions:
            kind, _, name = m.key.partition(" ")
            if m.score == 3 and name and kind in _NAMED_FACILITIES and phrases[m.key].landmark:
                landmark_names.setdefault(name, m.codes[0])
                landmark_names.setdefault(name.replace(" ", ""), m.codes[0])
        if landmark_names:
            # "Depan Stasiun Palmerah ... #Palmerah": the name inside a landmark the text names, written again alone,
            # is that landmark again: only its readings inside the landmark's kab/kota are kept (Stasiun Palmerah is in
            # Jakarta Pusat, Kecamatan Palmerah in Jakarta Barat; "Stasiun Manggarai ... #Manggarai" keeps the
            # kelurahan Manggarai of Tebet, where the station stands). Region round 10.
            narrowed = []
            for m in mentions:
                inside = landmark_names.get(m.key) if m.score < 3 else None
                if inside is not None:
                    m = m._replace(codes=tuple(c for c in m.codes if c.startswith(inside)))
                if m.codes:
                    narrowed.append(m)
            mentions = narrowed
        words = set(tokens)
        contexts = [c for c, cue_words in _CONTEXT_WORDS.items() if not cue_words.isdisjoint(words)]
        if contexts:
            mentions = self._context_mentions(mentions, tokens, cues, contexts)
        ends = {m.position + m.length for m in mentions}
        route = capitals.route_ends(mentions) if any(m.position in ends for m in mentions) else ()
        if route and any(not m.weak for m in mentions if m.position in route):
            # "bus jurusan padang-pekanbaru": a name a dash joins to a place name is a place name too, however
            # everyday a word it is alone (the route's ends then rank as places someone moves between).
            mentions = [m._replace(weak=False) if m.weak and m.position in route and len(m.codes[0]) == 4 else m
                        for m in mentions]
        read = [m._replace(elsewhere=True) if _named_elsewhere(cues, m.position) or m.position in route
                else m for m in mentions if not _negated(cues, m.position)]
        if "pindah" in words or "pindahan" in words:
            read = _origins_marked(read, cues)
        if not _VILLAGE_WORDS.isdisjoint(words):
            read = [self._village_kabupaten(m) for m in read]
        if not _KAB_OFFICE_WORDS.isdisjoint(words) and _KOTA_OFFICE_WORDS.isdisjoint(words):
            read = [_kabupaten_first(m) for m in read]
        if not _CORRECTIONS.isdisjoint(words):
            read = _corrected(read, tokens)
        # "Penumpang dari Bima dan Dompu": a name joined by "dan" to one named elsewhere is named so too.
        elsewhere_ends = {m.position + m.length for m in read if m.elsewhere}
        if elsewhere_ends:
            read = [m._replace(elsewhere=True) if not m.elsewhere and m.position >= 2
                    and tokens[m.position - 1] in _AND and m.position - 1 in elsewhere_ends else m for m in read]
        return read, words


# "Jalan Margonda... eh maaf, maksud saya Jalan Kemang Raya, Jakarta Selatan": the writer corrects a place named
# before; what they name after the correction is where it is.
_CORRECTIONS = frozenset({"maksud", "maksudnya", "ralat", "mksd", "mksdnya"})
_CORRECTION_OBJECTS = frozenset({"saya", "sy", "aku", "ku", "gw", "nya"})


def _corrected(mentions: list[_Mention], tokens: list[str]) -> list[_Mention]:
    """The mentions after the last self-correction ("maksud saya", "maksudnya", "ralat"), when a place that stands
    alone is named after it ("maksud saya tolong ditertibkan" corrects no place)."""
    last = -1
    for i, word in enumerate(tokens):
        if word in ("ralat", "maksudnya", "mksdnya") or (
                word in ("maksud", "mksd") and i + 1 < len(tokens) and tokens[i + 1] in _CORRECTION_OBJECTS):
            last = i
    if last < 0 or not any(m.position > last and not m.weak for m in mentions):
        return mentions
    return [m for m in mentions if m.position > last]


# "korban gempa palu", "banjir bekasi", "erupsi semeru": a disaster is named after the kab/kota it struck (region round
# 8). Read as after "di" for a kab/kota or province name only, as an agency is ("gempa bumi", "banjir bandang" name
# no region). Not "longsor" ("longsor batu" is a rockfall) nor "kebakaran" ("kebakaran hutan").
_EVENT_CUES = frozenset({"gempa", "banjir", "erupsi", "tsunami"})
# "samsat plg", "dishub batu", "pdam malang", "BPN Bogor": a kab/kota's office or agency named with its region. Read
# as after "di" for a kab/kota or province name only ("PDAM Tirtanadi" is the company, not the desa Tirtanadi).
_AGENCY_CUES = frozenset({"samsat", "dishub", "dinkes", "disdik", "dlh", "pdam", "bpbd", "bapenda", "dispenda",
                          "disdukcapil", "dukcapil", "dinsos", "satpol", "pemda", "dprd", "bpn", "kantah",
                          "bappeda", "disnaker", "dispora", "diskominfo"})


# "Kepala desa di Probolinggo", "desa kami di bima": a kota has kelurahan, a kabupaten desa.
_VILLAGE_WORDS = frozenset({"desa", "kades", "pemdes", "desaku"})
# A bupati heads a kabupaten, a walikota a kota: a text that speaks to the one office only ("melanggar edaran bupati")
# and names a kota/kabupaten twin bare ("di Bogor") speaks of the kabupaten (session 17).
_KAB_OFFICE_WORDS = frozenset({"bupati", "pemkab", "wabup"})
_KOTA_OFFICE_WORDS = frozenset({"walikota", "wali", "pemkot", "pemko", "wawali"})

# Region round 9: a text about trains or flights (``Gazetteer._context_mentions``). "#KRL", "@CommuterLine", "peron";
# "mendarat", "@juanda_airport". Not "transit" (buses and flights transit too) nor "terminal" (bus terminals).
_CONTEXT_WORDS = {
    "rail": frozenset({"krl", "commuterline", "commuter", "kereta", "keretanya", "peron"}),
    "air": frozenset({"bandara", "airport", "pesawat", "penerbangan", "maskapai", "mendarat", "landing", "boarding"}),
    # Region round 10: a text about ferries ("nyebrang di Ketapang ... kapal ... #Gilimanuk").
    "sea": frozenset({"kapal", "feri", "ferry", "asdp", "penyeberangan", "penyebrangan", "nyebrang", "nyeberang",
                      "menyeberang", "dermaga", "speedboat"}),
}
_CONTEXT_OF_KIND = {"stasiun": "rail", "bandara": "air", "pelabuhan": "sea"}

# Region round 9. Words that are a common noun in one province's usage and a region's name elsewhere: in Bali a
# "banjar" is the hamlet every desa adat is divided into ("jalan di banjar tiange di kintamani"), not Kota Banjar
# (Jawa Barat) or Kabupaten Banjar (Kalsel), nor Kecamatan Banjar of Buleleng. In a text set in that province (its
# language, ``regional_words.tsv``, or another place named there) the word is read only after a type or desa cue
# ("Kecamatan Banjar", score 3).
_LOCAL_NOUNS = {"banjar": frozenset({"51"})}


def _without_local_nouns(mentions: list[_Mention], language: frozenset[str]) -> list[_Mention]:
    dropped = []
    for m in mentions:
        provinces = _LOCAL_NOUNS.get(m.key)
        if provinces is None or m.score >= 3:
            continue
        # Region round 11: a capitalised desa name one of whose namesakes is in that province ("Beach club di Canggu
        # ... warga banjar") sets the text there as much as Kota Banjar does; the word then names nothing.
        placed = provinces & language or any(
            o.key != m.key and (not o.weak and all(c[:2] in provinces for c in o.codes)
                                or o.score >= 2 and len(o.codes[0]) == 10 and any(c[:2] in provinces for c in o.codes))
            for o in mentions)
        if placed:
            dropped.append(m)
    return [m for m in mentions if m not in dropped] if dropped else mentions


# Region round 9. "Saya pindah domisili dari Lampung ke Cengkareng ... di kelurahan disuruh menunggu": who moves
# deals with the offices of the place moved to, so in "pindah ... dari X ke Y" X is the origin, set aside when nothing
# but places moved between is named (``_resolve``). Only after "pindah"/"pindahan" within three words before
# "dari": a bus "dari X ke Y" names a route, whose first end is where the writer is.
_MOVED = frozenset({"pindah", "pindahan"})


def _origins_marked(mentions: list[_Mention], cues: list[str]) -> list[_Mention]:
    starts = {m.position for m in mentions if not m.weak}
    marked = []
    for m in mentions:
        at = m.position - 1
        while at > 0 and cues[at] in _TYPE_CUES | _ADMINISTRASI:
            at -= 1  # "dari Kota Ternate"
        origin = at > 0 and cues[at] in ("dari", "dr") and any(w in _MOVED for w in cues[max(0, at - 3):at])
        if origin:
            after = m.position + m.length
            to = after if after < len(cues) and cues[after] in ("ke", "k") else -1
            dest = to + 1
            while 0 < dest < len(cues) and cues[dest] in _TYPE_CUES | _ADMINISTRASI:
                dest += 1
            origin = to > 0 and dest in starts
        marked.append(m._replace(origin=True) if origin else m)
    return marked


def _read_tsv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


@lru_cache(maxsize=1)
def _load_default() -> Gazetteer:
    return Gazetteer.from_directory(GAZETTEER_DIR)


# A sentence ends at "!", "?", a line break or a full stop before a space (a full stop inside "1.500" ends none).
_SENTENCE_END = re.compile(r"[!?\n]|\.(?=\s)")
# Cue words abbreviated with a full stop longer than three letters ("Jlan.", "Perum.", "Prov."): no sentence end.
_ABBREVIATED = frozenset({"prof", "jlan", "perum", "komp", "prov", "prop", "kcmtn", "kbpt", "plbhn", "bndr", "univ", "sdri",
                          "kmpl", "kelr", "stsn"})


class _NoCapital:
    def group(self) -> str:
        return "x"

    def start(self) -> int:
        return 0

    def end(self) -> int:
        return 0


_NO_CAPITAL = _NoCapital()


class _CapitalCue:
    """Whether a token is capitalised in a way that marks a proper name. Computed only when asked."""

    def __init__(self, text: str, tokens: list[str]):
        self._text, self._tokens = text, tokens
        self._original: list[str] = []
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._informative: bool | None = None

    def _read_original(self) -> None:
        # Lowercasing keeps ASCII token boundaries, so the i-th match here is the i-th lowercase token.
        matches = list(_TOKEN.finditer(self._text))
        if len(matches) != len(self._tokens):  # a non-ASCII letter changed length when lowercased: no capitals
            matches = [_NO_CAPITAL] * len(self._tokens)
        self._original = [m.group() for m in matches]
        self._starts = [m.start() for m in matches]
        self._ends = [m.end() for m in matches]

    def _is_informative(self) -> bool:
        # In ALL CAPS or Title Case Text every word is capitalised, so a capital says nothing.
        if self._informative is None:
            words = [t for t in self._original if len(t) > 2 and t.isalpha()]
            lowercase = sum(1 for t in words if t[0].islower())
            self._informative = len(words) < 3 or lowercase / len(words) > 0.2
        return self._informative

    def route_ends(self, mentions: list[_Mention]) -> frozenset[int]:
        """Positions of the place names joined by a dash ("bus Jakarta–Palembang", "jalan Pati–Gabus"): a route
        names its two ends, not where on it the problem is. (A dash inside one name, "Toli-Toli", joins nothing.)"""
        if not self._original:
            self._read_original()
        text, starts, ends = self._text, self._starts, self._ends
        if len(starts) != len(self._tokens) or not starts:
            return frozenset()
        begins = {m.position: m for m in mentions}
        found = set()
        for m in mentions:
            after = m.position + m.length
            if after in begins and after < len(starts):
                gap = text[ends[after - 1]:starts[after]].strip()
                if gap in ("-", "–", "—"):
                    found.update((m.position, after))
                    # "Selatpanjang–Tanjung Buton": an end whose first word alone is an everyday word ("tanjung",
                    # a cape) is a name of two words, and the place name in it is that end too (region round 6).
                    end = begins[after]
                    if end.weak and end.length == 1 and after + 1 in begins:
                        found.add(after + 1)
        return frozenset(found)

    def dash_after(self, start: int, length: int) -> bool:
        """A dash follows the name, with a word after it ("Padang–Solok"): the name is a route's first end."""
        if not self._original:
            self._read_original()
        end = start + length
        if len(self._starts) != len(self._tokens) or end >= len(self._tokens):
            return False
        return self._text[self._ends[end - 1]:self._starts[end]].strip() in ("-", "–", "—")

    def after_marker(self, start: int, length: int) -> bool:
        """Capitalised as a name after a marker is ("Desa Bangunan"): the position in the sentence says nothing."""
        if not self._original:
            self._read_original()
        span = self._original[start:start + length]
        return bool(span) and all(t[0].isupper() for t in span if t.isalpha()) and self._is_informative()

    def hashtag(self, start: int) -> bool:
        """The name is a hashtag ("#pasarminggu", "#manggarai"): tagged as a name on purpose, however written."""
        if not self._original:
            self._read_original()
        if len(self._starts) != len(self._tokens):
            return False
        begin = self._starts[start]
        return begin > 0 and self._text[begin - 1] == "#"

    def sentence_starts(self) -> list[int]:
        """Positions of the tokens that open a sentence after the first ("antre di pelabuhan. Kapal tidak datang"):
        no cue reaches across the full stop and no name spans it ("di pasar. Minggu lalu" is not Pasar Minggu). A
        full stop after a short word or a cue's abbreviation ("Kel. Sukaluyu", "Jl. Merdeka", "RSUD Dr. Moewardi",
        "Perum. Griya") ends no sentence, nor one inside a number ("Rp 1.500")."""
        if not self._original:
            self._read_original()
        text, starts, tokens = self._text, self._starts, self._tokens
        found = []
        for mark in _SENTENCE_END.finditer(text):
            i = bisect_right(starts, mark.start())
            if 0 < i < len(tokens) and i not in found[-1:] and (
                    mark.group() != "." or tokens[i - 1].isdigit()
                    or (len(tokens[i - 1]) > 3 and tokens[i - 1] not in _ABBREVIATED)):
                found.append(i)
        return found

    def heading(self, start: int, length: int) -> bool:
        """The name is a short heading that opens the text ("padang, sampah di pasar raya ...", "batu: macet"): SMS
        writes its place first and lowercase, as a dateline does capitalised."""
        end = start + length
        if start or end > 3 or end >= len(self._tokens):
            return False  # "Kelurahan Sumur Batu, Kemayoran": a name inside the heading is read as usual
        text = self._text
        gap = text[self._ends[end - 1]:self._starts[end]].strip()
        return gap[:1] in (",", ":") and not text[:self._starts[0]].strip()

    def closing(self, start: int, length: int) -> bool:
        """The name closes the text after a comma ("wifi mati sejak gempa kmrn, teknisi blm dtg, palu"): an SMS signs
        with its place as it opens with one (``heading``)."""
        end = start + length
        if not start or length > 3 or end != len(self._tokens):
            return False
        text = self._text
        return text[self._ends[start - 1]:self._starts[start]].strip()[:1] == "," \
            and not text[self._ends[end - 1]:].strip(" .!\n")

    def __call__(self, start: int, length: int) -> bool:
        if not self._original:
            self._read_original()
        span = self._original[start:start + length]
        if len(self._starts) == len(self._tokens) and (self.heading(start, length) or self.closing(start, length)):
            return True
        if not all(t[0].isupper() and not t.isupper() for t in span if t.isalpha()):
            return False
        if not self._is_informative():
            return False
        if length > 1:
            return True  # "Pasar Minggu": every word capitalised, even at a sentence start
        text = self._text
        begin = self._starts[start]
        before = text[:begin].rstrip()
        if before and before[-1] not in ".!?\n:":
            return True
        # A dateline ("Malang, 3 Mei 2024 ...") starts with the place.
        return text[begin + len(span[0]):begin + len(span[0]) + 1] == ","


def _kabupaten_first(m: _Mention) -> _Mention:
    """A bare name read as a kota first (no kota/kab cue before it: score < 3) read as its kabupaten twin first."""
    if m.score >= 3 or len(m.codes) < 2 or len(m.codes[0]) != 4 or m.codes[0][2] != "7":
        return m
    kabupatens = tuple(c for c in m.codes if len(c) == 4 and c[2] != "7")
    return m._replace(codes=kabupatens + tuple(c for c in m.codes if c not in kabupatens)) if kabupatens else m


def _cue_before(tokens: list[str], start: int) -> str | None:
    """The cue word before a name: 'kota', 'kabupaten', 'kecamatan', 'provinsi', 'locative', 'block' or None."""
    if start == 0:
        return None
    previous = tokens[start - 1]
    if previous in _ADMINISTRASI and start >= 2:
        previous = tokens[start - 2]
    if previous in _KOTA_CUES:
        return "kota"
    if previous in _KAB_CUES:
        return "kabupaten"
    if previous in _KEC_CUES:
        return "kecamatan"
    if previous in _PROV_CUES:
        return "provinsi"
    if previous in _FACILITY_CUES:
        return "facility"
    if previous in _BLOCKING_CUES or previous in _HONORIFICS:
        return "block"
    if previous in _LOCATIVE_CUES:
        return "locative"
    if previous in _AGENCY_CUES or previous in _EVENT_CUES:
        return "agency"
    if previous.isdigit() and start >= 2 and (tokens[start - 2] in _SCHOOLS or tokens[start - 2] == "km"):
        # "SMPN 6 Mataram", "SMAN 1 Batang": a state school is officially named after its kab/kota (or kecamatan)
        # with its number before the name (region round 8; "SDN Mekarjaya 5", the desa's school, is read apart).
        # So is a kilometre post of a town's road, counted from the town ("spbu km 5 bpn", "Jl. Soekarno-Hatta Km 10
        # Balikpapan"); a post counted along a toll road comes after its name ("tol cikampek km 57").
        return "school"
    if previous in _REGIONAL_HOSPITALS:
        # "RSUD Batang", "rsud kuningan": a regional government's hospital is named after the kab/kota that runs it,
        # so even a strict name ("Batang") is that kab/kota, as after a school's number (region round 10).
        return "school"
    if previous in _KECAMATAN_OFFICES:
        return "office"
    # "jalan raya X", "jl. raya X": the street names the place it leads to.
    if previous in _STREET_WORDS and start >= 2 and tokens[start - 2] in _BLOCKING_CUES:
        return "block"
    return None


def _read_mention(phrase: _Phrase, key: str, start: int, length: int, tokens: list[str],
                  capitals: _CapitalCue) -> list[_Mention]:
    cue = _cue_before(tokens, start)
    if phrase.landmark and cue != "block":
        # "Stasiun Bekasi", "Pasar Induk Kramat Jati", "Bandara Juanda": the landmark's own kab/kota.
        return [_Mention(start, length, key, phrase.kotas + phrase.kabupatens, 3, False)]
    if cue == "facility":
        # "terminal Baubau", "Stasiun Bogor", "pelabuhan Makassar": a station, terminal or port named after its
        # kab/kota stands in it (the kota of a name shared with a kabupaten: the city's station), as a kecamatan or
        # desa it is named after does.
        cue = "locative"
    if cue == "block" and tokens[start - 1] in _ROAD_WORDS and capitals.dash_after(start, length):
        # "jalan Padang–Solok", "Jalan Muara Teweh–Puruk Cahu": a road between two towns, named by its two ends, not a
        # street named after the first; read bare, as the dashed route's first end (region round 10).
        cue = None
    if cue == "block":
        previous = tokens[start - 1]
        # "bikin surat di kelurahan Banjarmasin", "kel Tebet", "kampung-kampung Asmat": after a desa or kelurahan
        # marker, a region name no desa shares is the region the office or the villages are in; a kab/kota name
        # after a kelurahan marker, when no kelurahan shares it (its namesakes are rural desa). (A kecamatan name
        # some desa has stays that desa's: "Kelurahan Gunung Terang", whatever the gazetteer's kinds say.)
        shared = phrase.villages & _URBAN if previous in _URBAN_DESA_CUES and (phrase.kotas or phrase.kabupatens) \
            else phrase.villages
        if not (previous in _DESA_CUES and not shared) \
                and not (start >= 2 and tokens[start - 2] == previous and previous in _BLOCKING_CUES):
            return []
        cue = "locative"
    if cue == "agency":
        cue = "locative" if phrase.kotas or phrase.kabupatens or phrase.provinces else None
    if cue == "office":
        cue = "kecamatan" if phrase.kecamatans else None
    school = cue == "school"
    if school:
        cue = "locative" if phrase.kotas or phrase.kabupatens else None
    if cue is None and start and tokens[start - 1] == "polres" and phrase.kabupatens:
        # "Polres Sukabumi" is the kabupaten's police (a kota's is a Polresta, or "Polres Sukabumi Kota"); a name
        # no kabupaten has ("Polres Metro Bekasi", "Polres Salatiga") is read as without the word.
        cue = "kota" if start + length < len(tokens) and tokens[start + length] in _KOTA_CUES else "kabupaten"
    kabkotas = phrase.kotas + phrase.kabupatens
    regional = phrase.kotas + phrase.kabupatens + phrase.provinces
    if phrase.capital_namesake and not phrase.provinces and cue not in ("kota", "kabupaten", "kecamatan", "provinsi"):
        # Named without "kab": may refine a province or a place of the kabupaten named elsewhere, never alone.
        return [_Mention(start, length, key, kabkotas, 1, True, namesake=True)]

    def mention(codes: tuple[str, ...], score: int, weak: bool = False) -> list[_Mention]:
        return [_Mention(start, length, key, codes, score, weak)] if codes else []

    if phrase.village_elsewhere and not (phrase.kotas or phrase.kabupatens or phrase.provinces) and start and (
            tokens[start - 1] in _SCHOOLS or (start >= 2 and tokens[start - 1].isdigit() and tokens[start - 2] in _SCHOOLS)):
        # "SDN Mekarjaya 5": a school is named after its desa or kelurahan, and a kecamatan name that desa elsewhere
        # share is one of many readings: it only refines a region named elsewhere (region round 6).
        return mention(phrase.kecamatans, 0, weak=True)
    if cue == "provinsi":
        return mention(phrase.provinces or _dedupe(c[:2] for c in kabkotas + phrase.kecamatans), 3)
    if cue == "kota":
        return mention(phrase.kotas or kabkotas, 3)
    if cue == "kabupaten":
        return mention(phrase.kabupatens or kabkotas, 3)
    if cue == "kecamatan":
        return mention(phrase.kecamatans or regional, 3)

    # A hashtag names a kecamatan on purpose ("#pasarminggu"); an everyday-word kab/kota as a hashtag ("#solo",
    # "#batu") tags a topic as often as a place, and the kab/kota wins over any kecamatan in the text, so not those.
    capitalised = phrase.caution == AMBIGUOUS and (
        capitals(start, length) or (not regional and length == 1 and capitals.hashtag(start)))
    credited = phrase.caution == DISTINCTIVE or (phrase.caution == AMBIGUOUS and (cue == "locative" or capitalised)) \
        or (school and cue == "locative")  # a school's number makes even a strict name ("SMAN 1 Batang") its kab/kota
    score = 2 if cue == "locative" else 1
    if regional:
        if not credited:
            # An ordinary word ("malang") may still refine a province named elsewhere; alone it is nothing.
            return mention(kabkotas, score, weak=True)
        # "Depok, Sleman": the kecamatan reading may refine a kab/kota named elsewhere, never on its own.
        return mention(regional, score) + mention(phrase.kecamatans, score, weak=True)
    # Kecamatan only. An ordinary word stands alone only as a capitalised multi-word name ("Pasar Minggu"), and
    # a name that starts with a cue word ("Kota Padang", a kecamatan in Bengkulu) yields to the cue reading.
    if not credited:
        # Score 0: may only refine a kab/kota named elsewhere ("Menteng, Jakarta Pusat" at a sentence start).
        return mention(phrase.kecamatans, 0, weak=True)
    # "di kota raja" (Kupang): a name opening with a cue word stands when the cue reading names nothing.
    strong = (phrase.caution == DISTINCTIVE or (capitalised and max(length, phrase.words) > 1)) \
        and (tokens[start] not in _TYPE_CUES or phrase.cue_free)
    return mention(phrase.kecamatans, score, weak=not strong)


def _read_desa_mention(entry: tuple[tuple[str, ...], bool], key: str, start: int, length: int,
                       tokens: list[str], capitals: _CapitalCue) -> _Mention | None:
    """A desa/kelurahan name: score 3 after a marker ("kel", "ds"), 2 after a locative cue or capitalised, 0
    bare. Only a marked name, or a distinctive one with a cue, may stand without a region containing it."""
    codes, ordinary = entry
    previous = tokens[start - 1] if start else ""
    if previous in _FACILITY_CUES:
        previous = "di"  # "Stasiun Pondok Cina": where the station stands
    elif previous in _NAMED_AFTER_DESA and len({c[:6] for c in codes}) == 1:
        previous = "di"  # "pasar sesetan", "rusun marunda" (region round 11)
    if previous in _DESA_CUES:
        # "desa kulo", "kepala desa, sementara": an everyday word after the marker names nothing unless capitalised;
        # two or more after it ("kelurahan pondok kopi", "desa batu merah") are a name however written.
        if ordinary and length == 1 and not capitals.after_marker(start, length):
            return _Mention(start, length, key, codes, 0, True)
        return _Mention(start, length, key, codes, 3, False, rural=previous in _RURAL_DESA_CUES)
    if tokens[start] in _TYPE_CUES or previous in _TYPE_CUES:
        return None  # "Kota Batu" is the kota, not the desa "Kota Batu" in Aceh
    street = previous in _STREETS or (start >= 2 and tokens[start - 2] in _STREETS and previous in _STREET_WORDS)
    if street and not ordinary and len(key) >= 5 and len({c[:4] for c in codes}) == 1:
        # "Jl. Ketintang Baru", "jalan ketintang madya": a street named after a kelurahan or desa is in or near it, so a
        # name all of whose namesakes lie in one kab/kota names that kab/kota (not the desa: the street may run past
        # the next one), ranking after every other place the text names (region round 10).
        return _Mention(start, length, key, (codes[0][:4],), 1, False, elsewhere=True, street=True)
    if previous in _NOT_DESA_CUES or street:
        return None  # "Jl. Tlogomas", "Perum Griya Benda": a street or an estate, not the desa
    if ordinary:
        # "Simpang Lima", "kantin": only inside a named region; a one-word one only inside a named kecamatan.
        # Region round 11: a name of two words or more, every word capitalised mid-sentence, that one kelurahan or
        # desa of the country has ("RT 04 RW 11 Pondok Benda", "di Lubuk Buaya", "Jl. KS Tubun Kedung Badak")
        # stands alone as a distinctive name does.
        # Not a name opening with a word for a junction, a market or a natural feature: "Simpang Lima" is any town's
        # five-way junction (Semarang's best known), not the desa Simpang Lima of Kabupaten Banjar.
        if length > 1 and len(codes) == 1 and start and tokens[start] not in _FEATURE_WORDS \
                and capitals.after_marker(start, length) and not _named_elsewhere(tokens, start):
            return _Mention(start, length, key, codes, 2, False)
        return _Mention(start, length, key, codes, 1 if length > 1 else 0, True)
    capitalised = capitals(start, length)
    # Alone, only a long name ("caturtunggal", "pondok cina", "Kampung Melayu kerendem") or a capitalised one
    # the country has once ("SD Inpres Hamadi", "warga Marunda") counts; "di kantin" needs a region around it,
    # and so does a capitalised one someone goes to ("ke Jepang", a desa in Kudus).
    # An SMS writes the name after "di" lowercase ("PDAM ngadat di keputih"): a name the country has once, of
    # five letters or more and no everyday word, stands alone after that cue as it would capitalised.
    # (Several of one kecamatan are as unique: a split kelurahan's stem, "kelayan", names their kecamatan.)
    unique = (len(codes) == 1 or len({c[:6] for c in codes}) == 1) and len(key) >= 5 \
        and not _named_elsewhere(tokens, start)
    alone = length > 1 or len(key) >= 8 or (unique and (capitalised or previous in _LOCATIVE_CUES))
    return _Mention(start, length, key, codes, 2 if capitalised or previous in _LOCATIVE_CUES else 1, not alone)


def _settle_shadowed(desa: list[_Mention], regional: list[_Mention],
                     language: frozenset[str] = frozenset()) -> tuple[list[_Mention], list[_Mention]]:
    """A name read both as a region and as a desa (score -1): the desa reading replaces the region reading when
    a mention elsewhere in the text contains a desa candidate but none of the region's candidates."""
    kept = []
    for m in desa:
        if m.score >= 0:
            kept.append(m)
            continue
        context = [c for o in regional if not (o.position < m.position + m.length and m.position < o.position + o.length)
                   and not o.weak for c in o.codes]
        same_span = [o for o in regional if o.position < m.position + m.length and m.position < o.position + o.length]
        inside = [c for c in m.codes if any(c.startswith(a) for a in context)]
        region_inside = any(c.startswith(a) or a.startswith(c) for o in same_span for c in o.codes for a in context)
        if not inside and language and m.score == -1 and same_span:
            # "Kagak kuat aye transit di Manggarai" (Betawi): the namesake in the provinces of the text's language,
            # when the region reading lies outside them (Kabupaten Manggarai is in NTT; the kelurahan in Jakarta).
            # Region round 6; as ``_refine_with_desa`` and ``_resolve_among`` already choose namesakes.
            # Only against a kab/kota read alone: a weak kecamatan reading ("psr minggu" in a Bengkulu text) is no
            # reading to replace, and the market may be one the gazetteer does not know.
            spoken = [c for c in m.codes if c[:2] in language]
            if len(spoken) == 1 and all((not o.weak or o.namesake) and len(o.codes[0]) == 4 for o in same_span) \
                    and not any(c[:2] in language for o in same_span for c in o.codes):
                inside, region_inside = spoken, False
        if inside and not region_inside:
            kept.append(m._replace(codes=tuple(inside), score=2, weak=False))
            regional = [o for o in regional if o.position != m.position]
    return kept, regional


def _coarsen_clash(code: str, shadowed: list[_Mention], regional: list[_Mention]) -> str:
    """A kecamatan read from a bare name that is also a desa/kelurahan of another kecamatan of the same kab/kota
    ("listrik pareum di Batununggal #Bandung": the kecamatan Batununggal, or the kelurahan Batununggal in Bandung
    Kidul; "sampah di Jatinegara": the kecamatan, or the kelurahan in Cakung; neither kecamatan has a kelurahan
    of its own name) is their kab/kota: the text does not
    say which, and a wrong kecamatan keeps a near duplicate from the one that names the kelurahan with its
    kecamatan. Nothing else in the text chose between them (``_settle_shadowed`` saw no containing kecamatan)."""
    for m in shadowed:
        reading = [o for o in regional if o.position == m.position and code in o.codes and o.score < 3]
        # A kecamatan with a desa of its own name ("Cibinong", "Cileungsi": the town) is that town, whatever
        # village of the name lies elsewhere in the kabupaten.
        if reading and not any(c.startswith(code) for c in m.codes) \
                and any(c[:4] == code[:4] for c in m.codes):
            return code[:4]
    return code


def _best_supported(code: str, regional: list[_Mention], desa: list[_Mention]) -> str:
    """Of several kab/kota named alike (same cue strength, none elsewhere), the one another place in the text lies
    in: "selokan mataram caturtunggal ... dlh sleman" is Sleman, where the desa Caturtunggal is, not Kota Mataram
    (the canal is named after the old kingdom). Only a strictly better-supported one replaces the first; a
    supporting mention must lie wholly inside it and not be a reading of the kab/kota's own name."""
    chosen = next((m for m in regional if code in m.codes and not m.weak), None)
    if chosen is None:
        return code
    tied = [m for m in regional if not m.weak and not m.elsewhere and m.score == chosen.score
            and len(m.codes[0]) == 4 and m.elsewhere == chosen.elsewhere]
    # A name shared by a kota and a kabupaten ("#Serang", "Bogor") is also a tie of its own readings: "di Pelamunan
    # ... #Serang" is the kabupaten, where the desa Pelamunan is (region round 6). Not after a kota/kab cue.
    if len(tied) < 2 and (chosen.score >= 3 or sum(len(c) == 4 for c in chosen.codes) < 2):
        return code
    inner = [m for m in regional + desa if len(m.codes[0]) > 4 and m.score > 0 and not (m.weak and len(m.codes[0]) == 10)]

    def support(area: _Mention, candidate: str) -> int:
        return sum(1 for m in inner if m.key != area.key and all(c.startswith(candidate) for c in m.codes))

    scored = sorted(((support(m, c), c) for m in tied for c in m.codes if len(c) == 4), reverse=True)
    own = max((n for n, c in scored if c == code), default=0)
    if scored and scored[0][0] > own and (len(scored) == 1 or scored[1][0] < scored[0][0]):
        return scored[0][1]
    return code


def _refine_with_desa(code: str | None, desa: list[_Mention], others: list[_Mention],
                      city_kelurahan: frozenset[str] = frozenset(), language: frozenset[str] = frozenset()) -> str | None:
    """The desa/kelurahan a text names, when its context leaves one reading; else the coarser ``code``.

    A desa candidate counts when it lies inside the region already resolved, or inside a region another
    mention names (its kecamatan, kab/kota or province, even a weak one: "karangwaru tegalrejo"). Several
    candidates left: their common kecamatan or kab/kota, never a guess among them.
    """
    # An everyday word that is also a desa name ("sudah", "bukti": score 0) counts only inside a named kecamatan.
    ordered = sorted(desa, key=lambda m: (m.weak, m.elsewhere, -m.score, m.position))
    if code is not None:
        for m in ordered:
            if m.score <= 0 and len(code) < 6:
                continue
            inside = [c for c in m.codes if c.startswith(code)]
            if len(inside) == 1:
                return inside[0]
            if inside and len(code) < 6 and len({c[:6] for c in inside}) == 1:
                return inside[0][:6]
        return code
    for m in ordered:
        context = {c for o in others if o.position != m.position for c in o.codes if o.score > 0 or len(c) >= 4}
        best, best_depth = [], 0
        for candidate in m.codes:
            depth = max((len(c) for c in context if candidate.startswith(c)), default=0)
            if depth > best_depth:
                best, best_depth = [candidate], depth
            elif depth == best_depth and depth:
                best.append(candidate)
        if not best and language and m.score >= 1 and (m.length > 1 or m.score >= 2):
            # "beta di batu meja, air seng kaluar" (Ambon Malay): the namesake in the provinces of the text's
            # language, as a province named in the text would choose it ("batu meja", "air tawar barat" are
            # everyday words alone; a one-word name needs a cue or a capital).
            best = [c for c in m.codes if c[:2] in language]
        if not best and not m.weak:
            best = list(m.codes)  # no context: the name alone, if it is unique enough
            # A kelurahan name written with a cue and nothing around it ("internet mati di rawamangun", "Kel.
            # Kapuk"), found once among the kelurahan of the country's kota and elsewhere only as rural desa,
            # is that city's: complaints come mostly from cities, and the desa namesakes are villages of
            # other provinces a citizen would name with their kabupaten. Not after "desa"/"ds".
            if language and len(best) > 1 and m.score >= 2:
                best = [c for c in best if c[:2] in language] or best
            in_city = [c for c in best if c in city_kelurahan]
            if len(in_city) == 1 and m.score >= 2 and not m.rural and not m.elsewhere:
                best = in_city
        if not best or (m.score <= 0 and best_depth < 6):
            continue
        if len(best) == 1:
            return best[0]
        for width in (6, 4):
            if len({c[:width] for c in best}) == 1:
                return best[0][:width]
    return None


def _read_adjacent(mentions: list[_Mention]) -> list[_Mention]:
    """Two names side by side where one reading of the first lies in one reading of the second, or contains it
    ("kauman solo": the kelurahan Kauman of Surakarta; "kuningan cigugur": the kecamatan Cigugur of Kabupaten
    Kuningan; "Andir Baleendah": the desa Andir of the kecamatan Baleendah, not the kecamatan Andir of Kota
    Bandung), are a place and its container, however common or weak each is alone: the nesting readings are read
    as after "di", and the other readings of those two names are dropped."""
    if len(mentions) < 2:
        return mentions
    by_start: dict[int, list[int]] = {}
    for index, m in enumerate(mentions):
        if not m.street:  # a street's kab/kota is no container: "Jl. Raya Pasirian, Lumajang" is not Kec. Lumajang
            by_start.setdefault(m.position, []).append(index)
    chosen: dict[int, set[str]] = {}
    for i, m in enumerate(mentions):
        if m.street:
            continue
        for j in by_start.get(m.position + m.length, ()):
            for x in m.codes:
                for y in mentions[j].codes:
                    if len(x) != len(y) and (x.startswith(y) or y.startswith(x)):
                        chosen.setdefault(i, set()).add(x)
                        chosen.setdefault(j, set()).add(y)
    if not chosen:
        return mentions
    # "Soreang, Bandung", "Menteng, Jakarta Pusat": the kecamatan, not the desa of its name inside it.
    for i in [i for i in chosen if len(mentions[i].codes[0]) == 10]:
        if any(j != i and mentions[j].position == mentions[i].position and mentions[j].key == mentions[i].key
               and any(c.startswith(k) for c in chosen[i] for k in chosen[j]) for j in chosen):
            del chosen[i]
    spans = {(mentions[i].position, mentions[i].length) for i in chosen}
    # "sukabumi selatan kebon jeruk": a name kept aside (score -1) that its neighbour contains hides the shorter
    # names inside it (Kota Sukabumi), as a read desa name does (region round 6).
    hidden = [(mentions[i].position, mentions[i].position + mentions[i].length) for i in chosen
              if mentions[i].score < 0 and mentions[i].length > 1]
    kept = []
    for i, m in enumerate(mentions):
        if i in chosen:
            kept.append(m._replace(codes=tuple(c for c in m.codes if c in chosen[i]), score=max(m.score, 2), weak=False))
        elif (m.position, m.length) not in spans and not any(
                start <= m.position and m.position + m.length <= end and m.length < end - start
                for start, end in hidden):
            kept.append(m)
    return kept


def _codes_of(phrase: _Phrase) -> tuple[str, ...]:
    return phrase.provinces + phrase.kotas + phrase.kabupatens + phrase.kecamatans


def _dedupe(codes: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(codes))


def _narrow_to(mentions: list[_Mention], hint: str) -> list[_Mention]:
    narrowed = []
    for m in mentions:
        codes = tuple(c for c in m.codes if c.startswith(hint) or hint.startswith(c))
        if codes:
            narrowed.append(m._replace(codes=codes))
    return narrowed


def _resolve(mentions: list[_Mention], language: frozenset[str] = frozenset(),
             children: dict[str, tuple[str, ...]] | None = None) -> str | None:
    """The places named where the problem is decide first ("Saya tinggal di Kabupaten Bandung, tapi masalahnya
    di Kelurahan Pemecutan, Denpasar Barat"); the places someone moves between or lives in only when those
    name nothing."""
    here = [m for m in mentions if not m.elsewhere]
    if not any(not m.weak for m in here) and any(m.origin for m in mentions):
        # "pindah dari Lampung ke Cengkareng": the place moved to, when only the two ends are named (round 9).
        mentions = [m for m in mentions if not m.origin]
        here = [m for m in mentions if not m.elsewhere]
    everything = _resolve_among(mentions, language, children)
    if here and len(here) < len(mentions):
        code = _resolve_among(here, language, children)
        # A province alone ("#Malut", "Dishub Provinsi Sulsel") does not overrule the kab/kota of a route.
        if code is not None and len(code) >= 4:
            return everything if everything and everything.startswith(code) else code
    return everything


def _resolve_among(mentions: list[_Mention], language: frozenset[str] = frozenset(),
                   children: dict[str, tuple[str, ...]] | None = None) -> str | None:
    if not mentions:
        return None
    strongest_first = sorted(mentions, key=lambda m: (m.weak, m.elsewhere, -m.score, m.position))
    areas = [m for m in strongest_first if len(m.codes[0]) < 6 and not m.weak]
    provinces = {m.codes[0] for m in areas if len(m.codes[0]) == 2}

    # 1. A kecamatan inside a kab/kota (or province) named elsewhere in the text: most specific and consistent.
    for kec in (m for m in strongest_first if len(m.codes[0]) == 6):
        for area in areas:
            if area.key == kec.key or area.street:
                continue  # "Kendal" the kecamatan does not confirm "Kendal" the kabupaten; nor a street's town its kecamatan
            for area_code in area.codes:
                inside = [c for c in kec.codes if c.startswith(area_code)]
                if (kec.score == 0 or kec.weak) and len(area_code) != 4:
                    # A province does not confirm a reading that alone names nothing: "Samsat Makassar @bapendasulsel"
                    # is the kota, not its kecamatan Makassar; "di Pekanbaru ... di Pelalawan ... Provinsi Riau" not
                    # the kecamatan Pelalawan.
                    continue
                if len(inside) == 1 or (inside and len(area_code) == 4):
                    # Several kecamatan of the name in that kab/kota ("mentawai siberut": five Siberut): the kab/kota.
                    return inside[0] if len(inside) == 1 else area_code

    # 1a. A kecamatan inside a kab/kota split off one named without a type cue ("#Lembang #Bandung": Lembang is in
    #     Bandung Barat, split from Kabupaten Bandung in 2007 and still called "Bandung").
    if children:
        for kec in (m for m in strongest_first if len(m.codes[0]) == 6 and not m.weak and m.score > 0):
            for area in areas:
                if area.key == kec.key or area.score >= 3:
                    continue
                for child in _dedupe(c for a in area.codes for c in children.get(a, ())):
                    inside = [c for c in kec.codes if c.startswith(child)]
                    if inside:
                        return inside[0] if len(inside) == 1 else child

    # 1b. A kecamatan of several kab/kota, one of which the cautious name right after it names ("Subah, Batang":
    #     Batang alone is an everyday word, but just after a kecamatan it is that kecamatan's kabupaten).
    for kec in (m for m in strongest_first if len(m.codes[0]) == 6 and not m.weak and m.score > 0):
        end = kec.position + kec.length
        for area in mentions:
            if area.weak and end <= area.position <= end + 1 and area.key != kec.key:
                inside = [c for c in kec.codes if any(len(a) == 4 and c.startswith(a) for a in area.codes)]
                if len(inside) == 1:
                    return inside[0]

    # 2. The strongest kab/kota mention, narrowed by a province named in the text; else an ordinary-word
    #    kab/kota name ("Banjar, Kalsel") that lies in a province named in the text.
    for m in strongest_first:
        if len(m.codes[0]) > 4 or not any(len(c) == 4 for c in m.codes):
            continue
        codes = [c for c in m.codes if len(c) == 4]
        in_province = [c for c in codes if c[:2] in provinces]
        if not m.weak:
            # "Banjar" in a Banjarese text: the kabupaten in South Kalimantan, not Kota Banjar (West Java).
            return (in_province or [c for c in codes if c[:2] in language] or codes)[0]
        if in_province:
            return in_province[0]

    # 3. A kecamatan named alone: only when unique, or all its candidates share one kab/kota.
    #    Region round 11: two kecamatan named as strongly, each alone in its own kab/kota ("Puskesmas Siantan di
    #    Pontianak Utara": Siantan is Anambas's), name no one kab/kota: their common province, or nothing.
    alone = [m for m in strongest_first if len(m.codes[0]) == 6 and not m.weak and m.score > 0
             and len({c[:4] for c in m.codes}) == 1]
    if alone:
        rivals = {m.codes[0][:4] for m in alone if (m.score, m.elsewhere) == (alone[0].score, alone[0].elsewhere)}
        if len(rivals) > 1:
            common = {c[:2] for c in rivals}
            return common.pop() if len(common) == 1 else None
    for kec in (m for m in strongest_first if len(m.codes[0]) == 6 and not m.weak):
        codes = [c for c in kec.codes if not provinces or c[:2] in provinces]
        if not codes and language:
            # "aer mati di kalbar cilincing ... kagak ada info" (Betawi): a province named that no reading of the
            # kecamatan lies in, and the text's language is the kecamatan's: the province is a misreading ("kalbar" for
            # Kalibaru), and the kecamatan of the language's provinces stands (region round 10).
            codes = [c for c in kec.codes if c[:2] in language]
        if len({c[:4] for c in codes}) > 1 and language:
            # "jalan di martapura ... kada diaspal": Martapura of Kabupaten Banjar, not of OKU Timur (Sumsel).
            codes = [c for c in codes if c[:2] in language] or codes
        if len(codes) == 1:
            return codes[0]
        if codes and len({c[:4] for c in codes}) == 1:
            return codes[0][:4]

    # 4. A province.
    return areas[0].codes[0] if areas else None


# ---------------------------------------------------------------------------------------------------------------
# Measuring: region accuracy on labelled texts (used by the CLI and the tests).


def evaluate_regions(records: Iterable[dict], gazetteer: Gazetteer | None = None) -> dict:
    """Score ``locate`` on records ``{"text", "region_code" (expected, or None for no place),
    "hint_region_code"?}``.

    ``accuracy`` is agreement on records that name a place (the expected code, or a finer one inside it); ``kabkota_accuracy`` and
    ``province_accuracy`` compare the first 4 and 2 digits; ``false_positive_rate`` is the share of
    place-less records that got a region anyway.
    """
    gazetteer = gazetteer or Gazetteer.load()
    placed = exact = kabkota = province = 0
    placeless = false_positives = 0
    errors = []
    for record in records:
        expected = record.get("region_code")
        found = gazetteer.locate(record["text"], record.get("hint_region_code"))
        got = found.code if found else None
        if expected is None:
            placeless += 1
            if got is not None:
                false_positives += 1
                errors.append({"text": record["text"], "expected": None, "got": got})
            continue
        placed += 1
        # A desa/kelurahan inside the labelled kecamatan is right, and finer than the label.
        exact += got is not None and got.startswith(expected)
        kabkota += got is not None and got[:4] == expected[:4]
        province += got is not None and got[:2] == expected[:2]
        if got != expected:
            errors.append({"text": record["text"], "expected": expected, "got": got})
    return {
        "records": placed + placeless,
        "with_place": placed,
        "accuracy": exact / placed if placed else None,
        "kabkota_accuracy": kabkota / placed if placed else None,
        "province_accuracy": province / placed if placed else None,
        "without_place": placeless,
        "false_positive_rate": false_positives / placeless if placeless else None,
        "errors": errors,
    }
