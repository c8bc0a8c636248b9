import csv

import pytest

from schemas.units import REGION_CODES, is_known_unit, region_codes
from streams.locate import GAZETTEER_DIR


def test_the_region_codes_are_the_gazetteers_provinces_and_kabupaten_kota():
    with open(GAZETTEER_DIR / "regions.tsv", encoding="utf-8", newline="") as f:
        gazetteer = {row["code"]: row["name"] for row in csv.DictReader(f, delimiter="\t") if len(row["code"]) <= 4}
    assert region_codes() == gazetteer, f"regenerate {REGION_CODES.name} from regions.tsv"
    assert len(region_codes()) == 38 + 514


@pytest.mark.parametrize("code", ["DINKES.3201", "DINKES.32", "ATR-BPN.9171", "ADUAN.TRIASE"])
def test_units_of_real_regions_are_known(code):
    assert is_known_unit(code)


@pytest.mark.parametrize("code", [
    "DINKES.9999",       # the shape of a kabupaten/kota, but none has that code
    "DINKES.99",         # no province 99
    "DINKES.320101",     # a kecamatan: no health office at that level in the table
    "DINKES.3201 ",
    "NOPE.3201",
    "DINKES.{kabkota_code}",
])
def test_units_of_regions_that_do_not_exist_are_not(code):
    assert not is_known_unit(code)
