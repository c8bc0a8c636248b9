"""Deterministic builder: src/b*.py -> ../complaints.jsonl (byte-for-byte reproducible)."""
import datetime as dt, glob, importlib, json, os, random, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import wil  # noqa: E402

SEED = 20261201
START_WIB = dt.datetime(2026, 4, 6, 0, 0)   # 2026-04-06 .. 2026-04-26 WIB
DAYS = 21
WIB = dt.timedelta(hours=7)


def die(msg):
    sys.exit('BUILD ABORTED: ' + msg)


def load_records():
    recs = []
    for path in sorted(glob.glob(os.path.join(HERE, 'b[0-9]*_*.py'))):
        mod = importlib.import_module(os.path.basename(path)[:-3])
        recs.extend(mod.RECORDS)
    keys = [r['key'] for r in recs]
    dup = {k for k in keys if keys.count(k) > 1}
    if dup:
        die('duplicate source keys %s' % sorted(dup))
    return recs


def resolve(r):
    """-> (region_code, kecamatan_code) without dots."""
    if not r['place']:
        if r['kc']:
            die('%s: kc without place' % r['key'])
        return None, None
    parts = [p.strip() for p in r['place'].split('|')]
    try:
        kab = wil.kab(parts[0])
        kec = wil.kec(kab, parts[1]) if len(parts) > 1 and parts[1] else None
        if len(parts) > 2 and parts[2]:
            if not kec:
                die('%s: desa without kecamatan' % r['key'])
            wil.desa_in_kec(kec, parts[2])
    except KeyError as e:
        die('%s: %s' % (r['key'], e.args[0]))
    kc = r['kc'] if r['kc'] is not None else bool(kec)
    if kc and not kec:
        die('%s: kc=True but no kecamatan' % r['key'])
    if kc and not r['lm']:
        txt = wil.norm(r['text'] + ' ' + (r['subj'] or ''))
        if wil.norm(parts[1]) not in txt:
            # kecamatan not named: it must follow from a desa/kelurahan named in the text, unique in the kab/kota
            if len(parts) < 3 or wil.norm(parts[2]) not in txt:
                die('%s: kecamatan %r coded but neither it nor a desa is named in the text' % (r['key'], parts[1]))
            kecs = wil.desa_kecs_in_kab(kab, parts[2])
            if kecs != [kec]:
                die('%s: desa %r is in several kecamatan of %s: %s' % (r['key'], parts[2], kab, kecs))
    return kab.replace('.', ''), (kec.replace('.', '') if kc else None)


FIRST = ('agus budi dedi eko fajar gilang hendra irfan joko kiki lia maya nanda oki putri rina sari tono ucok'
         ' vina wati yanti zul ayu bayu citra dewi erna fitri gede komang wayan made ni_luh yosef maria'
         ' ambo andi daeng ikhsan nur rahmat siti teguh ujang asep euis neng cecep rudi hasan rosa'
         ' marlina frans yohana markus imam ilham rizky dimas aulia salsa bagus wahyu tri yudi ratna').split()
LAST = ('santoso pratama wijaya saputra lestari hidayat nasution siregar lubis harahap simanjuntak rahman'
        ' syahputra kurniawan susanti hasibuan manurung tambunan sembiring ginting daulay nainggolan'
        ' pangaribuan sinaga pohan matondang lase wenda tabuni rumbiak wakum kambu ndiken tanamal'
        ' latuconsina rumagit pelealu mokodompit hulopi dai lamato bakri rasyid mattalitti pakpahan'
        ' suryadi mulyadi hermawan setiawan permana gunawan firmansyah maulana ramadhan').split()


