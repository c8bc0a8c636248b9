"""Kinds of region error read off tuning/independent_m (region round 11), one test per kind, each with texts that must
stay unlocated or coarse: everyday words that are one place's name ("peninjauan", "penggilingan", SIAK), landmarks and
water companies the gazetteer lacked, the handles of Jakarta's suku dinas and of other city offices, a utility's unit
named after a city that serves its whole province ("@pln_jogja"), a kelurahan written apart whose namesake is written
joined ("Harapan Jaya" / "Harapanjaya"), a capitalised multi-word desa name of ordinary words the country has once, a
unique desa name after a market, depot or block of flats, two kecamatan of different kab/kota named as strongly, a
Balinese "banjar" beside a desa one of whose namesakes is in Bali, and two spellings of kab/kota names ("limapuluh
kota", "Palangka"). The texts are written for the tests, not copied from a tuning set."""

from __future__ import annotations

import pytest

from tests.streams.test_locate import code_of, gaz  # noqa: F401 (gaz is the shared module fixture)


def kabkota(gaz, text):
    return (code_of(gaz, text) or "")[:4] or None


def test_everyday_words_that_are_a_place_name_name_nothing(gaz):
    # "Mohon peninjauan": a review, not Kecamatan Peninjauan (OKU); the kabupaten the text names stands.
    assert kabkota(gaz, "Beasiswa adik saya di Kabupaten Magelang dicabut. Mohon peninjauan.") == "3308"
    assert code_of(gaz, "Mohon peninjauan ulang keputusan ini.") is None
    # "usaha penggilingan padi": a rice mill, not the kelurahan Penggilingan (Cakung).
    assert code_of(gaz, "listrik sering padam, usaha penggilingan padi kami rugi") is None
    # SIAK, the population registry system, not Kabupaten Siak; the kelurahan named decides.
    assert kabkota(gaz, "siak offline trus di kel medan tembung, kk gk bs dicetak") == "1271"
    assert code_of(gaz, "siak error terus, data kk tidak bisa diinput") is None
    assert kabkota(gaz, "jalan rusak di siak sudah sebulan") == "1408"  # after a cue the kabupaten stays
    assert kabkota(gaz, "Jalan rusak di Kabupaten Siak sudah sebulan") == "1408"


@pytest.mark.parametrize("text, expected", [
    ("trafo dekat kampus UMY meledak tadi malam", "3402"),  # Tamantirto, Kasihan, Bantul
    ("tiang listrik di seturan miring", "3404"),  # Caturtunggal, Sleman
    ("bau busuk dari waduk pluit", "3172"),
    ("danau matano tercemar limbah tambang", "7324"),  # Luwu Timur
    ("antri obat di hasan sadikin 5 jam", "3273"),
    ("RSUD Wates menolak pasien BPJS", "3401"),  # Kulon Progo
    ("air tirtawening mati 4 hari", "3273"),
    ("air mati terus @tirtamusi", "1671"),
    ("underpass taman banjir lagi", "3515"),  # Sidoarjo
    ("saluran mampet di Jl. Tole Iskandar", "3276"),  # Depok
    ("party sampai subuh di pantai canggu", "5103"),  # Badung
])
def test_landmarks_of_round11(gaz, text, expected):
    assert kabkota(gaz, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("aspal ambrol di jalan depan sekolah @sudinbmjaktim", "3175"),
    ("lobang gede di jalan kampung @sudinbmjakbar", "3173"),
    ("jalan apa off road ini @dbmtkotabandung", "3273"),
    ("jalan ancur rek @sapawargasby", "3578"),
])
def test_city_office_handles_of_round11(gaz, text, expected):
    assert kabkota(gaz, text) == expected


