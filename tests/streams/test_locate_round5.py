"""Classes of region error read off the tuning sets (issue #14, region round 5), one test per class: a government
handle that shortens its name, a kab/kota named by its station or terminal, a kecamatan opening with a cue word
that makes no other reading, the kabupaten's police and villages, a people's name, a river named after a desa, a
kecamatan "<town> X" written "X", "psr" for "pasar", and the round's aliases and landmarks. The texts are written
for the tests, not copied from a tuning set."""

from __future__ import annotations

import pytest

from tests.streams.test_locate import code_of, gaz  # noqa: F401 (gaz is the shared module fixture)


def kabkota(gaz, text):
    return (code_of(gaz, text) or "")[:4] or None


@pytest.mark.parametrize("text, expected", [
    ("jalan kampung rusak, mohon dicek @pemkabtasik", "3206"),  # Kabupaten Tasikmalaya
    ("trotoar dipakai parkir @pemkotsemar", "3374"),
    ("lampu jalan mati @pemkabbandu", None),  # Bandung or Bandung Barat: neither
    ("lampu jalan mati @pemkabbanyuw", "3510"),
])
def test_a_government_handle_may_shorten_its_name(gaz, text, expected):
    assert kabkota(gaz, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("calo tiket berkeliaran di terminal Baubau", "7472"),  # Kota Baubau, not the desa Bau-Bau in Wajo
    ("toilet stasiun bogor kotor sekali", "3271"),
    ("antrean panjang di terminal Tegal tiap jumat", "3376"),  # the city's terminal (bare-name rule)
])
def test_a_station_or_terminal_named_after_a_kabkota_is_in_it(gaz, text, expected):
    assert kabkota(gaz, text) == expected


def test_a_kecamatan_opening_with_a_cue_word_stands_when_the_cue_reading_names_nothing(gaz):
    assert code_of(gaz, "banjir di Kota Raja sejak subuh") == "537105"  # Kecamatan Kota Raja, Kota Kupang
    assert code_of(gaz, "banjir di Kota Padang sejak subuh") == "1371"  # the kota, not Kecamatan Kota Padang


@pytest.mark.parametrize("text, expected", [
    ("pungli pembuatan SIM di Polres Sukabumi", "3202"),
    ("pungli pembuatan SIM di Polres Sukabumi Kota", "3272"),
    ("laporan saya tidak ditanggapi Polres Metro Bekasi Kota", "3275"),  # not Kota Metro (Lampung)
    ("pungli pembuatan SIM di Sukabumi", "3272"),  # no police word: the kota, as before
])
def test_a_polres_is_the_kabupatens_police(gaz, text, expected):
    assert kabkota(gaz, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("dana desa di Probolinggo tidak jelas penggunaannya", "3513"),
    ("kades di bima menahan bantuan warga", "5206"),
    ("ada pungli di Probolinggo, tolong", "3574"),  # no desa said: the kota, as before
    ("desa wisata di Batu sepi pengunjung", "3579"),  # Kota Batu has desa of its own
])
def test_a_text_about_a_desa_reads_a_shared_name_as_the_kabupaten_when_the_kota_has_none(gaz, text, expected):
    assert kabkota(gaz, text) == expected


def test_a_people_named_after_a_place_is_not_where_the_problem_is(gaz):
    # Kota Banjarmasin, not Kota Banjar (Jawa Barat): "Urang Banjar" are the Banjarese.
    assert kabkota(gaz, "Urang Banjar bayar ledeng tiap bulan, tapi PDAM Banjarmasin mati terus") == "6371"
    assert kabkota(gaz, "Orang Padang yang merantau mengeluh: jalan di Pekanbaru berlubang") == "1471"


def test_a_river_named_after_a_desa_is_the_river(gaz):
    assert code_of(gaz, "sampah menumpuk di Sungai Ciwulan") is None  # not the desa Ciwulan in Karawang
    assert code_of(gaz, "sampah menumpuk di Ciwulan") == "3215172012"


