"""Classes of region error read off tuning/independent_i (issue #14, region round 6), one test per class: a kab/kota
split off another and called by its parent's name, a route named after where it goes ("jalur X"), a street named
after another city ("Jl. Terusan X"), offices named after their kecamatan or kelurahan (KUA, Polsek, puskesmas), a
name shared by a kota and a kabupaten settled by a desa in one of them, a city's part named by a direction that is
also a desa elsewhere, a route end of two words, and the round's spellings. The texts are written for the tests,
not copied from a tuning set."""

from __future__ import annotations

import pytest

from tests.streams.test_locate import code_of, gaz  # noqa: F401 (gaz is the shared module fixture)


def kabkota(gaz, text):
    return (code_of(gaz, text) or "")[:4] or None


@pytest.mark.parametrize("text, expected", [
    ("jalan berlubang di Parongpong, Bandung", "3217"),  # Bandung Barat, split from Kabupaten Bandung
    ("Pamulang, Tangerang macet tiap pagi", "3674"),  # Tangerang Selatan
    ("macet di Lembang, Kota Bandung", "3273"),  # a kota cue is taken at its word
])
def test_a_split_kabkota_is_called_by_its_parents_name(gaz, text, expected):
    assert kabkota(gaz, text) == expected


def test_a_line_named_after_where_it_goes_is_not_where_the_problem_is(gaz):
    assert kabkota(gaz, "eskalator di Tebet rusak, penumpang kereta jalur Bekasi kesulitan") == "3174"


@pytest.mark.parametrize("text, expected", [
    ("trotoar rusak di Jl. Terusan Bekasi, Kecamatan Coblong", "3273"),
    ("jalan lingkar Raha berlubang", "7403"),  # a town's ring road is in the town
])
def test_a_street_named_after_another_city(gaz, text, expected):
    assert kabkota(gaz, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("biaya nikah di kua gading cempaka mahal", "177102"),  # everyday words, but a KUA is a kecamatan's
    ("laporan saya tidak ditanggapi polsek kebon jeruk", "317305"),
    ("laporan tidak ditanggapi Polsek Metro Tanah Abang", "3171"),  # not Kota Metro
])
def test_offices_one_per_kecamatan_name_the_kecamatan(gaz, text, expected):
    assert code_of(gaz, text) == expected


def test_a_puskesmas_stands_in_the_kelurahan_it_is_named_after(gaz):
    assert kabkota(gaz, "antrean di puskesmas oesapa lama sekali") == "5371"


def test_a_desa_in_the_kabupaten_chooses_it_over_the_kota_of_the_same_name(gaz):
    assert kabkota(gaz, "Banjir di Pelamunan, Serang") == "3604"  # side by side (read so before round 6)
    assert kabkota(gaz, "Banjir di Pelamunan sudah tiga hari #Serang") == "3604"
    assert kabkota(gaz, "Banjir di Pelamunan sudah tiga hari, tolong pemda Serang bertindak") == "3604"
    assert kabkota(gaz, "Banjir lagi di #Serang") == "3673"  # the bare name is still the kota


@pytest.mark.parametrize("text, expected", [
    ("antre lama di Samsat Surabaya Timur", "3578"),  # not the desa Surabaya Timur in OKU Selatan
    ("kabel menjuntai di sukabumi selatan kebon jeruk", "3173"),  # the kelurahan, inside the kecamatan named
    ("manggarai selatan banjir lagi", "3174"),  # a kabupaten's name: the kelurahan (Tebet) is read as before
])
def test_a_citys_part_named_by_a_direction(gaz, text, expected):
    assert kabkota(gaz, text) == expected


def test_a_route_end_of_two_words_is_a_route_end(gaz):
    assert kabkota(gaz, "kapal Dumai–Tanjung Buton terlambat") == "1472"  # not Kabupaten Buton


@pytest.mark.parametrize("text, expected", [
    ("antre lama di RSUD Prof. Margono Soekarjo", "3302"),  # "prof" without "dr", and "Prof." ends no sentence
    ("angkot ngetem di terminal kp rambutan", "3175"),  # "kp" for "kampung" inside a landmark
    ("murid di Tasik dipungut", "3278"),
    ("airnya keruh, tasik itu kotor sekali", None),  # Malay 'lake': lowercase, without a cue, it names nothing
    ("air mati di Wonosari", "3403"),  # Gunungkidul's seat
    ("air mati di Wonosari, Malang", "3507"),  # the kecamatan named with its kab/kota
    ("pungli puskesmas di Soreang", "3204"),
])
def test_round6_spellings(gaz, text, expected):
    assert kabkota(gaz, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("anak saya ditolak di SDN Mekarjaya 5 padahal dekat", None),  # 49 desa Mekarjaya; not Kecamatan Mekarjaya
    ("atap SMPN 2 Mekarjaya bocor, Kabupaten Pandeglang", "360130"),  # the kecamatan, inside its kabupaten
    ("jalan rusak di Mekarjaya, Pandeglang", "360130"),
])
def test_a_school_is_named_after_its_desa_not_a_kecamatan_of_that_name(gaz, text, expected):
    assert code_of(gaz, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("kagak kuat aye transit di Manggarai, desek-desekan", "3174"),  # Betawi: the kelurahan in Tebet
    # no language: Kabupaten Manggarai (NTT) or Kelurahan Manggarai (Tebet)? Neither (region round 8; 5310 before).
    ("jalan rusak parah di Manggarai, mohon diperbaiki", None),
    ("smpah psr minggu numpuk dak diangkut, bau nian", None),  # a weak kecamatan reading is not replaced
])
def test_the_texts_language_chooses_a_desa_over_a_kabkota_far_away(gaz, text, expected):
    assert kabkota(gaz, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("banyu pdam di kelayan mati dua hari", "637101"),  # Kelayan Barat/Timur/Tengah/Selatan/Dalam: one kecamatan
    ("nelayan Desa Eretan minta kejelasan tanah timbul", "321221"),  # Eretan Kulon/Wetan, Kandanghaur
])
def test_the_stem_of_kelurahan_split_by_a_direction_names_their_kecamatan(gaz, text, expected):
    assert code_of(gaz, text) == expected


def test_kab_before_a_kotas_short_name_is_the_kabupaten(gaz):
    assert kabkota(gaz, "ngurus kk di dukcapil kab tasik lama") == "3206"
    assert kabkota(gaz, "pbb di kab crb naik") == "3209"
