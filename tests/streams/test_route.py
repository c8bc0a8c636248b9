"""ROUTE: the routing table's shape and the jurisdiction rules the text can trigger."""

from __future__ import annotations

import json

import pytest

from streams.locate import Gazetteer
from streams.route import ROUTING_TABLE, Unit, _compile, load_routing_table, route
from schemas.categories import CATEGORY_CODES


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def test_table_covers_every_topic_and_loads():
    table = load_routing_table()
    assert set(table["topics"]) == set(CATEGORY_CODES)


@pytest.mark.parametrize("topic", CATEGORY_CODES)
def test_every_topic_routes_at_every_level(gaz, topic):
    for region in (gaz.by_code("327302"), gaz.by_code("3204"), gaz.by_code("32"), None):
        unit = route(topic, region, "")
        assert isinstance(unit, Unit)
        assert unit.jurisdiction in ("nasional", "provinsi", "kabkota")
        assert "{" not in unit.unit_code + unit.unit_name + unit.instansi_code + unit.instansi_name
        assert unit.unit_code and unit.unit_name and unit.instansi_code and unit.instansi_name


def test_pertanahan_goes_to_the_kantor_pertanahan(gaz):
    unit = route("pertanahan", gaz.by_code("3273"), "sertifikat tanah belum jadi")
    assert unit == Unit("ATR-BPN", "Kementerian Agraria dan Tata Ruang/Badan Pertanahan Nasional",
                        "ATR-BPN.3273", "Kantor Pertanahan Kota Bandung", "kabkota")


def test_a_kecamatan_is_served_by_its_kabkota(gaz):
    assert route("kesehatan", gaz.by_code("320437"), "").unit_code == "DINKES.3204"


def test_no_region_goes_to_the_national_triage_unit():
    assert route("pertanahan", None, "sengketa tanah").unit_code == "ATR-BPN.TRIASE"
    assert route("lainnya", None, "").unit_code == "ADUAN.TRIASE"
    assert route("kesehatan", None, "").jurisdiction == "nasional"


def test_province_only_region_goes_to_the_province(gaz):
    unit = route("kesehatan", gaz.by_code("32"), "")
    assert (unit.unit_code, unit.jurisdiction) == ("DINKES.32", "provinsi")


@pytest.mark.parametrize("text, unit_code, jurisdiction", [
    ("jalan nasional di depan pasar berlubang", "PU-BPJN.32", "nasional"),
    ("jalan tol cipularang rusak", "PU-BPJN.32", "nasional"),
    ("jalan provinsi amblas", "DPU-BM.32", "provinsi"),
    ("jalan kampung kami rusak", "DPUPR.3273", "kabkota"),
])
def test_road_jurisdiction(gaz, text, unit_code, jurisdiction):
    unit = route("infrastruktur", gaz.by_code("3273"), text)
    assert (unit.unit_code, unit.jurisdiction) == (unit_code, jurisdiction)


@pytest.mark.parametrize("text, unit_code", [
    ("pungli di SMAN 3 Bandung", "DISDIK.32"),
    ("SMK negeri minta uang gedung", "DISDIK.32"),
    ("SLB kekurangan guru", "DISDIK.32"),
    ("pungli di SMP 5", "DISDIK.3273"),
    ("SD kami rusak atapnya", "DISDIK.3273"),
    ("PAUD tidak dapat dana", "DISDIK.3273"),
    ("UKT di kampus naik terus", "KEMDIKTISAINTEK.TRIASE"),
    ("madrasah minta sumbangan", "KEMENAG.3273"),
])
def test_school_levels(gaz, text, unit_code):
    assert route("pendidikan", gaz.by_code("3273"), text).unit_code == unit_code


@pytest.mark.parametrize("text, unit_code", [
    ("PBB naik tiga kali lipat", "BAPENDA.3273"),
    ("antri di samsat lama, pajak motor", "BAPENDA.32"),
    ("NPWP saya diblokir", "DJP.TRIASE"),
])
def test_tax_levels(gaz, text, unit_code):
    assert route("pajak", gaz.by_code("3273"), text).unit_code == unit_code


def test_unknown_topic_falls_back_to_the_general_unit(gaz):
    assert route("tidak_ada", gaz.by_code("3471"), "").unit_code == "PEMDA-ADUAN.3471"


def test_table_problems_are_rejected():
    table = json.loads(ROUTING_TABLE.read_text(encoding="utf-8"))
    broken = json.loads(json.dumps(table))
    del broken["topics"]["pajak"][-1]["nasional"]
    with pytest.raises(ValueError, match="nasional"):
        _compile(broken)
    broken = json.loads(json.dumps(table))
    broken["topics"]["pajak"].reverse()  # the default would no longer be last
    with pytest.raises(ValueError):
        _compile(broken)
    broken = json.loads(json.dumps(table))
    del broken["topics"]["sosial"]
    with pytest.raises(ValueError, match="sosial"):
        _compile(broken)
