"""The deduplication lexicons, read once at import from data files under streams/data (each file's
header says what it is and where it comes from)."""

from __future__ import annotations

import re

from streams.normalise import _read_lines


def _words(name: str) -> frozenset[str]:
    return frozenset(word for line in _read_lines(name) for word in line.split())


def _by_first_column(name: str) -> dict[str, list[str]]:
    """A two-column file (key<TAB>values) as key -> the values of every line with that key, in order."""
    table: dict[str, list[str]] = {}
    for line in _read_lines(name):
        key, values = line.split("\t", 1)
        table.setdefault(key.strip(), []).extend(values.split())
    return table


# Everyday synonyms of what complaints are about: word -> concept (dedup_concepts.tsv).
# An entry of two words joined by "_" ("mati_lampu") is a phrase: the two words one after the other.
_CONCEPT_ENTRIES = [(concept, word) for concept, words in _by_first_column("dedup_concepts.tsv").items() for word in words]
CONCEPTS = {word: concept for concept, word in _CONCEPT_ENTRIES if "_" not in word}
CONCEPT_PHRASES = {tuple(word.split("_")): concept for concept, word in _CONCEPT_ENTRIES if "_" in word}
CONCEPT_PHRASE_FIRSTS = frozenset(first for first, _ in CONCEPT_PHRASES)

# Function words and formulas: not content words (dedup_stopwords.txt).
STOPWORDS = _words("dedup_stopwords.txt")

# Words that introduce a place name (dedup_place_markers.tsv). Fine places (a village, a street, a school)
# identify an issue; coarse ones (kecamatan, kabupaten) are shared by many unrelated issues.
_MARKERS = _by_first_column("dedup_place_markers.tsv")
FINE_MARKERS = frozenset(_MARKERS["fine"])
COARSE_MARKERS = frozenset(_MARKERS["coarse"])
PLACE_MARKERS = FINE_MARKERS | COARSE_MARKERS
# "smpn 3", "sd negeri 2", "sdn 2": a school is named by its number (dedup_school_markers.tsv).
SCHOOL_MARKERS = {marker: levels[0] for marker, levels in _by_first_column("dedup_school_markers.tsv").items()}

_NAME_WORDS = _by_first_column("dedup_name_words.tsv")
# The first word of many two-word names ("Griya Asri", "Masjid Al Ikhlas"): the second word is part of the name.
NAME_PREFIXES = frozenset(_NAME_WORDS["prefix"])
# Words that follow a marker but are not a name: "jalan rusak", "desa kami", "pasar induk".
NOT_A_NAME = STOPWORDS | PLACE_MARKERS | frozenset(SCHOOL_MARKERS) | frozenset(_NAME_WORDS["not_a_name"])
SKIP_IN_NAME = frozenset(_NAME_WORDS["skip"])  # "jalan raya cileungsi" names Cileungsi
# Words that tell two places of one name apart ("Cilandak Timur" / "Cilandak Barat", "Cempaka Putih" / "Baru").
NAME_QUALIFIERS = frozenset(_NAME_WORDS["qualifier"])


def _region_name_words() -> frozenset[str]:
    """Every word of the province and kab/kota names of the gazetteer (streams/data/gazetteer/regions.tsv)."""
    words = set()
    for line in _read_lines("gazetteer/regions.tsv")[1:]:
        code, _, name = line.split("\t")
        if len(code) <= 4:
            words.update(re.findall(r"[a-z]+", name.lower()))
    return frozenset(words - {"kabupaten", "kota", "administrasi", "provinsi"})


# A capitalised "Bandung" in two texts says only that both are in Bandung, which the region codes already
# compare: such words are no evidence that two texts name one street or village.
REGION_NAME_WORDS = _region_name_words()


# What a text disclaims (dedup_negations.tsv, ``streams.dedup.features.extract_negated``).
_NEGATIONS = _by_first_column("dedup_negations.tsv")
NEGATORS = frozenset(_NEGATIONS["negator"])  # bukan, dudu, sanes: "not (this)"
ONLY_WORDS = frozenset(_NEGATIONS["only"])  # "tidak hanya", "ora mung": not only (the place names that follow)
NOT_ONLY_LEADS = frozenset(_NEGATIONS["not_only_lead"])
COMPARISONS = frozenset(_NEGATIONS["comparison"])  # "seperti kejadian di X": X is another place
COMPARISON_LEADS = frozenset(_NEGATIONS["comparison_lead"])
# Markers that name a kind of place on their own ("bukan di pantai"), each as the kind it stands for.
_MARKER_KINDS = {"st": "stasiun", "stsn": "stasiun", "mushola": "musholla", "kompleks": "komplek", "perumnas": "perumahan"}
NEGATABLE_MARKERS = {word: _MARKER_KINDS.get(word, word) for word in _NEGATIONS["marker"] + list(_MARKER_KINDS)}



# Network -> the words that name it (dedup_utilities.tsv); streams.dedup.features.UTILITIES reads them stemmed.
UTILITY_WORDS = _by_first_column("dedup_utilities.tsv")
