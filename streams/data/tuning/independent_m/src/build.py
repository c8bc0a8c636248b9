"""Assemble hand-written batches (src/batches/*.txt) into ../complaints.jsonl.
Only ids, timestamps and fake reporter contacts are generated here; every text, topic,
place and cluster/trap relation is written by hand in the batch files."""
import glob, json, random, re, datetime as dt, sys
import geo
rng = random.Random(20261203)
items = []
for fn in sorted(glob.glob('/work/sets/m/src/batches/*.txt')):
    for ln, line in enumerate(open(fn, encoding='utf-8'), 1):
        line = line.rstrip('\n')
        if not line.strip() or line.startswith('#'): continue
        p = [x.strip() for x in line.split(' | ', 5)]
        if len(p) != 6: sys.exit(f'{fn}:{ln} bad line: {line[:80]}')
        key, ch, topic, place, flags, text = p
        note = None
        if ' || ' in text: text, note = [x.strip() for x in text.split(' || ', 1)]
        if text.endswith(' ||'): text = text[:-3].strip()
        note = note or None
        subj = None
        if ch == 'email':
            if ' ## ' not in text: sys.exit(f'{fn}:{ln} email without subject')
            subj, text = [x.strip() for x in text.split(' ## ', 1)]
        items.append(dict(key=key, ch=ch, topic=topic, place=place, flags=flags.split(), text=text, note=note, subj=subj, src=f'{fn.split("/")[-1]}:{ln}'))
keys = [i['key'] for i in items]
dup = {k for k in keys if keys.count(k) > 1}
if dup: sys.exit(f'dup keys {dup}')
byk = {i['key']: i for i in items}
TOPICS = set('pertanahan infrastruktur kependudukan kesehatan pendidikan sosial energi air_bersih lingkungan perhubungan ketertiban kepolisian ketenagakerjaan perizinan pajak korupsi_pungli telekomunikasi lainnya'.split())
hints = {}
err = []
for i in items:
    if i['ch'] not in ('web', 'sms', 'social', 'email'): err.append(f"{i['src']} channel")
    if i['topic'] not in TOPICS: err.append(f"{i['src']} topic {i['topic']}")
    i['region'] = i['kec'] = None
    pl = i['place']
    if pl in ('-', '?'): continue
    parts = (pl.split('>') + ['', ''])[:3]
    try:
        kc = geo.kab(parts[0]); i['region'] = kc.replace('.', '')
        if parts[1]:
            only = parts[1].startswith('*')
            kk = geo.kec(kc, parts[1].lstrip('*'))
            if not only: i['kec'] = kk.replace('.', '')
            if parts[2]:
                for d in parts[2].split(','):
                    h = geo.desa_in(kk, d.strip())
                    if not h: err.append(f"{i['src']} desa {d} not in {kk} {geo.KEC[kk]}")
                    hints.setdefault(i['key'], []).append([kk.replace('.', ''), d.strip()])
                    # does the desa name decide the kecamatan inside the kabupaten?
                    if not only and geo.norm(geo.KEC[kk]) not in geo.norm(i['text']) and len({x[:8] for x in geo.desa_in(kc, d.strip())}) > 1:
                        err.append(f"{i['src']} desa {d} ambiguous in {kc} and kec not named")
        elif parts[2]:
            for d in parts[2].split(','):
                h = geo.desa_in(kc, d.strip())
                if not h: err.append(f"{i['src']} desa {d} not in {kc}")
                ks = {x[:8] for x in h}
                if len(ks) == 1: err.append(f"{i['src']} desa {d} decides kec {h[0][:8]} but kec unlabelled")
    except KeyError as e:
        err.append(f"{i['src']} {e}")
# warnings: place names in the text that the spec does not account for
import collections
DESA_BY_KAB = collections.defaultdict(dict)
DESA_BY_KAB_NAMES = collections.defaultdict(list)
for k, v in geo.V.items(): DESA_BY_KAB_NAMES[k[:5]].append((k, v))
for i in items:
    if not i['region']: continue
    kc = i['region'][:2] + '.' + i['region'][2:]
    low = ' ' + re.sub(r'[^a-z0-9 ]', ' ', i['text'].lower()) + ' '
    low = re.sub(r' +', ' ', low)
    spec = i['place'].lower()
    for k, v in geo.KEC.items():
        if k.startswith(kc + '.') and ' ' + v.lower() + ' ' in low and not i['kec'] and len(v) > 3 and geo.norm(v) != geo.norm(geo.KAB[kc].replace('Kabupaten','').replace('Kota','')):
            print('WARN', i['src'], i['key'], 'kec named but unlabelled:', v)
    for k, v in DESA_BY_KAB_NAMES[kc]:
        vl = ' ' + re.sub(r'[^a-z0-9 ]', ' ', v.lower()) + ' '
        if len(v) >= 5 and vl in low and v.lower() not in spec:
            print('WARN', i['src'], i['key'], 'desa named but not in spec:', v, k)
if err: print('\n'.join(err)); sys.exit(1)
# ---- timestamps: 2026-03-02 .. 2026-04-12 (6 weeks) ----
T0 = dt.datetime(2026, 3, 2, 0, 0)
SPAN = 41 * 24 * 60
def daytime(m):
    # push most messages into 05:00-23:00 WIB (= UTC-7h); keep a few at night
    d, r = divmod(m, 1440)
    wib = (r + 420) % 1440
    if wib < 300 and rng.random() < 0.8: r = (r + rng.randint(360, 700)) % 1440
    return d * 1440 + r
tm = {}
clusters = {}
for i in items:
    for f in i['flags']:
        if f.startswith('c:'): clusters.setdefault(f[2:], []).append(i['key']); i['cl'] = f[2:]
