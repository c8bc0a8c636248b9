import json
import random
from collections import Counter, defaultdict

import numpy as np
import pytest

from schemas.events import CHANNELS
from streams import classify
from streams.classify import (
    TopicClassifier, TopicPrediction, evaluate, example_text, format_report, load_examples, split_corpus, train,
)
from schemas.categories import CATEGORY_CODES, load_categories

EXPECTED_CODES = {
    "pertanahan", "infrastruktur", "kependudukan", "kesehatan", "pendidikan", "sosial", "energi", "air_bersih",
    "lingkungan", "perhubungan", "ketertiban", "kepolisian", "ketenagakerjaan", "perizinan", "pajak",
    "korupsi_pungli", "telekomunikasi", "lainnya",
}

# Written for this test, not in the corpus: one plain complaint per topic in wording the corpus does not use.
FRESH = [
    ("pertanahan", "Sertipikat rumah kami tercatat atas nama pemilik lama, mohon BPN bantu proses balik nama."),
    ("infrastruktur", "jalan menuju pasar kec ngemplak berlubang dan aspalnya hancur, tolong diperbaiki dinas pu"),
    ("kependudukan", "Saya butuh cetak ulang KTP elektronik yang rusak, tapi dukcapil bilang blanko kosong."),
    ("kesehatan", "puskesmas menolak pasien bpjs yg datang sore, katanya dokter sudah pulang"),
    ("pendidikan", "Sekolah negeri memaksa murid membeli buku LKS dari guru kelas setiap semester."),
    ("sosial", "Nenek di rumah sebelah tidak pernah menerima bansos padahal hidup sangat miskin."),
    ("energi", "listrik di rumah kedip2 terus dan sering padam, pln belum datang"),
    ("air_bersih", "Air PDAM di kompleks kami berhenti mengalir sejak kemarin pagi."),
    ("lingkungan", "Limbah cair dari pabrik kulit dibuang ke selokan dan baunya menyengat."),
    ("perhubungan", "Lampu lalu lintas di perempatan dekat stasiun padam dan tidak ada petugas dishub."),
    ("ketertiban", "PKL berjualan di atas trotoar depan sekolah, satpol pp tolong tertibkan."),
    ("kepolisian", "Mobil saya dibobol maling di parkiran, sudah lapor polsek tapi belum ada kabar."),
    ("ketenagakerjaan", "Pabrik belum membayar gaji buruh dua bulan dan THR juga tidak ada."),
    ("perizinan", "Pengajuan PBG rumah tinggal saya di DPMPTSP belum selesai berbulan-bulan."),
    ("pajak", "Tagihan PBB rumah kami tahun ini naik tiga kali lipat tanpa penjelasan dari Bapenda."),
    ("korupsi_pungli", "Oknum perangkat desa meminta uang pungli dua juta untuk mengurus surat tanah."),
    ("telekomunikasi", "Internet IndiHome di rumah putus seminggu dan teknisi Telkom tidak datang."),
    ("lainnya", "Pupuk urea bersubsidi tidak tersedia di kios tani saat musim tanam."),
]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out_dir = tmp_path_factory.mktemp("model")
    metadata = train(out_dir=out_dir)
    return out_dir, metadata, TopicClassifier.load(out_dir)


def test_taxonomy_has_exactly_the_fixed_codes_with_labels():
    topics = load_categories()
    assert set(topics) == EXPECTED_CODES
    assert list(topics) == list(CATEGORY_CODES)
    assert all(entry["label"].strip() and len(entry["description"]) > 40 for entry in topics.values())


def test_corpus_covers_every_topic_on_every_channel():
    examples = load_examples()
    assert len({e["id"] for e in examples}) == len(examples)
    assert len({e["text"] for e in examples}) == len(examples)
    per_topic = Counter(e["topic"] for e in examples)
    assert set(per_topic) == EXPECTED_CODES
    assert min(per_topic.values()) >= 40
    channels = defaultdict(set)
    for example in examples:
        assert example["channel"] in CHANNELS
        channels[example["topic"]].add(example["channel"])
    assert all(found == set(CHANNELS) for found in channels.values())


def test_split_is_deterministic_stratified_and_independent_of_order():
    examples = load_examples()
    train_part, held_out = split_corpus(examples)
    shuffled = examples[:]
    random.Random(7).shuffle(shuffled)
    assert {e["id"] for e in split_corpus(shuffled)[1]} == {e["id"] for e in held_out}
    assert not {e["id"] for e in train_part} & {e["id"] for e in held_out}
    assert len(train_part) + len(held_out) == len(examples)
    held_per_topic = Counter(e["topic"] for e in held_out)
    all_per_topic = Counter(e["topic"] for e in examples)
    for topic, total in all_per_topic.items():
        assert held_per_topic[topic] == round(total * classify.HELD_OUT_FRACTION)


