"""The learned pair verifier: shipped as numpy arrays, hard vetoes that no weight can override, candidates
by place code, cross-channel paraphrases of one kelurahan joined and look-alike traps kept apart."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import numpy as np
import pytest

from streams.dedup import Deduplicator
from streams.dedup.features import extract
from streams.dedup.verify import FEATURE_NAMES, VERIFIER_VERSION, PairVerifier, default_verifier, pair_features
from streams.locate import Gazetteer
from streams.normalise import normalise_text

T0 = datetime(2026, 3, 2, 1, 0, tzinfo=timezone.utc)
MODELS = Path(__file__).resolve().parents[2] / "streams" / "models"
DATA = Path(__file__).resolve().parents[2] / "streams" / "data"


def always_join() -> PairVerifier:
    """A verifier that would join anything: only the hard vetoes can keep a pair apart."""
    return PairVerifier(np.zeros(len(FEATURE_NAMES)), 50.0, 0.5)


def check(dedup, cid, text, at=T0, region=None):
    return dedup.check(cid, None, normalise_text(text), at, region, original_text=text)


def located(text: str) -> str | None:
    region = Gazetteer.load().locate(text)
    return region.code if region else None


def test_the_shipped_verifier_is_the_version_the_runtime_reads():
    metadata = json.loads((MODELS / "dedup_verifier.json").read_text())
    assert metadata["verifier_version"] == VERIFIER_VERSION
    assert tuple(metadata["features"]) == FEATURE_NAMES
    verifier = default_verifier()
    assert verifier.weights.shape == (len(FEATURE_NAMES),) and 0 < verifier.threshold < 1
    # Trained on the team's sets, and never on the held-out tuning set.
    assert "tuning/routing_b/complaints.jsonl" not in metadata["training_sets"]


def test_an_artifact_of_another_version_is_refused(tmp_path):
    metadata = json.loads((MODELS / "dedup_verifier.json").read_text())
    (tmp_path / "dedup_verifier.npz").write_bytes((MODELS / "dedup_verifier.npz").read_bytes())
    (tmp_path / "dedup_verifier.json").write_text(json.dumps({**metadata, "verifier_version": "0"}))
    with pytest.raises(ValueError, match="aduan train"):
        PairVerifier.load(tmp_path / "dedup_verifier.npz")


@pytest.mark.parametrize(("first", "second", "region_a", "region_b"), [
    ("got mampet di gang mawar rt 07", "got mampet di gang mawar rt 05", None, None),
    ("air pdam mati di kel sukaluyu", "air pdam mati di kel merdeka", "3273181002", "3273191002"),
    ("jalan rusak di jalan melati", "jalan rusak di jalan mawar", "3273", "3273"),
    ("pungli ktp rp 50rb", "pungli ktp rp 100rb", None, None),
    ("banjir di kampung melayu", "listrik padam total semalam", "3175031001", "3175031001"),
])
def test_hard_vetoes_hold_whatever_the_weights(first, second, region_a, region_b):
    dedup = Deduplicator(verifier=always_join())
    check(dedup, "a", first, region=region_a)
    result = check(dedup, "b", second, T0 + timedelta(hours=1), region=region_b)
    assert result.is_new_cluster, (first, second)


def test_a_shared_desa_code_makes_a_candidate_that_shares_no_lsh_band():
    # Few words in common, so MinHash bands alone would not bring them together; the desa code does.
    dedup = Deduplicator(verifier=always_join())
    check(dedup, "a", "Kami melaporkan pasokan air terhenti sejak Jumat di lingkungan RW kami", region="3273181002")
    result = check(dedup, "b", "air mati", T0 + timedelta(hours=2), region="3273181002")
    assert result.cluster_id == "a"


def test_features_are_symmetric_in_content():
    a = extract(normalise_text("air pdam mati di kel sukaluyu rw 7"), "3273181002")
    b = extract(normalise_text("Air PDAM tidak mengalir di Kelurahan Sukaluyu RW 07"), "3273")
    assert pair_features(a, b, 3600) == pair_features(b, a, 3600)


SUKALUYU = [
    ("email", "Dengan hormat, kami warga RW 07 Kelurahan Sukaluyu, Kecamatan Cibeunying Kaler, Kota Bandung, "
              "melaporkan bahwa aliran air PDAM di lingkungan kami terhenti sejak hari Jumat."),
    ("social", "@pdamkotabandung udah 3 hari air mati di kel sukaluyu cibeunying kaler, mandi pake air galon"),
    ("web", "Air ledeng di Kelurahan Sukaluyu Bandung mati total sejak Jumat, warga RW 07 harus beli air."),
]


def test_one_issue_in_three_channels_is_one_cluster_and_the_next_kelurahan_is_not():
    dedup = Deduplicator()
    clusters = []
    for hour, (channel, text) in enumerate(SUKALUYU):
        clusters.append(check(dedup, channel, text, T0 + timedelta(hours=hour), region=located(text)).cluster_id)
    assert clusters == ["email"] * 3
    trap = "air pdam mati di kel merdeka sumur bandung udah 2 hari"
    assert check(dedup, "trap", trap, T0 + timedelta(hours=4), region=located(trap)).is_new_cluster


def test_tuning_sets_are_in_the_independent_format_with_gazetteer_codes():
    gazetteer = Gazetteer.load()
    fields = {"id", "channel", "subject", "text", "reporter", "received_at", "topic", "region_code",
              "kecamatan_code", "cluster", "duplicate_of", "trap_of", "note"}
    for path in sorted((DATA / "tuning").glob("*/complaints.jsonl")):
        records = [json.loads(line) for line in path.read_text().splitlines()]
        assert records and all(set(r) == fields for r in records), path
        for r in records:
            if r["region_code"]:
                assert len(r["region_code"]) == 4 and gazetteer.by_code(r["region_code"]), r["id"]
            if r["kecamatan_code"]:
                assert r["kecamatan_code"].startswith(r["region_code"]) and gazetteer.by_code(r["kecamatan_code"])


def test_two_topics_the_classifier_is_sure_of_are_two_issues_whatever_the_weights():
    dedup = Deduplicator(verifier=always_join())
    dedup.check("fo", None, normalise_text("kabel menjuntai di sukabumi selatan"), T0, "3173051003",
                topic="telekomunikasi")
    pln = dedup.check("pln", None, normalise_text("kabel menjuntai di sukabumi selatan"), T0 + timedelta(hours=1),
                      "3173051003", topic="energi")
    assert pln.is_new_cluster
    unsure = dedup.check("unsure", None, normalise_text("kabel menjuntai di sukabumi selatan"),
                         T0 + timedelta(hours=2), "3173051003", topic=None)
    assert not unsure.is_new_cluster  # no confident topic: nothing to veto on


def test_the_pipeline_gives_deduplication_only_a_confident_topic():
    from streams.dedup.verify import CONFIDENT_TOPIC, confident_topic

    assert confident_topic("energi", CONFIDENT_TOPIC) == "energi"
    assert confident_topic("energi", CONFIDENT_TOPIC - 0.01) is None
    assert confident_topic(None, 0.99) is None


def test_one_place_and_one_topic_is_a_feature_of_its_own():
    """Cross-channel paraphrases share few words but one kab/kota and one topic: the linear verifier weighs
    that conjunction only as its own feature, and only when both topics are confident and the places agree."""
    def row(region_b, topic_b):
        a = extract(normalise_text("air pdam mati tiga hari"), "3273181002", topic="air_bersih")
        b = extract(normalise_text("pdam ga ngocor dr kmrn"), region_b, topic=topic_b)
        return dict(zip(FEATURE_NAMES, pair_features(a, b, 3600)))

    same = row("3273", "air_bersih")
    assert same["same_topic_kabkota"] == 1 and same["same_topic_kecamatan"] == 0
    assert same["gram_jaccard_kabkota"] == same["gram_jaccard"] > 0
    assert row("327318", "air_bersih")["same_topic_kecamatan"] == 1
    unsure = row("3273", None)
    assert unsure["same_topic_kabkota"] == unsure["same_topic_kecamatan"] == 0
    unplaced = row(None, "air_bersih")
    assert unplaced["same_topic_kabkota"] == unplaced["gram_jaccard_kabkota"] == 0


def test_one_concept_in_other_words_passes_the_shared_word_veto_and_counts_apart_from_words():
    """An SMS's "got buntu" and an e-mail's "saluran tersumbat" share no word, only concepts: the pair reaches
    the verifier, with the concepts in their own feature and the word overlap still zero."""
    a = extract(normalise_text("got buntu"), "3578081006")
    b = extract(normalise_text("Saluran di Kelurahan Pucang Sewu tersumbat"), "3578081006")
    assert {"~saluran", "~sumbat"} <= a.words & b.words and a.grams.isdisjoint(b.grams)
    row = dict(zip(FEATURE_NAMES, pair_features(a, b, 3600)))
    assert row["shared_concepts_log"] == pytest.approx(np.log1p(2))
    assert row["shared_words_log"] == row["jaccard"] == row["containment"] == 0
    # No concept and no word in common: still vetoed.
    assert pair_features(a, extract(normalise_text("lampu mati"), "3578081006"), 3600) is None


def test_two_texts_that_each_say_what_broke_and_say_different_things_are_flagged():
    """Street lights and potholes in one desa and RT share "jalan", the desa and the RT: a feature of its own says
    that each names a concept and they share none; paraphrases of one concept do not carry it."""
    def row(a_text, b_text):
        a = extract(normalise_text(a_text), "3201012005")
        b = extract(normalise_text(b_text), "3201012005")
        return dict(zip(FEATURE_NAMES, pair_features(a, b, 3600)))

    assert row("lampu jalan di rt 04 mati semua", "jalan di rt 04 berlubang parah")["concepts_disjoint"] == 1
    assert row("lampu jalan di rt 04 mati semua", "pju jalan rt 04 gelap")["concepts_disjoint"] == 0
    assert row("jalan di rt 04 jelek", "jalan di rt 04 berlubang parah")["concepts_disjoint"] == 0  # one side says none


def test_a_complaint_does_not_join_a_cluster_whose_first_report_names_another_desa():
    """A cluster grows one link at a time: a vague report located only to the kecamatan joins the first report
    of one desa, and a report of the next desa then matches the vague one. It must not join the cluster, whose
    first report is of another desa."""
    dedup = Deduplicator(verifier=always_join())
    first = check(dedup, "first", "jalan amblas di Desa Karangbaru, lubang besar", region="3216092001")
    vague = check(dedup, "vague", "jalan amblas lubang besar di cikarang utara", T0 + timedelta(hours=1), "321609")
    assert vague.cluster_id == first.cluster_id
    other = check(dedup, "other", "jalan amblas lubang besar desa sebelah", T0 + timedelta(hours=2), "3216092003")
    assert other.cluster_id != first.cluster_id
    # The same desa as the first report joins through either.
    same = check(dedup, "same", "jalan amblas lubang besar", T0 + timedelta(hours=3), "3216092001")
    assert same.cluster_id == first.cluster_id


def test_the_shipped_threshold_is_the_most_recall_above_the_precision_floor():
    from streams import training

    floor = training.VERIFIER_PRECISION_FLOOR
    sweep = [(0.5, floor - 0.05, 0.95), (0.6, floor + 0.001, 0.90), (0.7, floor + 0.01, 0.90), (0.8, 0.999, 0.60)]
    assert training.choose_threshold(sweep)[0] == 0.7  # the most recall above the floor; of equals, the stricter
    below = [(0.5, floor - 0.05, 0.95), (0.6, floor - 0.02, 0.60)]
    assert training.choose_threshold(below)[0] == 0.5  # none reaches it: the best F-beta


def _words(text: str) -> frozenset[str]:
    return extract(normalise_text(text), original=text).words


def test_a_concept_of_two_words_in_a_row_names_what_neither_word_does_alone():
    """"mati lampu" is a blackout (one concept with "padam"); "lampu jalan mati" is a broken street light, and a
    phrase never runs across a clause mark."""
    assert "~padam" in _words("PLN ternate mati lampu 6 jam") & _words("Ternate padam bergilir sampe 6 jam")
    assert "~padam" not in _words("lampu jalan mati di gang mawar")
    assert "~padam" not in _words("motor mati. lampu depan rusak")
    assert "~huntap" in _words("hunian tetap Tondo belum diserahkan") & _words("huntap tondo blm dibagi")
    assert "~lpg" in _words("Gas melon kosong di semua pangkalan") & _words("Kelangkaan LPG 3 kg di daerah Waru")


def test_regional_function_words_are_not_content_words():
    """Javanese "wis", "iki", "nang", Manado "ngana", "torang": shared, they say nothing of the issue."""
    words = _words("banyu pdam nang tembalang mati wis telung dino, piye iki? ngana torang")
    assert words.isdisjoint({"wis", "iki", "nang", "piye", "ngana", "torang"})
    assert "air" in words and "pdam" in words


def test_the_issue_word_of_a_city_hashtag_is_a_content_word():
    assert "rusak" in _words("jalan Suka Maju Johor kayak kubangan kerbau #medanrusak")
    assert "banjir" in _words("depan kampus Unhas tergenang lagi #makassarbanjir")
    assert "manise" not in _words("#ambon") and "rusak" not in _words("jalan parah #jalanrusak")


@pytest.mark.parametrize(("first", "second"), [
    # One concept in other words, the same template at another place: still two issues.
    ("Gas melon kosong di Desa Sukamaju", "Kelangkaan LPG di Desa Sukamulya"),
    ("mati lampu di gang mawar rt 07 sejak pagi", "listrik padam di gang mawar rt 05 sejak pagi"),
    ("Woi jalan di Kelurahan Suka Maju kayak kubangan #medanrusak", "Woi jalan di Kelurahan Sei Sikambing kayak kubangan #medanrusak"),
])
def test_a_shared_concept_or_hashtag_never_joins_the_same_template_at_another_place(first, second):
    dedup = Deduplicator(verifier=always_join())
    assert check(dedup, "a", first).cluster_id == "a"
    assert check(dedup, "b", second, at=T0 + timedelta(hours=1)).cluster_id == "b"
