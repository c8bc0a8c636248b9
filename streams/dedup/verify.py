"""Verifying a near-duplicate candidate: hard vetoes, then a learned pair verifier.

Hard vetoes first, because no amount of shared words makes two complaints one issue when they are about
different places or numbers (and none when they share no content word at all, or the classifier is sure
they are about different topics): region codes that do not contain one another (another desa, kecamatan or
kab/kota), labelled numbers that disagree (RT 03 against RT 05, SDN 2 against SDN 4) and place names after a
marker that disagree (Jl. Melati against Jl. Mawar, the "same template, another street" trap).

What passes is scored by a logistic regression over the pair's features (``pair_features``: how deep their
place codes agree, word and character-trigram overlap of the slang-normalised text, shared numbers and
names, how many rare names they share (``WordRarity``), the time between them, whether the classifier gave
both one topic), fitted by ``streams.training.train_verifier`` on labelled pairs of the team's sets and shipped
as streams/models/dedup_verifier.npz + .json, with the seed corpus' word frequencies the rarity is read from.
The runtime reads that artifact with numpy only, like the topic classifier (streams/classify.py); nothing
here imports scikit-learn.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path

import numpy as np

from streams.dedup.features import Features, disclaims, other_networks, regions_compatible, texts_places_agree

MODELS_DIR = Path(__file__).resolve().parents[1] / "models"
VERIFIER_NAME = "dedup_verifier.npz"
# Bump when pair_features changes: an artifact of another version is refused (run `aduan train`).
# 12: retrained on the merged rounds of 2026-12-03 (a school's number after its village's name, settlement markers
# that keep their concept, more regional function words); 11: retrained on the content words of the recall round of 2026-12-03 (two-word concepts, more concepts, regional
# function words as stop words, the issue word of a "#<city><issue>" hashtag); 10: retrained on the features of the
# precision round (disclaimed kinds of place, "st" stations, passive verbs no names); 9 was the reverted round's and
# is never read.
VERIFIER_VERSION = "12"

FEATURE_NAMES = (
    "containment", "jaccard", "gram_jaccard", "shared_words_log",
    "same_province", "same_kabkota", "same_kecamatan", "same_desa", "one_side_unplaced",
    "places_agree", "weak_places_agree", "fine_place_both", "shared_numbers", "gap_days_log", "same_topic",
    "same_topic_kabkota", "same_topic_kecamatan", "gram_jaccard_kabkota", "shared_concepts_log",
    "concepts_disjoint", "rare_names_shared_log", "neither_placed",
)
# A word in at most this many texts of the seed corpus is rare: a shared "coretax", "batamindo" or "tengkayu"
# says more than a shared "mati" or "jalan" (45 and 23 of its 1,267 texts).
RARE_DOCUMENTS = 1


class WordRarity:
    """How common each content word (stemmed, as ``Features.words``) is: its document frequency over the seed
    corpus (streams/data/seed_corpus.jsonl), computed by ``aduan train`` and shipped in the verifier's artifact.
    A word the corpus never saw (a place, an app, a company, leftover slang) is as rare as a word can be."""

    def __init__(self, frequency: Mapping[str, int] | None = None, documents: int = 0) -> None:
        self.frequency = dict(frequency or {})
        self.documents = documents

    def rare(self, words: Iterable[str]) -> list[str]:
        """The rare words among ``words`` (concepts and "f:"/"c:" places aside), rarest first, then the longer (a
        name, "tengkayu", before leftover slang, "kan"), then by spelling: the same order in every process."""
        get = self.frequency.get
        return sorted((w for w in words if w[0] != "~" and ":" not in w and get(w, 0) <= RARE_DOCUMENTS),
                      key=lambda w: (get(w, 0), -len(w), w))


NO_RARITY = WordRarity()


# A topic the classifier is this sure of counts for deduplication: two complaints confidently given different
# topics are two issues ("kabel FO menjuntai" and "kabel PLN menjuntai" in one kelurahan), a hard veto. 0.8 since
# the topic model learnt from the outsiders' sets: it is sure more often, and at 0.6 its errors vetoed paraphrases
# (dedup_labelled recall 0.928 → 0.954 at 0.8, no precision lost on any set).
CONFIDENT_TOPIC = 0.8


def confident_topic(topic: str | None, confidence: float | None) -> str | None:
    """The topic deduplication compares, or None when the classifier was not sure enough."""
    return topic if topic is not None and confidence is not None and confidence >= CONFIDENT_TOPIC else None


def numbers_compatible(a: dict[str, frozenset[str]], b: dict[str, frozenset[str]]) -> bool:
    if not a or not b:
        return True
    return all(a[kind] & b[kind] for kind in a.keys() & b.keys())


def elsewhere(a: Features, b: Features) -> bool:
    """The vetoes of place and number alone: another desa, kecamatan or kab/kota, another RT or amount, a place or
    thing one text disclaims and the other names ("pju di jl dago, bukan yg di juanda"), or place names that
    disagree, unless both texts are located to one desa/kelurahan (a code of the finest level says more than the
    words after a marker: "pak lurah" against "Kel. Petisah Tengah")."""
    if not regions_compatible(a.region, b.region) or not numbers_compatible(a.numbers, b.numbers) \
            or disclaims(a, b):
        return True
    if a.region and len(a.region) == 10 and a.region == b.region:
        return False
    return texts_places_agree(a, b) is False


def vetoed(a: Features, b: Features) -> bool:
    """The hard rules: another place or another number means another issue, whatever the text says; and two
    texts without one content word in common (after slang and regional words are normalised) are not one
    issue told twice, nor two that name different utility networks (``other_networks``). The last rule is also the cheap one most candidates end at."""
    if a.words.isdisjoint(b.words):
        return True
    if a.topic and b.topic and a.topic != b.topic or other_networks(a, b):
        return True
    if not regions_compatible(a.region, b.region) or not numbers_compatible(a.numbers, b.numbers) \
            or disclaims(a, b):
        return True
    return texts_places_agree(a, b) is False


def _common_depth(a: str | None, b: str | None) -> int:
    """How many code digits two compatible regions share: 10 same desa, 6 kecamatan, 4 kab/kota, 2 province."""
    if not a or not b:
        return 0
    shorter = min(len(a), len(b))
    return shorter if a[:shorter] == b[:shorter] else 0


def pair_features(a: Features, b: Features, gap_seconds: float, rarity: WordRarity = NO_RARITY) -> list[float] | None:
    """The verifier's inputs for one candidate pair (``FEATURE_NAMES`` order), or None when vetoed."""
    if a.words.isdisjoint(b.words) or (a.topic and b.topic and a.topic != b.topic) or other_networks(a, b) \
            or not regions_compatible(a.region, b.region) or not numbers_compatible(a.numbers, b.numbers) \
            or disclaims(a, b):
        return None
    agree = texts_places_agree(a, b)
    if agree is False:
        return None  # the same vetoes as ``vetoed``, with the place comparison kept for the features
    # Concepts ("~saluran": got, selokan, drainase) let a paraphrase past the shared-word veto and are weighed on
    # their own: counted as words, they joined two streets' blocked drains in one city.
    common = a.words & b.words
    concepts = sum(1 for word in common if word[0] == "~")
    shared = len(common) - concepts
    size_a, size_b = len(a.words) - a.concept_count, len(b.words) - b.concept_count
    smaller = min(size_a, size_b) or 1
    union = size_a + size_b - shared or 1
    grams_a, grams_b = a.grams, b.grams
    gram_shared = len(grams_a & grams_b)
    gram_union = len(grams_a) + len(grams_b) - gram_shared or 1
    depth = _common_depth(a.region, b.region)
    same_topic = float(a.topic is not None and a.topic == b.topic)  # both confident of one topic
    gram_jaccard = gram_shared / gram_union
    # A place one side names may be a plain word on the other ("di rawamangun" in an SMS, no capital, no marker).
    shared_numbers = sum(len(a.numbers[k] & b.numbers[k]) for k in a.numbers.keys() & b.numbers.keys())
    # Paraphrases share few words, but the ones they share are the rare names (the app, the company, the pier):
    # a word rare in the seed corpus that one side writes as a name ("Coretax", "Batamindo", "Tengkayu").
    # Rare and written lowercase on both sides is mostly a regional language ("seng kaluar"), no evidence.
    both = a.tokens & b.tokens
    rare_names = rarity.rare(w for w in both if w in a.stemmed_local_names or w in b.stemmed_local_names) \
        if both else ()
    return [
        shared / smaller,
        shared / union,
        gram_jaccard,
        math.log1p(shared),
        float(depth >= 2),
        float(depth >= 4),
        float(depth >= 6),
        float(depth >= 10),
        float(bool(a.region) != bool(b.region)),
        float(agree is True),
        float(bool(a.local_names & b.local_names or a.stemmed_local_names & b.words or b.stemmed_local_names & a.words)),
        float(any(p[0] == "f" for p in a.places) and any(p[0] == "f" for p in b.places)),
        math.log1p(shared_numbers),
        math.log1p(abs(gap_seconds) / 86_400),
        same_topic,
        # Paraphrases across channels share few words but one place and one topic; a linear model can only
        # weigh that conjunction when it is a feature of its own.
        same_topic * (depth >= 4),
        same_topic * (depth >= 6),
        gram_jaccard * (depth >= 4),
        math.log1p(concepts),
        # Both texts say what broke, in the concepts' words, and say different things: "lampu jalan mati" and
        # "jalan rusak berlubang" in one desa and RT are two issues however many words they share.
        float(not concepts and a.concept_count > 0 and b.concept_count > 0),
        math.log1p(len(rare_names)),
        float(not a.region and not b.region),
    ]


