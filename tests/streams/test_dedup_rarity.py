"""Rare words (document frequency over the seed corpus, shipped in the verifier's artifact): candidates for a
paraphrase that names no place the locator finds, a verifier feature for the rare names two texts share, and
look-alike traps that share the rare name but not the place or the number."""

from __future__ import annotations

import json
from datetime import timedelta

import numpy as np
import pytest

import streams.dedup.index as dedup_index
from streams.dedup import Deduplicator
from streams.dedup.features import extract
from streams.dedup.index import bucket_keys
from streams.dedup.verify import FEATURE_NAMES, PairVerifier, WordRarity, default_verifier, pair_features
from streams.normalise import normalise_text
from tests.streams.test_dedup_verifier import MODELS, T0, check, located

# A corpus of 1,000 texts in which the everyday words are common and the names unseen.
RARITY = WordRarity({"jadwal": 40, "batal": 30, "tiket": 60, "uang": 90, "sering": 200, "mendadak": 20,
                     "kembali": 50, "pelabuhan": 25, "speedboat": 1}, 1000)

EMAIL = "Jadwal speedboat dari Pelabuhan Tengkayu Tarakan sering dibatalkan mendadak tanpa pengembalian uang tiket."
SMS = "speedboat tengkayu batal lg, tiket gk dibalikin. gmn dishub?"


def always_join(rarity: WordRarity = RARITY) -> PairVerifier:
    return PairVerifier(np.zeros(len(FEATURE_NAMES)), 50.0, 0.5, rarity=rarity)


def candidates_of(dedup: Deduplicator, cid: str, text: str, at) -> list[str]:
    seen = []
    dedup.trace = lambda features, ranked, verified: seen.extend(c for c, _ in ranked)
    check(dedup, cid, text, at)
    dedup.trace = None
    return seen


def test_rare_words_are_the_rarest_first_and_never_concepts_or_places():
    assert RARITY.rare(["tiket", "kan", "tengkayu", "speedboat", "~saluran", "f:tengkayu", "jadwal"]) == \
        ["tengkayu", "kan", "speedboat"]
    assert RARITY.rare(["tiket"]) == []  # a word the corpus has in more texts than RARE_DOCUMENTS is not rare


def test_an_unlocated_paraphrase_is_a_candidate_through_the_rare_word_it_shares(monkeypatch):
    """The SMS names no place the locator finds and shares few words with the e-mail (no LSH band, no region):
    only its rarest word, "tengkayu", brings the e-mail up. Without the rare-word buckets it is no candidate."""
    for rare_keys, expected in ((0, False), (dedup_index.RARE_KEYS, True)):
        monkeypatch.setattr(dedup_index, "RARE_KEYS", rare_keys)
        dedup = Deduplicator(verifier=always_join(default_verifier().rarity))  # the seed corpus' rarity
        check(dedup, "email", EMAIL)
        assert ("email" in candidates_of(dedup, "sms", SMS, T0 + timedelta(hours=3))) is expected, rare_keys


def test_the_rare_word_keys_a_record_is_indexed_under_are_derived_again_from_its_stored_record():
    """Bucket keys are not stored: ``reindex`` and ``_forget`` derive them from the record, so they must be the
    keys the complaint was indexed under when it was checked, rare-word keys included."""
    store: dict = {}
    dedup = Deduplicator(verifier=always_join(), store=store)
    check(dedup, "email", EMAIL)
    check(dedup, "sms", SMS, T0 + timedelta(hours=3))
    dedup.flush()
    live = {k: list(v) for k, v in dedup.state.buckets.items()}
    assert any(key.startswith("w:") for key in live)
    again = Deduplicator(verifier=always_join(), store=store)
    again.reindex()
    assert {k: list(v) for k, v in again.state.buckets.items()} == live
    assert set(bucket_keys(dedup.state.features["sms"], RARITY)) <= set(live)
    dedup._forget("email")
    dedup._forget("sms")
    assert not dedup.state.buckets


def test_a_rare_name_counts_when_one_side_writes_it_as_a_name_not_a_regional_word_both_write_lowercase():
    def row(a_text, b_text):
        a = extract(normalise_text(a_text), None, a_text)
        b = extract(normalise_text(b_text), None, b_text)
        return dict(zip(FEATURE_NAMES, pair_features(a, b, 3600, RARITY)))

    assert row(EMAIL, SMS)["rare_names_shared_log"] == pytest.approx(np.log1p(1))  # Tengkayu
    # "seng kaluar" (Ambonese for "does not come out"): rare in the corpus, written lowercase on both sides.
    dialect = row("air seng kaluar 3 hari di rumah", "air seng kaluar 1 minggu, tolong")
    assert dialect["rare_names_shared_log"] == 0 and dialect["neither_placed"] == 1


def test_the_shipped_artifact_carries_the_seed_corpus_rarity_it_was_trained_with():
    metadata = json.loads((MODELS / "dedup_verifier.json").read_text())
    rarity = default_verifier().rarity
    corpus = MODELS.parent / "data" / "seed_corpus.jsonl"
    assert rarity.documents == sum(1 for line in corpus.read_text().splitlines() if line.strip())
    assert list(metadata["rarity_corpus"]) == ["seed_corpus.jsonl"]
    assert rarity.frequency["mati"] > 10 and "coretax" not in rarity.frequency


@pytest.mark.parametrize(("first", "second"), [
    # Same problem, same rare name, another RT; another kelurahan of one name; another street.
    ("PHK sepihak 120 buruh PT Batamindo di RT 03, pesangon tidak dibayar", "phk buruh batamindo rt 05 pesangon nol"),
    ("Air PDAM mati dua hari di Kelurahan Air Tawar Barat, Padang", "air pdam mati 2 hari di kelurahan air tawar timur padang"),
    ("Lampu PJU mati di Jalan Tengkayu, Tarakan, sudah seminggu", "lampu pju mati di jalan mulawarman tarakan seminggu"),
])
def test_a_look_alike_that_shares_the_rare_name_but_not_the_place_or_number_stays_apart(first, second):
    """The shipped verifier and every veto: neither the rare-word candidates nor the rare-name feature joins a
    neighbouring kelurahan, another RT or another street."""
    dedup = Deduplicator()
    check(dedup, "first", first, region=located(first))
    result = check(dedup, "trap", second, T0 + timedelta(hours=2), region=located(second))
    assert result.is_new_cluster, (first, second)
