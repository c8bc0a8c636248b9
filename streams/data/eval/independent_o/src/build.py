"""Assemble batches into ../complaints.jsonl. Aborts on any problem."""
import glob, hashlib, importlib, json, os, sys, random
from datetime import datetime, timedelta
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common
from lookup import resolve, LookupAbort

TOPICS = set('pertanahan infrastruktur kependudukan kesehatan pendidikan sosial energi air_bersih lingkungan '
             'perhubungan ketertiban kepolisian ketenagakerjaan perizinan pajak korupsi_pungli telekomunikasi lainnya'.split())
CHANNELS = {'web', 'sms', 'social', 'email'}

def die(msg):
    print('BUILD ABORT:', msg); sys.exit(1)

here = os.path.dirname(os.path.abspath(__file__))
for f in sorted(glob.glob(os.path.join(here, 'batches', 'b*.py'))):
    importlib.import_module('batches.' + os.path.basename(f)[:-3])
items = common.ITEMS
print('items', len(items), 'resends', len(common.RESENDS))

FIRST = 'adi ayu bayu budi citra dewi dian eko fajar fitri gilang hana indra intan joko kiki lina maya nanda oki putri rani rudi sari tono umar vina wahyu yanti zul asep ucok butet nyoman wayan ketut made iwan rahmat nur siti agus'.split()
LAST = 'santoso lubis siregar nasution wijaya pratama saputra hidayat kurniawan simanjuntak manurung tanjung harahap rahman setiawan gunawan purba pane lestari wulandari syahputra sitompul daeng mokoginta pattinama wenda'.split()
rnd = random.Random(20261204)
used_rep = set()
def gen_rep(ch, key):
    for _ in range(1000):
        if ch == 'sms' or (ch == 'web' and rnd.random() < 0.4):
            r = '08' + rnd.choice(['11', '12', '13', '21', '22', '52', '53', '57', '77', '78', '95', '96', '81', '82']) + ''.join(rnd.choice('0123456789') for _ in range(rnd.choice([7, 8])))
        elif ch == 'social':
            a, b = rnd.choice(FIRST), rnd.choice(LAST)
            r = '@' + rnd.choice([a + '_' + b, a + b[:3], a + str(rnd.randint(70, 2005)), b + '.' + a, a + '__' + str(rnd.randint(1, 99)), 'its' + a + b[:2]])
        elif ch == 'email' or (ch == 'web' and rnd.random() < 0.6):
            a, b = rnd.choice(FIRST), rnd.choice(LAST)
            r = rnd.choice([a + '.' + b, a + b, b + '.' + a + str(rnd.randint(1, 99)), a[0] + b]) + '@example.id'
        else:
            return None
        if r not in used_rep:
            used_rep.add(r); return r
    die('reporter gen')

def utc_offset(region):
    if region is None:
        return 7
    p = int(region[:2])
    if p in (51, 52, 53, 63, 64, 65, 71, 72, 73, 74, 75, 76):
        return 8
    if p >= 81:
        return 9
    return 7

keys = {}
errs = []
for it in items:
    k = it['key']
    if k in keys: die(f'duplicate key {k}')
    keys[k] = it
    if it['topic'] not in TOPICS: die(f'{k}: bad topic {it["topic"]}')
    if it['ch'] not in CHANNELS: die(f'{k}: bad channel {it["ch"]}')
    if (it['ch'] == 'email') != (it['subj'] is not None): die(f'{k}: subject must be set iff email')
    if not it['text'] or len(it['text']) < 15: die(f'{k}: text too short')
    try:
        it['region'], it['kec'] = resolve(it['place'])
    except LookupAbort as e:
        errs.append(f'{k}: {e}'); it['region'] = it['kec'] = None
    try:
        local = datetime.strptime('2026-' + it['at'], '%Y-%m-%d %H:%M')
    except ValueError:
        die(f'{k}: bad time {it["at"]}')
    # batch times are the sender's local clock time; convert to UTC (WIB +7, WITA +8, WIT +9; no place -> WIB)
    it['dt'] = local - timedelta(hours=utc_offset(it['region']))
    if it['rep'] is None:
        it['rep'] = gen_rep(it['ch'], k)
    else:
        if it['rep'] in used_rep: die(f'{k}: reporter reused {it["rep"]}')
        used_rep.add(it['rep'])
    if it['ch'] == 'sms' and not (it['rep'] or '').startswith('08'): die(f'{k}: sms needs phone')
    if it['ch'] == 'social' and not (it['rep'] or '').startswith('@'): die(f'{k}: social needs @handle')
    if it['ch'] == 'email' and not (it['rep'] or '').endswith('@example.id'): die(f'{k}: email needs @example.id')

if errs:
    die('lookup errors:\n  ' + '\n  '.join(errs))
texts = {}
for it in items:
    t = ' '.join(it['text'].lower().split())
    if t in texts: die(f'{it["key"]}: same text as {texts[t]} (use R() for resends)')
    texts[t] = it['key']

