"""LOCATE: the gazetteer's contents, the kab/kota rules, aliases, ordinary-word traps and the labelled set."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from streams.locate import Gazetteer, evaluate_regions, timezone_of

LABELLED = Path(__file__).resolve().parents[2] / "streams" / "data" / "locate_labelled.jsonl"


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def code_of(gaz: Gazetteer, text: str, hint: str | None = None) -> str | None:
    region = gaz.locate(text, hint)
    return region.code if region else None


# -- contents -------------------------------------------------------------------------------------------------


def test_has_38_provinces_514_kabkota_and_the_kecamatan(gaz):
    levels = [r.level for r in gaz.regions.values()]
    assert levels.count("provinsi") == 38
    assert levels.count("kabkota") == 514
    assert levels.count("kecamatan") == 7285


@pytest.mark.parametrize("code, name", [
    ("3273", "Kota Bandung"),
    ("3204", "Kabupaten Bandung"),
    ("3171", "Kota Administrasi Jakarta Pusat"),
    ("3174", "Kota Administrasi Jakarta Selatan"),
    ("3471", "Kota Yogyakarta"),
    ("3372", "Kota Surakarta"),
    ("93", "Papua Selatan"),
    ("96", "Papua Barat Daya"),
])
def test_kemendagri_codes(gaz, code, name):
    assert gaz.by_code(code).name == name


def test_by_code_fills_the_parents_and_accepts_dots(gaz):
    kec = gaz.by_code("32.73.02")
    assert (kec.name, kec.level, kec.kabkota_code, kec.kabkota_name, kec.province_code, kec.province_name) == (
        "Coblong", "kecamatan", "3273", "Kota Bandung", "32", "Jawa Barat")
    assert kec.label == "Coblong, Kota Bandung, Jawa Barat"
    assert gaz.by_code("9999") is None


def test_load_is_cached():
    assert Gazetteer.load() is Gazetteer.load()


# -- kab/kota and aliases -------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    ("jalan rusak di Bandung", "3273"),  # bare name shared by kota and kabupaten → kota
    ("jalan rusak di Kabupaten Bandung", "3204"),
    ("kab. bandung banjir", "3204"),
    ("kota bandung banjir", "3273"),
    ("warga Bandung Barat mengeluh", "3217"),
    ("Kab Bandung Barat", "3217"),
    ("jl rusak di bogor", "3271"),
    ("Pemkab Bogor lambat", "3201"),
    ("jambi banjir", "1571"),  # province and its capital share the name → the kota
    ("Provinsi Jambi", "15"),
])
def test_kab_versus_kota(gaz, text, expected):
    assert code_of(gaz, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("macet parah di jaksel", "3174"),
    ("jakpus banjir", "3171"),
    ("jaktim", "3175"),
    ("jakbar", "3173"),
    ("jakut rob", "3172"),
    ("Jakarta Selatan", "3174"),
    ("kota administrasi jakarta timur", "3175"),
    ("jogja macet", "3471"),
    ("Yogya panas", "3471"),
    ("provinsi jogja", "34"),
    ("DIY", "34"),
    ("di Solo ada pungli", "3372"),
    ("tangsel", "3674"),
    ("cikarang macet", "3216"),
    ("Tanjungpinang air mati", "2172"),
    ("jabar", "32"),
    ("sulsel", "73"),
])
def test_aliases(gaz, text, expected):
    assert code_of(gaz, text) == expected


# -- kecamatan ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    ("sampah numpuk di kec. Coblong", "327302"),
    ("cicendo macet", "327306"),  # unique, not an ordinary word: stands alone
    ("Soreang, Bandung", "320437"),  # the kecamatan decides between Kota and Kabupaten Bandung
    ("Sukasari, Bandung", "327301"),  # four Sukasari; only one in a Bandung
    ("Depok, Sleman", "340407"),  # Depok the kecamatan, not Kota Depok
    ("Menteng, Jakarta Pusat", "317106"),
    ("Pasar Minggu macet", "317404"),
    ("di Bogor Barat jalan rusak", "327104"),
])
def test_kecamatan_gives_its_kabkota(gaz, text, expected):
    region = gaz.locate(text)
    assert region.code == expected
    assert region.kabkota_code == expected[:4]


def test_an_ambiguous_kecamatan_alone_is_not_guessed(gaz):
    assert code_of(gaz, "banjir di sukasari") is None  # four kecamatan share the name


def test_a_kabupaten_named_like_its_own_kecamatan_stays_the_kabupaten(gaz):
    assert code_of(gaz, "Kendal banjir") == "3324"


def test_cue_word_kecamatan_yields_to_the_cue(gaz):
    # "Kota Padang" is also a kecamatan in Bengkulu; in text it is the city.
    assert code_of(gaz, "Pelayanan di Kota Padang buruk") == "1371"


# -- traps ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "nasib malang warga miskin",
    "batu bara langka, listrik padam",
    "konser solo bikin macet",
    "harga nasi padang naik",
    "Pak Bambang tidak pernah datang",
    "tanggal 5 Juli belum ada kabar",
    "pasar baru sepi karena pungli",
    "di tengah kota banyak parkir liar",
    "sungai penuh sampah plastik",
    "sinyal hilang di puncak bukit",
    "sampah di batang pohon dibakar",
    "buru-buru berangkat kerja",
])
def test_ordinary_words_do_not_fire(gaz, text):
    assert code_of(gaz, text) is None


@pytest.mark.parametrize("text, expected", [
    ("jalan di kota batu rusak", "3579"),
    ("tinggal di Malang", "3573"),
    ("Malang, 3 Mei 2024. Jalan berlubang", "3573"),
    ("JALAN RUSAK DI MALANG", "3573"),
    ("Banjar, Kalsel: jalan rusak", "6303"),  # an ordinary word confirmed by its province
])
def test_ordinary_word_names_fire_with_a_cue(gaz, text, expected):
    assert code_of(gaz, text) == expected


def test_street_and_village_names_are_not_regions(gaz):
    assert code_of(gaz, "Jl. Surabaya no. 12 Kota Bandung") == "3273"
    assert code_of(gaz, "rumah di jalan bandung no 4") is None
    assert code_of(gaz, "desa sukamaju kec cileunyi") == "320405"


# -- hint -----------------------------------------------------------------------------------------------------


def test_hint_is_the_answer_when_the_text_names_nothing(gaz):
    assert code_of(gaz, "jalan berlubang depan rumah", "3273") == "3273"


def test_hint_narrows_candidates_and_text_refines_it(gaz):
    assert code_of(gaz, "sampah di coblong", "3273") == "327302"
    assert code_of(gaz, "banjir di bandung", "3204") == "3204"
    assert code_of(gaz, "banjir di surabaya", "3204") == "3204"  # contradicting text loses to the form


# -- time zones -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("code, zone", [
    ("3273", "Asia/Jakarta"), ("61", "Asia/Jakarta"), ("6271", "Asia/Jakarta"),  # Kalbar, Kalteng: WIB
    ("51", "Asia/Makassar"), ("6471", "Asia/Makassar"), ("737109", "Asia/Makassar"), ("65", "Asia/Makassar"),
    ("81", "Asia/Jayapura"), ("9171", "Asia/Jayapura"), ("96", "Asia/Jayapura"),
])
def test_timezone_of(code, zone):
    assert timezone_of(code) == zone


def test_timezone_of_nothing_is_jakarta_and_of_garbage_an_error():
    assert timezone_of(None) == "Asia/Jakarta"
    with pytest.raises(ValueError):
        timezone_of("99")


# -- measured -------------------------------------------------------------------------------------------------


def test_region_accuracy_on_the_labelled_set():
    records = [json.loads(line) for line in LABELLED.read_text(encoding="utf-8").splitlines()]
    assert len(records) >= 150
    result = evaluate_regions(records)
    assert result["accuracy"] >= 0.90, result["errors"]
    assert result["false_positive_rate"] <= 0.10, result["errors"]


def test_evaluate_regions_counts_misses_and_false_positives(gaz):
    result = evaluate_regions([
        {"text": "jalan di kota bandung", "region_code": "3273"},
        {"text": "jalan di kota bandung", "region_code": "3204"},
        {"text": "jalan di jaksel", "region_code": None},
        {"text": "listrik padam", "region_code": None},
    ], gaz)
    assert (result["accuracy"], result["province_accuracy"], result["false_positive_rate"]) == (0.5, 1.0, 0.5)
    assert len(result["errors"]) == 2


# -- two places in one text ------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    # Where someone moves from or to ranks after where the problem is ("di", or no cue at all).
    ("Saya pindah dari Kota Ternate ke Kota Bitung, di Disdukcapil Bitung berkas saya ditolak", "7172"),
    ("Dokter spesialis di RSUD Kotamobagu jarang ada, pasien dirujuk ke Manado", "7174"),
    ("Saya berdomisili di Kota Bekasi, jalan di Kota Bogor depan kantor saya rusak", "3271"),
    # Alone, such a place still stands.
    ("Saya warga Kota Bekasi, jalan depan rumah rusak", "3275"),
    ("pindah ke Kota Bitung tapi KK belum terbit", "7172"),
    # The places named where the problem is decide, whatever level the other places were named at.
    ("Saya tinggal di Kabupaten Bandung, tapi masalahnya di Kelurahan Pemecutan, Denpasar Barat", "5171031007"),
    ("Pungli di jembatan timbang Subah, Batang. Kami sopir dari Jakarta ke Surabaya", "332509"),
    # A route names its two ends: a place named on its own beats them ...
    ("bus Jakarta–Palembang mogok, penumpang terlantar di Bakauheni", "1801"),
    # ... a province alone does not, and a dash inside one name ("Toli-Toli") is no route.
    ("Speedboat Ternate–Sofifi penuh sesak #Malut", "8271"),
    ("jalan rusak di Toli-Toli", "7204"),
    # "Saya warga X" is the writer's home; "Warga X" who it happens to.
    ("Saya warga Kota Bekasi, jalan di Kota Bogor depan kantor saya rusak", "3271"),
    ("Warga Kabupaten Malang di pesisir selatan kesulitan air bersih.", "3507"),
])
def test_the_place_of_the_problem_beats_the_place_someone_comes_from_goes_to_or_lives(gaz, text, expected):
    assert code_of(gaz, text) == expected


def test_a_capitalised_desa_name_the_country_has_once_stands_alone(gaz):
    assert code_of(gaz, "Guru kelas 3 di SD Inpres Hamadi sudah sebulan tidak hadir") == "9171021006"
    # Lowercase, or a place someone goes to, it does not: "ke Jepang" is not the desa Jepang in Kudus.
    assert code_of(gaz, "guru kelas 3 di sd inpres hamadi tidak hadir") is None
    assert code_of(gaz, "Lowongan kerja ke Jepang ternyata penipuan") is None


@pytest.mark.parametrize("text, expected", [
    ("Batu makin padet, macet Jl. Diponegoro tiap weekend @pemkotbatu ada solusi ga sih", "3579"),
    ("macet di jalan utama tiap sore #kotabatu", "3579"),
    ("jalan rusak parah dari kapan tau @pemkabbekasi", "3216"),
    ("jalan rusak parah dari kapan tau @pemkotbekasi", "3275"),
    ("Woi @pemkomedan jalan di kampung kami kayak kubangan kerbau", "1271"),
    ("banjir lagi @PemkabBandung tolong", "3204"),
    # The handle names the kab/kota; a kelurahan the text names inside it is still the finer answer.
    ("Rob meneh neng Tanjung Mas, omah kelem @pemkotsemarang", "3374021008"),
    # A local agency's handle, with the city's name or its SMS shorthand; an alias under a government prefix.
    ("pajak restoran tanpa struk @bapendasurabaya", "3578"),
    ("banyu mati maneh @pdamsby", "3578"),
    ("reklame kena pajak @pemkotjogja", "3471"),
    # A name shared by a kota and a kabupaten under an agency prefix: neither, unless the handle says whose.
    ("sampah numpuk @dlhbandung", None),
    ("ormas bikin portal, ditarik 2rb @satpolppkotabogor", "3271"),
    ("longsor di kampung kami @bpbdkabbogor", "3201"),
    ("lampu jalan mati @dishubkotabdg", "3273"),
    # Not a government's handle: nothing is read from it.
    ("halo @kotaku #pemkotlah", None),
    ("jalan rusak @pemkotbekasi_official", None),
    ("kok @pemkotbatu2 ga jawab", None),
])
def test_a_tagged_government_handle_names_its_kab_kota(gaz, text, expected):
    assert code_of(gaz, text) == expected


@pytest.mark.parametrize("text, expected", [
    # SMS opens with its place, lowercase, as a dateline does capitalised: an everyday word there is the place.
    ("padang, sampah di pasar raya indak diangkuik 5 hari", "1371"),
    ("batu: macet parah tiap weekend", "3579"),
    # Not at the opening, or not followed by the heading's comma: the usual caution.
    ("padang rumput di belakang rumah terbakar", None),
    ("Kelurahan Sumur Batu, Kemayoran", "3171031007"),
])
def test_a_lowercase_heading_that_opens_an_sms_names_its_place(gaz, text, expected):
    assert code_of(gaz, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("jl a yani smd bnjr 60cm, gk bs lewat", "6472"),
    ("jalan rusak di bjm", "6371"),
    ("sertifikat halal umkm sy di mdn blm kluar", "1271"),
    # "pdg bulan" is Padang Bulan in Medan, so "pdg" is no shorthand for Kota Padang.
    ("jl jamin ginting pdg bulan lobang besar", None),
])
def test_sms_shorthands_of_big_cities(gaz, text, expected):
    assert code_of(gaz, text) == expected
