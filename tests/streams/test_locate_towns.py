"""Towns that are not a kab/kota name, landmarks and SMS short forms (gazetteer/aliases.tsv, landmarks.tsv)."""

from __future__ import annotations

import csv

import pytest

from streams.locate import GAZETTEER_DIR
from tests.streams.test_locate import code_of, gaz  # noqa: F401 (gaz is the shared module fixture)


@pytest.mark.parametrize("text, kabkota", [
    ("hewan ternak dilepas di jln raya kota atambua", "5304"),  # Belu
    ("sinyal hilang di Pangkalan Bun dari siang", "6201"),  # Kotawaringin Barat
    ("izin hotel di labuan bajo blm diproses", "5315"),  # Manggarai Barat
    ("vaksin kosong 2 bln di puskesmas kami. bagansiapiapi", "1407"),  # Rokan Hilir
    ("Kitong di Wamena pu tanah dipake bangun kantor #Papua", "9501"),  # Jayawijaya, not the province 91
    ("jalan licin di Muara Teweh ke arah Puruk Cahu", "6205"),  # the first town named, Barito Utara
    ("pkl di jatibaru tn abang balik lg", "3171"),
    ("antri kapal di ketapang bwi udh 5 jam", "3510"),  # the Banyuwangi port, not Kabupaten Ketapang
    ("jalan bolong deket JCM arah utara", "3404"),  # Jogja City Mall lies in Sleman
    ("lift stasiun mggrai peron 10 mati", "3174"),
])
def test_towns_landmarks_and_short_forms_give_their_kabkota(gaz, text, kabkota):
    assert (code_of(gaz, text) or "")[:4] == kabkota


def test_plg_is_pulang_not_palembang(gaz):
    # "disuruh plg" (sent home) is the commonest SMS use of "plg"; it named Palembang before.
    assert code_of(gaz, "puskesmas tutup jam 11, anak sy demam disuruh plg") is None


def test_every_alias_names_a_known_region_once():
    regions = {r["code"] for r in csv.DictReader((GAZETTEER_DIR / "regions.tsv").open(encoding="utf-8"), delimiter="\t")}
    rows = list(csv.DictReader((GAZETTEER_DIR / "aliases.tsv").open(encoding="utf-8"), delimiter="\t"))
    aliases = [r["alias"] for r in rows]
    assert len(aliases) == len(set(aliases))
    assert all(r["code"] in regions for r in rows)