# clusters
clusters = {}
for it in items:
    if it['cl']: clusters.setdefault(it['cl'], []).append(it)
for c, mem in clusters.items():
    if not 2 <= len(mem) <= 4: die(f'cluster {c}: {len(mem)} members')
    if len({m['region'] for m in mem}) != 1 or mem[0]['region'] is None: die(f'cluster {c}: regions differ {[m["region"] for m in mem]}')
    kecs = {m['kec'] for m in mem} - {None}
    if len(kecs) > 1: die(f'cluster {c}: kecamatan differ {kecs}')
    if len({m['topic'] for m in mem}) != 1: die(f'cluster {c}: topics differ {[m["topic"] for m in mem]}')
    if len({m['rep'] for m in mem}) != len(mem): die(f'cluster {c}: reporters not distinct')
    ts = sorted(m['dt'] for m in mem)
    for a, b in zip(ts, ts[1:]):
        if b - a < timedelta(minutes=10): die(f'cluster {c}: members less than 10 min apart')
    if ts[-1] - ts[0] > timedelta(days=7): die(f'cluster {c}: spread over 7 days')
    if len({m['ch'] for m in mem}) == 1: print('warn: cluster', c, 'single channel')

# resends
rows = []
for it in items:
    rows.append(it)
for r in common.RESENDS:
    o = keys.get(r['orig'])
    if o is None: die(f'resend of unknown {r["orig"]}')
    if not 1 <= r['minutes'] <= 45: die(f'resend {r["orig"]}: minutes {r["minutes"]}')
    n = sum(1 for x in rows if x.get('resend_of') == o['key'])
    rows.append(dict(o, key=o['key'] + ('-r' if n == 0 else f'-r{n + 1}'), resend_of=o['key'],
                     dt=o['dt'] + timedelta(minutes=r['minutes']) + timedelta(minutes=n),
                     text=r['text'] or o['text'], trap=None, note=r['note'] or 'exact resend of the same message minutes later'))

rows.sort(key=lambda x: (x['dt'], x['key']))
print('same-minute pairs', len(rows) - len({x['dt'] for x in rows}))
ids = {}
n = 0
for x in rows:
    if 'resend_of' not in x:
        n += 1; ids[x['key']] = f'c-{n:04d}'
for x in rows:
    if 'resend_of' in x:
        suf = x['key'][len(x['resend_of']):]
        ids[x['key']] = ids[x['resend_of']] + suf
        if x['dt'] <= keys[x['resend_of']]['dt']: die('resend before original')
cl_id = {}
for c, mem in clusters.items():
    first = min(mem, key=lambda m: m['dt'])
    cl_id[c] = ids[first['key']]

out = []
for x in rows:
    orig = keys[x['resend_of']] if 'resend_of' in x else x
    cluster = cl_id[orig['cl']] if orig['cl'] else ids[orig['key']]
    trap = None
    if x.get('trap') and 'resend_of' not in x:
        t = keys.get(x['trap'])
        if t is None: die(f'{x["key"]}: trap target unknown {x["trap"]}')
        tc = cl_id[t['cl']] if t['cl'] else ids[t['key']]
        if tc == cluster: die(f'{x["key"]}: trap in same cluster as target')
        if t['region'] != x['region'] and t['topic'] != x['topic']: die(f'{x["key"]}: trap shares neither place nor topic with target')
        trap = ids[t['key']]
    out.append(dict(id=ids[x['key']], channel=x['ch'], subject=x['subj'], text=x['text'], reporter=x['rep'],
                    received_at=x['dt'].strftime('%Y-%m-%dT%H:%M:00Z'), topic=x['topic'], region_code=x['region'],
                    kecamatan_code=x['kec'], cluster=cluster, duplicate_of=ids[x['resend_of']] if 'resend_of' in x else None,
                    trap_of=trap, note=((orig['lang'] + '; ' if orig.get('lang') else '') + (x['note'] or '')).strip('; ') or None))

with open(os.path.join(here, '..', 'complaints.jsonl'), 'w', encoding='utf-8') as f:
    for o in out:
        f.write(json.dumps(o, ensure_ascii=False) + '\n')
from collections import Counter
print('wrote', len(out), 'lines;', 'clusters', len(clusters), 'traps', sum(1 for o in out if o['trap_of']),
      'resends', sum(1 for o in out if o['duplicate_of']))
print('topics', sorted(Counter(o['topic'] for o in out if not o['duplicate_of']).items(), key=lambda x: x[1]))
print('langs', sum(1 for o in items if o.get('lang')), Counter(o['lang'].split(' ')[0] for o in items if o.get('lang')))
print('channels', Counter(o['channel'] for o in out))
print('no place', sum(1 for o in out if o['region_code'] is None), 'provinces', len({o['region_code'][:2] for o in out if o['region_code']}),
      'kabkota', len({o['region_code'] for o in out if o['region_code']}))
