import gzip, json, re, glob, os
SP = glob.glob('/work/sets/.venv/lib/python3*/site-packages/lokal/data')[0]
W = json.load(gzip.open(os.path.join(SP, 'wilayah.json.gz')))
D = json.load(gzip.open(os.path.join(SP, 'desa.json.gz')))
def norm(s):
    s = s.lower().strip()
    s = re.sub(r'^(kabupaten|kab\.?|kota administrasi|kota adm\.?)\s+', lambda m: 'kota ' if m.group(1).startswith('kota') else '', s)
    return re.sub(r'[^a-z0-9]', '', s)
KAB = {}
for c, n in W.items():
    if len(c) == 5:
        KAB.setdefault(norm(n), []).append(c)
def kab(name):
    r = KAB.get(norm(name), [])
    if len(r) != 1: raise ValueError(f'kab {name!r}: {r}')
    return r[0]
def kec(kabc, name):
    r = [c for c, n in W.items() if len(c) == 8 and c.startswith(kabc + '.') and norm(n) == norm(name)]
    if len(r) != 1: raise ValueError(f'kec {name!r} in {kabc}: {r}')
    return r[0]
def desa_in(prefix, name):
    return sorted({c[:8] for c, n in D.items() if c.startswith(prefix + '.') and norm(n) == norm(name)})
def resolve(spec):
    """'Kab|Kec|Desa' ; empty parts allowed. returns (region4, kec6)"""
    if spec in ('-', ''): return None, None
    parts = (spec.split('/') + ['', ''])[:3]
    k = kab(parts[0]); kc = None
    if parts[1]:
        kc = kec(k, parts[1])
        if parts[2]:
            if kc not in desa_in(kc, parts[2]): raise ValueError(f'desa {parts[2]!r} not in {kc} {W[kc]}')
    elif parts[2]:
        ks = desa_in(k, parts[2])
        if not ks: raise ValueError(f'desa {parts[2]!r} not in {k}')
        kc = ks[0] if len(ks) == 1 else None
    return k.replace('.', ''), (kc.replace('.', '') if kc else None)
if __name__ == '__main__':
    import sys
    q = norm(sys.argv[1]); lvl = sys.argv[2] if len(sys.argv) > 2 else ''
    for c, n in list(W.items()) + list(D.items()):
        if norm(n) == q or (lvl == 'sub' and q in norm(n)):
            p = [W.get(c[:i]) for i in (2, 5, 8) if len(c) > i]
            print(c, n, '<', ' / '.join(x for x in p if x))
