"""Kinds of region error read off the tuning sets (issue #14, region round 8), one test per kind, each with texts
that must not be located: Javanese locatives ("nang", "ning", "ndek") as cues, a disaster named after the kab/kota
it struck ("gempa X"), a state school's number before its kab/kota ("SMAN 1 X"), and the stem of a kelurahan split
into "X Baru" / "X Lama". The texts are written for the tests, not copied from a tuning set."""

from __future__ import annotations

import pytest

from tests.streams.test_locate import code_of, gaz  # noqa: F401 (gaz is the shared module fixture)


def kabkota(gaz, text):
    return (code_of(gaz, text) or "")[:4] or None


@pytest.mark.parametrize("text, expected", [
    ("lampu jalan mati nang pacar keling", "3578"),  # a kelurahan of Surabaya (its namesake is a rural desa)
    ("banyu mati ning caturtunggal wis rong dino", "3404"),
    ("dalane bolong ndek Sidoarjo", "3515"),
])
def test_javanese_locatives_are_cues(gaz, text, expected):
    assert kabkota(gaz, text) == expected


@pytest.mark.parametrize("text", [
    "wis tak omongke nang kancaku, ra ono sing ngurus",  # no place
    "neng Lilis bilang listrik sering padam",  # Sundanese "neng" (miss) is no cue
])
def test_javanese_locatives_alone_locate_nothing(gaz, text):
    assert code_of(gaz, text) is None


@pytest.mark.parametrize("text, expected", [
    ("bantuan untuk korban gempa palu belum sampai", "7271"),  # "palu" is also a hammer
    ("korban banjir bekasi belum dapat bantuan", "3275"),
])
def test_a_disaster_is_named_after_the_kabkota_it_struck(gaz, text, expected):
    assert kabkota(gaz, text) == expected


@pytest.mark.parametrize("text", [
    "korban gempa bumi belum dapat bantuan",
    "banjir bandang semalam, rumah kami terendam",
    "palu dan paku hilang dari gudang, gempa kecil semalam",  # the hammer, away from the disaster word
])
def test_a_disaster_word_alone_locates_nothing(gaz, text):
    assert code_of(gaz, text) is None


@pytest.mark.parametrize("text, expected", [
    ("pungutan di SMAN 1 Batang 2 juta", "3325"),  # "batang" (a stem) needs a kab cue alone
    ("anak saya di smpn 3 mtr diminta uang seragam", "5271"),  # Mataram's SMS shorthand
    ("guru honorer sman 2 metro belum digaji", "1872"),
])
def test_a_state_schools_number_comes_before_its_kabkota(gaz, text, expected):
    assert kabkota(gaz, text) == expected


@pytest.mark.parametrize("text", [
    "mtr saya mogok, bengkel tutup",  # "motor"
    "helm tertinggal di mtr teman",
    "batang pohon tumbang di depan sdn 4",
])
def test_a_schools_cue_does_not_reach_other_words(gaz, text):
    assert code_of(gaz, text) is None


def test_the_stem_of_kelurahan_split_into_new_and_old_names_their_kecamatan(gaz):
    # Talang Rimbo Baru and Talang Rimbo Lama, both of Curup Tengah (Rejang Lebong).
    assert code_of(gaz, "longsor di kelurahan talang rimbo") == "170219"
    assert code_of(gaz, "jalan baru dibangun, yang lama rusak") is None


@pytest.mark.parametrize("text, expected", [
    ("Kabupaten Manggarai kekurangan guru", "5310"),
    ("jalan rusak di Manggarai, NTT", "5310"),  # a place of the kabupaten's own named too
    ("jalan rusak di manggarai, ruteng", "5310"),
    ("bupati Manggarai belum menanggapi", "5310"),
    ("genangan di Manggarai, Tebet", "3174"),  # a Jakarta place named too
    ("genangan di Manggarai Barat", "5315"),  # another kabupaten's full name is no namesake
])
def test_a_kabupaten_named_like_a_jakarta_kelurahan_with_context(gaz, text, expected):
    assert kabkota(gaz, text) == expected


@pytest.mark.parametrize("text", [
    "tawuran pelajar di Manggarai tadi malam",  # Kelurahan Manggarai (Jakarta Selatan) or Kabupaten Manggarai?
    "timah di Bangka makin habis",  # Kelurahan Bangka (Mampang Prapatan) or the island's kabupaten?
])
def test_a_kabupaten_named_like_a_jakarta_kelurahan_alone_locates_nothing(gaz, text):
    assert code_of(gaz, text) is None


@pytest.mark.parametrize("text", [
    "antri taksi di bandara lama sekali",  # Kelurahan Bandara (Samarinda) before round 8
    "anak jalanan tidur di kolong jembatan",
    "pungli di perbatasan kota, sopir truk diperas",
    "sampah menumpuk di waduk, bau sekali",
    "penghulu minta biaya transport",
    "wis suwe durung didandani, nang embong akeh bolongan",  # Javanese "not yet", "the road"
])
def test_everyday_words_that_name_one_desa_locate_nothing_alone(gaz, text):
    assert code_of(gaz, text) is None


@pytest.mark.parametrize("text, expected", [
    ("lampu jalan di desa Bandara mati", "6472"),  # a marker still reads the desa
    ("banjir di kelurahan semanggi, jebres", "3372"),  # and so does its kecamatan
])
def test_a_desa_named_like_an_everyday_word_is_read_with_a_marker(gaz, text, expected):
    assert kabkota(gaz, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("spbu km 10 bpn tutup terus", "6471"),  # Balikpapan's kilometre posts
    ("jalan km 3 Balikpapan berlubang", "6471"),
    ("macet panjang di kota bpn", "6471"),
])
def test_a_kilometre_post_comes_before_its_town(gaz, text, expected):
    assert kabkota(gaz, text) == expected


@pytest.mark.parametrize("text", [
    "sertifikat tanah di bpn belum jadi 2 tahun",  # Badan Pertanahan Nasional
    "Kantor BPN minta uang pelicin",
    "antrean 5 km di tol, truk tidak bergerak",
])
def test_the_land_agency_is_not_balikpapan(gaz, text):
    assert code_of(gaz, text) is None


@pytest.mark.parametrize("text, expected", [
    ("villa liar di Puncak Bogor makin banyak", "3201"),  # the Puncak area is the kabupaten's, not Kota Bogor's
    ("angkot ngetem di terminal dago", "3273"),
])
def test_round8_landmarks(gaz, text, expected):
    assert kabkota(gaz, text) == expected
