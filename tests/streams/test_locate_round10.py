"""Kinds of region error read off tuning/independent_l (region round 10), one test per kind, each with texts that must
stay unlocated or coarse: kabupaten shorthands and seats, landmarks the gazetteer lacked, a hashtag joining an alias's
or a landmark's words, a government's handle written as its web domain, a road between two towns ("jalan X–Y"), a
regional hospital named after its kabupaten, everyday (Javanese, Indonesian) words that are one place's name, Balinese
words, the name inside a landmark written again alone, a desa named with its marker where only route ends are regions,
the ports of a ferry crossing, a province misread against the text's language, and a street named after a kelurahan.
The texts are written for the tests, not copied from a tuning set."""

from __future__ import annotations

import pytest

from tests.streams.test_locate import code_of, gaz  # noqa: F401 (gaz is the shared module fixture)


def kabkota(gaz, text):
    return (code_of(gaz, text) or "")[:4] or None


@pytest.mark.parametrize("text, expected", [
    ("air pdam keruh di batola sudah seminggu", "6304"),  # Barito Kuala
    ("sinyal hilang di mbd, guru tidak bisa kirim data", "8108"),  # Maluku Barat Daya
    ("beras bansos di sbd dipotong", "5318"),  # Sumba Barat Daya
    ("jalan di pegaf rusak parah", "9212"),  # Pegunungan Arfak
    ("jalan di rote berlubang", "5314"),  # the island, Rote Ndao
    ("puskesmas di Buntok kekurangan obat", "6204"),  # seat of Barito Selatan
    ("longsor di jalan ke liwa", "1804"),  # seat of Lampung Barat
    ("air sungai dekat Weda keruh karena tambang", "8202"),  # seat of Halmahera Tengah
    ("bantuan lansia di landak tidak sampai", "6108"),  # Kabupaten Landak: "di landak" is no porcupine
])
def test_shorthands_and_seats_of_round10(gaz, text, expected):
    assert kabkota(gaz, text) == expected


@pytest.mark.parametrize("text", [
    "hasil mbd belum keluar",  # three letters without a cue: ambiguous
    "belajar kitab weda di rumah",  # Veda, lowercase, no cue
    "ada landak masuk kandang ayam",  # the animal
])
def test_ambiguous_shorthands_without_a_cue_stay_unread(gaz, text):
    assert code_of(gaz, text) is None


@pytest.mark.parametrize("text, expected", [
    ("longsor lagi di lembah anai, mobil tidak bisa lewat", "1304"),  # Tanah Datar
    ("truk terguling di sitinjau lauik", "1371"),  # the pass of Kota Padang
    ("listrik mati di kampung inggris, kursus batal", "3506"),  # Pare, Kabupaten Kediri
])
def test_landmarks_of_round10_name_their_kabkota(gaz, text, expected):
    assert kabkota(gaz, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("mati lampu tiap malam 😩 #LabuanBajo", "5315"),  # the alias "labuan bajo" joined
    ("sinyal hilang terus #KampungInggris", "3506"),  # the landmark "kampung inggris" joined
])
def test_a_hashtag_joins_an_alias_or_a_landmark(gaz, text, expected):
    assert kabkota(gaz, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("tambang pasir liar makin banyak @kulonprogokab", "3401"),
    ("jalan berlubang tolong @slemankab", "3404"),
    ("banjir lagi tolong @bandungkab", "3204"),  # the kabupaten
    ("banjir lagi tolong @bandungkota", "3273"),  # the kota
])
def test_a_government_handle_written_as_its_web_domain(gaz, text, expected):
    assert kabkota(gaz, text) == expected


def test_a_road_between_two_towns_is_its_first_end(gaz):
    assert kabkota(gaz, "Jalan Muara Teweh–Puruk Cahu rusak, truk terjebak") == "6205"  # Barito Utara, not Murung Raya
    assert kabkota(gaz, "jalan Padang–Solok macet total") == "1371"
    # No dash: a street named after a place stays a street ("Jalan Padang Bulan" of any town).
    assert code_of(gaz, "jalan padang bulan rusak") is None


def test_a_regional_hospital_is_its_kabupatens(gaz):
    assert kabkota(gaz, "pasien ditolak di RSUD Batang karena BPJS") == "3325"  # "Batang" is strict alone
    assert code_of(gaz, "batang pohon tumbang di depan rumah sakit") is None
    assert code_of(gaz, "RS Batang tidak ada") is None  # a private "RS" may be named after anything


