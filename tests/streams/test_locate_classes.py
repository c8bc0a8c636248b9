"""Classes of region error read off the tuning sets (issue #14, region round 4), one test per class: sentence ends,
a province's handle, "Kepulauan X" written "X", the stem of split kecamatan, a place that closes an SMS, a dashed
route's everyday-word end, a province not confirming a kab/kota's own-name kecamatan, city nicknames and industrial
estates."""

from __future__ import annotations

import pytest

from tests.streams.test_locate import code_of, gaz  # noqa: F401 (gaz is the shared module fixture)


@pytest.mark.parametrize("text, expected", [
    # "ke kota. Batu ...": the cue "kota" ends a sentence, it does not make the next sentence's "Batu" Kota Batu.
    ("Kemarin saya ke kota. Batu berserakan di jalan, bahaya", None),
    # "di pasar. Minggu lalu": no name spans a full stop (not Kecamatan Pasar Minggu).
    ("Banjir di Jakarta Selatan. Di pasar. Minggu lalu juga begitu", "3174"),
    # An abbreviation's full stop ends no sentence.
    ("Kel. Sukaluyu, Bandung", "3273181002"),
    ("RSUD Dr. Moewardi antre lama", "3372"),
])
def test_no_cue_or_name_reads_across_a_sentence_end(gaz, text, expected):
    assert code_of(gaz, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Ada orang mabok palang jalan di Passo minta doi par lewat @poldamaluku polisi tolong ee", "8171032001"),
    ("Kampung Melayu banjir lagi, air sepinggang @BPBDJakarta @DKIJakarta tolong perahu karet!", "3175031001"),
    ("Pancing arah Percut rawan begal kali lah @poldasumut #begal", "1207262004"),
    ("jalan provinsi rusak parah @jabarprov", "32"),
])
def test_a_province_handle_names_the_province_and_places_its_desa(gaz, text, expected):
    assert code_of(gaz, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Yth. Bupati Mentawai, warga dusun belum punya akta kelahiran", "1309"),
    ("Sangihe listrik mati dari pagi", "7103"),
    ("kapal ke Selayar batal lagi", "7301"),  # the kabupaten, not the kecamatan Selayar of Lingga
    ("kembalian kurang uang seribu", None),  # not Kepulauan Seribu
])
def test_kepulauan_x_is_written_x(gaz, text, expected):
    assert code_of(gaz, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("mentawai siberut, guru tdk dtg ke sd 2 mgg", "1309"),  # five Siberut ... kecamatan: the kabupaten
    ("air di Mekarsari Tambun mati lagi udah 4 hari", "3216062007"),  # the desa in Tambun Selatan, Bekasi
    ("mau bikin kk di kec cibeunying, syaratnya apa", "3273"),  # Cibeunying Kaler / Kidul
    ("abu vulkanik merapi sampai ke atap", None),  # the volcano, not Merapi Barat/Timur in Lahat
])
def test_the_stem_of_kecamatan_split_by_direction_is_their_kabkota(gaz, text, expected):
    assert code_of(gaz, text) == expected


def test_a_lowercase_place_closing_an_sms_is_its_place(gaz):
    assert code_of(gaz, "wifi rumah mati sejak gempa kecil kmrn, teknisi blm dtg, palu") == "7271"
    assert code_of(gaz, "palu nya hilang dipinjam tetangga, tolong") is None


def test_an_everyday_word_at_one_end_of_a_dashed_route_is_a_place(gaz):
    assert code_of(gaz, "bus akap jurusan padang-pekanbaru ngebut ugal2an td mlm") == "1371"


def test_a_province_does_not_confirm_a_kabkota_own_name_kecamatan(gaz):
    text = "Kabut asap di Pekanbaru, sekolah libur lagi. Sumber api di Pelalawan katanya @pemprovriau"
    assert code_of(gaz, text)[:4] == "1471"
    assert code_of(gaz, "Cek fisik di Samsat Makassar dimintai 150rb @bapendasulsel") == "7371"


@pytest.mark.parametrize("text, kabkota", [
    ("macet parah di kota kembang tiap weekend", "3273"),
    ("banjir rob lagi di kota atlas", "3374"),
    ("Saya karyawan pabrik garmen di Kawasan Berikat Nusantara, Cakung. Upah di bawah UMP", "3172"),
    ("pabrik di MM2100 phk massal", "3216"),
    ("limbah pabrik di kawasan industri wijayakusuma", "3374"),  # Semarang's estate, not the kelurahan in Jakarta
])
def test_city_nicknames_and_industrial_estates(gaz, text, kabkota):
    assert (code_of(gaz, text) or "")[:4] == kabkota


@pytest.mark.parametrize("text, expected", [
    ("jln nasional jambi muaro bulian malem2 macet", "150403"),  # Muara Bulian, Batanghari (Jambi Malay "muaro")
    ("banjir rob di tj priok lagi", "317202"),
    ("gate tj perak sby ada pungli 25rb/truk", "3578121006"),  # Kelurahan Tanjung Perak, Surabaya
    ("macet di sei rampah", "121804"),
    ("lubang besar di jl jamin ginting pdg bulan", None),  # five Padang Bulan, two in kota: as unsure as spelled out
])
def test_a_shortened_or_respelled_first_word_reads_as_the_name(gaz, text, expected):
    assert code_of(gaz, text) == expected
