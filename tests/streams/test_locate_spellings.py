"""LOCATE on the other ways people write a place: compound spellings, shorthands and abbreviations, tagged police
and heads of region, hospitals under any prefix, and the places a writer says a text is not about. Every entry of
aliases.tsv and landmarks.tsv must name exactly one region; everyday words and another city's street stay nothing."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from streams.locate import _hospital_spellings
from tests.streams.test_locate import code_of, gaz  # noqa: F401 (gaz is the shared module fixture)

GAZETTEER = Path(__file__).resolve().parents[2] / "streams" / "data" / "gazetteer"


def _rows(name: str) -> list[dict[str, str]]:
    with open(GAZETTEER / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


@pytest.mark.parametrize("text, expected", [
    # One-word official names written in two words and the reverse.
    ("Lagi-lagi padam, kerja WFH gimana coba #pasarminggu", "317404"),
    ("banjir rob lagi di tanjungpriok", "317202"),
    ("sinyal jelek di gunung sari, lombok barat", "520109"),  # Kecamatan Gunungsari
    ("Lampu PJU mati di Medan Satria sejak dua minggu", "327506"),  # Kecamatan Medansatria, Kota Bekasi: not Medan
    # A town's core kecamatan "Kota Ternate Selatan", written without "Kota".
    ("ternate selatan, kapal ke tidore penuh sesak", "827102"),
])
def test_a_name_is_read_however_its_words_are_joined(gaz, text, expected):
    assert code_of(gaz, text) == expected


@pytest.mark.parametrize("text", [
    "harga pasarminggu ini naik terus",  # a joined everyday phrase, lowercase and without a cue: nothing
    "gunung sari nya indah tapi sampah banyak",  # two everyday words: nothing alone
])
def test_a_joined_or_split_everyday_phrase_names_nothing_alone(gaz, text):
    assert code_of(gaz, text) is None


def test_an_official_spelling_keeps_priority_over_another_names_variant(gaz):
    # "Caturtunggal" is one desa (Depok, Sleman); a "Catur Tunggal" joined elsewhere must not make it ambiguous.
    assert code_of(gaz, "Tanah kami di Caturtunggal diserobot pengembang")[:4] == "3404"


@pytest.mark.parametrize("text, expected", [
    ("balap liar tiap malam @polrestabesmakassar", "7371"),
    ("jalan rusak parah @bupatipati tolong", "3318"),
    ("debt collector main pukul @poldasumut @polrestabesmedan", "1271"),  # the province's police, then the city's
    ("lampu jalan mati @walikotabogor", "3271"),
    ("sampah numpuk @polresbandung", None),  # the kota's police or the kabupaten's? neither
])
def test_a_tagged_police_or_head_of_region_names_its_kab_kota(gaz, text, expected):
    assert code_of(gaz, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Jalan di Kelurahan Antapani Kidul, tepatnya Jalan Purwakarta (bukan Kabupaten Purwakarta), berlubang",
     "3273201005"),
    ("Kebakaran lahan di Ketapang, bukan Ketapang Banyuwangi", "6104"),
    # "hanya" is no cue: the negation does not reach past it.
    ("bukan hanya di Bandung, banjirnya", "3273"),
])
def test_a_place_the_writer_says_it_is_not_names_nothing(gaz, text, expected):
    assert code_of(gaz, text) == expected


def test_two_words_after_a_kelurahan_marker_are_a_name_however_common(gaz):
    assert code_of(gaz, "akta lahir di kelurahan pondok kopi diminta 150rb") == "3175071007"
    # One everyday word after the marker still names nothing.
    assert code_of(gaz, "kepala desa, sementara belum ada jawaban") is None


@pytest.mark.parametrize("text, expected", [
    ("Yth. Direktur RSUD Dr. Moewardi, antrean poliklinik lama", "3372"),
    ("rumah sakit arifin achmad minta uang kamar", "1471"),
    ("perawat rs dr soetomo judes", "3578"),
])
def test_a_hospital_is_read_under_any_prefix_and_title(gaz, text, expected):
    assert code_of(gaz, text) == expected


def test_hospital_spellings_shared_by_two_kab_kota_are_left_out():
    spelled = dict(_hospital_spellings([("rsud kota", "3273"), ("rs kota", "3374"), ("rsud ulin", "6371")]))
    assert spelled["rsud ulin"] == spelled["rs dr ulin"] == "6371"
    assert spelled["rsud kota"] == "3273" and spelled["rs kota"] == "3374"  # the written rows stand
    assert "rsup kota" not in spelled and "rumah sakit kota" not in spelled


@pytest.mark.parametrize("text, expected", [
    ("asap tebal di ptk dr subuh", "6171"),
    ("proyek jalan di kec belitang oku timur cuma diaspal tipis", "160803"),
    ("antri di merak dr kmrn siang blm nyebrang", "3672"),
    ("spanduk liar numpuk di alun2 tegal", "3376"),
    ("bantuan pkh di bone dipotong pendamping", "7308"),
    # Who writes is not where: the campus ranks after the kabupaten the text names.
    ("Kami mahasiswa Universitas Tadulako mohon audiensi terkait bakti sosial di Kabupaten Sigi", "7210"),
])
def test_shorthands_abbreviations_and_squares_name_their_region(gaz, text, expected):
    assert code_of(gaz, text) == expected


@pytest.mark.parametrize("text", [
    "burung merak di kebun binatang kurus",  # the peacock
    "sawah tegal kering, petani gagal panen",  # a dry field
    "Jalan Tanjung Perak rusak parah di depan ruko",  # a street named after Surabaya's port, not the port
    "macet di Jl. Belawan tiap sore",
    "besuk pasien di rumah sakit dibatasi",  # "besuk" is a visit, not Kecamatan Besuk
    "x-ray shows the bone is fine",
])
def test_everyday_words_and_streets_named_after_places_locate_nothing(gaz, text):
    assert code_of(gaz, text) is None


def test_every_alias_and_landmark_names_exactly_its_region(gaz):
    aliases = [(r["alias"], r["code"]) for r in _rows("aliases.tsv")]
    landmarks = _hospital_spellings((r["phrase"], r["code"]) for r in _rows("landmarks.tsv")
                                    if r["kind"] != "kode_stasiun")
    strict = {r["phrase"] for r in _rows("name_policy.tsv") if r["policy"] == "strict"}
    wrong = []
    # A station's KAI code (region round 9) is read only in a text about trains, and is no phrase of its own.
    for r in _rows("landmarks.tsv"):
        if r["kind"] == "kode_stasiun":
            found = code_of(gaz, f"peron {r['phrase']} penuh, krl telat")
            if found is None or not found.startswith(r["code"]):
                wrong.append((r["phrase"], r["code"], found))
            assert r["phrase"] not in gaz._phrases, r["phrase"]
    for phrase, code in aliases + landmarks:
        # A strict alias ("mtr": "motor" in SMS) names its region only after a kota/kab cue.
        cue = "di kota" if phrase in strict else "di"
        found = code_of(gaz, f"ada masalah {cue} {phrase} sejak kemarin")
        if found is None or not found.startswith(code):
            wrong.append((phrase, code, found))
    assert not wrong
    for phrase, code in landmarks:
        entry = gaz._phrases[" ".join(phrase.lower().replace(".", " ").replace("-", " ").split())]
        assert entry.landmark and entry.kotas + entry.kabupatens == (code,), phrase


def test_an_alias_that_is_an_everyday_word_needs_a_policy():
    ordinary = {r["word"] for r in _rows("ordinary_words.tsv")}
    policy = {r["phrase"] for r in _rows("name_policy.tsv")}
    assert [a for a in (r["alias"] for r in _rows("aliases.tsv")) if a in ordinary and a not in policy] == []


def test_of_kab_kota_named_alike_the_one_another_place_lies_in_wins(gaz):
    # "Selokan Mataram" is a canal of Sleman named after the old kingdom, not Kota Mataram: the desa Condongcatur
    # the text names lies in Sleman.
    assert code_of(gaz, "limbah cair di selokan mataram dekat condongcatur, tolong dlh sleman")[:4] == "3404"
    # Nothing inside either: the first stays.
    assert code_of(gaz, "banjir bandung, bogor juga") == "3273"


def test_a_name_joined_by_dan_to_one_named_elsewhere_is_named_elsewhere_too(gaz):
    # Where the passengers come from is not where the port is: "dan Lamongan" shares the "dari" of "dari Gresik".
    text = "jadwal kapal dari Pelabuhan Tanjung Perak sering telat, penumpang dari Gresik dan Lamongan dirugikan"
    assert code_of(gaz, text) == "3578"
    # Named where it is, the second name stays a place of its own.
    assert code_of(gaz, "banjir di Gresik dan Lamongan") == "3525"
