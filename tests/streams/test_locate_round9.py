"""Kinds of region error read off tuning/independent_k (region round 9), one test per kind, each with texts that must
not be located: the namesake's pilgrim title in a hospital's name ("RSUD Dr. H. X"), border posts and landmarks the
gazetteer lacked, stations and airports named bare in a text about trains or flights, station codes, a phrase that
hides a place name in it ("Rambu Solo"), a word that is a common noun in one province ("banjar" in Bali), the place
moved to ("pindah dari X ke Y"), shorthands, and regional words choosing among namesakes. The texts are written for
the tests, not copied from a tuning set."""

from __future__ import annotations

import pytest

from tests.streams.test_locate import code_of, gaz  # noqa: F401 (gaz is the shared module fixture)


def kabkota(gaz, text):
    return (code_of(gaz, text) or "")[:4] or None


@pytest.mark.parametrize("text, expected", [
    ("obat kemo kosong di RSUD Dr. H. Abdul Moeloek", "1871"),
    ("antrean rsud h abdul moeloek sampai siang", "1871"),
])
def test_a_hospital_is_named_with_its_namesakes_pilgrim_title(gaz, text, expected):
    assert kabkota(gaz, text) == expected


@pytest.mark.parametrize("text", [
    "H. Abdul minta uang rokok ke warga",  # a person with the title, no hospital
    "rumah sakit menolak pasien, kata dr. H. Ahmad kamar penuh",
])
def test_a_pilgrim_title_alone_locates_nothing(gaz, text):
    assert code_of(gaz, text) is None


@pytest.mark.parametrize("text, expected", [
    ("antrean di pos lintas batas motaain sampai sore", "5304"),  # PLBN Motaain, Belu (the desa Motaain is Malaka's)
    ("di PLBN Wini petugas minta uang", "5303"),
    ("kapal ke nusakambangan cuma sekali sehari", "3301"),
    ("parkir liar di anjungan losari", "7371"),
    ("bus telat di terminal purabaya", "3515"),  # Bungurasih, Sidoarjo, not Kecamatan Purabaya (Sukabumi)
    ("sampah numpuk di tukad badung", "5171"),
    ("nunggu kapal di pelabuhan baa dari pagi", "5314"),
])
def test_landmarks_of_round9_name_their_kabkota(gaz, text, expected):
    assert kabkota(gaz, text) == expected


@pytest.mark.parametrize("text", [
    "pos ronda di kampung kami tidak ada lampunya",  # no border post named
    "batas desa kami belum jelas, patok hilang",
])
def test_border_words_alone_locate_nothing(gaz, text):
    assert code_of(gaz, text) is None


@pytest.mark.parametrize("text, expected", [
    ("Transit di Manggarai penuh sesak. #KRL", "3174"),  # Stasiun Manggarai, not Kabupaten Manggarai (NTT)
    ("peron transit mri pagi ini bahaya, kereta telat", "3174"),  # MRI, Manggarai's KAI code
    ("baru mendarat di Juanda langsung dipalak taksi gelap", "3515"),  # Bandara Juanda, Sidoarjo
])
def test_a_bare_station_or_airport_in_a_text_about_trains_or_flights(gaz, text, expected):
    assert kabkota(gaz, text) == expected


@pytest.mark.parametrize("text", [
    "Tawuran di Manggarai semalam",  # no train or flight: the kelurahan or the kabupaten? Neither (round 8)
    "jadwal MRI di rumah sakit ditunda terus",  # the scanner, not the station code
    "macet parah di Juanda tiap sore",  # Jl. Juanda of any town, Stasiun Juanda or the airport: nothing
    "naik kereta lewat Jl. Juanda, pesawat lewat di atas",  # a street, however many train and flight words
])
def test_a_bare_station_or_airport_name_without_that_context_stays_unread(gaz, text):
    assert code_of(gaz, text) is None


def test_a_phrase_marked_never_hides_the_place_name_inside_it(gaz):
    assert code_of(gaz, "jadwal upacara Rambu Solo tidak diumumkan") is None  # the Toraja rite, not Solo
    assert kabkota(gaz, "macet di Solo tiap sore") == "3372"  # Solo alone is still Surakarta


def test_banjar_in_bali_is_a_hamlet(gaz):
    assert code_of(gaz, "jalan di banjar tiange di Kintamani rusak") == "510604"
    assert code_of(gaz, "suksma, lampu di banjar kami mati") is None  # Balinese: the hamlet, nowhere named
    # Not in Bali: still the kota (the bare-name rule), or the kabupaten with a Banjarese word.
    assert kabkota(gaz, "jalan rusak di Banjar dekat alun-alun") == "3279"
    assert kabkota(gaz, "jalan di Kecamatan Banjar, Buleleng rusak") == "5108"


def test_the_place_moved_to_when_only_the_two_ends_are_named(gaz):
    assert kabkota(gaz, "Saya pindah domisili dari Lampung ke Cengkareng, KK belum terbit") == "3173"
    # Not a move: a route "bus dari X ke Y" is read as before, as its first end (Kota Padang), whatever the vehicle.
    assert kabkota(gaz, "bus dari Padang ke Bukittinggi sering ngetem lama") == "1371"
    assert kabkota(gaz, "travel dari Padang ke Bukittinggi sering ngetem lama") == "1371"
    # A place named as where the problem is still decides: the origin's office.
    assert kabkota(gaz, "pindah dari Kabupaten Klaten ke Kota Surabaya ditolak di Disdukcapil Klaten") == "3310"
    assert code_of(gaz, "saya mau pindah dari sini ke sana") is None


@pytest.mark.parametrize("text, expected", [
    ("jalan di bpn tengah berlubang", "647104"),
    ("jl siliwangi pmlg rusak", "367406"),
    ("air pdam di polman mati", "7604"),
    ("naik Suroboyo Bus telat terus", "3578"),
    ("sampah di pantai Piru", "8106"),
])
def test_shorthands_of_round9(gaz, text, expected):
    assert code_of(gaz, text)[:len(expected)] == expected


@pytest.mark.parametrize("text", [
    "berkas di bpn belum diproses",  # the land agency: "bpn" alone stays strict
    "kantor BPN pusat tidak menjawab",
])
def test_bpn_without_a_direction_or_cue_is_the_land_agency(gaz, text):
    assert code_of(gaz, text) is None


def test_regional_words_choose_among_namesakes(gaz):
    # Passo: a desa of Minahasa and a negeri of Kota Ambon; "anana" (Ambon Malay, children) chooses.
    assert kabkota(gaz, "sekolah di passo, anana seng balajar") == "8171"
    assert code_of(gaz, "sekolah di passo tidak ada guru") is None  # no language: neither