class Reporters:
    def __init__(self, rng):
        self.rng, self.used, self.by_label = rng, set(), {}

    def _uniq(self, f):
        while True:
            v = f()
            if v not in self.used:
                self.used.add(v)
                return v

    def make(self, ch):
        rng = self.rng
        if ch == 'web':
            ch = rng.choice(['none', 'none', 'sms', 'email'])
            if ch == 'none':
                return None
        if ch == 'sms':
            return self._uniq(lambda: '+62858000%05d' % rng.randrange(100000))
        if ch == 'social':
            def h():
                a, b = rng.choice(FIRST).replace('_', ''), rng.choice(LAST)
                return '@' + rng.choice([a + '_' + b, a + b[:4], a + str(rng.randrange(10, 99)), a + '.' + b,
                                         b + '_' + a[:3] + str(rng.randrange(1, 9))])
            return self._uniq(h)
        def m():
            a, b = rng.choice(FIRST).replace('_', ''), rng.choice(LAST)
            return rng.choice([a + '.' + b, a + b, a[0] + b, a + '_' + b + str(rng.randrange(1, 99))]) + '@example.id'
        return self._uniq(m)

    def get(self, r):
        if r['rep'] is None:
            return self.make(r['ch'])
        lab = (r['rep'], r['ch'] if r['ch'] != 'web' else 'email')
        if lab not in self.by_label:
            self.by_label[lab] = self.make(lab[1])
        return self.by_label[lab]


def draw_time(rng):
    day = rng.randrange(DAYS)
    hour = rng.choices(range(24), weights=[1, 1, 1, 1, 1, 2, 4, 7, 9, 10, 10, 9, 8, 9, 9, 8, 8, 8, 9, 10, 10, 8, 5, 3])[0]
    return START_WIB + dt.timedelta(days=day, hours=hour, minutes=rng.randrange(60))


def iso(t_wib):
    return (t_wib - WIB).strftime('%Y-%m-%dT%H:%M:00Z')


def main():
    rng = random.Random(SEED)
    recs = load_records()
    bykey = {r['key']: r for r in recs}
    reps = Reporters(rng)
    for r in recs:
        r['region'], r['kec'] = resolve(r)
        r['t'] = draw_time(rng)
        r['reporter'] = reps.get(r)
        if r['trap'] and r['trap'] not in bykey:
            die('%s: trap target %s unknown' % (r['key'], r['trap']))
        if r['ch'] == 'sms' and len(r['text']) >= 160:
            die('%s: sms text %d chars' % (r['key'], len(r['text'])))
    # order: arrival time, ties broken by key
    recs.sort(key=lambda r: (r['t'], r['key']))
    for i, r in enumerate(recs, 1):
        r['id'] = 'e-%04d' % i
    clusters = {}
    for r in recs:  # already in arrival order: first report becomes the cluster id
        if r['cl']:
            clusters.setdefault(r['cl'], r['id'])
    for lab, cid in clusters.items():
        members = [r for r in recs if r['cl'] == lab]
        if len(members) < 2:
            die('cluster %s has a single member' % lab)
    out = []
    for r in recs:
        cl = clusters[r['cl']] if r['cl'] else r['id']
        trap = bykey[r['trap']]['id'] if r['trap'] else None
        if trap and (bykey[r['trap']]['cl'] == r['cl'] and r['cl']):
            die('%s: trap in same cluster as target' % r['key'])
        base = dict(id=r['id'], channel=r['ch'], subject=r['subj'], text=r['text'], reporter=r['reporter'],
                    received_at=iso(r['t']), topic=r['topic'], region_code=r['region'], kecamatan_code=r['kec'],
                    cluster=cl, duplicate_of=None, trap_of=trap, note=r['note'])
        out.append((r['t'], base))
        t = r['t']
        for n, txt in enumerate(r['resend'], 1):
            t = t + dt.timedelta(minutes=rng.randrange(2, 35))
            d = dict(base)
            d['id'] = r['id'] + ('-r' if n == 1 else '-r%d' % n)
            d['received_at'] = iso(t)
            d['duplicate_of'] = r['id']
            d['trap_of'] = None
            if txt is not None:
                if r['ch'] == 'sms' and len(txt) >= 160:
                    die('%s resend: sms text too long' % r['key'])
                d['text'] = txt
            d['note'] = ('exact resend' if txt is None else 'near-identical resend') + ' of ' + r['id'] + \
                ('; ' + r['note'] if r['note'] else '')
            out.append((t, d))
    out.sort(key=lambda x: (x[0], x[1]['id']))
    path = os.path.join(HERE, '..', 'complaints.jsonl')
    with open(path, 'w', encoding='utf-8', newline='\n') as f:
        for _, d in out:
            f.write(json.dumps(d, ensure_ascii=False) + '\n')
    print('wrote %d lines to complaints.jsonl (%d source records)' % (len(out), len(recs)))


if __name__ == '__main__':
    main()