class PairVerifier:
    """p(same issue) = sigmoid(w · features + b); a candidate joins when p ≥ threshold."""

    def __init__(self, weights: np.ndarray, intercept: float, threshold: float, metadata: dict | None = None,
                 rarity: WordRarity = NO_RARITY):
        self.weights = np.asarray(weights, dtype=np.float64)
        # The weights as Python floats, converted once: ``probability`` runs for every candidate that passes the
        # vetoes, and its sum is kept a plain left-to-right Python sum so that every score stays bit for bit the same.
        self._weight_list = self.weights.tolist()
        self.intercept = float(intercept)
        self.threshold = float(threshold)
        self.metadata = metadata or {}
        self.rarity = rarity

    @classmethod
    def load(cls, path: str | Path | None = None) -> PairVerifier:
        artifact = Path(path) if path else MODELS_DIR / VERIFIER_NAME
        metadata_file = artifact.with_suffix(".json")
        if not artifact.exists() or not metadata_file.exists():
            raise FileNotFoundError(f"no dedup verifier artifact at {artifact}: run `aduan train`")
        metadata = json.loads(metadata_file.read_text(encoding="utf-8"))
        if metadata.get("verifier_version") != VERIFIER_VERSION or tuple(metadata.get("features", ())) != FEATURE_NAMES:
            raise ValueError(f"dedup verifier artifact is version {metadata.get('verifier_version')!r} with features "
                             f"{metadata.get('features')}, the runtime reads {VERIFIER_VERSION!r}: run `aduan train`")
        with np.load(artifact, allow_pickle=False) as arrays:
            terms = bytes(arrays["rarity_terms"]).decode().split("\n") if arrays["rarity_terms"].size else []
            rarity = WordRarity(dict(zip(terms, arrays["rarity_df"].tolist())), int(arrays["rarity_documents"]))
            return cls(arrays["weights"], float(arrays["intercept"]), metadata["threshold"], metadata, rarity)

    def probability(self, features: list[float]) -> float:
        z = self.intercept + sum(w * x for w, x in zip(self._weight_list, features))
        return 1.0 / (1.0 + math.exp(-z))

    def score(self, a: Features, b: Features, gap_seconds: float) -> float:
        """0 when the pair is not the same issue, else its probability (higher is more alike)."""
        features = pair_features(a, b, gap_seconds, self.rarity)
        if features is None:
            return 0.0
        if a.words == b.words and a.places == b.places and a.numbers == b.numbers:
            # The same words about the same place, told again (a week later, by the same or another reporter):
            # nothing for the weights to weigh, and a linear model's penalties (no region, the time gap) must not
            # part a text from itself.
            return 1.0
        p = self.probability(features)
        return p if p >= self.threshold else 0.0


@lru_cache(maxsize=1)
def default_verifier() -> PairVerifier:
    return PairVerifier.load()


def similarity(a: Features, b: Features, gap_seconds: float = 0.0) -> float:
    """0 when the two are not the same issue, else the shipped verifier's probability."""
    return default_verifier().score(a, b, gap_seconds)