@pytest.mark.parametrize("text, expected", [
    ("jalan berlubang di Marelan dekat pasar", "127112"),  # Medan Marelan
    ("banjir lagi di tembung, air masuk rumah", "127114"),  # Medan Tembung
    ("TKI di Johor belum digaji", None),  # the Malaysian state (name_policy), not Medan Johor
    ("kertas amplas habis di toko", None),  # sandpaper
])
def test_a_kecamatan_named_after_its_town_is_written_by_its_other_word(gaz, text, expected):
    assert code_of(gaz, text) == expected


def test_psr_is_pasar_in_a_kecamatan_name(gaz):
    assert code_of(gaz, "sampah di psr minggu jkt tidak diangkut") == "317404"


@pytest.mark.parametrize("text, expected", [
    ("jalan tambang rusak di Tanbu", "6310"),
    ("guru honorer di TTS belum digaji", "5302"),
    ("main tts di hp", None),
    ("rincian biaya sbb: pendaftaran 50rb", None),
    ("tidak ada sinyal di sbb", "8106"),
    ("air mati tiga hari @pdambandarmasih", "6371"),
    ("sinyal hilang di Blok M", "3174"),
    ("tiket masuk Kete Kesu naik", "7326"),
    ("cat Istano Basa Pagaruyung mengelupas", "1304"),
    ("sampah di pantai Jimbaran", "5103"),
    ("depo sampah dekat Mandala Krida penuh", "3471"),
    ("jukir liar di Tepian Mahakam", "6472"),  # not the desa Tepian in Nunukan
    ("rob di Tambak Lorok tidak surut", "3374"),
])
def test_round5_aliases_and_landmarks(gaz, text, expected):
    assert kabkota(gaz, text) == expected


@pytest.mark.parametrize("text, expected", [
    # Ambon Malay (beta, seng, bukang): the Batu Meja of Kota Ambon; "batu meja" alone is two everyday words.
    ("beta pung rumah di batu meja seng dapa aer, bukang satu hari", "8171021015"),
    ("meja batu di taman rusak", None),
    # Banjarese (kada, pian): Martapura of Kabupaten Banjar, not of OKU Timur; without them, neither.
    ("jalan di martapura becek, pian kada percaya kah", "630305"),
    ("jalan di martapura becek", None),
    # Balinese (suksma): Dalung in Badung, not the kelurahan Dalung of Kota Serang.
    ("lampu jalan di dalung mati, suksma", "5103062006"),
    ("lampu jalan di dalung mati", None),
    # Minangkabau (indak, aia): "air tawar barat" is Air Tawar Barat, Padang Utara.
    ("aia indak mangalia di air tawar barat", "1371041002"),
    # Papuan Malay alone places nothing: "kapal perintis" is an everyday phrase, not the desa Perintis.
    ("kapal perintis su lama tra datang, sa pu barang tra bisa kirim", None),
])
def test_a_regional_language_chooses_among_the_namesakes_it_names(gaz, text, expected):
    assert code_of(gaz, text) == expected


def test_one_regional_word_that_is_also_indonesian_is_not_enough(gaz):
    assert gaz._language_provinces(["atap", "seng", "bocor"]) == frozenset()
    assert gaz._language_provinces(["beta", "seng", "bocor"]) == {"81", "82"}
    assert gaz._language_provinces(["suksma"]) == {"51"}


def test_a_hero_street_name_is_not_the_desa_of_that_name(gaz):
    assert code_of(gaz, "macet parah di sudirman tiap sore") is None  # not the desa Sudirman in Maros


@pytest.mark.parametrize("text, expected", [
    # No kelurahan is called Banjarmasin (two rural desa are, in Lampung and Banten): the kelurahan office in the kota.
    ("ngurus surat pindah di kelurahan Banjarmasin lama sekali", "6371"),
    ("antre di kel tebet dari pagi", "317401"),  # no desa or kelurahan Tebet: the kecamatan
    ("ds Bandung banjir", None),  # fifteen desa Bandung: a desa, not Kota Bandung
    ("jalan Bandung rusak", None),  # a street, as before
    ("gizi buruk di kampung-kampung Asmat", "9304"),  # the villages of Asmat, not a kampung named Asmat
])
def test_a_region_name_after_a_village_marker_no_village_has(gaz, text, expected):
    assert code_of(gaz, text) == expected