for c, mem in clusters.items():
    if not 2 <= len(mem) <= 4: err.append(f'cluster {c} size {len(mem)}')
    t = daytime(rng.randint(0, SPAN - 9 * 1440))
    order = mem[:]; rng.shuffle(order)
    for j, k in enumerate(order):
        if j: t += rng.choice([rng.randint(20, 240), rng.randint(240, 1440), rng.randint(1440, 4 * 1440)])
        tm[k] = min(t, SPAN - 60)
for i in items:
    tr = [f[2:] for f in i['flags'] if f.startswith('t:')]
    i['trap'] = tr[0] if tr else None
    if i['trap'] and i['trap'] not in byk: err.append(f"{i['src']} trap target {i['trap']} unknown")
for i in items:
    if i['key'] in tm: continue
    if i['trap'] and i['trap'] in tm:
        off = rng.randint(90, 5 * 1440) * rng.choice([-1, 1])
        t = tm[i['trap']] + off
        if not 0 <= t <= SPAN - 60: t = tm[i['trap']] - off
        tm[i['key']] = t
    else:
        tm[i['key']] = daytime(rng.randint(0, SPAN - 60))
for i in items:
    if i['trap'] and i['key'] in tm and i['trap'] in tm and i.get('cl') and i.get('cl') == byk[i['trap']].get('cl'):
        err.append(f"{i['src']} trap in same cluster")
if err: print('\n'.join(err)); sys.exit(1)
# ---- fake reporters ----
used = set()
FIRST = 'andi budi citra dewi eko fitri gilang hana indra joko kartika lestari made nur oki putri rizky sari tono umi vina wahyu yuni zainal agus bambang cahya dimas erna fajar galih heru ika jihan kiki lukman maya nanda opik pras rani sigit tari ucup wulan yoga asep ujang neng ayu komang ketut ucok butet daeng iwan rudi siti ani lina dodi'.split()
LAST = 'saputra wijaya lubis siregar nasution hidayat kusuma pratama santoso rahman hakim purba sinaga tanjung harahap setiawan gunawan nugroho susanto wibowo halim mokodompit pattiasina manurung ginting tarigan daulay effendi syahputra'.split()
PFX = '11 12 13 21 22 23 52 53 51 57 59 77 78 81 82 83 85 87 95 96 98 99 31 32 38'.split()
def phone():
    while True:
        p = '08' + rng.choice(PFX) + ''.join(str(rng.randint(0, 9)) for _ in range(rng.choice([7, 8])))
        if p not in used: used.add(p); return p
def mail():
    while True:
        a, b = rng.choice(FIRST), rng.choice(LAST)
        m = rng.choice([f'{a}.{b}', f'{a}{b[:3]}{rng.randint(1,99)}', f'{a}_{rng.randint(70,2005)}', f'{b}.{a}'])
        m = f'{m}@example.id'
        if m not in used: used.add(m); return m
def handle():
    while True:
        a = rng.choice(FIRST)
        h = rng.choice([f'@{a}{rng.choice(LAST)[:4]}', f'@{a}_{rng.randint(1,999)}', f'@{rng.choice(["bang","mbak","kang","teh","si","warga","cak","uda","bung"])}{a}{rng.randint(0,99)}', f'@{a}.{rng.choice(LAST)}'])
        if h not in used: used.add(h); return h
def reporter(ch):
    if ch == 'sms': return phone()
    if ch == 'social': return handle()
    if ch == 'email': return mail()
    x = rng.random()
    return None if x < 0.4 else (phone() if x < 0.7 else mail())
for i in items: i['rep'] = reporter(i['ch'])
# ---- ids in arrival order; resends ----
items.sort(key=lambda i: (tm[i['key']], i['key']))
for n, i in enumerate(items, 1): i['id'] = f'c-{n:04d}'
kid = {i['key']: i['id'] for i in items}
clid = {c: min(mem, key=lambda k: (tm[k], k)) for c, mem in clusters.items()}
out = []
def iso(m): return (T0 + dt.timedelta(minutes=m)).strftime('%Y-%m-%dT%H:%M:%SZ')
for i in items:
    cl = kid[clid[i['cl']]] if i.get('cl') else i['id']
    rec = dict(id=i['id'], channel=i['ch'], subject=i['subj'], text=i['text'], reporter=i['rep'], received_at=iso(tm[i['key']]),
               topic=i['topic'], region_code=i['region'], kecamatan_code=i['kec'], cluster=cl, duplicate_of=None,
               trap_of=kid[i['trap']] if i['trap'] else None, note=i['note'])
    out.append((tm[i['key']], 0, rec))
    nres = 2 if 'r2' in i['flags'] else (1 if 'r' in i['flags'] else 0)
    t = tm[i['key']]
    for r in range(nres):
        t += rng.randint(1, 14)
        rr = dict(rec, id=i['id'] + ('-r' if r == 0 else f'-r{r+1}'), received_at=iso(t), duplicate_of=i['id'], trap_of=None,
                  note='exact resend' + (' (second)' if r else ''))
        out.append((t, r + 1, rr))
out.sort(key=lambda x: (x[0], x[1], x[2]['id']))
with open('/work/sets/m/complaints.jsonl', 'w', encoding='utf-8') as f:
    for _, _, r in out: f.write(json.dumps(r, ensure_ascii=False) + '\n')
hints = {kid[k]: v for k, v in hints.items()}
json.dump(hints, open('/work/sets/m/src/desa_hints.json', 'w'), ensure_ascii=False, indent=0, sort_keys=True)
print(len(out), 'lines;', len(clusters), 'clusters;', sum(1 for i in items if i['trap']), 'traps')
