"""LOCATE at the desa/kelurahan level and by landmark: places as codes, context decides, ambiguity never guesses."""

from __future__ import annotations

import csv
import gzip
from pathlib import Path

import pytest

from streams.locate import DESA
from tests.streams.test_locate import code_of, gaz  # noqa: F401 (gaz is the shared module fixture)

GAZETTEER = Path(__file__).resolve().parents[2] / "streams" / "data" / "gazetteer"


def test_ships_every_desa_and_kelurahan_of_the_kemendagri_data():
    lines = gzip.decompress((GAZETTEER / "desa.tsv.gz").read_bytes()).decode().splitlines()
    assert lines[0] == "code\ttype\tname"
    rows = [line.split("\t") for line in lines[1:]]
    assert len(rows) == 83_762
    kecamatan = {r["code"] for r in csv.DictReader(open(GAZETTEER / "regions.tsv"), delimiter="\t")
                 if len(r["code"]) == 6}
    assert all(len(code) == 10 and code[:6] in kecamatan for code, _, _ in rows)
    assert {kind for _, kind, _ in rows} == {"desa", "kelurahan"}


def test_a_desa_region_carries_its_kecamatan_kabkota_and_province(gaz):
    region = gaz.by_code("3273181002")
    assert (region.name, region.level, region.kecamatan_name, region.kabkota_code, region.province_code) == (
        "Sukaluyu", DESA, "Cibeunying Kaler", "3273", "32")
    assert region.label == "Sukaluyu, Cibeunying Kaler, Kota Bandung, Jawa Barat"


@pytest.mark.parametrize("text", [
    "Dengan hormat, warga Kelurahan Sukaluyu, Kecamatan Cibeunying Kaler, Kota Bandung melaporkan air mati",
    "air mati di kel sukaluyu cibeunying kaler",
    "@pdam udah 3 hari air mati di Kel. Sukaluyu Bandung",
])
def test_one_kelurahan_written_three_ways_is_one_code(gaz, text):
    assert code_of(gaz, text) == "3273181002"


def test_a_bare_kelurahan_is_read_inside_the_kecamatan_or_city_named_with_it(gaz):
    assert code_of(gaz, "banyune pdam ora metu nang karangwaru tegalrejo") == "3471011002"
    assert code_of(gaz, "air pdam mati di panjer denpasar selatan") == "5171011004"
    # Cikole is a kecamatan in Kota Sukabumi and a desa in Lembang: "Lembang" decides for the desa.
    assert code_of(gaz, "jalan ka cikole lembang ruksak") == "3217012006"


def test_a_desa_name_shared_by_several_places_is_not_guessed(gaz):
    # Twelve desa are called Sukaluyu; with only the province named, none of them is chosen.
    assert code_of(gaz, "Desa Sukaluyu, Jawa Barat: jalan rusak") == "32"
    # Two kelurahan of two kota (Jakarta Pusat, Bandar Lampung) called Sumur Batu: neither.
    assert code_of(gaz, "air mati di Kelurahan Sumur Batu") is None


def test_the_one_city_kelurahan_of_a_name_is_read_over_its_rural_namesakes(gaz):
    # Rawamangun: a kelurahan of Kota Jakarta Timur, and rural desa in Sulawesi Selatan and Maluku Utara.
    assert code_of(gaz, "internet mati di rawamangun") == "3175021005"
    assert code_of(gaz, "jalan rusak di Kelurahan Kapuk") == "3173011005"
    # Written as a desa, or as where someone goes or lives, the city reading is not taken.
    assert code_of(gaz, "internet mati di desa rawamangun") is None
    assert code_of(gaz, "pindah ke rawamangun") is None


def test_candidates_that_share_a_kabkota_give_the_kabkota(gaz):
    # Every "Sumur Batu" inside Kota Bandar Lampung is one kelurahan; inside Jakarta Pusat too.
    assert code_of(gaz, "Kelurahan Sumur Batu, Kemayoran") == "3171031007"


def test_everyday_words_that_are_desa_names_name_nothing(gaz):
    for text in ("anak saya dipalak di kantin sekolah",
                 "saya sudah melapor ke Polda Jawa Timur, namun ditolak",
                 "kali ing desa kulo kebak limbah",
                 "kepala desa, sementara rumah nenek belum dibantu"):
        region = gaz.locate(text)
        assert region is None or region.level != DESA, text


def test_a_street_named_after_a_desa_is_not_the_desa(gaz):
    # Jalan Tlogomas is a landmark of Kota Malang since region round 5: the kota, never the kelurahan Tlogomas.
    assert code_of(gaz, "got mampet di jl tlogomas") == "3573"
    # The desa Caturtunggal (Sleman) as a street: never the desa; since region round 10 its kab/kota, as every namesake of
    # the name lies in Sleman (test_locate_round10.py).
    assert code_of(gaz, "got mampet di jl caturtunggal") == "3404"


def test_a_kecamatan_is_not_taken_for_the_desa_of_the_same_name_inside_it(gaz):
    assert code_of(gaz, "Pelayanan di kantor kecamatan Soreang, Kabupaten Bandung lambat") == "320437"
    assert code_of(gaz, "gubeng banjir sedengkul") == "357808"