def test_a_utility_unit_named_after_a_city_names_its_province(gaz):
    # PLN UP3 Yogyakarta serves all of DIY: "@pln_jogja" is the province, so a place in Sleman or Bantul decides.
    assert code_of(gaz, "listrik padam sejak pagi @pln_jogja") == "34"
    assert kabkota(gaz, "cagak listrik seturan miring @pln_jogja") == "3404"
    assert kabkota(gaz, "banjir di Jogja, pohon tumbang") == "3471"  # the bare city name stays the kota


def test_a_kelurahan_written_apart_counts_its_namesake_written_joined(gaz):
    # Harapanjaya (Bekasi Utara) and Harapan Jaya (Langkat) are both kelurahan: not Langkat's alone.
    assert kabkota(gaz, "tagihan listrik di Kelurahan Harapan Jaya naik") != "1205"
    assert kabkota(gaz, "tagihan listrik di Kelurahan Harapan Jaya, Langkat naik") == "1205"


@pytest.mark.parametrize("text, expected", [
    ("RT 04 RW 11 Pondok Benda air kering sejak Jumat", "3674"),  # Pamulang, Tangerang Selatan
    ("Air PDAM di Lubuk Buaya keruh sejak seminggu", "1371"),  # Koto Tangah, Padang
    ("Truk sampah buang lindi di Jl. KS Tubun Kedung Badak", "3271"),  # Tanah Sareal, Bogor
    ("SD negeri di Air Tawar Barat jadi parkiran", "1371"),
])
def test_a_capitalised_multiword_desa_name_the_country_has_once_stands_alone(gaz, text, expected):
    assert kabkota(gaz, text) == expected


@pytest.mark.parametrize("text", [
    "air di pondok benda kering",  # lowercase, every word an everyday word: no name
    "Pasar Baru ramai sekali hari ini",  # many desa of the name
    "Air Tawar dijual mahal",  # opening the text, and namesakes elsewhere
    "Lampu lalu lintas di Simpang Lima mati sejak pagi",  # any town's junction, not the desa of Kabupaten Banjar
    "Jalan di Gunung Putri Indah berlubang",  # a name opening with a natural feature's word
])
def test_ordinary_words_without_a_unique_capitalised_name_stay_unread(gaz, text):
    assert code_of(gaz, text) is None


def test_a_unique_desa_after_a_market_depot_or_flats_is_where(gaz):
    assert kabkota(gaz, "sampah di tps pasar sesetan meluber") == "5171"  # Denpasar Selatan
    assert kabkota(gaz, "debu batu bara di rusun marunda parah") == "3172"  # Cilincing
    # A name with namesakes stays unread after the market: Kota Magelang's Rejowinangun market is not Kotagede's.
    assert kabkota(gaz, "macet krn pasar rejowinangun tumpah ke jalan") is None


def test_two_kecamatan_of_different_kabkota_named_as_strongly_name_no_kabkota(gaz):
    # Siantan (Anambas, Kepri) and Pontianak Utara (Kota Pontianak, Kalbar): no guess between them.
    assert code_of(gaz, "Puskesmas Siantan di Pontianak Utara kekurangan obat.") is None
    # One kecamatan alone still stands, and two of one kab/kota are that kab/kota.
    assert kabkota(gaz, "Puskesmas di Pontianak Utara kekurangan obat.") == "6171"


def test_a_balinese_banjar_beside_a_desa_with_a_balinese_namesake_is_no_kota_banjar(gaz):
    assert kabkota(gaz, "Beach club di Canggu berisik sampai pagi, warga banjar tidak bisa tidur.") != "3279"
    assert kabkota(gaz, "warga banjar tidak bisa tidur, jalan di Banjar rusak") == "3279"  # no Bali: the kota


def test_spellings_of_kabkota_names_of_round11(gaz):
    assert kabkota(gaz, "jalan ke lembah harau limapuluh kota berlubang") == "1307"
    assert kabkota(gaz, "air PDAM di Menteng Palangka warnanya seperti teh") == "6271"
    assert kabkota(gaz, "banjir di Menteng, Jakarta Pusat") == "3171"