@pytest.mark.parametrize("text", [
    "pln ngapa ora teka2, listrik mati",  # Javanese "why", not Kecamatan Ngapa (Kolaka Utara)
    "sekolah di pedalaman tidak punya guru",  # the interior, not the desa Pedalaman (Sanggau)
])
def test_everyday_words_that_are_one_places_name_locate_nothing(gaz, text):
    assert code_of(gaz, text) is None


def test_balinese_words_choose_the_bali_reading(gaz):
    # "ring" (di), "memen" (ibu), "tiang" (saya) outweigh Sundanese-looking "pisan": Singaraja (Buleleng), not the desa
    # Singaraja of Indramayu.
    assert kabkota(gaz, "antre di rumah sakit ring singaraja pisan, memen tiang durung kaperiksa") == "5108"


def test_the_name_inside_a_landmark_written_again_is_that_landmark(gaz):
    # Stasiun Palmerah stands in Jakarta Pusat; Kecamatan Palmerah is Jakarta Barat's (the DKI handle confirmed it).
    assert kabkota(gaz, "Depan Stasiun Palmerah parkir liar tiap sore @satpolpp_dki #Palmerah") == "3171"
    # Its readings inside the landmark's kab/kota stay: the station stands in Kelurahan Manggarai (Tebet).
    assert code_of(gaz, "Stasiun Manggarai penuh sesak pagi ini #Manggarai") == "3174011007"


def test_a_marked_desa_decides_where_only_route_ends_are_regions(gaz):
    # Talang Rimbo (both kelurahan) lies in Curup, Rejang Lebong: not Kota Lubuk Linggau, the route's other end.
    assert kabkota(gaz, "Jalan Curup–Lubuk Linggau putus di Kelurahan Talang Rimbo") == "1702"
    # A desa named as where someone comes from ("dari Kel. X") does not decide: read as before.
    assert kabkota(gaz, "bus dari Kelurahan Talang Rimbo ke Kota Lubuk Linggau telat terus") == "1673"


def test_the_ports_of_a_ferry_crossing(gaz):
    # A ferry text naming another port: "Ketapang" is Pelabuhan Ketapang (Banyuwangi), not Kabupaten Ketapang.
    assert kabkota(gaz, "antri kapal di Ketapang 8 jam, nyebrang ke Gilimanuk susah") == "3510"
    # No other port named: read as before, Kabupaten Ketapang (Kalbar); an island of the name stays the island.
    assert kabkota(gaz, "kapal di Ketapang sandar telat") == "6104"
    assert kabkota(gaz, "kapal ke gili ketapang dr pelabuhan tanjung tembaga telat") == "3574"


def test_a_province_misread_against_the_texts_language(gaz):
    # Betawi (aye, kagak): "kalbar" is Kalibaru here, not Kalimantan Barat; Cilincing is Jakarta Utara's.
    assert kabkota(gaz, "aer mati di kalbar cilincing, kagak ada info, aye susah mandi") == "3172"
    # Without the language the text contradicts itself: the province, as before.
    assert code_of(gaz, "air mati di kalbar cilincing sudah dua hari") == "61"


@pytest.mark.parametrize("text, expected", [
    ("jalan ketintang ambles dekat kampus", "3578"),  # Kelurahan Ketintang, Surabaya: the kota, not the kelurahan
    ("Jl. Ketintang Baru banjir tiap hujan", "3578"),
])
def test_a_street_named_after_a_kelurahan_names_its_kabkota(gaz, text, expected):
    assert code_of(gaz, text) == expected  # the kab/kota only: the street may run past the next kelurahan


@pytest.mark.parametrize("text", [
    "Jl. Gajah Mada macet tiap sore",  # a hero every town names a street after (the desa Gajah Mada is Pangkalpinang's)
    "jl ciledug raya macet parah",  # also the kecamatan Ciledug, of another kab/kota
    "jl sunggal berlubang",  # Sunggal: Deli Serdang's kecamatan, and Medan Sunggal
])
def test_a_street_named_after_a_shared_or_heros_name_stays_unread(gaz, text):
    assert code_of(gaz, text) is None