def test_a_kelurahan_marker_chooses_the_kelurahan_among_desa_namesakes(gaz):
    # Karanganyar: many rural desa, one kelurahan in Subang.
    assert code_of(gaz, "kelurahan karanganyar subang, air mati") == "3213031004"
    # A kecamatan name some desa has stays that desa's after a kelurahan marker, not the kecamatan elsewhere.
    assert code_of(gaz, "Jalan di Kelurahan Gunung Terang, Langkapura rusak")[:4] == "1871"


@pytest.mark.parametrize("text, expected", [
    ("jalan di lubuak buayo rusak bana", "1371111009"),  # Lubuk Buaya, Koto Tangah, Kota Padang
    ("atok pasa lubuak basuang bocor", "130602"),  # Lubuk Basung, Agam
    # Spelled the Indonesian way it is two everyday words (a crocodile pool), read only inside a named region; the
    # Minangkabau spelling is no Indonesian phrase, and only West Sumatra's names are indexed so.
    ("jalan di lubuk buaya rusak", None),
    ("jalan di lubuk buaya, padang rusak", "1371111009"),
])
def test_a_west_sumatran_name_is_read_as_minangkabau_says_it(gaz, text, expected):
    assert code_of(gaz, text) == expected


def test_a_landfill_serving_one_city_names_it(gaz):
    assert kabkota(gaz, "bau TPA Cipeucang sampai ke rumah") == "3674"
    # Sarimukti (Bandung Barat) serves Bandung Raya: not a landmark, the kelurahan named decides.
    assert kabkota(gaz, "tpa sarimukti penuh, sampah di cijerah tidak diangkut") == "3273"


@pytest.mark.parametrize("text, expected", [
    ("listrik mati terus di marpoyan", "147109"),  # Marpoyan Damai, Kota Pekanbaru
    ("macet di kebayoran tiap sore", "3174"),  # Kebayoran Lama or Baru: their kota
    ("sampah di cipocok belum diangkut", "367305"),  # Cipocok Jaya, Kota Serang
])
def test_a_kota_kecamatan_whose_second_word_is_everyday_is_written_by_its_first(gaz, text, expected):
    assert code_of(gaz, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("balap liar di jln margonda tiap malam", "3276"),
    ("pju jl tlogomas mati", "3573"),
    ("parkir liar di jalan braga", "3273"),
    ("ijazah ditahan sekolah di plg", "1671"),
    ("sy plg kerja jam 5 jalan gelap", None),  # "pulang"
])
def test_round5_streets_one_city_is_known_by_and_plg(gaz, text, expected):
    assert kabkota(gaz, text) == expected


def test_a_self_correction_replaces_the_place_named_before(gaz):
    text = "Trotoar di Jalan Margonda, eh maaf, maksud saya di Kemang, Jakarta Selatan, dipakai parkir"
    assert kabkota(gaz, text) == "3174"
    assert kabkota(gaz, "Trotoar di Jalan Margonda dipakai parkir, maksud saya tolong ditertibkan") == "3276"


@pytest.mark.parametrize("text, expected", [
    ("ada calo di samsat plg minta 50rb", "1671"),  # "plg" needs a cue: the Samsat's region is one
    ("dishub batu tidak menertibkan parkir", "3579"),  # an everyday-word kota after its agency
    ("air mati terus, pdam tirtanadi gimana ini", None),  # the company's name, not the desa Tirtanadi (NTB)
])
def test_a_kabkota_named_after_its_agency_is_read_as_after_di(gaz, text, expected):
    assert kabkota(gaz, text) == expected