def test_held_out_accuracy_meets_target(built):
    _, metadata, model = built
    result = evaluate(model, split_corpus(load_examples())[1])
    assert result["accuracy"] >= 0.85
    assert result["macro_f1"] >= 0.85
    assert metadata["held_out_accuracy"] == pytest.approx(result["accuracy"], abs=1e-3)


def test_fresh_wording_is_mostly_classified_right(built):
    model = built[2]
    predictions = model.predict_batch([text for _, text in FRESH])
    correct = sum(p.topic == topic for (topic, _), p in zip(FRESH, predictions))
    assert correct >= 15, [(topic, p.topic) for (topic, _), p in zip(FRESH, predictions) if p.topic != topic]


def test_predictions_are_deterministic_and_batch_independent(built):
    model = built[2]
    texts = [text for _, text in FRESH]
    first = model.predict_batch(texts)
    assert model.predict_batch(texts) == first
    assert [model.predict(text) for text in texts] == first
    assert all(isinstance(p, TopicPrediction) and 0.0 <= p.confidence <= 1.0 for p in first)


def test_gibberish_goes_to_triage_and_a_clear_complaint_does_not(built):
    model = built[2]
    gibberish, empty, clear = model.predict_batch(
        ["qwzx plokm vvbnt xkcd trrrrp", "", "Air PDAM mati tiga hari, keran tidak mengalir sama sekali."])
    assert gibberish.needs_triage and gibberish.confidence < model.threshold
    assert empty.needs_triage
    assert clear == TopicPrediction("air_bersih", clear.confidence, False)


def test_threshold_and_preprocess_are_honoured(built):
    out_dir = built[0]
    strict = TopicClassifier.load(out_dir, threshold=0.999)
    assert strict.predict("jalan rusak").needs_triage
    steered = TopicClassifier.load(out_dir, preprocess=lambda text: "listrik padam token pln")
    assert steered.predict("qwzx plokm").topic == "energi"


def test_fast_scorer_matches_the_pipeline(built):
    model = built[2]
    texts = [example_text(e) for e in load_examples()[::7]] + ["", "https://x.id 081234 ÉCOLE ﬁle", "a " * 2000]
    np.testing.assert_allclose(model._scorer.predict_proba(texts), model.pipeline.predict_proba(texts), atol=1e-4)


def test_evaluate_reports_and_rejects_unknown_topics(built):
    model = built[2]
    held_out = split_corpus(load_examples())[1]
    result = evaluate(model, held_out)
    assert result["confusion"]["labels"] == list(CATEGORY_CODES)
    assert sum(map(sum, result["confusion"]["matrix"])) == len(held_out)
    assert set(result["per_topic"]) == EXPECTED_CODES
    report = format_report(result)
    assert "macro-F1" in report and "korupsi_pungli" in report
    with pytest.raises(ValueError, match="outside the taxonomy"):
        evaluate(model, [{"text": "x", "topic": "olahraga"}])


def test_external_jsonl_file_can_be_scored(built, tmp_path):
    path = tmp_path / "external.jsonl"
    path.write_text("\n".join(json.dumps({"id": str(i), "topic": t, "text": x}) for i, (t, x) in enumerate(FRESH)) + "\n\n")
    result = evaluate(built[2], load_examples(path))
    assert result["n"] == len(FRESH) and result["accuracy"] >= 15 / 18


def test_artifact_round_trip_and_stale_artifact_is_rebuilt(built, tmp_path):
    out_dir, metadata, model = built
    written = json.loads((out_dir / classify.METADATA_NAME).read_text())
    for key in ("model_version", "trained_at", "corpus_sha256", "sklearn_version", "threshold", "held_out_accuracy"):
        assert key in written
    reloaded = TopicClassifier.load(out_dir / classify.ARTIFACT_NAME)
    texts = [text for _, text in FRESH]
    assert reloaded.predict_batch(texts) == model.predict_batch(texts)
    assert reloaded.metadata["trained_at"] == written["trained_at"]

    # A corpus edit since the build makes the artifact stale: it is rebuilt, never trusted.
    stale_dir = tmp_path / "stale"
    stale_dir.mkdir()
    (stale_dir / classify.ARTIFACT_NAME).write_bytes((out_dir / classify.ARTIFACT_NAME).read_bytes())
    (stale_dir / classify.METADATA_NAME).write_text(json.dumps({**written, "corpus_sha256": "0" * 64}))
    rebuilt = TopicClassifier.load(stale_dir)
    assert rebuilt.metadata["corpus_sha256"] == written["corpus_sha256"]
    assert json.loads((stale_dir / classify.METADATA_NAME).read_text())["corpus_sha256"] == written["corpus_sha256"]
    assert rebuilt.predict_batch(texts) == model.predict_batch(texts)