@pytest.mark.parametrize("text, expected", [
    ("KRL dari Stasiun Manggarai ke Bogor telat", "3174"),
    ("sampah blkg psr induk kramat jati numpuk", "3175"),
    ("parkir liar depan stasiun bekasi", "3275"),
    ("antri di rs sardjito 5 jam", "3404"),
    ("ada pungli paspor di kantor imigrasi ngurah rai", "5103"),
    ("taksi gelap di Bandara Soekarno-Hatta", "3671"),
])
def test_a_landmark_names_its_kabkota(gaz, text, expected):
    assert code_of(gaz, text) == expected


def test_every_landmark_code_is_the_kabkota_its_row_names():
    names = {r["code"]: r["name"] for r in csv.DictReader(open(GAZETTEER / "regions.tsv"), delimiter="\t")}
    rows = list(csv.DictReader(open(GAZETTEER / "landmarks.tsv"), delimiter="\t"))
    assert len(rows) > 200
    for row in rows:
        assert names.get(row["code"]) == row["kabkota"], row


def test_a_bare_name_of_a_kecamatan_and_of_a_kelurahan_in_another_kecamatan_of_its_city_is_the_city(gaz):
    # Batununggal: a kecamatan of Kota Bandung, and a kelurahan of its kecamatan Bandung Kidul.
    assert code_of(gaz, "listrik pareum di Batununggal") == "3273"
    assert code_of(gaz, "listrik padam di Kelurahan Batununggal, Kecamatan Bandung Kidul") == "3273211001"
    assert code_of(gaz, "pelayanan kantor Kecamatan Batununggal lambat") == "327312"
    # A kecamatan with a kelurahan of its name inside it is the kecamatan.
    assert code_of(gaz, "gubeng banjir sedengkul") == "357808"


def test_a_name_the_country_has_once_stands_alone_after_di_written_lowercase(gaz):
    # SMS writes the kelurahan after "di" without a capital or a marker; Cijerah is one kelurahan (Kota Bandung).
    assert code_of(gaz, "jalan rusak di cijerah udh 2 mgg") == "3273151001"
    assert code_of(gaz, "pindah ke cijerah bulan lalu") is None  # where someone goes is not where it happens
    assert code_of(gaz, "sampah numpuk di sukaluyu") != "3273181002"  # twelve Sukaluyu: no guess among them


@pytest.mark.parametrize("text", ["banjir di kecamatan ilir barat 2", "Banjir di Kecamatan Ilir Barat II",
                                  "banjir di Kecamatan Ilir Barat Dua"])
def test_a_numbered_kecamatan_is_read_as_a_word_a_roman_numeral_or_a_digit(gaz, text):
    assert code_of(gaz, text) == "167101"  # Ilir Barat Dua, Kota Palembang


def test_the_numbers_of_a_split_kecamatan_stay_apart(gaz):
    assert code_of(gaz, "banjir di kecamatan ilir barat 1") == "167104"  # Ilir Barat Satu


def test_an_everyday_region_word_opening_a_longer_place_name_is_not_the_region(gaz):
    assert code_of(gaz, "longsor di batu merah tadi malam") != "3579"  # a desa Batu Merah, not Kota Batu
    assert code_of(gaz, "macet di kota batu") == "3579"


def test_a_station_terminal_or_port_stands_in_the_kecamatan_it_is_named_after(gaz):
    assert code_of(gaz, "antre solar di terminal rajabasa") == "187110"  # Rajabasa, Kota Bandar Lampung
    assert code_of(gaz, "kapal telat di pelabuhan makassar") == "7371"  # a kab/kota name reads as before


def test_name_codes_lists_every_level_a_name_may_stand_for(gaz):
    assert gaz.name_codes("Jakpus") == ("3171",)  # an alias
    assert {"320101", "3201011006"} <= set(gaz.name_codes("cibinong"))  # a kecamatan and a desa
    assert "3273181002" in gaz.name_codes("Sukaluyu") and len(gaz.name_codes("sukaluyu")) > 10
    assert gaz.name_codes("memberi") == ()


def test_a_kecamatan_named_by_an_everyday_word_and_suffix_needs_a_cue(gaz):
    assert code_of(gaz, "pajak lima tahunan kendaraan mahal sekali") is None  # yearly, not Kec. Tahunan (Jepara)
    assert code_of(gaz, "jalan rusak di Kecamatan Tahunan") == "332011"


def test_a_region_name_of_everyday_words_written_as_one_word_is_an_everyday_word(gaz):
    # "Batu Bara" joined is "batubara", coal: not Kabupaten Batu Bara without a cue.
    assert code_of(gaz, "truk batubara lewat tiap malam, jalan rusak") is None
    assert code_of(gaz, "banjir di Kabupaten Batubara") == "1219"


def test_two_weak_names_side_by_side_are_a_place_and_its_container(gaz):
    # Neither "kauman" (33 desa) nor "malang" (an everyday word) stands alone; together, Kauman of Kota Malang.
    assert code_of(gaz, "kauman malang, sampah numpuk di pinggir jalan") == "3573021007"
    # A kab/kota then its kecamatan: "kuningan" alone needs a cue.
    assert code_of(gaz, "kuningan cigugur, bantuan pkh ibu sy stop")[:6] == "320818"
    assert code_of(gaz, "Soreang, Bandung") == "320437"  # the kecamatan, not the desa of its name inside it


@pytest.mark.parametrize("text", ["matur nuwun pak, jalan sudah dibenerin", "punten, lampu jalan pareum",
                                  "monggo dicek pak, got mampet"])
def test_javanese_and_sundanese_courtesies_are_no_places(gaz, text):
    assert code_of(gaz, text) is None  # Kec. Matur (Agam), desa Punten (Kota Batu), desa Monggo (Lombok Timur)
